"""Known-vulnerable versions as findings: message (advisory, severity, fixed version), fix
(the `.fixed` fixtures), the same result while editing, and nothing without a database."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from ztlint.engine import rules
from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config, load_config
from ztlint.engine.findings import apply_fixes
from ztlint.engine.incremental import IncrementalDocument

from .osvdb import write_exports

FIXTURES = Path(__file__).parent / "fixtures"
RULE = "deps-known-vulnerable-version"


@pytest.fixture(scope="module")
def ruleset():
    return rules.load_rules(rules.default_rule_dirs(()))


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    root = tmp_path_factory.mktemp("cfg")
    return Config(root=root, osv_db=write_exports(root / "osv"), enable=(RULE,))


def run(name: str, text: bytes, ruleset, config):
    return [f for f in analyze(text, name, ruleset, config).findings if f.rule_id == RULE]


@pytest.mark.parametrize("name, fixed", [
    ("requirements.txt", "requirements.fixed.txt"), ("package.json", "package.fixed.json"),
    ("pyproject.toml", "pyproject.fixed.toml")])
def test_fixes_give_the_fixed_fixture(name, fixed, ruleset, config):
    text = (FIXTURES / name).read_bytes()
    found = run(name, text, ruleset, config)
    assert [f for f in found if f.fix]
    assert apply_fixes(text, [f.fix for f in found if f.fix]) == (FIXTURES / fixed).read_bytes()
    # what the fixed file still has (a pin no version fixes) offers no further fix
    assert [f.fix for f in run(name, (FIXTURES / fixed).read_bytes(), ruleset, config)
            if f.fix is not None] == []


def test_message_names_advisory_severity_and_fix(ruleset, config):
    found = run("requirements.txt", (FIXTURES / "requirements.txt").read_bytes(), ruleset, config)
    by_line = {f.line: f for f in found}
    assert sorted(by_line) == [2, 4, 5]
    django = by_line[2]
    assert django.message == (
        "Django 3.2.1 has a known vulnerability: GHSA-2222-3333-4444 (CVE-2023-1111), high, "
        "fixed in 3.2.4. Upgrade to 3.2.5 (the earlier fixes have advisories of their own).")
    assert django.severity == "error"  # a high advisory
    assert django.fix.title == "Upgrade Django to 3.2.5" and django.fix.safe is False
    assert (django.start, django.end) == ((1, 8), (1, 13))  # the version itself
    assert by_line[4].severity == "error" and "no fixed version" in by_line[4].message
    assert by_line[4].fix is None and "No fixed version is known" in by_line[4].message
    assert by_line[5].severity == "warning" and "PYSEC-2020-99, moderate" in by_line[5].message


def test_lock_files_get_advice_but_no_edit(ruleset, config):
    text = b'[[package]]\nname = "django"\nversion = "3.2.1"\n'
    (f,) = run("poetry.lock", text, ruleset, config)
    assert f.fix is None and f.message.endswith("Upgrade to 3.2.5 (the earlier fixes have "
                                                "advisories of their own).")
    lock = b'{"lockfileVersion": 3, "packages": {"node_modules/lodash": {"version": "4.17.20"}}}'
    (g,) = run("package-lock.json", lock, ruleset, config)
    assert g.fix is None and "GHSA-35jh-r3h4-6jhm (CVE-2021-23337), high, fixed in 4.17.21" in g.message


def test_nothing_without_a_database_or_with_the_rule_disabled(ruleset, config):
    text = (FIXTURES / "requirements.txt").read_bytes()
    assert run("requirements.txt", text, ruleset, replace(config, osv_db=None)) == []
    assert run("requirements.txt", text, ruleset, replace(config, disable=(RULE,))) == []
    assert run("app.py", b"x = 'Django==3.2.1'\n", ruleset, config) == []  # not a manifest


def test_unreadable_database_is_a_note(tmp_path, ruleset, config):
    result = analyze(b"django==3.2.1\n", "requirements.txt", ruleset,
                     replace(config, osv_db=tmp_path / "nope"))
    assert result.findings == [] and any("OSV database" in n for n in result.notes)


def test_suppression_comment_hides_a_pin(ruleset, config):
    text = b"django==3.2.1  # ztlint: ignore[deps-known-vulnerable-version]\n"
    result = analyze(text, "requirements.txt", ruleset, config)
    assert [f.rule_id for f in result.suppressed] == [RULE] and result.findings == []


def test_editing_a_manifest_matches_a_fresh_analysis(ruleset, config):
    text = (FIXTURES / "requirements.txt").read_bytes()
    doc = IncrementalDocument(text, "requirements.txt", None, ruleset, config)
    assert [f.line for f in doc.findings if f.rule_id == RULE] == [2, 4, 5]
    edits = [(b"Django==3.2.1", b"Django==3.2.5"), (b"numpy==1.26.0", b"numpy==1.26.0\nlodash==1.0"),
             (b"requests>=2.0", b"django==4.0.0")]
    for old, new in edits:
        start = doc.source.index(old)
        doc.edit(start, start + len(old), new)
        got = [(f.line, f.message, f.fix) for f in doc.analyze()]
        fresh = [(f.line, f.message, f.fix) for f in analyze(doc.source, "requirements.txt", ruleset, config).findings]
        assert got == fresh
    assert [f.line for f in doc.findings if f.rule_id == RULE] == [3, 4, 5]


def test_config_file_key_resolves_against_the_config_folder(tmp_path):
    (tmp_path / "ztlint.toml").write_text('osv-db = "vendor/osv"\n', encoding="utf-8")
    assert load_config(tmp_path).osv_db == (tmp_path / "vendor" / "osv").resolve()
    assert load_config(tmp_path).merged({"osv-db": str(tmp_path / "x.zip")}).osv_db == tmp_path / "x.zip"
    assert Config().osv_db is None


def test_fixture_copies_keep_their_manifest_names(tmp_path, ruleset, config):
    # the `.fixed` fixtures are recognised as manifests too (requirements*.txt)
    shutil.copy(FIXTURES / "requirements.fixed.txt", tmp_path / "requirements.txt")
    assert run("requirements.txt", (tmp_path / "requirements.txt").read_bytes(), ruleset, config)
