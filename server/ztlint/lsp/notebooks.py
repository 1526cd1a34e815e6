"""Jupyter notebooks through LSP notebook document sync (``notebookDocument/*``).

pygls keeps the notebooks and their cells' texts (``ls.workspace``). Here each open notebook's
code cells are laid out as one document exactly as ``ztlint scan`` lays them out
(engine.notebook_layout), analysed by the engine's IncrementalDocument (an edit to one cell
re-analyses what that edit touched), and each finding is published on its cell's URI with a
range in the cell. Markdown cells get the text (secret) rules. Outputs are not part of the
protocol: the saved file's outputs are analysed on open and save, and their findings are
published on the notebook file's URI (a range in its JSON, the cell noted in the message).
Quick fixes are not offered in cells (yet): diagnostics carry no fix.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path

from lsprotocol import types
from pygls.uris import to_fs_path

from ..engine import chunked, notebook
from ..engine.analyze import analyze
from ..engine.incremental import IncrementalDocument
from ..engine.notebook_layout import Layout, analyze_notebook, build, in_cells
from ..engine.source import read_source
from . import convert
from .debounce import Debounce
from .notebook_sync import NOTEBOOK_TYPE, SYNC  # noqa: F401 (re-exported)

log = logging.getLogger("ztlint.lsp")

@dataclass
class OpenNotebook:
    uri: str
    path: str
    display: str
    language: str | None
    cells: list[str] = field(default_factory=list)  # cell URIs in order
    code: Layout | None = None
    incr: IncrementalDocument | None = None
    text_source: bytes | None = None
    text_findings: list = field(default_factory=list)
    outputs: list = field(default_factory=list)  # findings in the saved file's outputs
    published: set[str] = field(default_factory=set)  # cell URIs with diagnostics now
    debounce: Debounce = field(default_factory=Debounce)  # when its next analysis runs
    failed: str | None = None
    ruleset: object = None  # the rules of the last analysis


def _open(ls) -> dict[str, OpenNotebook]:
    return ls.state.notebooks


def did_open(ls, params: types.DidOpenNotebookDocumentParams):
    nb = params.notebook_document
    path = Path(to_fs_path(nb.uri) or nb.uri)
    folder = ls.state.folder_for(path)
    display = path.relative_to(folder).as_posix() if folder else path.as_posix()
    state = OpenNotebook(nb.uri, str(path), display, None)
    _open(ls)[nb.uri] = state
    _read_outputs(ls, state)
    _refresh(ls, state)
    publish(ls, state)


def did_change(ls, params: types.DidChangeNotebookDocumentParams):
    state = _open(ls).get(params.notebook_document.uri)
    if state is None:
        return
    uri = state.uri  # the same adaptive timing as a text document (debounce.py)
    state.debounce.edited(asyncio.get_running_loop(), ls.state.debounce_ms / 1000,
                          lambda: _changed(ls, uri))


def _changed(ls, uri: str) -> None:
    state = _open(ls).get(uri)
    if state is None:
        return
    _refresh(ls, state)
    publish(ls, state)


def did_save(ls, params: types.DidSaveNotebookDocumentParams):
    state = _open(ls).get(params.notebook_document.uri)
    if state is not None:
        _read_outputs(ls, state)
        publish(ls, state)


def did_close(ls, params: types.DidCloseNotebookDocumentParams):
    state = _open(ls).pop(params.notebook_document.uri, None)
    if state is None:
        return
    state.debounce.cancel()
    for uri in state.published | {state.uri}:
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


# -- analysis -------------------------------------------------------------------------------
def _parts(ls, state: OpenNotebook) -> list[notebook.Part]:
    """The cells as the engine's parts (in the order of the notebook), and ``state.cells``."""
    doc = ls.workspace.get_notebook_document(notebook_uri=state.uri)
    cells = list(doc.cells) if doc is not None else []
    langs = [ls.workspace.get_text_document(c.document).language_id for c in cells
             if c.kind == types.NotebookCellKind.Code]
    name = "python" if "python" in langs or not langs else langs[0]
    state.language = notebook.language_of(name)
    state.cells = [c.document for c in cells]
    parts = []
    for i, c in enumerate(cells):
        td = ls.workspace.get_text_document(c.document)
        code = (c.kind == types.NotebookCellKind.Code and td.language_id == name
                and notebook.is_code_cell(td.source, state.language))
        parts.append(notebook.Part(i, None, (notebook.Piece(td.source),), code))
    return parts


def refresh_all(ls) -> None:
    """Rules or config changed: analyse every open notebook again."""
    for state in list(_open(ls).values()):
        _refresh(ls, state)
        _read_outputs(ls, state)
        publish(ls, state)


def _refresh(ls, state: OpenNotebook) -> None:
    """Bring the analysis up to date with the cells: edits of code cells go to the
    incremental document (one edit per changed cell), a change of which cells are code
    starts it over."""
    parts = _parts(ls, state)
    code = build([p for p in parts if p.code], state.language)
    cfg = ls.state.config_for(ls.state.folder_for(Path(state.path)), Path(state.path))
    try:
        ruleset = state.ruleset = ls.state.ruleset_for(cfg)
        old = state.code
        if (state.incr is None or old is None or state.incr.ruleset is not ruleset
                or state.incr.config is not cfg or state.incr.language != state.language
                or [p.cell for p in old.parts] != [p.cell for p in code.parts]):
            state.text_source = None  # (new rules or config: the other text again too)
            state.incr = IncrementalDocument(code.source, state.display, state.language, ruleset,
                                             cfg, ls.state.baseline_for(cfg))
        else:
            # back to front, so that the offsets of the parts not yet edited still hold
            for k in reversed(range(len(code.parts))):
                a, b = old.starts[k], old.starts[k] + len(_bytes(old, k))
                new = _bytes(code, k)
                if state.incr.source[a:b] != new:
                    state.incr.edit(a, b, new)
        state.code = code
        state.incr.analyze()
        text = build([p for p in parts if not p.code], None)
        if text.source != state.text_source:
            found = analyze(text.source, state.display, ruleset, cfg, language=None,
                            baseline=ls.state.baseline_for(cfg)).findings if text.parts else []
            state.text_source, state.text_findings = text.source, in_cells(found, text)
        state.failed = None
    except Exception as exc:  # noqa: BLE001 - an engine bug costs this notebook only, visibly
        log.exception("analysis of %s failed", state.path)
        state.incr, state.code, state.failed = None, None, f"analysis failed: {type(exc).__name__}"


def _bytes(layout: Layout, k: int) -> bytes:
    end = layout.starts[k + 1] if k + 1 < len(layout.starts) else len(layout.source)
    return layout.source[layout.starts[k]:end]


def _read_outputs(ls, state: OpenNotebook) -> None:
    """Findings in the outputs of the notebook as saved (the protocol does not carry them)."""
    cfg = ls.state.config_for(ls.state.folder_for(Path(state.path)), Path(state.path))
    src = read_source(state.path, chunked.TEXT_ONLY_LIMIT)
    state.outputs = []
    if src.data is None:
        return
    try:
        state.ruleset = ls.state.ruleset_for(cfg)
        result, _ = analyze_notebook(src.data, state.display, state.ruleset, cfg,
                                     baseline=ls.state.baseline_for(cfg))
    except notebook.NotebookError:
        return  # what is open is what the editor made of it: its cells are analysed
    state.outputs = [f for f in result.findings if f.cell is not None and f.cell.output is not None]


# -- publishing -----------------------------------------------------------------------------
def publish(ls, state: OpenNotebook) -> None:
    if ls.state.pull_mode:
        return
    by_cell: dict[str, list[types.Diagnostic]] = {uri: [] for uri in state.cells}
    findings = (in_cells(state.incr.findings, state.code) if state.incr is not None else [])
    for f in findings + state.text_findings:
        if f.cell.index < len(state.cells):
            by_cell[state.cells[f.cell.index]].append(_diagnostic(f, state))
    if state.failed and state.cells:
        by_cell[state.cells[0]].append(convert.notes_diagnostic([state.failed], None))
    elif state.incr is not None and state.incr.notes and state.cells:
        by_cell[state.cells[0]].append(convert.notes_diagnostic(state.incr.notes, None))
    for uri, diags in by_cell.items():
        if diags or uri in state.published:
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diags))
    for uri in state.published - set(by_cell):  # cells deleted since
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
    state.published = {uri for uri, diags in by_cell.items() if diags}
    outputs = [_output_diagnostic(f, state) for f in state.outputs]
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=state.uri, diagnostics=outputs))


def _diagnostic(f, state: OpenNotebook) -> types.Diagnostic:
    d = convert.diagnostic(replace(f, fix=None, flow=()), state.ruleset.rules[f.rule_id], None)
    if f.flow:  # the steps, each in its own cell
        d.related_information = [types.DiagnosticRelatedInformation(
            types.Location(state.cells[s.cell], convert.step_range(s)), s.message)
            for s in f.flow if s.cell is not None and s.cell < len(state.cells)]
    return d


def _output_diagnostic(f, state: OpenNotebook) -> types.Diagnostic:
    c = f.cell
    d = convert.diagnostic(replace(f, fix=None, flow=()), state.ruleset.rules[f.rule_id], None)
    d.message += f" (output {c.output + 1} of cell {c.index + 1}, line {c.start[0] + 1})"
    return d
