"""Issue 10, item 3 (round 2): every bundled rule regex runs on the linear engine; the
mechanisms that made that possible (checks on groups, ``until``, look-ahead checks, and/or/not
conditions); parsing bounded by the file's budget; rules compiled on first use."""

from __future__ import annotations

import re

import pytest

from ztlint.engine import analyze as analyze_mod
from ztlint.engine import incremental, languages, linear_regex, rules
from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config

from ..conftest import write

_BUNDLED = rules.load_rules([rules.bundled_rules_dir()])


def _regexes(rule):
    if rule.regex is not None:
        yield "match.regex", rule.regex
    for c in rule.conditions:
        if isinstance(c.value, linear_regex.LinearRegex):
            yield f"where.{c.kind}", c.value


def test_every_bundled_text_rule_runs_on_re2():
    # round 1 left the CLI-password, URL/JDBC/connection-string, header and private-key rules
    # (about 40) on Python's backtracking engine, checked only on lines up to 4,096 characters
    slow = [(r.id, where) for r in _BUNDLED.rules.values() if r.is_text
            for where, regex in _regexes(r) if regex.engine == "python"]
    assert slow == []


def test_bundled_tree_conditions_run_on_re2_but_a_known_few():
    slow = sorted({r.id for r in _BUNDLED.rules.values() if not r.is_text
                   for _, regex in _regexes(r) if regex.engine == "python"})
    # a look-ahead after an unanchored prefix of variable width (gha-script-injection-*,
    # python-sql-execute-fstring*, python-sql-formatted-value, tf-iam-...-json): a ratchet
    assert len(slow) <= 6, slow
    assert all(regex.linear or not regex.engine == "python" or len(regex.pattern) > 0
               for r in _BUNDLED.rules.values() for _, regex in _regexes(r))


def test_loading_compiles_no_bundled_regex():
    # translating and compiling ~1,100 regexes made loading 3.5x slower; now on first use
    linear_regex.compile.cache_clear()  # (matchers are shared between loads)
    ruleset = rules.load_rules([rules.bundled_rules_dir()])
    built = [r.id for r in ruleset.rules.values() for _, regex in _regexes(r) if regex._built]
    assert built == []


def test_search_from_a_position_never_returns_an_earlier_match():
    # a context (?<![\w-]) matched the text's start one character before pos
    regex = linear_regex.compile(rb"(?<![\w-])ab")
    assert regex.search(b"ab ab", 1).span() == (3, 5)
    assert [m.span() for m in regex.finditer(b"ab ab", 1)] == [(3, 5)]


@pytest.mark.parametrize("pattern, text", [
    (rb"(?=mysql|redis)(?=(?P<tool>[\w-]+))(?:mysql|redis-cli)\b x(?P<a>\d)", b"mysqlx x1 redis-cli x2 mysql x3"),
    (rb"(?m)^(?=[^\n]*pw=)(?![^\n]*jdbc)(?P<k>\w+)=", b"a=1 pw=2\njdbc b=pw=\nc=pw=3"),
    (rb"(?:(?P<o>a)b|c)(?P<s>d+)(?(o)@|x)", b"abdd@ cdx abdx cdd@ ab@"),
    (rb"(?P<k>(?i:key)|(?P<a>auth))\s*:\s*(?(a)tok\s+|(?:tok\s+)?)(?P<s>\w+)", b"key: tok abc auth: xyz auth: tok q1 KEY: z"),
    (rb"x(?=[\s;]|$)", b"x; x\nx"),
])
def test_checks_and_conditionals_on_re2_match_python(pattern, text):
    regex = linear_regex.compile(pattern)
    assert regex.engine == "re2"
    python = re.compile(pattern)
    assert [(m.span(), m.groupdict()) for m in regex.finditer(text)] == \
        [(m.span(), m.groupdict()) for m in python.finditer(text)]


@pytest.mark.parametrize("pattern, yes, no", [
    (r"^(?=.*a)(?!.*b)c", ["cxa"], ["cxab", "xa"]),
    (r"^[\"']?(?=[a-z]*key)[a-z]+$", ["'mykey", "keys"], ["my-key", "abc"]),
    (r"^\"(?i:(?!rsa)[a-z]+)/ECB/|^x$", ["\"aes/ECB/", "x"], ["\"RSA/ECB/"]),
])
def test_anchored_lookarounds_become_and_or_not_of_re2(pattern, yes, no):
    regex = linear_regex.compile(pattern, boolean=True)
    assert regex.engine == "re2-logic"
    assert all(regex.search(t) for t in yes) and not any(regex.search(t) for t in no)


_RULE = """
id: user-{name}
title: A custom rule
severity: warning
confidence: low
category: secret
cwe: [CWE-798]
owasp: []
languages: [generic]
message: found
docs: A custom rule.
references: []
match:
{match}
"""


def _user_rule(tmp_path, name, match):
    write(tmp_path / "custom" / f"{name}.yaml", _RULE.format(name=name, match=match))
    ruleset = rules.load_rules([tmp_path / "custom"])
    return ruleset


def _found(ruleset, text: bytes, path="x.txt"):
    return [text[f.start_byte:f.end_byte] for f in analyze(text, path, ruleset, Config()).findings]


def test_checks_on_groups_filter_matches_like_lookarounds(tmp_path):
    ruleset = _user_rule(tmp_path, "where", r"""
  regex: '(?<!\w)(?P<user>\w+):(?P<secret>\w{6,})@'
  where:
    - capture: secret
      not-ahead: '\w*@example'
    - capture: secret
      not-same-as: user
    - capture: secret
      not-behind: 'demo:'
""")
    assert not ruleset.errors
    text = b"a x1:Qm7vX2pL@h b pw:Zk9q3Lwe@example c Zk9q3Lwe:Zk9q3Lwe@h d demo:Hq7wPz3k@h\n"
    assert _found(ruleset, text) == [b"Qm7vX2pL"]


def test_a_check_on_an_unknown_group_is_an_error_with_file_line_and_field(tmp_path):
    ruleset = _user_rule(tmp_path, "bad", r"""
  regex: '(?P<secret>\w{6,})'
  where:
    - capture: nosuch
      not-regex: 'x'
""")
    (err,) = ruleset.errors
    assert err.path.endswith("bad.yaml") and err.field == "match.where.0.capture" and err.line > 1


def test_until_finds_the_end_marker_within_its_window(tmp_path):
    ruleset = _user_rule(tmp_path, "until", r"""
  regex: '(?P<secret>BEGIN)'
  until: {any-of: ['END'], min-gap: 4, max-gap: 20}
  multiline: true
""")
    assert not ruleset.errors
    text = b"BEGIN 12345\n678 END\nBEGIN xEND\nBEGIN " + b"y" * 40 + b" END\n"
    # the first: END 14 characters on; the second: too close; the third: too far
    assert _found(ruleset, text) == [b"BEGIN 12345\n678 END"]


def test_until_is_linear_on_a_megabyte_of_begin_lines(bundled):
    # `BEGIN[\s\S]{64,16000}?END` took 8.5 s on 1 MB of BEGIN lines (Python's engine)
    rule = bundled.rules["secret-private-key-rsa"]
    assert rule.regex.engine == "re2" and rule.until is not None
    result = analyze(b"-----BEGIN RSA PRIVATE KEY-----\n" * 32_000, "k.pem", bundled, Config())
    assert result.findings == [] and result.notes == []


def _heredocs(n: int) -> bytes:
    # many here-documents opened on one line: tree-sitter-bash is quadratic (20,000: 49 s)
    return (b"cat " + b" ".join(b"<<E%d" % i for i in range(n)) + b"\n"
            + b"".join(b"x\nE%d\n" % i for i in range(n)))


_SECRET_LINE = b"mysql -u root -p" + b"Qm7vX2pL" + b"r8zR4tW db\n"  # split: this file is scanned too


def test_parsing_stops_at_the_budget_with_a_note_and_text_rules_still_run(bundled):
    source = _SECRET_LINE + _heredocs(6_000)
    result = analyze(source, "build.sh", bundled, Config(analysis_budget=0.3))
    assert result.tree is None
    assert any(n.startswith("not parsed: parse took longer") for n in result.notes), result.notes
    assert [f.rule_id for f in result.findings] == ["secret-cli-password-option"]
    # the parser is reset: the next file parses normally
    ok = analyze(b"echo hi\n", "ok.sh", bundled, Config())
    assert ok.tree is not None and ok.notes == []


def test_the_incremental_path_uses_the_same_deadline(bundled):
    doc = incremental.IncrementalDocument(_SECRET_LINE + _heredocs(6_000), "build.sh", "bash",
                                          bundled, Config(analysis_budget=0.3))
    assert doc.tree is None and doc.note.startswith("not parsed")
    assert [f.rule_id for f in doc.findings] == ["secret-cli-password-option"]


def test_parse_text_without_a_deadline_is_the_plain_parse():
    parser = languages.parser("bash")
    tree = analyze_mod.parse_text(parser, b"echo hi\n")
    assert tree.root_node.type == "program"
