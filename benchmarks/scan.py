#!/usr/bin/env python3
"""Whole-repository scan benchmark: ztlint vs Bandit vs detect-secrets (and Ruff's S rules).

    python3 benchmarks/scan.py [--runs 3] [--ztlint PATH]

Corpus: the Django sdist from PyPI (downloaded and unpacked under benchmarks/work/ on first use).
Each tool runs once as a warm-up (page cache, .pyc files), then --runs times; the table shows
medians. Per run: wall time, CPU time (user+sys of the tool and all its reaped child processes,
from os.wait4), peak RSS (the largest single process of the tool, from wait4's ru_maxrss), the
peak of the summed RSS of the tool's whole process tree (sampled every 0.1 s), files/s and MB/s
over that tool's own input, and the number of findings.

Writes benchmarks/work/scan-results.json (raw runs + medians) and scan-results.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchutil as bu  # noqa: E402

# -- the tools --------------------------------------------------------------------------------
class Tool:
    name: str
    ok_codes = (0,)

    def command(self, out: Path) -> list[str]: ...
    def stdout_file(self, out: Path) -> Path | None: return None
    def count(self, out: Path) -> dict: ...  # findings, and files/bytes when the tool says


class Ztlint(Tool):
    """``ztlint scan`` without the result cache (cold), or a variant (see VARIANTS)."""
    name = "ztlint"
    # 1 = findings; 2 = also rule errors (a broken rule file in a working tree that others are
    # editing): the report is still complete for the other rules, so the run counts, and the
    # errors are recorded
    ok_codes = (0, 1, 2)

    def __init__(self, exe: Path, config: Path, variant: str = "cold"):
        self.exe, self.config, self.variant = exe, config, variant
        self.name = "ztlint" if variant == "cold" else f"ztlint ({variant})"
        self.cache = bu.WORK_DIR / "scan-cache"

    def command(self, out):
        # Every file, all bundled code and secret rules (the config file is empty: defaults);
        # default parallelism (all cores).
        cmd = [str(self.exe), "scan", ".", "--config", str(self.config), "--format", "json",
               "-o", str(out), "--no-progress"]
        if self.variant == "cold":
            return cmd + ["--no-cache"]
        if self.variant.startswith("shard"):
            return cmd + ["--no-cache", "--shard", self.variant.split()[1]]
        return cmd + ["--cache-dir", str(self.cache)]

    def before_run(self, cwd: Path) -> None:
        """warm: the cache holds every file (from the warm-up run); one file changed: one
        file's text differs from what the cache holds, on every run."""
        if self.variant == "one file changed":
            edited = cwd / CHANGED_FILE
            text = edited.read_text()
            base = text.split(_MARK)[0]
            edited.write_text(base + f"{_MARK}{os.getpid()} {time.time()}\n")

    def after_all(self, cwd: Path) -> None:
        if self.variant == "one file changed":
            edited = cwd / CHANGED_FILE
            edited.write_text(edited.read_text().split(_MARK)[0])

    def count(self, out):
        d = json.loads(out.read_text())
        return {"findings": len(d["findings"]), "files": d["summary"]["files"],
                "bytes": d["summary"]["bytes"], "skipped": len(d.get("skipped", []))}


class Bandit(Tool):
    name = "bandit"
    ok_codes = (0, 1)

    def command(self, out):
        return [str(bu.venv_bin("bandit")), "-r", "-q", "-f", "json", "-o", str(out), "."]

    def count(self, out):
        d = json.loads(out.read_text())
        files = [f for f in d.get("metrics", {}) if f != "_totals"]
        size = sum(Path(self.cwd, f).stat().st_size for f in files if Path(self.cwd, f).is_file())
        return {"findings": len(d["results"]), "files": len(files), "bytes": size,
                "errors": len(d.get("errors", []))}


class DetectSecrets(Tool):
    name = "detect-secrets"

    def command(self, out):
        return [str(bu.venv_bin("detect-secrets")), "scan", "--all-files", "."]

    def stdout_file(self, out):
        return out

    def count(self, out):
        d = json.loads(out.read_text())
        return {"findings": sum(len(v) for v in d["results"].values()),
                "files_with_findings": len(d["results"])}

    def input_files(self, cwd: Path) -> tuple[int, int] | None:
        # the exact list detect-secrets scans (its own file filter), outside the timed runs
        code = ("import json,os,sys\n"
                "from detect_secrets.core.baseline import get_files_to_scan\n"
                "fs=list(get_files_to_scan('.', should_scan_all_files=True, root='.'))\n"
                "print(json.dumps([len(fs), sum(os.path.getsize(f) for f in fs)]))\n")
        r = subprocess.run([str(bu.venv_bin("python")), "-c", code], cwd=cwd, capture_output=True, text=True)
        if r.returncode != 0:
            return None
        n, size = json.loads(r.stdout)
        return n, size


class RuffS(Tool):
    name = "ruff (S rules, reference)"

    def command(self, out):
        return [str(bu.venv_bin("ruff")), "check", "--select", "S", "--no-cache", "--exit-zero",
                "--output-format", "json", "."]

    def stdout_file(self, out):
        return out

    def count(self, out):
        return {"findings": len(json.loads(out.read_text()))}

    def input_files(self, cwd: Path) -> tuple[int, int] | None:
        r = subprocess.run([str(bu.venv_bin("ruff")), "check", "--select", "S", "--show-files", "."],
                           cwd=cwd, capture_output=True, text=True)
        files = [line.strip() for line in r.stdout.splitlines() if line.strip()]
        files = [f for f in files if Path(f).is_file()]
        return len(files), sum(Path(f).stat().st_size for f in files)


CHANGED_FILE = "django/utils/text.py"
_MARK = "\n# benchmark edit "
VARIANTS = ("warm cache", "one file changed", "shard 1/2", "shard 2/2")


def parse_only(cwd: Path, config: Path, ztlint: Path) -> dict:
    """benchmarks/parse_only.py with ztlint's own Python: tree-sitter alone on one core."""
    python = ztlint.parent / "python"
    r = subprocess.run([str(python), str(Path(__file__).resolve().parent / "parse_only.py"),
                        str(cwd), "--config", str(config)], capture_output=True, text=True)
    return json.loads(r.stdout) if r.returncode == 0 else {"error": r.stderr[-500:]}


# -- main ---------------------------------------------------------------------------------------
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3, help="measured runs per tool after one warm-up (default 3)")
    ap.add_argument("--ztlint", type=Path, default=bu.DEFAULT_ZTLINT, help="ztlint executable")
    ap.add_argument("--tools", default="ztlint,bandit,detect-secrets,ruff",
                    help="comma-separated subset of ztlint,bandit,detect-secrets,ruff")
    ap.add_argument("--output", type=Path, default=bu.WORK_DIR / "scan-results.json")
    ap.add_argument("--corpus", type=Path,
                    help="another copy of the corpus (the one-file-changed run edits a file in it)")
    ap.add_argument("--no-cache-variants", dest="cache_variants", action="store_false",
                    help="only the cold ztlint scan (no warm-cache, one-file-changed, shard runs)")
    args = ap.parse_args()

    info = bu.machine_info()
    info["ztlint"] = bu.ztlint_state(args.ztlint) if args.ztlint.exists() else {}
    bu.ensure_venv()
    corpus = args.corpus.resolve() if args.corpus else bu.ensure_django()
    outdir = bu.WORK_DIR / "scan-out"
    outdir.mkdir(parents=True, exist_ok=True)
    zt_config = bu.WORK_DIR / "ztlint-bench.toml"
    if not zt_config.exists():
        zt_config.write_text("# Empty on purpose: ztlint defaults (every bundled rule, every file).\n")
    if not args.ztlint.exists():
        raise SystemExit(f"no ztlint at {args.ztlint} (use --ztlint)")

    wanted = [t.strip() for t in args.tools.split(",") if t.strip()]
    registry = {"ztlint": lambda: Ztlint(args.ztlint, zt_config), "bandit": Bandit,
                "detect-secrets": DetectSecrets, "ruff": RuffS}
    tools: list[Tool] = [registry[t]() for t in wanted]
    if "ztlint" in wanted and args.cache_variants:
        at = wanted.index("ztlint") + 1
        tools[at:at] = [Ztlint(args.ztlint, zt_config, v) for v in VARIANTS]
        import shutil
        shutil.rmtree(bu.WORK_DIR / "scan-cache", ignore_errors=True)
    for t in tools:
        t.cwd = corpus

    all_files, all_bytes = bu.tree_stats(corpus)
    py_files, py_bytes = bu.tree_stats(corpus, lambda p: p.suffix == ".py")
    bu.log(f"corpus {corpus}: {all_files} files, {all_bytes / 2**20:.1f} MiB; "
           f"{py_files} .py files, {py_bytes / 2**20:.1f} MiB")

    inputs: dict[str, tuple[int, int] | None] = {}
    for t in tools:
        inputs[t.name] = t.input_files(corpus) if hasattr(t, "input_files") else None

    runs: dict[str, list[dict]] = {t.name: [] for t in tools}
    for rnd in range(args.runs + 1):
        label = "warm-up" if rnd == 0 else f"run {rnd}/{args.runs}"
        for t in tools:
            out = outdir / f"{t.name.replace(' ', '_').replace('/', '-')}.json"
            if out.exists():
                out.unlink()
            if hasattr(t, "before_run"):
                t.before_run(corpus)
            m = bu.run_measured(t.command(out), corpus, t.stdout_file(out), outdir / f"{t.name.split()[0]}.stderr")
            if m["returncode"] not in t.ok_codes:
                err = (outdir / f"{t.name.split()[0]}.stderr").read_text(errors="replace")[-2000:]
                raise SystemExit(f"{t.name} exited {m['returncode']}:\n{err}")
            m.update(t.count(out))
            if m["returncode"] == 2 and t.name == "ztlint":
                m["rule_errors"] = [line for line in (outdir / "ztlint.stderr").read_text(errors="replace")
                                    .splitlines() if "rule error" in line][:20]
            m["warmup"] = rnd == 0
            m["loadavg_1m"] = os.getloadavg()[0]
            runs[t.name].append(m)
            bu.log(f"{label:>9} {t.name:<26} wall {m['wall_s']:7.2f}s cpu {m['cpu_s']:7.2f}s "
                   f"maxrss {m['max_rss_mb']:6.0f}MB tree {m['tree_rss_peak_mb']:6.0f}MB "
                   f"findings {m['findings']} (load {m['loadavg_1m']:.2f})")
    for t in tools:
        if hasattr(t, "after_all"):
            t.after_all(corpus)
    parse = parse_only(corpus, zt_config, args.ztlint) if "ztlint" in wanted else None
    info["loadavg_end"] = list(os.getloadavg())
    if info.get("ztlint"):
        info["ztlint"] = bu.ztlint_state_at_end(args.ztlint, info["ztlint"])

    summary = {}
    for t in tools:
        measured = [r for r in runs[t.name] if not r["warmup"]]
        med = {k: bu.median([r[k] for r in measured]) for k in
               ("wall_s", "cpu_s", "user_s", "sys_s", "max_rss_mb", "tree_rss_peak_mb")}
        last = measured[-1]
        if "files" in last:
            files, size = last["files"], last["bytes"]
            files_note = "scanned (tool's summary)"
        elif inputs.get(t.name):
            files, size = inputs[t.name]
            files_note = "tool's own file list"
        else:
            files, size = all_files, all_bytes
            files_note = "whole tree"
        counts = sorted({r["findings"] for r in measured})
        med.update(findings_all_runs=counts)
        med.update(findings=last["findings"], files=files, bytes=size, files_note=files_note,
                   files_per_s=files / med["wall_s"], mb_per_s=size / 2**20 / med["wall_s"],
                   wall_min_s=min(r["wall_s"] for r in measured), wall_max_s=max(r["wall_s"] for r in measured))
        summary[t.name] = med

    result = {"machine": info, "corpus": {"name": f"Django {bu.DJANGO_VERSION} sdist", "path": str(corpus),
                                          "files": all_files, "bytes": all_bytes, "py_files": py_files,
                                          "py_bytes": py_bytes},
              "runs": args.runs, "commands": {t.name: t.command(Path("OUT.json")) for t in tools},
              "raw": runs, "median": summary, "parse_only": parse}
    ratios = {}
    if "ztlint" in summary:
        z = summary["ztlint"]
        for other, target in (("bandit", 5.0), ("detect-secrets", 10.0)):
            if other in summary:
                o = summary[other]
                ratios[other] = {"wall_speedup": o["wall_s"] / z["wall_s"], "cpu_ratio": o["cpu_s"] / z["cpu_s"],
                                 "target": target, "met": o["wall_s"] / z["wall_s"] >= target}
    result["ztlint_vs"] = ratios
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2))

    md = render_markdown(result)
    args.output.with_suffix(".md").write_text(md)
    print(md)
    return 0


def render_markdown(result: dict) -> str:
    s = result["median"]
    rows = []
    for name, m in s.items():
        rows.append([name, bu.fmt(m["wall_s"], ".2f", " s") + f" ({m['wall_min_s']:.2f}–{m['wall_max_s']:.2f})",
                     bu.fmt(m["cpu_s"], ".2f", " s"), bu.fmt(m["max_rss_mb"], ".0f", " MB"),
                     bu.fmt(m["tree_rss_peak_mb"], ".0f", " MB"),
                     f"{m['files']:,} / {m['bytes'] / 2**20:.1f} MB",
                     bu.fmt(m["files_per_s"], ",.0f"), bu.fmt(m["mb_per_s"], ".2f"), f"{m['findings']:,}"])
    c = result["corpus"]
    lines = [f"### Scan: {c['name']} ({c['files']:,} files, {c['bytes'] / 2**20:.1f} MB; "
             f"{c['py_files']:,} .py files, {c['py_bytes'] / 2**20:.1f} MB)", "",
             f"Median of {result['runs']} runs after one warm-up run (wall: median (min–max)).", "",
             bu.md_table(["tool", "wall", "CPU (user+sys)", "peak RSS (largest process)",
                          "peak RSS (sum of process tree)", "input files / size", "files/s", "MB/s",
                          "findings"], rows), ""]
    for other, r in result.get("ztlint_vs", {}).items():
        lines.append(f"- ztlint vs {other}: **{r['wall_speedup']:.2f}×** faster wall time "
                     f"(target ≥ {r['target']:.0f}×: **{'met' if r['met'] else 'NOT met'}**); "
                     f"{r['cpu_ratio']:.2f}× less CPU time.")
    p = result.get("parse_only") or {}
    if "cpu_s" in p and "ztlint" in s:
        lines.append(f"- tree-sitter parse only (ztlint's files, one core, `parse_only.py`): "
                     f"{p['cpu_s']:.2f} s CPU for {p['parsed']:,} files; `ztlint scan` (cold) CPU is "
                     f"**{s['ztlint']['cpu_s'] / p['cpu_s']:.1f}×** that (target ≤ 3×).")
    shards = [m for n, m in s.items() if n.startswith("ztlint (shard")]
    if shards and "bandit" in s:
        wall = max(m["wall_s"] for m in shards)
        lines.append(f"- sharded (2 shards, as a 2-machine matrix would run them): slowest shard "
                     f"{wall:.2f} s wall; Bandit / slowest shard: {s['bandit']['wall_s'] / wall:.1f}×.")
    lines.append("")
    lines.append("Inputs differ by design: ztlint scans every text file with code and secret rules; "
                 "Bandit and Ruff scan Python files; detect-secrets scans every file it does not filter out. "
                 "files/s and MB/s are over each tool's own input.")
    lines.append("")
    for name, m in s.items():
        if len(m.get("findings_all_runs", [])) > 1:
            lines.append(f"- {name}: the number of findings changed between runs ({m['findings_all_runs']}): "
                         "the rules were being edited in the working tree while the benchmark ran.")
    errs = [e for r in result["raw"].get("ztlint", []) for e in r.get("rule_errors", [])]
    if errs:
        lines.append(f"- ztlint reported rule errors in some runs (working tree in flux), e.g. `{errs[0]}`.")
    lines.append("")
    lines.append(bu.ztlint_note(result["machine"].get("ztlint") or {}))
    lines.append("")
    lines.append(bu.machine_note(result["machine"]))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
