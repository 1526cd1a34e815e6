"""How formatting templates treat the values they format (engine/flow/printf.py)."""

from ztlint.engine.flow import printf

E, N, T = printf.ESCAPED, printf.NUMBER, printf.TEXT


def test_percent_conversions_in_order():
    assert printf.percent("user %s, %r, %d tries, %.2f%%, %c") == [
        (None, T), (None, E), (None, N), (None, N), (None, T)]


def test_percent_star_width_takes_a_value_of_its_own():
    assert printf.percent("%*s|%-*.*r") == [(None, N), (None, T), (None, N), (None, N), (None, E)]


def test_percent_mapping_keys():
    assert printf.percent("%(user)r on %(host)s") == [("user", E), ("host", T)]


def test_percent_malformed_or_empty():
    assert printf.percent("100%") is None
    assert printf.percent("%(user") is None
    assert printf.percent("no values") == []


def test_braces_automatic_and_named_fields():
    assert printf.braces("{} {!r} {n:d} {0:>10} {x.y!a} {:.3f}") == [
        ("0", T), ("1", E), ("n", N), ("0", T), ("x.y", E), ("2", N)]


def test_braces_malformed():
    assert printf.braces("{unclosed") is None


def test_by_name_keeps_text_when_uses_disagree():
    assert printf.by_name([("x", E), ("y", N), ("x", E), ("z", E), ("z", T)]) == {
        "x": E, "y": N, "z": T}
