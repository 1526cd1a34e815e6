"""SARIF 2.1.0 for GitHub code scanning (validated against the OASIS schema in the tests)."""

from __future__ import annotations

import json
from pathlib import Path

from .. import __version__
from ..engine.ruledocs import rule_markdown
from ..engine.rules import Rule, RuleSet
from ..engine.severity import Confidence, Severity
from ..scan.runner import ScanResult
from ..scan.shard import automation_id
from .common import cell_json, cell_label, char_columns, uri_path

FINGERPRINT_KEY = "ztlint/v1"


def _rule(rule: Rule) -> dict:
    tags = ["security"] + (["secret"] if rule.is_secret else [])
    tags += [f"external/cwe/{c.lower()}" for c in rule.cwe]
    tags += [f"external/owasp/{o.split('-')[0].lower()}" for o in rule.owasp]
    first = rule.docs.split("\n\n", 1)[0]
    severity = Severity(rule.severity)
    out = {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": first},
        "help": {"text": rule.docs, "markdown": rule_markdown(rule, summary=False, references=False)},
        "defaultConfiguration": {"level": severity.sarif_level},
        "properties": {"tags": tags, "precision": Confidence(rule.confidence).value,
                       "security-severity": severity.security_severity},
    }
    if rule.references:
        out["helpUri"] = rule.references[0]
    return out


def _step_region(s) -> dict:
    return {"startLine": s.start[0] + 1, "startColumn": s.columns.char[0] + 1,
            "endLine": s.end[0] + 1, "endColumn": s.columns.char[1] + 1}


def to_dict(result: ScanResult, ruleset: RuleSet, root: Path | None = None) -> dict:
    used = sorted({f.rule_id for f in result.findings})
    index = {rid: i for i, rid in enumerate(used)}
    results = []
    for f in result.findings:
        col, end_col = char_columns(f)
        location = {"artifactLocation": {"uri": uri_path(f.path), "uriBaseId": "%SRCROOT%"}}
        res = {
            "ruleId": f.rule_id,
            "ruleIndex": index[f.rule_id],
            "level": Severity(f.severity).sarif_level,
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {**location, "region": {
                "startLine": f.start[0] + 1, "startColumn": col,
                "endLine": f.end[0] + 1, "endColumn": end_col}}}],
            "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
            "properties": {"confidence": f.confidence,
                           "security-severity": Severity(f.severity).security_severity},
        }
        if f.flow:
            res["codeFlows"] = [{"threadFlows": [{"locations": [
                {"location": {"physicalLocation": {**location, "region": _step_region(s)},
                              "message": {"text": s.message}}} for s in f.flow]}]}]
        if f.origin is not None:  # history scans: the commit that added the text
            res["properties"].update({"commit": f.origin.commit, "authorDate": f.origin.date})
        if f.cell is not None:  # notebooks: the region is in the .ipynb file's JSON
            res["message"]["text"] += f" ({cell_label(f)})"
            res["properties"]["cell"] = cell_json(f)
        if f.baseline:
            res["baselineState"] = "unchanged"
        if f.fix is not None:
            res["fixes"] = [{
                "description": {"text": f.fix.title + ("" if f.fix.safe else " (unsafe: review)")},
                "artifactChanges": [{**location, "replacements": [
                    {"deletedRegion": {"byteOffset": e.start_byte, "byteLength": e.end_byte - e.start_byte},
                     "insertedContent": {"text": e.text}} for e in f.fix.edits]}],
            }]
        results.append(res)
    run = {
        "tool": {"driver": {
            "name": "ztlint", "version": __version__, "semanticVersion": __version__,
            "informationUri": "https://github.com/ztlint/ztlint",
            "rules": [_rule(ruleset.rules[rid]) for rid in used],
        }},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": (root or Path.cwd()).resolve().as_uri() + "/"}},
        "results": results,
        **({"automationDetails": {"id": automation_id(*result.shard)}} if result.shard else {}),
        "invocations": [{
            # false when a file meant to be analysed could not be (read errors, crashes,
            # size limit): the results may be incomplete
            "executionSuccessful": not result.failed,
            "toolExecutionNotifications": _notifications(result),
        }],
    }
    return {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
            "runs": [run]}


def _notifications(result: ScanResult) -> list[dict]:
    failed = {id(s) for s in result.failed}

    def note(path: str, level: str, text: str) -> dict:
        uri = uri_path(path)
        where = {"uri": uri} if uri.startswith("file:") else {"uri": uri, "uriBaseId": "%SRCROOT%"}
        return {"level": level, "message": {"text": text},
                "locations": [{"physicalLocation": {"artifactLocation": where}}]}
    out = [note(s.path, "warning" if id(s) in failed else "note", f"skipped: {s.reason}")
           for s in result.skipped]
    out += [note(n.path, "note" if n.kind == "info" else "warning", n.note) for n in result.notes]
    return out


def render(result: ScanResult, ruleset: RuleSet) -> str:
    return json.dumps(to_dict(result, ruleset), indent=2, ensure_ascii=False) + "\n"
