"""Adaptive debounce (lsp/debounce.py) on a fake clock: when an edit's analysis runs, what gets
published, in which order."""

from __future__ import annotations

import heapq
import itertools
import random

import pytest

from ztlint.lsp.debounce import Debounce


class FakeLoop:
    """time() and call_at() of an asyncio loop, on a clock that moves only when told."""

    def __init__(self):
        self.now = 0.0
        self.timers: list = []
        self.seq = itertools.count()

    def time(self) -> float:
        return self.now

    def call_at(self, when, callback, *args):
        handle = Handle(when, callback, args)
        heapq.heappush(self.timers, (when, next(self.seq), handle))
        return handle

    def advance(self, dt: float) -> None:
        """Move the clock by ``dt``, running the timers that fall due on the way."""
        end = self.now + dt
        while self.timers and self.timers[0][0] <= end:
            when, _, h = heapq.heappop(self.timers)
            if h.cancelled:
                continue
            self.now = max(self.now, when)
            h.callback(*h.args)
        self.now = max(self.now, end)

    def due(self) -> list[float]:
        return sorted(when for when, _, h in self.timers if not h.cancelled)


class Handle:
    def __init__(self, when, callback, args):
        self.when, self.callback, self.args, self.cancelled = when, callback, args, False

    def cancel(self):
        self.cancelled = True


class FakeDocument:
    """An open document whose analysis takes ``cost`` seconds of the fake clock and publishes
    the version it analysed (the server's analyze_and_publish: stale timers do nothing)."""

    def __init__(self, loop: FakeLoop, cost: float, upper: float = 0.15):
        self.loop, self.cost, self.upper = loop, cost, upper
        self.version = 1
        self.debounce = Debounce()
        self.published: list[tuple[float, int]] = []

    def edit(self) -> None:
        self.version += 1
        version = self.version
        self.debounce.edited(self.loop, self.upper, lambda: self._analyse(version))

    def _analyse(self, version: int) -> None:
        if version != self.version:
            return  # a newer edit superseded this one
        self.loop.now += self.cost  # the analysis keeps the loop busy
        self.published.append((self.loop.now, version))

    def edits_at(self, times) -> float:
        """Edits arriving at the given times. One that arrives while an analysis runs is
        handled after it, back to back with the others that queued up meanwhile (as the
        server reads them from its input). Returns when the last one was handled."""
        for t in times:
            if t > self.loop.now:
                self.loop.advance(t - self.loop.now)
            self.edit()
        return self.loop.now

    def versions(self) -> list[int]:
        return [v for _, v in self.published]


def test_an_edit_on_an_idle_server_is_analysed_at_once():
    loop = FakeLoop()
    doc = FakeDocument(loop, cost=0.004)
    loop.advance(5.0)
    doc.edit()
    assert loop.due() == [5.0]  # not 150 ms later
    loop.advance(0)
    assert doc.versions() == [2]


def test_closed_loop_typing_publishes_every_version_without_waiting():
    loop = FakeLoop()
    doc = FakeDocument(loop, cost=0.005)
    for _ in range(50):
        loop.advance(0.002)  # the client's round trip: the next key after the diagnostics
        t = loop.time()
        doc.edit()
        loop.advance(0)
        assert doc.published[-1] == (pytest.approx(t + 0.005), doc.version)
    assert doc.versions() == list(range(2, 52))


def test_a_burst_with_a_slow_analysis_coalesces_into_few_publishes():
    loop = FakeLoop()
    doc = FakeDocument(loop, cost=0.04)
    doc.edit()
    loop.advance(1.0)  # one earlier analysis: the server knows it is slow
    first = len(doc.published)
    doc.edits_at(1.0 + i * 0.0002 for i in range(500))  # 500 changes in 0.1 s
    loop.advance(2.0)
    burst = doc.published[first:]
    assert len(burst) <= 3
    assert burst[-1][1] == doc.version == 502


def test_a_burst_faster_than_cheap_analyses_coalesces_too():
    loop = FakeLoop()
    doc = FakeDocument(loop, cost=0.003)
    doc.edit()
    loop.advance(1.0)
    first = len(doc.published)
    last_edit = doc.edits_at(1.0 + i * 0.0001 for i in range(500))
    loop.advance(1.0)
    burst = doc.published[first:]
    assert len(burst) <= 2
    assert burst[-1][1] == doc.version
    assert burst[-1][0] - last_edit <= 0.02  # a short quiet time, not the 150 ms upper bound


def test_the_upper_bound_still_publishes_during_a_long_stream_of_edits():
    loop = FakeLoop()
    doc = FakeDocument(loop, cost=0.02, upper=0.15)
    doc.edit()
    loop.advance(1.0)
    start = loop.time()
    doc.edits_at(start + i * 0.005 for i in range(400))  # every 5 ms for 2 s
    during = [t for t, _ in doc.published if t > start]
    assert len(during) >= 2.0 / 0.2  # diagnostics at least every upper bound (and its analysis)
    gaps = [b - a for a, b in zip(during, during[1:])]
    assert max(gaps) <= 0.15 + 0.02 + 0.005 + 1e-9


def test_a_slow_analysis_runs_at_once_after_a_pause_and_coalesces_the_edits_queued_behind_it():
    loop = FakeLoop()
    doc = FakeDocument(loop, cost=0.3)
    doc.edit()
    loop.advance(1.0)
    doc.edit()
    assert loop.due() == [1.0]  # a pause longer than an analysis: at once, although it is slow
    doc.edits_at([1.1, 1.2])  # typed while it runs (1.0-1.3): handled after it, back to back
    assert loop.due() == [pytest.approx(1.3 + 0.15)]  # one analysis for both, within the bound
    loop.advance(1.0)
    assert doc.versions() == [2, 3, 5]


def test_zero_upper_bound_analyses_every_version_at_once():
    loop = FakeLoop()
    doc = FakeDocument(loop, cost=0.04, upper=0)
    for _ in range(20):
        doc.edit()
    assert doc.versions() == list(range(2, 22))
    assert loop.due() == []


@pytest.mark.parametrize("seed", range(30))
def test_stale_versions_never_overwrite_newer_ones(seed):
    rnd = random.Random(seed)
    loop = FakeLoop()
    doc = FakeDocument(loop, cost=rnd.choice([0.001, 0.01, 0.08, 0.3]),
                       upper=rnd.choice([0.0, 0.05, 0.15, 0.5]))
    t = 0.0
    for _ in range(rnd.randrange(1, 300)):
        t += rnd.choice([0, 0.0001, 0.002, 0.02, 0.2])
        doc.edits_at([t])
        doc.cost = rnd.choice([doc.cost, 0.001, 0.1])
    loop.advance(5.0)
    versions = doc.versions()
    assert versions == sorted(set(versions))  # increasing: nothing older after something newer
    assert versions[-1] == doc.version  # the final version is published, and last
    assert loop.due() == []
