"""`ztlint lsp` in a subprocess, driven with raw bytes: for frames no real client would send."""

from __future__ import annotations

import itertools
import json
import queue
import subprocess
import sys
import threading
from pathlib import Path

SERVER = [sys.executable, "-m", "ztlint.cli", "lsp"]
ANSWER_TIMEOUT = 10.0


def frame(msg: dict | bytes, length_delta: int = 0) -> bytes:
    body = msg if isinstance(msg, bytes) else json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n" % (len(body) + length_delta) + body


class Wire:
    def __init__(self, cwd: Path):
        self.proc = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, cwd=cwd)
        self.inbox: queue.Queue = queue.Queue()
        self.notifications: list[dict] = []
        self.ids = itertools.count(1000)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                if line.strip() == b"":
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            self.inbox.put(json.loads(out.read(length)))

    def send(self, data: bytes) -> None:
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def notify(self, method: str, params) -> None:
        self.send(frame({"jsonrpc": "2.0", "method": method, "params": params}))

    def wait_answer(self, msg_id, timeout: float = ANSWER_TIMEOUT) -> dict:
        """The response to ``msg_id``; AssertionError when none comes in time."""
        while True:
            try:
                msg = self.inbox.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no answer to request {msg_id!r}") from None
            assert msg is not None, "the server exited"
            if "method" in msg:
                self.notifications.append(msg)
                if "id" in msg:  # a request from the server: answer it
                    self.send(frame({"jsonrpc": "2.0", "id": msg["id"], "result": None}))
            elif msg.get("id") == msg_id:
                return msg

    def request(self, method: str, params, length_delta: int = 0) -> dict:
        msg_id = next(self.ids)
        self.send(frame({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params},
                        length_delta))
        return self.wait_answer(msg_id)

    def initialize(self, root: Path, options: dict | None = None) -> dict:
        answer = self.request("initialize", {
            "processId": None, "rootUri": root.as_uri(), "capabilities": {},
            "initializationOptions": {"debounceMs": 0, **(options or {})}})
        self.notify("initialized", {})
        return answer

    def hover(self, uri: str, line: int = 0, character: int = 0) -> dict:
        return self.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                   "position": {"line": line, "character": character}})

    def open(self, uri: str, text: str, version: int = 1, language: str = "python") -> None:
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language, "version": version, "text": text}})

    def messages(self) -> list[str]:
        return [m["params"]["message"] for m in self.notifications
                if m["method"] in ("window/showMessage", "window/logMessage")]

    def published(self, uri: str) -> list[dict]:
        return [m["params"] for m in self.notifications
                if m["method"] == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri]

    def alive(self) -> bool:
        return self.proc.poll() is None

    def close(self) -> None:
        if self.alive():
            try:
                self.proc.stdin.close()
            except OSError:
                pass
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
