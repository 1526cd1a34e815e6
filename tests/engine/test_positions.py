from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ztlint.engine.positions import (LineIndex, byte_to_char_col, byte_to_utf16_col,
                                     edited_between, utf16_to_byte_col)

TEXT = "a = 'é'\r\nb = '中文'\r\nc = '😀x'\n".encode("utf-8")


def test_line_index_points_with_crlf():
    idx = LineIndex(TEXT)
    assert idx.point(0) == (0, 0)
    second = TEXT.index(b"b =")
    assert idx.point(second) == (1, 0)
    assert idx.line_bytes(0) == "a = 'é'".encode()


def test_utf16_columns_for_bmp_and_astral_characters():
    line = "c = '😀x'".encode()
    x = line.index(b"x")
    assert byte_to_utf16_col(line, x) == 7  # emoji is 2 UTF-16 units, 4 bytes
    assert byte_to_char_col(line, x) == 6
    assert utf16_to_byte_col(line, 7) == x
    line = "b = '中文'".encode()
    end = line.rindex(b"'")
    assert byte_to_utf16_col(line, end) == 7
    assert utf16_to_byte_col(line, 6) == line.index("文".encode())


def test_round_trip_every_offset_on_char_boundaries():
    idx = LineIndex(TEXT)
    text = TEXT.decode()
    offset = 0
    for i, ch in enumerate(text):
        if not (ch == "\n" and text[i - 1] == "\r"):  # inside a CRLF is not a position
            row, col16 = idx.utf16_position(offset)
            assert idx.offset_of_utf16(row, col16) == offset
        offset += len(ch.encode())


def test_positions_past_the_end_clamp():
    idx = LineIndex(b"ab\ncd")
    assert idx.offset_of_utf16(0, 99) == 2
    assert idx.offset_of_utf16(9, 0) == 5


def test_ascii_lines_convert_columns_directly():
    assert utf16_to_byte_col(b"abc", 2) == 2
    assert utf16_to_byte_col(b"abc", 9) == 3


_PIECES = st.sampled_from(["x", "ab", "\n", "é", "😀", "\r\n", "", "中文\n"])


@settings(max_examples=200, deadline=None)
@given(start=st.lists(_PIECES, max_size=12).map("".join),
       edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 4), _PIECES), max_size=25))
def test_edited_index_equals_a_fresh_one(start, edits):
    """Edits within a line are kept as a pending shift: every answer must still be exact."""
    source = start.encode()
    idx = LineIndex(source)
    for where, removed, inserted in edits:
        s = int(where * len(source))
        e = min(len(source), s + removed)
        new = inserted.encode()
        source = source[:s] + new + source[e:]
        idx.apply_edit(source, s, e, s + len(new))
        fresh = LineIndex(source)
        for off in range(len(source) + 1):
            assert idx.point(off) == fresh.point(off)
        for row in range(fresh.line_count + 1):
            assert idx.line_bytes(row) == fresh.line_bytes(row)
    assert idx.starts == LineIndex(source).starts


def test_columns_in_characters_and_utf16_units():
    idx = LineIndex(TEXT)
    start = TEXT.index("😀".encode())
    cols = idx.columns(idx.point(start), idx.point(start + len("😀x".encode())))
    assert cols.char == (5, 7) and cols.utf16 == (5, 8)  # the emoji: 1 character, 2 units
    start = TEXT.index("中".encode())
    cols = idx.columns(idx.point(start), idx.point(start + len("中文".encode())))
    assert cols.char == (5, 7) and cols.utf16 == (5, 7)
    start = TEXT.index("é".encode())
    assert idx.columns(idx.point(start), idx.point(start + 2)).char == (5, 6)


def test_columns_on_cr_only_lines():
    idx = LineIndex("x\ré = 'é'\r".encode())
    start = len("x\ré = '".encode())
    assert idx.columns(idx.point(start), idx.point(start + 2)).char == (5, 6)


def test_which_columns_an_edit_can_move():
    c = 10  # "cccc" in b"aaaa\nbbbb\ncccc\n", its line starts at 10
    assert not edited_between([(0, 3)], c, c + 4)  # an edit on an earlier line
    assert edited_between([(10, 11)], c, c + 4)  # before it on its line
    assert edited_between([(9, 10)], c, c + 4)  # its line break
    assert not edited_between([(15, 15)], c, c + 4)  # after it
