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


def _line_levels(text: bytes) -> tuple[bool, int, bool]:
    """(starts a sequence, indentation entries the rest of the line opens, block scalar)."""
    pos, first_seq, opened = 0, False, 0
    while True:
        m = _MARKER.match(text, pos)
        if not m:
            break
        if pos == 0 and text[:1] == b"-":
            first_seq = True
        opened += 1
        pos = m.end()
    rest = text[pos:]
    k = _KEY.search(rest)
    if k:
        opened += 1
        rest = rest[k.end():]
    return first_seq, opened, bool(_BLOCK_SCALAR.match(rest.strip()))


def yaml_depth(source: bytes) -> int:
    """An upper bound of the deepest block-indentation stack tree-sitter-yaml builds."""
    levels: list[list[int]] = []  # [column, entries opened by the line, map+seq share bonus]
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
            total -= sum(levels.pop()[1:])
        seq, opened, scalar = _line_levels(text)
        if levels and levels[-1][0] == col:
            # a sibling at the same column: the collection there stays open; a sequence may
            # sit at the column of the mapping that holds it (one more entry)
            top = levels.pop()
            total -= top[1] + top[2]
            bonus = top[2] or int(seq)
            opened = max(opened, 1)
            levels.append([col, opened, bonus])
            total += opened + bonus
        else:
            levels.append([col, opened, 0])
            total += opened
        if scalar:
            total += 1
            levels[-1][1] += 1
            scalar_col = col
        worst = max(worst, total)
    return worst
