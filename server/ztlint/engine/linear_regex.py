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

import re2

from . import regex_logic
from .regex_plan import plan
from .regex_translate import MAXREPEAT, Unsupported, sre_c as _c, sre_parse as _sre


class NotLinear(ValueError):
    """The pattern needs backtracking and its work per position is not bounded."""

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

class LinearRegex:
    """A compiled rule regex. ``pattern``, ``flags`` and ``groupindex`` are the original's.

    A ``lazy`` one (a bundled rule: tested, and hundreds of them) is translated and compiled
    on first use, so loading the rules stays cheap and a rule that never runs costs nothing."""

    def __init__(self, pattern, flags: int = 0, trusted: bool = False, boolean: bool = False,
                 lazy: bool = False):
        self.pattern = pattern
        self.flags = flags
        self._trusted = trusted
        self._bytes = isinstance(pattern, bytes)
        self._boolean = boolean
        self._built = False
        if not lazy:
            self._build()

    def _build(self) -> None:
        if self._built:
            return
        pattern, flags = self.pattern, self.flags
        self._py = self._logic = self._re2 = None
        self._lead = False
        try:
            plan_ = plan(pattern, flags, self._boolean)
            self._groupindex, self._groups = plan_.groupindex, plan_.groups
            self._re2 = _re2_compile(plan_.body, self._bytes)
            self._lead = plan_.lead
            self._checks = tuple((positive, _re2_compile(body, self._bytes), gids)
                                 for positive, body, gids in plan_.checks)
            self._main_groups = plan_.main_groups
            self._linear = True
            self._built = True
            return
        except (Unsupported, re2.error) as exc:
            error = exc
        py = re.compile(pattern, flags)
        self._groupindex, self._groups = dict(py.groupindex), py.groups
        if self._boolean:  # "is there a match": lookarounds may split into and/or/not
            try:
                self._logic = _compile_tree(regex_logic.tree(pattern, flags), self._bytes)
                self._linear = self._built = True
                return
            except (Unsupported, re2.error):
                pass
        reason = bounded_work_problem(pattern, flags)
        if reason is not None and not self._trusted:
            raise NotLinear(f"regex needs backtracking ({error}) and {reason}: "
                            "not linear-time") from None
        self._py = py
        # a backtracking pattern with bounded work per position is linear too
        self._linear = reason is None
        self._built = True

    def _parse_groups(self) -> None:
        # the groups without compiling (a lazy regex's groups are checked at load); raises
        # re.error for an invalid pattern
        if not hasattr(self, "_groupindex"):
            text = self.pattern.decode("latin-1") if self._bytes else self.pattern
            state = _sre.parse(text, self.flags).state
            self._groupindex, self._groups = dict(state.groupdict), state.groups - 1

    # as re.Pattern's: name -> number, and how many groups
    groupindex = property(lambda self: self._parse_groups() or self._groupindex)
    groups = property(lambda self: self._parse_groups() or self._groups)

    @property
    def linear(self) -> bool:
        """Linear time in the text: on RE2, or bounded work per position on Python's engine."""
        self._build()
        return self._linear

    @property
    def engine(self) -> str:
        """"re2", "re2-logic" (and/or/not of RE2 regexes) or "python" (backtracking)."""
        self._build()
        return "re2" if self._re2 is not None else "re2-logic" if self._logic is not None else "python"

    def search(self, text, pos: int = 0, endpos: int | None = None) -> Match | re.Match | None:
        self._build()
        endpos = len(text) if endpos is None else min(endpos, len(text))
        if self._logic is not None:
            return Match([(pos, pos)], text, {}) if _holds(self._logic, _view(text, endpos), pos) else None
        if self._re2 is None:
            return self._py.search(text, pos, endpos)
        return self._search(text, pos, endpos)

    def finditer(self, text, pos: int = 0, endpos: int | None = None):
        self._build()
        endpos = len(text) if endpos is None else min(endpos, len(text))
        if self._logic is not None:
            raise TypeError("a boolean regex only answers search()")
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
        view = _view(text, endpos)
        while True:
            start = pos - 1 if self._lead and pos > 0 else pos
            m = self._re2.search(view, start)
            if m is not None and start < pos and m.start(1) < pos:
                # the context matched the text's start there, not a character: no match may
                # start before pos, so look from pos itself
                m = self._re2.search(view, pos)
            if m is None:
                return None
            if self._boolean:
                return Match([m.span()], text, {})
            spans = [(-1, -1)] * (self._groups + 1)
            spans[0] = m.span(1)
            for i, gid in enumerate(self._main_groups):
                span = m.span(i + 2)
                if span[0] >= 0 or spans[gid][0] < 0:  # a group may appear twice (see plan)
                    spans[gid] = span
            if self._checks and not self._checks_hold(view, spans):
                pos = spans[0][0] + 1  # as Python's engine: try the next start
                if pos > endpos:
                    return None
                continue
            return Match(spans, text, self._groupindex)

    def _checks_hold(self, view, spans) -> bool:
        at = spans[0][0]
        for positive, check, gids in self._checks:
            m = check.match(view, at)
            if (m is not None) != positive:
                return False
            for i, gid in enumerate(gids if m is not None else ()):
                spans[gid] = m.span(i + 1)
        return True


def _view(text, endpos: int):
    if endpos >= len(text):
        return text
    return memoryview(text)[:endpos] if isinstance(text, bytes) else text[:endpos]


def _re2_compile(body, is_bytes: bool):
    options = re2.Options()
    options.max_mem = 64 << 20
    options.log_errors = False  # a refused pattern is expected: it goes to Python
    if is_bytes:
        options.encoding = re2.Options.Encoding.LATIN1
    return re2.compile(body, options)


def _compile_tree(node, is_bytes: bool):
    kind, value = node
    if kind == "re":
        return kind, _re2_compile(value, is_bytes)
    if kind == "not":
        return kind, _compile_tree(value, is_bytes)
    return kind, [_compile_tree(v, is_bytes) for v in value]


def _holds(node, text, pos: int) -> bool:
    kind, value = node
    if kind == "re":
        return value.search(text, pos) is not None
    if kind == "not":
        return not _holds(value, text, pos)
    if kind == "and":
        return all(_holds(v, text, pos) for v in value)
    return any(_holds(v, text, pos) for v in value)


@functools.lru_cache(maxsize=4096)  # rules repeat patterns; a matcher is immutable
def compile(pattern, flags: int = 0, trusted: bool = False,  # noqa: A001
            boolean: bool = False, lazy: bool = False) -> LinearRegex:
    """A matcher for ``pattern``; raises re.error (invalid) or NotLinear (not linear-time and
    not ``trusted``). A ``boolean`` matcher only answers whether there is a match (search()
    is truthy or None); its spans are not meaningful. A ``lazy`` one is checked and compiled
    on first use (for bundled rules, which the test suite compiles)."""
    return LinearRegex(pattern, flags, trusted, boolean, lazy)

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
            if av[1] == MAXREPEAT:
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
