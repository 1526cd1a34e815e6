#!/usr/bin/env python3
"""Finding density and precision sampling: ztlint vs Bandit on popular Python projects.

    .venv/bin/python benchmarks/rules_precision.py            # download, scan, report
    .venv/bin/python benchmarks/rules_precision.py --include-tests
    .venv/bin/python benchmarks/rules_precision.py --from-results   # relabel the last scan

Steps:

1. ``pip download --no-deps --no-binary :all:`` pinned sdists of about a dozen popular Python
   projects into ``benchmarks/work/precision/sdists/`` (git-ignored) and unpack them.
2. Pick the Python files to scan: every ``*.py`` of the sdist except tests, docs, examples and
   vendored folders (``--include-tests`` keeps tests). Both tools get exactly this file list.
3. Run ztlint (``ztlint scan FILES --format json``, with an empty config so the repository's own
   config and .gitignore do not apply) and Bandit (installed into ``benchmarks/work/venv``, made
   when missing), each project separately.
4. Map both tools' findings to rule families (``benchmarks/precision/families.py``) and print,
   per family, findings per 10,000 lines of Python for both tools.
5. Write ``results.json`` and a sample of 30 findings per tool (fixed seed) with the code line
   and some context, for hand-labelling: ``sample.md`` / ``sample.json``. Hand labels live in
   ``benchmarks/precision/labels.json`` (keyed by tool, rule and file:line); the precision of
   each tool on its sample is computed from them (see benchmarks/PRECISION.md).

Only the standard library is needed to run this script; Bandit goes into its own venv.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from precision.families import FAMILIES, bandit_family, ztlint_family  # noqa: E402

WORK = REPO / "benchmarks" / "work" / "precision"
LABELS = HERE / "precision" / "labels.json"  # hand labels of sampled findings (PRECISION.md)
VENV = REPO / "benchmarks" / "work" / "venv"
DEFAULT_ZTLINT = REPO / ".venv" / "bin" / "ztlint"
BANDIT_VERSION = "1.9.4"
SEED = 20240601
BANDIT_QUALITY = ("B101", "B110", "B112")
BANDIT_SECURITY = "bandit-no-B101-B110-B112"
SAMPLE_SIZE = 30

# Pinned so that a rerun scans the same code. (boto3/botocore are left out: huge and mostly data.)
PROJECTS = {
    "requests": "2.34.2",
    "flask": "3.1.3",
    "django": "5.2.19",
    "jinja2": "3.1.6",
    "werkzeug": "3.1.9",
    "click": "8.5.1",
    "urllib3": "2.8.0",
    "paramiko": "5.1.0",
    "sqlalchemy": "2.1.9",
    "celery": "5.7.0",
    "pyyaml": "6.0.4",
    "tornado": "6.6.1",
}

TEST_DIRS = {"tests", "test", "testing", "t", "docs", "doc", "examples", "example", "demo",
             "demos", "benchmarks", "bench", "tools"}
# Folders ztlint's directory walk skips anyway (vendored code, caches).
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox",
             ".nox", "site-packages", "vendor", "third_party", "build", "dist"}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# setup


def ensure_venv() -> Path:
    """benchmarks/work/venv with Bandit; returns the bandit executable."""
    bandit = VENV / "bin" / "bandit"
    if not bandit.exists():
        if not (VENV / "bin" / "python").exists():
            log(f"creating {VENV}")
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        log(f"installing bandit=={BANDIT_VERSION}")
        subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet",
                        f"bandit=={BANDIT_VERSION}"], check=True)
    return bandit


def sdist_path(name: str, version: str) -> Path | None:
    sdists = WORK / "sdists"
    for cand in sorted(sdists.glob("*")) if sdists.is_dir() else []:
        low = cand.name.lower().replace("_", "-")
        if low.startswith(f"{name.lower()}-{version}.") and low.endswith((".tar.gz", ".zip", ".tgz")):
            return cand
    return None


def download(name: str, version: str) -> Path:
    found = sdist_path(name, version)
    if found:
        return found
    (WORK / "sdists").mkdir(parents=True, exist_ok=True)
    log(f"downloading {name}=={version}")
    subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "download", "--quiet", "--no-deps",
                    "--no-binary", ":all:", "-d", str(WORK / "sdists"), f"{name}=={version}"],
                   check=True)
    found = sdist_path(name, version)
    if not found:
        raise SystemExit(f"pip download {name}=={version} left no sdist in {WORK / 'sdists'}")
    return found


def unpack(archive: Path, name: str, version: str) -> Path:
    """Unpack to src/<name>-<version>/ (the archive's single top folder, when it has one)."""
    dest = WORK / "src" / f"{name}-{version}"
    if (dest / ".unpacked").exists():
        return dest
    shutil.rmtree(dest, ignore_errors=True)
    tmp = WORK / "src" / f".tmp-{name}-{version}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    if archive.name.endswith(".zip"):
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(tmp)
    else:
        with tarfile.open(archive) as tf:
            tf.extractall(tmp, filter="data")
    entries = list(tmp.iterdir())
    if len(entries) == 1 and entries[0].is_dir():
        entries[0].rename(dest)
        tmp.rmdir()
    else:
        tmp.rename(dest)
    (dest / ".unpacked").touch()
    return dest


def python_files(root: Path, include_tests: bool) -> list[Path]:
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS
                             and (include_tests or d.lower() not in TEST_DIRS))
        for f in sorted(filenames):
            if not f.endswith(".py"):
                continue
            if not include_tests and (f.startswith("test_") or f.endswith("_test.py")
                                      or f in ("conftest.py", "tests.py")):
                continue
            out.append(Path(dirpath) / f)
    return sorted(out)


def count_lines(files: list[Path]) -> tuple[int, int]:
    total = code = 0
    for f in files:
        for line in f.read_bytes().splitlines():
            total += 1
            s = line.strip()
            if s and not s.startswith(b"#"):
                code += 1
    return total, code


# ---------------------------------------------------------------------------------------------
# running the tools


def _chunks(items: list, n: int):
    for i in range(0, len(items), n):
        yield items[i:i + n]


def run_ztlint(ztlint: Path, files: list[Path], jobs: int) -> tuple[list[dict], float, list]:
    config = WORK / "ztlint-empty.toml"
    config.write_text("# empty: scan with the defaults, no excludes\n", encoding="utf-8")
    findings, skipped, elapsed = [], [], 0.0
    for chunk in _chunks(files, 2000):
        out = WORK / "ztlint-out.json"
        t0 = time.perf_counter()
        proc = subprocess.run([str(ztlint), "scan", "--format", "json", "--config", str(config),
                               "--no-progress", "-j", str(jobs), "--fail-on", "error", "-o", str(out),
                               *map(str, chunk)], cwd=WORK, capture_output=True, text=True)
        elapsed += time.perf_counter() - t0
        if proc.returncode not in (0, 1) or not out.exists():
            raise SystemExit(f"ztlint failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
        data = json.loads(out.read_text(encoding="utf-8"))
        out.unlink()
        for f in data["findings"]:
            path = Path(f["path"])
            path = path if path.is_absolute() else (WORK / path)
            findings.append({
                "tool": "ztlint", "rule": f["rule"], "path": str(path.resolve()),
                "line": f["start"]["line"], "severity": f["severity"],
                "confidence": f["confidence"], "message": f["message"],
            })
        skipped.extend(data.get("skipped", []))
    return findings, elapsed, skipped


def run_bandit(bandit: Path, files: list[Path]) -> tuple[list[dict], float, list]:
    findings, errors, elapsed = [], [], 0.0
    for chunk in _chunks(files, 2000):
        out = WORK / "bandit-out.json"
        t0 = time.perf_counter()
        proc = subprocess.run([str(bandit), "-f", "json", "-o", str(out), "-q", *map(str, chunk)],
                              cwd=WORK, capture_output=True, text=True)
        elapsed += time.perf_counter() - t0
        if proc.returncode not in (0, 1) or not out.exists():
            raise SystemExit(f"bandit failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
        data = json.loads(out.read_text(encoding="utf-8"))
        out.unlink()
        for r in data["results"]:
            path = Path(r["filename"])
            path = path if path.is_absolute() else (WORK / path)
            findings.append({
                "tool": "bandit", "rule": f"{r['test_id']}:{r['test_name']}",
                "path": str(path.resolve()), "line": r["line_number"],
                "severity": r["issue_severity"].lower(), "confidence": r["issue_confidence"].lower(),
                "message": r["issue_text"],
            })
        errors.extend(data.get("errors", []))
    return findings, elapsed, errors


# ---------------------------------------------------------------------------------------------
# reporting


def rel(path: str) -> str:
    """A path under src/ as <project>-<version>/<path in the sdist>."""
    try:
        return Path(path).resolve().relative_to((WORK / "src").resolve()).as_posix()
    except ValueError:
        return path


def source_line(path: str, line: int, context: int = 0) -> list[tuple[int, str]]:
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    lo, hi = max(1, line - context), min(len(lines), line + context)
    return [(n, lines[n - 1]) for n in range(lo, hi + 1)]


def sample_key(f: dict, seed: int) -> str:
    """A finding's place in the random order: a hash of the seed and what the finding is.

    Taking the k smallest keys is a uniform random sample that, unlike random.sample, stays
    mostly the same when rules are added or changed: a new finding displaces at most one sampled
    finding, and labels (benchmarks/precision/labels.json) keep applying.
    """
    text = f"{seed}:{f['tool']}:{f['rule']}:{rel(f['path'])}:{f['line']}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sample(findings: list[dict], seed: int, k: int) -> list[dict]:
    picked = sorted(findings, key=lambda f: sample_key(f, seed))[:k]
    return sorted(picked, key=lambda f: (f["rule"], f["path"], f["line"]))


def location(f: dict) -> str:
    return f"{rel(f['path'])}:{f['line']}"


def load_labels() -> dict[tuple[str, str, str], dict]:
    """{(tool, rule, location): {"label": "TP"/"FP", "reason": ...}} from labels.json."""
    if not LABELS.exists():
        return {}
    data = json.loads(LABELS.read_text(encoding="utf-8"))
    out = {}
    for row in data["labels"]:
        if row.get("label") not in ("TP", "FP"):
            raise SystemExit(f"{LABELS}: label must be TP or FP: {row}")
        out[(row["tool"], row["rule"], row["location"])] = row
    return out


def precision(picked: list[dict], labels: dict) -> dict:
    tp = fp = unlabelled = 0
    for f in picked:
        row = labels.get((f["tool"], f["rule"], location(f)))
        if row is None:
            unlabelled += 1
        elif row["label"] == "TP":
            tp += 1
        else:
            fp += 1
    return {"tp": tp, "fp": fp, "unlabelled": unlabelled,
            "precision": round(tp / (tp + fp), 3) if tp + fp else None}


def per_family(findings: list[dict], family_of) -> Counter:
    return Counter(family_of(f["rule"]) for f in findings)


def format_table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    fmt = lambda r: "  ".join(str(c).rjust(w) if i else str(c).ljust(w)  # noqa: E731
                              for i, (c, w) in enumerate(zip(r, widths)))
    return "\n".join([fmt(header), fmt(["-" * w for w in widths]), *map(fmt, rows)])


def scan(args) -> dict:
    """Download, unpack and scan every project with both tools."""
    WORK.mkdir(parents=True, exist_ok=True)
    bandit = ensure_venv()
    projects = {n: v for n, v in PROJECTS.items() if not args.projects or n in args.projects}
    all_findings: list[dict] = []
    per_project = {}
    files_total = lines_total = code_total = 0
    timing = {"ztlint": 0.0, "bandit": 0.0}
    skipped_all, bandit_errors = [], []
    for name, version in projects.items():
        src = unpack(download(name, version), name, version)
        files = python_files(src, args.include_tests)
        lines, code = count_lines(files)
        zt, zt_time, skipped = run_ztlint(args.ztlint, files, args.jobs)
        bd, bd_time, errors = run_bandit(bandit, files)
        log(f"{name:<11} {len(files):>5} files {lines:>7} lines  ztlint {len(zt):>4} ({zt_time:5.1f}s)"
            f"  bandit {len(bd):>4} ({bd_time:5.1f}s)")
        per_project[f"{name}-{version}"] = {
            "files": len(files), "lines": lines, "code_lines": code,
            "ztlint": len(zt), "bandit": len(bd),
            "ztlint_seconds": round(zt_time, 2), "bandit_seconds": round(bd_time, 2)}
        all_findings += zt + bd
        files_total += len(files)
        lines_total += lines
        code_total += code
        timing["ztlint"] += zt_time
        timing["bandit"] += bd_time
        skipped_all += skipped
        bandit_errors += errors

    ztlint_rev = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=REPO,
                                capture_output=True, text=True).stdout.strip()
    listed = subprocess.run([str(args.ztlint), "rules", "list"], capture_output=True,
                            text=True).stdout.splitlines()
    rule_count = {prefix: sum(1 for line in listed if line.startswith(prefix + "-"))
                  for prefix in ("python", "secret")}
    bandit_version = subprocess.run([str(bandit), "--version"], capture_output=True,
                                    text=True).stdout.split("\n")[0].strip()
    return {
        "projects": per_project,
        "scope": "all .py files" if args.include_tests else
                 "library code: .py files outside tests/docs/examples/vendored folders",
        "files": files_total, "lines": lines_total, "code_lines": code_total,
        "tools": {"ztlint": f"{args.ztlint} (git {ztlint_rev or 'unknown'})",
                  "bandit": bandit_version},
        "ztlint_rules": rule_count,
        "seconds": {k: round(v, 2) for k, v in timing.items()},
        "ztlint_skipped": skipped_all,
        "bandit_errors": bandit_errors,
        "findings": all_findings,
    }


def from_results() -> dict:
    """The scan of the last run (results.json), to relabel without scanning again."""
    data = json.loads((WORK / "results.json").read_text(encoding="utf-8"))
    for f in data["findings"]:
        f["path"] = str(WORK / "src" / f["path"])
    return data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ztlint", type=Path, default=DEFAULT_ZTLINT, help="ztlint executable")
    ap.add_argument("--projects", nargs="*", metavar="NAME", help="only these projects")
    ap.add_argument("--include-tests", action="store_true", help="also scan tests/docs/examples")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--sample-size", type=int, default=SAMPLE_SIZE)
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--from-results", action="store_true",
                    help="do not scan: resample and relabel the findings of the last results.json")
    args = ap.parse_args(argv)

    base = from_results() if args.from_results else scan(args)
    all_findings = base["findings"]
    lines_total = base["lines"]

    zt = [f for f in all_findings if f["tool"] == "ztlint"]
    bd = [f for f in all_findings if f["tool"] == "bandit"]
    for f in zt:
        f["family"] = ztlint_family(f["rule"])
    for f in bd:
        f["family"] = bandit_family(f["rule"])
    zt_fam, bd_fam = per_family(zt, ztlint_family), per_family(bd, bandit_family)
    per10k = lambda n: round(n * 10_000 / lines_total, 2) if lines_total else 0.0  # noqa: E731

    families = []
    for fam in FAMILIES:
        families.append({"family": fam, "ztlint": zt_fam[fam], "bandit": bd_fam[fam],
                         "ztlint_per_10k": per10k(zt_fam[fam]), "bandit_per_10k": per10k(bd_fam[fam])})
    families.append({"family": "total", "ztlint": len(zt), "bandit": len(bd),
                     "ztlint_per_10k": per10k(len(zt)), "bandit_per_10k": per10k(len(bd))})

    rules_by_tool = {tool: dict(sorted(Counter(f["rule"] for f in fs).items(),
                                       key=lambda kv: (-kv[1], kv[0])))
                     for tool, fs in (("ztlint", zt), ("bandit", bd))}
    samples = {"ztlint": sample(zt, args.seed, args.sample_size),
               "bandit": sample(bd, args.seed, args.sample_size),
               # Bandit without the code-quality checks that dominate its counts (assert,
               # try/except/pass|continue), which ztlint has no equivalent of.
               BANDIT_SECURITY: sample([f for f in bd if f["rule"].split(":")[0] not in BANDIT_QUALITY],
                                       args.seed, args.sample_size)}
    labels = load_labels()
    prec = {tool: precision(picked, labels) for tool, picked in samples.items()}
    # Every labelled finding, not only the sample: per rule, and overall when all are labelled.
    by_rule = {tool: per_rule_labels(fs, labels) for tool, fs in (("ztlint", zt), ("bandit", bd))}
    population = {tool: precision(fs, labels) for tool, fs in (("ztlint", zt), ("bandit", bd))}

    results = {
        **{k: base[k] for k in ("projects", "scope", "files", "lines", "code_lines", "tools",
                                 "ztlint_rules", "seconds")},
        "families": families,
        "rules": rules_by_tool,
        "seed": args.seed,
        "precision": prec,
        "precision_all_findings": population,
        "labels_by_rule": by_rule,
        "samples": {tool: [sample_row(f, labels) for f in picked] for tool, picked in samples.items()},
        "ztlint_skipped": base["ztlint_skipped"],
        "bandit_errors": base["bandit_errors"],
        "findings": [{**f, "path": rel(f["path"])} for f in all_findings],
    }
    (WORK / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    (WORK / "sample.json").write_text(json.dumps(results["samples"], indent=1) + "\n",
                                      encoding="utf-8")
    (WORK / "sample.md").write_text(samples_markdown(samples, labels), encoding="utf-8")
    (WORK / "report.md").write_text(report_markdown(results, samples, labels), encoding="utf-8")

    rule_count, seconds = results["ztlint_rules"], results["seconds"]
    print(f"{len(results['projects'])} projects, {results['files']} Python files, {lines_total} lines "
          f"({results['code_lines']} non-blank non-comment); scope: {results['scope']}")
    print(f"ztlint {results['tools']['ztlint']}, {rule_count['python']} python + "
          f"{rule_count['secret']} secret rules; {results['tools']['bandit']}")
    print(f"time: ztlint {seconds['ztlint']:.1f}s, bandit {seconds['bandit']:.1f}s\n")
    print(format_table([[r["family"], r["ztlint"], f"{r['ztlint_per_10k']:.2f}", r["bandit"],
                         f"{r['bandit_per_10k']:.2f}"] for r in families],
                       ["family", "ztlint", "ztlint/10k", "bandit", "bandit/10k"]))
    for tool in ("ztlint", "bandit"):
        print(f"\ntop {tool} rules:")
        for rule, n in list(rules_by_tool[tool].items())[:15]:
            print(f"  {n:>5}  {rule}")
    print()
    for tool, p in prec.items():
        value = f"{p['precision']:.0%}" if p["precision"] is not None else "n/a"
        print(f"{tool} sample precision: {p['tp']} TP / {p['tp'] + p['fp']} labelled = {value}"
              + (f"  ({p['unlabelled']} sampled findings not labelled yet: see sample.md)"
                 if p["unlabelled"] else ""))
    for tool, p in population.items():
        if p["unlabelled"] == 0 and p["tp"] + p["fp"]:
            print(f"{tool} all {p['tp'] + p['fp']} findings labelled: {p['tp']} TP = {p['precision']:.0%}; "
                  "per rule (TP/FP):")
            for rule, c in by_rule[tool].items():
                print(f"  {c['tp']:>4} / {c['fp']:<4} {rule}")
    print(f"\nwrote {rel_repo(WORK / 'results.json')}, {rel_repo(WORK / 'sample.md')}, "
          f"{rel_repo(WORK / 'sample.json')}, {rel_repo(WORK / 'report.md')}")
    return 0


def per_rule_labels(findings: list[dict], labels: dict) -> dict:
    out: dict[str, dict] = {}
    for f in findings:
        c = out.setdefault(f["rule"], {"findings": 0, "tp": 0, "fp": 0, "unlabelled": 0})
        c["findings"] += 1
        row = labels.get((f["tool"], f["rule"], location(f)))
        c["unlabelled" if row is None else row["label"].lower()] += 1
    return dict(sorted(out.items(), key=lambda kv: (-kv[1]["findings"], kv[0])))


def rel_repo(p: Path) -> str:
    return p.relative_to(REPO).as_posix()


def sample_row(f: dict, labels: dict) -> dict:
    code = source_line(f["path"], f["line"])
    label = labels.get((f["tool"], f["rule"], location(f)), {})
    return {"tool": f["tool"], "rule": f["rule"], "family": f["family"], "location": location(f),
            "code": code[0][1].strip() if code else "", "message": f["message"],
            "label": label.get("label", ""), "reason": label.get("reason", "")}


def wilson(tp: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a proportion."""
    if n == 0:
        return (0.0, 1.0)
    p = tp / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def report_markdown(results: dict, samples: dict, labels: dict) -> str:
    """The tables of benchmarks/PRECISION.md, from this run."""
    md = [f"Scope: {results['scope']}; {len(results['projects'])} projects, {results['files']} files, "
          f"{results['lines']:,} lines ({results['code_lines']:,} non-blank, non-comment). "
          f"Tools: ztlint {results['tools']['ztlint'].split(' ', 1)[-1]} "
          f"({results['ztlint_rules']['python']} Python + {results['ztlint_rules']['secret']} secret rules), "
          f"{results['tools']['bandit']}. Seconds: ztlint {results['seconds']['ztlint']}, "
          f"bandit {results['seconds']['bandit']}.", "",
          "| project | files | lines | ztlint | bandit |", "|---|---:|---:|---:|---:|"]
    for name, p in results["projects"].items():
        md.append(f"| {name} | {p['files']} | {p['lines']:,} | {p['ztlint']} | {p['bandit']} |")
    md += ["", "| family | ztlint | ztlint / 10k lines | Bandit | Bandit / 10k lines |",
           "|---|---:|---:|---:|---:|"]
    for r in results["families"]:
        bold = "**" if r["family"] == "total" else ""
        md.append(f"| {bold}{r['family']}{bold} | {r['ztlint']} | {r['ztlint_per_10k']:.2f} | "
                  f"{r['bandit']} | {r['bandit_per_10k']:.2f} |")
    md += ["", "| tool | sample | TP | FP | precision | 95% interval |", "|---|---:|---:|---:|---:|---|"]
    for tool, p in results["precision"].items():
        n = p["tp"] + p["fp"]
        lo, hi = wilson(p["tp"], n)
        value = f"{p['precision']:.0%}" if p["precision"] is not None else "n/a"
        md.append(f"| {tool} | {n} | {p['tp']} | {p['fp']} | {value} | {lo:.0%}–{hi:.0%} |")
    for tool, p in results["precision_all_findings"].items():
        n = p["tp"] + p["fp"]
        if p["unlabelled"] == 0 and n:
            lo, hi = wilson(p["tp"], n)
            md.append(f"| {tool} (every finding) | {n} | {p['tp']} | {p['fp']} | "
                      f"{p['precision']:.0%} | {lo:.0%}–{hi:.0%} |")
    for tool, rules in results["labels_by_rule"].items():
        if not any(c["tp"] + c["fp"] for c in rules.values()):
            continue
        md += ["", f"{tool} findings by rule (labels of every labelled finding):", "",
               "| rule | findings | TP | FP | unlabelled |", "|---|---:|---:|---:|---:|"]
        for rule, c in rules.items():
            md.append(f"| `{rule}` | {c['findings']} | {c['tp']} | {c['fp']} | {c['unlabelled']} |")
    for tool, picked in samples.items():
        md += ["", f"{tool} sample:", "", "| # | tool | rule | location | label | reason |",
               "|---|---|---|---|---|---|"]
        for i, f in enumerate(picked, 1):
            row = sample_row(f, labels)
            md.append(f"| {i} | {tool} | `{row['rule']}` | `{row['location']}` | "
                      f"{row['label'] or '?'} | {md_cell(row['reason'])} |")
    return "\n".join(md) + "\n"


def md_cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def samples_markdown(samples: dict[str, list[dict]], labels: dict) -> str:
    md = ["# Findings sampled for hand-labelling", "",
          "Label each as TP (a real issue, or a pattern that deserves review in this context) or "
          "FP (safe code flagged), in benchmarks/precision/labels.json.", ""]
    for tool, picked in samples.items():
        md += [f"## {tool}: labels", "", "| # | tool | rule | location | label | reason |",
               "|---|---|---|---|---|---|"]
        for i, f in enumerate(picked, 1):
            row = sample_row(f, labels)
            md.append(f"| {i} | {tool} | `{row['rule']}` | `{row['location']}` | "
                      f"{row['label'] or '?'} | {md_cell(row['reason'])} |")
        md.append("")
    for tool, picked in samples.items():
        md += [f"## {tool}: code", ""]
        for i, f in enumerate(picked, 1):
            ctx = source_line(f["path"], f["line"], context=3)
            md += [f"### {tool} {i}: `{f['rule']}` at `{location(f)}`", "",
                   f"> {md_cell(f['message'])}", "", "```python"]
            md += [f"{'>' if n == f['line'] else ' '}{n:>5}  {text}" for n, text in ctx]
            md += ["```", ""]
    return "\n".join(md)


if __name__ == "__main__":
    sys.exit(main())
