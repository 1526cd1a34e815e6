"""Position conversions. tree-sitter counts bytes; LSP (VS Code) counts UTF-16 code units;
people count characters. This is the only module that converts between them.
"""

from __future__ import annotations

import bisect
import itertools


class LineIndex:
    """Byte offset <-> (row, column) over one text, kept up to date through edits.

    Typing on one line moves the start of every later line; rather than rewrite thousands of
    offsets per keystroke, that move is kept as one pending shift (rows from ``_shift_row`` on
    are ``_shift`` bytes further) and applied when the whole list is asked for."""

    def __init__(self, source: bytes):
        self.source = source
        # line start offsets, computed in C: lengths of the split lines, accumulated
        self._starts = [0, *itertools.accumulate(len(line) + 1 for line in source.split(b"\n")[:-1])]
        self._shift_row = len(self._starts)
        self._shift = 0

    @property
    def starts(self) -> list[int]:
        """Every line's start offset (applies any pending shift)."""
        if self._shift:
            k, d = self._shift_row, self._shift
            self._starts[k:] = [s + d for s in self._starts[k:]]
            self._shift = 0
        self._shift_row = len(self._starts)
        return self._starts

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def start_of(self, row: int) -> int:
        return self._starts[row] + (self._shift if row >= self._shift_row else 0)

    def row_of(self, offset: int) -> int:
        k = self._shift_row
        row = bisect.bisect_right(self._starts, offset, 0, k)
        if row < k:
            return row - 1
        return bisect.bisect_right(self._starts, offset - self._shift, k) - 1

    def apply_edit(self, source: bytes, start: int, old_end: int, new_end: int) -> None:
        """Update in place after bytes ``[start, old_end)`` became ``source[start:new_end]``.

        An edit within one line costs O(log lines); one that adds or removes line breaks,
        O(lines after the edit) list arithmetic. Never a rescan of the text."""
        delta = new_end - old_end
        row = self.row_of(start)
        if row == self.row_of(old_end) and source.find(b"\n", start, new_end) == -1:
            if self._shift and self._shift_row != row + 1:
                self.starts  # noqa: B018 - a shift from another row: apply it first
            self._shift_row, self._shift = row + 1, self._shift + delta
            self.source = source
            return
        starts = self.starts
        lo = bisect.bisect_right(starts, start)  # line starts strictly after `start` ...
        hi = bisect.bisect_right(starts, old_end)  # ... up to `old_end` are replaced
        inserted = []
        i = source.find(b"\n", start, new_end)
        while i != -1:
            inserted.append(i + 1)
            i = source.find(b"\n", i + 1, new_end)
        starts[lo:] = inserted + [s + delta for s in starts[hi:]]
        self._shift_row = len(starts)
        self.source = source

    def point(self, offset: int) -> tuple[int, int]:
        """(row, byte column) of a byte offset."""
        row = self.row_of(offset)
        return row, offset - self.start_of(row)

    def line_bytes(self, row: int) -> bytes:
        if row >= len(self._starts):
            return b""
        end = self.start_of(row + 1) if row + 1 < len(self._starts) else len(self.source)
        return self.source[self.start_of(row):end].rstrip(b"\r\n")

    def offset_of_utf16(self, row: int, utf16_col: int) -> int:
        """Byte offset of an LSP position; columns past the end clamp to the line's end."""
        if row >= len(self._starts):
            return len(self.source)
        line = self.line_bytes(row)
        return self.start_of(row) + utf16_to_byte_col(line, utf16_col)

    def utf16_position(self, offset: int) -> tuple[int, int]:
        row, col = self.point(offset)
        return row, byte_to_utf16_col(self.line_bytes(row), col)


def byte_to_utf16_col(line: bytes, byte_col: int) -> int:
    return len(line[:byte_col].decode("utf-8", "replace").encode("utf-16-le")) // 2


def byte_to_char_col(line: bytes, byte_col: int) -> int:
    return len(line[:byte_col].decode("utf-8", "replace"))


def utf16_to_byte_col(line: bytes, utf16_col: int) -> int:
    if line.isascii():  # one byte, one UTF-16 unit
        return min(utf16_col, len(line))
    text = line.decode("utf-8", "replace")
    units = 0
    for i, ch in enumerate(text):
        if units >= utf16_col:
            return len(text[:i].encode("utf-8"))
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(line)
