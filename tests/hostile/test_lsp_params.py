"""Issue 10, item 13: a request with invalid params got no answer at all."""

from __future__ import annotations

from .lsp_wire import frame

CODE = "import os\nos.system(input())\n"


def invalid_requests(uri: str) -> dict:
    doc = {"uri": uri}
    pos = {"line": 1, "character": 3}
    rng = {"start": pos, "end": pos}
    return {
        "codeAction without range and context": ("textDocument/codeAction", {"textDocument": doc}),
        "codeAction with a string context": ("textDocument/codeAction",
                                             {"textDocument": doc, "range": rng, "context": "x"}),
        "hover with a string line": ("textDocument/hover",
                                     {"textDocument": doc, "position": {"line": "one", "character": 0}}),
        "hover with a list position": ("textDocument/hover", {"textDocument": doc, "position": [1, 2]}),
        "hover without params": ("textDocument/hover", None),
        "executeCommand without a command": ("workspace/executeCommand", {"arguments": []}),
    }


def test_invalid_params_get_invalid_params_errors_and_the_server_keeps_serving(wire, tmp_path):
    uri = (tmp_path / "a.py").as_uri()
    wire.open(uri, CODE)
    for name, (method, params) in invalid_requests(uri).items():
        answer = wire.request(method, params)
        assert answer.get("error", {}).get("code") == -32602, (name, answer)
        assert "result" not in answer
        assert "error" not in wire.hover(uri, 1, 3), name  # still serving


def test_notifications_with_invalid_params_are_dropped_and_the_server_keeps_serving(wire, tmp_path):
    uri = (tmp_path / "a.py").as_uri()
    wire.notify("textDocument/didOpen", {})  # no textDocument
    wire.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "text": 5}})
    wire.notify("textDocument/didChange", {"textDocument": {"uri": uri}, "contentChanges": "x"})
    wire.notify("textDocument/didClose", None)
    wire.open(uri, CODE)
    assert wire.hover(uri, 1, 3)["result"] is not None  # opened and analysed: a finding there


def test_malformed_envelopes_are_refused_without_killing_the_server(wire, tmp_path):
    wire.send(frame({"jsonrpc": "1.0", "id": 5, "method": "textDocument/hover", "params": {}}))
    assert wire.wait_answer(5)["error"]["code"] == -32600
    wire.send(frame({"jsonrpc": "2.0", "id": 6, "method": 42, "params": {}}))
    assert wire.wait_answer(6)["error"]["code"] == -32600
    for junk in (b"[1, 2]", b"null", b'"text"', b'{"jsonrpc": "2.0", "id": [1], "method": "x"}',
                 b'{"jsonrpc": "2.0", "id": 99, "result": 1}', b"[" * 100_000):
        wire.send(frame(junk))
    assert wire.request("shutdown", None)["result"] is None
