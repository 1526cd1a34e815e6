"""`ztlint scan --git [RANGE]` and the push hooks (`ztlint hook pre-push|pre-receive`) with
real `git push` to temporary repositories."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

from .gitrepo import commit, findings, git, init, token, write, ztlint

RULE = "secret-github-pat-classic"


def _leaky_history(repo: Path) -> tuple[str, str]:
    commit(repo, "init", **{"app.py": "x = 1\n"})
    leak = commit(repo, "add a token", **{"app.py": f'x = 1\ntoken = "{token("leak")}"\n'})
    fixed = commit(repo, "remove it", **{"app.py": "x = 1\n"})
    return leak, fixed


def test_git_finds_a_secret_a_later_commit_removed(tmp_path):
    repo = init(tmp_path / "r")
    leak, fixed = _leaky_history(repo)
    assert ztlint(repo, "scan", "--no-progress").returncode == 0  # gone from the working tree
    text = ztlint(repo, "scan", "--git", "--no-progress")
    assert text.returncode == 1
    assert f"app.py:2:10: error {RULE}" in text.stdout and f"commit {leak[:12]}" in text.stdout
    out = ztlint(repo, "scan", "--git", "--format", "json")
    [f] = findings(out)
    assert f["commit"]["id"] == leak and f["commit"]["author_date"][:4].isdigit()
    assert (f["path"], f["start"]["line"]) == ("app.py", 2)
    sarif = ztlint(repo, "scan", "--git", "--format", "sarif")
    props = json.loads(sarif.stdout)["runs"][0]["results"][0]["properties"]
    assert props["commit"] == leak and props["authorDate"] == f["commit"]["author_date"]
    for proc in (text, out, sarif):
        assert token("leak") not in proc.stdout + proc.stderr
    # a range: only the commits in it
    assert findings(ztlint(repo, "scan", "--git", f"{leak}..{fixed}", "--format", "json")) == []
    assert len(findings(ztlint(repo, "scan", "--git", f"{leak}~1..{fixed}", "--format", "json"))) == 1


def test_git_reports_only_added_lines_and_honours_suppressions_and_baseline(tmp_path):
    repo = init(tmp_path / "r")
    # the directive was committed first; the token lands below it later: still suppressed
    commit(repo, "directive", **{"a.py": f"# ztlint: ignore[{RULE}] revoked test token\n"})
    commit(repo, "token", **{"a.py": f"# ztlint: ignore[{RULE}] revoked test token\n"
                                     f'token = "{token("suppressed")}"\n'})
    commit(repo, "file-level", **{"b.py": f"# ztlint: ignore-file[{RULE}] samples\n" + "\n" * 5
                                          + f'token = "{token("filewide")}"\n'})
    # a commit that keeps an old token and edits another line does not report it again
    commit(repo, "base", **{"c.py": f'token = "{token("accepted")}"\n'})
    commit(repo, "edit", **{"c.py": f'token = "{token("accepted")}"\ny = 2\n'})
    out = findings(ztlint(repo, "scan", "--git", "--format", "json"))
    assert [(f["path"], f["baseline"]) for f in out] == [("c.py", False)]
    assert ztlint(repo, "baseline", "create").returncode == 0
    proc = ztlint(repo, "scan", "--git", "--baseline", ".ztlint-baseline.json", "--format", "json")
    assert proc.returncode == 0 and [f["baseline"] for f in findings(proc)] == [True]


def test_git_is_secrets_only_unless_all_rules(tmp_path):
    repo = init(tmp_path / "r")
    commit(repo, "code", **{"run.py": "import sys\neval(sys.argv[1])\n"})
    assert findings(ztlint(repo, "scan", "--git", "--format", "json")) == []
    rules = {f["rule"] for f in findings(ztlint(repo, "scan", "--git", "--all-rules", "--format", "json"))}
    assert "python-flow-code" in rules


def test_git_with_a_bad_range_is_a_clear_error(tmp_path):
    repo = init(tmp_path / "r")
    commit(repo, "init", **{"a.py": "x = 1\n"})
    proc = ztlint(repo, "scan", "--git", "nosuchbranch..HEAD")
    assert proc.returncode == 2 and proc.stderr.startswith("ztlint: git:")


def _hook(path: Path, command: str) -> None:
    path.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m ztlint.cli hook {command}\n')
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


def test_pre_receive_rejects_a_push_whose_commits_added_a_secret(tmp_path):
    server = init(tmp_path / "server.git", bare=True)
    _hook(server / "hooks" / "pre-receive", "pre-receive")
    repo = init(tmp_path / "r")
    git(repo, "remote", "add", "origin", server.as_uri())
    commit(repo, "init", **{"app.py": "x = 1\n"})
    assert git(repo, "push", "-q", "origin", "main", check=False).returncode == 0
    _, fixed = _leaky_history(repo)  # the secret was removed again: still in the history
    push = git(repo, "push", "origin", "main", check=False)
    assert push.returncode != 0, push.stderr
    assert "pre-receive hook declined" in push.stderr
    assert f"remote: app.py:2:10: error {RULE}" in push.stderr and "ghp_…" in push.stderr
    assert "push rejected: 1 finding(s) in 3 pushed commit(s)" in push.stderr
    assert token("leak") not in push.stderr + push.stdout
    assert git(server, "rev-parse", "main").stdout.strip() != fixed

    # the pushed tree's baseline accepts it (reviewed like any change)
    write(repo, "app.py", f'x = 1\ntoken = "{token("leak")}"\n')
    assert ztlint(repo, "baseline", "create").returncode == 0
    write(repo, "app.py", "x = 1\n")
    commit(repo, "accept the old token")
    ok = git(repo, "push", "origin", "main", check=False)
    assert ok.returncode == 0, ok.stderr
    # a later clean push scans only its own commits
    commit(repo, "more", **{"b.py": "y = 2\n"})
    assert git(repo, "push", "origin", "main", check=False).returncode == 0


def test_pre_push_hook_rejects_before_anything_is_sent(tmp_path):
    server = init(tmp_path / "server.git", bare=True)
    repo = init(tmp_path / "r")
    git(repo, "remote", "add", "origin", server.as_uri())
    commit(repo, "init", **{"app.py": "x = 1\n"})
    git(repo, "push", "-q", "origin", "main")
    _hook(repo / ".git" / "hooks" / "pre-push", 'pre-push "$@"')
    _leaky_history(repo)
    push = git(repo, "push", "origin", "main", check=False)
    assert push.returncode != 0
    assert f"app.py:2:10: error {RULE}" in push.stderr and token("leak") not in push.stderr
    assert git(server, "rev-parse", "main").stdout.strip() == git(repo, "rev-parse", "HEAD~3").stdout.strip()
    # a new branch: only the commits no remote branch has yet
    git(repo, "reset", "-q", "--hard", "HEAD~3")
    git(repo, "checkout", "-q", "-b", "topic")
    commit(repo, "clean", **{"b.py": "y = 1\n"})
    assert git(repo, "push", "-q", "origin", "topic", check=False).returncode == 0
