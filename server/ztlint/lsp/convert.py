"""Engine findings <-> LSP types. Positions go through engine.positions (UTF-16 for LSP)."""

from __future__ import annotations

from lsprotocol import types

from ..engine.findings import Edit, Finding
from ..engine.positions import LineIndex
from ..engine.ruledocs import rule_markdown
from ..engine.rules import Rule
from ..engine.severity import Severity

SOURCE = "ztlint"
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
    Severity.HINT: types.DiagnosticSeverity.Hint,
}


def lsp_range(index: LineIndex, start: int, end: int) -> types.Range:
    (sl, sc), (el, ec) = index.utf16_position(start), index.utf16_position(end)
    return types.Range(types.Position(sl, sc), types.Position(el, ec))


def text_edit(index: LineIndex, e: Edit) -> types.TextEdit:
    return types.TextEdit(lsp_range(index, e.start_byte, e.end_byte), e.text)


def rule_link(rule: Rule) -> str | None:
    return rule.references[0] if rule.references else None


def diagnostic(f: Finding, rule: Rule, index: LineIndex, version: int | None) -> types.Diagnostic:
    """One diagnostic; its fix rides in ``data`` with the document version it was computed for."""
    link = rule_link(rule)
    data = {"version": version, "anchorLine": f.anchor[0], "rule": f.rule_id}
    if f.fix is not None:
        data["fix"] = {"title": f.fix.title, "safe": f.fix.safe,
                       "edits": [{"range": _range_json(lsp_range(index, e.start_byte, e.end_byte)),
                                  "newText": e.text} for e in f.fix.edits]}
    severity = _SEVERITY[Severity(f.severity)]
    if f.baseline:
        severity = types.DiagnosticSeverity.Hint
    return types.Diagnostic(
        range=lsp_range(index, f.start_byte, f.end_byte),
        message=f.message + (" (accepted in baseline)" if f.baseline else ""),
        severity=severity,
        code=f.rule_id,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
        data=data,
    )


def _range_json(r: types.Range) -> dict:
    return {"start": {"line": r.start.line, "character": r.start.character},
            "end": {"line": r.end.line, "character": r.end.character}}


def range_from_json(d: dict) -> types.Range:
    return types.Range(types.Position(d["start"]["line"], d["start"]["character"]),
                       types.Position(d["end"]["line"], d["end"]["character"]))


def hover_markdown(rule: Rule) -> str:
    return rule_markdown(rule)
