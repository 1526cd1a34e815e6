"""Byte ranges [start, end): merging, shifting by an edit, overlap."""

from __future__ import annotations


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, with overlapping or touching [start, end) spans joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def shift_range(r: tuple[int, int], start: int, old_end: int, delta: int) -> tuple[int, int]:
    """``r`` after bytes [start, old_end) were replaced by ``delta`` more (or fewer) bytes."""
    s, e = r
    s = s if s <= start else (s + delta if s >= old_end else start)
    e = e if e <= start else (e + delta if e >= old_end else start + max(0, delta + (old_end - start)))
    return s, max(s, e)


def overlaps_any(span: tuple[int, int], regions: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in regions)
