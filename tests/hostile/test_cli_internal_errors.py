"""Issue 10 item 2: no traceback with exit 1 (which CI reads as "findings"). Every failure is
one clear line and exit 2, or a per-file note; names that are not UTF-8 are escaped."""

from __future__ import annotations

import os
import sys

import pytest

from .clirun import ztlint

TOKEN = "ghp_" "cLq0tI1jkszp88r7fYkDc96kVncLVP41QdEW"


def one_line_error(run, *words: str) -> None:
    assert run.code == 2, (run.code, run.err[-800:])
    assert "Traceback" not in run.err
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ztlint: "), run.err[-800:]
    for w in words:
        assert w in lines[0]


@pytest.mark.parametrize("name, text", [
    ("ztlint.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n"),
    ("pyproject.toml", "[tool.ztlint]\nx = " + "[" * 5000 + "]" * 5000 + "\n"),
])
def test_a_hostile_config_is_a_configuration_error(tmp_path, name, text):
    (tmp_path / name).write_text(text)
    (tmp_path / "a.py").write_text("x = 1\n")
    one_line_error(ztlint("scan", ".", cwd=tmp_path), "configuration error", name)


def test_a_config_that_is_not_utf8_is_a_configuration_error(tmp_path):
    (tmp_path / "ztlint.toml").write_bytes(b'fail-on = "caf\xe9"\n')
    one_line_error(ztlint("scan", ".", cwd=tmp_path), "configuration error", "not UTF-8")


@pytest.mark.parametrize("command", [["scan"], ["baseline", "create"]])
def test_output_into_a_missing_folder(tmp_path, command):
    (tmp_path / "a.py").write_text("x = 1\n")
    one_line_error(ztlint(*command, "a.py", "-o", "missing/out.json", cwd=tmp_path),
                   "cannot write missing/out.json")


def test_folders_nested_a_thousand_deep(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # (restores the working folder afterwards)
    os.mkdir("proj")
    os.chdir("proj")
    for _ in range(1000):  # one level at a time: each step stays short
        os.mkdir("d")
        os.chdir("d")
    with open("x.env", "w") as fh:
        fh.write(f"GITHUB_TOKEN={TOKEN}\n")
    os.chdir(tmp_path)
    try:
        run = ztlint("scan", "--format", "json", "proj", cwd=tmp_path)
    finally:
        _remove_nested(tmp_path / "proj")  # pytest's own clean-up recurses too deep for it
    assert run.code == 1, run.err[-800:]  # was a RecursionError traceback, exit 1
    findings = run.json()["findings"]
    assert [f["rule"] for f in findings] == ["secret-github-pat-classic"]
    assert findings[0]["path"].count("/d") == 1000


def _remove_nested(top) -> None:
    os.chdir(top)
    depth = 0
    while os.path.isdir("d"):
        os.chdir("d")
        depth += 1
    os.remove("x.env")
    for _ in range(depth):
        os.chdir("..")
        os.rmdir("d")


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes")
@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_file_names_that_are_not_utf8(tmp_path, fmt):
    proj = os.fsencode(tmp_path / "proj")
    os.mkdir(proj)
    with open(proj + b"/caf\xe9.py", "w") as fh:
        fh.write(f"import os\nos.system(input())\nT = '{TOKEN}'\n")
    run = ztlint("scan", "--format", fmt, "proj", cwd=tmp_path)
    assert run.code == 1, run.err[-800:]  # was UnicodeEncodeError (fingerprint, then writer)
    if fmt == "text":
        assert "proj/caf\\xe9.py:2:1:" in run.out and "proj/caf\\xe9.py:3:" in run.out
    elif fmt == "json":
        assert {f["path"] for f in run.json()["findings"]} == {"proj/caf\\xe9.py"}
    else:
        results = run.json()["runs"][0]["results"]
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
        assert uris == {"proj/caf%E9.py"}
        assert all(len(r["partialFingerprints"]["ztlint/v1"]) == 32 for r in results)


def test_sarif_with_notes_and_odd_names_validates(tmp_path):
    sarif_kit = pytest.importorskip("sarif_kit.validate", reason="sarif-kit needs Python >= 3.11")
    proj = os.fsencode(tmp_path / "proj")
    os.mkdir(proj)
    with open(proj + b"/caf\xe9 x.py", "w") as fh:
        fh.write(f"T = '{TOKEN}'\n")
    with open(proj + b"/deep.yaml", "w") as fh:
        fh.write("- " * 300 + "x\n")
    os.mkfifo(proj + b"/pipe.env")
    with open(proj + b"/huge.env", "wb") as fh:
        fh.truncate(70 * 1024 * 1024)  # sparse: too large even for text rules
    run = ztlint("scan", "--format", "sarif", "proj", cwd=tmp_path)
    assert run.code == 1, run.err[-800:]
    log = run.json()
    assert sarif_kit.validation_errors(log) == []
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False  # huge.env


def test_an_unexpected_error_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    from ztlint import cli
    from ztlint.scan import runner

    def broken(*args, **kw):
        raise RuntimeError("boom")
    monkeypatch.setattr(runner, "scan", broken)
    (tmp_path / "a.py").write_text("x = 1\n")
    assert cli.main(["scan", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == "ztlint: internal error: RuntimeError: boom\n"
    assert cli.main(["scan", "-v", str(tmp_path)]) == 2
    assert "Traceback" in capsys.readouterr().err  # -v shows where
