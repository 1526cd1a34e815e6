"""Engine findings <-> LSP types. Findings arrive with their UTF-16 columns (the engine computes
them where the text is); other byte ranges go through engine.positions."""

from __future__ import annotations

from lsprotocol import types

from ..engine.findings import Edit, Finding
from ..engine.positions import LineIndex
from ..engine.ruledocs import rule_markdown
from ..engine.rules import Rule
from ..engine.severity import Severity

SOURCE = "ztlint"
NOTE_CODE = "ztlint-partial-analysis"
_NOTES_SHOWN = 3
_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
    Severity.HINT: types.DiagnosticSeverity.Hint,
}


def lsp_range(index: LineIndex, start: int, end: int) -> types.Range:
    """The range of bytes ``[start, end)`` of ``index``'s text (a text without findings)."""
    (sl, sc), (el, ec) = index.utf16_position(start), index.utf16_position(end)
    return types.Range(types.Position(sl, sc), types.Position(el, ec))


def finding_range(f: Finding) -> types.Range:
    return types.Range(types.Position(f.start[0], f.columns.utf16[0]),
                       types.Position(f.end[0], f.columns.utf16[1]))


def text_edit(e: Edit) -> types.TextEdit:
    (sl, sc), (el, ec) = e.utf16
    return types.TextEdit(types.Range(types.Position(sl, sc), types.Position(el, ec)), e.text)


def rule_link(rule: Rule) -> str | None:
    return rule.references[0] if rule.references else None


def diagnostic(f: Finding, rule: Rule, version: int | None, uri: str | None = None
               ) -> types.Diagnostic:
    """One diagnostic; its fix rides in ``data`` with the document version it was computed for.
    A finding accepted in the baseline (the engine says which) shows as a hint. A flow
    finding lists its steps (source first) as related information in the document ``uri``."""
    link = rule_link(rule)
    data = {"version": version, "anchorLine": f.anchor[0], "rule": f.rule_id}
    if f.fix is not None:
        data["fix"] = {"title": f.fix.title, "safe": f.fix.safe,
                       "edits": [{"range": _range_json(text_edit(e).range), "newText": e.text}
                                 for e in f.fix.edits]}
    severity = _SEVERITY[Severity(f.severity)]
    if f.baseline:
        severity = types.DiagnosticSeverity.Hint
    return types.Diagnostic(
        range=finding_range(f),
        message=f.message + (" (accepted in baseline)" if f.baseline else ""),
        severity=severity,
        code=f.rule_id,
        code_description=types.CodeDescription(href=link) if link else None,
        source=SOURCE,
        data=data,
        related_information=[
            types.DiagnosticRelatedInformation(types.Location(uri, step_range(s)), s.message)
            for s in f.flow] if f.flow and uri else None,
    )


def step_range(s) -> types.Range:
    return types.Range(types.Position(s.start[0], s.columns.utf16[0]),
                       types.Position(s.end[0], s.columns.utf16[1]))


def flow_markdown(f: Finding) -> str:
    """The path of a flow finding, for the hover on its sink."""
    if not f.flow:
        return ""
    steps = "\n".join(f"{i}. line {s.start[0] + 1}: {s.message}" for i, s in enumerate(f.flow, 1))
    return f"**Flow** (source to sink):\n\n{steps}\n\n---\n\n"


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


def rule_error_diagnostics(rulesets, config_errors: dict[str, str]
                           ) -> dict[str, list[types.Diagnostic]]:
    """Diagnostics on broken rule files and config files, by file path."""
    by_file: dict[str, list[types.Diagnostic]] = {}
    for rs in rulesets:
        for err in rs.errors:
            line = max(0, err.line - 1)
            by_file.setdefault(err.path, []).append(types.Diagnostic(
                range=types.Range(types.Position(line, 0), types.Position(line, 200)),
                message=f"{err.field}: {err.message}", severity=types.DiagnosticSeverity.Error,
                source=SOURCE, code="rule-error"))
    for path, message in config_errors.items():
        if path.startswith("/"):
            by_file.setdefault(path, []).append(types.Diagnostic(
                range=types.Range(types.Position(0, 0), types.Position(0, 200)), message=message,
                severity=types.DiagnosticSeverity.Error, source=SOURCE, code="config-error"))
    return by_file


def _range_json(r: types.Range) -> dict:
    return {"start": {"line": r.start.line, "character": r.start.character},
            "end": {"line": r.end.line, "character": r.end.character}}


def range_from_json(d: dict) -> types.Range:
    return types.Range(types.Position(d["start"]["line"], d["start"]["character"]),
                       types.Position(d["end"]["line"], d["end"]["character"]))


def hover_markdown(rule: Rule) -> str:
    return rule_markdown(rule)
