"""Issue 10, item 3: rule regexes run in linear time; a user's regex that would need
backtracking over unbounded text is refused at load time, with file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from ztlint.engine import rules
from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config

from ..helpers import write

_RULE = """
id: {id}
title: A custom rule
severity: warning
confidence: low
cwe: [CWE-1333]
owasp: []
languages: [generic]
message: custom
docs: A custom rule.
references: []
match:
  regex: '{regex}'
"""


def _user_rules(tmp_path: Path, rule_id: str, regex: str) -> rules.RuleSet:
    write(tmp_path / "custom" / "r.yaml", _RULE.format(id=rule_id, regex=regex))
    return rules.load_rules([tmp_path / "custom"])


def test_nested_plus_user_regex_runs_on_the_linear_engine(tmp_path):
    # (a+)+$ on 27 `a` and `!` took 9 s on Python's engine
    ruleset = _user_rules(tmp_path, "user-nested", "(a+)+$")
    assert not ruleset.errors
    rule = ruleset.rules["user-nested"]
    assert rule.regex.linear
    result = analyze(b"a" * 5000 + b"!\n", "x.txt", ruleset, Config(root=tmp_path))
    assert result.findings == [] and result.notes == []


def test_backtracking_user_regex_is_refused_with_file_line_and_field(tmp_path):
    ruleset = _user_rules(tmp_path, "user-lookaround", r"password=(?!x)\w*(?=;)z")
    assert "user-lookaround" not in ruleset.rules
    (err,) = ruleset.errors
    assert err.path.endswith("r.yaml") and err.field == "match.regex" and err.line > 1
    assert "not linear-time" in err.message and "unbounded repetition" in err.message


def test_backtracking_user_regex_with_bounded_work_is_accepted(tmp_path):
    ruleset = _user_rules(tmp_path, "user-bounded", r"key=(?!test)[a-z0-9]{8,20};")
    assert not ruleset.errors
    result = analyze(b"key=abcdefgh1;\nkey=testtesttest;\n", "x.txt", ruleset, Config(root=tmp_path))
    assert [f.start[0] for f in result.findings] == [0]


def test_user_condition_regex_is_checked_too(tmp_path):
    write(tmp_path / "custom" / "c.yaml", """
        id: user-cond
        title: eval of something
        severity: warning
        confidence: low
        cwe: [CWE-95]
        owasp: []
        languages: [python]
        message: eval
        docs: A custom rule.
        references: []
        match:
          query: '(call function: (identifier) @fn) @call'
          report: call
          where:
            - capture: fn
              regex: 'x(?=.*l)e\\w*$'
        """)
    ruleset = rules.load_rules([tmp_path / "custom"])
    (err,) = ruleset.errors
    assert err.field == "match.where.0.regex" and "not linear-time" in err.message


@pytest.mark.parametrize("name, data", [
    ("cli-password look-ahead", b"mysql -u root -p" + b"x" * 20_000 + b"\n"),
    ("mysqladmin --password", b"mysqladmin --password A" + b"a" * 50_000 + b"\n"),
    ("pass -D.", b"pass " + b"-D." * 16_600 + b"\n"),
    ("net use", b"net use " * 12_500 + b"\n"),
    ("jdbc:", b"jdbc:" * 20_000 + b"\n"),
])
def test_hostile_long_lines_are_checked_in_full(bundled, name, data):
    # each took 7-28 s on Python's engine; round 1 skipped such lines with a note. The bundled
    # rules now all run on RE2: the whole line is checked, with no note
    result = analyze(data, "run.sh", bundled, Config())
    assert result.notes == [], result.notes


def test_a_short_line_is_still_checked_by_the_same_rules(bundled):
    secret = b"Xk9mQ2v" + b"Lp8zR4tW"  # split: this file is scanned too (dogfood)
    result = analyze(b"mysqladmin -u root --password " + secret + b" status\n", "run.sh", bundled, Config())
    assert result.notes == []
    assert any(f.rule_id.startswith("secret-cli") for f in result.findings)


def test_db_prepare_with_a_long_literal_is_checked_in_full(bundled):
    # a condition regex took 12 s on `db.prepare('<16,000 spaces>' + id)`; now on RE2
    src = b"db.prepare('" + b" " * 16_000 + b"' + id);\n"
    result = analyze(src, "q.js", bundled, Config())
    assert result.notes == [], result.notes
