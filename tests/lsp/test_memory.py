"""What the server keeps per open document: the engine's text and tree, not a second copy."""

from __future__ import annotations

from lsprotocol import types
from pygls.workspace import Workspace

from ztlint.lsp.server import ZtlintServer


def test_didopen_keeps_no_copy_in_pyglss_workspace():
    server = ZtlintServer()
    opened = []
    server.feature(types.TEXT_DOCUMENT_DID_OPEN)(lambda ls, params: opened.append(params))
    proto = server.protocol
    proto._workspace = Workspace(None)  # what pygls sets up on initialize
    params = types.DidOpenTextDocumentParams(types.TextDocumentItem(
        uri="file:///ws/app.py", language_id="python", version=1, text="x = 1\n" * 1000))
    yielded = list(proto.lsp_text_document__did_open(params))
    assert [h for h, _, _ in yielded] == [proto.fm.features[types.TEXT_DOCUMENT_DID_OPEN]]
    assert proto.workspace.text_documents == {}
