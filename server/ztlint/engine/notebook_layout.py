"""A notebook's texts laid end to end as one document, and findings placed back in their cells.

The code cells make one document in cell order (each ends with a newline), so definitions of
earlier cells reach later ones. IPython's magics are not Python: a line starting with ``%`` or
``!`` (also ``x = !ls``) has that character turned into ``#``, a comment of the same length, so
lines, columns and the text a secret rule reads are all kept. The scan and the language server
build the same document with :func:`build` and place findings with :func:`in_cells`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from .analyze import Analysis, analyze
from .findings import CellPlace, Finding, FlowStep
from .notebook import Part, raw_offset, read
from .positions import LineIndex
from .source import too_large

_MAGIC = re.compile(r"^([ \t]*(?:[\w.]+[ \t]*=[ \t]*)?)[%!]", re.M)


def code_text(text: str, language: str | None) -> str:
    """A code cell's text as analysed: magics commented out (Python), same length."""
    if language != "python":
        return text
    return _MAGIC.sub(lambda m: m.group(1) + "#", text)


@dataclass(frozen=True)
class Layout:
    source: bytes
    parts: tuple[Part, ...]
    starts: tuple[int, ...]  # byte offset of each part in source
    rows: tuple[int, ...]  # first row of each part

    def part_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)


def encoded(text: str) -> bytes:
    data = text.encode("utf-8", "surrogatepass")
    return data if data.endswith(b"\n") else data + b"\n"


def build(parts: list[Part] | tuple[Part, ...], language: str | None) -> Layout:
    """One document of ``parts`` (code parts get :func:`code_text`)."""
    chunks, starts, rows, at, row = [], [], [], 0, 0
    for p in parts:
        data = encoded(code_text(p.text, language) if p.code else p.text)
        chunks.append(data)
        starts.append(at)
        rows.append(row)
        at += len(data)
        row += data.count(b"\n")
    return Layout(b"".join(chunks), tuple(parts), tuple(starts), tuple(rows))


def in_cells(found: list[Finding], layout: Layout) -> list[Finding]:
    """Copies of findings of ``layout.source`` placed in their cell's own text: bytes, rows
    and fix edits relative to the cell, ``cell`` set; flow steps say which cell each is in."""
    return [g for _, g in _placed(found, layout)]


def _placed(found: list[Finding], layout: Layout):
    index = LineIndex(layout.source)
    for f in found:
        i = layout.part_at(f.start_byte)
        part, start, row = layout.parts[i], layout.starts[i], layout.rows[i]
        end = start + len(encoded(part.text)) - 1
        if f.end_byte > end:  # (never across cells: a match ends at a newline at most)
            f = replace(f, end_byte=end, end=index.point(end), columns=None)
            f.complete(index)
        g = f.shifted(-start, -row)
        g.flow = tuple(_step(s, layout) for s in f.flow)
        g.cell = CellPlace(part.cell, part.output, (g.start[0], g.columns.char[0]),
                           (g.end[0], g.columns.char[1]))
        yield i, g


def _step(s: FlowStep, layout: Layout) -> FlowStep:
    i = layout.part_at(s.start_byte)
    start, row = layout.starts[i], layout.rows[i]
    return replace(s, start_byte=s.start_byte - start, end_byte=s.end_byte - start,
                   start=(s.start[0] - row, s.start[1]), end=(s.end[0] - row, s.end[1]),
                   cell=layout.parts[i].cell)


def in_file(found: list[Finding], layout: Layout, data: bytes, index: LineIndex) -> list[Finding]:
    """Findings placed in the notebook file ``data`` (``index`` over it): each at the JSON
    string its text came from, with ``cell`` saying where in the notebook that is. Fixes are
    dropped: they edit a cell's text, not the JSON that holds it."""
    out = []
    for i, f in _placed(found, layout):
        part = layout.parts[i]
        a, b = _file_offset(part, f.start_byte, data), _file_offset(part, f.end_byte, data, True)
        g = replace(f, start_byte=a, end_byte=max(a, b), fix=None, columns=None,
                    start=index.point(a), end=index.point(max(a, b)))
        g.anchor, g.anchor_bytes = (g.start[0], g.end[0]), (a, max(a, b))
        g.flow = tuple(_file_step(s, layout, data, index) for s in f.flow)
        g.complete(index)
        out.append(g)
    return out


def _file_step(s: FlowStep, layout: Layout, data: bytes, index: LineIndex) -> FlowStep:
    part = next(p for p in layout.parts if p.cell == s.cell and p.output is None)
    a, b = _file_offset(part, s.start_byte, data), _file_offset(part, s.end_byte, data, True)
    start, end = index.point(a), index.point(max(a, b))
    return FlowStep(a, max(a, b), s.message, start, end, index.columns(start, end), s.cell)


def _file_offset(part: Part, offset: int, data: bytes, end: bool = False) -> int:
    """Where byte ``offset`` of the part's text is in the file (the end of its last piece for
    the newline the layout adds). ``end``: an offset between two pieces is the end of the
    first (else the start of the second)."""
    at = 0
    last = None
    for p in part.pieces:
        size = len(p.text.encode("utf-8", "surrogatepass"))
        if p.raw is not None:
            last = p
            if offset < at + size or (end and offset == at + size):
                literal = data[p.raw[0]:p.raw[1]]
                return p.raw[0] + raw_offset(literal, offset - at)
        at += size
    return last.raw[1] - 1 if last is not None else 0


def analyze_notebook(data: bytes, path: str, ruleset, config, report_unused: bool = False,
                     baseline: frozenset[str] = frozenset()) -> tuple[Analysis, list[str]]:
    """Full analysis of a notebook file's bytes: findings placed in the file (``in_file``),
    and what is worth knowing (binary outputs not analysed ...). Raises
    notebook.NotebookError for a file that is not a notebook."""
    nb = read(data)
    index = LineIndex(data)
    found, hidden, notes = [], [], list(nb.notes)
    code = build([p for p in nb.parts if p.code], nb.language)
    text = build([p for p in nb.parts if not p.code], None)
    for layout, language, what in ((code, nb.language, "code cells"), (text, None, "other text")):
        if not layout.parts:
            continue
        whole = len(layout.source) <= config.max_file_size
        if not whole:
            notes.append(f"{what}: {too_large(len(layout.source), config.max_file_size)}: "
                         "text rules only")
        a = analyze(layout.source, path, ruleset, config, language=language,
                    report_unused=report_unused, parse_tree=whole, baseline=baseline)
        found += in_file(a.findings, layout, data, index)
        hidden += in_file(a.suppressed, layout, data, index)
        notes += [f"{what}: {n}" for n in a.notes]
    found.sort(key=Finding.sort_key)
    return Analysis(nb.language, None, found, hidden, notes), list(nb.info)
