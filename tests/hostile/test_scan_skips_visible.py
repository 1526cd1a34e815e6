"""Issue 10 item 10: skipped means silent. Text in UTF-16/32 or with a stray NUL is analysed;
what is skipped is counted with its reason in every format; a run that could analyse nothing
is not "clean"."""

from __future__ import annotations

import pytest

from ztlint.engine import source

from .clirun import ztlint

TOKEN = "ghp_" "cLq0tI1jkszp88r7fYkDc96kVncLVP41QdEW"
ENV = f"# settings\nGITHUB_TOKEN={TOKEN}\n"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_text_with_a_byte_order_mark_is_decoded(tmp_path, codec):
    data = ENV.encode(codec)
    if not codec.endswith("-be"):
        assert data[:2] in (b"\xff\xfe", b"\xfe\xff")  # Python writes the mark itself
    else:
        data = ("\ufeff" + ENV).encode(codec)
    (tmp_path / "a.env").write_bytes(data)
    run = ztlint("scan", "--format", "json", "a.env", cwd=tmp_path)
    assert run.code == 1, run.out  # was "skipped: binary content", exit 0
    report = run.json()
    [f] = report["findings"]
    # positions in the decoded text: line 2, column 14 (after "GITHUB_TOKEN=")
    assert (f["rule"], f["start"]) == ("secret-github-pat-classic", {"line": 2, "column": 14})
    assert report["notes"][0]["note"].startswith("decoded from UTF-")


@pytest.mark.parametrize("name", ["a.env", ".env", "settings.py", "notes.unknown"])
def test_a_stray_nul_does_not_make_text_binary(tmp_path, name):
    (tmp_path / name).write_bytes(b"x\0\n" + ENV.encode() + b"filler line\n" * 20)
    run = ztlint("scan", "--format", "json", name, cwd=tmp_path)
    assert run.code == 1, run.out  # was "skipped: binary content", exit 0
    assert [f["rule"] for f in run.json()["findings"]] == ["secret-github-pat-classic"]


def test_real_binary_content_is_still_skipped():
    assert source.admit(bytes(range(256)) * 8, 10_000, "blob.bin").reason == "binary content"
    assert source.admit(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + b"\0\x01" * 50, 10_000, "x.dat").data is None


def sparse(path, size: int = 70 * 1024 * 1024) -> None:
    with open(path, "wb") as fh:  # no bytes written: instant, and takes no space
        fh.truncate(size)


def test_a_file_larger_than_max_file_size_gets_its_text_rules(tmp_path):
    (tmp_path / "ztlint.toml").write_text("max-file-size = 1000\n")
    lines = [f"KEY_{i}=value{i}\n" for i in range(5000)]
    lines[3210] = f"GITHUB_TOKEN={TOKEN}\n"
    (tmp_path / "big.env").write_text("".join(lines))
    run = ztlint("scan", "--format", "json", "big.env", cwd=tmp_path)
    assert run.code == 1, run.err  # was "skipped: larger than max-file-size", exit 0
    report = run.json()
    assert [(f["rule"], f["start"]) for f in report["findings"]] == [
        ("secret-github-pat-classic", {"line": 3211, "column": 14})]
    assert [n["note"] for n in report["notes"]] == [
        f"larger than max-file-size ({len(''.join(lines)):,} > 1,000 bytes): text rules only"]


def test_skips_are_loud_in_every_format(tmp_path):
    sparse(tmp_path / "huge.env")
    (tmp_path / "app.py").write_text("import os\nos.system(input())\n")
    (tmp_path / "package-lock.json").write_text("{}\n")
    text = ztlint("scan", ".", cwd=tmp_path)
    assert text.code == 1
    # without -v: the failed file by name, every skip counted by reason
    assert ("note: skipped huge.env: too large to analyse (73,400,320 > 67,108,864 bytes, "
            "even for text rules)") in text.out
    assert "2 skipped (1 lock file, 1 too large to analyse; -v lists them)" in text.out
    assert "package-lock.json" not in text.out
    report = ztlint("scan", "--format", "json", ".", cwd=tmp_path).json()
    assert {(s["path"], s["kind"]) for s in report["skipped"]} == {
        ("huge.env", "limit"), ("package-lock.json", "policy")}
    assert report["summary"]["skipped_by_reason"] == {"lock file": 1, "too large to analyse": 1}
    assert report["summary"]["failed"] == 1
    inv = ztlint("scan", "--format", "sarif", ".", cwd=tmp_path).json()["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False  # was true
    notes = {n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: n
             for n in inv["toolExecutionNotifications"]}
    assert notes["huge.env"]["level"] == "warning"  # was "note"
    assert notes["huge.env"]["message"]["text"].startswith("skipped: too large to analyse")
    assert notes["package-lock.json"]["level"] == "note"


def test_a_run_that_could_analyse_nothing_is_not_clean(tmp_path):
    sparse(tmp_path / "huge.env")
    (tmp_path / "dangling.py").symlink_to(tmp_path / "gone.py")
    run = ztlint("scan", ".", cwd=tmp_path)
    assert run.code == 2  # was 0: "0 file(s) scanned"
    assert run.err.strip() == ("ztlint: no file could be analysed "
                               "(1 broken symlink or symlink loop, 1 too large to analyse)")
    assert "0 finding(s) in 0 file(s) scanned, 2 skipped" in run.out


def test_a_run_with_only_files_skipped_by_policy_is_clean(tmp_path):
    (tmp_path / "package-lock.json").write_text("{}\n")
    run = ztlint("scan", ".", cwd=tmp_path)
    assert run.code == 0 and "1 lock file" in run.out


def test_the_size_limit_applies_to_the_decoded_text(tmp_path):
    (tmp_path / "a.env").write_bytes(ENV.encode("utf-32"))  # 4 bytes a character
    got = source.read_source(tmp_path / "a.env", len(ENV) + 1)
    assert got.data == ENV.encode() and got.note.startswith("decoded from UTF-32LE")
    assert source.read_source(tmp_path / "a.env", len(ENV) - 1).kind == "limit"
