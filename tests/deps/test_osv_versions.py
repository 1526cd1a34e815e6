"""Which versions an OSV advisory affects, per ecosystem, and the version that fixes them."""

from __future__ import annotations

import pytest

from ztlint.engine.osv import database, severity
from ztlint.engine.osv.affected import upgrade_to, vulnerabilities
from ztlint.engine.osv.versions import NPM, PYPI, parse

from .osvdb import write_zip


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return database.load(write_zip(tmp_path_factory.mktemp("osv") / "all.zip"))


@pytest.mark.parametrize("version, ids", [
    ("3.1.9", ["PYSEC-2023-11"]),            # only the PYSEC alias says "introduced 0"
    ("3.2", ["GHSA-2222-3333-4444"]),
    ("3.2.3", ["GHSA-2222-3333-4444"]),
    ("3.2.4", ["GHSA-5555-6666-7777"]),      # the first fix has an advisory of its own
    ("3.2.5", []),
    ("3.2.10", []),                          # PEP 440 order, not string order
    ("4.0.1", ["GHSA-2222-3333-4444"]),
    ("4.0.2", []),
    ("4.0.2rc1", ["GHSA-2222-3333-4444"]),   # a pre-release sorts before its release
    ("not a version", []),
])
def test_pypi_ranges_and_aliases(db, version, ids):
    assert [v.id for v in vulnerabilities(db, PYPI, "django", version)] == ids


def test_alias_group_shows_ghsa_with_cve_and_the_highest_severity(db):
    (v,) = vulnerabilities(db, PYPI, "DJANGO", "3.2.1")  # names are PEP 503 normalised
    assert v.aliases[0] == "CVE-2023-1111" and "PYSEC-2023-11" in v.aliases
    assert v.severity == "high" and v.fixed == "3.2.4" and v.summary == "SQL injection"


def test_fix_moves_past_fixed_versions_that_are_affected_again(db):
    vulns = vulnerabilities(db, PYPI, "django", "3.2.1")
    assert upgrade_to(db, PYPI, "django", "3.2.1", vulns) == "3.2.5"
    assert upgrade_to(db, PYPI, "django", "4.0.0", vulnerabilities(db, PYPI, "django", "4.0.0")) == "4.0.2"


def test_last_affected_explicit_versions_and_withdrawn(db):
    assert [v.fixed for v in vulnerabilities(db, PYPI, "pyyaml", "5.3")] == [None]
    assert vulnerabilities(db, PYPI, "pyyaml", "5.3.1") == []
    assert vulnerabilities(db, PYPI, "pyyaml", "5.0") == []
    assert [v.id for v in vulnerabilities(db, PYPI, "flask-cors", "3.0.8")] == ["PYSEC-2020-99"]
    assert vulnerabilities(db, PYPI, "flask-cors", "3.0.9") == []
    assert vulnerabilities(db, PYPI, "requests", "2.0.0") == []  # withdrawn advisory


def test_npm_semver_order_and_prereleases(db):
    assert [v.fixed for v in vulnerabilities(db, NPM, "lodash", "4.17.20")] == ["4.17.21"]
    assert vulnerabilities(db, NPM, "lodash", "4.17.21") == []
    assert vulnerabilities(db, NPM, "lodash", "4.100.0") == []
    assert vulnerabilities(db, NPM, "Lodash", "4.17.20") == []  # npm names are exact
    assert [v.severity for v in vulnerabilities(db, NPM, "@scope/pkg", "1.1.9")] == ["low"]
    assert vulnerabilities(db, NPM, "semverpre", "2.0.0-alpha.9") == []
    assert len(vulnerabilities(db, NPM, "semverpre", "2.0.0-beta.2")) == 1
    assert vulnerabilities(db, NPM, "semverpre", "2.0.0") == []


def test_version_parsing_per_ecosystem():
    assert parse(PYPI, "1.0.post1") > parse(PYPI, "1.0")
    assert parse(NPM, "1.0.0") and parse(NPM, "v1.2.3") == parse(NPM, "1.2.3")
    assert parse(NPM, "1.0") is None and parse(NPM, "github:a/b") is None


@pytest.mark.parametrize("vector, score", [
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N", 6.5),
    ("CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", 5.5),
    ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0),
    ("garbage", None),
])
def test_cvss3_base_scores(vector, score):
    assert severity.cvss3_score(vector) == score
