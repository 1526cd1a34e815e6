"""Cheaper tree-rule matching, same findings: keyword positions in one pass, gated rules run on
the nodes around their literals (however often those occur), `has` conditions as gates."""

from __future__ import annotations

import random

import pytest

from ztlint.commands import fixtures
from ztlint.engine import keywords, languages, match, prefilter, querytext, rules
from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config
from ztlint.engine.incremental import IncrementalDocument


def _find_by_loops(index: keywords.KeywordIndex, text: bytes, limit: int) -> dict:
    """What KeywordIndex.find answers, the plain way: a find loop per keyword."""
    lowered, hits = text.lower(), {}
    for kw in index.keywords:
        offsets, pos = [], lowered.find(kw)
        while pos != -1:
            offsets.append(pos)
            pos = lowered.find(kw, pos + 1)
        if offsets:
            hits[kw] = offsets if len(offsets) <= limit else None
    return hits


@pytest.mark.parametrize("seed", range(20))
def test_keyword_positions_are_every_occurrence_overlaps_and_case_included(seed):
    rnd = random.Random(seed)
    kws = {b"exec", b"execute", b"aaa", b"key", "\u0130".encode(), b"pass"}
    index = keywords.KeywordIndex(kws)
    alphabet = [b"a", b"A", b"exec", b"EXECUTE", b"ke", b"y", b"Key", b" ", b"\n", "\u0130".encode(),
                b"pa", b"ss", b"\xff"]
    text = b"".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 400)))
    limit = rnd.choice([1, 5, 64, 1000])
    assert index.find(text, limit) == _find_by_loops(index, text, limit)


def test_keyword_positions_past_the_event_cap_are_still_exact(monkeypatch):
    monkeypatch.setattr(keywords, "MAX_EVENTS", 10)  # the one-pass scan gives up: find loops
    index = keywords.KeywordIndex({b"aaa", b"key"})
    text = b"aaaa key " * 20
    assert index.find(text, 1000) == _find_by_loops(index, text, 1000)
    assert index.find(text, 30) == {b"aaa": None, b"key": _find_by_loops(index, text, 30)[b"key"]}


def test_has_condition_literals_gate_a_rule():
    has = rules.Condition("body", "has", None, '[(call function: (identifier) @f (#eq? @f "verify"))'
                          ' (call function: (attribute attribute: (identifier) @g)'
                          ' (#match? @g "^(validate|check_password)$"))] @x')
    assert prefilter.literal_groups([has]) == ((b"check_password", b"validate", b"verify"),)
    # a branch that pins nothing: no gate
    loose = rules.Condition("body", "has", None, '[(call function: (identifier) @f (#eq? @f "verify"))'
                            ' (call)] @x')
    assert prefilter.literal_groups([loose]) == ()
    # not-has says nothing about the text that is there
    assert prefilter.literal_groups([rules.Condition("body", "not-has", None, has.source)]) == ()


def test_top_level_alternation_predicates_count_per_branch():
    preds = querytext.pattern_predicates('[(a (b) @x (#eq? @x "one")) (c) @y] @z  (d (e) @w (#eq? @w "two"))')
    assert preds == [[("eq?", "x", ["one"])], [], [("eq?", "w", ["two"])]]
    # a quantified alternation is one pattern whose captures may be absent
    assert querytext.pattern_predicates('[(a (b) @x (#eq? @x "one"))]* @z') == [[]]


def test_the_exception_swallowing_rule_is_gated_and_python_walks_no_tree_for_all(bundled):
    pack = bundled.pack("python")
    assert "python-security-check-exception-ignored" in {g.rule.id for g in pack.gated}
    assert pack.query is None


def test_a_frequent_literal_means_its_nodes_not_the_whole_tree(bundled):
    """200 calls of eval among 3,000 other lines: eval's rule runs on the 200 call nodes."""
    lines = [b"x%d = helper(y, 'value %d')" % (i, i) for i in range(3000)]
    for i in range(0, 3000, 15):
        lines[i] = b"r%d = eval(data[%d])" % (i, i)
    source = b"\n".join(lines) + b"\n"
    tree = languages.parser("python").parse(source)
    pack = bundled.pack("python")
    places = dict(match._gated_places(pack, tree.root_node, source, None, lambda _: True))
    evals = [g for g in places if g.rule.id == "python-eval-dynamic"]
    assert evals, "the eval rule is a candidate"
    nodes = places[evals[0]]
    assert isinstance(nodes, list) and len(nodes) == 200
    assert all(n.type == "call" and n.text.startswith(b"eval(") for n in nodes)


def _all_python_fixtures() -> bytes:
    found = []
    for rf in rules.rule_files(rules.bundled_rules_dir()):
        for f in fixtures.fixtures_for(rf):
            if f.suffix == ".py" and f.is_file():
                found.append(f.read_bytes())
    return b"\n".join(found)


def test_a_large_file_with_frequent_literals_finds_what_ungated_rules_find(monkeypatch):
    """Every Python fixture in one file, three times: most literals occur more than 64
    times (the old per-keyword cap), each gated rule runs at many places."""
    gated = rules.load_rules([rules.bundled_rules_dir()])
    gated.compile_all()
    monkeypatch.setattr(prefilter, "literal_groups", lambda *args: ())
    ungated = rules.load_rules([rules.bundled_rules_dir()])
    data = _all_python_fixtures() * 3
    hits = gated.pack("python").gate_index.find(data, 10**6)
    assert sum(len(v) > 64 for v in hits.values()) > 20
    cfg = Config()
    key = lambda fs: sorted((f.rule_id, f.start_byte, f.end_byte, f.message) for f in fs)  # noqa: E731
    want = key(analyze(data, "all.py", ungated, cfg).findings)
    assert len(want) > 300
    assert key(analyze(data, "all.py", gated, cfg).findings) == want
    doc = IncrementalDocument(data, "all.py", "python", gated, cfg)
    mid = len(data) // 2
    doc.edit(mid, mid, b"\n")
    doc.edit(mid, mid + 1, b"")
    assert key(doc.analyze()) == want
