"""A little reading of tree-sitter query text: which node types can a pattern start at?

Used to skip work safely: an ancestor whose type is not a pattern's root type can never match
it, and an edit to a statement whose type a file-level query never mentions cannot change it.
"""

from __future__ import annotations

import re

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def strip(source: str) -> str:
    """The query without comments and with string contents blanked (they may hold parens)."""
    out, i, n = [], 0, len(source)
    while i < n:
        ch = source[i]
        if ch == ";":
            while i < n and source[i] != "\n":
                i += 1
            continue
        if ch == '"':
            j = i + 1
            while j < n and source[j] != '"':
                j += 2 if source[j] == "\\" else 1
            out.append('""')
            i = j + 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


_SPACE = re.compile(r"\s*")
_BRACKET = re.compile(r"[()\[\]]")


def _skip_ws(s: str, i: int) -> int:
    return _SPACE.match(s, i).end() if i < len(s) else i


def _end_of_item(s: str, i: int) -> int:
    """Index just past the balanced (...) or [...] item starting at s[i]."""
    depth = 0
    for m in _BRACKET.finditer(s, i):
        if m.group() in "([":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return m.end()
    return len(s)


def _roots_at(s: str, i: int) -> set[str] | None:
    i = _skip_ws(s, i)
    if i >= len(s):
        return set()
    ch = s[i]
    if ch == "[":
        found: set[str] = set()
        j = _skip_ws(s, i + 1)
        while j < len(s) and s[j] != "]":
            if s[j] in "([":
                sub = _roots_at(s, j)
                if sub is None:
                    return None
                found |= sub
                j = _end_of_item(s, j)
            else:
                if s[j] == "_":
                    return None
                j += 1
            j = _skip_ws(s, j)
        return found
    if ch == "(":
        j = _skip_ws(s, i + 1)
        if j < len(s) and s[j] in "([":
            return _roots_at(s, j)  # a group: its first item is the root
        m = _IDENT.match(s, j)
        if not m:
            return set()  # anonymous node ("if"): never an ancestor
        return None if m.group(0) == "_" else {m.group(0)}
    if ch == "_":
        return None
    return set()


def pattern_roots(source: str) -> frozenset[str] | None:
    """Node types the top-level patterns of ``source`` can start at (None: any type)."""
    s = strip(source)
    roots: set[str] = set()
    i = _skip_ws(s, 0)
    while i < len(s):
        if s[i] in "([":
            if s[_skip_ws(s, i + 1)] == "#" if i + 1 < len(s) else False:
                i = _end_of_item(s, i)  # a predicate at top level
            else:
                sub = _roots_at(s, i)
                if sub is None:
                    return None
                roots |= sub
                i = _end_of_item(s, i)
        elif s[i] == "_":
            return None
        else:
            i += 1
        i = _skip_ws(s, i)
    return frozenset(roots)


def mentioned_types(source: str, root: str) -> frozenset[str] | None:
    """Named node types a query mentions anywhere (None if a wildcard stands at its root or
    directly under the file's root node, where it could stand for any top-level statement)."""
    s = strip(source)
    direct_wildcard = r"\(\s*" + re.escape(root) + r"\s+(?:[.!]\s*)?(?:\w+:\s*)?\(?\s*_(?!\w)"
    if pattern_roots(source) is None or re.search(direct_wildcard, s):
        return None
    return frozenset(m.group(1) for m in re.finditer(r"\(\s*([A-Za-z_][A-Za-z0-9_]*)", s)) - {"_"}


def mask(source: str) -> str:
    """The query with comments blanked and string contents replaced, same length, so offsets
    found in the mask apply to the source."""
    out = list(source)
    i, n = 0, len(source)
    while i < n:
        ch = source[i]
        if ch == ";":
            while i < n and source[i] != "\n":
                out[i] = " "
                i += 1
            continue
        if ch == '"':
            j = i + 1
            while j < n and source[j] != '"':
                step = 2 if source[j] == "\\" else 1
                for k in range(j, min(j + step, n)):
                    out[k] = "x"
                j += step
            i = j + 1
            continue
        i += 1
    return "".join(out)


def top_level_patterns(source: str) -> list[tuple[int, int]]:
    """[start, end) of each top-level pattern, trailing quantifiers and captures included."""
    m = mask(source)
    spans, i, n = [], 0, len(m)
    while i < n:
        if m[i] in "([":
            start = i
            i = _end_of_item(m, i)
            while True:  # trailing quantifier and captures: (x)* @a @b
                j = _skip_ws(m, i)
                if j < n and m[j] in "*+?":
                    i = j + 1
                    continue
                cap = re.match(r"@[\w.-]+", m[j:]) if j < n else None
                if cap:
                    i = j + cap.end()
                    continue
                break
            spans.append((start, i))
        else:
            i += 1
    return spans


def single_node_patterns(source: str) -> bool:
    """True when every top-level pattern matches a single node: not a sequence of siblings
    and not quantified. Then every match lies within the node it starts at."""
    m = mask(source)
    for start, end in top_level_patterns(source):
        if re.search(r"[*+?]", m[_end_of_item(m, start):end]) or not _single_item(m, start):
            return False
    return True


def _single_item(m: str, i: int) -> bool:
    j = _skip_ws(m, i + 1)
    if m[i] == "(" and j < len(m) and m[j] not in "([":
        return True  # a node: (call ...)
    close = "]" if m[i] == "[" else ")"
    items = 0
    while j < len(m) and m[j] != close:
        if m[j] in "([":
            is_predicate = m[j] == "(" and m[_skip_ws(m, j + 1)] == "#"
            if not is_predicate:
                items += 1
                if not _single_item(m, j):
                    return False
            j = _end_of_item(m, j)
            k = _skip_ws(m, j)
            if not is_predicate and k < len(m) and m[k] in "*+?":
                return False
        else:
            j += 1
        j = _skip_ws(m, j)
    # an alternation holds one node whichever branch matches; a group must hold exactly one
    return items >= 1 if close == "]" else items == 1


_PRED = re.compile(r"\(\s*#([\w-]+[?!]?)")


def pattern_predicates(source: str) -> list[list[tuple[str, str, list[str]]]]:
    """Per top-level pattern (per branch of a top-level alternation: a match is a match of
    one branch): its ``(#name? @capture "arg" ...)`` predicates whose capture is certainly
    present in every match (not under ``?``/``*`` and, under an alternation, in every branch),
    as (name, capture, string args). tree-sitter lets a predicate on an absent capture pass,
    so only these say anything about the matched text."""
    m = mask(source)
    out = []
    for start, end in top_level_patterns(source):
        for b_start, b_end, mandatory in _branches(m, start, end):
            preds = []
            for pm in _PRED.finditer(m, b_start, b_end):
                close = _end_of_item(m, pm.start())
                args = _predicate_args(source[pm.end():close - 1], m[pm.end():close - 1])
                if args and args[0].startswith("@") and args[0][1:] in mandatory \
                        and all(not a.startswith("@") for a in args[1:]):
                    preds.append((pm.group(1), args[0][1:], args[1:]))
            out.append(preds)
    return out


def _branches(m: str, start: int, end: int) -> list[tuple[int, int, set[str]]]:
    """[start, end) and the captures every match has, of each branch of the top-level pattern
    at m[start:end] when it is an unquantified alternation; else of the pattern itself."""
    whole = [(start, end, _captures_of(m, start)[0])]
    close = _end_of_item(m, start)
    if m[start] != "[" or re.search(r"[*+?]", m[close:end]):
        return whole
    trailing = set(re.findall(r"@([\w.-]+)", m[close:end]))  # captures of whichever branch
    out = []
    j = _skip_ws(m, start + 1)
    while j < close - 1:
        if m[j] not in '(["_':
            return whole  # not a plain list of patterns: no branch reading
        found, k = _captures_of(m, j)
        out.append((j, k, found | trailing))
        j = _skip_ws(m, k)
    return out or whole


def _predicate_args(text: str, masked: str) -> list[str]:
    args, i = [], 0
    while i < len(masked):
        ch = masked[i]
        if ch == '"':
            j = masked.index('"', i + 1)
            args.append(_unescape(text[i + 1:j]))
            i = j + 1
        elif ch == "@":
            cap = re.match(r"@[\w.-]+", masked[i:])
            args.append(cap.group(0))
            i += cap.end()
        else:
            i += 1
    return args


def _unescape(s: str) -> str:
    return re.sub(r"\\(.)", lambda e: {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(e.group(1), e.group(1)), s)


def _captures_of(m: str, i: int) -> tuple[set[str], int]:
    """Captures certainly present when the item at m[i] matches, and the index after the item
    (its quantifier and captures included)."""
    n = len(m)
    if m[i] == "(" and m[_skip_ws(m, i + 1)] == "#":
        return set(), _end_of_item(m, i)  # a predicate: matches nothing itself
    if m[i] in "([":
        close = "]" if m[i] == "[" else ")"
        parts: list[set[str]] = []
        j = _skip_ws(m, i + 1)
        while j < n and m[j] != close:
            if m[j] in '(["':
                got, j = _captures_of(m, j)
                parts.append(got)
            elif m[j] == "_" and not (j + 1 < n and (m[j + 1].isalnum() or m[j + 1] == "_")):
                got, j = _captures_of(m, j)  # a bare wildcard child: (_) without parens
                parts.append(got)
            else:
                j += 1  # node type, field name, `!field`, anchor
            j = _skip_ws(m, j)
        end = j + 1
        if close == "]":
            found = set.intersection(*parts) if parts else set()
        else:
            found = set().union(*parts) if parts else set()
    elif m[i] == '"':
        end = m.index('"', i + 1) + 1
        found = set()
    else:  # bare `_`
        end = i + 1
        found = set()
    j = _skip_ws(m, end)
    optional = j < n and m[j] in "?*"
    if j < n and m[j] in "?*+":
        end = j + 1
    if optional:
        found = set()
    while True:
        j = _skip_ws(m, end)
        cap = re.match(r"@([\w.-]+)", m[j:]) if j < n else None
        if not cap:
            return found, end
        if not optional:
            found.add(cap.group(1))
        end = j + cap.end()
