"""Code actions: the rule's fix, suppress on the line / in the file, disable in config, fix all."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from ..engine import config as cfgmod
from ..engine import languages
from ..engine.config_edit import disable_rule_edit
from ..engine.positions import LineIndex, utf8_offset
from . import convert
from .document import Document

FIX_ALL_KIND = "source.fixAll.ztlint"
REASON = "reason: <why this is safe>"


def _doc_edit(uri: str, version: int | None, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    ident = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
    return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(ident, edits)])


def quick_fix(doc: Document, diag: types.Diagnostic) -> types.CodeAction | None:
    data = diag.data or {}
    fix = data.get("fix")
    if not fix or data.get("version") != doc.version:
        return None  # fixes are only valid for the text they were computed on
    edits = [types.TextEdit(convert.range_from_json(e["range"]), e["newText"]) for e in fix["edits"]]
    title = fix["title"] + ("" if fix["safe"] else " (unsafe: review the change)")
    return types.CodeAction(title=f"ztlint: {title}", kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diag], is_preferred=bool(fix["safe"]),
                            edit=_doc_edit(doc.uri, doc.version, edits))


def suppress_line(doc: Document, diag: types.Diagnostic) -> types.CodeAction | None:
    syntax = languages.comment_syntax(doc.path, doc.language)
    if syntax is None:
        return None
    rule_id = str(diag.code)
    row = int((diag.data or {}).get("anchorLine", diag.range.start.line))
    line = doc.line(row)
    indent = line[:len(line) - len(line.lstrip())]
    # the file's own line end: a suppression must not add one the file does not use
    text = f"{indent}{syntax[0]} ztlint: ignore[{rule_id}] {REASON}{syntax[1]}{doc.newline}"
    edit = types.TextEdit(types.Range(types.Position(row, 0), types.Position(row, 0)), text)
    return types.CodeAction(title=f"ztlint: suppress {rule_id} here", kind=types.CodeActionKind.QuickFix,
                            diagnostics=[diag], edit=_doc_edit(doc.uri, doc.version, [edit]))


def suppress_file(doc: Document, diag: types.Diagnostic) -> types.CodeAction | None:
    syntax = languages.comment_syntax(doc.path, doc.language)
    if syntax is None:
        return None
    rule_id = str(diag.code)
    row = 1 if doc.line(0).startswith(("#!", "<?php")) else 0
    text = f"{syntax[0]} ztlint: ignore-file[{rule_id}] {REASON}{syntax[1]}{doc.newline}"
    edit = types.TextEdit(types.Range(types.Position(row, 0), types.Position(row, 0)), text)
    return types.CodeAction(title=f"ztlint: suppress {rule_id} in this file",
                            kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
                            edit=_doc_edit(doc.uri, doc.version, [edit]))


def disable_in_config(doc: Document, diag: types.Diagnostic, cfg: cfgmod.Config
                      ) -> types.CodeAction | None:
    rule_id = str(diag.code)
    folder = doc.folder or Path(doc.path).parent
    target = cfg.source or folder / cfgmod.DEFAULT_CONFIG_FILE
    exists = target.is_file()
    text = target.read_text(encoding="utf-8") if exists else ""
    change = disable_rule_edit(text, rule_id, pyproject=target.name == cfgmod.PYPROJECT)
    if change is None:
        return None
    start, end, new = change
    index = LineIndex(text.encode("utf-8"))
    s_b, e_b = utf8_offset(text, start), utf8_offset(text, end)
    edit = types.TextEdit(convert.lsp_range(index, s_b, e_b), new)
    uri = target.as_uri()
    ident = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=None)
    changes: list = [] if exists else [types.CreateFile(uri=uri, options=types.CreateFileOptions(ignore_if_exists=True))]
    changes.append(types.TextDocumentEdit(ident, [edit]))
    return types.CodeAction(title=f"ztlint: disable {rule_id} in {target.name}",
                            kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
                            edit=types.WorkspaceEdit(document_changes=changes))


def fix_all(doc: Document) -> types.CodeAction | None:
    """Every safe fix of the document's current findings, without overlaps, in one edit."""
    edits, last_end = [], -1
    fixes = sorted((f.fix for f in doc.findings() if f.fix is not None and f.fix.safe),
                   key=lambda fx: min(e.start_byte for e in fx.edits))
    for fx in fixes:
        if min(e.start_byte for e in fx.edits) < last_end:
            continue
        edits.extend(convert.text_edit(e) for e in fx.edits)
        last_end = max(e.end_byte for e in fx.edits)
    if not edits:
        return None
    return types.CodeAction(title="ztlint: apply all safe fixes", kind=FIX_ALL_KIND,
                            edit=_doc_edit(doc.uri, doc.version, edits))


def for_diagnostics(doc: Document, diags: list[types.Diagnostic], cfg: cfgmod.Config,
                    only: list[str] | None) -> list[types.CodeAction]:
    actions: list[types.CodeAction] = []
    wants_quickfix = not only or any(k.startswith(types.CodeActionKind.QuickFix) for k in only)
    wants_fix_all = not only or any(FIX_ALL_KIND.startswith(k) or k == FIX_ALL_KIND for k in only)
    if wants_quickfix:
        for diag in diags:
            if diag.source != convert.SOURCE or not diag.code or diag.code == convert.NOTE_CODE:
                continue
            for build in (quick_fix, suppress_line, suppress_file):
                action = build(doc, diag)
                if action:
                    actions.append(action)
            action = disable_in_config(doc, diag, cfg)
            if action:
                actions.append(action)
    if wants_fix_all:
        action = fix_all(doc)
        if action:
            actions.append(action)
    return actions
