"""Inline suppressions.

``ztlint: ignore[RULE-ID, ...] reason`` in a comment on the finding's line, the line before it,
or the first/last line of the enclosing statement (so multi-line calls work);
``ztlint: ignore-file[RULE-ID]`` anywhere in the file. ``nosec`` (Python) suppresses security
and secret rules on its line; ``gitleaks:allow`` and ``pragma: allowlist secret`` suppress secret rules.

Only comments count: a directive inside a string (``eval(x + "# ztlint: ignore[*]")``) is data,
and may well be the attacker's. Where a grammar parsed the file, comments are its comment
nodes; elsewhere a comment is recognised by the file type's syntax (see :func:`_text_comment_start`).
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass, field

import tree_sitter

from .findings import Finding

_DIRECTIVE = re.compile(rb"ztlint:\s*(ignore-file|ignore)\[([^\]\r\n]*)\]([^\r\n]*)")
_NOSEC = re.compile(rb"(?<![\w-])nosec\b")
_SECRET_ALLOW = re.compile(rb"gitleaks:allow|pragma:\s*allowlist[ -]secret")

# Files without a grammar. A comment is a whole line starting with one of these leaders ...
_LINE_LEADERS = (b"#", b"//", b"/*", b"*", b"<!--", b"--", b";", b"REM ", b"rem ", b"::")
# ... and, in these formats, also `#` (or `;`) after whitespace outside quotes: `KEY=v  # ...`.
# (Java .properties has no trailing comments: there `v # x` is the value.)
# (.txt: pip requirement files; .lock: TOML lock files, whose pins OSV checks report on)
_TRAILING = {".env": b"#", ".ini": b"#;", ".cfg": b"#;", ".conf": b"#", ".toml": b"#", ".txt": b"#",
             ".lock": b"#"}


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


def _line_end(source: bytes, line_starts: list[int], row: int) -> int:
    end = line_starts[row + 1] if row + 1 < len(line_starts) else len(source)
    while end > line_starts[row] and source[end - 1] in b"\r\n":
        end -= 1
    return end


def _markers(source: bytes, marker: bytes, line_starts: list[int]):
    """(offset, row, line start, line end) of each occurrence: a find() loop, so a file
    without the marker costs one memchr-speed scan and no regex."""
    pos = source.find(marker)
    while pos != -1:
        row = bisect.bisect_right(line_starts, pos) - 1
        yield pos, row, line_starts[row], _line_end(source, line_starts, row)
        pos = source.find(marker, pos + len(marker))


def _tree_comment(root: tree_sitter.Node, pos: int, length: int) -> tuple[int, int] | None:
    """[start, end) of the comment node holding source[pos:pos+length], if one does."""
    node = root.descendant_for_byte_range(pos, pos + length)
    for _ in range(2):  # the node, or its parent (grammars whose comments have parts)
        if node is None:
            return None
        if "comment" in node.type:
            return node.start_byte, node.end_byte
        node = node.parent
    return None


def _text_comment_start(line: bytes, trailing: bytes) -> int | None:
    """Where the comment on a line of a file without a grammar starts, if it has one."""
    body = line.lstrip()
    if body.startswith(_LINE_LEADERS):
        return len(line) - len(body)
    quote = None
    for i, ch in enumerate(line):
        c = bytes((ch,))
        if quote:
            quote = None if c == quote else quote
        elif c in b"'\"":
            quote = c
        elif c in trailing and i > 0 and line[i - 1:i] in b" \t":
            return i
    return None


class _Comments:
    """Answers "is this offset inside a comment?" for one file."""

    def __init__(self, source: bytes, tree: tree_sitter.Tree | None, path: str):
        self.source, self.root = source, tree.root_node if tree is not None else None
        base = os.path.basename(path).lower()
        ext = ".env" if base.startswith(".env") or base.endswith(".env") else os.path.splitext(base)[1]
        self.trailing = _TRAILING.get(ext, b"")

    def span(self, pos: int, length: int, line_start: int, line_end: int) -> tuple[int, int] | None:
        """The comment holding [pos, pos+length), clipped to its line, or None."""
        if self.root is not None:
            span = _tree_comment(self.root, pos, length)
            if span is None or span[1] < pos + length:
                return None
            return max(span[0], line_start), min(span[1], line_end)
        at = _text_comment_start(self.source[line_start:line_end], self.trailing)
        return None if at is None or line_start + at > pos else (line_start + at, line_end)


def parse(source: bytes, line_starts: list[int], tree: tree_sitter.Tree | None = None,
          path: str = "") -> Suppressions:
    """Find every directive in a comment (the language server calls this on each analysis).
    ``tree``: the file's syntax tree when a grammar parsed it; else ``path`` tells the syntax."""
    out = Suppressions()
    comments = _Comments(source, tree, path)
    for pos, row, start, end in _markers(source, b"ztlint:", line_starts):
        m = _DIRECTIVE.match(source, pos, end)
        if m is None or (pos > 0 and (source[pos - 1:pos].isalnum() or source[pos - 1:pos] == b"_")):
            continue
        span = comments.span(pos, m.end(2) + 1 - pos, start, end)  # up to the `]`
        if span is None:
            continue
        rules = frozenset(r.strip().decode("utf-8", "replace")
                          for r in m.group(2).split(b",") if r.strip()) or frozenset({"*"})
        reason = source[m.start(3):max(m.start(3), span[1])]
        reason = reason.strip().rstrip(b"*/->").strip().decode("utf-8", "replace")
        own_line = not source[start:span[0]].strip()
        s = Suppression(row, rules, reason, m.group(1) == b"ignore-file", own_line)
        if s.file_level:
            out.file_level.append(s)
        else:
            out.by_row.setdefault(s.row, []).append(s)
    for pos, row, start, end in _markers(source, b"nosec", line_starts):
        if _NOSEC.match(source, pos, end) and (pos == 0 or not source[pos - 1:pos].isalnum()) \
                and comments.span(pos, 5, start, end) is not None:
            out.nosec_rows.add(row)
    for marker in (b"gitleaks:allow", b"allowlist"):
        for pos, row, start, end in _markers(source, marker, line_starts):
            m = _SECRET_ALLOW.search(source, max(start, pos - 12), end)  # "pragma: " precedes
            if m and m.start() <= pos < m.end() and comments.span(m.start(), m.end() - m.start(),
                                                                    start, end) is not None:
                out.secret_allow_rows.add(row)
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
