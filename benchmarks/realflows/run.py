"""Scan the real projects fetched by ``fetch.py`` and count flow findings vs bare hazards.

Run with the project's virtualenv (it reads the rule tags through ztlint's own loader)::

    .venv/bin/python benchmarks/realflows/run.py [--json OUT] [--ztlint .venv/bin/ztlint]

Per project: Python files, scan seconds (wall), flow findings (rules ``python-flow-*`` above hint
severity) by rule, bare hazards (hint-severity findings of rules tagged ``audit``: a dangerous
sink, no proven source; and flows from the process environment, hints by default) and the scan's partial-analysis notes. Raw reports go to
``benchmarks/work/realflows-out/<project>.json`` (the hand-labelling reads them).
"""
from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fetch  # noqa: E402

OUT = fetch.WORK.parent / "realflows-out"
EMPTY_CONFIG = fetch.WORK.parent / "realflows-empty.toml"
FLOW_PREFIX = "python-flow-"


def audit_rules() -> set[str]:
    from ztlint.engine.config import AUDIT_TAG
    from ztlint.engine.rules.load import bundled_rules_dir, load_rules
    rules = load_rules([bundled_rules_dir()]).rules.values()
    return {r.id for r in rules if AUDIT_TAG in (r.tags or ())}


def scan(ztlint: str, directory: Path, out: Path) -> tuple[dict, float]:
    EMPTY_CONFIG.write_text("", encoding="utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    subprocess.run([ztlint, "scan", str(directory), "--format", "json", "--no-progress",
                    "--config", str(EMPTY_CONFIG), "-o", str(out)], check=False,
                   stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    return json.loads(out.read_text(encoding="utf-8")), seconds


def is_flow(finding: dict) -> bool:
    """A flow finding shown as a warning or error (hints are hazards to review)."""
    return finding["rule"].startswith(FLOW_PREFIX) and finding["severity"] != "hint"


def source_of(finding: dict) -> str:
    """The kind of source a flow starts from, from its first step's message."""
    first = finding["flow"][0]["message"] if finding.get("flow") else ""
    if "route parameter" in first:
        return "route parameter"
    if first.startswith("tainted by `") and first.endswith("`"):
        return first[len("tainted by `"):-1]
    return "helper return" if first.startswith("returned by") else (first or "?")


def count(report: dict, audit: set[str]) -> dict:
    flow_findings = [f for f in report["findings"] if is_flow(f)]
    flows = collections.Counter(f["rule"] for f in flow_findings)
    sources = collections.Counter(source_of(f) for f in flow_findings)
    # a flow from the process environment is a hint under the default profile: a hazard too
    bare = collections.Counter(f["rule"] for f in report["findings"] if f["severity"] == "hint"
                               and (f["rule"] in audit or f["rule"].startswith(FLOW_PREFIX)))
    summary = report.get("summary", {})
    return {"files": summary.get("files", 0), "partial": summary.get("partial", 0),
            "notes": report.get("notes", []), "flows": sum(flows.values()),
            "flows_by_rule": dict(sorted(flows.items())),
            "flows_by_source": dict(sources.most_common()), "bare_hazards": sum(bare.values()),
            "bare_by_rule": dict(sorted(bare.items()))}


def table(rows: list[dict]) -> str:
    lines = ["| project | files | scan s | flows | bare hazards | partial | flows by rule |",
             "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in rows:
        by_rule = ", ".join(f"{k.removeprefix(FLOW_PREFIX)} {v}" for k, v in r["flows_by_rule"].items())
        lines.append(f"| {r['project']} {r['version']} | {r['files']} | {r['seconds']:.1f} | "
                     f"{r['flows']} | {r['bare_hazards']} | {r['partial']} | {by_rule or '–'} |")
    tot = {k: sum(r[k] for r in rows) for k in ("files", "seconds", "flows", "bare_hazards", "partial")}
    lines.append(f"| **total** | {tot['files']} | {tot['seconds']:.1f} | {tot['flows']} | "
                 f"{tot['bare_hazards']} | {tot['partial']} | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ztlint", default=str(Path(sys.executable).with_name("ztlint")))
    ap.add_argument("--json", help="also write the rows as JSON to this file")
    ap.add_argument("--only", action="append", default=[], help="project name (repeatable)")
    args = ap.parse_args(argv)
    audit = audit_rules()
    rows = []
    for name, version in fetch.read_projects():
        if args.only and name not in args.only:
            continue
        directory = fetch.project_dir(name, version)
        if not directory.is_dir():
            print(f"{name}=={version}: not fetched (run fetch.py)", file=sys.stderr)
            continue
        report, seconds = scan(args.ztlint, directory, OUT / f"{name}-{version}.json")
        rows.append({"project": name, "version": version, "seconds": round(seconds, 2),
                     **count(report, audit)})
    print(table(rows))
    sources = collections.Counter()
    for r in rows:
        sources.update(r["flows_by_source"])
    print("\nflows by source: " + ", ".join(f"{k} {v}" for k, v in sources.most_common()))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
