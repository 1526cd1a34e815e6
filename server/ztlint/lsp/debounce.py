"""When to analyse a document after an edit: at once when the server is idle and the last
analysis was cheap next to the pace of the edits, coalescing only while an analysis is pending or
edits come faster than analyses finish.

A fixed delay makes every keystroke wait for it, although an incremental analysis usually takes
a few milliseconds. The delay here is 0 when no analysis is pending and the previous edit came
longer ago than the last analysis took; otherwise (a burst, or analyses slower than the typing)
the analysis waits until edits pause for about as long as an analysis takes. ``upper`` (the
``ztlint.debounceMs`` setting) bounds the wait from the first edit not yet analysed, so a
continuous stream of edits still gets diagnostics at least that often.

The analysis runs with the document's latest text; a timer is replaced, never added to, so an
older version is never published after a newer one. The clock and timers come from an
asyncio-like loop (``time()``, ``call_at()``), which tests replace.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Protocol

# while coalescing, the quiet time that ends a burst is at least this long
MIN_QUIET_S = 0.01


class Loop(Protocol):
    def time(self) -> float: ...

    def call_at(self, when: float, callback: Callable[..., Any], *args: Any) -> Any: ...


@dataclass
class Debounce:
    """Per-document timing: the pending analysis and what the last one cost."""
    pending: Any = None           # the timer handle of the scheduled analysis
    first_pending: float = 0.0    # when the first edit not yet analysed came
    last_edit: float = float("-inf")
    cost: float = 0.0             # seconds the last analysis (and its publish) took

    def cancel(self) -> None:
        if self.pending is not None:
            self.pending.cancel()
            self.pending = None

    def delay(self, now: float, upper: float) -> float:
        """How long after ``now`` an edit arriving then should wait (before the upper bound)."""
        if self.pending is None and now - self.last_edit >= self.cost:
            return 0.0  # idle, and edits come slower than analyses finish
        return min(upper, max(self.cost, MIN_QUIET_S))

    def edited(self, loop: Loop, upper: float, run: Callable[[], None]) -> None:
        """An edit arrived: (re)schedule ``run`` (which analyses the latest text and publishes).
        ``upper`` in seconds; 0 runs it now, for every version."""
        now = loop.time()
        if upper <= 0:
            self.cancel()
            self.last_edit = now
            self._run(loop, run)
            return
        delay = self.delay(now, upper)
        self.last_edit = now
        if self.pending is None:
            self.first_pending = now
        else:
            self.pending.cancel()
        when = min(now + delay, self.first_pending + upper)
        self.pending = loop.call_at(when, self._run, loop, run)

    def _run(self, loop: Loop, run: Callable[[], None]) -> None:
        self.pending = None
        start = loop.time()
        try:
            run()
        finally:
            self.cost = loop.time() - start
