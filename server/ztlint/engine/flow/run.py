"""Flow findings for one document: lower, analyse, and turn hits into findings."""

from __future__ import annotations

import tree_sitter

from ..findings import Finding, FlowStep, fingerprint
from ..render import interpolate
from ..severity import Severity
from . import javascript, python
from .analysis import FileAnalysis, Hit, OutOfBudget

ADAPTERS = {"python": python, "javascript": javascript, "typescript": javascript, "tsx": javascript}
_BUDGET_CHECK = 256  # statements between budget checks



def supported(language: str | None) -> bool:
    return language in ADAPTERS


def analyse(view, externals=None) -> tuple[list[Finding], list[str]]:
    """(findings, notes) of the flow rules over ``view`` (a kinds.View)."""
    if view.tree is None or not supported(view.language):
        return [], []
    rules, model = view.ruleset.flow_rules(view.language)
    rules = [r for r in rules if view.config.enabled(r.id)]
    if not rules:
        return [], []
    module = ADAPTERS[view.language].lower(view.tree.root_node)
    fa = FileAnalysis(module, model, [r.taint for r in rules], externals)
    budget = view.budget
    if budget is not None:
        count = [0]

        def tick() -> None:
            count[0] += 1
            if count[0] % _BUDGET_CHECK == 0 and budget.spent():
                raise OutOfBudget
        fa.tick = tick
    notes = []
    try:
        fa.run()
    except OutOfBudget:
        pass  # the budget's own note says the results are partial
    for name in fa.skipped:
        fn = fa.functions[name]
        line = view.index.row_of(fn.span[0]) + 1
        shown = "top-level code" if name == "<module>" else f"function {name} (line {line})"
        notes.append(f"flow rules not run on {shown}: nested deeper than "
                     f"{ADAPTERS[view.language].MAX_DEPTH} levels: results are partial")
    by_id = {r.id: r for r in rules}
    found = [to_finding(h, by_id[h.rule_id], view) for h in fa.hits.values()]
    return found, notes


def to_finding(hit: Hit, rule, view) -> Finding:
    src = view.source
    start, end = hit.span
    anchor = _statement(view.tree, start, end)
    label = hit.label
    # a flow from a local source (argv, input(), the environment) is one level less severe:
    # whoever controls it usually runs the program already
    severity = rule.severity if label.trust == "remote" else Severity(rule.severity).lowered().value
    steps = tuple(FlowStep(s.span[0], s.span[1], s.text) for s in label.trace)
    return Finding(
        rule_id=rule.id, severity=severity, confidence=rule.confidence,
        message=interpolate(rule.message, {"source": label.what, "sink": hit.desc}),
        start_byte=start, end_byte=end, start=view.index.point(start), end=view.index.point(end),
        anchor=(view.index.row_of(anchor[0]), view.index.row_of(anchor[1])), anchor_bytes=anchor,
        fingerprint=fingerprint(rule.id, view.path, src[start:end]), path=view.path, flow=steps)


def _statement(tree: tree_sitter.Tree, start: int, end: int) -> tuple[int, int]:
    node = tree.root_node.descendant_for_byte_range(start, end)
    while node is not None and node.parent is not None and not (
            node.type.endswith(("statement", "declaration")) or node.parent.type in ("block", "module",
                                                                                  "program")):
        node = node.parent
    return (node.start_byte, node.end_byte) if node is not None else (start, end)
