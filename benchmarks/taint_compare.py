#!/usr/bin/env python3
"""Score ztlint, Bandit, Ruff (S rules) and Semgrep on the labelled taint benchmark, in one run.

    python3 benchmarks/taint_compare.py                       # generate if needed, run every tool
    python3 benchmarks/taint_compare.py --tool ztlint         # only ztlint (quick iteration)
    python3 benchmarks/taint_compare.py --json out.json DIR   # DIR: a generated benchmark

The benchmark is generated with ``python -m benchmarks.taintbench.generate DIR`` (done here when
DIR has no labels.json; default DIR: benchmarks/work/taintbench). Bandit, Ruff and Semgrep run from
their own venv, ``benchmarks/.venv-compare`` (made from benchmarks/taintbench/requirements.txt when
missing). Semgrep needs rules: its registry is not reachable here and no public Python rules ship
on PyPI, so it is skipped unless ``--semgrep-rules PATH`` points at a local rules checkout.

A tool detects a file when it reports a finding there with a CWE of the file's category
(benchmarks/taintbench/scoring.py). Per category: TPR, FPR and TPR - FPR; then the average.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from benchmarks.taintbench import generate  # noqa: E402
from benchmarks.taintbench.scoring import (  # noqa: E402
    BANDIT_CWE_OVERRIDES,
    CATEGORY_CWES,
    RUFF_CWE,
    parse_cwes,
    score,
)

DEFAULT_DIR = REPO / "benchmarks" / "work" / "taintbench"
VENV = HERE / ".venv-compare"
REQUIREMENTS = HERE / "taintbench" / "requirements.txt"
TOOLS = ("ztlint", "bandit", "ruff", "semgrep")
SEMGREP_SKIP = ("skipped: no public Semgrep rules for Python are available offline (the Semgrep registry "
                "is not reachable and PyPI ships none); pass --semgrep-rules PATH to use a local checkout")


def ensure_benchmark(bench: Path) -> dict[str, dict]:
    if not (bench / "labels.json").exists():
        generate.write(bench)
    # A repository root of its own: ztlint honours .gitignore files up to the enclosing repository,
    # and this repository ignores benchmarks/work/.
    if not (bench / ".git").exists():
        subprocess.run(["git", "init", "-q", str(bench)], check=True)
    return json.loads((bench / "labels.json").read_text(encoding="utf-8"))


def ensure_venv() -> Path:
    bin_dir = VENV / "bin"
    if not (bin_dir / "bandit").exists() or not (bin_dir / "ruff").exists():
        print(f"creating {VENV} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(bin_dir / "pip"), "install", "-q", "-r", str(REQUIREMENTS)], check=True)
    return bin_dir


# Semgrep otherwise looks for a newer version online (and waits for the network) when not on a tty.
QUIET_ENV = dict(os.environ, SEMGREP_ENABLE_VERSION_CHECK="0", SEMGREP_SEND_METRICS="off")


def _run(cmd: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess, float]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=QUIET_ENV)
    return proc, time.perf_counter() - start


def _rel(path: str, bench: Path) -> str:
    p = Path(path)
    if p.is_absolute():
        p = p.relative_to(bench.resolve())
    return p.as_posix().removeprefix("./")


def _version(cmd: list[str]) -> str:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60, env=QUIET_ENV)
        out = (proc.stdout.strip() or proc.stderr.strip())
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    return out.splitlines()[0] if out else "?"


def run_ztlint(bench: Path, exe: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "empty.toml"
        config.write_text("", encoding="utf-8")
        out = Path(tmp) / "out.json"
        proc, secs = _run([exe, "scan", "cases", "--format", "json", "--no-color", "--no-progress",
                           "--config", str(config), "-o", str(out)], bench)
        if not out.exists():
            raise RuntimeError(f"ztlint failed ({proc.returncode}): {proc.stderr[-2000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    found: dict[str, set[int]] = {}
    for f in report["findings"]:
        # hints are a dangerous call with no proven source (rules tagged `audit`): under the
        # default profile ztlint shows them in the editor but does not call them a finding
        if f["severity"] == "hint":
            continue
        found.setdefault(_rel(f["path"], bench), set()).update(parse_cwes(f.get("cwe")))
    return {"findings": found, "seconds": secs, "version": _version([exe, "--version"]),
            "files_scanned": report.get("summary", {}).get("files")}


def run_bandit(bench: Path, bin_dir: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bandit.json"
        proc, secs = _run([str(bin_dir / "bandit"), "-r", "-q", "-f", "json", "-o", str(out), "cases"], bench)
        if not out.exists():
            raise RuntimeError(f"bandit failed ({proc.returncode}): {proc.stderr[-2000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    found: dict[str, set[int]] = {}
    for r in report["results"]:
        cwe = BANDIT_CWE_OVERRIDES.get(r["test_id"])
        cwes = {cwe} if cwe else parse_cwes(r.get("issue_cwe"))
        found.setdefault(_rel(r["filename"], bench), set()).update(cwes)
    files = len(report.get("metrics", {})) - 1 if report.get("metrics") else None
    return {"findings": found, "seconds": secs, "version": _version([str(bin_dir / "bandit"), "--version"]),
            "files_scanned": files, "errors": len(report.get("errors", []))}


def run_ruff(bench: Path, bin_dir: Path) -> dict:
    proc, secs = _run([str(bin_dir / "ruff"), "check", "--isolated", "--no-cache", "--select", "S", "--exit-zero",
                       "--output-format", "json", "cases"], bench)
    results = json.loads(proc.stdout or "[]")
    found: dict[str, set[int]] = {}
    for r in results:
        cwe = RUFF_CWE.get(r.get("code") or "")
        if cwe:
            found.setdefault(_rel(r["filename"], bench), set()).add(cwe)
    return {"findings": found, "seconds": secs, "version": _version([str(bin_dir / "ruff"), "--version"])}


def run_semgrep(bench: Path, bin_dir: Path, rules: Path) -> dict:
    proc, secs = _run([str(bin_dir / "semgrep"), "scan", "--config", str(rules), "--json", "--metrics", "off",
                       "--disable-version-check", "--quiet", "cases"], bench)
    report = json.loads(proc.stdout or "{}")
    if "results" not in report:
        raise RuntimeError(f"semgrep failed ({proc.returncode}): {proc.stderr[-2000:]}")
    found: dict[str, set[int]] = {}
    for r in report["results"]:
        cwes = parse_cwes(r.get("extra", {}).get("metadata", {}).get("cwe"))
        found.setdefault(_rel(r["path"], bench), set()).update(cwes)
    return {"findings": found, "seconds": secs, "version": _version([str(bin_dir / "semgrep"), "--version"])}


def _cell(s: dict) -> str:
    return f"{s['score']:+.2f} ({s['tpr']:.2f}/{s['fpr']:.2f})"


def markdown(labels: dict, scores: dict[str, dict], notes: dict[str, str]) -> str:
    tools = list(scores)
    cats = [c for c in CATEGORY_CWES if any(lab["category"] == c for lab in labels.values())]
    lines = ["| category | cases (vuln/safe) | " + " | ".join(tools) + " |",
             "|---|---:|" + "---:|" * len(tools)]
    for cat in cats:
        n_v = sum(1 for lab in labels.values() if lab["category"] == cat and lab["vulnerable"])
        n_s = sum(1 for lab in labels.values() if lab["category"] == cat and not lab["vulnerable"])
        cells = [_cell(scores[t]["categories"][cat]) for t in tools]
        lines.append(f"| {cat} | {n_v}/{n_s} | " + " | ".join(cells) + " |")
    lines.append("| **average** | " + f"{len(labels)} | " + " | ".join(f"**{_cell(scores[t]['average'])}**"
                                                                        for t in tools) + " |")
    lines.append("| worst category | | " + " | ".join(f"{scores[t]['average']['worst']:+.2f}" for t in tools) + " |")
    out = "\n".join(lines)
    out += "\n\nCells: TPR − FPR (TPR/FPR). A file counts as detected when the tool reports a CWE of its category."
    for tool, note in notes.items():
        out += f"\n- {tool}: {note}"
    return out + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR, help="generated benchmark (made if missing)")
    ap.add_argument("--tool", action="append", choices=TOOLS, help="run only this tool (repeatable)")
    ap.add_argument("--json", type=Path, help="write per-category numbers and per-file detections here")
    ap.add_argument("--ztlint", default=str(REPO / ".venv" / "bin" / "ztlint"), help="ztlint executable")
    ap.add_argument("--semgrep-rules", type=Path, help="local Semgrep rules (file or folder)")
    args = ap.parse_args(argv)

    bench = args.dir.resolve()
    labels = ensure_benchmark(bench)
    tools = args.tool or list(TOOLS)
    results: dict[str, dict] = {}
    notes: dict[str, str] = {}
    bin_dir = ensure_venv() if set(tools) - {"ztlint"} else None
    for tool in tools:
        if tool == "semgrep" and not args.semgrep_rules:
            notes["semgrep"] = SEMGREP_SKIP
            continue
        print(f"running {tool} ...", file=sys.stderr)
        if tool == "ztlint":
            results[tool] = run_ztlint(bench, args.ztlint)
        elif tool == "bandit":
            results[tool] = run_bandit(bench, bin_dir)
        elif tool == "ruff":
            results[tool] = run_ruff(bench, bin_dir)
        else:
            results[tool] = run_semgrep(bench, bin_dir, args.semgrep_rules.resolve())
        r = results[tool]
        scanned = f", {r['files_scanned']} files scanned" if r.get("files_scanned") is not None else ""
        notes[tool] = f"{r['version']}, {r['seconds']:.2f} s{scanned}"
        if r.get("errors"):
            notes[tool] += f", {r['errors']} files it could not parse"
        if r.get("files_scanned") is not None and r["files_scanned"] != len(labels):
            notes[tool] += f" (WARNING: expected {len(labels)} files)"
    scores = {tool: score(labels, r["findings"]) for tool, r in results.items()}
    print(markdown(labels, scores, notes))
    if args.json:
        payload = {"cases": len(labels), "notes": notes, "scores": scores,
                   "detections": {t: {f: sorted(c) for f, c in sorted(r["findings"].items())}
                                  for t, r in results.items()}}
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
