"""`ztlint scan --osv-db PATH` and config `osv-db`: manifests and lock files are checked;
without a database nothing changes (lock files stay skipped); a bad path fails the run."""

from __future__ import annotations

import json

from ztlint import cli

from ..helpers import write
from .osvdb import write_exports

RULE = "deps-known-vulnerable-version"
LOCK = '{"lockfileVersion": 3, "packages": {"node_modules/lodash": {"version": "4.17.20"}}}\n'


def project(tmp_path):
    proj = tmp_path / "proj"
    write(proj / "requirements.txt", "django==3.2.1\nflask>=2\n")
    write(proj / "web" / "package-lock.json", LOCK)
    write(proj / "uv.lock", '[[package]]\nname = "pyyaml"\nversion = "5.3"\n')
    write(proj / "ztlint.toml", f'[rules]\nenable = ["{RULE}"]\n')
    return proj


def scan(capsys, *argv):
    code = cli.main(["scan", "--no-progress", "--format", "json", "-j", "1", *argv])
    return code, json.loads(capsys.readouterr().out)


def test_flag_reports_pins_and_locks_with_advisory_and_fixed_version(tmp_path, capsys):
    proj, db = project(tmp_path), write_exports(tmp_path / "osv")
    code, report = scan(capsys, "--osv-db", str(db), str(proj))
    assert code == 1
    found = sorted((f["path"].replace(str(proj), ""), f["start"]["line"], f["rule"]) for f in report["findings"])
    assert found == [("/requirements.txt", 1, RULE), ("/uv.lock", 3, RULE),
                     ("/web/package-lock.json", 1, RULE)]
    django = next(f for f in report["findings"] if f["path"].endswith("requirements.txt"))
    assert "GHSA-2222-3333-4444" in django["message"] and "Upgrade to 3.2.5" in django["message"]


def test_config_key_works_like_the_flag(tmp_path, capsys):
    proj = project(tmp_path)
    write_exports(proj / "osv")
    write(proj / "ztlint.toml", f'osv-db = "osv"\nexclude = ["osv/"]\n[rules]\nenable = ["{RULE}"]\n')
    code, report = scan(capsys, str(proj))
    assert code == 1 and len(report["findings"]) == 3


def test_without_a_database_nothing_changes(tmp_path, capsys):
    proj = project(tmp_path)
    code, report = scan(capsys, str(proj))
    assert code == 0 and report["findings"] == []
    skipped = {s["path"].replace(str(proj), ""): s["reason"] for s in report["skipped"]}
    assert skipped["/uv.lock"] == "lock file" and skipped["/web/package-lock.json"] == "lock file"


def test_a_database_that_cannot_be_read_fails_the_run(tmp_path, capsys):
    proj = project(tmp_path)
    code = cli.main(["scan", "--no-progress", "--osv-db", str(tmp_path / "missing"), str(proj)])
    assert code == 2 and "OSV database" in capsys.readouterr().err
