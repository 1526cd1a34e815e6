"""Named definitions in rule files: ``definitions:`` in a file or in a folder's
``_definitions.yaml``, used as ``(?&name)`` in a rule's match (issue 14, item 7)."""

from __future__ import annotations

from ztlint.engine import rules
from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config

from ..helpers import write

_HEAD = """
    title: A custom rule
    severity: warning
    confidence: low
    cwe: [CWE-95]
    owasp: []
    message: found
    docs: A custom rule.
    references: []
"""


def _rule(rule_id: str, languages: str, match: str) -> str:
    return f"  - id: {rule_id}\n    languages: [{languages}]" + _HEAD.replace("\n    ", "\n    ") + \
        "    match:\n" + "".join(f"      {line}\n" for line in match.strip("\n").splitlines())


def _ids(ruleset, source: bytes, path: str) -> list[str]:
    return [f.rule_id for f in analyze(source, path, ruleset, Config()).findings]


def test_a_definition_in_a_query_a_condition_and_a_text_regex(tmp_path):
    write(tmp_path / "r" / "a.yaml", "definitions:\n"
          "  dangerous: '(call function: (identifier) @fn) @call'\n"
          "  eval-names: '^(?:eval|exec)$'\n"
          "  key-prefix: 'sk_(?:live|test)_'\n"
          "rules:\n"
          + _rule("def-query", "python", """
query: '(?&dangerous)'
report: call
where:
  - capture: fn
    regex: '(?&eval-names)'
""") + _rule("def-text", "generic", """
regex: '\\b(?&key-prefix)[0-9a-z]{8}\\b'
"""))
    ruleset = rules.load_rules([tmp_path / "r"])
    assert not ruleset.errors
    assert ruleset.rules["def-query"].query == "(call function: (identifier) @fn) @call"
    assert _ids(ruleset, b"eval(x)\nprint(x)\n", "a.py") == ["def-query"]
    assert _ids(ruleset, b"key = sk_live_abcd1234\n", "a.txt") == ["def-text"]


def test_folder_definitions_are_shared_by_every_rule_file_below(tmp_path):
    write(tmp_path / "r" / "_definitions.yaml",
          "definitions:\n  names: [eval, exec]\n  name-regex: '^e'\n")
    write(tmp_path / "r" / "a.yaml", "rules:\n" + _rule("def-a", "python", """
query: '(call function: (identifier) @fn) @call'
report: call
where:
  - capture: fn
    any-of: ['(?&names)', compile]
"""))
    # a nearer _definitions.yaml wins over the outer one
    write(tmp_path / "r" / "sub" / "_definitions.yaml", "definitions:\n  name-regex: '^c'\n")
    write(tmp_path / "r" / "sub" / "b.yaml", "rules:\n" + _rule("def-b", "python", """
query: '(call function: (identifier) @fn) @call'
report: call
where:
  - capture: fn
    regex: '(?&name-regex)'
"""))
    ruleset = rules.load_rules([tmp_path / "r"])
    assert not ruleset.errors
    (cond,) = ruleset.rules["def-a"].conditions
    assert cond.value == frozenset({"eval", "exec", "compile"})
    assert _ids(ruleset, b"compile(x)\neval(x)\n", "a.py") == ["def-a", "def-b", "def-a"]
    assert len(ruleset) == 2  # _definitions.yaml is not a rule file


def test_an_unknown_reference_is_an_error_with_file_line_and_field(tmp_path):
    write(tmp_path / "r" / "a.yaml", "rules:\n" + _rule("def-unknown", "generic", """
regex: 'x(?&nosuch)y'
"""))
    ruleset = rules.load_rules([tmp_path / "r"])
    assert "def-unknown" not in ruleset.rules
    (err,) = ruleset.errors
    lines = (tmp_path / "r" / "a.yaml").read_text().splitlines()
    line = next(i for i, t in enumerate(lines, 1) if "(?&nosuch)" in t)
    assert err.path.endswith("a.yaml") and err.line == line and err.field == "rules.0.match.regex"
    assert "unknown definition (?&nosuch)" in err.message


def test_a_cycle_is_an_error_naming_the_definitions(tmp_path):
    write(tmp_path / "r" / "a.yaml", "definitions:\n  a: 'x(?&b)'\n  b: 'y(?&a)'\nrules:\n"
          + _rule("def-cycle", "generic", "regex: '(?&a)'"))
    ruleset = rules.load_rules([tmp_path / "r"])
    assert "def-cycle" not in ruleset.rules
    (err,) = ruleset.errors
    assert err.path.endswith("a.yaml") and err.line in (2, 3) and err.field.startswith("definitions.")
    assert "cyclic definitions: a -> b -> a" in err.message or "cyclic definitions: b -> a -> b" in err.message


def test_a_bad_definitions_file_is_reported(tmp_path):
    write(tmp_path / "r" / "_definitions.yaml", "definitions:\n  bad name: x\n")
    write(tmp_path / "r" / "a.yaml", "rules:\n" + _rule("def-ok", "generic", "regex: 'abc'"))
    ruleset = rules.load_rules([tmp_path / "r"])
    (err,) = ruleset.errors
    assert err.path.endswith("_definitions.yaml")
    assert "def-ok" in ruleset.rules


def test_the_bundled_rules_use_definitions():
    ruleset = rules.load_rules([rules.bundled_rules_dir()])
    assert not ruleset.errors
    text = (rules.bundled_rules_dir() / "python" / "insecure-random.yaml").read_text()
    assert text.count("(?&secret-target-name)") == 12
    rule = ruleset.rules["python-insecure-random-secret"] if "python-insecure-random-secret" in ruleset.rules \
        else next(r for r in ruleset.rules.values() if r.path.endswith("python/insecure-random.yaml"))
    assert "(?&" not in "".join(c.source or "" for c in rule.conditions)


def test_definitions_of_a_parent_folder_apply_when_a_file_is_checked_alone(tmp_path):
    # `ztlint rules test DIR` checks each file alone: the definitions of DIR and of the folders
    # between it and the file still apply (the bundled SQL rules use rules/_definitions.yaml)
    from ztlint.commands import fixtures
    write(tmp_path / "_definitions.yaml", "definitions:\n  risky: '^risky$'\n")
    rule = (tmp_path / "py" / "r.yaml")
    write(rule, """
        id: t-def
        title: a risky call
        severity: warning
        confidence: high
        cwe: [CWE-95]
        owasp: []
        languages: [python]
        match:
          query: '(call function: (identifier) @fn (#match? @fn "(?&risky)")) @call'
          report: call
        message: risky call
        docs: Risky calls are risky.
        """)
    write(tmp_path / "py" / "r.py", "# ruleid: t-def\nrisky()\n# ok: t-def\nsafe()\n")
    assert fixtures.check_rule_file(rule, tmp_path).problems == []
    assert any("unknown definition" in p for p in fixtures.check_rule_file(rule).problems)
