"""Issue 10 item 4: special files (FIFOs, devices, /proc files that block) never hang a scan,
and symlinks that leave the scanned folder are followed only when asked."""

from __future__ import annotations

import os

import pytest

from ztlint.engine import source

from .clirun import ztlint

TOKEN = "ghp_" "cLq0tI1jkszp88r7fYkDc96kVncLVP41QdEW"
pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


@pytest.fixture
def tree(tmp_path):
    proj = tmp_path / "proj"
    proj.mkdir()
    (proj / "app.py").write_text("import os\nos.system(input())\n")
    os.mkfifo(proj / "pipe.env")
    os.mkfifo(tmp_path / "outside-pipe")
    os.symlink(tmp_path / "outside-pipe", proj / "link-to-pipe.env")
    (tmp_path / "outside.env").write_text(f"GITHUB_TOKEN={TOKEN}\n")
    os.symlink(tmp_path / "outside.env", proj / "link-out.env")
    os.symlink("/dev/zero", proj / "zero.env")
    return tmp_path


def skipped(run) -> dict:
    return {os.path.basename(s["path"]): s["reason"] for s in run.json()["skipped"]}


def test_special_files_and_links_out_of_the_folder_are_noted_not_read(tree):
    run = ztlint("scan", "--format", "json", "proj", cwd=tree, timeout=60)
    assert run.code == 1, run.err[-500:]
    assert sorted({f["path"] for f in run.json()["findings"]}) == ["proj/app.py"]
    reasons = skipped(run)
    assert reasons["pipe.env"] == "not a regular file (named pipe)"  # was silently dropped
    assert reasons["link-to-pipe.env"] == "not a regular file (symlink to a named pipe)"
    assert reasons["zero.env"] == "not a regular file (symlink to a character device)"
    assert reasons["link-out.env"].startswith("symlink out of the scanned folder")  # was read


def test_follow_symlinks_reads_regular_targets_only(tree):
    run = ztlint("scan", "--format", "json", "--follow-symlinks", "proj", cwd=tree, timeout=60)
    assert run.code == 1, run.err[-500:]
    assert sorted({f["path"] for f in run.json()["findings"]}) == ["outside.env", "proj/app.py"]  # (its real path)
    reasons = skipped(run)
    assert reasons["link-to-pipe.env"] == "not a regular file (symlink to a named pipe)"
    assert reasons["zero.env"] == "not a regular file (symlink to a character device)"
    (tree / "ztlint.toml").write_text("follow-symlinks = true\n")  # the same from the config
    run = ztlint("scan", "--format", "json", "proj", cwd=tree, timeout=60)
    assert "outside.env" in {f["path"] for f in run.json()["findings"]}


def test_special_files_named_on_the_command_line(tree):
    run = ztlint("scan", "--format", "json", "proj/pipe.env", "proj/zero.env", "proj/app.py",
                 cwd=tree, timeout=60)
    assert run.code == 1, run.err[-500:]
    assert skipped(run) == {"pipe.env": "not a regular file (named pipe)",  # was "cannot list"
                            "zero.env": "not a regular file (character device)"}


def test_a_file_swapped_for_a_fifo_after_the_check_is_not_read(tmp_path, monkeypatch):
    # A regular file at stat time and a FIFO when opened (a race, or a /proc file that claims
    # to be regular): the read must not block on it.
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "regular").write_text("x\n")
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda p, *a, **kw: real_stat(
        tmp_path / "regular" if os.fspath(p).endswith("pipe") else p, *a, **kw))
    got = source.read_source(tmp_path / "pipe", 1000)
    assert (got.data, got.reason) == (None, "not a regular file (named pipe)")
