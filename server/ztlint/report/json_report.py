"""Versioned JSON output (``"version": 1``). Fields are only ever added within a version."""

from __future__ import annotations

import json

from .. import __version__
from ..engine.rules import RuleSet
from ..scan.runner import ScanResult
from .common import cell_json, char_columns, shown_path, skip_counts

JSON_VERSION = 1


def to_dict(result: ScanResult, ruleset: RuleSet) -> dict:
    findings = []
    for f in result.findings:
        rule = ruleset.rules[f.rule_id]
        col, end_col = char_columns(f)
        findings.append({
            "rule": f.rule_id, "title": rule.title, "severity": f.severity,
            "confidence": f.confidence, "category": rule.category, "cwe": list(rule.cwe),
            "owasp": list(rule.owasp), "message": f.message, "path": shown_path(f.path),
            "start": {"line": f.start[0] + 1, "column": col},
            "end": {"line": f.end[0] + 1, "column": end_col},
            "fingerprint": f.fingerprint, "baseline": f.baseline,
            "fix": None if f.fix is None else {
                "title": f.fix.title, "safe": f.fix.safe,
                # secrets never travel in output: a secret rule's fix text is the replacement,
                # never the original value
                "edits": [{"start_byte": e.start_byte, "end_byte": e.end_byte, "text": e.text}
                          for e in f.fix.edits],
            },
            # flow rules: the steps from the source to the sink (added in version 1)
            "flow": [{"line": s.start[0] + 1, "column": s.columns.char[0] + 1, "message": s.message,
                      **({"cell": s.cell} if s.cell is not None else {})}
                     for s in f.flow],
            # history scans (--git, push hooks): the commit that added the text (added in version 1)
            "commit": None if f.origin is None else {"id": f.origin.commit, "author_date": f.origin.date},
            # notebooks: the cell (start/end above are in the .ipynb file) (added in version 1)
            "cell": cell_json(f),
        })
    return {
        "version": JSON_VERSION,
        "tool": {"name": "ztlint", "version": __version__},
        "findings": findings,
        "skipped": [{"path": shown_path(s.path), "reason": s.reason, "kind": s.kind}
                    for s in result.skipped],
        # files analysed only in part (kind "partial": not parsed, text rules only) or with
        # something to know (kind "info": decoded from UTF-16 ...)
        "notes": [{"path": shown_path(n.path), "note": n.note, "kind": n.kind} for n in result.notes],
        "summary": {"files": result.files, "bytes": result.bytes, "findings": len(findings),
                    "skipped": len(result.skipped), "failed": len(result.failed),
                    "partial": sum(n.kind != "info" for n in result.notes),
                    "skipped_by_reason": skip_counts(result.skipped)},
    }


def render(result: ScanResult, ruleset: RuleSet) -> str:
    return json.dumps(to_dict(result, ruleset), indent=2, ensure_ascii=False) + "\n"
