"""A whole rule regex -> its RE2 plan: the body (group 1 is the reported match), the context
characters around it, look-aheads at its start as checks, conditionals spelled out, and where
each of the pattern's groups is in RE2's numbering. See linear_regex.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .regex_translate import (Unsupported, _Emitter, _hoist, _Seq, _take_lead, _take_trail,
                              sre_c as _c, sre_parse as _sre)


@dataclass(frozen=True)
class Plan:
    body: str | bytes  # RE2 syntax; group 1 is the reported match
    lead: bool  # a context character before the match may have been consumed
    groupindex: dict  # as re.compile(pattern).groupindex and .groups
    groups: int
    # Look-aheads at the start of the match, checked there after RE2 finds it: (positive,
    # RE2 body, the pattern's group numbers inside it in RE2's order). A match failing one is
    # dropped and the search resumes one character on, as Python's engine would go on.
    checks: tuple = ()
    main_groups: tuple = ()  # the pattern's group numbers in the body, in RE2's order (from 2)


def plan(pattern, flags: int, boolean: bool = False) -> Plan:
    is_bytes = isinstance(pattern, bytes)
    text = pattern.decode("latin-1") if is_bytes else pattern
    parsed = _sre.parse(text, flags | (re.ASCII if is_bytes else 0))
    flags = parsed.state.flags
    groups = (dict(parsed.state.groupdict), parsed.state.groups - 1)
    emit = _Emitter(is_bytes, boolean)
    if boolean:
        # only "is there a match" is asked: edges inside alternatives count too
        out = emit.seq(list(parsed.data), flags, lead=True, tail=True)
        return Plan(out.encode("latin-1") if is_bytes else out, False, *groups)
    items = _hoist(list(parsed.data))
    pre, items = _take_lead(items, flags, emit)
    checks, items = _take_checks(items, flags, emit)
    items = _distribute_conditional(items)
    post, items = _take_trail(items, flags, emit)
    out = f"{pre or ''}({emit.seq(items, flags)}){post or ''}"
    enc = (lambda x: x.encode("latin-1")) if is_bytes else (lambda x: x)
    return Plan(enc(out), bool(pre), *groups, tuple((pos, enc(body), gids) for pos, body, gids in checks),
                tuple(_group_ids(items)))


def _take_checks(items, flags, emit):
    r"""Look-aheads at the start of the match (after anchors), as checks: ``(?=mysql|redis)``,
    ``(?=(?P<name>[\w-]+))``, ``^(?=.*password=)(?!.*jdbc:)``."""
    checks, kept = [], []
    while items and (items[0][0] == _c.AT or (items[0][0] in (_c.ASSERT, _c.ASSERT_NOT)
                                              and items[0][1][0] == 1)):
        op, av = items[0]
        if op == _c.AT:
            kept.append(items[0])
        else:
            sub = list(av[1].data)
            checks.append((op == _c.ASSERT, emit.seq(sub, flags), _group_ids(sub)))
        items = items[1:]
    if checks and len(items) == 0:
        raise Unsupported("only look-aheads")
    return checks, kept + items


def _distribute_conditional(items):
    """``(?:(?P<g>A)|B) M (?(g)Y|N) R`` -> ``(?:A M Y|B M N) R``: a condition on which
    alternative matched, spelled out. Groups then appear twice; the one that took part counts."""
    for j, (op, av) in enumerate(items):
        if op != _c.GROUPREF_EXISTS:
            continue
        gid, yes, no = av
        tails = (list(yes.data), list(no.data) if no is not None else [])
        owner = next((i for i in range(j) if gid in _group_ids([items[i]])), None)
        if owner is None:
            raise Unsupported("a conditional group")
        # only the item that sets the group is split: the items before it keep their order
        variants = _split_item(items[owner], gid)
        middle = items[owner + 1:j]
        alts = [_Seq(seq + middle + tails[0 if has else 1]) for seq, has in variants]
        return items[:owner] + [(_c.BRANCH, (None, alts))] + _distribute_conditional(items[j + 1:])
    return items


def _split_seq(items, gid):
    """``items`` as alternatives, each known to set group ``gid`` or not: [(items, sets)]."""
    for i, item in enumerate(items):
        if gid in _group_ids([item]):
            return [(items[:i] + seq + items[i + 1:], has) for seq, has in _split_item(item, gid)]
    return [(items, False)]


def _split_item(item, gid):
    op, av = item
    if op == _c.SUBPATTERN:
        g, add, dele, sub = av
        if g == gid:
            return [([item], True)]
        return [([(_c.SUBPATTERN, (g, add, dele, _Seq(seq)))], has)
                for seq, has in _split_seq(list(sub.data), gid)]
    if op == _c.BRANCH:
        return [v for alt in av[1] for v in _split_seq(list(alt.data), gid)]
    raise Unsupported("a conditional on a group inside a repetition")


def _group_ids(items) -> list[int]:
    """Capturing groups in the order their parentheses open."""
    out = []
    for op, av in items:
        if op == _c.SUBPATTERN:
            if av[0]:
                out.append(av[0])
            subs = [av[3]]
        elif op == _c.BRANCH:
            subs = av[1]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            subs = [av[2]]
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            subs = [av[1]]
        else:
            subs = []
        for sub in subs:
            out.extend(_group_ids(list(sub.data)))
    return out
