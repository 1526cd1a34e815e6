"""Findings, fixes and fingerprints: what every front-end consumes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from .positions import Columns, LineIndex, edited_between


@dataclass(frozen=True)
class Edit:
    start_byte: int
    end_byte: int
    text: str
    # (row, UTF-16 column) of start and end, set when the finding is placed (see Finding.place)
    utf16: tuple[tuple[int, int], tuple[int, int]] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Fix:
    title: str
    safe: bool
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class FlowStep:
    """One step of a flow finding's path, from the source to the sink."""
    start_byte: int
    end_byte: int
    message: str
    # set by Finding.complete: rows with byte, character and UTF-16 columns
    start: tuple[int, int] = (0, 0)
    end: tuple[int, int] = (0, 0)
    columns: Columns | None = None
    cell: int | None = None  # notebooks: the cell the step is in (its index)


@dataclass(frozen=True)
class CellPlace:
    """Where in a notebook a finding is: the cell (its index in the notebook, 0-based), the
    output of that cell when the text is one, and (row, character column) points in that
    text, 0-based."""
    index: int
    output: int | None
    start: tuple[int, int]
    end: tuple[int, int]


@dataclass(frozen=True)
class Origin:
    """Where a finding's text came from when it is not the file on disk: a commit (history
    scans), shown by every report."""
    commit: str
    date: str  # author date, ISO 8601


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
    columns: Columns | None = None  # character and UTF-16 columns (see place)
    flow: tuple[FlowStep, ...] = ()  # flow rules: the steps from the source to the sink
    origin: Origin | None = None  # history scans: the commit that added the text
    cell: CellPlace | None = None  # notebooks: where in the notebook (engine.notebook_layout)

    @property
    def line(self) -> int:
        return self.start[0] + 1

    def sort_key(self):
        return (self.path, self.start_byte, self.end_byte, self.rule_id)

    def shifted(self, delta: int, rows: int = 0) -> "Finding":
        """A copy moved by ``delta`` bytes. Rows move by ``rows`` (for a piece of text placed
        in a larger one: columns stay); after an edit, :meth:`place` recomputes them."""
        moved = object.__new__(Finding)  # (a plain copy: dataclasses.replace is slow per keystroke)
        moved.__dict__.update(self.__dict__)
        if delta or rows:
            moved.start_byte, moved.end_byte = self.start_byte + delta, self.end_byte + delta
            moved.anchor_bytes = (self.anchor_bytes[0] + delta, self.anchor_bytes[1] + delta)
            if self.flow:
                moved.flow = tuple(FlowStep(f.start_byte + delta, f.end_byte + delta, f.message)
                                   for f in self.flow)
            if self.fix is not None:
                moved.fix = Fix(self.fix.title, self.fix.safe,
                                tuple(_shift_edit(e, delta, rows) for e in self.fix.edits))
        if rows:
            moved.start, moved.end = (self.start[0] + rows, self.start[1]), (self.end[0] + rows, self.end[1])
            moved.anchor = (self.anchor[0] + rows, self.anchor[1] + rows)
        return moved

    def place(self, index: LineIndex, changed: list[tuple[int, int]] | None = None) -> None:
        """Rows (from the byte offsets) and columns in ``index``'s text, after edits.
        ``changed``: the byte ranges edited since the columns were computed (None: all of
        them); columns those edits cannot have moved are kept, so an edit costs column work
        only for the findings on the lines it changed."""
        start = index.point(self.start_byte)
        self.start, self.end = start, index.point(self.end_byte)
        self.anchor = (index.row_of(self.anchor_bytes[0]), index.row_of(self.anchor_bytes[1]))
        if changed is None or edited_between(changed, self.start_byte - start[1], self.end_byte):
            self.columns = None
        if self.fix is not None:
            edits = tuple(_moved_edit(e, index, changed) for e in self.fix.edits)
            if any(a is not b for a, b in zip(edits, self.fix.edits)):
                self.fix = Fix(self.fix.title, self.fix.safe, edits)
        self.complete(index)

    def complete(self, index: LineIndex) -> None:
        """Fill in the columns not known yet (of the finding: from its rows and byte columns;
        of its fix's edits: from their byte offsets)."""
        if self.columns is None:
            self.columns = index.columns(self.start, self.end)
        if any(s.columns is None for s in self.flow):
            self.flow = tuple(s if s.columns is not None else _placed_step(s, index) for s in self.flow)
        if self.fix is not None and any(e.utf16 is None for e in self.fix.edits):
            self.fix = Fix(self.fix.title, self.fix.safe, tuple(
                e if e.utf16 is not None else
                replace(e, utf16=(index.utf16_position(e.start_byte), index.utf16_position(e.end_byte)))
                for e in self.fix.edits))


def _placed_step(s: FlowStep, index: LineIndex) -> FlowStep:
    start, end = index.point(s.start_byte), index.point(s.end_byte)
    return FlowStep(s.start_byte, s.end_byte, s.message, start, end, index.columns(start, end), s.cell)


def _shift_edit(e: Edit, delta: int, rows: int) -> Edit:
    utf16 = e.utf16
    if utf16 is not None and rows:
        utf16 = ((utf16[0][0] + rows, utf16[0][1]), (utf16[1][0] + rows, utf16[1][1]))
    return Edit(e.start_byte + delta, e.end_byte + delta, e.text, utf16)


def _moved_edit(e: Edit, index: LineIndex, changed: list[tuple[int, int]] | None) -> Edit:
    """The edit with its rows brought up to date, its columns dropped when they may have moved."""
    if e.utf16 is None:
        return e
    row, col = index.point(e.start_byte)
    if changed is None or edited_between(changed, e.start_byte - col, e.end_byte):
        return replace(e, utf16=None)
    rows = (row, index.row_of(e.end_byte))
    if rows == (e.utf16[0][0], e.utf16[1][0]):
        return e
    return replace(e, utf16=((rows[0], e.utf16[0][1]), (rows[1], e.utf16[1][1])))


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
