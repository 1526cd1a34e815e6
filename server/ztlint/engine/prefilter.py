"""Literal prefilter for tree rules: strings a file must contain for a rule to match it.

A rule whose positive condition needs a capture to equal ``pickle``, be one of ``{eval, exec}``
or match ``^(?:requests|httpx)\\.get$`` cannot match a file that contains none of those
strings, so its query need not run there. ``required_literals`` works that out for a regular
expression, the way code-search engines pick trigram filters: walk the parsed expression,
keep the exact strings a piece can match while that set stays small, and fall back to "some
match contains one of these" where it grows or becomes unknown. The answer is only ever a
filter: when in doubt it says nothing (None), and the rule always runs.
"""

from __future__ import annotations

# CPython's own regex parser (public as sre_parse before 3.11). It is internal: should a future
# Python move or reshape it, every answer here becomes "nothing known" and every rule simply
# runs everywhere, slower but never wrong.
try:
    import re._parser as _sre
    from re._constants import (ASSERT, ASSERT_NOT, AT, BRANCH, IN, LITERAL, MAX_REPEAT,
                               MIN_REPEAT, SUBPATTERN)
except ImportError:  # pragma: no cover - Python 3.10
    try:
        import sre_parse as _sre
        from sre_constants import (ASSERT, ASSERT_NOT, AT, BRANCH, IN, LITERAL, MAX_REPEAT,
                                   MIN_REPEAT, SUBPATTERN)
    except ImportError:
        _sre = None

import re

from . import querytext

# Bigger exact sets are not worth carrying through a concatenation (products explode).
_MAX_EXACT = 64
# A required string shorter than this occurs almost everywhere: no use as a filter.
_MIN_LEN = 3
_MAX_CLASS = 4  # a character class of up to this many characters expands to its members

Literals = frozenset[str]


class _Info:
    """What a piece of a regex can match: ``exact`` (every string it matches, when known and
    small) and ``need`` (a set some substring of every match belongs to; None: unknown)."""

    __slots__ = ("exact", "need")

    def __init__(self, exact: Literals | None = None, need: Literals | None = None):
        self.exact = exact
        self.need = need

    def required(self) -> Literals | None:
        if self.exact is not None:
            return _usable(self.exact)
        return self.need


def _usable(strings: Literals | None) -> Literals | None:
    if not strings or min(len(s) for s in strings) < _MIN_LEN:
        return None
    return _minimal(strings)


def _minimal(strings: Literals) -> Literals:
    """Drop strings that contain another member: finding the shorter one is enough."""
    by_len = sorted(strings, key=len)
    kept: list[str] = []
    for s in by_len:
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


def _better(a: Literals | None, b: Literals | None) -> Literals | None:
    """The more selective of two filters: longer shortest string, then fewer strings."""
    if a is None:
        return b
    if b is None:
        return a
    score = lambda s: (min(len(x) for x in s), -len(s))  # noqa: E731
    return a if score(a) >= score(b) else b


def _concat(parts: list[_Info]) -> _Info:
    exact: Literals = frozenset({""})
    best: Literals | None = None
    whole = True  # is `exact` still every string the concatenation can match?
    for part in parts:
        if part.exact is not None and len(exact) * len(part.exact) <= _MAX_EXACT:
            exact = frozenset(a + b for a in exact for b in part.exact)
            continue
        # the run of exact pieces ends here: every match contains one of its strings
        best = _better(best, _usable(exact))
        whole = False
        if part.exact is not None:
            exact = part.exact
        else:
            best = _better(best, part.need)
            exact = frozenset({""})
    if whole:
        return _Info(exact=exact)
    return _Info(need=_better(best, _usable(exact)))


def _branch(alternatives: list[_Info]) -> _Info:
    if all(a.exact is not None for a in alternatives):
        union = frozenset().union(*(a.exact for a in alternatives))
        if len(union) <= _MAX_EXACT:
            return _Info(exact=union)
    needs = [a.required() for a in alternatives]
    if any(n is None for n in needs):
        return _Info()
    return _Info(need=_minimal(frozenset().union(*needs)))


def _class(items) -> _Info:
    chars = []
    for op, av in items:
        if op is not LITERAL:
            return _Info()
        chars.append(chr(av))
    return _Info(exact=frozenset(chars)) if 0 < len(chars) <= _MAX_CLASS else _Info()


def _walk(sub) -> _Info:
    parts = []
    for op, av in sub:
        if op is LITERAL:
            parts.append(_Info(exact=frozenset({chr(av)})))
        elif op is IN:
            parts.append(_class(av))
        elif op is SUBPATTERN:  # (?i:...) needs nothing special: literals are looked up caselessly
            parts.append(_walk(av[3]))
        elif op is BRANCH:
            parts.append(_branch([_walk(alt) for alt in av[1]]))
        elif op in (MAX_REPEAT, MIN_REPEAT):
            lo, hi, item = av
            inner = _walk(item)
            if lo == 0:
                if hi == 1 and inner.exact is not None:
                    parts.append(_Info(exact=inner.exact | {""}))
                else:
                    parts.append(_Info(exact=frozenset({""})) if hi == 0 else _Info())
            elif lo == hi == 1:
                parts.append(inner)
            else:  # one or more: every match holds at least one copy of the item
                parts.append(_Info(need=inner.required()))
        elif op in (AT, ASSERT, ASSERT_NOT):
            parts.append(_Info(exact=frozenset({""})))  # zero-width: adds nothing, needs nothing
        else:  # ANY, categories, NOT_LITERAL, backreferences ...: unknown text
            parts.append(_Info())
    return _concat(parts)


def required_literals(pattern: str, flags: int = 0) -> Literals | None:
    """Strings of which every match of ``pattern`` contains at least one (lower-cased when the
    pattern ignores case), or None when no useful set exists."""
    try:
        found = _walk(_sre.parse(pattern, flags)).required()
    except Exception:  # noqa: BLE001 - a bad pattern, or a parser we do not know: no filter
        return None
    if found is None:
        return None
    if caseless(pattern, flags):
        found = frozenset(s.lower() for s in found)
    return found


# Non-ASCII characters that Python's IGNORECASE matching equates with ASCII letters (İ ı ~ i,
# ſ ~ s, K ~ k; tests/test_prefilter.py checks the list is complete). An ASCII-caseless
# search for `pass` misses `paſs`, which `(?i)pass` matches; a group from a caseless regex also
# accepts these characters, which then lie inside the matched text themselves.
FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
_MARKERS = tuple(sorted(c.encode("utf-8") for c in FOLDS_TO_ASCII))


def caseless(pattern: str, flags: int = 0) -> bool:
    """Does any part of the pattern match ignoring case with Unicode rules?"""
    try:
        parsed = _sre.parse(pattern, flags)
        if (flags | parsed.state.flags) & re.ASCII:
            return False
        return bool((flags | parsed.state.flags) & re.IGNORECASE) or _has_caseless_group(parsed)
    except Exception:  # noqa: BLE001 - unknown: assume it may ignore case
        return True


def _has_caseless_group(sub) -> bool:
    for op, av in sub:
        if op is SUBPATTERN and (av[1] & re.IGNORECASE or _has_caseless_group(av[3])):
            return True
        if op is BRANCH and any(_has_caseless_group(alt) for alt in av[1]):
            return True
        if op in (MAX_REPEAT, MIN_REPEAT) and _has_caseless_group(av[2]):
            return True
        if op in (ASSERT, ASSERT_NOT) and _has_caseless_group(av[1]):
            return True
    return False



def literal_groups(conditions, query: str | None = None) -> tuple[tuple[bytes, ...], ...]:
    """For a rule: groups of lower-cased strings such that text the rule matches holds one
    string of every group. Positive text conditions count (a capture must exist and pass
    them), `has` conditions (their match lies inside the capture, so its pinned strings do
    too), and the query's own predicates on captures every match has; strings that are short
    or not ASCII are not worth the risk."""
    groups = []
    for c in conditions:
        folds = False
        if c.kind == "has" and c.source is not None:
            found, folds = _query_group(c.source)
        elif c.kind == "regex":
            found = required_literals(c.value.pattern, c.value.flags)
            folds = caseless(c.value.pattern, c.value.flags)
        elif c.kind == "equals":
            found = frozenset({c.value})
        elif c.kind == "any-of":
            found = frozenset(c.value)
        else:
            continue
        if _fit(found):
            groups.append(_encode(found, folds))
    if query is not None:
        found, folds = _query_group(query)
        if found is not None:
            groups.append(_encode(found, folds))
    return tuple(groups)


def _fit(found: Literals | None) -> bool:
    return bool(found) and all(len(x) >= _MIN_LEN and x.isascii() for x in found)


def _encode(found: Literals, folds: bool) -> tuple[bytes, ...]:
    encoded = {x.lower().encode("ascii") for x in found}
    return tuple(sorted(encoded | set(_MARKERS) if folds else encoded))


def _query_group(query: str) -> tuple[Literals | None, bool]:
    """Strings one of which every match of the query holds, from its predicates (each
    top-level pattern must pin some capture it always has), and whether some are caseless."""
    union: set[str] = set()
    folds = False
    for preds in querytext.pattern_predicates(query):
        best, best_folds = None, False
        for name, _, args in preds:
            if name in ("eq?", "any-eq?") and len(args) == 1:
                found, fold = frozenset(args), False
            elif name in ("match?", "any-match?") and len(args) == 1:
                found, fold = required_literals(args[0]), caseless(args[0])
            elif name == "any-of?" and args:
                found, fold = frozenset(args), False
            else:
                continue
            if _fit(found) and _better(best, found) is found:
                best, best_folds = found, fold
        if best is None:
            return None, False
        union |= best
        folds |= best_folds
    return (_minimal(frozenset(union)), folds) if union else (None, False)
