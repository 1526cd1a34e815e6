"""Start-up, first diagnostics and memory phases of lsp_latency.py (any stdio LSP server).

* import floor: ``python -c "import pygls.lsp.server"`` with the ztlint venv's Python (what any
  pygls server pays before it can answer), and ``ztlint version`` / ``ztlint scan --help``;
* per server, fresh processes: spawn -> ``initialize`` answered; then, with no pause after
  ``initialized``, didOpen of a document -> its first publishDiagnostics ("fresh" open);
* memory: a fresh server with only the 10,000-line file open, and one with 200 files of the
  Django corpus open (each waited for), VmRSS after each.
"""

from __future__ import annotations

import asyncio
import subprocess
import time
from pathlib import Path

import benchutil as bu
from lsp_client import LspClient, proc_memory


def time_command(cmd: list[str], runs: int) -> dict:
    """Wall time of a short command (spawn to exit), median and min of ``runs``."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - t) * 1000)
    return {"median_ms": bu.median(times), "min_ms": min(times), "runs": times}


def floors(ztlint: Path, runs: int) -> dict:
    py = str(ztlint.parent / "python")
    return {
        "import_pygls_ms": time_command([py, "-c", "import pygls.lsp.server"], runs),
        "python_startup_ms": time_command([py, "-c", "pass"], runs),
        "ztlint_version_ms": time_command([str(ztlint), "version"], runs),
        "ztlint_scan_help_ms": time_command([str(ztlint), "scan", "--help"], runs),
    }


async def fresh_open(cmd: str, doc, root: Path, opts: dict | None, log_path: Path,
                     timeout: float) -> dict:
    """Spawn -> initialize answered; then didOpen right after initialized -> diagnostics."""
    client = LspClient(cmd, log_path, cwd=root)
    t0 = time.perf_counter()
    await client.start()
    try:
        await client.initialize(root, opts)
        t_init = time.perf_counter()
        idx = len(client.published)
        t = await client.notify("textDocument/didOpen", doc.open_params())
        p = await client.wait_published(lambda m: m.uri == doc.uri, idx, timeout)
        return {"initialize_ms": (t_init - t0) * 1000,
                "open_ms": None if p is None else (p.t - t) * 1000}
    finally:
        await client.stop()


async def memory_phase(cmd: str, big, corpus_files: list[Path], files_dir: Path, corpus_root: Path,
                       log_path: Path, timeout: float) -> dict:
    out: dict = {}
    client = LspClient(cmd, log_path, cwd=files_dir)
    await client.start()
    try:
        await client.initialize(files_dir, None)
        idx = len(client.published)
        await client.notify("textDocument/didOpen", big.open_params())
        await client.wait_published(lambda m: m.uri == big.uri, idx, timeout)
        await asyncio.sleep(0.5)
        out["one_10k_file"] = proc_memory(client.pid)
    finally:
        await client.stop()
    client = LspClient(cmd, log_path, cwd=corpus_root)
    await client.start()
    try:
        await client.initialize(corpus_root, None)
        idx = len(client.published)
        uris = set()
        for path in corpus_files:
            uri = path.resolve().as_uri()
            uris.add(uri)
            await client.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "python", "version": 1,
                "text": path.read_text(encoding="utf-8", errors="replace")}})
        deadline = time.perf_counter() + timeout * 4
        while time.perf_counter() < deadline:
            if uris <= {m.uri for m in client.published[idx:]}:
                break
            await asyncio.sleep(0.1)
        await asyncio.sleep(0.5)
        out["files_open"] = len(corpus_files)
        out["files_published"] = len(uris & {m.uri for m in client.published[idx:]})
        out["workspace_200"] = proc_memory(client.pid)
    finally:
        await client.stop()
    return out


def corpus_sample(corpus: Path, n: int = 200) -> list[Path]:
    """``n`` Python files of the corpus, spread over it (every k-th in path order)."""
    files = sorted(p for p in corpus.rglob("*.py") if p.stat().st_size < 200_000)
    step = max(1, len(files) // n)
    return files[::step][:n]
