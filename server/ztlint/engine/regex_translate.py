"""Python regex -> RE2 syntax, with Python's semantics (see linear_regex.py).

Works on Python's own parse of the pattern. Raises :class:`Unsupported` for what RE2 cannot
express exactly: a lookaround inside the match, a backreference, a count over 1000.
"""

from __future__ import annotations

import re

try:
    import re._parser as _sre
    from re import _constants as _c
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _sre

sre_parse, sre_c = _sre, _c  # for linear_regex's bounded-work check
MAXREPEAT = _MAXREPEAT = _c.MAXREPEAT
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


class Unsupported(Exception):
    pass


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
            # (the look-behind is fixed-width, so its tail covers just what the prefix matched)
            if n >= 1 and i >= n and body[1:] == inner[i - n:i] and _single(body[0]):
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
    if len(data) == 1 and data[0][0] == _c.BRANCH and not behind:
        return _class_or_end(op == _c.ASSERT_NOT, data[0][1][1], flags)
    if len(data) != 1 or not _single(data[0]):
        return None
    return op == _c.ASSERT_NOT, data[0], flags


def _class_or_end(negated: bool, branches, flags):
    """``(?=C|$)``, ``(?!C|$)``: one character of a class, or the end. When ``$`` can only mean
    "before a newline the class holds, or the end", that is ``(?![^C])`` (``(?=[^C])``)."""
    entries, end = [], None
    for b in branches:
        data = list(b.data)
        if len(data) != 1:
            return None
        op, av = data[0]
        if op == _c.AT and av in (_c.AT_END, _c.AT_END_STRING):
            end = av
        elif op == _c.LITERAL:
            entries.append((_c.LITERAL, av))
        elif op == _c.IN and not any(iop == _c.NEGATE for iop, _ in av):
            entries.extend(av)
        else:
            return None
    if end is None:
        return negated, (_c.IN, entries), flags
    if end == _c.AT_END:  # `$`: before a newline (any, with MULTILINE; the last one, without)
        if flags & re.MULTILINE:
            entries = entries + [(_c.LITERAL, 10)]
        elif not _class_has_newline(entries, flags):
            return None
    return not negated, (_c.IN, [(_c.NEGATE, None)] + entries), flags


def _class_has_newline(entries, flags) -> bool:
    emit = _Emitter(True)
    return 10 in emit._byte_set((_c.IN, entries), flags)


def _take_lead(items, flags, emit):
    """Leading one-character lookbehinds as a consumed context group; None if none."""
    conds = []
    while items and _zero_width(items[0]) and items[0][0] != _c.AT and items[0][1][0] == -1:
        found = _lookaround_class(items[0], True, flags, emit)
        if found is None:
            raise Unsupported("a lookaround inside the match")
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
            raise Unsupported("a lookaround inside the match")
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
                    raise Unsupported(f"class item {iop}")
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
            raise Unsupported(f"category {cat}")
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
                    raise Unsupported(f"class item {iop}")
            if negs and (negate or len(negs) > 1):
                raise Unsupported("a negated category inside a class")
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
        raise Unsupported(f"category {cat}")

    def context(self, conds, start: bool) -> str:
        """A consumed character satisfying every condition, or the text's edge where the
        conditions allow it (only negative lookarounds hold at an edge)."""
        edge_ok = all(neg for neg, _, _ in conds)
        if self.is_bytes:
            allowed = set(_ALL_BYTES)
            for neg, item, flags in conds:
                chars = self._byte_set(item, flags)
                allowed &= (_ALL_BYTES - chars) if neg else chars
            char = _bytes_class(frozenset(allowed))
        elif len(conds) == 1:
            neg, item, flags = conds[0]
            cls = self._str_class(item, flags)
            if item[0] == _c.LITERAL and (not flags & re.IGNORECASE
                                          or chr(item[1]).lower() == chr(item[1]).upper()):
                cls = f"[{self._str_class(item, flags & ~re.IGNORECASE)}]"  # no case to fold
            if not neg:
                char = cls
            elif cls.startswith("[^") and cls.endswith("]") and "(?" not in cls:
                char = "[" + cls[2:]
            elif cls.startswith("[") and cls.endswith("]") and "(?" not in cls:
                char = "[^" + cls[1:]
            else:
                raise Unsupported("a negated lookaround class")
        else:
            raise Unsupported("several lookarounds at one edge")
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
            raise Unsupported("a lookaround inside the match")
        if op in (_c.GROUPREF, _c.GROUPREF_EXISTS):
            raise Unsupported("a backreference")
        raise Unsupported(f"{op}")

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
            raise Unsupported("`$` inside the match")
        if code in (_c.AT_BOUNDARY, _c.AT_NON_BOUNDARY):
            if not self.is_bytes and not flags & re.ASCII:
                # RE2's \b is ASCII; Python's (str) is Unicode. They agree on ASCII text.
                pass
            return r"\b" if code == _c.AT_BOUNDARY else r"\B"
        raise Unsupported(f"{code}")


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
        raise Unsupported(f"repetition count {lo} over {_RE2_MAX_COUNT}")
    if hi <= _RE2_MAX_COUNT:
        if lo == hi:
            return f"{inner}{{{lo}}}"
        return f"{inner}{{{lo},{hi}}}{lazy}"
    raise Unsupported(f"repetition count {hi} over {_RE2_MAX_COUNT}")


