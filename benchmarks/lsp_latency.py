#!/usr/bin/env python3
"""Language-server latency benchmark for any stdio LSP server.

    python3 benchmarks/lsp_latency.py [--server "CMD"]... [--keystrokes 200] [--burst 500]

Default servers: ``<repo>/.venv/bin/ztlint lsp`` and ``benchmarks/work/venv/bin/ruff server``.
Documents (built from the Django sdist, see corpus_files.py): a 2,000-line and a 10,000-line
Python file and a 5,000-line JavaScript file.

Per server, two fresh server processes:

1. typing: a tiny Python and a tiny JS file are opened first (cold open: the first file of a
   language pays for rule loading/compilation); then per document: didOpen -> first
   publishDiagnostics; a setup edit inserts a new line ``z`` before a ``return`` in the middle
   of the file (inside a function body); then --keystrokes single characters are typed after
   the ``z`` one at a time: each didChange(version v) is timed until the publishDiagnostics
   carrying version v (or, for a server that sends no versions, the next publishDiagnostics
   for that URI), and only then is the next character typed. ztlint runs this phase twice: with
   its default settings (no initializationOptions) and with ``{"debounceMs": 0}``;
   ``--typing-options`` adds options to both (other servers get exactly those).
2. burst: per document, after open and the setup edit, --burst single-character changes are
   written in one go; reported: the time from the last change (handed to the pipe) to the
   diagnostics of the final version, how many publishDiagnostics the burst caused, and whether
   the final version's diagnostics were the last thing published for the URI (after a quiet
   period of --quiet seconds). ztlint runs with its default debounce (no options).

3. start-up (lsp_startup.py): fresh servers, spawn -> initialize answered, didOpen right after
   initialized -> first diagnostics; the pygls import floor, ``ztlint version`` and ``ztlint
   scan --help``; RSS with only the 10,000-line file open and with 200 Django files open.

Server memory (VmRSS and VmHWM from /proc/PID/status) is read at the end of each phase, with
all three documents still open. For ztlint, in-process full vs incremental analysis of the
10,000-line file is measured too (inprocess_incremental.py, run with ztlint's own Python).
Results: benchmarks/work/lsp-results.json and lsp-results.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchutil as bu  # noqa: E402
import corpus_files  # noqa: E402
from lsp_client import LspClient, proc_cpu_s, proc_memory  # noqa: E402
import lsp_startup  # noqa: E402

FILES_DIR = bu.WORK_DIR / "lsp-files"
LANG_ID = {".py": "python", ".js": "javascript"}
OPEN_TIMEOUT = [10.0]


def is_ztlint(cmd: str) -> bool:
    return "ztlint" in cmd


def server_name(cmd: str) -> str:
    parts = shlex.split(cmd)
    exe = Path(parts[0]).name
    return " ".join([exe] + parts[1:])


class Doc:
    """Client-side copy of an open document (for full-sync servers) and the typing cursor."""

    def __init__(self, path: Path):
        self.path = path
        self.uri = path.resolve().as_uri()
        self.text = path.read_text(encoding="utf-8")
        self.language = LANG_ID[path.suffix]
        self.version = 1
        self.line, self.indent, self.setup = corpus_files.typing_position(self.text, self.language)
        self.col = 0  # set by the setup edit
        self.typed = 0

    def _apply(self, line: int, col: int, text: str) -> None:
        lines = self.text.split("\n")
        off = sum(len(x) + 1 for x in lines[:line]) + col  # ASCII only at the edit position
        self.text = self.text[:off] + text + self.text[off:]

    def setup_change(self, sync: int) -> dict:
        self.version += 1
        change = self._change(sync, self.line, 0, self.setup + "\n")
        self.col = len(self.setup.rstrip(";"))
        return self._params(change)

    def keystroke(self, sync: int) -> dict:
        ch = corpus_files.TYPED[self.typed % len(corpus_files.TYPED)]
        self.typed += 1
        self.version += 1
        change = self._change(sync, self.line, self.col, ch)
        self.col += 1
        return self._params(change)

    def _change(self, sync: int, line: int, col: int, text: str) -> dict:
        self._apply(line, col, text)
        if sync == 2:  # incremental: the indent is ASCII, so UTF-16 columns = characters
            pos = {"line": line, "character": col}
            return {"range": {"start": pos, "end": pos}, "text": text}
        return {"text": self.text}

    def _params(self, change: dict) -> dict:
        return {"textDocument": {"uri": self.uri, "version": self.version}, "contentChanges": [change]}

    def open_params(self) -> dict:
        return {"textDocument": {"uri": self.uri, "languageId": self.language, "version": self.version,
                                 "text": self.text}}


async def start_pyspy(pid: int, out: Path):
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    spy = await asyncio.create_subprocess_exec(
        str(bu.venv_bin("py-spy")), "record", "--pid", str(pid), "--format", "raw", "--rate", "250",
        "--nonblocking", "-o", str(out), stdout=asyncio.subprocess.DEVNULL,
        stderr=open(out.with_suffix(".log"), "wb"))
    await asyncio.sleep(1.0)  # let it attach
    return spy


async def stop_pyspy(spy) -> None:
    if spy is None:
        return
    spy.send_signal(signal.SIGINT)
    try:
        await asyncio.wait_for(spy.wait(), 30)
    except asyncio.TimeoutError:
        spy.kill()


def summarize(xs_s: list[float]) -> dict:
    return summarize_ms([x * 1000 for x in xs_s])


def summarize_ms(ms: list[float]) -> dict:
    if not ms:
        return {"n": 0}
    return {"n": len(ms), "p50": bu.percentile(ms, 50), "p95": bu.percentile(ms, 95),
            "p99": bu.percentile(ms, 99), "max": max(ms), "mean": sum(ms) / len(ms)}


async def open_doc(client: LspClient, doc: Doc, timeout: float) -> dict:
    # a server that does not handle the language publishes nothing: give up sooner
    timeout = min(timeout, OPEN_TIMEOUT[0])
    idx = len(client.published)
    t = await client.notify("textDocument/didOpen", doc.open_params())
    p = await client.wait_published(lambda m: m.uri == doc.uri, idx, timeout)
    if p is None:
        return {"open_ms": None, "versioned": None, "diagnostics": None}
    return {"open_ms": (p.t - t) * 1000, "versioned": p.has_version_key and p.version is not None,
            "diagnostics": p.count}


def wait_pred(doc: Doc, version: int, versioned: bool):
    if versioned:
        return lambda m: m.uri == doc.uri and m.version is not None and m.version >= version
    return lambda m: m.uri == doc.uri


async def setup_edit(client: LspClient, doc: Doc, versioned: bool, timeout: float) -> bool:
    idx = len(client.published)
    await client.notify("textDocument/didChange", doc.setup_change(client.sync_kind()))
    return await client.wait_published(wait_pred(doc, doc.version, versioned), idx, timeout) is not None


async def typing_phase(cmd: str, docs: list[Path], opts: dict | None, args, log_path: Path,
                       spy_out: Path | None = None) -> dict:
    client = LspClient(cmd, log_path, cwd=FILES_DIR)
    await client.start()
    out: dict = {"init_options": opts, "files": {}}
    spy = None
    try:
        await client.initialize(FILES_DIR, opts)
        out["sync_kind"] = client.sync_kind()
        cold = {}
        for tiny in (FILES_DIR / "tiny.py", FILES_DIR / "tiny.js"):
            d = Doc.__new__(Doc)
            d.path, d.uri, d.text = tiny, tiny.resolve().as_uri(), tiny.read_text()
            d.language, d.version = LANG_ID[tiny.suffix], 1
            cold[tiny.name] = (await open_doc(client, d, args.timeout))["open_ms"]
            await client.notify("textDocument/didClose", {"textDocument": {"uri": d.uri}})
        out["cold_open_ms"] = cold
        if spy_out is not None:  # attach py-spy to the server (its stdio stays the LSP channel)
            spy = await start_pyspy(client.pid, spy_out)
        for path in docs:
            doc = Doc(path)
            res = await open_doc(client, doc, args.timeout)
            res["lines"] = doc.text.count("\n")
            res["typing_line"] = doc.line + 1
            out["files"][path.name] = res
            bu.log(f"  {server_name(cmd)}: opened {path.name} in "
                   f"{bu.fmt(res['open_ms'], '.1f', ' ms') or 'n/a (no diagnostics)'}")
            if res["open_ms"] is None:
                continue
            versioned = res["versioned"]
            if not await setup_edit(client, doc, versioned, args.timeout):
                res["error"] = "no diagnostics after the setup edit"
                continue
            lat, missing, stale = [], 0, 0
            cpu0 = proc_cpu_s(client.pid)
            for _ in range(args.keystrokes):
                idx = len(client.published)
                t = await client.notify("textDocument/didChange", doc.keystroke(client.sync_kind()))
                p = await client.wait_published(wait_pred(doc, doc.version, versioned), idx, args.timeout)
                if p is None:
                    missing += 1
                    continue
                if versioned and p.version != doc.version:
                    stale += 1
                lat.append(p.t - t)
            cpu1 = proc_cpu_s(client.pid)
            res["typing_cpu_ms_per_key"] = (None if cpu0 is None or cpu1 is None
                                            else 1000 * (cpu1 - cpu0) / args.keystrokes)
            res["typing_raw_ms"] = [x * 1000 for x in lat]
            res["typing_ms"] = summarize(lat)
            res["typing_missing"] = missing
            res["typing_version_mismatch"] = stale
            t = res["typing_ms"]
            bu.log(f"  {server_name(cmd)}: typed {args.keystrokes} chars in {path.name}: "
                   f"p50 {bu.fmt(t.get('p50'), '.1f')} p95 {bu.fmt(t.get('p95'), '.1f')} "
                   f"p99 {bu.fmt(t.get('p99'), '.1f')} ms")
        out["memory"] = proc_memory(client.pid)
        out["server_log_tail"] = client.log_messages[-5:]
    finally:
        await stop_pyspy(spy)
        await client.stop()
    return out


async def burst_phase(cmd: str, docs: list[Path], opts: dict | None, args, log_path: Path,
                      spy_out: Path | None = None) -> dict:
    client = LspClient(cmd, log_path, cwd=FILES_DIR)
    await client.start()
    out: dict = {"init_options": opts, "files": {}}
    spy = None
    try:
        await client.initialize(FILES_DIR, opts)
        for path in docs:
            doc = Doc(path)
            res = await open_doc(client, doc, args.timeout)
            out["files"][path.name] = res = {"open_ms": res["open_ms"], "versioned": res["versioned"]}
            if res["open_ms"] is None:
                continue
            versioned = res["versioned"]
            if not await setup_edit(client, doc, versioned, args.timeout):
                res["error"] = "no diagnostics after the setup edit"
                continue
            await asyncio.sleep(args.quiet)  # let any debounced publish of the setup edit go out
            if spy_out is not None:
                spy = await start_pyspy(client.pid, spy_out)
            sync = client.sync_kind()
            blob = b"".join(client.encode({"jsonrpc": "2.0", "method": "textDocument/didChange",
                                           "params": doc.keystroke(sync)}) for _ in range(args.burst))
            final = doc.version
            idx = len(client.published)
            cpu0 = proc_cpu_s(client.pid)
            t0 = time.perf_counter()
            await client.write_raw(blob)
            t_last = time.perf_counter()
            if versioned:
                p = await client.wait_published(
                    lambda m: m.uri == doc.uri and m.version == final, idx, args.timeout)
                await asyncio.sleep(args.quiet)
            else:
                # no versions: wait until the URI has been quiet for --quiet seconds
                p, deadline = None, time.perf_counter() + args.timeout
                while time.perf_counter() < deadline:
                    mine = [m for m in client.published[idx:] if m.uri == doc.uri]
                    if mine and time.perf_counter() - mine[-1].t >= args.quiet:
                        p = mine[-1]
                        break
                    await asyncio.sleep(0.05)
            after = [m for m in client.published[idx:] if m.uri == doc.uri]
            cpu1 = proc_cpu_s(client.pid)
            res.update({
                "server_cpu_ms": None if cpu0 is None or cpu1 is None else 1000 * (cpu1 - cpu0),
                "changes": args.burst,
                "write_ms": (t_last - t0) * 1000,
                "final_ms": None if p is None else (p.t - t_last) * 1000,
                "publishes": len(after),
                "versions_published": [m.version for m in after][-10:],
                "final_is_last": bool(p is not None and after and after[-1] is p),
                "stale_after_final": sum(1 for m in after if p is not None and m.t > p.t and
                                         (m.version is None or m.version < final)),
            })
            bu.log(f"  {server_name(cmd)}: burst of {args.burst} in {path.name}: final diagnostics "
                   f"{bu.fmt(res['final_ms'], '.1f', ' ms') or 'n/a'} after the last change; "
                   f"{len(after)} publish(es); final is last: {res['final_is_last']}")
        out["memory"] = proc_memory(client.pid)
    finally:
        await stop_pyspy(spy)
        await client.stop()
    return out


def _max_memory(runs: list[dict]) -> dict:
    mems = [r.get("memory") or {} for r in runs]
    out = {}
    for k in ("vm_rss_mb", "vm_hwm_mb", "children_rss_mb"):
        vals = [m.get(k) for m in mems if m.get(k) is not None]
        out[k] = max(vals) if vals else None
    out["vm_rss_mb_per_run"] = [m.get("vm_rss_mb") for m in mems]
    return out


def merge_typing(runs: list[dict]) -> dict:
    """Pool the keystrokes of repeated typing phases; medians of the per-run numbers."""
    out = {k: v for k, v in runs[0].items() if k not in ("files", "memory", "cold_open_ms")}
    out["repeats"] = len(runs)
    out["cold_open_ms"] = {k: bu.median([r["cold_open_ms"].get(k) for r in runs]) for k in runs[0]["cold_open_ms"]}
    out["memory"] = _max_memory(runs)
    out["files"] = {}
    for fname, first in runs[0]["files"].items():
        per = [r["files"].get(fname, {}) for r in runs]
        f = {k: first.get(k) for k in ("lines", "typing_line", "versioned", "diagnostics", "error")}
        f["open_ms"] = bu.median([x.get("open_ms") for x in per])
        pooled = [v for x in per for v in x.get("typing_raw_ms", [])]
        if pooled:
            f["typing_ms"] = summarize_ms(pooled)
            f["typing_p95_per_run"] = [x.get("typing_ms", {}).get("p95") for x in per]
            f["typing_p99_per_run"] = [x.get("typing_ms", {}).get("p99") for x in per]
            f["typing_cpu_ms_per_key"] = bu.median([x.get("typing_cpu_ms_per_key") for x in per])
            f["typing_missing"] = sum(x.get("typing_missing", 0) for x in per)
            f["typing_version_mismatch"] = sum(x.get("typing_version_mismatch", 0) for x in per)
            f["typing_raw_ms"] = pooled
        out["files"][fname] = f
    return out


def merge_burst(runs: list[dict]) -> dict:
    out = {"init_options": runs[0].get("init_options"), "repeats": len(runs), "memory": _max_memory(runs),
           "files": {}}
    for fname, first in runs[0]["files"].items():
        per = [r["files"].get(fname, {}) for r in runs]
        f = {"open_ms": bu.median([x.get("open_ms") for x in per]), "versioned": first.get("versioned")}
        if any("final_ms" in x for x in per):
            f.update({
                "changes": first.get("changes"),
                "final_ms": bu.median([x.get("final_ms") for x in per]),
                "final_ms_per_run": [x.get("final_ms") for x in per],
                "server_cpu_ms": bu.median([x.get("server_cpu_ms") for x in per]),
                "write_ms": bu.median([x.get("write_ms") for x in per]),
                "publishes": max(x.get("publishes", 0) for x in per),
                "final_is_last": all(x.get("final_is_last") for x in per),
                "stale_after_final": sum(x.get("stale_after_final", 0) for x in per),
                "versions_published": first.get("versions_published"),
            })
        out["files"][fname] = f
    return out


def inprocess(ztlint: Path, file: Path, args) -> dict | None:
    py = ztlint.parent / "python"
    if not py.exists():
        return None
    cmd = [str(py), str(bu.BENCH_DIR / "inprocess_incremental.py"), str(file), "--runs", str(args.full_runs),
           "--keystrokes", str(args.keystrokes)]
    if args.profile:
        cmd += ["--profile", str(bu.WORK_DIR / "profiles")]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        bu.log(f"in-process benchmark failed: {r.stderr[-2000:]}")
        return None
    return json.loads(r.stdout)


def pyspy_profiles(cmd: str, doc: Path, args) -> dict:
    """Sample the ztlint server with py-spy (attached by PID) while typing in one document
    (debounce 0) and during one burst (default debounce)."""
    out: dict = {}
    if not bu.venv_bin("py-spy").exists():
        return out
    prof_dir = bu.WORK_DIR / "profiles"
    for phase in ("typing", "burst"):
        raw = prof_dir / f"pyspy-lsp-{phase}-{doc.stem}.txt"
        try:
            if phase == "typing":
                asyncio.run(typing_phase(cmd, [doc], {"debounceMs": 0}, args,
                                         prof_dir / "pyspy-server.stderr", raw))
            else:
                asyncio.run(burst_phase(cmd, [doc], None, args, prof_dir / "pyspy-server.stderr", raw))
        except Exception as exc:  # noqa: BLE001
            bu.log(f"py-spy run failed: {exc}")
            continue
        if raw.exists():
            out[phase] = summarize_collapsed(raw)
    return out


_PLUMBING = ("asyncio/", "ztlint/cli.py", "pygls/server.py", "json_rpc.py", "pygls/io_.py", "<module>",
             "threading.py", "ztlint/lsp/server.py", "language_server.py")


def summarize_collapsed(path: Path, top: int = 20) -> dict:
    """Self and inclusive sample shares per function (line numbers folded) from py-spy's raw
    (collapsed-stack) output. The inclusive list leaves out event-loop and dispatch plumbing."""
    import re
    strip = re.compile(r":\d+\)$")
    self_c, incl_c, total = {}, {}, 0
    for line in path.read_text(errors="replace").splitlines():
        stack, _, n = line.rpartition(" ")
        if not stack or not n.isdigit():
            continue
        n = int(n)
        total += n
        frames = [strip.sub(")", f) for f in stack.split(";")]
        leaf = frames[-1]
        self_c[leaf] = self_c.get(leaf, 0) + n
        for f in set(frames):
            if not any(x in f for x in _PLUMBING):
                incl_c[f] = incl_c.get(f, 0) + n

    def rows(c):
        return [{"function": f, "pct": round(100 * k / total, 1)} for f, k in
                sorted(c.items(), key=lambda kv: -kv[1])[:top]]
    return {"file": str(path), "samples": total, "self": rows(self_c), "inclusive": rows(incl_c)}


def render_markdown(result: dict) -> str:
    lines = ["### Language server latency", "",
             f"{result['keystrokes']} keystrokes per document and a burst of {result['burst']} changes, each "
             f"repeated with {result.get('repeat', 1)} fresh server(s): keystroke percentiles are over all "
             f"{result['keystrokes'] * result.get('repeat', 1)} keystrokes pooled; burst and open times are medians.", ""]
    rows = []
    for name, s, profile, ty in _typing_profiles(result):
        bu_ = s["burst"] if profile != "debounceMs 0" else {"files": {}}
        for fname, f in ty["files"].items():
            t = f.get("typing_ms", {})
            b = bu_["files"].get(fname, {})
            p95s = [x for x in f.get("typing_p95_per_run", []) if x is not None]
            finals = [x for x in b.get("final_ms_per_run", []) if x is not None]
            rows.append([name, profile, f"{fname} ({f['lines']:,} lines)", bu.fmt(f.get("open_ms"), ".1f"),
                         bu.fmt(t.get("p50"), ".1f"),
                         (bu.fmt(t.get("p95"), ".1f") or "n/a")
                         + (f" ({min(p95s):.1f}–{max(p95s):.1f})" if len(p95s) > 1 else ""),
                         bu.fmt(t.get("p99"), ".1f"), bu.fmt(t.get("max"), ".1f"),
                         bu.fmt(f.get("typing_cpu_ms_per_key"), ".1f"),
                         (bu.fmt(b.get("final_ms"), ".0f") or "n/a")
                         + (f" ({min(finals):.0f}–{max(finals):.0f})" if len(finals) > 1 else ""),
                         bu.fmt(b.get("server_cpu_ms"), ".0f"), b.get("publishes"),
                         None if "final_is_last" not in b else ("yes" if b["final_is_last"] else "NO"),
                         {True: "yes", False: "no (next publish)", None: "n/a"}[f.get("versioned")]])
    lines.append(bu.md_table(
        ["server", "settings", "document", "didOpen → diagnostics, warm (ms)", "keystroke p50 (ms)",
         "p95 (per-run range)", "p99",
         "max", "server CPU per keystroke (ms)", "burst: last change → final diagnostics (ms, median (range))",
         "server CPU in burst (ms)", "publishes in burst", "final is last", "versioned diagnostics"], rows))
    lines.append("")
    mem_rows, cold_rows = [], []
    for name, s in result["servers"].items():
        for phase in ("typing", "burst"):
            m = s[phase].get("memory") or {}
            mem_rows.append([name, phase, bu.fmt(m.get("vm_rss_mb"), ".0f", " MB"),
                             bu.fmt(m.get("vm_hwm_mb"), ".0f", " MB"), bu.fmt(m.get("children_rss_mb"), ".0f", " MB")])
        cold = s["typing"].get("cold_open_ms", {})
        cold_rows.append([name] + [bu.fmt(cold.get(k), ".1f", " ms") for k in ("tiny.py", "tiny.js")])
    lines += ["Server memory after each phase (all three documents open):", "",
              bu.md_table(["server", "phase", "VmRSS", "VmHWM", "children RSS"], mem_rows), "",
              "Cold open of the first small file of each language in a fresh server (rule loading / "
              "query compilation):", "",
              bu.md_table(["server", "tiny.py", "tiny.js"], cold_rows), ""]
    lines += render_startup(result)
    ip = result.get("inprocess")
    if ip:
        lines += [f"In-process, {Path(ip['file']).name} ({ip['lines']:,} lines, {ip['bytes'] / 1024:.0f} KiB, "
                  f"{ip['rules']} rules): full `analyze()` median {ip['full_analyze_ms']['median']:.1f} ms "
                  f"(of which parsing {ip['parse_only_ms']['median']:.1f} ms) vs incremental `edit()+analyze()` "
                  f"median {ip['incremental_ms']['median']:.2f} ms (p95 {ip['incremental_ms']['p95']:.2f}, "
                  f"p99 {ip['incremental_ms']['p99']:.2f}) → **{ip['speedup']:.0f}× speedup**; incremental "
                  f"result equals a fresh full analysis: {ip['incremental_equals_full']}.", ""]
    prof_lines = []
    if ip and ip.get("profile"):
        for name, pr in ip["profile"].items():
            prof_lines.append(f"cProfile, in-process {name} analysis of {Path(ip['file']).name} "
                              f"(share of {pr['wall_s']:.2f} s), by own time:")
            prof_lines.append("")
            prof_lines.append(bu.md_table(["function", "calls", "own %", "cumulative %"],
                                          [[f"`{r['function']}`", r["calls"], bu.fmt(r["tottime_pct"], ".1f"),
                                            bu.fmt(r["cumtime_pct"], ".1f")] for r in pr["by_tottime"][:12]]))
            prof_lines.append("")
    for phase, sp in (result.get("pyspy") or {}).items():
        prof_lines.append(f"py-spy on the ztlint server, {phase} phase on py10k.py ({sp['samples']} samples, "
                          "idle time excluded), own time:")
        prof_lines.append("")
        prof_lines.append(bu.md_table(["function", "% of samples"],
                                      [[f"`{r['function']}`", r["pct"]] for r in sp["self"][:12]]))
        prof_lines.append("")
        prof_lines.append("inclusive (event-loop and JSON-RPC dispatch frames left out):")
        prof_lines.append("")
        prof_lines.append(bu.md_table(["function", "% of samples"],
                                      [[f"`{r['function']}`", r["pct"]] for r in sp["inclusive"][:18]]))
        prof_lines.append("")
    if prof_lines:
        lines += ["#### Where the time goes (ztlint)", ""] + prof_lines
    tg = result.get("targets")
    if tg:
        lines += ["Targets (ztlint):", ""]
        lines.append(bu.md_table(["target", "measured", "met"],
                                 [[t["target"], t["measured"], "met" if t["met"] else "**NOT met**"] for t in tg]))
        lines.append("")
    notes = result.get("notes") or []
    lines += [f"- {n}" for n in notes]
    lines += ["", bu.ztlint_note(result["machine"].get("ztlint") or {}), "", bu.machine_note(result["machine"])]
    return "\n".join(lines) + "\n"


def evaluate_targets(result: dict) -> list[dict]:
    zt = next((s for n, s in result["servers"].items() if is_ztlint(s["command"])), None)
    if zt is None:
        return []
    out = []
    for key, label in (("typing_default", "default settings"), ("typing", "debounceMs 0")):
        f10 = (zt.get(key) or {}).get("files", {}).get("py10k.py", {}).get("typing_ms", {})
        if f10.get("n"):
            out.append({"target": f"keystroke p95 ≤ 10 ms (10,000-line file, {label})",
                        "measured": f"{f10['p95']:.1f} ms", "met": f10["p95"] <= 10})
            out.append({"target": f"keystroke p99 ≤ 25 ms (10,000-line file, {label})",
                        "measured": f"{f10['p99']:.1f} ms", "met": f10["p99"] <= 25})
    out += startup_targets(result, zt)
    ip = result.get("inprocess")
    if ip:
        out.append({"target": "incremental ≥ 5× faster than full re-analysis",
                    "measured": f"{ip['speedup']:.0f}×", "met": ip["speedup"] >= 5})
    finals = {f: b.get("final_ms") for f, b in zt["burst"]["files"].items() if b.get("final_ms") is not None}
    if finals:
        worst = max(finals.values())
        out.append({"target": "burst: final diagnostics ≤ 300 ms after the last change (default debounce)",
                    "measured": ", ".join(f"{k}: {v:.0f} ms" for k, v in finals.items()), "met": worst <= 300})
        last = all(b.get("final_is_last") for b in zt["burst"]["files"].values() if "final_is_last" in b)
        out.append({"target": "burst: the final version's diagnostics are the last published",
                    "measured": "yes" if last else "no", "met": last})
    rss = [zt[p].get("memory", {}).get("vm_rss_mb") for p in ("typing", "burst")]
    rss = [r for r in rss if r is not None]
    if rss:
        out.append({"target": "server RSS ≤ 150 MB", "measured": " / ".join(f"{r:.0f} MB" for r in rss)
                    + " (typing / burst phase)", "met": max(rss) <= 150})
    return out


def _typing_profiles(result: dict):
    """(server name, server result, settings label, typing result) for each typing profile."""
    for name, s in result["servers"].items():
        if "typing_default" in s:
            yield name, s, "default", s["typing_default"]
            yield name, s, "debounceMs 0", s["typing"]
        else:
            yield name, s, "default" if not s["typing"].get("init_options") else "options", s["typing"]


def startup_phase(cmd: str, docs: list[Path], corpus: Path, args, log_path: Path) -> dict:
    """Fresh servers: initialize time, open -> first diagnostics with no pause; memory."""
    out: dict = {"fresh": {}}
    for path in docs:
        runs = [asyncio.run(lsp_startup.fresh_open(cmd, Doc(path), FILES_DIR, None, log_path, args.timeout))
                for _ in range(args.repeat)]
        out["fresh"][path.name] = {k: bu.median([r[k] for r in runs]) for k in ("initialize_ms", "open_ms")}
        out["fresh"][path.name]["open_ms_per_run"] = [r["open_ms"] for r in runs]
        bu.log(f"  {server_name(cmd)}: fresh server, {path.name}: initialize "
               f"{bu.fmt(out['fresh'][path.name]['initialize_ms'], '.0f', ' ms')}, open -> diagnostics "
               f"{bu.fmt(out['fresh'][path.name]['open_ms'], '.0f', ' ms') or 'n/a'}")
    big = next((p for p in docs if p.name == "py10k.py"), None)
    if big is not None:
        sample = lsp_startup.corpus_sample(corpus)
        out["memory"] = asyncio.run(lsp_startup.memory_phase(cmd, Doc(big), sample, FILES_DIR, corpus,
                                                             log_path, args.timeout))
        m = out["memory"]
        bu.log(f"  {server_name(cmd)}: RSS with py10k.py open {bu.fmt(m['one_10k_file'].get('vm_rss_mb'), '.0f', ' MB')}, "
               f"with {m['files_open']} corpus files open {bu.fmt(m['workspace_200'].get('vm_rss_mb'), '.0f', ' MB')}")
    return out


def render_startup(result: dict) -> list[str]:
    rows = []
    for name, s in result["servers"].items():
        st = s.get("startup") or {}
        for fname, f in (st.get("fresh") or {}).items():
            warm = s["typing"]["files"].get(fname, {}).get("open_ms")
            rows.append([name, fname, bu.fmt(f.get("initialize_ms"), ".0f"), bu.fmt(f.get("open_ms"), ".0f"),
                         bu.fmt(warm, ".0f")])
    if not rows:
        return []
    lines = ["Start-up and first diagnostics (fresh server: didOpen sent right after `initialized`; warm: "
             "the language's tiny file was opened first). Medians:", "",
             bu.md_table(["server", "document", "spawn → initialize answered (ms)",
                          "open → diagnostics, fresh server (ms)", "warm server (ms)"], rows), ""]
    fl = result.get("floors")
    if fl:
        lines += [f"Floors (ztlint's venv Python, medians): `python -c pass` {fl['python_startup_ms']['median_ms']:.0f} ms, "
                  f"`python -c \"import pygls.lsp.server\"` {fl['import_pygls_ms']['median_ms']:.0f} ms, "
                  f"`ztlint version` {fl['ztlint_version_ms']['median_ms']:.0f} ms, "
                  f"`ztlint scan --help` {fl['ztlint_scan_help_ms']['median_ms']:.0f} ms.", ""]
    mem = [[name, bu.fmt((s.get("startup") or {}).get("memory", {}).get("one_10k_file", {}).get("vm_rss_mb"), ".0f", " MB"),
            bu.fmt((s.get("startup") or {}).get("memory", {}).get("workspace_200", {}).get("vm_rss_mb"), ".0f", " MB")]
           for name, s in result["servers"].items() if (s.get("startup") or {}).get("memory")]
    if mem:
        lines += ["Server memory (VmRSS), fresh servers, default settings:", "",
                  bu.md_table(["server", "py10k.py open", "200 Django files open"], mem), ""]
    return lines


def startup_targets(result: dict, zt: dict) -> list[dict]:
    out = []
    st = zt.get("startup") or {}
    fresh = (st.get("fresh") or {}).get("py10k.py") or {}
    warm = zt["typing"]["files"].get("py10k.py", {}).get("open_ms")
    if warm is not None:
        out.append({"target": "open → diagnostics ≤ 100 ms, warm server (10,000-line file)",
                    "measured": f"{warm:.0f} ms", "met": warm <= 100})
    if fresh.get("open_ms") is not None:
        out.append({"target": "open → diagnostics ≤ 300 ms, fresh server (10,000-line file)",
                    "measured": f"{fresh['open_ms']:.0f} ms", "met": fresh["open_ms"] <= 300})
    fl = result.get("floors")
    if fl and fresh.get("initialize_ms") is not None:
        floor = fl["import_pygls_ms"]["median_ms"]
        out.append({"target": "initialize answered within 1.2× the pygls import floor",
                    "measured": f"{fresh['initialize_ms']:.0f} ms vs floor {floor:.0f} ms "
                                f"({fresh['initialize_ms'] / floor:.2f}×)",
                    "met": fresh["initialize_ms"] <= 1.2 * floor})
    if fl:
        for key, label in (("ztlint_version_ms", "`ztlint version`"), ("ztlint_scan_help_ms", "`ztlint scan --help`")):
            v = fl[key]["median_ms"]
            out.append({"target": f"{label} < 150 ms", "measured": f"{v:.0f} ms", "met": v < 150})
    mem = st.get("memory") or {}
    one = (mem.get("one_10k_file") or {}).get("vm_rss_mb")
    many = (mem.get("workspace_200") or {}).get("vm_rss_mb")
    if one is not None:
        out.append({"target": "RSS ≤ 100 MB with the 10,000-line file open", "measured": f"{one:.0f} MB",
                    "met": one <= 100})
    if many is not None:
        out.append({"target": f"RSS ≤ 300 MB with {mem.get('files_open')} files open", "measured": f"{many:.0f} MB",
                    "met": many <= 300})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--server", action="append", help="stdio LSP server command (repeatable)")
    ap.add_argument("--ztlint", type=Path, default=bu.DEFAULT_ZTLINT,
                    help="ztlint executable (default server command and the in-process measurement)")
    ap.add_argument("--typing-options", type=json.loads, default=None,
                    help="initializationOptions (JSON) for the typing phase, every server (ztlint: "
                         "added to both its profiles, e.g. '{\"disabledRules\": [\"*-flow-*\"]}')")
    ap.add_argument("--no-startup", action="store_true",
                    help="skip the start-up, fresh-open and memory phases")
    ap.add_argument("--files", default="py2k,py10k,js5k")
    ap.add_argument("--keystrokes", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3,
                    help="fresh-server repetitions of both phases; keystrokes are pooled, burst "
                         "numbers are medians (default 3)")
    ap.add_argument("--burst", type=int, default=500)
    ap.add_argument("--quiet", type=float, default=1.0, help="quiet period after a burst (s)")
    ap.add_argument("--timeout", type=float, default=30.0, help="wait for diagnostics at most (s)")
    ap.add_argument("--open-timeout", type=float, default=10.0,
                    help="wait for the first diagnostics of a didOpen at most (s)")
    ap.add_argument("--full-runs", type=int, default=20, help="runs of the in-process full analysis")
    ap.add_argument("--no-inprocess", action="store_true")
    ap.add_argument("--profile", action="store_true",
                    help="also profile ztlint: cProfile in-process, py-spy on the server while typing")
    ap.add_argument("--output", type=Path, default=bu.WORK_DIR / "lsp-results.json")
    ap.add_argument("--render", type=Path, metavar="JSON",
                    help="only print the Markdown report of an earlier results file")
    args = ap.parse_args()
    OPEN_TIMEOUT[0] = args.open_timeout
    if args.render:
        res = json.loads(args.render.read_text())
        for phase, sp in (res.get("pyspy") or {}).items():  # recompute with the current summary
            if sp and Path(sp["file"]).exists():
                res["pyspy"][phase] = summarize_collapsed(Path(sp["file"]))
        md = render_markdown(res)
        args.render.with_suffix(".md").write_text(md)
        print(md)
        return 0

    info = bu.machine_info()
    info["ztlint"] = bu.ztlint_state(args.ztlint) if args.ztlint.exists() else {}
    bu.ensure_venv()
    corpus = bu.ensure_django()
    paths = corpus_files.build_all(corpus, FILES_DIR)
    docs = [paths[n.strip()] for n in args.files.split(",") if n.strip()]
    servers = args.server or [f"{args.ztlint} lsp", f"{bu.venv_bin('ruff')} server"]
    logs = bu.WORK_DIR / "lsp-logs"
    logs.mkdir(parents=True, exist_ok=True)

    result = {"machine": info, "keystrokes": args.keystrokes, "burst": args.burst, "repeat": args.repeat,
              "servers": {},
              "documents": {p.name: {"lines": p.read_text().count("\n"), "bytes": p.stat().st_size} for p in docs}}
    notes = []
    for cmd in servers:
        name = server_name(cmd)
        if name in result["servers"]:  # the same server twice (e.g. before/after): the full command
            name = cmd
        slug = "".join(c if c.isalnum() else "-" for c in name)[:40]
        # ztlint: its default settings (no debounceMs) and debounceMs 0 (every version analysed)
        typing_opts = ({"debounceMs": 0, **(args.typing_options or {})} if is_ztlint(cmd)
                       else args.typing_options)
        ty_runs, td_runs, bs_runs = [], [], []
        for rep in range(args.repeat):
            bu.log(f"server: {cmd} (typing, repeat {rep + 1}/{args.repeat})")
            ty_runs.append(asyncio.run(typing_phase(cmd, docs, typing_opts, args, logs / f"{slug}-typing.stderr")))
            if is_ztlint(cmd):
                bu.log(f"server: {cmd} (typing with default settings, repeat {rep + 1}/{args.repeat})")
                td_runs.append(asyncio.run(typing_phase(cmd, docs, args.typing_options, args,
                                                        logs / f"{slug}-typing.stderr")))
            bu.log(f"server: {cmd} (burst, repeat {rep + 1}/{args.repeat})")
            bs_runs.append(asyncio.run(burst_phase(cmd, docs, None, args, logs / f"{slug}-burst.stderr")))
        ty, bs = merge_typing(ty_runs), merge_burst(bs_runs)
        result["servers"][name] = {"command": cmd, "typing": ty, "burst": bs}
        if td_runs:
            result["servers"][name]["typing_default"] = merge_typing(td_runs)
        if not args.no_startup:
            result["servers"][name]["startup"] = startup_phase(cmd, docs, corpus, args, logs / f"{slug}-startup.stderr")
        unversioned = [f for f, r in ty["files"].items() if r.get("versioned") is False]
        if unversioned:
            notes.append(f"{name} sends publishDiagnostics without a version for {', '.join(unversioned)}: "
                         "a keystroke is matched to the next publishDiagnostics for that URI after the change, "
                         "and the burst's 'final' diagnostics are the last ones published before the URI was "
                         f"quiet for {args.quiet:g} s.")
        silent = [f for f, r in ty["files"].items() if r.get("open_ms") is None]
        if silent:
            notes.append(f"{name} published no diagnostics for {', '.join(silent)} within {args.open_timeout:g} s "
                         "(the language is not supported by that server).")

    if not args.no_startup and args.ztlint.exists():
        bu.log("import floor, ztlint version, ztlint scan --help")
        result["floors"] = lsp_startup.floors(args.ztlint, max(5, args.repeat * 3))
    if not args.no_inprocess and args.ztlint.exists() and "py10k" in paths:
        bu.log("in-process full vs incremental analysis (py10k.py)")
        result["inprocess"] = inprocess(args.ztlint, paths["py10k"], args)
    if args.profile and any(is_ztlint(c) for c in servers):
        cmd = next(c for c in servers if is_ztlint(c))
        bu.log("profiling the ztlint server with py-spy while typing in py10k.py")
        result["pyspy"] = pyspy_profiles(cmd, paths["py10k"], args)

    notes.append("Keystrokes are closed-loop: the next character is typed when the previous one's "
                 "diagnostics have arrived. ztlint typing runs twice: with its default settings (no "
                 "initializationOptions: the adaptive debounce, 150 ms upper bound) and with {\"debounceMs\": 0}; "
                 "burst phase: default settings. Ruff reads benchmarks/work/lsp-files/ruff.toml "
                 "(its default rules plus the S rules).")
    info["loadavg_end"] = list(os.getloadavg())
    if info.get("ztlint"):
        info["ztlint"] = bu.ztlint_state_at_end(args.ztlint, info["ztlint"])
    result["notes"] = notes
    result["targets"] = evaluate_targets(result)
    args.output.write_text(json.dumps(result, indent=2))
    md = render_markdown(result)
    args.output.with_suffix(".md").write_text(md)
    print(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
