#!/usr/bin/env python3
"""Recall, precision and time per file of ztlint, zizmor and checkov on the labelled IaC corpora.

    python3 benchmarks/iac_score.py                         # every area, then the held-out set
    python3 benchmarks/iac_score.py --area terraform --area dockerfile
    python3 benchmarks/iac_score.py --heldout               # only benchmarks/iac/heldout/<area>/
    python3 benchmarks/iac_score.py --main --tool ztlint -v # main corpora, ztlint, list misses and FPs
    python3 benchmarks/iac_score.py --write-labels          # labels.json from `# expect:` markers
    python3 benchmarks/iac_score.py --json out.json

Areas: github-actions, azure-pipelines, dockerfile, kubernetes, terraform, dependencies. Each
corpus folder (``benchmarks/iac/<area>/`` and ``benchmarks/iac/heldout/<area>/``) holds realistic
files and

* ``labels.json``: ``{"file": [{"line": N, "category": "name"}, ...]}`` (1-based lines; ``[]`` =
  only safe look-alikes). ``--write-labels`` makes it from ``# expect: cat-a, cat-b`` comments,
  which mark the next non-blank, non-comment line (a file without comments, such as
  ``package.json``, keeps the labels written by hand).
* ``categories.json`` (a held-out folder without one uses its area's): which rule ids of each tool
  make each category (full-match regexes), and how to run the tools::

    {"prefix": ".github/workflows/", "checkov-framework": "github_actions", "slack-above": 2,
     "osv-db": false,
     "categories": {"script-injection": {"oidc": false, "ztlint": ["gha-script-injection-.*"],
                                         "zizmor": ["template-injection"], "checkov": ["CKV_GHA_2"]}}}

  A tool's finding whose id maps to no category is out of scope and not counted.

A finding matches a label of one of its categories when the label's line lies within the
finding's lines or at most ``slack-above`` lines (default 2) above its start (tools disagree on
whether a key, its value, the step or the resource is the location). Recall = matched labels /
labels; precision = findings matching a label / findings. Time per file = a tool's wall time on
the folder / its files (one process per tool and folder, start-up included).

The files are copied into a temporary git repository first (``prefix`` inside it): the
repository's own ztlint config excludes ``benchmarks/iac/``, and zizmor and checkov look for
workflows under ``.github/workflows/``. With ``"osv-db": true`` ztlint gets
``--osv-db benchmarks/iac/osv-db``. zizmor runs with ``--offline`` and its default persona (only
on GitHub Actions folders), checkov with ``--skip-download`` (not on dependency manifests: its
dependency scanning needs an API key). Both run from ``benchmarks/.venv-iac``, or ``--tools-venv``,
or PATH (``python3 -m venv benchmarks/.venv-iac && benchmarks/.venv-iac/bin/pip install zizmor
checkov``); a tool that is not installed is reported as skipped.
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
HELDOUT = CORPORA / "heldout"
OSV_DB = CORPORA / "osv-db"
AREAS = ("github-actions", "azure-pipelines", "dockerfile", "kubernetes", "terraform", "dependencies")
TOOLS = ("ztlint", "zizmor", "checkov")
MARKER = re.compile(r"#\s*expect:\s*(?P<cats>[\w.,\s-]+?)\s*$")
EMPTY = {"labels": 0, "found": 0, "findings": 0, "correct": 0}


# -- labels -------------------------------------------------------------------------------------

def _corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()
                  and p.name not in ("labels.json", "categories.json", "README.md"))


def labels_from_markers(folder: Path) -> dict[str, list[dict]]:
    labels: dict[str, list[dict]] = {}
    for path in _corpus_files(folder):
        pending: list[str] = []
        entries: list[dict] = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            stripped = line.strip()
            found = MARKER.search(line) if stripped.startswith("#") else None
            if found:
                pending += [c.strip() for c in found.group("cats").split(",") if c.strip()]
            elif stripped and not stripped.startswith("#"):
                entries += [{"line": number, "category": cat} for cat in pending]
                pending = []
        labels[path.relative_to(folder).as_posix()] = entries
    return labels


def write_labels(folder: Path) -> dict[str, list[dict]]:
    old_path = folder / "labels.json"
    old = json.loads(old_path.read_text(encoding="utf-8")) if old_path.exists() else {}
    labels = labels_from_markers(folder)
    for rel, entries in labels.items():
        if not entries and old.get(rel) and "#" not in _comment_chars(folder / rel):
            labels[rel] = old[rel]  # hand-written labels of a file that cannot hold comments
    old_path.write_text(json.dumps(labels, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return labels


def _comment_chars(path: Path) -> str:
    return "" if path.suffix == ".json" else "#"


def load_labels(folder: Path) -> dict[str, list[dict]]:
    path = folder / "labels.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    return labels_from_markers(folder)


def load_config(folder: Path) -> dict:
    own = folder / "categories.json"
    path = own if own.exists() else CORPORA / folder.name / "categories.json"
    return json.loads(path.read_text(encoding="utf-8"))


# -- running the tools --------------------------------------------------------------------------

def tool_path(tool: str, venv: Path) -> Path | None:
    if tool == "ztlint":
        exe = REPO / ".venv" / "bin" / "ztlint"
        return exe if exe.exists() else (Path(found) if (found := shutil.which("ztlint")) else None)
    candidate = venv / "bin" / tool
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


def run_ztlint(exe: Path, root: Path, config: dict) -> list[tuple[str, str, int, int]]:
    args = [str(exe), "scan", "--format", "json", "--no-progress", "--fail-on", "error", "-j", "1"]
    if config.get("osv-db"):
        args += ["--osv-db", str(OSV_DB)]
    proc = subprocess.run(args + ["."], cwd=root, capture_output=True, text=True)
    data = json.loads(proc.stdout)
    return [(f["rule"], f["path"], f["start"]["line"], f["end"]["line"]) for f in data["findings"]]


def run_zizmor(exe: Path, root: Path, config: dict) -> list[tuple[str, str, int, int]]:
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


def run_checkov(exe: Path, root: Path, config: dict) -> list[tuple[str, str, int, int]]:
    proc = subprocess.run([str(exe), "-d", ".", "-o", "json", "--quiet", "--compact", "--framework",
                           config["checkov-framework"], "--skip-download"],
                          cwd=root, capture_output=True, text=True)
    text = proc.stdout.strip()
    if not text or text[0] not in "[{":
        return []
    data = json.loads(text)
    out = []
    for report in data if isinstance(data, list) else [data]:
        for check in report.get("results", {}).get("failed_checks", []):
            first, last = (check.get("file_line_range") or [0, 0])[:2]
            out.append((check["check_id"], check["file_path"].lstrip("/"), first, last))
    return out


RUNNERS = {"ztlint": run_ztlint, "zizmor": run_zizmor, "checkov": run_checkov}


# -- scoring ------------------------------------------------------------------------------------

def categorise(tool: str, rule: str, categories: dict) -> list[str]:
    return [name for name, spec in categories.items()
            if any(re.fullmatch(pattern, rule) for pattern in spec.get(tool, []))]


def score(labels: dict[str, list[dict]], findings: list[tuple[str, str, int, int]], tool: str,
          categories: dict, above: int = 2, below: int = 0) -> tuple[dict[str, dict], list[str], list[str]]:
    """Per category counts, the false positives and the missed labels (``below``: lines under a
    finding a label may be, for tools that point at a step's `run:` while the label marks its `env:`)."""
    per = {name: dict(EMPTY) for name in categories}
    for entries in labels.values():
        for entry in entries:
            per.setdefault(entry["category"], dict(EMPTY))["labels"] += 1
    matched: set[tuple[str, int, str]] = set()
    false_positives = []
    for rule, rel, start, end in findings:
        cats = categorise(tool, rule, categories)
        if not cats:
            continue
        hits = [e for e in labels.get(rel, []) if e["category"] in cats
                and start - above <= e["line"] <= max(end, start) + below]
        per[hits[0]["category"] if hits else cats[0]]["findings"] += 1
        if hits:
            per[hits[0]["category"]]["correct"] += 1
            matched.update((rel, e["line"], e["category"]) for e in hits)
        else:
            false_positives.append(f"{rule} {rel}:{start} ({cats[0]})")
    for _rel, _line, category in matched:
        per[category]["found"] += 1
    missed = [f"{rel}:{e['line']} {e['category']}" for rel, entries in labels.items() for e in entries
              if (rel, e["line"], e["category"]) not in matched and e["category"] in categories]
    return per, false_positives, missed


def ratio(num: int, den: int) -> float | None:
    return None if den == 0 else num / den


def fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.2f}"


def score_folder(folder: Path, tools: list[str], venv: Path = HERE / ".venv-iac", below: int = 0) -> dict:
    config = load_config(folder)
    categories = config["categories"]
    labels = load_labels(folder)
    result = {"folder": folder.relative_to(CORPORA).as_posix(), "files": len(labels), "tools": {},
              "oidc": sorted(n for n, s in categories.items() if s.get("oidc"))}
    with tempfile.TemporaryDirectory(prefix="iac-score-") as tmp:
        root = Path(tmp)
        mapping = stage(folder, sorted(labels), config.get("prefix", ""), root)
        for tool in tools:
            exe = tool_path(tool, venv)
            if exe is None:
                result["tools"][tool] = {"skipped": "not installed (see benchmarks/.venv-iac)"}
                continue
            if tool == "checkov" and not config.get("checkov-framework"):
                result["tools"][tool] = {"skipped": "no offline checkov check for this area"}
                continue
            if tool == "zizmor" and not config.get("prefix", "").startswith(".github/"):
                result["tools"][tool] = {"skipped": "GitHub Actions only"}
                continue
            started = time.perf_counter()
            try:
                raw = RUNNERS[tool](exe, root, config)
            except (RuntimeError, json.JSONDecodeError, KeyError) as exc:
                result["tools"][tool] = {"skipped": f"failed: {exc}"}
                continue
            elapsed = time.perf_counter() - started
            findings = [(rule, mapping.get(path, path), start, end) for rule, path, start, end in raw]
            per, fps, missed = score(labels, findings, tool, categories, config.get("slack-above", 2), below)
            result["tools"][tool] = {"seconds_per_file": elapsed / max(1, len(labels)), "categories": per,
                                     "false_positives": fps, "missed": missed}
    return result


def _row(name: str, data: dict) -> str:
    if "skipped" in data:
        return f"{'skipped':>16}"
    c = data["categories"].get(name, EMPTY)
    return f"{fmt(ratio(c['found'], c['labels'])):>9} {fmt(ratio(c['correct'], c['findings'])):>6}"


def _totals(categories: dict) -> dict:
    total = dict(EMPTY)
    for counts in categories.values():
        for key in total:
            total[key] += counts[key]
    return total


def print_folder(result: dict, verbose: bool) -> None:
    print(f"\n== {result['folder']} ({result['files']} files)")
    tools = result["tools"]
    names = sorted({name for data in tools.values() for name in data.get("categories", {})})
    print(f"{'category':38}" + "".join(f"{tool:>16}" for tool in tools))
    print(f"{'':38}" + "".join(f"{'recall prec':>16}" for _ in tools))
    for name in names:
        label = name + (" (oidc)" if name in result["oidc"] else "")
        print(f"{label[:37]:38}" + "".join(_row(name, data) for data in tools.values()))
    overall = {t: {"categories": {"all": _totals(d["categories"])}} if "categories" in d else d
               for t, d in tools.items()}
    print(f"{'OVERALL':38}" + "".join(_row("all", data) for data in overall.values()))
    for tool, data in tools.items():
        if "skipped" in data:
            print(f"  {tool}: {data['skipped']}")
            continue
        print(f"  {tool}: {data['seconds_per_file'] * 1000:.1f} ms per file")
        if verbose:
            for line in data["false_positives"]:
                print(f"    FP   {line}")
            for line in data["missed"]:
                print(f"    MISS {line}")


def print_summary(title: str, results: list[dict]) -> None:
    if not results:
        return
    tools = sorted({t for r in results for t, d in r["tools"].items() if "categories" in d},
                   key=TOOLS.index)
    print(f"\n== {title}: {sum(r['files'] for r in results)} files")
    for tool in tools:
        total, oidc, seconds, files = dict(EMPTY), {}, 0.0, 0
        for r in results:
            data = r["tools"].get(tool, {})
            if "categories" not in data:
                continue
            seconds += data["seconds_per_file"] * r["files"]
            files += r["files"]
            for name, counts in data["categories"].items():
                for key in total:
                    total[key] += counts[key]
                if name in r["oidc"]:
                    found, labels = oidc.get(name, (0, 0))
                    oidc[name] = (found + counts["found"], labels + counts["labels"])
        weakest = min(((f / n, name) for name, (f, n) in oidc.items() if n), default=None)
        oidc_text = "" if weakest is None else f", weakest OIDC category {weakest[1]} {weakest[0]:.2f}"
        print(f"  {tool:8} recall {fmt(ratio(total['found'], total['labels']))} "
              f"({total['found']}/{total['labels']}), precision {fmt(ratio(total['correct'], total['findings']))} "
              f"({total['correct']}/{total['findings']}), {seconds / max(1, files) * 1000:.0f} ms per file "
              f"(areas it ran on){oidc_text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--area", action="append", choices=AREAS, help="only this area (repeatable)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--heldout", action="store_true", help="only the held-out corpora")
    which.add_argument("--main", action="store_true", help="only the main corpora")
    parser.add_argument("--tool", action="append", choices=TOOLS)
    parser.add_argument("--tools-venv", type=Path, default=HERE / ".venv-iac",
                        help="virtualenv holding zizmor and checkov (default: benchmarks/.venv-iac)")
    parser.add_argument("--below", type=int, default=0, help="lines below a finding a label may be")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--write-labels", action="store_true", help="write labels.json from `# expect:` markers")
    parser.add_argument("-v", "--verbose", action="store_true", help="list false positives and misses")
    parser.add_argument("folders", nargs="*", type=Path, help="corpus folders (default: by --area)")
    args = parser.parse_args(argv)
    areas = args.area or list(AREAS)
    main_folders = [CORPORA / a for a in areas if not args.heldout and (CORPORA / a / "labels.json").exists()]
    held_folders = [HELDOUT / a for a in areas if not args.main and (HELDOUT / a).is_dir()]
    if args.folders:
        main_folders, held_folders = [f.resolve() for f in args.folders], []
    if args.write_labels:
        for folder in main_folders + held_folders:
            labels = write_labels(folder)
            print(f"{folder}: {sum(map(len, labels.values()))} labels in {len(labels)} files")
        return 0
    tools = args.tool or list(TOOLS)
    results = {"main": [], "heldout": []}
    for key, folders in (("main", main_folders), ("heldout", held_folders)):
        for folder in folders:
            result = score_folder(folder, tools, args.tools_venv, args.below)
            print_folder(result, args.verbose)
            results[key].append(result)
    print_summary("main corpora", results["main"])
    print_summary("held-out corpora", results["heldout"])
    print_summary("all", results["main"] + results["heldout"])
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
