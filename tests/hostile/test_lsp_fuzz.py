"""Issue 10: random bytes, random frames and random edit sequences thrown at the server; after
each batch a request is still answered and the process is alive. Seeded: a failure names its
seed and batch (ZTLINT_FUZZ_SEED=<seed> to replay)."""

from __future__ import annotations

import json
import os
import random
import time

from .lsp_wire import Wire, frame

SEED = int(os.environ.get("ZTLINT_FUZZ_SEED", "20261207"))
BATCHES = 60
TIME_BUDGET_S = 20  # stop starting batches after this (a slow machine runs fewer)
PIECES = [b"Content-Length: ", b"Content-Length: 9999999\r\n", b"\r\n", b"\r\n\r\n", b"\n", b"{",
          b"}", b"[", b'"', b"\\", b"\x00", b"\xff\xfe", b"12", b'{"jsonrpc": "2.0", ',
          b'"method": "textDocument/hover", ', b'"id": 3', "é😀".encode()]
METHODS = ["textDocument/hover", "textDocument/codeAction", "textDocument/didOpen",
           "textDocument/didChange", "textDocument/didClose", "$/cancelRequest",
           "workspace/executeCommand", "textDocument/diagnostic", "ztlint/unknown"]
SNIPPETS = ["import os\n", "os.system(input())\n", "x = '\u00e9\u4e2d\U0001f600'\n", "\r", "\r\n",
            "\n", "\x00", "def f(:\n", "\ud800", "TOKEN = 'ghp_" + "a1B2" * 9 + "'\n", "    ", "é",
            "yaml.load(s)\n", "'''", "#", "\t"]


def random_value(rng: random.Random, depth: int = 0):
    kind = rng.randrange(8 if depth < 3 else 5)
    if kind == 0:
        return rng.choice([None, True, False])
    if kind == 1:
        return rng.choice([0, -1, 1, 2**31, 2**64, 1.5, rng.randint(-10, 10**6)])
    if kind in (2, 3, 4):
        return "".join(rng.choice(SNIPPETS) for _ in range(rng.randint(0, 4)))
    if kind in (5, 6):
        keys = ["uri", "textDocument", "position", "range", "context", "line", "character",
                "text", "version", "contentChanges", "start", "end", "id", "diagnostics"]
        return {rng.choice(keys): random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))}
    return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]


def random_bytes(rng: random.Random, uris) -> bytes:
    parts = []
    for _ in range(rng.randint(1, 12)):
        parts.append(rng.choice(PIECES) if rng.random() < 0.5 else rng.randbytes(rng.randint(0, 300)))
    return b"".join(parts)


def random_frames(rng: random.Random, uris) -> bytes:
    out = []
    for _ in range(rng.randint(1, 6)):
        msg = {"jsonrpc": "2.0", "method": rng.choice(METHODS), "params": random_value(rng)}
        if rng.random() < 0.5:
            msg["id"] = rng.choice([rng.randint(1, 10**6), "s" + str(rng.random()), None, [1]])
        if rng.random() < 0.3 and isinstance(msg["params"], dict):
            msg["params"]["textDocument"] = {"uri": rng.choice(uris)}
        body = json.dumps(msg).encode()
        if rng.random() < 0.2:  # cut or corrupt the body
            body = body[:rng.randint(0, len(body))] + rng.randbytes(rng.randint(0, 20))
        delta = rng.choice([0, 0, 0, 1, -1, rng.randint(-len(body), 400)])
        out.append(frame(body, max(delta, -len(body))))
    return b"".join(out)


def random_position(rng: random.Random) -> dict:
    return {"line": rng.choice([0, 1, 2, 3, rng.randint(0, 50), 10**6]),
            "character": rng.choice([0, 1, 3, rng.randint(0, 80), 10**6])}


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(SNIPPETS) for _ in range(rng.randint(0, 12)))


def random_edits(rng: random.Random, uris, versions) -> bytes:
    out = []
    for _ in range(rng.randint(1, 25)):
        uri = rng.choice(uris)
        versions[uri] = versions.get(uri, 0) + 1
        roll = rng.random()
        doc = {"uri": uri}
        if roll < 0.15:
            msg = {"method": "textDocument/didOpen", "params": {"textDocument": {
                **doc, "languageId": rng.choice(["python", "javascript", "plaintext", "go"]),
                "version": versions[uri], "text": random_text(rng)}}}
        elif roll < 0.2:
            msg = {"method": "textDocument/didClose", "params": {"textDocument": doc}}
        elif roll < 0.75:
            changes = []
            for _ in range(rng.randint(1, 3)):
                change = {"text": random_text(rng)}
                if rng.random() < 0.85:
                    change["range"] = {"start": random_position(rng), "end": random_position(rng)}
                changes.append(change)
            msg = {"method": "textDocument/didChange", "params": {
                "textDocument": {**doc, "version": versions[uri]}, "contentChanges": changes}}
        else:
            pos = random_position(rng)
            params = {"textDocument": doc, "position": pos}
            method = "textDocument/hover"
            if rng.random() < 0.5:
                method = "textDocument/codeAction"
                params = {"textDocument": doc, "range": {"start": pos, "end": random_position(rng)},
                          "context": {"diagnostics": []}}
            msg = {"method": method, "params": params, "id": rng.randint(1, 10**6)}
        out.append(frame({"jsonrpc": "2.0", **msg}))
    return b"".join(out)


def test_the_server_keeps_answering_whatever_it_is_sent(tmp_path):
    rng = random.Random(SEED)
    uris = [(tmp_path / name).as_uri() for name in ("a.py", "b.js", "c.txt")]
    versions: dict[str, int] = {}
    wire = Wire(tmp_path)
    try:
        wire.initialize(tmp_path)
        started, batches = time.monotonic(), 0
        while batches < BATCHES and time.monotonic() - started < TIME_BUDGET_S:
            kind = rng.choice([random_bytes, random_frames, random_edits, random_edits])
            data = kind(rng, uris, versions) if kind is random_edits else kind(rng, uris)
            wire.send(data)
            where = f"seed {SEED}, batch {batches} ({kind.__name__})"
            answer = wire.hover(uris[0], rng.randint(0, 5), rng.randint(0, 5))
            assert "result" in answer or "error" in answer, where
            assert wire.alive(), where
            batches += 1
        assert batches >= 10
        # and it still analyses: a fresh document gets its finding
        probe = (tmp_path / "probe.py").as_uri()
        wire.open(probe, "import os\nos.system(input())\n")
        assert wire.hover(probe, 1, 3)["result"] is not None
        assert wire.request("shutdown", None)["result"] is None
    finally:
        wire.close()
