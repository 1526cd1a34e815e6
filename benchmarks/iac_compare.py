#!/usr/bin/env python3
"""Score ztlint, zizmor and checkov on the labelled pipeline / infrastructure corpora, in one run.

    python3 benchmarks/iac_compare.py                          # every benchmarks/iac/<area>/
    python3 benchmarks/iac_compare.py benchmarks/iac/github-actions --tool ztlint
    python3 benchmarks/iac_compare.py --write-labels DIR       # labels.json from `# expect:` markers
    python3 benchmarks/iac_compare.py --json out.json

A corpus folder holds realistic files and two JSON files:

* ``labels.json``: ``{"file": [{"line": N, "category": "name"}, ...]}``, the expected findings
  (1-based lines; a file with ``[]`` is all safe look-alikes). ``--write-labels`` makes it from
  ``# expect: cat-a, cat-b`` comments, which mark the next non-blank, non-comment line.
* ``categories.json``: how the tools' rule ids map onto the categories, and where the files go:

  ```json
  {"prefix": ".github/workflows/", "checkov-framework": "github_actions",
   "categories": {"script-injection": {"oidc": false, "ztlint": ["gha-script-injection-.*"],
                                       "zizmor": ["template-injection"], "checkov": ["CKV_GHA_2"]}}}
  ```
  Patterns are full-match regexes on the tool's rule id. Findings of ids that map to no category
  are out of scope and not counted.

A finding matches a label when the category is the same and the label's line lies within the
finding's lines, or at most two lines above its start (tools disagree on whether a key, its value
or the step is the location). Recall per category = matched labels / labels; precision = findings
matching some label / findings. Time per file = the tool's wall time for the folder / its files
(one process per tool and folder, so start-up is included).

The files are copied into a temporary git repository first (``prefix`` inside it): the repository's
own ztlint config excludes ``benchmarks/iac/``, and zizmor and checkov look for workflows under
``.github/workflows/``. zizmor and checkov run from ``benchmarks/.venv-iac`` when it exists
(``python3 -m venv benchmarks/.venv-iac && benchmarks/.venv-iac/bin/pip install zizmor checkov``);
a tool that is not installed is reported as skipped. zizmor runs with ``--offline`` and its default persona.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPORA = HERE / "iac"
VENV = HERE / ".venv-iac"
ZTLINT = REPO / ".venv" / "bin" / "ztlint"
TOOLS = ("ztlint", "zizmor", "checkov")
SLACK_ABOVE = 2
SLACK_BELOW = 0   # --below N: tools that point at a step's `run:` while the label marks its `env:` line
MARKER = re.compile(r"#\s*expect:\s*(?P<cats>[\w.,\s-]+?)\s*$")


# -- labels -------------------------------------------------------------------------------------

def labels_from_markers(folder: Path) -> dict[str, list[dict]]:
    labels: dict[str, list[dict]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name not in ("labels.json", "categories.json")):
        rel = path.relative_to(folder).as_posix()
        pending: list[str] = []
        entries: list[dict] = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            stripped = line.strip()
            found = MARKER.search(line) if stripped.startswith("#") else None
            if found:
                pending += [c.strip() for c in found.group("cats").split(",") if c.strip()]
                continue
            if not stripped or stripped.startswith("#"):
                continue
            entries += [{"line": number, "category": cat} for cat in pending]
            pending = []
        labels[rel] = entries
    return labels


def load_labels(folder: Path) -> dict[str, list[dict]]:
    path = folder / "labels.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    return labels_from_markers(folder)


# -- running the tools --------------------------------------------------------------------------

def tool_path(tool: str) -> Path | None:
    if tool == "ztlint":
        return ZTLINT if ZTLINT.exists() else None
    candidate = VENV / "bin" / tool
    if candidate.exists():
        return candidate
    found = shutil.which(tool)
    return Path(found) if found else None


def stage(folder: Path, files: list[str], prefix: str, dest: Path) -> dict[str, str]:
    """Copy the corpus into dest/prefix; return staged path -> corpus path."""
    mapping = {}
    for rel in files:
        target = dest / prefix / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / rel, target)
        mapping[(Path(prefix) / rel).as_posix()] = rel
    subprocess.run(["git", "init", "-q", str(dest)], check=True)
    return mapping


def run_ztlint(exe: Path, root: Path) -> list[tuple[str, str, int, int]]:
    proc = subprocess.run([str(exe), "scan", "--format", "json", "--no-progress", "--fail-on", "error", "-j", "1", "."],
                          cwd=root, capture_output=True, text=True)
    data = json.loads(proc.stdout)
    return [(f["rule"], f["path"], f["start"]["line"], f["end"]["line"]) for f in data["findings"]]


def run_zizmor(exe: Path, root: Path) -> list[tuple[str, str, int, int]]:
    proc = subprocess.run([str(exe), "--offline", "--format", "json", "--no-progress", "."],
                          cwd=root, capture_output=True, text=True)
    if not proc.stdout.strip().startswith("["):
        if "no inputs collected" in proc.stderr:
            return []  # no GitHub workflow or action in the folder
        raise RuntimeError(f"zizmor: {proc.stderr.strip()[:400]}")
    out = []
    for finding in json.loads(proc.stdout):
        for loc in finding.get("locations", []):
            if loc.get("symbolic", {}).get("kind") not in (None, "Primary"):
                continue
            key = loc["symbolic"]["key"]["Local"]
            path = key.get("verbatim_path") or key.get("given_path") or key.get("prefix") or ""
            span = loc["concrete"]["location"]
            out.append((finding["ident"], Path(path).as_posix().removeprefix("./"),
                        span["start_point"]["row"] + 1, span["end_point"]["row"] + 1))
    return out


def run_checkov(exe: Path, root: Path, framework: str) -> list[tuple[str, str, int, int]]:
    proc = subprocess.run([str(exe), "-d", ".", "-o", "json", "--quiet", "--compact", "--framework", framework,
                           "--skip-download"], cwd=root, capture_output=True, text=True)
    text = proc.stdout.strip()
    if not text or text[0] not in "[{":
        return []
    data = json.loads(text)
    reports = data if isinstance(data, list) else [data]
    out = []
    for report in reports:
        for check in report.get("results", {}).get("failed_checks", []):
            first, last = (check.get("file_line_range") or [0, 0])[:2]
            out.append((check["check_id"], check["file_path"].lstrip("/"), first, last))
    return out


# -- scoring ------------------------------------------------------------------------------------

def categorise(tool: str, rule: str, categories: dict) -> str | None:
    for name, spec in categories.items():
        if any(re.fullmatch(pattern, rule) for pattern in spec.get(tool, [])):
            return name
    return None


def score(labels: dict[str, list[dict]], findings: list[tuple[str, str, int, int]], tool: str,
          categories: dict, below: int = SLACK_BELOW) -> tuple[dict[str, dict], list[str]]:
    per = {name: {"labels": 0, "found": 0, "findings": 0, "correct": 0} for name in categories}
    for rel, entries in labels.items():
        for entry in entries:
            per.setdefault(entry["category"], {"labels": 0, "found": 0, "findings": 0, "correct": 0})
            per[entry["category"]]["labels"] += 1
    matched: set[tuple[str, int, str]] = set()
    false_positives = []
    for rule, rel, start, end in findings:
        category = categorise(tool, rule, categories)
        if category is None:
            continue
        per[category]["findings"] += 1
        hits = [e for e in labels.get(rel, []) if e["category"] == category
                and start - SLACK_ABOVE <= e["line"] <= max(end, start) + below]
        if hits:
            per[category]["correct"] += 1
            matched.update((rel, e["line"], category) for e in hits)
        else:
            false_positives.append(f"{tool} {rule} {rel}:{start} ({category})")
    for rel, line, category in matched:
        per[category]["found"] += 1
    return per, false_positives


def ratio(num: int, den: int) -> float | None:
    return None if den == 0 else num / den


def fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.2f}"


def report_folder(folder: Path, tools: list[str], verbose: bool, below: int = SLACK_BELOW) -> dict:
    config = json.loads((folder / "categories.json").read_text(encoding="utf-8"))
    categories = config["categories"]
    labels = load_labels(folder)
    result = {"folder": folder.name, "files": len(labels), "tools": {}}
    with tempfile.TemporaryDirectory(prefix="iac-compare-") as tmp:
        root = Path(tmp)
        mapping = stage(folder, sorted(labels), config.get("prefix", ""), root)
        for tool in tools:
            exe = tool_path(tool)
            if exe is None:
                result["tools"][tool] = {"skipped": "not installed (see benchmarks/.venv-iac)"}
                continue
            if tool == "checkov" and not config.get("checkov-framework"):
                result["tools"][tool] = {"skipped": "no checkov framework for this area"}
                continue
            started = time.perf_counter()
            try:
                if tool == "ztlint":
                    raw = run_ztlint(exe, root)
                elif tool == "zizmor":
                    raw = run_zizmor(exe, root)
                else:
                    raw = run_checkov(exe, root, config["checkov-framework"])
            except (RuntimeError, json.JSONDecodeError, KeyError) as exc:
                result["tools"][tool] = {"skipped": f"failed: {exc}"}
                continue
            elapsed = time.perf_counter() - started
            findings = [(rule, mapping.get(path, path), start, end) for rule, path, start, end in raw]
            per, fps = score(labels, findings, tool, categories, below)
            result["tools"][tool] = {"seconds_per_file": elapsed / max(1, len(labels)), "categories": per,
                                     "false_positives": fps}
    print_folder(result, categories, verbose)
    return result


def print_folder(result: dict, categories: dict, verbose: bool) -> None:
    print(f"\n== {result['folder']} ({result['files']} files)")
    names = sorted({name for data in result["tools"].values() for name in data.get("categories", {})})
    header = f"{'category':38}" + "".join(f"{tool:>16}" for tool in result["tools"])
    print(header + "\n" + f"{'':38}" + "".join(f"{'recall prec':>16}" for _ in result["tools"]))
    totals = {tool: [0, 0, 0, 0] for tool in result["tools"]}
    for name in names:
        oidc = " (oidc)" if categories.get(name, {}).get("oidc") else ""
        row = f"{(name + oidc)[:37]:38}"
        for tool, data in result["tools"].items():
            if "skipped" in data:
                row += f"{'skipped':>16}"
                continue
            c = data["categories"].get(name, {"labels": 0, "found": 0, "findings": 0, "correct": 0})
            for i, key in enumerate(("labels", "found", "findings", "correct")):
                totals[tool][i] += c[key]
            row += f"{fmt(ratio(c['found'], c['labels'])):>9} {fmt(ratio(c['correct'], c['findings'])):>6}"
        print(row)
    row = f"{'OVERALL':38}"
    for tool, data in result["tools"].items():
        t = totals[tool]
        row += f"{'skipped':>16}" if "skipped" in data else f"{fmt(ratio(t[1], t[0])):>9} {fmt(ratio(t[3], t[2])):>6}"
    print(row)
    for tool, data in result["tools"].items():
        if "skipped" in data:
            print(f"  {tool}: {data['skipped']}")
        else:
            print(f"  {tool}: {data['seconds_per_file'] * 1000:.1f} ms per file")
            if verbose:
                for line in data["false_positives"]:
                    print(f"    FP {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--tool", action="append", choices=TOOLS)
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--write-labels", action="store_true", help="write labels.json from `# expect:` markers")
    parser.add_argument("--below", type=int, default=SLACK_BELOW, help="lines below a finding a label may be")
    parser.add_argument("-v", "--verbose", action="store_true", help="list false positives")
    args = parser.parse_args(argv)
    folders = args.folders or sorted(p.parent for p in CORPORA.glob("*/categories.json"))
    if args.write_labels:
        for folder in folders:
            labels = labels_from_markers(folder)
            (folder / "labels.json").write_text(json.dumps(labels, indent=1, sort_keys=True) + "\n", encoding="utf-8")
            print(f"{folder}: {sum(map(len, labels.values()))} labels in {len(labels)} files")
        return 0
    results = [report_folder(folder, args.tool or list(TOOLS), args.verbose, args.below) for folder in folders]
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
