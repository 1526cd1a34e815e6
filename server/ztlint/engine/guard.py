"""Inputs a grammar cannot take, refused before tree-sitter sees them.

tree-sitter-yaml 0.7 kills the process (SIGSEGV) once its block-indentation stack holds 254
entries: the stack no longer fits the 1 KB external-scanner state (5 int16 fields + 2 x int16
per level = 10 + 4 x 253 bytes). One entry per block sequence (``- ``), block mapping, explicit
key (``? ``) and block scalar (``|``/``>``); flow collections (``[...]``) take none. The other
bundled grammars were probed with 20,000 levels of brackets, blocks, templates, heredocs and
indentation without a crash (see docs/upstream-bugs.md). Where a check cannot be exact, the
CLI isolates parsing in worker processes (scan/runner.py).
"""

from __future__ import annotations

import re

# Below the crash at 254 entries: the count below is an upper bound, the margin covers
# shapes it has not seen.
YAML_MAX_DEPTH = 240

_SEQ, _MAP = 1, 2
_MARKER = re.compile(rb"[-?:](?:[ \t]+|$)")
# any ": " counts as a mapping key: counting too many only makes the bound looser
_KEY = re.compile(rb":(?:[ \t]+|$)")
_BLOCK_SCALAR = re.compile(rb"[|>][-+0-9]*[ \t]*(?:#.*)?$")


class TooDeep(ValueError):
    def __init__(self, limit: int):
        super().__init__(note(limit))
        self.limit = limit


def note(limit: int) -> str:
    return f"not parsed: nesting deeper than {limit}"


def refuse(source: bytes, language: str | None) -> str | None:
    """Why ``source`` must not be parsed as ``language`` (a note), or None when it is safe."""
    if language == "yaml" and len(source) > YAML_MAX_DEPTH and yaml_depth(source) > YAML_MAX_DEPTH:
        return note(YAML_MAX_DEPTH)
    return None


def check(source: bytes, language: str | None) -> None:
    """Raise :class:`TooDeep` when ``source`` must not be parsed as ``language``."""
    if refuse(source, language):
        raise TooDeep(YAML_MAX_DEPTH)


def _line_levels(text: bytes) -> tuple[int, int, bool]:
    """(what the line's first token opens at its column: _SEQ, _MAP or 0; indentation entries
    the line opens; whether it starts a block scalar)."""
    pos, first, opened = 0, 0, 0
    while True:
        m = _MARKER.match(text, pos)
        if not m:
            break
        if pos == 0:
            first = _SEQ if text[:1] == b"-" else _MAP
        opened += 1
        pos = m.end()
    rest = text[pos:]
    k = _KEY.search(rest)
    if k:
        first = first or _MAP
        opened += 1
        rest = rest[k.end():]
    return first, opened, bool(_BLOCK_SCALAR.match(rest.strip()))


def yaml_depth(source: bytes) -> int:
    """An upper bound of the deepest block-indentation stack tree-sitter-yaml builds."""
    levels: list[list[int]] = []  # [column, entries the column's latest line opened, kinds seen]
    total = worst = 0
    scalar_col = -1  # inside a block scalar indented deeper than this column
    for line in source.splitlines():
        text = line.lstrip(b" \t")
        if not text or text[:1] == b"#":
            continue
        col = len(line) - len(text)
        if scalar_col >= 0:
            if col > scalar_col:
                continue
            scalar_col = -1
        while levels and levels[-1][0] > col:
            total -= _entries(levels.pop())
        kind, opened, scalar = _line_levels(text)
        if levels and levels[-1][0] == col:
            # a sibling: the collection at this column stays open (max 1 entry for it), and
            # a sequence may share the column of the mapping holding it (one more entry)
            top = levels.pop()
            total -= _entries(top)
            levels.append([col, max(opened, 1), top[2] | kind])
        else:
            levels.append([col, opened, kind])
        if scalar:
            levels[-1][1] += 1
            scalar_col = col
        total += _entries(levels[-1])
        worst = max(worst, total)
    return worst


def _entries(level: list[int]) -> int:
    return level[1] + (level[2] == _SEQ | _MAP)
