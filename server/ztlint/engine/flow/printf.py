"""What a formatting template does to each value it formats: ``%r`` and ``{!r}`` escape it
(repr), ``%d`` and ``{:.2f}`` only accept numbers. A value formatted so is safe for text sinks
whatever it held: a line break cannot survive ``repr`` and a number has none."""

from __future__ import annotations

import string

from . import ir

ESCAPED = "repr"  # repr() escapes control characters and quotes
NUMBER = "int"  # the value must be a number (a str raises TypeError)
TEXT = ""  # str(): the value as it is

_NUMERIC = frozenset("diouxXeEfFgG")  # not %c: it takes a one-character string too
_SPEC_NUMERIC = frozenset("bdoxXneEfFgG%")


def percent(template: str) -> list[tuple[str | None, str]] | None:
    """(mapping key or None, ESCAPED/NUMBER/TEXT) per value ``template % values`` consumes, in
    order; a ``*`` width or precision consumes a value of its own. None when malformed."""
    out: list[tuple[str | None, str]] = []
    i, n = 0, len(template)
    while i < n:
        j = template.find("%", i)
        if j < 0 or j + 1 >= n:
            return out if j < 0 else None
        i = j + 1
        if template[i] == "%":
            i += 1
            continue
        key = None
        if template[i] == "(":
            close = template.find(")", i)
            if close < 0:
                return None
            key, i = template[i + 1:close], close + 1
        while i < n and template[i] in "#0- +*.0123456789hlL":
            if template[i] == "*":
                out.append((None, NUMBER))
            i += 1
        if i >= n:
            return None
        c = template[i]
        out.append((key, ESCAPED if c in "ra" else NUMBER if c in _NUMERIC else TEXT))
        i += 1
    return out


def braces(template: str) -> list[tuple[str, str]] | None:
    """(field name, ESCAPED/NUMBER/TEXT) per replacement field of a ``str.format`` template;
    automatic numbering is resolved to "0", "1" ... None when malformed."""
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError:
        return None
    out, auto = [], 0
    for _literal, name, spec, conv in fields:
        if name is None:
            continue
        if name == "":
            name, auto = str(auto), auto + 1
        out.append((name, conversion(conv, spec)))
    return out


def conversion(conv: str | None, spec: str | None) -> str:
    """For ``{x!conv:spec}``: ``!r``/``!a`` escape, a numeric presentation type needs a number."""
    if conv in ("r", "a"):
        return ESCAPED
    if spec and spec[-1] in _SPEC_NUMERIC and "{" not in spec:
        return NUMBER
    return TEXT


def by_name(uses) -> dict[str, str]:
    """(name, how) pairs -> the one way each name is formatted; a name formatted in several
    ways (``%(x)r ... %(x)s``) keeps its text (TEXT)."""
    seen: dict[str, set] = {}
    for name, how in uses:
        seen.setdefault(name, set()).add(how)
    return {name: next(iter(h)) if len(h) == 1 else TEXT for name, h in seen.items()}


def apply(value: ir.Expr, how: str) -> ir.Expr:
    """``value`` as the template formats it: wrapped in the builtin that has the same effect."""
    if how == TEXT:
        return value
    return ir.Call(ir.Name(how, value.span), [value], {}, value.span)
