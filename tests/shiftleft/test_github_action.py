"""The GitHub Action: action.yml's shape, and its scan step (scripts/github-action.sh) run
against temporary repositories with the runner's GITHUB_* variables set."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

from ..helpers import REPO
from .gitrepo import ENV, commit, git, init, token

SCRIPT = REPO / "scripts" / "github-action.sh"


def _outputs(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)


def _run_action(workspace: Path, tmp: Path, **inputs: str):
    runner = tmp / "runner"
    runner.mkdir(exist_ok=True)
    env = {**ENV, "GITHUB_WORKSPACE": str(workspace), "RUNNER_TEMP": str(runner),
           "GITHUB_OUTPUT": str(runner / "output"), "GITHUB_STEP_SUMMARY": str(runner / "summary.md"),
           "GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": "acme/app", "GITHUB_SHA": "0" * 40,
           "ZTLINT_BIN": str(Path(sys.executable).parent / "ztlint"),
           **{f"INPUT_{k.upper()}": v for k, v in inputs.items()}}
    proc = subprocess.run(["bash", str(SCRIPT)], cwd=tmp, env=env, capture_output=True, text=True)
    return proc, _outputs(runner / "output"), (runner / "summary.md").read_text()


def test_action_yml_is_a_composite_that_uploads_sarif_with_a_category():
    action = yaml.safe_load((REPO / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    assert {"paths", "fail-on", "diff-base", "category"} <= set(action["inputs"])
    steps = action["runs"]["steps"]
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@"))
    assert upload["with"]["category"] == "${{ inputs.category }}"
    assert "always()" in upload["if"]  # uploaded even when the scan found something
    scan = next(s for s in steps if s.get("id") == "scan")
    assert "scripts/github-action.sh" in scan["run"]
    assert (REPO / "scripts" / "action_summary.py").is_file()


def test_action_scan_writes_sarif_outputs_and_a_redacted_summary(tmp_path):
    repo = init(tmp_path / "ws")
    secret = token("action")
    commit(repo, "init", **{"app.py": f'token = "{secret}"\n', "ok.py": "x = 1\n"})
    proc, out, summary = _run_action(repo, tmp_path, paths=".", fail_on="error")
    assert proc.returncode == 0, proc.stderr  # the action's last step fails, after the upload
    assert out["exit-code"] == "1"
    sarif = json.loads(Path(out["sarif-file"]).read_text())
    [result] = sarif["runs"][0]["results"]
    assert result["ruleId"] == "secret-github-pat-classic"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "app.py"
    assert "## ztlint: failed" in summary and "`app.py:1`" in summary and "ghp_…" in summary
    for text in (summary, proc.stdout, proc.stderr, Path(out["sarif-file"]).read_text()):
        assert secret not in text


def test_action_diff_base_in_a_pull_request_clone(tmp_path):
    origin = init(tmp_path / "origin")
    commit(origin, "init", **{"old.py": f'token = "{token("old")}"\n'})
    git(origin, "checkout", "-q", "-b", "feature")
    commit(origin, "feature", **{"new.py": "x = 1\n"})
    ws = tmp_path / "ws"
    git(tmp_path, "clone", "-q", "--branch", "feature", origin.as_uri(), str(ws))
    # the base branch is there only as origin/main, as in actions/checkout of a pull request
    proc, out, summary = _run_action(ws, tmp_path, diff_base="main")
    assert out["exit-code"] == "0", proc.stderr
    assert "## ztlint: passed" in summary and "0 finding(s)" in summary
    proc, out, _ = _run_action(ws, tmp_path, diff_base="nosuchbranch")
    assert out["exit-code"] == "2" and "no such commit in this clone" in proc.stderr
