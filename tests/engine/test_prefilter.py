"""The literal prefilter of tree rules: which strings a regex needs, and that running gated
rules only where their strings occur finds exactly what running every rule everywhere finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ztlint.commands import fixtures
from ztlint.engine import languages, prefilter, querytext, rules
from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config
from ztlint.engine.incremental import IncrementalDocument

from ..helpers import REPO


@pytest.mark.parametrize("pattern, expected", [
    (r"^pickle$", {"pickle"}),
    (r"^(?:c?Pickle|dill)\.loads?$", {"Pickle.load", "dill.load"}),
    (r"(?:^|\.)mark_safe$", {"mark_safe"}),
    (r"foo.*barbaz", {"barbaz"}),  # the longer, more selective run
    (r"^(?:eval|exec)\(", {"eval(", "exec("}),
    (r"(?i)Password", {"password"}),
    (r"x(?:abc)+y", {"abc"}),
    (r"(?i:secret)_(?:key|token)", {"secret_key", "secret_token"}),
    (r"ab(?:\w+)cde", {"cde"}),  # an unknown piece inside a group ends the exact run
])
def test_required_literals(pattern, expected):
    assert prefilter.required_literals(pattern) == expected


@pytest.mark.parametrize("pattern", [
    r"\w+", r"^(a|b)$", r".*", r"^[fF]?['\"]", r"(?:foo)?bar?", r"x{2,}", r"ab|\d+",
])
def test_no_literals_when_nothing_useful_is_required(pattern):
    assert prefilter.required_literals(pattern) is None


def test_an_unknown_regex_parser_means_no_filter_not_a_crash(monkeypatch):
    monkeypatch.setattr(prefilter, "_sre", None)
    assert prefilter.required_literals(r"^pickle$") is None
    assert prefilter.caseless(r"pickle") is True


def _bundled_regexes() -> list[re.Pattern]:
    """Every regex of a bundled rule that yields literals: conditions and `#match?` predicates."""
    found = {}
    for rule in rules.load_rules([rules.bundled_rules_dir()]).rules.values():
        for c in rule.conditions:
            if c.kind == "regex" and prefilter.required_literals(c.value.pattern, c.value.flags):
                found[(c.value.pattern, c.value.flags)] = re.compile(c.value.pattern, c.value.flags)
        for preds in querytext.pattern_predicates(rule.query) if rule.query else ():
            for name, _, args in preds:
                if name.endswith("match?") and not name.startswith("not") \
                        and prefilter.required_literals(args[0]):
                    found[(args[0], 0)] = re.compile(args[0])
    return list(found.values())


BUNDLED_REGEXES = _bundled_regexes()


def test_bundled_rules_have_regexes_with_literals():
    assert len(BUNDLED_REGEXES) >= 50


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_match_of_a_bundled_regex_holds_a_required_literal(data):
    """Soundness on the real rules: strings built to match each regex contain a literal."""
    pattern = data.draw(st.sampled_from(BUNDLED_REGEXES))
    text = data.draw(st.from_regex(pattern))
    if pattern.search(text) is None:
        return  # from_regex can only promise a match for most constructs
    needed = prefilter.required_literals(pattern.pattern, pattern.flags)
    folds = prefilter.caseless(pattern.pattern, pattern.flags) and any(c in text for c in prefilter.FOLDS_TO_ASCII)
    assert folds or any(lit.lower() in text.lower() for lit in needed), (pattern.pattern, text, needed)


def test_folds_to_ascii_lists_every_character_ignorecase_equates_with_an_ascii_letter():
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = {chr(c) for c in range(128, 0x110000)
             if not 0xD800 <= c < 0xE000 and letter.fullmatch(chr(c))}
    assert found == set(prefilter.FOLDS_TO_ASCII)


def test_caseless_groups_also_accept_the_unicode_look_alikes():
    cond = rules.Condition(capture="name", kind="regex", value=re.compile(r"(?i)password$"))
    (group,) = prefilter.literal_groups([cond])
    assert b"password" in group and "\u017f".encode() in group
    (group,) = prefilter.literal_groups([rules.Condition("n", "regex", re.compile("password$"))])
    assert group == (b"password",)


@pytest.mark.parametrize("query, expected", [
    ('(call function: (identifier) @f (#eq? @f "eval")) @c', {b"eval"}),
    ('(call function: (identifier)? @f (#eq? @f "eval")) @c', None),  # @f may be absent
    ('(call function: [(identifier) @f (attribute attribute: (identifier) @f)] (#match? @f "^exec$")) @c',
     {b"exec"}),
    ('(call function: [(identifier) @f (attribute)] (#eq? @f "eval")) @c', None),
    ('((call function: (identifier) @f) @c (#any-of? @f "open" "popen"))\n'
     '(assignment left: (identifier) @l (#eq? @l "system"))', {b"open", b"system"}),
    ('(call function: (identifier) @f (#eq? @f "eval"))\n(assignment) @a', None),  # one pattern free
])
def test_query_predicates_give_literals_only_for_captures_every_match_has(query, expected):
    groups = prefilter.literal_groups([], query)
    assert (set(groups[0]) if groups else None) == expected


@pytest.mark.parametrize("query, single", [
    ("(call) @c", True),
    ('((call) @c (#eq? @c "x"))', True),
    ("[(a) (b)] @x", True),
    ("((a) (b))", False),
    ("((a) . (b))", False),
    ("(comment)+ @c", False),
    ("[(a)+ (b)]", False),
    ("((call) @c)?", False),
])
def test_single_node_patterns(query, single):
    assert querytext.single_node_patterns(query) is single


def test_bundled_python_rules_are_mostly_gated(bundled):
    pack = bundled.pack("python")
    gated = {g.rule.id for g in pack.gated}
    assert "python-pickle-load" in gated and "python-eval-dynamic" in gated
    assert len(gated) > 2 * len({r.id for r in pack.rule_of_pattern})


# Spellings a caseless regex matches but an ASCII-caseless literal search would not find.
LOOK_ALIKES = {
    "paſsword.py": 'db_paſsword = "Zq8#kLm2pW9x"\nPASSWORD = "Zq8#kLm2pW9x"\n',
    "secret_İ.py": 'def f():\n    SECRET_KEY = "Zq8#kLm2pW9x"\n    sİgnal = eval(x)\n',
    "tok.js": 'const apiToKen = "Zq8#kLm2pW9xQ7";\nconst pwd = "Zq8#kLm2pW9x";\n',
}


def _corpus(tmp_path) -> list:
    files = [f for rf in rules.rule_files(rules.bundled_rules_dir()) for f in fixtures.fixtures_for(rf)]
    files += sorted((REPO / "examples").rglob("*.*")) + sorted((REPO / "server").rglob("*.py"))
    for name, text in LOOK_ALIKES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        files.append(tmp_path / name)
    return [f for f in files if f.is_file() and languages.detect(str(f), f.read_bytes()[:200]) not in
            (None, languages.UNPARSED)]


def _key(findings):
    return sorted((f.rule_id, f.start_byte, f.end_byte, f.message) for f in findings)


def test_gated_rules_find_what_running_every_rule_everywhere_finds(monkeypatch, tmp_path):
    gated = rules.load_rules([rules.bundled_rules_dir()])
    gated.compile_all()  # packs are built on first use: build these before the patch
    monkeypatch.setattr(prefilter, "literal_groups", lambda *args: ())
    ungated = rules.load_rules([rules.bundled_rules_dir()])
    corpus = _corpus(tmp_path)
    assert len(corpus) > 200
    cfg = Config()
    compared = 0
    for path in corpus:
        data = path.read_bytes()
        lang = languages.detect(str(path), data[:200])
        if not (gated.pack(lang) and gated.pack(lang).gated):
            continue
        want = analyze(data, path.name, ungated, cfg).findings
        assert _key(analyze(data, path.name, gated, cfg).findings) == _key(want), path
        # the language server's path: a region of the file re-checked after an edit
        doc = IncrementalDocument(data, path.name, lang, gated, cfg)
        doc.analyze_all()
        mid = len(data) // 2
        doc.edit(mid, mid, b"\n")
        doc.edit(mid, mid + 1, b"")
        assert _key(doc.analyze()) == _key(want), path
        compared += 1
    assert compared > 150, compared
