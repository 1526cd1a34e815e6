"""Issue 10, item 12: one mis-sized frame must not deafen the server."""

from __future__ import annotations

import json

import pytest

from .lsp_wire import Wire, frame

CODE = "import os\nos.system(input())\n"
# a request the server answers whatever its state: an error for an unknown method
PROBE = {"jsonrpc": "2.0", "id": 77, "method": "ztlint/noSuchMethod", "params": {}}


def body(msg: dict) -> bytes:
    return json.dumps(msg).encode()


BAD_FRAMES = {
    "length too long": frame(PROBE, +40),
    "length too short": frame(PROBE, -10),
    "header without a body": b"Content-Length: 60\r\n\r\n",
    "garbage between frames": b"\x00\xffgarbage{\"not\": json" + b"x" * 100,
    "no Content-Length": b"Content-Type: application/vscode-jsonrpc\r\n\r\n" + body(PROBE),
    "length zero": b"Content-Length: 0\r\n\r\n",
    "header line without a blank line": b"Content-Length: 12\r\nnot a header\r\n",
}


@pytest.fixture
def wire(tmp_path):
    w = Wire(tmp_path)
    yield w
    w.close()


@pytest.mark.parametrize("bad", BAD_FRAMES, ids=list(BAD_FRAMES))
def test_requests_after_a_bad_frame_are_answered(wire, tmp_path, bad):
    wire.send(BAD_FRAMES[bad])
    assert "capabilities" in wire.initialize(tmp_path)["result"]
    uri = (tmp_path / "a.py").as_uri()
    wire.open(uri, CODE)
    wire.send(BAD_FRAMES[bad])
    assert "error" not in wire.hover(uri, 1, 3)
    assert wire.request("shutdown", None)["result"] is None
    assert wire.alive()


@pytest.mark.parametrize("bad", ["length too long", "length too short", "no Content-Length"])
def test_the_bad_frame_itself_is_answered_where_it_can_be(wire, tmp_path, bad):
    wire.initialize(tmp_path)
    wire.send(BAD_FRAMES[bad])  # and nothing after it: the client waits for this answer
    assert wire.wait_answer(77)["error"]["code"] == -32601


def test_a_frame_too_long_followed_by_frames_loses_none_of_them(wire, tmp_path):
    wire.initialize(tmp_path)
    probes = [dict(PROBE, id=i) for i in range(1, 4)]
    wire.send(frame(probes[0], +500) + frame(probes[1], +3) + frame(probes[2]))
    for p in probes:
        assert wire.wait_answer(p["id"])["error"]["code"] == -32601
