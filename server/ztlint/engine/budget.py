"""A time budget for one file's analysis, and the notes that say where it was not complete.

Rules check the budget between units of work (a rule, a line window, a query match); once it
is spent they stop, and the analysis carries a note that its results are partial. A file
analysed in part must never look clean.
"""

from __future__ import annotations

import time
from contextlib import contextmanager

DEFAULT_SECONDS = 5.0  # config.DEFAULT_ANALYSIS_BUDGET
# A regex that needs backtracking (a bundled rule not yet on the linear engine) is not run on
# a line or node text longer than this: it could take quadratic time there.
MAX_BACKTRACK_TEXT = 4096


class Budget:
    def __init__(self, seconds: float | None = DEFAULT_SECONDS):
        self.seconds = seconds
        self._deadline = None if seconds is None else time.monotonic() + seconds
        self.cut = False
        self.notes: list[str] = []
        # (rule id, byte offset of the line or node, length) of every text not checked: the
        # incremental path moves these with edits and renders their notes itself
        self.long_texts: list[tuple[str, int, int]] = []

    def spent(self) -> bool:
        """True once the time is up (and from then on)."""
        if not self.cut and self._deadline is not None and time.monotonic() > self._deadline:
            self.cut = True
            self.note(cut_note(self.seconds))
        return self.cut

    @contextmanager
    def uncharged(self):
        """Work done inside is not charged to this file (compiling a rule set's queries on
        first use: the next file would not pay for it)."""
        start = time.monotonic()
        try:
            yield
        finally:
            if self._deadline is not None:
                self._deadline += time.monotonic() - start

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def skipped_long_text(self, rule_id: str, where: str, length: int, offset: int = 0) -> None:
        self.long_texts.append((rule_id, offset, length))
        self.note(long_text_note(rule_id, where, length))


def cut_note(seconds: float | None) -> str:
    return f"analysis stopped after its {seconds:g} s budget: results are partial"


def long_text_note(rule_id: str, where: str, length: int) -> str:
    return (f"rule {rule_id} not checked on {where} ({length} characters; its regex needs "
            f"backtracking, checked only up to {MAX_BACKTRACK_TEXT}): results are partial")
