"""The public prefix of a secret format, read from its rule's regex: the literal text every match
of the secret group starts with (``ghp_``, ``AKIA``, ``xoxb-``, ``sk_live_``). Redaction shows
that and nothing of the random part (see ``secrets.redact``)."""

from __future__ import annotations

import functools

try:
    import re._parser as _sre
    from re._constants import ASSERT, ASSERT_NOT, BRANCH, IN, LITERAL, SUBPATTERN
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre
    from sre_constants import ASSERT, ASSERT_NOT, BRANCH, IN, LITERAL, SUBPATTERN

_MAX = 64        # alternatives carried at most (gh[pousr]_ is 5)
_MAX_CLASS = 6   # a class of up to this many single characters expands to its members
_MIN_LEN = 3     # shorter literal starts (a quote, "sk") say nothing about a format


def _prefixes(items) -> tuple[set[str], bool]:
    """(literal prefixes, whether they cover the whole of ``items``)."""
    out = {""}
    for op, av in items:
        if op in (ASSERT, ASSERT_NOT):
            continue  # zero-width: matches nothing
        if op is LITERAL:
            step = {chr(av)}
        elif op is IN and len(av) <= _MAX_CLASS and all(o is LITERAL for o, _ in av):
            step = {chr(v) for _, v in av}
        elif op is SUBPATTERN:
            step, whole = _prefixes(av[-1])
            out = {p + s for p in out for s in step}
            if not whole or len(out) > _MAX:
                return out, False
            continue
        elif op is BRANCH:
            parts = [_prefixes(b) for b in av[1]]
            out = {p + s for p in out for found, _ in parts for s in found}
            if not all(w for _, w in parts) or len(out) > _MAX:
                return out, False
            continue
        else:
            return out, False
        out = {p + s for p in out for s in step}
        if len(out) > _MAX:
            return out, False
    return out, True


def _find_group(items, index: int):
    for op, av in items:
        if op is SUBPATTERN:
            if av[0] == index:
                return av[-1]
            found = _find_group(av[-1], index)
        elif op is BRANCH:
            found = next((f for b in av[1] if (f := _find_group(b, index)) is not None), None)
        else:
            continue
        if found is not None:
            return found
    return None


@functools.lru_cache(maxsize=2048)
def public_prefixes(pattern: str, group: str) -> tuple[str, ...]:
    """Literal starts of ``group`` in ``pattern``, longest first; () when it has none."""
    try:
        parsed = _sre.parse(pattern)
        index = parsed.state.groupdict.get(group) if hasattr(parsed, "state") else None
    except Exception:  # noqa: BLE001 - only ever a display aid
        return ()
    items = _find_group(list(parsed), index) if index else None
    if items is None:
        return ()
    found, _ = _prefixes(items)
    return tuple(sorted((p for p in found if len(p) >= _MIN_LEN), key=len, reverse=True))
