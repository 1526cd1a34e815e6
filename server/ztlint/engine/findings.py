"""Findings, fixes and fingerprints: what every front-end consumes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Edit:
    start_byte: int
    end_byte: int
    text: str


@dataclass(frozen=True)
class Fix:
    title: str
    safe: bool
    edits: tuple[Edit, ...]


@dataclass
class Finding:
    rule_id: str
    severity: str
    message: str  # secrets already redacted
    start_byte: int
    end_byte: int
    start: tuple[int, int]  # (row, byte column), 0-based
    end: tuple[int, int]
    anchor: tuple[int, int]  # first and last row of the enclosing statement (suppression anchor)
    anchor_bytes: tuple[int, int] = (0, 0)  # the same statement in bytes (survives edits)
    fingerprint: str = ""
    fix: Fix | None = None
    confidence: str = "high"
    path: str = ""
    baseline: bool = False  # matched a baseline entry: shown, never a failure

    @property
    def line(self) -> int:
        return self.start[0] + 1

    def sort_key(self):
        return (self.path, self.start_byte, self.end_byte, self.rule_id)

    def shifted(self, delta: int) -> "Finding":
        """This finding moved by ``delta`` bytes (rows are recomputed by :meth:`relocate`)."""
        fix = None if self.fix is None else Fix(self.fix.title, self.fix.safe, tuple(
            Edit(e.start_byte + delta, e.end_byte + delta, e.text) for e in self.fix.edits))
        return replace(self, start_byte=self.start_byte + delta, end_byte=self.end_byte + delta,
                       anchor_bytes=(self.anchor_bytes[0] + delta, self.anchor_bytes[1] + delta),
                       fix=fix)

    def relocate(self, point) -> None:
        """Recompute rows and columns from byte offsets with ``point(offset) -> (row, col)``."""
        self.start = point(self.start_byte)
        self.end = point(self.end_byte)
        self.anchor = (point(self.anchor_bytes[0])[0], point(self.anchor_bytes[1])[0])


def fingerprint(rule_id: str, path: str, matched: bytes) -> str:
    """Stable across line moves: rule, file and a hash of the matched text (never the text)."""
    digest = hashlib.sha256()
    # surrogateescape: a file name that is not UTF-8 hashes as its bytes (the same as before
    # for every UTF-8 name)
    for part in (rule_id.encode(), path.replace("\\", "/").encode("utf-8", "surrogateescape"),
                 b" ".join(matched.split())):
        digest.update(part + b"\0")
    return digest.hexdigest()[:32]


def apply_fixes(source: bytes, fixes: list[Fix]) -> bytes:
    """Apply the fixes' edits; an edit overlapping one already taken is skipped (as editors do)."""
    edits = sorted((e for f in fixes for e in f.edits), key=lambda e: (e.start_byte, e.end_byte))
    out, pos = [], 0
    for e in edits:
        if e.start_byte < pos:
            continue
        out.append(source[pos:e.start_byte])
        out.append(e.text.encode("utf-8"))
        pos = e.end_byte
    out.append(source[pos:])
    return b"".join(out)
