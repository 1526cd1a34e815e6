"""Engine findings <-> LSP types. Positions go through engine.positions (UTF-16 for LSP)."""

from __future__ import annotations

from lsprotocol import types

from ..engine.findings import Edit, Finding
from ..engine.positions import LineIndex
from ..engine.rules import Rule

SOURCE = "ztlint"
NOTE_CODE = "ztlint-partial-analysis"
_NOTES_SHOWN = 3
_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
    "hint": types.DiagnosticSeverity.Hint,
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
    severity = _SEVERITY[f.severity]
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


def notes_diagnostic(notes: list[str], version: int | None) -> types.Diagnostic:
    """One diagnostic at the top of a document analysed only in part (never a silent
    "clean"): the first few reasons; all of them go to the log."""
    shown = "; ".join(notes[:_NOTES_SHOWN])
    if len(notes) > _NOTES_SHOWN:
        shown += f"; and {len(notes) - _NOTES_SHOWN} more (see the ztlint log)"
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=f"analysis of this file is partial: {shown}",
        severity=types.DiagnosticSeverity.Information, code=NOTE_CODE, source=SOURCE,
        data={"version": version, "notes": len(notes)})


def _range_json(r: types.Range) -> dict:
    return {"start": {"line": r.start.line, "character": r.start.character},
            "end": {"line": r.end.line, "character": r.end.character}}


def range_from_json(d: dict) -> types.Range:
    return types.Range(types.Position(d["start"]["line"], d["start"]["character"]),
                       types.Position(d["end"]["line"], d["end"]["character"]))


def hover_markdown(rule: Rule) -> str:
    lines = [f"**ztlint · {rule.id}** — {rule.title}", "",
             f"Severity: `{rule.severity}` · Confidence: `{rule.confidence}` · "
             + " · ".join(rule.cwe) + ("" if not rule.owasp else " · " + " · ".join(rule.owasp)), ""]
    if rule.fix:
        lines += [f"Quick fix: *{rule.fix.title}* ({'safe' if rule.fix.safe else 'review: changes behaviour'})", ""]
    lines.append(rule.docs)
    if rule.references:
        lines += ["", *(f"- {u}" for u in rule.references)]
    return "\n".join(lines)
