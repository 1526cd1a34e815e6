"""Incremental analysis of one document being edited.

Edits are applied to the text, the line index and the syntax tree (``Tree.edit``) as they
arrive; analysis runs later (after a debounce) over everything that changed since the last one:

* tree rules re-run only over the top-level statements touched by the edits or by the
  structural changes tree-sitter reports (``Tree.changed_ranges``); findings elsewhere are
  shifted, not recomputed;
* single-line text (secret) rules re-run only on the changed lines; multi-line ones (PEM
  blocks) re-run over the file when their keyword is present;
* suppressions and severity overrides are applied to the merged list, as in a full analysis.

Invariant (guarded by a property test): the result equals a fresh :func:`analyze.analyze` of
the same text.
"""

from __future__ import annotations

import bisect

import tree_sitter

from . import analyze as full
from . import facts as file_facts
from .config import Config
from .findings import Finding
from .keywords import KeywordIndex
from .match import run_text_rules, run_tree_rules
from .positions import LineIndex
from .rules import RuleSet, fact_key
from .spans import merge_spans, overlaps_any, shift_range

# Text rules see one extra line on each side of a change, so look-arounds at the window's
# edges behave as they do over the whole file.
_TEXT_CONTEXT_LINES = 1


class IncrementalDocument:
    def __init__(self, source: bytes, path: str, language: str | None, ruleset: RuleSet,
                 config: Config):
        self.path, self.language, self.ruleset, self.config = path, language, ruleset, config
        self.source = source
        self.index = LineIndex(source)
        self.parser = full.languages.parser(language) if language else None
        # why the text is not parsed (too deep for the grammar), re-checked before every parse
        self.note: str | None = None
        # parsed as LineIndex.parser_source: no lone \r, no bytes that are not UTF-8
        self.tree: tree_sitter.Tree | None = (self._parse()
                                              if self.parser and self._parsable() else None)
        self.tree_findings: list[Finding] = []
        self.facts: dict = {}  # file-level facts of the current tree (imports ...)
        # split facts (see LanguagePack.split_facts): the top-level statements that match each
        self.fact_spans: dict[int, set[tuple[int, int]]] = {}
        self._multi_keywords: KeywordIndex | None = None
        self.text_findings: list[Finding] = []
        self.dirty: list[tuple[int, int]] = []  # byte ranges changed since the last analysis
        self.reparse_needed = False
        self.findings: list[Finding] = []
        self.suppressed: list[Finding] = []
        self.analyze_all()

    # -- edits -------------------------------------------------------------------------
    def edit(self, start: int, old_end: int, new_text: bytes) -> None:
        """Replace bytes ``[start, old_end)`` with ``new_text``. Cheap: no analysis here."""
        start = max(0, min(start, len(self.source)))
        old_end = max(start, min(old_end, len(self.source)))
        start, old_end, new_text = _widen(self.source, start, old_end, new_text)
        new_end = start + len(new_text)
        delta = new_end - old_end
        start_point, old_end_point = self.index.point(start), self.index.point(old_end)
        self.source = self.source[:start] + new_text + self.source[old_end:]
        self.index.apply_edit(self.source, start, old_end, new_end)
        if self.tree is not None:
            self.tree.edit(start_byte=start, old_end_byte=old_end, new_end_byte=new_end,
                           start_point=start_point, old_end_point=old_end_point,
                           new_end_point=self.index.point(new_end))
        if self.parser is not None:
            self.reparse_needed = True  # (also when unparsed: the edit may bring it back)
        # merged as they come: a burst of typing stays one range, not hundreds
        self.dirty = merge_spans([shift_range(r, start, old_end, delta) for r in self.dirty]
                            + [(start, new_end)])
        self.tree_findings = _shift(self.tree_findings, start, old_end, delta)
        self.text_findings = _shift(self.text_findings, start, old_end, delta)
        # a statement the edit touches is re-checked at the next analysis: drop it until then
        self.fact_spans = {k: {(a + delta, b + delta) if a >= old_end else (a, b)
                               for a, b in spans if b <= start or a >= old_end}
                           for k, spans in self.fact_spans.items()}

    # -- analysis ----------------------------------------------------------------------
    def reconfigure(self, ruleset: RuleSet, config: Config) -> list[Finding]:
        """New rules or config (hot reload): forget what depended on the old ones, re-analyse."""
        self.ruleset, self.config = ruleset, config
        self._multi_keywords = None
        self.facts = {}
        return self.analyze_all()

    def analyze_all(self) -> list[Finding]:
        """Full analysis (on open, or when rules or config change)."""
        if self.parser is not None and self.reparse_needed:
            self.tree = self._parse() if self._parsable() else None
        self.reparse_needed = False
        self.tree_findings = []
        if self.tree is not None:
            self._all_facts()
            self.tree_findings = run_tree_rules(self.ruleset, self.language, self.tree, self.path,
                                                self.config.enabled, facts=dict(self.facts),
                                                source=self.source)
        self.text_findings = run_text_rules(self._text_rules(), self.source, self.index,
                                            self.path, self.config.enabled,
                                            keywords=self.ruleset.keyword_index)
        self.dirty = []
        return self._finalize()

    def analyze(self) -> list[Finding]:
        """Bring findings up to date with the edits made since the last analysis."""
        if not self.dirty and not self.reparse_needed:
            return self.findings
        dirty = merge_spans(self.dirty)
        if self.reparse_needed and not self._parsable():
            # typing pushed the text past what the grammar can take: text rules only
            self.tree, self.tree_findings, self.facts, self.fact_spans = None, [], {}, {}
            self.reparse_needed = False
        elif self.reparse_needed and self.tree is None:
            return self.analyze_all()  # back under the limit
        if self.tree is not None:
            old = self.tree
            self.tree = self._parse(old)
            self.reparse_needed = False
            if self.tree is None:  # the parse ran out of time: text rules only
                self.tree_findings, self.facts, self.fact_spans = [], {}, {}
            else:
                changed = [(r.start_byte, r.end_byte) for r in old.changed_ranges(self.tree)]
                self._update_tree_findings(old, merge_spans(dirty + changed))
        self._update_text_findings(dirty)
        self.dirty = []
        return self._finalize()

    def _update_tree_findings(self, old: tree_sitter.Tree, ranges: list[tuple[int, int]]) -> None:
        pack = self.ruleset.pack(self.language)
        if pack is None:
            return
        # The top-level statements the changes touch, in the old tree (positions already moved
        # by Tree.edit) and in the new one: a statement can be split, merged or re-parented by
        # an edit elsewhere, and tree-sitter's changed ranges do not report reused subtrees
        # that merely moved under another parent.
        touched_new = [c for s, e in ranges for c in _touched_children(self.tree.root_node, s, e)]
        touched = touched_new + [c for s, e in ranges for c in _touched_children(old.root_node, s, e)]
        regions = merge_spans(ranges + [(c.start_byte, c.end_byte) for c in touched])
        flipped = False
        if pack.fact_conditions:
            before = self.facts
            # Facts (imports ...) can only change when a top-level statement of a type their
            # queries mention changed, before or after the edit.
            types = {c.type for c in touched} | ({"ERROR"} if "ERROR" in (self.tree.root_node.type,
                                                                          old.root_node.type) else set())
            if pack.fact_types is None or types & pack.fact_types:
                self._all_facts()
            else:
                self._update_split_facts(pack, touched_new, regions)
            flipped = self.facts != before
        if pack.root_sensitive or flipped:
            self.tree_findings = run_tree_rules(self.ruleset, self.language, self.tree, self.path,
                                                self.config.enabled, facts=dict(self.facts),
                                                source=self.source)
            return
        kept = [f for f in self.tree_findings if not _touches_any(f, regions)]
        for s, e in regions:
            for f in run_tree_rules(self.ruleset, self.language, self.tree, self.path,
                                    self.config.enabled, (s, e), facts=dict(self.facts),
                                    source=self.source):
                if s <= f.start_byte and f.end_byte <= e:
                    kept.append(f)
        self.tree_findings = kept

    def _all_facts(self) -> None:
        """Every file fact of the current tree, and the statements behind the split ones."""
        pack = self.ruleset.pack(self.language)
        self.facts, self.fact_spans = {}, {}
        if pack is None:
            return
        root = self.tree.root_node
        for c in pack.fact_conditions:
            if c in pack.split_facts:
                spans = self.fact_spans[fact_key(c)] = file_facts.fact_statements(pack, c, root)
                self.facts[fact_key(c)] = bool(spans) == (c.kind == "file-has")
            else:
                self.facts[fact_key(c)] = file_facts.fact(pack, c, root)

    def _update_split_facts(self, pack, touched_new: list, regions: list[tuple[int, int]]) -> None:
        """Split facts after an edit: statements in the changed regions are re-checked, the
        others keep their (shifted) answer. Costs O(touched statements), not O(file)."""
        facts = dict(self.facts)
        for c in pack.split_facts:
            key = fact_key(c)
            spans = {sp for sp in self.fact_spans[key] if not overlaps_any(sp, regions)}
            roots = pack.cond_types[id(c)]
            for node in touched_new:
                if node.type in roots and file_facts.fact_matches_at(pack, c, node):
                    spans.add((node.start_byte, node.end_byte))
            self.fact_spans[key] = spans
            facts[key] = bool(spans) == (c.kind == "file-has")
        self.facts = facts

    def _update_text_findings(self, dirty: list[tuple[int, int]]) -> None:
        rules = self._text_rules()
        single, multi = rules.part(multiline=False), rules.part(multiline=True)
        windows = merge_spans([self._line_window(s, e) for s, e in dirty])
        multi_ids = {r.id for r in multi}
        kept = [f for f in self.text_findings
                if f.rule_id not in multi_ids and not _touches_any(f, windows)]
        for w in windows:
            for f in run_text_rules(single, self.source, self.index, self.path,
                                    self.config.enabled, w, self.ruleset.keyword_index):
                if w[0] <= f.start_byte and f.end_byte <= w[1]:
                    kept.append(f)
        if multi:
            # whole-file rules: look only for their own few keywords, not every text rule's
            if self._multi_keywords is None:
                self._multi_keywords = KeywordIndex({k for r in multi for k in r.keywords})
            kept.extend(run_text_rules(multi, self.source, self.index, self.path, self.config.enabled,
                                       keywords=self._multi_keywords))
        self.text_findings = kept

    def _line_window(self, start: int, end: int) -> tuple[int, int]:
        starts = self.index.starts
        first = max(0, self.index.point(start)[0] - _TEXT_CONTEXT_LINES)
        last = self.index.point(end)[0] + _TEXT_CONTEXT_LINES + 1
        return starts[first], starts[last] if last < len(starts) else len(self.source)

    def _parse(self, old: tree_sitter.Tree | None = None) -> tree_sitter.Tree | None:
        """The text's tree, or None (with a note) when parsing takes longer than the budget."""
        try:
            return full.parse_text(self.parser, self.index.parser_source(), old,
                                   full.parse_seconds(self.config.analysis_budget))
        except full.ParseTimeout as exc:
            self.note = str(exc)
            return None

    def _parsable(self) -> bool:
        """Whether the grammar can take the current text (sets or clears ``note``)."""
        self.note = full.guard.refuse(self.source, self.language)
        return self.note is None

    def _text_rules(self):
        return self.ruleset.text_rules_for(self.language)

    def _finalize(self) -> list[Finding]:
        found = self.tree_findings + self.text_findings
        for f in found:
            f.relocate(self.index.point)
        self.findings, self.suppressed = full.finalize(
            [_copy(f) for f in found], self.source, self.index, self.path, self.language,
            self.ruleset, self.config, tree=self.tree)
        return self.findings


def _widen(source: bytes, start: int, old_end: int, new_text: bytes) -> tuple[int, int, bytes]:
    """The edit stretched over the bytes next to it whose meaning to the parser may change:
    a \\r before it (lone or not, see parser_text) and the rest of a UTF-8 sequence it cuts."""
    lo = start
    while lo > max(0, start - 3) and (source[lo - 1] >= 0x80 or (lo == start and source[lo - 1] == 0x0D)):
        lo -= 1
    hi = old_end
    while hi < min(len(source), old_end + 3) and 0x80 <= source[hi] < 0xC0:
        hi += 1
    return lo, hi, source[lo:start] + new_text + source[old_end:hi]


def _copy(f: Finding) -> Finding:
    # finalize() sets severities on the objects it returns; keep the raw ones untouched.
    return f.shifted(0)


def _shift(findings: list[Finding], start: int, old_end: int, delta: int) -> list[Finding]:
    """Move findings after the edit. Findings whose reported range overlaps it are dropped:
    they lie in a dirty region, which the next analysis re-checks."""
    def move(x: int) -> int:
        return x if x <= start else (x + delta if x >= old_end else max(start, old_end + delta))

    out = []
    for f in findings:
        if f.start_byte >= old_end:
            g = f.shifted(delta) if delta else f
        elif f.end_byte <= start:
            g = f
        else:
            continue
        if not (f.anchor_bytes[1] <= start or f.anchor_bytes[0] >= old_end):
            # the edit is inside the finding's statement: stretch the statement over it
            g = g.shifted(0) if g is f else g
            g.anchor_bytes = (move(f.anchor_bytes[0]), move(f.anchor_bytes[1]))
        out.append(g)
    return out


def _touched_children(root: tree_sitter.Node, start: int, end: int) -> list[tree_sitter.Node]:
    """The top-level statements (children of the root) touching [start, end]. Plain iteration
    over ``children``: sibling navigation on an edited old tree is not safe (and an old tree's
    nodes are only good for their type and position: its text is the old text)."""
    children = root.children
    i = bisect.bisect_left([c.end_byte for c in children], start)
    out = []
    while i < len(children) and children[i].start_byte <= end:
        out.append(children[i])
        i += 1
    return out


def _touches_any(f: Finding, ranges: list[tuple[int, int]]) -> bool:
    """Whether the finding starts in or overlaps one of the ranges. (A tree finding lies within
    one top-level statement, so touching a region means being inside it.)"""
    return any(s <= f.start_byte < e or (f.start_byte < e and s < f.end_byte) for s, e in ranges)
