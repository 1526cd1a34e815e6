"""Position conversions. tree-sitter counts bytes; LSP (VS Code) counts UTF-16 code units;
people count characters. This is the only module that converts between them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Columns:
    """0-based start and end columns of a range, in characters (people, SARIF) and in UTF-16
    code units (LSP). Rows and byte columns are the finding's own."""
    char: tuple[int, int]
    utf16: tuple[int, int]


class LineIndex:
    """Byte offset <-> (row, column) over one text, kept up to date through edits.

    Typing on one line moves the start of every later line; rather than rewrite thousands of
    offsets per keystroke, that move is kept as one pending shift (rows from ``_shift_row`` on
    are ``_shift`` bytes further) and applied when the whole list is asked for."""

    def __init__(self, source: bytes):
        self.source = source
        if b"\r" in source:
            self._starts = [0, *_starts_between(source, 1, len(source))]
        else:  # computed in C: lengths of the split lines, accumulated
            self._starts = [0, *itertools.accumulate(len(line) + 1 for line in source.split(b"\n")[:-1])]
        self._shift_row = len(self._starts)
        self._shift = 0
        self._lf: bytes | None = None
        self._parsed: bytes | None = None

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
        old, delta = self.source, new_end - old_end
        self.source, self._lf, self._parsed = source, None, None
        row = self.row_of(start)
        if (row == self.row_of(old_end) and not _has_eol(old, start, old_end)
                and not _has_eol(source, start, new_end)
                and (start == 0 or source[start - 1:start] != b"\r")):  # no \r\n to split or join
            if self._shift and self._shift_row != row + 1:
                self.starts  # noqa: B018 - a shift from another row: apply it first
            self._shift_row, self._shift = row + 1, self._shift + delta
            return
        # Whether offset p starts a line depends on bytes p-1 and p only, so line starts
        # before `start` and after `old_end` stand (shifted); those in between are recomputed.
        starts = self.starts
        lo = bisect.bisect_left(starts, max(start, 1))
        hi = bisect.bisect_right(starts, old_end)
        starts[lo:] = _starts_between(source, max(start, 1), new_end) + [s + delta for s in starts[hi:]]
        self._shift_row = len(starts)

    def lf_source(self) -> bytes:
        """The text with each lone ``\\r`` made a ``\\n`` (same length, same offsets), for
        regexes whose ``^``, ``$`` and ``[^\\n]`` know only ``\\n`` as a line end."""
        if self._lf is None:
            self._lf = lf_only(self.source)
        return self._lf

    def parser_source(self) -> bytes:
        """The text as grammars get it (see :func:`parser_text`)."""
        if self._parsed is None:
            self._parsed = _grammar_safe(self.lf_source())
        return self._parsed

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

    def columns(self, start: tuple[int, int], end: tuple[int, int]) -> Columns:
        """Character and UTF-16 columns of a range given as (row, byte column) points."""
        (srow, scol), (erow, ecol) = start, end
        sline = self.line_bytes(srow)
        eline = sline if erow == srow else self.line_bytes(erow)
        return Columns((byte_to_char_col(sline, scol), byte_to_char_col(eline, ecol)),
                       (byte_to_utf16_col(sline, scol), byte_to_utf16_col(eline, ecol)))


def edited_between(changed: list[tuple[int, int]], line_start: int, end: int) -> bool:
    """Whether edits over the byte ranges ``changed`` (in current offsets) may have moved the
    columns of a range that starts on the line at ``line_start`` and ends at ``end``: a column
    depends only on the bytes from its line's start to it, so edits above it or after it leave
    it as it was."""
    return any(s <= end and e >= line_start for s, e in changed)


_EOL = re.compile(rb"\r\n|\r|\n")
_LONE_CR = re.compile(rb"\r(?!\n)")
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes surrogateescape could not decode


def _has_eol(source: bytes, start: int, end: int) -> bool:
    return source.find(b"\n", start, end) != -1 or source.find(b"\r", start, end) != -1


def _starts_between(source: bytes, lo: int, hi: int) -> list[int]:
    """Line starts p with lo <= p <= hi (lo >= 1): offsets just after a line end, where
    ``\\r\\n`` is one line end, and a lone ``\\r`` or ``\\n`` another (as in LSP)."""
    return [m.end() for m in _EOL.finditer(source, lo - 1, hi + 1) if lo <= m.end() <= hi]


def lf_only(source: bytes) -> bytes:
    return _LONE_CR.sub(b"\n", source) if b"\r" in source else source


def parser_text(source: bytes) -> bytes:
    """The text as grammars get it, same length, same offsets: a lone ``\\r`` becomes ``\\n``
    (grammars know only ``\\n``); NUL and every byte that is not part of valid UTF-8 become
    ``_``. A grammar may give up on the whole file at such a byte (YAML's scanner does), and
    tree-sitter's ``#match?`` reads node text as strict UTF-8 cut at NUL: it raised
    UnicodeDecodeError out of every query, losing the file's findings."""
    return _grammar_safe(lf_only(source))


def _grammar_safe(source: bytes) -> bytes:
    if b"\0" in source:
        source = source.replace(b"\0", b"_")
    if source.isascii():
        return source
    try:
        source.decode("utf-8")
        return source
    except UnicodeDecodeError:
        return _ESCAPED.sub("_", source.decode("utf-8", "surrogateescape")).encode("utf-8")


def utf8_offset(text: str, index: int) -> int:
    """Byte offset in ``text``'s UTF-8 encoding of its character ``index``."""
    return len(text[:index].encode("utf-8", "surrogatepass"))


def byte_to_utf16_col(line: bytes, byte_col: int) -> int:
    if line.isascii():
        return len(line[:byte_col])
    return len(line[:byte_col].decode("utf-8", "replace").encode("utf-16-le")) // 2


def byte_to_char_col(line: bytes, byte_col: int) -> int:
    if line.isascii():
        return len(line[:byte_col])
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
