"""An engine failure on one document skips that document visibly; the server keeps it open
and its next edit tries again."""

from __future__ import annotations

from lsprotocol import types

from ztlint.engine import incremental
from ztlint.lsp.state import ServerState

CODE = b"import os\nos.system(input())\n"


class Boom(RuntimeError):
    pass


def whole(text: str) -> list:
    return [types.TextDocumentContentChangeWholeDocument(text=text)]


def test_a_document_the_engine_fails_on_is_skipped_then_retried_on_edit(tmp_path, monkeypatch):
    st = ServerState(folders=[tmp_path])
    real = incremental.IncrementalDocument  # (the server imports it when it needs it)

    def broken(*args, **kwargs):
        raise Boom("engine bug")
    monkeypatch.setattr(incremental, "IncrementalDocument", broken)
    doc = st.open_document((tmp_path / "a.py").as_uri(), tmp_path / "a.py", "python", 1, CODE)
    assert doc.incr is None and doc.skipped == "analysis failed: Boom"
    assert doc.source == CODE  # kept, so edits still apply
    monkeypatch.setattr(incremental, "IncrementalDocument", real)
    doc.apply_changes([types.TextDocumentContentChangePartial(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)), text="# edited\n")])
    assert st.recheck(doc) and doc.skipped is None
    assert doc.incr.source == b"# edited\n" + CODE and doc.incr.findings


def test_an_analysis_failure_after_edits_keeps_the_text(tmp_path):
    st = ServerState(folders=[tmp_path])
    doc = st.open_document((tmp_path / "a.py").as_uri(), tmp_path / "a.py", "python", 1, CODE)
    doc.apply_changes(whole("x = 1\n"))
    st.fail(doc, Boom())
    assert doc.incr is None and doc.skipped == "analysis failed: Boom" and doc.source == b"x = 1\n"
    doc.apply_changes(whole(CODE.decode()))
    assert st.recheck(doc) and doc.incr.findings
