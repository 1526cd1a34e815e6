"""A condition regex with lookarounds as and/or/not of regexes RE2 can run.

A condition only asks "is there a match". Where a lookaround sits at a fixed distance from
an anchored start, that question splits exactly: ``^P(?=X)R`` (``P`` of fixed width) holds
when ``^PX`` and ``^PR`` both match, and ``^P(?!X)R`` when ``^PR`` matches and ``^PX`` does
not. Alternatives split into "or" (``A|B``), and an optional item before such a lookaround is
tried both ways. The parts then translate as usual (regex_translate.py). This gives rule
authors a linear-time way to say "and" and "not": ``^(?=.*a)(?!.*b)``.
"""

from __future__ import annotations

import re

from .regex_translate import Unsupported, _Emitter, _lookaround_class, sre_c as _c, sre_parse as _sre

_MAX_PARTS = 64  # distributing alternatives multiplies parts: keep it small


def tree(pattern, flags: int = 0):
    """("re", body) | ("and", [trees]) | ("or", [trees]) | ("not", tree); RE2 syntax bodies."""
    is_bytes = isinstance(pattern, bytes)
    text = pattern.decode("latin-1") if is_bytes else pattern
    parsed = _sre.parse(text, flags | (re.ASCII if is_bytes else 0))
    emit = _Emitter(is_bytes, boolean=True)
    out = _split([(item, parsed.state.flags) for item in parsed.data], emit, parsed.state, [0])
    return _encode(out) if is_bytes else out


def _encode(node):
    kind, value = node
    if kind == "re":
        return kind, value.encode("latin-1")
    if kind == "not":
        return kind, _encode(value)
    return kind, [_encode(v) for v in value]


def _count(budget: list) -> None:
    budget[0] += 1
    if budget[0] > _MAX_PARTS:
        raise Unsupported("too many parts")


def _split(pairs, emit, state, budget):
    try:
        _count(budget)
        return "re", _leaf(pairs, emit)
    except Unsupported:
        pass
    pairs = _flatten(pairs)
    if len(pairs) == 1 and pairs[0][0][0] == _c.BRANCH:
        item, flags = pairs[0]
        return "or", [_split([(x, flags) for x in alt.data], emit, state, budget) for alt in item[1][1]]
    if pairs and pairs[0][0] in ((_c.AT, _c.AT_BEGINNING_STRING), (_c.AT, _c.AT_BEGINNING)) \
            and not pairs[0][1] & re.MULTILINE:
        return _anchored(pairs, emit, state, budget)
    raise Unsupported("a lookaround away from an anchored start")


def _flatten(pairs):
    """Groups opened into the sequence (a group changes no yes/no answer), flags carried."""
    out = []
    for item, flags in pairs:
        op, av = item
        if op == _c.SUBPATTERN:
            _, add, dele, sub = av
            out.extend(_flatten([(x, (flags | add) & ~dele) for x in sub.data]))
        else:
            out.append((item, flags))
    return out


def _fixed(state, pairs) -> bool:
    lo, hi = _sre.SubPattern(state, [item for item, _ in pairs]).getwidth()
    return lo == hi


def _has_lookaround(items) -> bool:
    for op, av in items:
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            return True
        subs = (av[1] if op == _c.BRANCH else [av[3]] if op == _c.SUBPATTERN
                else [av[2]] if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) else [])
        if any(_has_lookaround(list(s.data)) for s in subs):
            return True
    return False


def _anchored(pairs, emit, state, budget):
    """``^`` ... : lookaheads at a fixed width from the start become parts of an "and"."""
    prefix, terms = [pairs[0]], []
    for i in range(1, len(pairs)):
        item, flags = pairs[i]
        op, av = item
        rest = pairs[i + 1:]
        later = _has_lookaround([x for x, _ in rest])
        if op in (_c.ASSERT, _c.ASSERT_NOT) and av[0] == 1 and _fixed(state, prefix):
            part = _split(prefix + [(x, flags) for x in av[1].data], emit, state, budget)
            terms.append(part if op == _c.ASSERT else ("not", part))
            continue
        if op == _c.BRANCH and (later or _has_lookaround([item])) and _fixed(state, prefix):
            return _join(terms, ("or", [_split(prefix + [(x, flags) for x in alt.data] + rest, emit, state, budget)
                                        for alt in av[1]]))
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == 0 and av[1] == 1 and later \
                and _fixed(state, prefix):
            body = [(x, flags) for x in av[2].data]
            return _join(terms, ("or", [_split(prefix + body + rest, emit, state, budget),
                                        _split(prefix + rest, emit, state, budget)]))
        prefix.append(pairs[i])
    _count(budget)
    return _join(terms, ("re", _leaf(prefix, emit)))


def _join(terms, last):
    return ("and", terms + [last]) if terms else last


def _leaf(pairs, emit) -> str:
    """One sequence in RE2 syntax (each item with its own flags); one-character lookarounds
    at its ends become context, as in regex_translate."""
    pairs = list(pairs)
    lead = trail = ""
    conds = []
    while pairs and pairs[0][0][0] in (_c.ASSERT, _c.ASSERT_NOT):
        found = _lookaround_class(pairs[0][0], True, pairs[0][1], emit)
        if found is None:
            raise Unsupported("a lookaround inside the match")
        conds.append(found)
        pairs.pop(0)
    if conds:
        lead = emit.context(conds, start=True)
    conds = []
    while pairs and pairs[-1][0][0] in (_c.ASSERT, _c.ASSERT_NOT):
        found = _lookaround_class(pairs[-1][0], False, pairs[-1][1], emit)
        if found is None:
            raise Unsupported("a lookaround inside the match")
        conds.append(found)
        pairs.pop()
    if conds:
        trail = emit.context(conds, start=False)
    elif pairs and pairs[-1][0] == (_c.AT, _c.AT_END) and not pairs[-1][1] & re.MULTILINE:
        pairs.pop()
        trail = r"(?:\n?\z)"  # Python's `$`: the end, or before a final newline
    last = len(pairs) - 1
    return lead + "".join(emit.item(item, flags, i == 0, i == last)
                          for i, (item, flags) in enumerate(pairs)) + trail
