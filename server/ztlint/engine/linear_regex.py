"""Rule regexes on a linear-time engine (RE2), with Python ``re`` semantics.

A backtracking engine takes quadratic or exponential time on some inputs (a 50 KB line made a
bundled rule run for 15 s). RE2 never backtracks, and with its default (leftmost-first)
semantics it picks the same match as Python for patterns without lookarounds or
backreferences. Rule regexes are written for Python, so each is translated from Python's own
parse of it (``re._parser``: verbose mode, inline flags and named groups are resolved there):
classes are spelled out exactly as Python's bytes/str mode reads them, and a lookaround that
tests one character at the edge of the match (``(?<![\\w-])`` before it, ``(?![A-Za-z0-9])``
after it, ``$``) becomes one consumed *context* character outside the reported group. The
search then resumes so that the consumed context can serve the next match too.

A pattern that cannot be translated (a lookaround inside the match, a backreference) runs on
Python ``re``. That is linear too when its work per start position is provably bounded (no
unbounded and no nested repetition). Otherwise :func:`compile` raises :class:`NotLinear`,
unless the pattern is *trusted* (a bundled rule): those run on Python ``re`` line by line,
and the engine skips lines too long to check in bounded time, with a note (see match.py).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import re2

try:
    import re._parser as _sre
    from re import _constants as _c
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _sre

_MAXREPEAT = _c.MAXREPEAT
_RE2_MAX_COUNT = 1000  # RE2 refuses larger repetition counts
_BYTES_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_BYTES_SPACE = frozenset(b" \t\n\r\f\v")
_BYTES_DIGIT = frozenset(b"0123456789")
_ALL_BYTES = frozenset(range(256))
# Python's \s in str mode (str.isspace()), listed: RE2's \s is ASCII only.
_UNI_SPACE = r"\t\n\x0b\x0c\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
_UNI_CLASS = {
    _c.CATEGORY_DIGIT: (False, r"\p{Nd}"), _c.CATEGORY_NOT_DIGIT: (True, r"\p{Nd}"),
    _c.CATEGORY_SPACE: (False, _UNI_SPACE), _c.CATEGORY_NOT_SPACE: (True, _UNI_SPACE),
    _c.CATEGORY_WORD: (False, r"\p{L}\p{N}_"), _c.CATEGORY_NOT_WORD: (True, r"\p{L}\p{N}_"),
}


class NotLinear(ValueError):
    """The pattern needs backtracking and its work per position is not bounded."""


class _Unsupported(Exception):
    pass


class Match:
    """The slice of ``re.Match`` the engine uses: group, span, start, end, groupdict."""

    __slots__ = ("_spans", "_text", "_names")

    def __init__(self, spans, text, names):
        self._spans = spans
        self._text = text
        self._names = names

    def _index(self, group) -> int:
        return self._names[group] if isinstance(group, str) else group

    def span(self, group=0) -> tuple[int, int]:
        return self._spans[self._index(group)]

    def start(self, group=0) -> int:
        return self.span(group)[0]

    def end(self, group=0) -> int:
        return self.span(group)[1]

    def group(self, group=0):
        s, e = self.span(group)
        return None if s < 0 else self._text[s:e]

    def __getitem__(self, group):
        return self.group(group)

    def groupdict(self) -> dict:
        return {name: self.group(i) for name, i in self._names.items()}


@dataclass(frozen=True)
class _Plan:
    body: str | bytes  # RE2 syntax; group 1 is the reported match
    lead: bool  # a context character before the match may have been consumed


class LinearRegex:
    """A compiled rule regex. ``pattern``, ``flags`` and ``groupindex`` are the original's."""

    def __init__(self, pattern, flags: int = 0, trusted: bool = False, boolean: bool = False):
        self.pattern = pattern
        self.flags = flags
        self._py = re.compile(pattern, flags)
        self.groupindex = dict(self._py.groupindex)
        self.groups = self._py.groups
        self._bytes = isinstance(pattern, bytes)
        self._boolean = boolean
        try:
            plan = _plan(pattern, flags, boolean)
            options = re2.Options()
            options.max_mem = 64 << 20
            options.log_errors = False  # a refused pattern is expected: it goes to Python
            if self._bytes:
                options.encoding = re2.Options.Encoding.LATIN1
            self._re2 = re2.compile(plan.body, options)
            self._lead = plan.lead
            self.linear = True
        except (_Unsupported, re2.error) as exc:
            reason = bounded_work_problem(pattern, flags)
            if reason is not None and not trusted:
                raise NotLinear(f"regex needs backtracking ({exc}) and {reason}: "
                                "not linear-time") from None
            self._re2 = None
            # a backtracking pattern with bounded work per position is linear too
            self.linear = reason is None

    def search(self, text, pos: int = 0, endpos: int | None = None) -> Match | re.Match | None:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        if self._re2 is None:
            return self._py.search(text, pos, endpos)
        return self._search(text, pos, endpos)

    def finditer(self, text, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else min(endpos, len(text))
        if self._re2 is None:
            yield from self._py.finditer(text, pos, endpos)
            return
        while pos <= endpos:
            m = self._search(text, pos, endpos)
            if m is None:
                return
            yield m
            s, e = m.span()
            pos = e if e > s else e + 1

    def _search(self, text, pos: int, endpos: int) -> Match | None:
        # Python treats endpos as the end of the text (for $, \b and lookaheads); RE2 would
        # look past it, so it gets a view that ends there. A lookbehind sees before pos in
        # both: start one character early so a context character there can be consumed.
        view = memoryview(text)[:endpos] if self._bytes and endpos < len(text) else (
            text[:endpos] if endpos < len(text) else text)
        start = pos - 1 if self._lead and pos > 0 else pos
        m = self._re2.search(view, start)
        if m is None:
            return None
        if self._boolean:
            return Match([m.span()], text, {})
        spans = [m.span(i + 1) for i in range(self.groups + 1)]
        return Match(spans, text, self.groupindex)


@functools.lru_cache(maxsize=2048)  # rules repeat patterns; a matcher is immutable
def compile(pattern, flags: int = 0, trusted: bool = False,  # noqa: A001
            boolean: bool = False) -> LinearRegex:
    """A matcher for ``pattern``; raises re.error (invalid) or NotLinear (not linear-time and
    not ``trusted``). A ``boolean`` matcher only answers whether there is a match (search()
    is truthy or None); its spans are not meaningful."""
    return LinearRegex(pattern, flags, trusted, boolean)


# ---------------------------------------------------------------------------------------------
# Translation

def _plan(pattern, flags: int, boolean: bool = False) -> _Plan:
    is_bytes = isinstance(pattern, bytes)
    text = pattern.decode("latin-1") if is_bytes else pattern
    parsed = _sre.parse(text, flags | (re.ASCII if is_bytes else 0))
    flags = parsed.state.flags
    emit = _Emitter(is_bytes, boolean)
    if boolean:
        # only "is there a match" is asked: edges inside alternatives count too
        out = emit.seq(list(parsed.data), flags, lead=True, tail=True)
        return _Plan(out.encode("latin-1") if is_bytes else out, False)
    pre, body, post = _edges(list(parsed.data), flags, emit)
    out = f"{pre}({body}){post}"
    return _Plan(out.encode("latin-1") if is_bytes else out, bool(pre))


def _edges(items, flags, emit) -> tuple[str, str, str]:
    """(leading context, body, trailing context) of one sequence, in RE2 syntax."""
    items = _hoist(items)
    lead, items = _take_lead(items, flags, emit)
    trail, items = _take_trail(items, flags, emit)
    return lead or "", emit.seq(items, flags), trail or ""


def _is_lookbehind(item, positive=None) -> bool:
    op, av = item
    if op not in (_c.ASSERT, _c.ASSERT_NOT) or av[0] != -1:
        return False
    return positive is None or (op == _c.ASSERT) == positive


def _hoist(items: list) -> list:
    """``PREFIX(?<![c]PREFIX)`` -> ``(?<![c])PREFIX`` (the same test, written so a literal
    prefix leads for Python's optimiser), and zero-width items at the edge of a leading or
    trailing group moved out of it (a zero-width item does not change the group's span)."""
    items = [_hoist_inner(it) for it in _prefix_lookbehind(items)]
    if items and items[0][0] == _c.SUBPATTERN:
        gid, add, dele, sub = items[0][1]
        inner = list(sub.data)
        moved = []
        while inner and _zero_width(inner[0]) and not add and not dele:
            moved.append(inner.pop(0))
        if moved:
            items = moved + [(_c.SUBPATTERN, (gid, add, dele, _Seq(inner)))] + items[1:]
    if items and items[-1][0] == _c.SUBPATTERN:
        gid, add, dele, sub = items[-1][1]
        inner = list(sub.data)
        moved = []
        while inner and _zero_width(inner[-1]) and not add and not dele and inner[-1][0] != _c.AT:
            moved.insert(0, inner.pop())
        if moved:
            items = items[:-1] + [(_c.SUBPATTERN, (gid, add, dele, _Seq(inner)))] + moved
    return items


def _hoist_inner(item):
    op, av = item
    if op != _c.SUBPATTERN:
        return item
    gid, add, dele, sub = av
    return (_c.SUBPATTERN, (gid, add, dele, _Seq(_prefix_lookbehind(list(sub.data)))))


def _prefix_lookbehind(inner: list) -> list:
    for i, it in enumerate(inner):
        if _is_lookbehind(it, positive=False):
            body = list(it[1][1].data)
            n = len(body) - 1
            if n >= 1 and i >= n and body[1:] == inner[i - n:i] and _single(body[0]) \
                    and all(x[0] == _c.LITERAL for x in body[1:]):
                return inner[:i - n] + [(_c.ASSERT_NOT, (-1, _Seq([body[0]])))] + inner[i - n:i] + inner[i + 1:]
    return inner


class _Seq:
    """A stand-in for sre's SubPattern holding a plain list."""

    def __init__(self, data):
        self.data = data


def _zero_width(item) -> bool:
    return item[0] in (_c.ASSERT, _c.ASSERT_NOT, _c.AT)


def _single(item) -> bool:
    return item[0] in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY)


def _lookaround_class(item, behind: bool, flags: int, emit: "_Emitter"):
    """(negated, class) for a one-character lookaround, else None."""
    op, (direction, sub) = item
    if (direction == -1) != behind:
        return None
    data = list(sub.data)
    if len(data) != 1 or not _single(data[0]):
        return None
    return op == _c.ASSERT_NOT, emit.char_class(data[0], flags)


def _take_lead(items, flags, emit):
    """Leading one-character lookbehinds as a consumed context group; None if none."""
    conds = []
    while items and _zero_width(items[0]) and items[0][0] != _c.AT:
        found = _lookaround_class(items[0], True, flags, emit)
        if found is None:
            raise _Unsupported("a lookaround inside the match")
        conds.append(found)
        items = items[1:]
    if not conds:
        return None, items
    return emit.context(conds, start=True), items


def _take_trail(items, flags, emit):
    conds = []
    while items and _zero_width(items[-1]):
        op, av = items[-1]
        if op == _c.AT:
            if av == _c.AT_END and not flags & re.MULTILINE and not conds:
                # Python's `$`: the end, or before a final newline
                items = items[:-1]
                return r"(?:\n?\z)", items
            break
        found = _lookaround_class(items[-1], False, flags, emit)
        if found is None:
            raise _Unsupported("a lookaround inside the match")
        conds.append(found)
        items = items[:-1]
    if not conds:
        return None, items
    return emit.context(conds, start=False), items


class _Emitter:
    def __init__(self, is_bytes: bool, boolean: bool = False):
        self.is_bytes = is_bytes
        self.boolean = boolean

    # -- characters --------------------------------------------------------------------
    def _byte_set(self, item, flags) -> frozenset[int]:
        op, av = item
        if op == _c.LITERAL:
            out = {av}
        elif op == _c.NOT_LITERAL:
            out = set(_ALL_BYTES - self._fold({av}, flags))
            return frozenset(out)
        elif op == _c.ANY:
            return _ALL_BYTES if flags & re.DOTALL else _ALL_BYTES - {10}
        else:  # IN
            out, negate = set(), False
            for iop, iav in av:
                if iop == _c.NEGATE:
                    negate = True
                elif iop == _c.LITERAL:
                    out.add(iav)
                elif iop == _c.RANGE:
                    out.update(range(iav[0], iav[1] + 1))
                elif iop == _c.CATEGORY:
                    out |= self._byte_category(iav)
                else:
                    raise _Unsupported(f"class item {iop}")
            out = self._fold(out, flags)
            return frozenset(_ALL_BYTES - out if negate else out)
        return frozenset(self._fold(out, flags))

    @staticmethod
    def _fold(chars, flags) -> set:
        chars = set(chars)
        if flags & re.IGNORECASE:
            chars |= {ord(chr(b).swapcase()) for b in chars if chr(b).isascii() and chr(b).isalpha()}
        return chars

    @staticmethod
    def _byte_category(cat) -> frozenset:
        name = str(cat)
        base = (_BYTES_DIGIT if "DIGIT" in name else _BYTES_SPACE if "SPACE" in name
                else _BYTES_WORD if "WORD" in name else None)
        if base is None:
            raise _Unsupported(f"category {cat}")
        return _ALL_BYTES - base if "NOT" in name else base

    def char_class(self, item, flags) -> str:
        """One character: an RE2 class (bytes: exact byte set; str: Unicode classes)."""
        if self.is_bytes:
            return _bytes_class(self._byte_set(item, flags))
        return self._str_class(item, flags)

    def _str_class(self, item, flags) -> str:
        op, av = item
        ci = flags & re.IGNORECASE
        if op == _c.LITERAL:
            out = _cp(av)
        elif op == _c.NOT_LITERAL:
            out = f"[^{_cp(av)}]"
        elif op == _c.ANY:
            return r"[\x{0}-\x{10ffff}]" if flags & re.DOTALL else r"[^\n]"
        else:
            parts, negs, negate = [], [], False
            for iop, iav in av:
                if iop == _c.NEGATE:
                    negate = True
                elif iop == _c.LITERAL:
                    parts.append(_cp(iav))
                elif iop == _c.RANGE:
                    parts.append(f"{_cp(iav[0])}-{_cp(iav[1])}")
                elif iop == _c.CATEGORY:
                    neg, cls = self._str_category(iav, flags)
                    (negs if neg else parts).append(cls)
                else:
                    raise _Unsupported(f"class item {iop}")
            if negs and (negate or len(negs) > 1):
                raise _Unsupported("a negated category inside a class")
            if negs:  # [a\W]: a, or not a word character
                alts = ([f"[{''.join(parts)}]"] if parts else []) + [f"[^{negs[0]}]"]
                out = "(?:" + "|".join(alts) + ")"
            elif not parts:
                out = r"[^\x{0}-\x{10ffff}]" if not negate else r"[\x{0}-\x{10ffff}]"
            else:
                out = f"[{'^' if negate else ''}{''.join(parts)}]"
        return f"(?i:{out})" if ci else out

    @staticmethod
    def _str_category(cat, flags):
        if flags & re.ASCII:
            base = {"DIGIT": "0-9", "SPACE": r"\t\n\x0b\x0c\r ", "WORD": "0-9A-Za-z_"}
            key = next(k for k in base if k in str(cat))
            return "NOT" in str(cat), base[key]
        for key, value in _UNI_CLASS.items():
            if str(key) == str(cat).replace("UNI_", ""):
                return value
        raise _Unsupported(f"category {cat}")

    def context(self, conds, start: bool) -> str:
        """A consumed character satisfying every condition, or the text's edge where the
        conditions allow it (only negative lookarounds hold at an edge)."""
        edge_ok = all(neg for neg, _ in conds)
        if self.is_bytes:
            allowed = set(_ALL_BYTES)
            for neg, cls in conds:
                allowed &= (_ALL_BYTES - _CLASS_SETS[cls]) if neg else _CLASS_SETS[cls]
            char = _bytes_class(frozenset(allowed))
        elif len(conds) == 1 and conds[0][1].startswith("[") and conds[0][1].endswith("]") \
                and "(?" not in conds[0][1]:
            neg, cls = conds[0]
            char = ("[^" + cls[1:] if not cls.startswith("[^") else "[" + cls[2:]) if neg else cls
        elif len(conds) == 1 and not conds[0][0]:
            char = conds[0][1]
        else:
            raise _Unsupported("several lookarounds at one edge")
        edge = r"\A" if start else r"\z"
        return f"(?:{edge}|{char})" if edge_ok else char

    # -- structure ---------------------------------------------------------------------
    def seq(self, items, flags, lead: bool = False, tail: bool = False) -> str:
        pre = post = ""
        if lead or tail:
            items = _hoist(items)
        if lead:
            pre, items = _take_lead(items, flags, self)
        if tail:
            post, items = _take_trail(items, flags, self)
        last = len(items) - 1
        body = "".join(self.item(it, flags, lead and i == 0, tail and i == last)
                       for i, it in enumerate(items))
        return f"{pre or ''}{body}{post or ''}"

    def item(self, item, flags, lead: bool = False, tail: bool = False) -> str:
        op, av = item
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN):
            return self.char_class(item, flags)
        if op == _c.BRANCH:
            return "(?:" + "|".join(self.seq(list(b.data), flags, lead, tail) for b in av[1]) + ")"
        if op == _c.SUBPATTERN:
            gid, add, dele, sub = av
            inner = self.seq(list(sub.data), (flags | add) & ~dele, lead, tail)
            return f"({inner})" if gid else f"(?:{inner})"
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            lo, hi, sub = av
            inner = "(?:" + self.seq(list(sub.data), flags) + ")"
            lazy = "?" if op == _c.MIN_REPEAT else ""
            return _repeat(inner, lo, hi, lazy)
        if op == _c.AT:
            return self._at(av, flags)
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            raise _Unsupported("a lookaround inside the match")
        if op in (_c.GROUPREF, _c.GROUPREF_EXISTS):
            raise _Unsupported("a backreference")
        raise _Unsupported(f"{op}")

    def _at(self, code, flags) -> str:
        ml = flags & re.MULTILINE
        if code == _c.AT_BEGINNING:
            return "(?m:^)" if ml else r"\A"
        if code == _c.AT_BEGINNING_STRING:
            return r"\A"
        if code == _c.AT_END_STRING:
            return r"\z"
        if code == _c.AT_END:
            if ml:
                return "(?m:$)"
            raise _Unsupported("`$` inside the match")
        if code in (_c.AT_BOUNDARY, _c.AT_NON_BOUNDARY):
            if not self.is_bytes and not flags & re.ASCII:
                # RE2's \b is ASCII; Python's (str) is Unicode. They agree on ASCII text.
                pass
            return r"\b" if code == _c.AT_BOUNDARY else r"\B"
        raise _Unsupported(f"{code}")


_CLASS_SETS: dict[str, frozenset] = {}


def _bytes_class(chars: frozenset) -> str:
    if not chars:
        out = r"[^\x00-\xff]"
    else:
        ranges, run = [], None
        for b in sorted(chars):
            if run and b == run[1] + 1:
                run[1] = b
            else:
                run = [b, b]
                ranges.append(run)
        parts = [f"\\x{a:02x}" if a == b else f"\\x{a:02x}-\\x{b:02x}" for a, b in ranges]
        out = "[" + "".join(parts) + "]"
    _CLASS_SETS.setdefault(out, chars)
    return out


def _cp(code: int) -> str:
    return f"\\x{{{code:x}}}"


def _repeat(inner: str, lo: int, hi: int, lazy: str) -> str:
    if hi == _MAXREPEAT:
        if lo == 0:
            return f"{inner}*{lazy}"
        if lo == 1:
            return f"{inner}+{lazy}"
        if lo <= _RE2_MAX_COUNT:
            return f"{inner}{{{lo},}}{lazy}"
        raise _Unsupported(f"repetition count {lo} over {_RE2_MAX_COUNT}")
    if hi <= _RE2_MAX_COUNT:
        if lo == hi:
            return f"{inner}{{{lo}}}"
        return f"{inner}{{{lo},{hi}}}{lazy}"
    raise _Unsupported(f"repetition count {hi} over {_RE2_MAX_COUNT}")


# ---------------------------------------------------------------------------------------------
# Bounded work: what a backtracking engine may run linearly

@functools.lru_cache(maxsize=2048)
def bounded_work_problem(pattern, flags: int = 0) -> str | None:
    """None when every match attempt of ``pattern`` is bounded by a length fixed by the
    pattern (no unbounded repetition anywhere, lookarounds included), so Python's engine takes
    time linear in the text; otherwise why not."""
    text = pattern.decode("latin-1") if isinstance(pattern, bytes) else pattern
    try:
        parsed = _sre.parse(text, flags)
    except re.error as exc:
        return f"invalid: {exc}"
    return _unbounded(list(parsed.data), False)


_REPEATS = tuple(op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op)


def _unbounded(items, in_repeat: bool) -> str | None:
    for op, av in items:
        if op in _REPEATS:
            if av[1] == _MAXREPEAT:
                return "it has unbounded repetition"
            inner = list(av[2].data)
            if in_repeat or _has_repeat(inner):
                return "it has nested repetition"
            found = _unbounded(inner, True)
        elif op == _c.BRANCH:
            found = next((r for b in av[1] if (r := _unbounded(list(b.data), in_repeat))), None)
        elif op == _c.SUBPATTERN:
            found = _unbounded(list(av[3].data), in_repeat)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            found = _unbounded(list(av[1].data), in_repeat)
        elif op == getattr(_c, "ATOMIC_GROUP", None):
            found = _unbounded(list(av.data), in_repeat)
        elif op == _c.GROUPREF_EXISTS:
            found = next((r for b in av[1:] if b is not None and (r := _unbounded(list(b.data), in_repeat))), None)
        else:
            found = None
        if found:
            return found
    return None


def _has_repeat(items) -> bool:
    for op, av in items:
        if op in _REPEATS:
            return True
        if op == _c.BRANCH:
            subs = av[1]
        elif op == _c.SUBPATTERN:
            subs = [av[3]]
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            subs = [av[1]]
        else:
            subs = []
        if any(_has_repeat(list(sub.data)) for sub in subs):
            return True
    return False
