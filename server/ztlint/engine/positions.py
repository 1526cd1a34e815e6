"""Position conversions. tree-sitter counts bytes; LSP (VS Code) counts UTF-16 code units;
people count characters. This is the only module that converts between them.
"""

from __future__ import annotations

import bisect
import itertools


class LineIndex:
    """Byte offset <-> (row, column) over one immutable text."""

    def __init__(self, source: bytes):
        self.source = source
        # line start offsets, computed in C: lengths of the split lines, accumulated
        self.starts = [0, *itertools.accumulate(len(line) + 1 for line in source.split(b"\n")[:-1])]

    def apply_edit(self, source: bytes, start: int, old_end: int, new_end: int) -> None:
        """Update in place after bytes ``[start, old_end)`` became ``source[start:new_end]``.

        Costs O(lines after the edit) list arithmetic, not a rescan of the text.
        """
        delta = new_end - old_end
        lo = bisect.bisect_right(self.starts, start)  # line starts strictly after `start` ...
        hi = bisect.bisect_right(self.starts, old_end)  # ... up to `old_end` are replaced
        inserted = []
        i = source.find(b"\n", start, new_end)
        while i != -1:
            inserted.append(i + 1)
            i = source.find(b"\n", i + 1, new_end)
        self.starts[lo:] = inserted + [s + delta for s in self.starts[hi:]]
        self.source = source

    def point(self, offset: int) -> tuple[int, int]:
        """(row, byte column) of a byte offset."""
        row = bisect.bisect_right(self.starts, offset) - 1
        return row, offset - self.starts[row]

    def line_bytes(self, row: int) -> bytes:
        if row >= len(self.starts):
            return b""
        end = self.starts[row + 1] if row + 1 < len(self.starts) else len(self.source)
        return self.source[self.starts[row]:end].rstrip(b"\r\n")

    def offset_of_utf16(self, row: int, utf16_col: int) -> int:
        """Byte offset of an LSP position; columns past the end clamp to the line's end."""
        if row >= len(self.starts):
            return len(self.source)
        line = self.line_bytes(row)
        return self.starts[row] + utf16_to_byte_col(line, utf16_col)

    def utf16_position(self, offset: int) -> tuple[int, int]:
        row, col = self.point(offset)
        return row, byte_to_utf16_col(self.line_bytes(row), col)


def byte_to_utf16_col(line: bytes, byte_col: int) -> int:
    return len(line[:byte_col].decode("utf-8", "replace").encode("utf-16-le")) // 2


def byte_to_char_col(line: bytes, byte_col: int) -> int:
    return len(line[:byte_col].decode("utf-8", "replace"))


def utf16_to_byte_col(line: bytes, utf16_col: int) -> int:
    text = line.decode("utf-8", "replace")
    units = 0
    for i, ch in enumerate(text):
        if units >= utf16_col:
            return len(text[:i].encode("utf-8"))
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(line)
