"""`ztlint scan --staged` (the index) and `--diff BASE` (changed lines), on temporary repositories."""

from __future__ import annotations

import json

from .gitrepo import commit, findings, git, init, token, write, ztlint

RULE = "secret-github-pat-classic"


def test_staged_judges_the_index_not_the_working_tree(tmp_path):
    repo = init(tmp_path / "r")
    commit(repo, "init", **{"app.py": "x = 1\n"})
    secret = token("staged")
    write(repo, "app.py", f'x = 1\ntoken = "{secret}"\n')
    git(repo, "add", "app.py")
    write(repo, "app.py", "x = 2\n")  # the working copy no longer has it: what is staged counts
    staged = ztlint(repo, "scan", "--staged", "--no-progress")
    assert staged.returncode == 1, staged.stdout + staged.stderr
    assert f"app.py:2:10: error {RULE}" in staged.stdout
    assert secret not in staged.stdout + staged.stderr and "ghp_…" in staged.stdout
    assert ztlint(repo, "scan", "--no-progress").returncode == 0  # the working tree is clean

    # the other way round: a secret only in the working tree is not what is committed
    git(repo, "add", "app.py")
    write(repo, "app.py", f'token = "{secret}"\n')
    assert ztlint(repo, "scan", "--staged", "--no-progress").returncode == 0


def test_staged_without_paths_is_the_staged_changes_with_paths_every_indexed_file(tmp_path):
    repo = init(tmp_path / "r")
    commit(repo, "old secret", **{"old.py": f'token = "{token("old")}"\n', "app.py": "x = 1\n"})
    write(repo, "app.py", "x = 2\n")
    git(repo, "add", "app.py")
    assert ztlint(repo, "scan", "--staged", "--no-progress").returncode == 0
    # as pre-commit passes names (`pre-commit run --all-files` names every file)
    write(repo, "untracked.py", f'token = "{token("untracked")}"\n')
    named = ztlint(repo, "scan", "--staged", "--format", "json", "old.py", "app.py", "untracked.py")
    assert [f["path"] for f in findings(named)] == ["old.py"]
    assert json.loads(named.stdout)["skipped"] == [
        {"path": "untracked.py", "reason": "not in the index (--staged scans what is staged)",
         "kind": "policy"}]


def test_staged_honours_baseline_suppressions_and_config_excludes(tmp_path):
    repo = init(tmp_path / "r")
    commit(repo, "init", **{"ztlint.toml": 'exclude = ["fixtures/"]\n'})
    accepted = token("accepted")
    write(repo, "accepted.py", f'token = "{accepted}"\n')
    assert ztlint(repo, "baseline", "create", "accepted.py").returncode == 0
    write(repo, "suppressed.py", f'# ztlint: ignore[{RULE}] a revoked test token\n'
                                 f'token = "{token("suppressed")}"\n')
    write(repo, "fixtures/sample.py", f'token = "{token("fixture")}"\n')
    git(repo, "add", "-A")
    proc = ztlint(repo, "scan", "--staged", "--format", "json", "--baseline", ".ztlint-baseline.json")
    assert proc.returncode == 0, proc.stdout
    assert [(f["path"], f["baseline"]) for f in findings(proc)] == [("accepted.py", True)]
    # the same files staged without the baseline: only the accepted one fails
    assert [f["path"] for f in findings(ztlint(repo, "scan", "--staged", "--format", "json"))] \
        == ["accepted.py"]


def test_staged_from_a_subfolder_shows_paths_like_a_plain_scan(tmp_path):
    repo = init(tmp_path / "r")
    commit(repo, "init", **{"README": "x\n"})
    write(repo, "src/app.py", f'token = "{token("sub")}"\n')
    write(repo, "other/app.py", f'token = "{token("other")}"\n')
    git(repo, "add", "-A")
    proc = ztlint(repo / "src", "scan", "--staged", "--format", "json")
    assert [f["path"] for f in findings(proc)] == ["app.py"]  # only under the current folder
    assert findings(proc)[0]["fingerprint"] == findings(ztlint(repo / "src", "scan", "--format", "json"))[0]["fingerprint"]


def test_diff_reports_only_lines_changed_since_base_and_honours_the_baseline(tmp_path):
    repo = init(tmp_path / "r")
    commit(repo, "init", **{"app.py": f'old = "{token("old")}"\n'})
    git(repo, "checkout", "-q", "-b", "feature")
    commit(repo, "feature", **{"app.py": f'old = "{token("old")}"\nnew = "{token("new")}"\n',
                               "other.py": "x = 1\n"})
    commit(repo, "main moves on", **{})  # nothing: HEAD is still the feature
    proc = ztlint(repo, "scan", "--diff", "main", "--format", "json")
    assert proc.returncode == 1
    assert [(f["path"], f["start"]["line"]) for f in findings(proc)] == [("app.py", 2)]
    assert token("new") not in proc.stdout
    # uncommitted changes count too (the working tree against BASE)
    write(repo, "other.py", f'x = "{token("wip")}"\n')
    assert [f["path"] for f in findings(ztlint(repo, "scan", "--diff", "main", "--format", "json"))] \
        == ["app.py", "other.py"]
    git(repo, "checkout", "-q", "other.py")
    assert ztlint(repo, "baseline", "create").returncode == 0
    accepted = ztlint(repo, "scan", "--diff", "main", "--baseline", ".ztlint-baseline.json",
                      "--no-progress")
    assert accepted.returncode == 0 and "(baseline)" in accepted.stdout


def test_diff_from_where_the_branch_left_base(tmp_path):
    repo = init(tmp_path / "r")
    commit(repo, "init", **{"a.py": "x = 1\n"})
    git(repo, "checkout", "-q", "-b", "feature")
    commit(repo, "feature", **{"b.py": "y = 1\n"})
    git(repo, "checkout", "-q", "main")
    # main gains a file the feature lacks: not the feature's change
    commit(repo, "main", **{"c.py": f'z = "{token("main")}"\n'})
    git(repo, "checkout", "-q", "feature")
    write(repo, "c.py", f'z = "{token("main")}"\n')  # as after merging main in
    git(repo, "add", "c.py")
    git(repo, "commit", "-q", "-m", "take main's file")
    proc = ztlint(repo, "scan", "--diff", "main", "--format", "json")
    assert [f["path"] for f in findings(proc)] == ["c.py"]  # added on this branch since it left main


def test_diff_in_a_shallow_clone_missing_base_is_a_clear_error(tmp_path):
    origin = init(tmp_path / "origin")
    commit(origin, "one", **{"a.py": "x = 1\n"})
    commit(origin, "two", **{"a.py": "x = 2\n"})
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", (origin.as_uri()), str(clone))
    proc = ztlint(clone, "scan", "--diff", "HEAD~1")
    assert proc.returncode == 2
    assert "--diff HEAD~1: no such commit in this clone" in proc.stderr
    assert "fetch" in proc.stderr and "Traceback" not in proc.stderr


def test_diff_in_a_shallow_clone_without_a_common_ancestor_compares_with_base(tmp_path):
    origin = init(tmp_path / "origin")
    commit(origin, "one", **{"a.py": "x = 1\n"})
    git(origin, "checkout", "-q", "-b", "feature")
    commit(origin, "feature", **{"b.py": f'y = "{token("feature")}"\n'})
    git(origin, "checkout", "-q", "main")
    commit(origin, "main", **{"a.py": "x = 2\n"})
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "feature", origin.as_uri(), str(clone))
    git(clone, "fetch", "-q", "--depth", "1", "origin", "main:main")
    proc = ztlint(clone, "scan", "--diff", "main", "--format", "json")
    assert "no common ancestor of main and HEAD in this clone" in proc.stderr
    assert proc.returncode == 1 and [f["path"] for f in findings(proc)] == ["b.py"]
