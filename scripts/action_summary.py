"""A job summary (Markdown) from ztlint's SARIF report, for the GitHub Action.

Usage: python action_summary.py REPORT.sarif EXIT_CODE. Messages are ztlint's own, already
redacted; nothing here reads the scanned files."""

from __future__ import annotations

import json
import sys

MAX_ROWS = 50


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def summary(sarif: dict, code: int) -> str:
    results = [r for run in sarif.get("runs", []) for r in run.get("results", [])]
    new = [r for r in results if r.get("baselineState") != "unchanged"]
    verdict = {0: "passed", 1: "failed: findings at or above fail-on"}.get(code, "error (see the log)")
    lines = [f"## ztlint: {verdict}", "",
             f"{len(new)} finding(s), {len(results) - len(new)} accepted in the baseline.", ""]
    if new:
        lines += ["| level | rule | location | message |", "| --- | --- | --- | --- |"]
        for r in new[:MAX_ROWS]:
            loc = r["locations"][0]["physicalLocation"]
            where = f'{loc["artifactLocation"]["uri"]}:{loc["region"]["startLine"]}'
            lines.append(f'| {r["level"]} | `{r["ruleId"]}` | `{cell(where)}` | {cell(r["message"]["text"])} |')
        if len(new) > MAX_ROWS:
            lines.append(f"\n{len(new) - MAX_ROWS} more in the SARIF report and code scanning.")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        sys.stdout.write(summary(json.load(fh), int(sys.argv[2])))
