"""One open document, the front door the server and the code actions use: LSP edits in (UTF-16
positions), finished findings, lines and notes out. Byte offsets stay behind this door."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..engine.findings import Finding
from ..engine.incremental import IncrementalDocument
from ..engine.positions import LineIndex
from ..engine.rules import Rule
from .debounce import Debounce

_NEWLINE_SNIFF = 4096


@dataclass
class Document:
    uri: str
    path: str
    folder: Path | None
    language: str | None
    version: int | None
    incr: IncrementalDocument | None = None  # None when the document is skipped
    skipped: str | None = None
    debounce: Debounce = field(default_factory=Debounce)  # when its next analysis runs
    # the text of a skipped document (edits may bring it back under the limits); lines are
    # indexed on its first edit only
    text: bytes | LineIndex = b""
    notes_logged: tuple[str, ...] = ()  # the notes last written to the client's log

    def cancel_pending(self) -> None:
        self.debounce.cancel()

    @property
    def analysed(self) -> bool:
        """False when the document is skipped (``skipped`` says why)."""
        return self.incr is not None

    @property
    def source(self) -> bytes:
        if self.incr is not None:
            return self.incr.source
        return self.text.source if isinstance(self.text, LineIndex) else self.text

    # -- edits ---------------------------------------------------------------------------
    def apply_change(self, change) -> None:
        """Apply one didChange content change (a UTF-16 range, or the whole text), to the
        analysed or to the skipped text. Cheap: the analysis runs in :meth:`findings`."""
        new = change.text.encode("utf-8", "surrogatepass")
        if self.incr is None and not isinstance(self.text, LineIndex):
            self.text = LineIndex(self.text)
        index = self.incr.index if self.incr is not None else self.text
        r = getattr(change, "range", None)
        if r is None:  # the whole document
            start, end = 0, len(index.source)
        else:
            start = index.offset_of_utf16(r.start.line, r.start.character)
            end = index.offset_of_utf16(r.end.line, r.end.character)
        if self.incr is not None:
            self.incr.edit(start, end, new)
        else:
            old = index.source
            start = max(0, min(start, len(old)))
            end = max(start, min(end, len(old)))
            index.apply_edit(old[:start] + new + old[end:], start, end, start + len(new))

    def apply_changes(self, changes) -> None:
        for change in changes:
            self.apply_change(change)

    # -- what the analysis says ----------------------------------------------------------
    def findings(self) -> list[Finding]:
        """The findings of the current text (analysing the edits not analysed yet); none for
        a skipped document."""
        if self.incr is None:
            return []
        return self.incr.analyze()

    @property
    def notes(self) -> list[str]:
        """Why the findings are partial (empty when they are not)."""
        return self.incr.notes if self.incr is not None else []

    def set_baseline(self, accepted: frozenset[str]) -> None:
        if self.incr is not None:
            self.incr.set_baseline(accepted)

    def rule(self, rule_id: str) -> Rule:
        return self.incr.ruleset.rules[rule_id]

    def finding_at(self, line: int, character: int) -> Finding | None:
        """The first current finding at an LSP position (no analysis: what is shown)."""
        if self.incr is None:
            return None
        offset = self.incr.index.offset_of_utf16(line, character)
        return next((f for f in self.incr.findings if f.start_byte <= offset <= f.end_byte), None)

    # -- text ----------------------------------------------------------------------------
    def line(self, n: int) -> str:
        """Line ``n`` (0-based) without its line end."""
        index = self.incr.index if self.incr is not None else LineIndex(self.source)
        return index.line_bytes(n).decode("utf-8", "replace")

    @property
    def newline(self) -> str:
        """The document's own line end, for text inserted as a new line."""
        head = self.source[:_NEWLINE_SNIFF]
        if b"\r\n" in head:
            return "\r\n"
        return "\r" if b"\r" in head and b"\n" not in head else "\n"
