"""The contract every kind of rule meets: ranges in, findings out.

A *kind* of rule (tree rules, text rules; flow rules next) reads one document as a :class:`View`
and offers two things:

* ``run(view, span)``: its findings over the whole text (``span`` None) or, with a span, at
  least every finding that lies wholly inside it (callers keep only those);
* ``regions(view, changed)``: after edits that changed the byte ranges ``changed`` (in the new
  text), the spans that must be analysed again. A finding of this kind that touches none of
  them is still valid, only shifted by the edits. A kind that cannot say returns the whole text.

A full analysis (``analyze.collect``) is ``run(view, None)`` for every kind; the incremental
document (``incremental.py``) keeps each kind's findings and re-runs only its regions. Kinds are
stateless: per-document state a kind needs between analyses (a tree's file facts, a multi-line
rule's keywords) travels in the View, owned by the caller.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Protocol

import tree_sitter

from .budget import Budget
from .config import Config
from .findings import Finding
from .flow import run as flow_run
from .keywords import KeywordIndex
from .match import run_tree_rules
from .match_text import run_text_rules
from .positions import LineIndex
from .rules import RuleSet
from .spans import merge_spans

Span = tuple[int, int]

# Text rules see one extra line on each side of a change, so look-arounds at the window's
# edges behave as they do over the whole file.
TEXT_CONTEXT_LINES = 1


@dataclass
class View:
    """One document's text as the engine holds it, and what a kind may read of it."""
    source: bytes
    index: LineIndex
    path: str
    language: str | None
    tree: tree_sitter.Tree | None
    ruleset: RuleSet
    config: Config
    budget: Budget | None = None
    facts: dict | None = None  # tree rules' file facts (kept by the incremental document)
    old_tree: tree_sitter.Tree | None = None  # before the edits (incremental only)
    keywords: KeywordIndex | None = None  # a narrower keyword index for the text rules run
    flow_cache: dict | None = None  # flow rules' per-function results (kept by the document)
    externals: object = None  # flow summaries of other modules: qualified name -> Summary
    exports: object = None  # flow.project.Exports to fill with this file's summaries


class RuleKind(Protocol):
    name: str

    def run(self, view: View, span: Span | None) -> list[Finding]: ...

    def regions(self, view: View, changed: list[Span]) -> list[Span]: ...


class TreeRules:
    """Tree-sitter queries with conditions. A match lies inside one top-level statement (or is
    rooted at the file's root: ``LanguagePack.root_sensitive``, which the caller handles), so
    the regions are the statements the changes touch, in the new tree and in the old one."""
    name = "tree"

    def run(self, view: View, span: Span | None, only: frozenset | None = None) -> list[Finding]:
        """``only``: just these rule ids (the look-up rules incremental analysis re-runs)."""
        if view.tree is None or view.language is None:
            return []
        enabled = view.config.enabled if only is None else (
            lambda rule_id: rule_id in only and view.config.enabled(rule_id))
        return run_tree_rules(view.ruleset, view.language, view.tree, view.path,
                              enabled, span, facts=view.facts, source=view.source,
                              budget=view.budget)

    def regions(self, view: View, changed: list[Span]) -> list[Span]:
        touched = touched_statements(view, changed)
        return merge_spans(changed + [(c.start_byte, c.end_byte) for c in touched])


def touched_statements(view: View, changed: list[Span], new: bool = True,
                       old: bool = True) -> list[tree_sitter.Node]:
    """The top-level statements the changes touch, in the new tree and (with an ``old_tree``)
    in the old one, whose positions ``Tree.edit`` already moved: a statement can be split,
    merged or re-parented by an edit elsewhere, and tree-sitter's changed ranges do not report
    reused subtrees that merely moved under another parent."""
    trees = ([view.tree] if new else []) + ([view.old_tree] if old and view.old_tree else [])
    return [c for t in trees for s, e in changed for c in _children_touching(t.root_node, s, e)]


def _children_touching(root: tree_sitter.Node, start: int, end: int) -> list[tree_sitter.Node]:
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


class TextRules:
    """Regexes over the bytes (secrets). Single-line rules re-run on the changed lines and
    their neighbours; multi-line ones (PEM blocks) over the whole text."""

    def __init__(self, multiline: bool | None = None):
        self.multiline = multiline  # None: every text rule (a full analysis)
        self.name = {None: "text", False: "text-line", True: "text-multiline"}[multiline]

    def rules(self, view: View):
        rules = view.ruleset.text_rules_for(view.language)
        return rules if self.multiline is None else rules.part(multiline=self.multiline)

    def run(self, view: View, span: Span | None) -> list[Finding]:
        return run_text_rules(self.rules(view), view.source, view.index, view.path,
                              view.config.enabled, span, view.keywords or view.ruleset.keyword_index,
                              budget=view.budget)

    def regions(self, view: View, changed: list[Span]) -> list[Span]:
        if self.multiline is not False:
            return [(0, len(view.source))]
        return merge_spans([_line_window(view, s, e) for s, e in changed])


def _line_window(view: View, start: int, end: int) -> Span:
    starts = view.index.starts
    first = max(0, view.index.point(start)[0] - TEXT_CONTEXT_LINES)
    last = view.index.point(end)[0] + TEXT_CONTEXT_LINES + 1
    return starts[first], starts[last] if last < len(starts) else len(view.source)


class FlowRules:
    """Taint flows from sources to sinks (``flow``). A flow can cross the whole file (a helper
    defined anywhere), so the region is the whole text; the work per edit stays small because
    the analysis of each function is cached by its text (see flow.cache)."""
    name = "flow"

    def run(self, view: View, span: Span | None) -> list[Finding]:
        found, notes = self.analyse(view)
        if view.budget is not None:
            for n in notes:
                view.budget.note(n)
        return found

    def analyse(self, view: View) -> tuple[list[Finding], list[str]]:
        """(findings, notes: where the flow rules could not look)."""
        return flow_run.analyse(view, view.externals)

    def regions(self, view: View, changed: list[Span]) -> list[Span]:
        return [(0, len(view.source))]


class OsvRules:
    """Pinned dependency versions with known vulnerabilities (``osv``), for manifests only and
    only with an OSV database configured. A manifest is small and one pin's advice depends
    only on its own line, but the region is the whole text: simple, and cheap enough."""
    name = "osv"

    def run(self, view: View, span: Span | None) -> list[Finding]:
        found, notes = self.analyse(view)
        if view.budget is not None:
            for n in notes:
                view.budget.note(n)
        return found

    def analyse(self, view: View) -> tuple[list[Finding], list[str]]:
        if view.config.osv_db is None:  # nothing to check: the database code is not even imported
            return [], []
        from .osv import check as osv_check
        return osv_check.analyse(view.source, view.index, view.path, view.config)

    def regions(self, view: View, changed: list[Span]) -> list[Span]:
        return [(0, len(view.source))]


TREE = TreeRules()
TEXT = TextRules()
TEXT_LINES = TextRules(multiline=False)
TEXT_MULTILINE = TextRules(multiline=True)
FLOW = FlowRules()
OSV = OsvRules()

#: The kinds a full analysis runs, in order.
FULL: tuple[RuleKind, ...] = (TREE, FLOW, TEXT, OSV)
