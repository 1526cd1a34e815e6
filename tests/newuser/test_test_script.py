"""Issue 13 item 9: `scripts/test.sh` redoes `npm ci` and the VSIX only when their inputs
changed (was: both on every run, 46-60 s); a clean checkout still does everything.

The script runs for real in a small git repository with stand-ins for the slow tools (npm,
node, the venv): what matters here is which of them it calls."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess

from ..helpers import REPO, write

NPM = """#!/usr/bin/env bash
echo "npm $*" >> "$LOG"
case "$*" in
  ci*) rm -rf node_modules && mkdir node_modules ;;
  "run package") mkdir -p client/dist && echo vsix > client/dist/ztlint-0.1.0.vsix ;;
  "run test:e2e") echo "e2e $ZTLINT_E2E_VSIX" >> "$LOG" ;;
esac
"""
NODE = """#!/usr/bin/env bash
case "$1" in --version) echo v20.0.0 ;; -p) echo ztlint-0.1.0 ;; esac
"""
OK = "#!/usr/bin/env bash\nexit 0\n"


def _exe(path, text):
    write(path, text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def _checkout(tmp_path):
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy(REPO / "scripts" / "test.sh", repo / "scripts" / "test.sh")
    write(repo / "scripts" / "setup-venv.sh", "true\n")
    _exe(repo / ".venv" / "bin" / "ztlint", OK)
    _exe(repo / ".venv" / "bin" / "python", OK)
    write(repo / ".gitignore", ".venv/\nnode_modules/\nclient/dist/\n")
    write(repo / "package.json", '{"name": "ztlint", "version": "0.1.0"}\n')
    write(repo / "package-lock.json", "{}\n")
    write(repo / "pyproject.toml", "[project]\n")
    write(repo / "server" / "ztlint" / "a.py", "x = 1\n")
    write(repo / "client" / "src" / "extension.ts", "export {}\n")
    write(repo / "client" / "test" / "e2e" / "run.mjs", "//\n")
    bin_ = tmp_path / "bin"
    _exe(bin_ / "npm", NPM)
    _exe(bin_ / "node", NODE)
    git = ["git", "-C", str(repo), "-c", "user.email=t@t", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "init"], check=True)
    return repo, bin_


def _run(repo, bin_, **env):
    log = repo.parent / "calls.log"
    log.write_text("")
    full = {k: v for k, v in os.environ.items() if k != "ZTLINT_TEST_FRESH"}
    full.update(PATH=f"{bin_}:{os.environ['PATH']}", LOG=str(log), **env)
    p = subprocess.run(["bash", "scripts/test.sh"], cwd=repo, env=full, capture_output=True,
                       text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    # "npm ci" -> ci, "npm run package" -> run, "e2e <vsix>" -> e2e
    calls = [line.split()[1] if line.startswith("npm ") else "e2e"
             for line in log.read_text().splitlines() if line != "npm run test:e2e"]
    return calls, p.stderr


def test_npm_ci_and_packaging_run_only_when_their_inputs_change(tmp_path):
    repo, bin_ = _checkout(tmp_path)
    first, err = _run(repo, bin_)
    assert first == ["ci", "test", "run", "e2e"]  # a clean checkout: everything
    assert "chromium ripgrep libkrb5-dev" in err  # says what it installs before doing it
    again, err = _run(repo, bin_)
    assert again == ["test", "e2e"]  # was: npm ci and the VSIX again on every run
    assert "npm ci: skipped" in err and "package: skipped" in err
    write(repo / "client" / "test" / "e2e" / "run.mjs", "// changed\n")  # not in the VSIX
    assert _run(repo, bin_)[0] == ["test", "e2e"]
    write(repo / "server" / "ztlint" / "a.py", "x = 2\n")  # the wheel inside the VSIX changes
    assert _run(repo, bin_)[0] == ["test", "run", "e2e"]
    write(repo / "package-lock.json", '{"lockfileVersion": 3}\n')
    assert _run(repo, bin_)[0] == ["ci", "test", "run", "e2e"]
    (repo / "client" / "dist" / "ztlint-0.1.0.vsix").unlink()  # a missing VSIX is rebuilt
    assert _run(repo, bin_)[0] == ["test", "run", "e2e"]
    assert _run(repo, bin_, ZTLINT_TEST_FRESH="1")[0] == ["ci", "test", "run", "e2e"]


def test_the_e2e_test_gets_the_packaged_vsix(tmp_path):
    repo, bin_ = _checkout(tmp_path)
    _run(repo, bin_)
    log = (repo.parent / "calls.log").read_text()
    assert f"e2e {repo}/client/dist/ztlint-0.1.0.vsix" in log
