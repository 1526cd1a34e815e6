"""What every report format needs: 1-based character columns and severity ranks."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..engine.findings import Finding
from ..engine.positions import byte_to_char_col

SEVERITY_RANK = {"hint": 0, "info": 1, "warning": 2, "error": 3}


@lru_cache(maxsize=64)
def _lines(path: str) -> list[bytes]:
    try:
        return Path(path).read_bytes().split(b"\n")
    except OSError:
        return []


def char_columns(f: Finding) -> tuple[int, int]:
    """1-based start and end character columns (people and SARIF count characters)."""
    lines = _lines(f.path)

    def col(row: int, byte_col: int) -> int:
        if row < len(lines):
            return byte_to_char_col(lines[row], byte_col) + 1
        return byte_col + 1
    return col(*f.start), col(*f.end)


def at_or_above(severity: str, threshold: str) -> bool:
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]
