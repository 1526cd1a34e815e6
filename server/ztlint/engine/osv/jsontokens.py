"""The string values of a JSON text with their key paths and byte offsets (for lock files
whose findings need positions; ``json`` gives values without them). Tokens come from one
regex pass; a text that is not well-formed JSON yields what could be read before it."""

from __future__ import annotations

import json
import re

_TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+')
_MAX_DEPTH = 64  # deeper nesting is not a manifest


def strings(source: bytes):
    """Yield ``(path, value, start, end)`` for every string value; ``path`` is the tuple of
    object keys (arrays add nothing) and start/end are the bytes inside the quotes."""
    stack: list[list] = []  # per open container: [is_object, current key or None]
    expect_key = False
    for m in _TOKEN.finditer(source):
        tok = m.group()
        c = tok[:1]
        if c in (b"{", b"["):
            if len(stack) >= _MAX_DEPTH:
                return
            stack.append([c == b"{", None])
            expect_key = c == b"{"
        elif c in (b"}", b"]"):
            if not stack:
                return
            stack.pop()
            expect_key = False
        elif c == b",":
            expect_key = bool(stack) and stack[-1][0]
        elif c == b":":
            expect_key = False
        elif c == b'"':
            try:
                text = json.loads(tok)
            except ValueError:
                return
            if expect_key and stack:
                stack[-1][1] = text
                expect_key = False
            else:
                path = tuple(k for is_obj, k in stack if is_obj)
                yield path, text, m.start() + 1, m.end() - 1
