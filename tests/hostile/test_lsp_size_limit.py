"""Issue 10, item 10 (server half): didChange re-checks the size limit didOpen applies."""

from __future__ import annotations

import time

import pytest

from .lsp_wire import Wire

CODE = "import os\nos.system(input())\n"
LIMIT = 2000


@pytest.fixture
def wire(tmp_path):
    (tmp_path / "ztlint.toml").write_text(f"max-file-size = {LIMIT}\n")
    w = Wire(tmp_path)
    w.initialize(tmp_path)
    yield w
    w.close()


def change(wire: Wire, uri: str, version: int, text: str, line: int | None = None) -> None:
    change = {"text": text}
    if line is not None:
        pos = {"line": line, "character": 0}
        change["range"] = {"start": pos, "end": pos}
    wire.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                           "contentChanges": [change]})


def canaries(diagnostics: list[dict]) -> list[dict]:
    """The findings of the one rule these tests count (os.system of a variable)."""
    return [d for d in diagnostics if d["code"] == "python-os-system-variable"]


def diagnostics_at(wire: Wire, uri: str, version: int) -> list[dict]:
    """The diagnostics published for ``version`` (a hover request flushes the queue)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        wire.hover(uri)
        found = [p for p in wire.published(uri) if p.get("version") == version]
        if found:
            return found[-1]["diagnostics"]
    raise AssertionError(f"nothing published for version {version}")


def test_a_document_that_grows_past_the_limit_is_skipped_and_analysed_again_when_it_shrinks(wire, tmp_path):
    uri = (tmp_path / "a.py").as_uri()
    wire.open(uri, CODE)
    assert diagnostics_at(wire, uri, 1)  # analysed: os.system(input())
    padding = "# " + "x" * 97 + "\n"
    change(wire, uri, 2, padding * (LIMIT // 100 + 1), line=0)  # an edit, not a reopen
    assert diagnostics_at(wire, uri, 2) == []  # stale findings cleared ...
    assert wire.hover(uri, LIMIT // 100 + 2, 3)["result"] is None  # ... not analysed ...
    notes = [m for m in wire.messages() if "a.py" in m and "max-file-size" in m]
    assert len(notes) == 1, wire.messages()  # ... and said so, once
    change(wire, uri, 3, "# more\n", line=0)  # still too large: no new message, no analysis
    change(wire, uri, 4, CODE + "os.system(input())\n")  # back under the limit
    assert len(canaries(diagnostics_at(wire, uri, 4))) == 2
    assert len([m for m in wire.messages() if "max-file-size" in m]) == 1


def test_a_document_opened_too_large_is_analysed_once_edited_below_the_limit(wire, tmp_path):
    uri = (tmp_path / "big.py").as_uri()
    wire.open(uri, CODE + "#" * LIMIT + "\n")
    wire.hover(uri)
    assert any("big.py" in m and "max-file-size" in m for m in wire.messages())
    assert wire.published(uri) == []
    # delete the long comment line (line 2) with a ranged edit
    wire.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 2, "character": 0}, "end": {"line": 3, "character": 0}}, "text": ""}]})
    assert len(canaries(diagnostics_at(wire, uri, 2))) == 1
