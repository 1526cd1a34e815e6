"""Issue 10 item 10 (editor side): the language server admits and reads files as the CLI does
(engine/source.py): a NUL in a known text type is text, a workspace scan decodes UTF-16 files
and never reads a named pipe."""

from __future__ import annotations

import os

import pytest

from ztlint.lsp.state import ServerState

from .lsp_wire import Wire

CODE = b"import os\nos.system(input())\n"
AWS_KEY = "AKIA" + "Q3EGRTZ7" + "MNBV4XCP"  # built at run time (dogfood)


def test_a_nul_typed_into_a_python_file_does_not_skip_it(tmp_path):
    st = ServerState(folders=[tmp_path])
    doc = st.open_document((tmp_path / "a.py").as_uri(), tmp_path / "a.py", "python", 1,
                           b"x = '\0'\n" + CODE)
    assert doc.skipped is None and doc.incr.findings
    # an unknown type full of NULs still is binary, as in the CLI
    blob = st.open_document((tmp_path / "b.bin").as_uri(), tmp_path / "b.bin", None, 1,
                            b"\0\1\2\3" * 100)
    assert blob.skipped == "binary content"


def _scan(wire: Wire) -> dict:
    return wire.request("workspace/executeCommand",
                        {"command": "ztlint.scanWorkspace", "arguments": []})["result"]


def test_workspace_scan_positions_a_utf16_file_in_its_decoded_text(wire, tmp_path):
    text = f"# café 中\nkey = 'é中😀'; aws_access_key_id={AWS_KEY}\n"
    path = tmp_path / "keys.env"
    path.write_bytes(text.encode("utf-16"))  # with a BOM
    assert _scan(wire)["findings"] >= 1
    [params] = wire.published(path.resolve().as_uri())
    [d] = [d for d in params["diagnostics"] if d["code"] == "secret-aws-access-key-id"]
    line = text.splitlines()[1]
    units = len(line[:line.index(AWS_KEY)].encode("utf-16-le")) // 2
    assert d["range"]["start"] == {"line": 1, "character": units}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_workspace_scan_clears_a_file_that_became_a_named_pipe_without_reading_it(wire, tmp_path):
    path = tmp_path / "keys.env"
    path.write_text(f"aws_access_key_id={AWS_KEY}\n")
    assert _scan(wire)["findings"] == 1  # published for keys.env
    path.unlink()
    os.mkfifo(path)  # a file that had findings is now a pipe nobody writes to
    assert _scan(wire)["findings"] == 0  # answered: not blocked on the pipe
    assert wire.published(path.resolve().as_uri())[-1]["diagnostics"] == []  # not stale
