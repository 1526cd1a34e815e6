"""Issue 13 items 1 and 5: a path named on the command line is scanned even when git-ignored,
skips are counted with their reason, nothing-scanned is said on stderr, and a named path that
does not exist or cannot be read fails (exit 2)."""

from __future__ import annotations

import os

from ztlint import cli
from ztlint.engine.config import Config
from ztlint.scan.discover import discover

from ..helpers import write
from ..hostile.clirun import ztlint

RISKY = "import os\nos.system(input())\n"


def _repo(tmp_path):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(repo / ".gitignore", "build/\ndata/\n*.log\n")
    write(repo / "app.py", "x = 1\n")
    write(repo / "build" / "gen.py", RISKY)
    write(repo / "build" / ".gitignore", "skip.py\n")
    write(repo / "build" / "skip.py", RISKY)
    write(repo / "build" / "debug.log", "x\n")
    write(repo / "data" / "corpus" / "c.py", RISKY)
    return repo


def test_a_named_ignored_folder_is_scanned(tmp_path):
    repo = _repo(tmp_path)
    run = ztlint("scan", "--format", "json", "build", cwd=repo)
    report = run.json()
    # was: 0 findings in 0 files, exit 0
    assert run.code == 1, run.err
    assert {f["path"] for f in report["findings"]} == {"build/gen.py"}
    # inside it, ignore files still apply: its own, and patterns above that do not name it
    assert {s["path"]: s["reason"] for s in report["skipped"]} == {
        "build/skip.py": "ignored by .gitignore", "build/debug.log": "ignored by .gitignore"}


def test_a_folder_under_an_ignored_parent_is_scanned(tmp_path):
    repo = _repo(tmp_path)
    assert [p.name for p in discover([repo / "data" / "corpus"], Config(root=repo))] == ["c.py"]
    run = ztlint("scan", "data/corpus", cwd=repo)
    assert run.code == 1 and "data/corpus/c.py:2:" in run.out


def test_the_ignore_above_a_named_folder_still_applies_when_it_does_not_name_it(tmp_path):
    repo = _repo(tmp_path)
    write(repo / "src" / "a.py", RISKY)
    write(repo / "src" / "a.log", "x\n")
    assert [p.name for p in discover([repo / "src"], Config(root=repo))] == ["a.py"]


def test_skips_are_counted_with_their_reason_and_listed_with_v(tmp_path):
    repo = _repo(tmp_path)
    write(repo / "ztlint.toml", 'exclude = ["gen/"]\n')
    write(repo / "gen" / "x.py", RISKY)
    write(repo / "note.log", "x\n")
    run = ztlint("scan", ".", cwd=repo)
    assert run.code == 0, run.out
    # was "0 finding(s) in 3 file(s) scanned": 4 things not looked at, without a word
    assert run.out.splitlines()[-1] == (
        "0 finding(s) in 3 file(s) scanned, 4 skipped (3 ignored by .gitignore, "
        "1 excluded by config; -v lists them)")
    verbose = ztlint("scan", "-v", ".", cwd=repo).out
    for line in ("note: skipped build: ignored by .gitignore (folder)",
                 "note: skipped data: ignored by .gitignore (folder)",
                 "note: skipped note.log: ignored by .gitignore",
                 "note: skipped gen: excluded by config (folder)"):
        assert line in verbose


def test_nothing_scanned_is_said_on_stderr(tmp_path):
    repo = _repo(tmp_path)
    write(repo / "ztlint.toml", 'exclude = ["app.py"]\n')
    run = ztlint("scan", "app.py", cwd=repo)
    assert run.code == 0
    assert run.err == "ztlint: no file was scanned: 1 excluded by config (-v lists them)\n"
    (repo / "empty").mkdir()
    run = ztlint("scan", "empty", cwd=repo)
    assert run.err == "ztlint: no file was scanned: none found\n"


def test_a_missing_named_path_is_an_error(tmp_path):
    write(tmp_path / "a.py", RISKY)
    run = ztlint("scan", "a.py", "does-not-exist", cwd=tmp_path)
    assert run.code == 2, run.out  # was a note and exit 0
    assert run.err == "ztlint: cannot scan does-not-exist: no such file or directory\n"
    assert run.out == ""
    (tmp_path / "dangling.env").symlink_to(tmp_path / "gone.env")
    run = ztlint("scan", "dangling.env", cwd=tmp_path)
    assert (run.code, run.err) == (2, "ztlint: cannot scan dangling.env: broken symlink\n")


def test_an_unreadable_named_file_is_an_error_but_one_found_walking_is_a_note(
        tmp_path, monkeypatch, capsys):
    write(tmp_path / "secret.env", "X=1\n")
    write(tmp_path / "ok.py", "x = 1\n")
    real_open = os.open

    def open_(path, *args, **kw):
        if os.fspath(path).endswith("secret.env"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kw)
    monkeypatch.setattr(os, "open", open_)  # (root may read anything: chmod cannot stop it)
    monkeypatch.chdir(tmp_path)
    code = cli.main(["scan", "-j", "1", "secret.env"])
    out, err = capsys.readouterr()
    assert code == 2, out  # was exit 0 with a note
    assert err == "ztlint: cannot scan secret.env: cannot read: Permission denied\n"
    code = cli.main(["scan", "-j", "1", "."])
    out, err = capsys.readouterr()
    assert code == 0 and "note: skipped secret.env: cannot read: Permission denied" in out
