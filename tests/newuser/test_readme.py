"""Issue 13 item 8: what the README tells a new user is true (commands exist, the CI example
works as written, defaults match the code), and item 8's test token: `ztlint secrets example`."""

from __future__ import annotations

import re

import yaml

from ztlint import cli
from ztlint.engine.config import Config
from ztlint.engine.examples import PREFIXES, example_token

from ..helpers import REPO, write
from ..hostile.clirun import ztlint

README = (REPO / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_the_quick_start_commands_are_unchanged():
    sh = _blocks("sh")
    assert "bash scripts/demo.sh\n" in sh and "bash scripts/test.sh\n" in sh


def test_the_ci_example_works_as_written():
    # (the sharded matrix example is the other workflow that uploads: tests/cli/test_sarif_merge.py)
    [workflow] = [yaml.safe_load(b) for b in _blocks("yaml") if "upload-sarif" in b and "--shard" not in b]
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["scan"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    runs = [s.get("run", "") for s in steps]
    assert uses[0].startswith("actions/checkout@")
    install = next(i for i, r in enumerate(runs) if r.startswith("pip install"))
    scan = next(i for i, r in enumerate(runs) if r.startswith("ztlint scan"))
    assert install < scan and "pipx run ztlint" not in README  # no such package on PyPI
    upload = steps[uses.index("github/codeql-action/upload-sarif@v3")]
    assert "failure()" in upload["if"]  # findings exit 1: the report is uploaded anyway


def test_every_documented_command_parses():
    lines = re.findall(r"^ztlint (?:secrets|scan|rules|baseline) [^\n#]*", README, flags=re.M)
    assert any(line.startswith("ztlint secrets example") for line in lines)
    fill = {"KIND": "github-pat", "RULE-ID": "python-yaml-unsafe-load"}
    for line in lines:
        usage = re.sub(r"\[[^\]]*\]", "", line).split("  ")[0]  # no options, no description
        argv = [fill.get(a, a) for a in usage.split()[1:]]
        cli._parser().parse_args(argv)  # SystemExit (exit 2) when the README lies


def test_readme_states_the_new_user_facts():
    assert "code --install-extension client/dist/ztlint-" in README
    assert "Codespaces" in README and "600 MB" in README and "apt-get" in README
    assert "`ztlint` found on `PATH`" in README  # repo: local pre-commit hook
    assert "vim.lsp.start_client" in README and 'vim.lsp.config("ztlint"' in README
    assert f"default {Config().fail_on}" in README
    assert "ztlint secrets example github-pat" in README


def test_secrets_example_prints_a_token_ztlint_reports(tmp_path):
    for kind in PREFIXES:
        token = example_token(kind)
        assert token.startswith(PREFIXES[kind]) and example_token(kind) != token  # random
    run = ztlint("secrets", "example", "github-pat")
    assert run.code == 0
    token = run.out.strip()
    write(tmp_path / "settings.py", f"TOKEN = '{token}'\n")
    report = ztlint("scan", "--format", "json", "settings.py", cwd=tmp_path).json()
    assert [f["rule"] for f in report["findings"]] == ["secret-github-pat-classic"]
    # a made-up token with a wrong checksum is not reported: that is why the command exists
    write(tmp_path / "settings.py", f"TOKEN = '{token[:-1]}{'A' if token[-1] != 'A' else 'B'}'\n")
    assert ztlint("scan", "--format", "json", "settings.py", cwd=tmp_path).json()["findings"] == []
