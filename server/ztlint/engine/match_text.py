"""Run text rules over bytes: each regex (on RE2), its checks on groups (``where``), the end
marker of multi-line blocks (``until``), and the secret checks (placeholders, entropy,
validators) before a finding is made."""

from __future__ import annotations

from . import secrets
from .budget import MAX_BACKTRACK_TEXT, Budget
from .findings import Finding, fingerprint
from .keywords import KeywordIndex, line_windows
from .linear_regex import Match
from .render import build_fix, interpolate, public_prefixes, safe_values
from .positions import LineIndex, lf_only
from .rules import Condition, Rule, TextRules


def run_text_rules(rules: list[Rule], source: bytes, index: LineIndex, path: str, enabled,
                   window: tuple[int, int] | None = None,
                   keywords: KeywordIndex | None = None,
                   budget: Budget | None = None) -> list[Finding]:
    """Findings of the text rules; with ``window`` (byte offsets on line boundaries), only there.
    ``budget``, when spent, stops the work (its notes say so)."""
    start, end = window or (0, len(source))
    # a lone \r ends a line too: regexes see it as \n (same offsets; see LineIndex.lf_source)
    source = index.lf_source() if source is index.source else lf_only(source)
    if keywords is None:
        keywords = KeywordIndex({k for r in rules for k in r.keywords})
    hits = keywords.find(source[start:end])
    out: list[Finding] = []
    for rule in rules.candidates(hits) if isinstance(rules, TextRules) else rules:
        if budget is not None and budget.spent():
            break
        found = [hits[k] for k in rule.keywords if k in hits]
        if rule.keywords and not found:
            continue
        if not enabled(rule.id):
            continue
        if not rule.keywords or rule.multiline or any(f is None for f in found):
            spans = [(start, end)]
        else:  # a single-line match holds its keyword: only those lines can match
            spans = line_windows(source, [o for f in found for o in f], start)
        if not rule.regex.linear:
            spans = _short_lines(rule, spans, source, index, budget)
        for s, e in spans:
            if budget is not None and budget.spent():
                break
            for m in _text_matches(rule, source, s, e):
                if not rule.multiline and b"\n" in m.group(0):
                    continue
                f = _text_finding(rule, m, index, path)
                if f is not None:
                    out.append(f)
    return out


def _text_matches(rule: Rule, source: bytes, start: int, end: int):
    """The rule's matches in [start, end) whose groups pass its conditions. A match that fails
    them is dropped and the search goes on from its next character, as a look-ahead in the
    regex would make it."""
    if not rule.conditions and rule.until is None:
        yield from rule.regex.finditer(source, start, end)
        return
    pos = start
    ends: dict = {}  # end marker -> where it occurs next (a cache: one pass over the text)
    while pos <= end:
        m = rule.regex.search(source, pos, end)
        if m is None:
            return
        s, e = m.span()
        if rule.until is not None:
            m = _run_until(rule, m, source, end, ends)
            if m is None:
                pos = s + 1
                continue
            e = m.end()
        if all(_text_holds(c, m, source) for c in rule.conditions):
            yield m
            pos = e if e > s else e + 1
        else:
            pos = s + 1


def _run_until(rule: Rule, m, source: bytes, limit: int, ends: dict):
    """``m`` run on to the rule's first end marker that starts min..max characters after it
    (with every group that ended where the match did), or None when there is none."""
    markers, lo, hi = rule.until
    base = m.end()
    best = None
    for marker in markers:
        at = ends.get(marker, -1)
        if at < base + lo:  # not found yet, or behind us: look again from here
            at = source.find(marker, base + lo, limit)
            ends[marker] = at if at >= 0 else len(source)
        if 0 <= at <= base + hi and at + len(marker) <= limit and (best is None or at < best[0]):
            best = (at, at + len(marker))
    if best is None:
        return None
    n = rule.regex.groups
    spans = [m.span(i) for i in range(n + 1)]
    spans = [(a, best[1]) if b == base and a >= 0 else (a, b) for a, b in spans]
    return Match(spans, source, rule.regex.groupindex)


def _text_holds(cond: Condition, m, source: bytes) -> bool:
    kind = cond.kind
    value = m.group(cond.capture)
    if value is None:
        return kind.startswith("not-")
    if kind in ("same-as", "not-same-as"):
        return (value == m.group(cond.value)) == (kind == "same-as")
    if kind in ("behind", "not-behind"):  # what a look-behind at the capture's start would see
        start = m.start(cond.capture)
        found = cond.value.search(memoryview(source)[source.rfind(b"\n", 0, start) + 1:start])
        return (found is not None) == (kind == "behind")
    if kind in ("ahead", "not-ahead"):  # what a look-ahead at the capture's start would see
        start = m.start(cond.capture)
        nl = source.find(b"\n", start)
        found = cond.value.search(memoryview(source)[start:nl if nl >= 0 else len(source)])
        return (found is not None) == (kind == "ahead")
    if kind in ("regex", "not-regex"):
        return (cond.value.search(value) is not None) == (kind == "regex")
    if kind in ("equals", "not-equals"):
        return (value == cond.value) == (kind == "equals")
    return (value in cond.value) == (kind == "any-of")


def _short_lines(rule: Rule, spans, source: bytes, index: LineIndex, budget: Budget | None):
    """``spans`` less the lines too long for a regex that needs backtracking (each skipped
    line gets a note): on those it could take quadratic time or worse."""
    out = []
    for s, e in spans:
        if e - s <= MAX_BACKTRACK_TEXT:
            out.append((s, e))
            continue
        start = s
        while start < e:
            nl = source.find(b"\n", start, e)
            end = e if nl < 0 else nl + 1
            if end - start > MAX_BACKTRACK_TEXT:
                if budget is not None:
                    budget.skipped_long_text(rule.id, f"line {index.point(start)[0] + 1}",
                                             end - start, start)
            elif out and out[-1][1] == start:
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
            start = end
    return out


def _text_finding(rule: Rule, m, index: LineIndex, path: str) -> Finding | None:
    group = rule.secret_group if rule.secret_group in rule.regex.groupindex else 0
    value = m.group(group)
    if value is None:
        return None
    if rule.keywords:
        # The keyword must be part of the match, so the prefilter is only an optimisation:
        # a line window and the whole file give the same findings.
        whole = m.group(0).lower()
        if not any(k in whole for k in rule.keywords):
            return None
    s, e = m.span(group)
    if rule.is_secret:
        text = value.decode("utf-8", "replace")
        if secrets.is_placeholder(text):
            return None
        if rule.min_entropy and secrets.shannon_entropy(value) < rule.min_entropy:
            return None
        if not secrets.validate(rule.validator, text):
            return None
    raw = {k: (v or b"").decode("utf-8", "replace") for k, v in m.groupdict().items()}
    raw["match"] = m.group(0).decode("utf-8", "replace")
    values = raw
    if rule.is_secret:
        values = safe_values(rule, values)
        values.setdefault("secret", secrets.redact(value, public_prefixes(rule, group)))
    start, end = index.point(s), index.point(e)
    return Finding(
        rule_id=rule.id, severity=rule.severity, confidence=rule.confidence,
        message=interpolate(rule.message, values), start_byte=s, end_byte=e,
        start=start, end=end, anchor=(start[0], end[0]), anchor_bytes=(s, e),
        fingerprint=fingerprint(rule.id, path, value), path=path,
        fix=build_fix(rule, _spans(m), raw),
    )


def _spans(m) -> dict[str, tuple[int, int]]:
    spans = {name: m.span(name) for name, v in m.groupdict().items() if v is not None}
    spans["match"] = m.span(0)
    return spans
