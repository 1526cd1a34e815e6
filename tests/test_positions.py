from __future__ import annotations

from ztlint.engine.positions import (LineIndex, byte_to_char_col, byte_to_utf16_col,
                                     utf16_to_byte_col)

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
