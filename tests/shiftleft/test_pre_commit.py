"""`.pre-commit-hooks.yaml` with the real pre-commit framework: `pre-commit try-repo`, and the
hooks installed from a `repo:` with a `rev:` into temporary repositories (real `git commit`
and `git push`). Installing a hook environment builds ztlint with pip (tens of seconds): the
tests share one environment, built once per session, except try-repo, which always builds its
own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..helpers import REPO
from .gitrepo import ENV, commit, git, init, token, write, ztlint

RULE = "secret-github-pat-classic"
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory) -> tuple[Path, str]:
    """This project's files (as in the working tree) committed to a repository of their own:
    what a user's `repo:` points to, at a fixed `rev:`."""
    snap = init(tmp_path_factory.mktemp("hook-repo") / "ztlint")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, capture_output=True, check=True).stdout
    for name in filter(None, listed.split(b"\0")):
        src = REPO / os.fsdecode(name)
        if src.is_file() and not src.is_symlink():
            dst = snap / os.fsdecode(name)
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
    return snap, commit(snap, "snapshot")


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def _pre_commit(repo: Path, home: Path, *args: str, input: str | None = None):
    return subprocess.run([*PRE_COMMIT, *args], cwd=repo, capture_output=True, text=True,
                          input=input, env={**ENV, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"})


def _project(tmp_path: Path, hook_repo, hooks: list[str], stages=None) -> Path:
    repo = init(tmp_path / "project")
    snap, rev = hook_repo
    ids = "\n".join(f"      - id: {h}" for h in hooks)
    write(repo, ".pre-commit-config.yaml",
          f"repos:\n  - repo: {snap.as_uri()}\n    rev: {rev}\n    hooks:\n{ids}\n")
    commit(repo, "init", **{"app.py": "x = 1\n"})
    return repo


def test_try_repo_blocks_a_staged_secret_and_judges_what_is_staged(tmp_path, hook_repo):
    repo = init(tmp_path / "project")
    commit(repo, "init", **{"app.py": "x = 1\n"})
    secret = token("try-repo")
    write(repo, "leak.py", f'token = "{secret}"\n')
    write(repo, "suppressed.py", f'token = "{token("ok")}"  # ztlint: ignore[{RULE}] revoked\n')
    write(repo, "app.py", f'x = 1\ny = "{token("staged")}"\n')
    git(repo, "add", "-A")
    write(repo, "app.py", "x = 1\n")  # working copy differs from the index: the index counts
    write(repo, "later.py", f'z = "{token("untracked")}"\n')  # not staged: not judged
    snap, rev = hook_repo
    proc = subprocess.run([*PRE_COMMIT, "try-repo", str(snap), "--ref", rev], cwd=repo,
                          capture_output=True, text=True,
                          env={**ENV, "PRE_COMMIT_HOME": str(tmp_path / "home"), "NO_COLOR": "1"})
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    for hook in ("ztlint (security linter, staged files)", "ztlint secrets (staged files)"):
        assert f"{hook}" in out
    assert out.count("Failed") == 2
    assert f"leak.py:1:10: error {RULE}" in out and f"app.py:2:6: error {RULE}" in out
    assert "suppressed.py" not in out and "later.py" not in out
    assert "ghp_…" in out
    for value in (secret, token("staged"), token("ok"), token("untracked")):
        assert value not in out
    assert "y = " not in (repo / "app.py").read_text()  # pre-commit put the working copy back


def test_installed_hook_blocks_the_commit_unless_baselined(tmp_path, hook_repo, pre_commit_home):
    repo = _project(tmp_path, hook_repo, ["ztlint-secrets"])
    assert _pre_commit(repo, pre_commit_home, "install").returncode == 0
    write(repo, "leak.py", f'token = "{token("commit")}"\n')
    git(repo, "add", "leak.py")
    blocked = git(repo, "commit", "-m", "leak", check=False)
    out = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, out
    assert f"leak.py:1:10: error {RULE}" in out and token("commit") not in out
    assert git(repo, "rev-list", "--count", "HEAD").stdout.strip() == "1"
    # accepted in the baseline named by the config: the commit goes through
    assert ztlint(repo, "baseline", "create").returncode == 0
    write(repo, "ztlint.toml", 'baseline = ".ztlint-baseline.json"\n')
    git(repo, "add", "-A")
    done = git(repo, "commit", "-m", "accepted", check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_pre_push_stage_rejects_a_secret_a_later_commit_removed(tmp_path, hook_repo, pre_commit_home):
    server = init(tmp_path / "server.git", bare=True)
    repo = _project(tmp_path, hook_repo, ["ztlint-push"])
    git(repo, "remote", "add", "origin", server.as_uri())
    git(repo, "push", "-q", "origin", "main")
    assert _pre_commit(repo, pre_commit_home, "install", "--hook-type", "pre-push").returncode == 0
    commit(repo, "leak", **{"app.py": f'x = "{token("push")}"\n'})
    commit(repo, "remove", **{"app.py": "x = 1\n"})
    push = git(repo, "push", "origin", "main", check=False)
    out = push.stdout + push.stderr
    assert push.returncode != 0, out
    assert f"app.py:1:6: error {RULE}" in out and "push rejected" in out
    assert token("push") not in out
    git(repo, "reset", "-q", "--hard", "HEAD~2")
    commit(repo, "clean", **{"b.py": "y = 1\n"})
    ok = git(repo, "push", "origin", "main", check=False)
    assert ok.returncode == 0, ok.stdout + ok.stderr
