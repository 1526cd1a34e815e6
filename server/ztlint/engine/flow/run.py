"""Flow findings for one document: lower, analyse, and turn hits into findings."""

from __future__ import annotations

import tree_sitter

from ..findings import Finding, FlowStep, fingerprint
from ..render import interpolate
from ..severity import Severity
from . import fixes, javascript, python
from .analysis import FileAnalysis, OutOfBudget
from .results import Hit
from .project import Exports

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
    cache = view.flow_cache
    if cache is not None and cache.get("rules") != (id(view.ruleset), tuple(r.id for r in rules)):
        cache.clear()  # other rules or models: nothing cached is valid
        cache["rules"] = (id(view.ruleset), tuple(r.id for r in rules))
    lowered = cache.setdefault("lowered", {}) if cache is not None else None
    module = ADAPTERS[view.language].lower(view.tree.root_node, view.source, lowered)
    fa = FileAnalysis(module, model, [r.taint for r in rules], externals, path=view.path,
                      cache=cache.setdefault("functions", {}) if cache is not None else None)
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
        line = view.index.row_of(module.starts.get(name, 0)) + 1
        shown = "top-level code" if name == "<module>" else f"function {name} (line {line})"
        notes.append(f"flow rules not run on {shown}: nested deeper than "
                     f"{ADAPTERS[view.language].MAX_DEPTH} levels: results are partial")
    if view.exports is not None:
        view.exports.summaries.update(
            (n, s) for n, s in fa.summaries.items() if n != "<module>" and ".<locals>." not in n)
        view.exports.imports.update(module.imports)
    by_id = {r.id: r for r in rules}
    found = [to_finding(h, by_id[h.rule_id], view, module.starts) for h in fa.hits.values()]
    return found, notes


def exports_of(source: bytes, path: str, ruleset, config) -> Exports | None:
    """The summaries of a file read from disk (a module an open document imports)."""
    from .. import analyze, languages  # (analyze imports this module)
    from ..budget import Budget
    from ..positions import LineIndex
    from ..kinds import View
    language = languages.detect(path, source[:256])
    if not supported(language):
        return None
    budget = Budget(config.analysis_budget)
    try:
        tree = analyze.parse(source, language, seconds=analyze.parse_seconds(budget.seconds))
    except (analyze.guard.TooDeep, analyze.ParseTimeout):
        return None
    exports = Exports()
    # (a cache, even a throw-away one, so the summaries carry the digests the editor compares)
    view = View(source, LineIndex(source), path, language, tree, ruleset, config, budget,
                exports=exports, flow_cache={})
    analyse(view)
    return exports


def to_finding(hit: Hit, rule, view, starts: dict[str, int]) -> Finding:
    """``starts``: where each function is (a hit's spans are relative to their function)."""
    src = view.source
    base = starts.get(hit.where, 0)
    start, end = hit.span[0] + base, hit.span[1] + base
    anchor = _statement(view.tree, start, end)
    label = hit.label
    # a flow from a local source (argv, input(), the environment) is one level less severe:
    # whoever controls it usually runs the program already
    severity = rule.severity if label.trust == "remote" else Severity(rule.severity).lowered().value
    if label.trust == "environment" and view.config.profile == "default":
        # whoever sets the environment deploys the program: a hazard to review, not a flow
        severity = Severity.HINT.value
    fix = None
    if rule.taint.fixer and view.language == "python" and view.tree is not None:
        parts = [(s + base, e + base) for s, e in hit.parts]
        fix = fixes.build(rule.taint.fixer, view.tree, src, (start, end), parts)
    steps = tuple(FlowStep(s.span[0] + starts[s.where], s.span[1] + starts[s.where], s.text)
                  for s in label.trace if s.where in starts)
    return Finding(
        rule_id=rule.id, severity=severity, confidence=rule.confidence,
        message=interpolate(rule.message, {"source": label.what, "sink": hit.desc}),
        start_byte=start, end_byte=end, start=view.index.point(start), end=view.index.point(end),
        anchor=(view.index.row_of(anchor[0]), view.index.row_of(anchor[1])), anchor_bytes=anchor,
        fingerprint=fingerprint(rule.id, view.path, src[start:end]), path=view.path, flow=steps,
        fix=fix)


def _statement(tree: tree_sitter.Tree, start: int, end: int) -> tuple[int, int]:
    node = tree.root_node.descendant_for_byte_range(start, end)
    while node is not None and node.parent is not None and not (
            node.type.endswith(("statement", "declaration")) or node.parent.type in ("block", "module",
                                                                                  "program")):
        node = node.parent
    return (node.start_byte, node.end_byte) if node is not None else (start, end)
