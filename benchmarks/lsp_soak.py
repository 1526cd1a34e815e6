"""Soak test of `ztlint lsp`: does the server's memory stay flat under a long editing session?

Starts the real server over stdio, opens a mid-size Python file (ztlint's own engine modules,
concatenated), warms up, then sends 20,000 one-character didChange notifications (alternately
inserting and deleting a character, so the document keeps its size) and 8,000 didOpen/didClose
cycles of a small file, and prints the server's RSS (/proc/PID/status VmRSS) after the warm-up
and after each phase. Talks only over stdio; standard library only; bounded in time.

    .venv/bin/python benchmarks/lsp_soak.py [--server "CMD"] [--edits N] [--cycles N]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from lsp_client import LspClient, proc_memory  # noqa: E402

REPO = HERE.parent
DEFAULT_SERVER = f"{REPO / '.venv' / 'bin' / 'ztlint'} lsp"
SMALL = 'import os\n\ndef run(cmd):\n    os.system(cmd)\n\nTOKEN = "not-a-secret"\n'
BATCH = 500  # notifications per write
TIME_LIMIT_S = 600


def mid_size_python(lines: int = 2000) -> str:
    out: list[str] = []
    for p in sorted((REPO / "server" / "ztlint" / "engine").glob("*.py")):
        out.extend(p.read_text(encoding="utf-8").splitlines())
        if len(out) >= lines:
            break
    return "\n".join(out[:lines]) + "\n"


def rss_mb(pid: int) -> float:
    return proc_memory(pid)["vm_rss_mb"] or 0.0


class Soak:
    def __init__(self, client: LspClient, uri: str, small_uri: str, line: int):
        self.c, self.uri, self.small_uri, self.line = client, uri, small_uri, line
        self.version = 1

    async def sync(self) -> None:
        """A request answered after everything sent so far has been read."""
        await self.c.request("textDocument/hover", {"textDocument": {"uri": self.uri},
                                                    "position": {"line": 0, "character": 0}})

    async def edits(self, n: int) -> None:
        frames = []
        for i in range(n):
            self.version += 1
            if i % 2 == 0:
                change = {"range": {"start": {"line": self.line, "character": 0},
                                    "end": {"line": self.line, "character": 0}}, "text": "x"}
            else:
                change = {"range": {"start": {"line": self.line, "character": 0},
                                    "end": {"line": self.line, "character": 1}}, "text": ""}
            frames.append(self.c.notification_bytes("textDocument/didChange", {
                "textDocument": {"uri": self.uri, "version": self.version},
                "contentChanges": [change]}))
            if len(frames) == BATCH:
                await self.c.write_raw(b"".join(frames))
                frames = []
        await self.c.write_raw(b"".join(frames))
        await self.sync()

    async def open_close(self, n: int) -> None:
        frames = []
        for i in range(n):
            frames.append(self.c.notification_bytes("textDocument/didOpen", {"textDocument": {
                "uri": self.small_uri, "languageId": "python", "version": i, "text": SMALL}}))
            frames.append(self.c.notification_bytes("textDocument/didClose", {
                "textDocument": {"uri": self.small_uri}}))
            if len(frames) >= BATCH:
                await self.c.write_raw(b"".join(frames))
                frames = []
                await self.sync()  # open analyses: keep the backlog bounded
        await self.c.write_raw(b"".join(frames))
        await self.sync()


async def settle(pid: int) -> float:
    await asyncio.sleep(1.0)  # debounced analysis and its publish
    return rss_mb(pid)


async def run(args) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "ztlint.toml").write_text("")
        mid = root / "mid.py"
        mid.write_text(mid_size_python(), encoding="utf-8")
        client = LspClient(args.server, root / "server.log", cwd=root)
        await client.start()
        try:
            await client.initialize(root, {})
            uri, small_uri = mid.as_uri(), (root / "small.py").as_uri()
            await client.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "python", "version": 1, "text": mid.read_text()}})
            soak = Soak(client, uri, small_uri, line=100)
            t0 = time.perf_counter()
            await soak.edits(2000)          # warm-up: caches, allocator pools, compiled rules
            await soak.open_close(500)
            base = await settle(client.pid)
            await soak.edits(args.edits)
            after_edits = await settle(client.pid)
            await soak.open_close(args.cycles)
            after_cycles = await settle(client.pid)
            elapsed = time.perf_counter() - t0
        finally:
            await client.stop()
    print(f"server: {args.server}")
    print(f"RSS after warm-up:                     {base:7.1f} MB")
    print(f"RSS after {args.edits:,} didChange:       {after_edits:7.1f} MB  "
          f"({after_edits - base:+.1f} MB, {(after_edits - base) * 1024 * 1024 / args.edits:,.0f} B/edit)")
    print(f"RSS after {args.cycles:,} open/close cycles: {after_cycles:7.1f} MB  "
          f"({after_cycles - after_edits:+.1f} MB, "
          f"{(after_cycles - after_edits) * 1024 * 1024 / args.cycles:,.0f} B/cycle)")
    print(f"growth over the soak: {after_cycles - base:+.1f} MB (target <= 5 MB); {elapsed:.0f} s")
    return 0 if after_cycles - base <= 5 else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--server", default=DEFAULT_SERVER, help="server command (default: %(default)s)")
    ap.add_argument("--edits", type=int, default=20_000)
    ap.add_argument("--cycles", type=int, default=8_000)
    args = ap.parse_args()
    return asyncio.run(asyncio.wait_for(run(args), TIME_LIMIT_S))


if __name__ == "__main__":
    sys.exit(main())
