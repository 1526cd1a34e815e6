"""What the server tells the client about documents and rule files, and when: diagnostics of an
open document (its findings, and a note when the analysis is partial), skips, rule errors."""

from __future__ import annotations

import logging
from pathlib import Path

from lsprotocol import types

from . import convert, notebooks
from .document import Document

log = logging.getLogger("ztlint.lsp")


def document_diagnostics(ls, doc: Document) -> list[types.Diagnostic]:
    """The diagnostics of the document's current text (analysing pending edits)."""
    ls.state.refresh_baseline(doc)
    diags = [convert.diagnostic(f, doc.rule(f.rule_id), doc.version, doc.uri)
             for f in doc.findings()]
    notes = doc.notes
    if notes:  # never a silent partial result
        diags.append(convert.notes_diagnostic(notes, doc.version))
    if tuple(notes) != doc.notes_logged:
        doc.notes_logged = tuple(notes)
        if notes:
            ls.log(f"ztlint: analysis of {doc.path} is partial: " + "; ".join(notes),
                   types.MessageType.Info)
    return diags


def publish(ls, doc: Document) -> None:
    if ls.state.pull_mode:
        return
    diags = document_diagnostics(ls, doc) if doc.analysed else []  # skipped: none
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=doc.uri, diagnostics=diags, version=doc.version))


def clear(ls, uri: str, version: int | None = None) -> None:
    if not ls.state.pull_mode:
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[], version=version))


def analyze_and_publish(ls, uri: str, version: int | None) -> None:
    doc = ls.state.documents.get(uri)
    if doc is None or doc.version != version or not doc.analysed:
        return  # closed, or a newer edit superseded this one: never publish stale results
    try:
        doc.findings()
    except Exception as exc:  # noqa: BLE001 - an engine bug costs this document only, visibly
        log.exception("analysis of %s failed", doc.path)
        ls.state.fail(doc, exc)
        announce_skip(ls, doc)
    publish(ls, doc)


def current_diagnostics(ls, doc: Document) -> list[types.Diagnostic]:
    """For pull mode: the diagnostics now (no debounce)."""
    if not doc.analysed:
        return []
    doc.cancel_pending()
    return document_diagnostics(ls, doc)


def announce_skip(ls, doc: Document) -> None:
    ls.window_show_message(types.ShowMessageParams(
        type=types.MessageType.Info, message=f"ztlint: not analysing {Path(doc.path).name}: {doc.skipped}"))


def publish_rule_errors(ls) -> None:
    """Broken rule files and config files get diagnostics on themselves, never a crash."""
    st = ls.state
    by_file = convert.rule_error_diagnostics(st.rulesets.values(), st.config_errors)
    for path in st.rule_error_files - set(by_file):
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=Path(path).as_uri(), diagnostics=[]))
    for path, diags in by_file.items():
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=Path(path).as_uri(), diagnostics=diags))
    st.rule_error_files = set(by_file)
    st.errors_published = st.error_count()


def reload_all(ls, rules_changed: bool = True) -> None:
    """Re-analyse every open document with the current config (and rules, when they changed)."""
    if rules_changed:
        ls.state.invalidate()
    else:
        ls.state.configs.clear()  # rule sets are cached by their rule directories
    for doc in list(ls.state.documents.values()):
        ls.state.reanalyze(doc)
        publish(ls, doc)
    notebooks.refresh_all(ls)
    publish_rule_errors(ls)
