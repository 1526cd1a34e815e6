"""A minimal LSP client over stdio (asyncio subprocess pipes), standard library only.

Enough for benchmarks: requests with futures, notifications, canned answers to the few requests
a server may send (workspace/configuration, client/registerCapability, progress), and a log of
every textDocument/publishDiagnostics with its arrival time.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import shlex
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Published:
    t: float              # time.perf_counter() when the message was read
    uri: str
    version: int | None   # None when the server does not send one
    count: int            # number of diagnostics
    has_version_key: bool


@dataclass
class LspClient:
    command: str
    stderr_path: Path
    cwd: Path | None = None
    proc: asyncio.subprocess.Process | None = None
    published: list[Published] = field(default_factory=list)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    _pending: dict = field(default_factory=dict)
    _changed: asyncio.Event | None = None
    _reader: asyncio.Task | None = None
    server_capabilities: dict = field(default_factory=dict)
    log_messages: list[str] = field(default_factory=list)

    async def start(self) -> None:
        self._stderr = open(self.stderr_path, "ab")
        self.proc = await asyncio.create_subprocess_exec(
            *shlex.split(self.command), stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=self._stderr, cwd=str(self.cwd) if self.cwd else None, limit=2**26)
        # drain() returns only when everything written has been handed to the pipe
        self.proc.stdin.transport.set_write_buffer_limits(high=0)
        self._changed = asyncio.Event()
        self._reader = asyncio.create_task(self._read_loop())

    @property
    def pid(self) -> int:
        return self.proc.pid

    # -- wire format ----------------------------------------------------------------------
    @staticmethod
    def encode(msg: dict) -> bytes:
        body = json.dumps(msg, separators=(",", ":")).encode("utf-8")
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    async def write_raw(self, data: bytes) -> None:
        self.proc.stdin.write(data)
        await self.proc.stdin.drain()

    async def _read_loop(self) -> None:
        reader = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = await reader.readline()
                    if not line:
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                body = await reader.readexactly(length)
                t = time.perf_counter()
                self._dispatch(json.loads(body), t)
        except (asyncio.IncompleteReadError, ConnectionError):
            return
        finally:
            for fut in self._pending.values():
                if not fut.done():
                    fut.set_exception(ConnectionError("server exited"))

    def _dispatch(self, msg: dict, t: float) -> None:
        if "id" in msg and "method" not in msg:  # a response
            fut = self._pending.pop(msg["id"], None)
            if fut and not fut.done():
                if "error" in msg:
                    fut.set_exception(RuntimeError(f"LSP error: {msg['error']}"))
                else:
                    fut.set_result(msg.get("result"))
            return
        method = msg.get("method")
        params = msg.get("params") or {}
        if method == "textDocument/publishDiagnostics":
            self.published.append(Published(t, params.get("uri"), params.get("version"),
                                            len(params.get("diagnostics") or []), "version" in params))
            self._changed.set()
        elif method in ("window/logMessage", "window/showMessage"):
            self.log_messages.append(str(params.get("message", ""))[:500])
        if "id" in msg:  # a request from the server: answer it
            result = None
            if method == "workspace/configuration":
                result = [None for _ in params.get("items", [])]
            elif method == "workspace/workspaceFolders":
                result = []
            asyncio.get_running_loop().create_task(
                self.write_raw(self.encode({"jsonrpc": "2.0", "id": msg["id"], "result": result})))

    # -- API ------------------------------------------------------------------------------
    async def request(self, method: str, params, timeout: float = 60.0):
        rid = next(self._ids)
        fut = asyncio.get_running_loop().create_future()
        self._pending[rid] = fut
        await self.write_raw(self.encode({"jsonrpc": "2.0", "id": rid, "method": method, "params": params}))
        return await asyncio.wait_for(fut, timeout)

    def notification_bytes(self, method: str, params) -> bytes:
        return self.encode({"jsonrpc": "2.0", "method": method, "params": params})

    async def notify(self, method: str, params) -> float:
        """Send a notification; returns the time it was handed to the pipe."""
        await self.write_raw(self.notification_bytes(method, params))
        return time.perf_counter()

    async def wait_published(self, pred, start_index: int = 0, timeout: float = 30.0) -> Published | None:
        """The first publishDiagnostics at or after published[start_index] that satisfies pred."""
        deadline = time.perf_counter() + timeout
        i = start_index
        while True:
            while i < len(self.published):
                if pred(self.published[i]):
                    return self.published[i]
                i += 1
            left = deadline - time.perf_counter()
            if left <= 0 or self.proc.returncode is not None:
                return None
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), min(left, 1.0))
            except asyncio.TimeoutError:
                pass

    async def initialize(self, root: Path, init_options: dict | None) -> dict:
        caps = {
            "general": {"positionEncodings": ["utf-16"]},
            "textDocument": {
                "synchronization": {"dynamicRegistration": False, "didSave": True},
                "publishDiagnostics": {"versionSupport": True, "relatedInformation": True},
            },
            "workspace": {"workspaceFolders": True},
            "window": {"workDoneProgress": False},
        }
        params = {"processId": os.getpid(), "rootUri": root.as_uri(), "rootPath": str(root),
                  "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                  "capabilities": caps, "clientInfo": {"name": "ztlint-bench", "version": "1"}}
        if init_options is not None:
            params["initializationOptions"] = init_options
        result = await self.request("initialize", params)
        self.server_capabilities = (result or {}).get("capabilities", {})
        await self.notify("initialized", {})
        return result

    def sync_kind(self) -> int:
        sync = self.server_capabilities.get("textDocumentSync")
        if isinstance(sync, dict):
            return int(sync.get("change", 0) or 0)
        return int(sync or 0)

    async def stop(self) -> None:
        if self.proc is None:
            return
        try:
            if self.proc.returncode is None:
                await self.request("shutdown", None, timeout=10)
                await self.notify("exit", None)
                await asyncio.wait_for(self.proc.wait(), 10)
        except Exception:  # noqa: BLE001 - make sure it is gone
            pass
        if self.proc.returncode is None:
            self.proc.kill()
            await self.proc.wait()
        if self._reader:
            self._reader.cancel()
        self._stderr.close()


def proc_memory(pid: int) -> dict:
    """VmRSS / VmHWM (MB) of pid, and the summed VmRSS of its descendants."""
    out = {"vm_rss_mb": None, "vm_hwm_mb": None, "children_rss_mb": 0.0}

    def status(p):
        vals = {}
        with open(f"/proc/{p}/status") as fh:
            for line in fh:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    k, v = line.split(":", 1)
                    vals[k] = int(v.split()[0]) / 1024
        return vals

    try:
        s = status(pid)
        out["vm_rss_mb"], out["vm_hwm_mb"] = s.get("VmRSS"), s.get("VmHWM")
        stack = [pid]
        seen = set()
        while stack:
            p = stack.pop()
            if p in seen:
                continue
            seen.add(p)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    kids = [int(c) for c in fh.read().split()]
                for k in kids:
                    try:
                        out["children_rss_mb"] += status(k).get("VmRSS", 0)
                    except OSError:
                        pass
                stack.extend(kids)
    except OSError:
        pass
    return out


def proc_cpu_s(pid: int) -> float | None:
    """user+sys CPU seconds of pid so far (from /proc/PID/stat)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None
