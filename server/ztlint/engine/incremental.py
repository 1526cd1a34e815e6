"""Incremental analysis of one document being edited.

Edits are applied to the text, the line index and the syntax tree (``Tree.edit``) as they
arrive; analysis runs later (after a debounce) over everything that changed since the last one:

* tree rules re-run only over the top-level statements touched by the edits or by the
  structural changes tree-sitter reports (``Tree.changed_ranges``); findings elsewhere are
  shifted, not recomputed;
* single-line text (secret) rules re-run only on the changed lines; multi-line ones (PEM
  blocks) re-run over the file when their keyword is present;
* suppressions and severity overrides are applied to the merged list, as in a full analysis;
* each analysis has the time budget of a full one (``config.analysis_budget``). Lines a rule
  could not check are remembered by position, moved with edits and re-checked with their
  region, so ``notes`` equals a full analysis's notes; an analysis cut short says so and the
  next one starts over (a cut region's work is never silently dropped).

Invariant (guarded by a property test): the result equals a fresh :func:`analyze.analyze` of
the same text.
"""

from __future__ import annotations

import tree_sitter

from . import analyze as full
from . import baseline as baselinemod
from . import facts as file_facts
from . import kinds
from .budget import Budget, cut_note, long_text_note
from .config import Config
from .findings import Finding
from .flow.project import Exports, module_name
from .keywords import KeywordIndex
from .positions import LineIndex
from .rules import RuleSet, fact_key
from .spans import merge_spans, overlaps_any, shift_range


class IncrementalDocument:
    def __init__(self, source: bytes, path: str, language: str | None, ruleset: RuleSet,
                 config: Config, baseline: frozenset[str] = frozenset(), project=None):
        self.path, self.language, self.ruleset, self.config = path, language, ruleset, config
        self.baseline = baseline  # fingerprints of accepted findings (see analyze.finalize)
        self.source = source
        self.index = LineIndex(source)
        # why the text cannot be parsed at all (no grammar wheel on this platform)
        self.missing: str | None = None
        try:
            self.parser = full.languages.parser(language) if language else None
        except full.languages.GrammarMissing as exc:
            self.parser, self.missing = None, str(exc)
        # why the text is not parsed (too deep for the grammar), re-checked before every parse
        self.note: str | None = self.missing
        # parsed as LineIndex.parser_source: no lone \r, no bytes that are not UTF-8
        self.tree: tree_sitter.Tree | None = (self._parse()
                                              if self.parser and self._parsable() else None)
        self.tree_findings: list[Finding] = []
        self.facts: dict = {}  # file-level facts of the current tree (imports ...)
        # split facts (see LanguagePack.split_facts): the top-level statements that match each
        self.fact_spans: dict[int, set[tuple[int, int]]] = {}
        self._multi_keywords: KeywordIndex | None = None
        self.text_findings: list[Finding] = []
        # flow rules: re-run over the whole file after each edit (cached per function)
        self.flow_findings: list[Finding] = []
        self.flow_notes: list[str] = []
        self.flow_cache: dict = {}
        self.project = project  # flow.project.Project: other modules' summaries, and ours
        # known-vulnerable versions (manifests with an OSV database only): whole text each time
        self.osv_findings: list[Finding] = []
        self.osv_notes: list[str] = []
        # lines or nodes a rule could not check (Budget.long_texts), by kind of rule
        self.tree_skips: list[tuple[str, int, int]] = []
        self.text_skips: list[tuple[str, int, int]] = []
        self.cut = False  # the last analysis ran out of time: results are partial
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
        self.flow_findings = _shift(self.flow_findings, start, old_end, delta)
        self.osv_findings = _shift(self.osv_findings, start, old_end, delta)
        self.tree_skips = _shift_skips(self.tree_skips, start, old_end, delta)
        self.text_skips = _shift_skips(self.text_skips, start, old_end, delta)
        # a statement the edit touches is re-checked at the next analysis: drop it until then
        self.fact_spans = {k: {(a + delta, b + delta) if a >= old_end else (a, b)
                               for a, b in spans if b <= start or a >= old_end}
                           for k, spans in self.fact_spans.items()}

    # -- analysis ----------------------------------------------------------------------
    def set_baseline(self, baseline: frozenset[str]) -> None:
        """The accepted fingerprints changed (the baseline file was edited): re-mark."""
        if baseline != self.baseline:
            self.baseline = baseline
            baselinemod.mark(self.findings + self.suppressed, baseline)

    def reconfigure(self, ruleset: RuleSet, config: Config) -> list[Finding]:
        """New rules or config (hot reload): forget what depended on the old ones, re-analyse."""
        self.ruleset, self.config = ruleset, config
        self._multi_keywords = None
        self.facts = {}
        return self.analyze_all()

    @property
    def notes(self) -> list[str]:
        """Why the current findings are partial (empty when they are not): the same notes as
        a full analysis of the text gives (in position order, not in the order found)."""
        out = [self.note] if self.note else []
        out.extend(n for n in self.flow_notes + self.osv_notes if n not in out)
        for rule_id, offset, length in sorted(self.tree_skips + self.text_skips,
                                              key=lambda s: (s[1], s[0], s[2])):
            text = long_text_note(rule_id, f"line {self.index.row_of(offset) + 1}", length)
            if text not in out:
                out.append(text)
        if self.cut:
            out.append(cut_note(self.config.analysis_budget))
        return out

    def analyze_all(self) -> list[Finding]:
        """Full analysis (on open, or when rules or config change)."""
        if self.parser is not None and self.reparse_needed:
            self.tree = self._parse() if self._parsable() else None
        self.reparse_needed = False
        self.tree_findings, self.tree_skips = [], []
        self.ruleset.prepare(self.language)
        budget = Budget(self.config.analysis_budget)
        view = self._view(budget)
        if self.tree is not None:
            self._all_facts()
            view.facts = dict(self.facts)
            self.tree_findings = kinds.TREE.run(view, None)
            self.tree_skips = list(budget.long_texts)
        self._update_flow_findings(view)
        self.text_findings = kinds.TEXT.run(view, None)
        self.text_skips = budget.long_texts[len(self.tree_skips):]
        self.osv_findings, self.osv_notes = kinds.OSV.analyse(view)
        self.dirty = []
        self.cut = budget.cut
        return self._finalize(None)

    def analyze(self) -> list[Finding]:
        """Bring findings up to date with the edits made since the last analysis."""
        if not self.dirty and not self.reparse_needed:
            return self.findings
        if self.cut:
            return self.analyze_all()  # the last one was cut short: start over
        budget = Budget(self.config.analysis_budget)
        dirty = merge_spans(self.dirty)
        if self.reparse_needed and not self._parsable():
            # typing pushed the text past what the grammar can take: text rules only
            self.tree, self.tree_findings, self.facts, self.fact_spans = None, [], {}, {}
            self.tree_skips = []
            self.reparse_needed = False
        elif self.reparse_needed and self.tree is None:
            return self.analyze_all()  # back under the limit
        if self.tree is not None:
            old = self.tree
            self.tree = self._parse(old)
            self.reparse_needed = False
            if self.tree is None:  # the parse ran out of time: text rules only
                self.tree_findings, self.tree_skips, self.facts, self.fact_spans = [], [], {}, {}
            else:
                changed = [(r.start_byte, r.end_byte) for r in old.changed_ranges(self.tree)]
                self._update_tree_findings(self._view(budget, old), merge_spans(dirty + changed))
        self._update_flow_findings(self._view(budget))
        self._update_text_findings(self._view(budget), dirty)
        self.osv_findings, self.osv_notes = kinds.OSV.analyse(self._view(budget))
        self.dirty = []
        self.cut = budget.cut
        return self._finalize(dirty)

    def _update_flow_findings(self, view: kinds.View) -> None:
        if self.tree is None:
            self.flow_findings, self.flow_notes = [], []
            return
        view.flow_cache = self.flow_cache
        if self.project is not None:
            view.externals = self.project.lookup(module_name(self.path))
            view.exports = Exports()
        self.flow_findings, self.flow_notes = kinds.FLOW.analyse(view)
        if self.project is not None:
            self.project.add(self.path, view.exports)

    def _view(self, budget: Budget, old_tree: tree_sitter.Tree | None = None) -> kinds.View:
        return kinds.View(self.source, self.index, self.path, self.language, self.tree,
                          self.ruleset, self.config, budget, old_tree=old_tree)

    def _update_tree_findings(self, view: kinds.View, ranges: list[tuple[int, int]]) -> None:
        pack = self.ruleset.pack(self.language)
        if pack is None:
            return
        regions = kinds.TREE.regions(view, ranges)
        flipped = False
        if pack.fact_conditions:
            before = self.facts
            touched_new = kinds.touched_statements(view, ranges, old=False)
            touched = touched_new + kinds.touched_statements(view, ranges, new=False)
            # Facts (imports ...) can only change when a top-level statement of a type their
            # queries mention changed, before or after the edit.
            types = {c.type for c in touched} | ({"ERROR"} if "ERROR" in (
                self.tree.root_node.type, view.old_tree.root_node.type) else set())
            if pack.fact_types is None or types & pack.fact_types:
                self._all_facts()
            else:
                self._update_split_facts(pack, touched_new, regions)
            flipped = self.facts != before
        view.facts = dict(self.facts)
        if pack.root_sensitive or flipped:
            regions = [(0, len(self.source))]  # the whole file: no finding is kept
        self.tree_findings, self.tree_skips = _rerun(kinds.TREE, view, regions,
                                                     self.tree_findings, self.tree_skips)
        if pack.lookup_rules and regions != [(0, len(self.source))]:
            # their finding or fix may depend on a statement the edit did not touch
            ids = pack.lookup_rules
            kept = [f for f in self.tree_findings if f.rule_id not in ids]
            self.tree_findings = kept + kinds.TREE.run(view, None, only=ids)

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

    def _update_text_findings(self, view: kinds.View, dirty: list[tuple[int, int]]) -> None:
        multi = kinds.TEXT_MULTILINE.rules(view)
        multi_ids = {r.id for r in multi}
        lines = [f for f in self.text_findings if f.rule_id not in multi_ids]
        line_skips = [k for k in self.text_skips if k[0] not in multi_ids]
        found, skips = _rerun(kinds.TEXT_LINES, view, kinds.TEXT_LINES.regions(view, dirty),
                              lines, line_skips)
        if multi:
            # whole-file rules: look only for their own few keywords, not every text rule's
            if self._multi_keywords is None:
                self._multi_keywords = KeywordIndex({k for r in multi for k in r.keywords})
            view.keywords = self._multi_keywords
            more, more_skips = _rerun(kinds.TEXT_MULTILINE, view, [(0, len(self.source))], [], [])
            found, skips = found + more, skips + more_skips
        self.text_findings, self.text_skips = found, skips

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
        if self.missing:
            self.note = self.missing
            return False
        self.note = full.guard.refuse(self.source, self.language)
        return self.note is None

    def _finalize(self, changed: list[tuple[int, int]] | None) -> list[Finding]:
        """``changed``: the byte ranges edited since the last analysis (None: everything)."""
        found = self.tree_findings + self.flow_findings + self.text_findings + self.osv_findings
        for f in found:
            f.place(self.index, changed)  # columns only where the edits may have moved them
        self.findings, self.suppressed = full.finalize(
            [_copy(f) for f in found], self.source, self.index, self.path, self.language,
            self.ruleset, self.config, tree=self.tree, baseline=self.baseline)
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


def _shift_skips(skips: list[tuple[str, int, int]], start: int, old_end: int, delta: int
                 ) -> list[tuple[str, int, int]]:
    """Skipped lines and nodes moved by an edit; one the edit is in is re-checked (its region
    is dirty) and dropped until then."""
    return [(r, o + delta if o >= old_end else o, n) for r, o, n in skips
            if o < start or o >= old_end]


def _rerun(kind: kinds.RuleKind, view: kinds.View, regions: list[tuple[int, int]],
           findings: list[Finding], skips: list[tuple[str, int, int]]):
    """One kind's findings (and the lines it could not check) after re-running it over
    ``regions``: what lies outside them is kept, what lies inside is found again."""
    budget = view.budget
    whole = regions == [(0, len(view.source))]
    kept = [] if whole else [f for f in findings if not _touches_any(f, regions)]
    kept_skips = [] if whole else [k for k in skips if not _in_any(k[1], regions)]
    for s, e in regions:
        first = len(budget.long_texts)
        found = kind.run(view, None if whole else (s, e))
        kept.extend(f for f in found if s <= f.start_byte and f.end_byte <= e)
        kept_skips.extend(k for k in budget.long_texts[first:]
                          if s <= k[1] < e and k not in kept_skips)
    return kept, kept_skips


def _in_any(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in ranges)


def _touches_any(f: Finding, ranges: list[tuple[int, int]]) -> bool:
    """Whether the finding starts in or overlaps one of the ranges. (A tree finding lies within
    one top-level statement, so touching a region means being inside it.)"""
    return any(s <= f.start_byte < e or (f.start_byte < e and s < f.end_byte) for s, e in ranges)
