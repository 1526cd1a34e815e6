"""Versioned JSON output (``"version": 1``). Fields are only ever added within a version."""

from __future__ import annotations

import json

from .. import __version__
from ..engine.rules import RuleSet
from ..scan.runner import ScanResult
from .common import char_columns

JSON_VERSION = 1


def to_dict(result: ScanResult, ruleset: RuleSet) -> dict:
    findings = []
    for f in result.findings:
        rule = ruleset.rules[f.rule_id]
        col, end_col = char_columns(f)
        findings.append({
            "rule": f.rule_id, "title": rule.title, "severity": f.severity,
            "confidence": f.confidence, "category": rule.category, "cwe": list(rule.cwe),
            "owasp": list(rule.owasp), "message": f.message, "path": f.path,
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
        })
    return {
        "version": JSON_VERSION,
        "tool": {"name": "ztlint", "version": __version__},
        "findings": findings,
        "skipped": [{"path": s.path, "reason": s.reason} for s in result.skipped],
        "summary": {"files": result.files, "bytes": result.bytes, "findings": len(findings)},
    }


def render(result: ScanResult, ruleset: RuleSet) -> str:
    return json.dumps(to_dict(result, ruleset), indent=2, ensure_ascii=False) + "\n"
