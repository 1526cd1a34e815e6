"""Issue 10, item 14: memory grew with every notification (pygls kept one future each)."""

from __future__ import annotations

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from ztlint.lsp.protocol import ZtlintProtocol


class Sink:
    def write(self, data: bytes) -> None:
        pass

    def close(self) -> None:
        pass


def message(method: str, params: dict, msg_id: int | None = None) -> dict:
    msg = {"jsonrpc": "2.0", "method": method, "params": params}
    if msg_id is not None:
        msg["id"] = msg_id
    return msg


def make_server() -> LanguageServer:
    ls = LanguageServer("leak-test", "1", protocol_cls=ZtlintProtocol)
    ls.protocol.set_writer(Sink())
    seen = []

    def record(ls, params):
        seen.append(params)
    for method in (types.TEXT_DOCUMENT_DID_OPEN, types.TEXT_DOCUMENT_DID_CHANGE,
                   types.TEXT_DOCUMENT_DID_CLOSE):
        ls.feature(method)(record)
    ls.seen = seen
    ls.protocol.handle_value(message("initialize", {"processId": None, "rootUri": None,
                                                    "capabilities": {}}, 1))
    return ls


def test_handled_notifications_leave_no_futures_behind():
    ls = make_server()
    uri = "file:///tmp/leak.py"
    tracked = []
    for n in (10, 200):
        for i in range(n):
            ls.protocol.handle_value(message("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "python", "version": 1, "text": "x = 1\n"}}))
            ls.protocol.handle_value(message("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": 2},
                "contentChanges": [{"text": f"x = {i}\n"}]}))
            ls.protocol.handle_value(message("textDocument/didClose", {"textDocument": {"uri": uri}}))
        tracked.append(len(ls.protocol._request_futures))
    assert len(ls.seen) == 3 * 210  # every notification reached its handler ...
    assert tracked == [0, 0]  # ... and none is still tracked (pygls 2.1.1 kept 2 + 1 + 1 each)
