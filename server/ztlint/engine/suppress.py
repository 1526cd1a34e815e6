"""Inline suppressions.

``ztlint: ignore[RULE-ID, ...] reason`` in a comment on the finding's line, the line before it,
or the first/last line of the enclosing statement (so multi-line calls work);
``ztlint: ignore-file[RULE-ID]`` anywhere in the file. ``nosec`` (Python) suppresses security
and secret rules on its line; ``gitleaks:allow`` and ``pragma: allowlist secret`` suppress secret rules.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .findings import Finding

# A comment leader in any supported syntax, then the directive.
_DIRECTIVE = re.compile(
    rb"(?:#|//|/\*|<!--|--|;|\bREM\b)[^\n]*?\bztlint:\s*(ignore-file|ignore)\[([^\]\n]*)\]([^\n]*)")
_NOSEC = re.compile(rb"#[^\n]*\bnosec\b")
_SECRET_ALLOW = re.compile(rb"gitleaks:allow|pragma:\s*allowlist[ -]secret")


@dataclass
class Suppression:
    row: int  # 0-based
    rules: frozenset[str]  # "*" = all
    reason: str
    file_level: bool
    own_line: bool = False  # nothing but the comment on its line: it may govern the next line
    used: bool = False

    def covers(self, rule_id: str) -> bool:
        return "*" in self.rules or rule_id in self.rules


@dataclass
class Suppressions:
    by_row: dict[int, list[Suppression]] = field(default_factory=dict)
    file_level: list[Suppression] = field(default_factory=list)
    nosec_rows: set[int] = field(default_factory=set)
    secret_allow_rows: set[int] = field(default_factory=set)

    def all(self) -> list[Suppression]:
        return self.file_level + [s for lst in self.by_row.values() for s in lst]


def _lines_with(source: bytes, marker: bytes, line_starts: list[int]):
    """(row, line start, line end) of every line containing ``marker``: a find() loop, so a
    file without the marker costs one memchr-speed scan and no regex."""
    pos = source.find(marker)
    while pos != -1:
        row = bisect.bisect_right(line_starts, pos) - 1
        start = line_starts[row]
        end = source.find(b"\n", pos)
        end = len(source) if end == -1 else end
        yield row, start, end
        pos = source.find(marker, end)


def parse(source: bytes, line_starts: list[int]) -> Suppressions:
    """Find every directive (the language server calls this on each analysis)."""
    out = Suppressions()
    for row, start, end in _lines_with(source, b"ztlint:", line_starts):
        for m in _DIRECTIVE.finditer(source, start, end):
            rules = frozenset(r.strip().decode("utf-8", "replace")
                              for r in m.group(2).split(b",") if r.strip()) or frozenset({"*"})
            reason = m.group(3).strip().rstrip(b"*/->").strip().decode("utf-8", "replace")
            own_line = not source[start:m.start()].strip()
            s = Suppression(row, rules, reason, m.group(1) == b"ignore-file", own_line)
            if s.file_level:
                out.file_level.append(s)
            else:
                out.by_row.setdefault(s.row, []).append(s)
    out.nosec_rows = {row for row, start, end in _lines_with(source, b"nosec", line_starts)
                      if _NOSEC.search(source, start, end)}
    for marker in (b"gitleaks:allow", b"allowlist"):
        out.secret_allow_rows |= {row for row, start, end in _lines_with(source, marker, line_starts)
                                  if _SECRET_ALLOW.search(source, start, end)}
    return out


def is_suppressed(f: Finding, sup: Suppressions, is_secret: bool, language: str | None) -> bool:
    for s in sup.file_level:
        if s.covers(f.rule_id):
            s.used = True
            return True
    # Same-line directives first, so a stale one on the line above stays reportable as unused.
    same = (f.start[0], f.anchor[0], f.anchor[1])
    above = (f.start[0] - 1, f.anchor[0] - 1)
    for rows, need_own_line in ((same, False), (above, True)):
        for row in rows:
            for s in sup.by_row.get(row, ()):
                if s.covers(f.rule_id) and (s.own_line or not need_own_line):
                    s.used = True
                    return True
    lines = {f.start[0], f.anchor[0], f.anchor[1]}
    if is_secret and lines & sup.secret_allow_rows:
        return True
    if language == "python" and lines & sup.nosec_rows:
        return True
    return False
