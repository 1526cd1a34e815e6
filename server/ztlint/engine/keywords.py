"""Keyword prefilter for text rules: where do the rules' keywords occur in a piece of text?

With Hyperscan (a PyPI wheel on Linux) all keywords are found in one pass over the text;
without it, each distinct keyword is a `bytes.find` loop over the lowered text. A match of a
text rule must contain one of its keywords, and a single-line rule's match lies on one line, so
its regex only needs to run on the lines where its keywords occur.
"""

from __future__ import annotations

import re
import threading

try:  # optional accelerator
    import hyperscan
except ImportError:  # pragma: no cover - exercised where the wheel is missing
    hyperscan = None

# Past this many hits of one keyword, stop collecting positions: the rule scans the region
# (a regex over a region is cheap; thousands of tiny windows are not).
MAX_POSITIONS = 64


# Past this many keyword occurrences in one text, the one-pass scan gives up (each costs a
# Python call) and the keywords present are looked up one by one, each a C-speed find loop.
MAX_EVENTS = 16384


class KeywordIndex:
    def __init__(self, keywords: set[bytes]):
        self.keywords = sorted(keywords)
        self._local = threading.local()  # a Hyperscan database's scratch is per thread

    def _database(self, every: bool = False):
        """Hyperscan database of the keywords (None without Hyperscan): reporting each keyword
        once, or (``every``) every occurrence."""
        name = "every" if every else "once"
        db = getattr(self._local, name, None)
        if db is None and hyperscan is not None and self.keywords:
            db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
            flags = hyperscan.HS_FLAG_CASELESS | (0 if every else hyperscan.HS_FLAG_SINGLEMATCH)
            db.compile(expressions=[re.escape(k) for k in self.keywords],
                       ids=list(range(len(self.keywords))), elements=len(self.keywords),
                       flags=[flags] * len(self.keywords))
            setattr(self._local, name, db)
        return db

    def find(self, text: bytes, limit: int = MAX_POSITIONS) -> dict[bytes, list[int] | None]:
        """For each keyword present in ``text`` (case-insensitively): the offsets where it
        starts, or None when it occurs more than ``limit`` times (too often to be worth
        listing)."""
        if not self.keywords or not text:
            return {}
        every = self._database(every=True)
        if every is not None:
            found = self._scan_every(every, text, limit)
            if found is not None:
                return found
        db = self._database()
        if db is not None:  # which keywords occur: one pass, one callback per keyword
            seen: set[int] = set()

            def on_match(kid, start, end, flags, context):
                seen.add(kid)
            db.scan(text, match_event_handler=on_match)
            present = [self.keywords[i] for i in sorted(seen)]
        else:
            present = self.keywords
        lowered = text.lower()
        hits: dict[bytes, list[int] | None] = {}
        for kw in present:  # where they occur: C-speed find, bounded
            pos = lowered.find(kw)
            if pos == -1:
                continue
            lst: list[int] | None = []
            while pos != -1:
                if len(lst) >= limit:
                    lst = None
                    break
                lst.append(pos)
                pos = lowered.find(kw, pos + 1)
            hits[kw] = lst
        return hits

    def _scan_every(self, db, text: bytes, limit: int) -> dict[bytes, list[int] | None] | None:
        """:meth:`find` in one pass over ``text``; None when it holds too many occurrences."""
        offsets: dict[int, list[int]] = {}
        events = 0

        def on_match(kid, start, end, flags, context):
            nonlocal events
            events += 1
            if events > MAX_EVENTS:
                return True  # stop the scan
            offsets.setdefault(kid, []).append(end)
        try:
            db.scan(text, match_event_handler=on_match)
        except hyperscan.ScanTerminated:
            return None
        hits: dict[bytes, list[int] | None] = {}
        for kid in sorted(offsets):  # Hyperscan reports where a match ends
            kw, ends = self.keywords[kid], offsets[kid]
            hits[kw] = [end - len(kw) for end in ends] if len(ends) <= limit else None
        return hits


def keyword_map(keyword_sets) -> dict[bytes, list[int]]:
    """keyword -> indexes (in order) of the items whose keyword set holds it."""
    out: dict[bytes, list[int]] = {}
    for i, kws in enumerate(keyword_sets):
        for kw in kws:
            out.setdefault(kw, []).append(i)
    return out


def indexes_hit(by_keyword: dict[bytes, list[int]], hits, always=()) -> list[int]:
    """Sorted indexes of the items with a keyword among ``hits``, plus ``always``."""
    picked = set(always)
    for kw in hits:
        picked.update(by_keyword.get(kw, ()))
    return sorted(picked)


def line_windows(source: bytes, offsets: list[int], base: int = 0) -> list[tuple[int, int]]:
    """Merged [start, end) spans of the lines holding ``offsets`` (relative to ``base``)."""
    spans: list[tuple[int, int]] = []
    for off in sorted(offsets):
        pos = base + off
        if spans and pos < spans[-1][1]:
            continue
        start = source.rfind(b"\n", 0, pos) + 1
        end = source.find(b"\n", pos)
        end = len(source) if end == -1 else end + 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans
