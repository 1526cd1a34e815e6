"""Every bundled rule against its fixture (the same check as `ztlint rules test`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ztlint.commands import fixtures
from ztlint.engine import rules

from ..helpers import write

RULE_FILES = rules.rule_files(rules.bundled_rules_dir())


def test_bundled_rules_exist():
    assert len(RULE_FILES) >= 1


def test_bundled_rules_load_and_compile_without_errors(bundled):
    assert bundled.compile_all() == []


@pytest.mark.parametrize("rule_file", RULE_FILES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_rule_fixture(rule_file: Path):
    report = fixtures.check_rule_file(rule_file, rules.bundled_rules_dir())
    assert report.problems == []
    assert report.hits >= 1 and report.oks >= 1


def test_runner_reports_a_missed_finding(tmp_path, custom_rules):
    write(custom_rules / "eval.py", """
        # ruleid: test-eval
        x = 1
        # ok: test-eval
        risky(y)
        """)
    problems = fixtures.check_rule_file(custom_rules / "eval.yaml").problems
    assert any("eval.py:2: expected test-eval" in p for p in problems)
    assert any("eval.py:4: test-eval reported on an `ok:` line" in p for p in problems)


def test_runner_reports_unannotated_findings_and_missing_fixed_file(tmp_path):
    d = tmp_path / "r"
    write(d / "f.yaml", """
        id: test-fixable
        title: fixable eval
        severity: warning
        confidence: high
        cwe: [CWE-95]
        owasp: []
        languages: [python]
        match:
          query: '(call function: (identifier) @fn (#eq? @fn "eval")) @call'
          report: call
        message: "eval"
        fix: {title: "use literal_eval", safe: false, edits: [{capture: fn, replace: "ast.literal_eval"}]}
        docs: "Evaluating strings runs code."
        """)
    write(d / "f.py", "# ruleid: test-fixable\neval(a)\neval(b)\n# ok: test-fixable\nprint(a)\n")
    problems = fixtures.check_rule_file(d / "f.yaml").problems
    assert any("f.py:3: unexpected test-fixable" in p for p in problems)
    assert any("f.fixed.py is missing" in p for p in problems)
    write(d / "f.fixed.py", "# ruleid: test-fixable\nast.literal_eval(a)\nast.literal_eval(b)\n# ok: test-fixable\nprint(a)\n")
    problems = fixtures.check_rule_file(d / "f.yaml").problems
    assert not any("fixed" in p for p in problems)
    write(d / "f.fixed.py", "wrong\n")
    problems = fixtures.check_rule_file(d / "f.yaml").problems
    assert any("differs from the fixture" in p for p in problems)


def test_rule_without_fixture_fails(custom_rules):
    assert any("no fixture" in p for p in fixtures.check_rule_file(custom_rules / "token.yaml").problems)


def test_annotations_skip_blank_lines_and_accept_lists():
    expect, clean = fixtures.annotations("// ruleid: a, b\n\ncode()\n/* ok: cc */\nother()\n")
    assert expect == {3: {"a", "b"}}
    assert clean == {5: {"cc"}}
