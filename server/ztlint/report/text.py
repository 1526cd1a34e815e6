"""Compiler-style text output: ``path:line:col: severity RULE-ID message``."""

from __future__ import annotations

from ..engine.rules import RuleSet
from ..engine.severity import Severity
from ..scan.runner import ScanResult
from .common import char_columns, shown_path, skip_counts

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m",
            Severity.HINT: "\033[2m"}
_RESET, _BOLD, _DIM = "\033[0m", "\033[1m", "\033[2m"


def render(result: ScanResult, ruleset: RuleSet, colour: bool = False, verbose: bool = False) -> str:
    out = []
    for f in result.findings:
        col, _ = char_columns(f)
        if f.cell is not None:  # notebooks: the cell, and the line and column in it
            c = f.cell
            output = f"output {c.output + 1}:" if c.output is not None else ""
            loc = f"{shown_path(f.path)}:cell {c.index + 1}:{output}line {c.start[0] + 1}:col {c.start[1] + 1}:"
        else:
            loc = f"{shown_path(f.path)}:{f.line}:{col}:"
        sev = f.severity + (" (baseline)" if f.baseline else "")
        if colour:
            loc = _BOLD + loc + _RESET
            sev = _COLOURS[Severity(f.severity)] + sev + _RESET
            rid = _DIM + f.rule_id + _RESET
        else:
            rid = f.rule_id
        fix = " [fix available]" if f.fix is not None else ""
        origin = f" (commit {f.origin.commit[:12]}, {f.origin.date})" if f.origin else ""
        out.append(f"{loc} {sev} {rid} {f.message}{fix}{origin}")
    counts: dict[str, int] = {}
    for f in result.findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items(), key=lambda kv: kv[0]))
    skipped = len(result.skipped)
    line = (f"{len(result.findings)} finding(s)" + (f" ({summary})" if summary else "")
            + f" in {result.files} file(s) scanned")
    if skipped:  # how many and why: a skip is never silent
        why = ", ".join(f"{n} {r}" for r, n in skip_counts(result.skipped).items())
        line += f", {skipped} skipped ({why}" + (")" if verbose else "; -v lists them)")
    failed = {id(s) for s in result.failed}
    for s in result.skipped:
        # files that could not be analysed are always listed; policy skips with -v
        if verbose or id(s) in failed:
            out.append(f"note: skipped {shown_path(s.path)}: {s.reason}")
    for n in result.notes:
        if verbose or n.kind != "info":
            out.append(f"note: {shown_path(n.path)}: {n.note}")
    partial = sum(n.kind != "info" for n in result.notes)
    if partial:
        line += f", {partial} analysed only in part"
    out.append(line)
    return "\n".join(out) + "\n"
