"""A budgeted parse (read through a callback, so it can be stopped) must still give a tree
that holds its text: otherwise every query predicate and Node.text calls back into Python."""

import sys

import tree_sitter

from ztlint.engine import analyze, languages


def _python_calls_during(fn, *args):
    """(fn(*args), how many times it called back into ztlint's parse code)."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event == "call" and frame.f_code.co_filename == analyze.__file__:
            calls += 1
    sys.setprofile(count)
    try:
        result = fn(*args)
    finally:
        sys.setprofile(None)
    return result, calls


def test_budgeted_parse_matches_predicates_without_calling_back_into_python():
    text = b"".join(b"x%d = foo(y%d)\n" % (i, i) for i in range(300))
    parser = languages.parser("python")
    tree = analyze.parse_text(parser, text, seconds=30.0)
    query = tree_sitter.Query(languages.grammar("python"), '((identifier) @x (#eq? @x "foo"))')
    found, calls = _python_calls_during(tree_sitter.QueryCursor(query).matches, tree.root_node)
    assert len(found) == 300
    assert calls == 0  # before: the read callback once per predicate (900 calls)


def test_budgeted_parse_gives_the_same_tree_and_reuses_an_old_one():
    text = b"def f(a):\n    return eval(a)\n" * 50
    parser = languages.parser("python")
    plain = parser.parse(text)
    budgeted = analyze.parse_text(parser, text, seconds=30.0)
    assert str(budgeted.root_node) == str(plain.root_node)
    assert budgeted.root_node.text == text
    edited = text.replace(b"eval", b"exec", 1)
    old = budgeted.copy()
    old.edit(start_byte=21, old_end_byte=25, new_end_byte=25, start_point=(1, 11),
             old_end_point=(1, 15), new_end_point=(1, 15))
    again = analyze.parse_text(parser, edited, old, seconds=30.0)
    assert str(again.root_node) == str(parser.parse(edited).root_node)
    assert [(r.start_byte, r.end_byte) for r in old.changed_ranges(again)] == [(21, 25)]
