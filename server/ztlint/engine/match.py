"""Run compiled rules: tree rules over a syntax tree, text rules over bytes.

Both accept an optional region so the language server can re-check only what an edit touched.
"""

from __future__ import annotations

import tree_sitter

from .budget import MAX_BACKTRACK_TEXT, Budget
from .keywords import MAX_POSITIONS
from . import lookup
from .facts import fact
from .findings import Finding, fingerprint
from .render import build_fix, interpolate, safe_values
from .rules import FILE_KINDS, Condition, LanguagePack, Rule, RuleSet, fact_key


# Node types that hold a list of statements: the child of one of these that contains a node
# is that node's statement (what suppressions anchor to).
_CONTAINERS = frozenset({
    "module", "block", "program", "statement_block", "source_file", "compilation_unit",
    "class_body", "declaration_list", "body_statement", "switch_block", "switch_section",
    "interface_body", "enum_body", "namespace_declaration", "file_scoped_namespace_declaration",
    "do_block", "then", "else", "begin", "compound_statement", "do_group", "stream", "document",
    "block_mapping", "block_sequence", "object", "array", "config_file", "body", "field_declaration_list",
    "literal_value", "function_body", "statement_list",
})


def ancestry(root: tree_sitter.Node, node: tree_sitter.Node) -> list[tree_sitter.Node]:
    """The nodes from ``root`` down to ``node``, both included. (``Node.parent`` searches down
    from the root each time, so climbing through it costs O(depth²): seconds in a file of a few
    thousand nested brackets. This walk is O(depth).)"""
    path = [root]
    while path[-1] != node:
        child = path[-1].child_with_descendant(node)
        if child is None:
            break
        path.append(child)
    return path


def statement_of(node: tree_sitter.Node, root: tree_sitter.Node) -> tree_sitter.Node:
    """The statement holding ``node``: at most a top-level statement, never the whole file."""
    path = ancestry(root, node)
    for i in range(len(path) - 1, 0, -1):
        if i == 1 or path[i - 1].type in _CONTAINERS:
            return path[i]
    return path[0]


def _text(node: tree_sitter.Node) -> str:
    return node.text.decode("utf-8", "replace")


def _first(captures: dict, name: str) -> tree_sitter.Node | None:
    nodes = captures.get(name)
    return nodes[0] if nodes else None


def _holds(cond: Condition, captures: dict, report: tree_sitter.Node, pack: LanguagePack,
           tree: tree_sitter.Tree, facts: dict, budget: Budget | None = None,
           rule_id: str = "") -> bool:
    if cond.kind in FILE_KINDS:
        return _fact(cond, pack, tree.root_node, facts)
    node = _first(captures, cond.capture) if cond.capture else report
    if node is None:
        return cond.kind.startswith("not-")
    kind = cond.kind
    if kind in ("regex", "not-regex"):
        text = _text(node)
        if not cond.value.linear and len(text) > MAX_BACKTRACK_TEXT:
            if budget is not None:  # unknown: no finding, and a note saying so
                budget.skipped_long_text(rule_id, f"line {node.start_point[0] + 1}", len(text),
                                         node.start_byte)
            return False
        return (cond.value.search(text) is not None) == (kind == "regex")
    if kind == "equals":
        return _text(node) == cond.value
    if kind == "not-equals":
        return _text(node) != cond.value
    if kind == "any-of":
        return _text(node) in cond.value
    if kind == "not-any-of":
        return _text(node) not in cond.value
    query = _cond_query(pack, cond, budget)
    if kind in ("inside", "not-inside"):
        found = _has_ancestor_match(node, tree.root_node, cond, query, pack, facts)
    else:
        found = bool(tree_sitter.QueryCursor(query).matches(node))
    return found == (kind in ("inside", "has"))


def _cond_query(pack: LanguagePack, cond: Condition, budget: Budget | None) -> tree_sitter.Query:
    if id(cond) in pack.cond_queries or budget is None:
        return pack.cond_queries[id(cond)]
    with budget.uncharged():  # compiled on first use
        return pack.cond_queries[id(cond)]


def _fact(cond: Condition, pack: LanguagePack, root: tree_sitter.Node, facts: dict) -> bool:
    key = fact_key(cond)
    if key not in facts:  # once per tree, however many matches ask
        facts[key] = fact(pack, cond, root)
    return facts[key]


def _has_ancestor_match(node: tree_sitter.Node, root: tree_sitter.Node, cond: Condition,
                        query: tree_sitter.Query, pack: LanguagePack, facts: dict) -> bool:
    types = pack.cond_types[id(cond)]
    cursor = tree_sitter.QueryCursor(query)
    cursor.set_max_start_depth(0)  # the pattern must start at the ancestor itself
    path = ancestry(root, node)[:-1]
    for depth in range(len(path) - 1, -1, -1):
        cur = path[depth]
        if depth == 0:  # the root: a per-file fact, computed once per tree
            return (types is None or cur.type in types) and _fact(cond, pack, cur, facts)
        if (types is None or cur.type in types) and cursor.matches(cur):
            return True
    return False


def run_tree_rules(ruleset: RuleSet, language: str, tree: tree_sitter.Tree, path: str,
                   enabled, byte_range: tuple[int, int] | None = None,
                   facts: dict | None = None, source: bytes | None = None,
                   budget: Budget | None = None) -> list[Finding]:
    """Findings of every enabled tree rule; with ``byte_range``, at least every finding whose
    reported node intersects it (callers keep the ones they asked for).

    ``facts`` caches file-level facts of this tree (see LanguagePack.facts) across calls;
    ``source`` is the text the tree was parsed from (default: read back from the tree);
    ``budget``, when spent, stops the work (its notes say so)."""
    pack = ruleset.pack(language)
    if pack is None:
        return []
    out: list[Finding] = []
    seen: set[tuple] = set()
    facts = {} if facts is None else facts
    if pack.query is not None:
        cursor = tree_sitter.QueryCursor(pack.query)
        if byte_range is not None:
            cursor.set_byte_range(*byte_range)
        for index, captures in cursor.matches(tree.root_node):
            if budget is not None and budget.spent():
                return out
            rule = pack.rule_of_pattern[index]
            if enabled(rule.id):
                _take(rule, captures, pack, tree, path, facts, seen, out, budget)
    if pack.gated:
        if source is None:
            source = tree.root_node.text or b""
        for gated, places in _gated_places(pack, tree.root_node, source, byte_range, enabled):
            if not gated.compiled.done and budget is not None:
                with budget.uncharged():  # compiled on first use
                    gated.compiled.get()
            if gated.query is None:  # (a bundled rule's query that does not compile: noted)
                continue
            cursor = tree_sitter.QueryCursor(gated.query)
            if not isinstance(places, list):  # a byte range (None: the whole tree)
                if places is not None:
                    cursor.set_byte_range(*places)
                places = [tree.root_node]
            for node in places:
                for _, captures in cursor.matches(node):
                    if budget is not None and budget.spent():
                        return out
                    _take(gated.rule, captures, pack, tree, path, facts, seen, out, budget)
    return out


# Looking a gated rule up at one place (finding the node around a literal, running the query
# on it) costs about what its query costs walking this many bytes of a whole file: past one
# place per so many bytes, one walk is cheaper.
_BYTES_PER_PLACE = 256


def _gated_places(pack: LanguagePack, root: tree_sitter.Node, source: bytes,
                  byte_range: tuple[int, int] | None, enabled):
    """For each gated rule whose literals occur in the text: the nodes its query must search
    (a list), or the byte range to search when its literals occur too often to list them
    (None: the whole tree).

    A match of the rule contains one of its literals and starts at a node of one of its root
    types, so the outermost such node around each occurrence holds every match there (and
    such nodes are disjoint: no ancestor of one has a root type)."""
    lo, hi = (0, len(source)) if byte_range is None else _top_level_span(root, *byte_range)
    text = source[lo:hi]
    hits = pack.gate_index.find(text, max(MAX_POSITIONS, len(text) // _BYTES_PER_PLACE))
    if not hits:
        return
    outermost: dict[tuple, tree_sitter.Node | None] = {}  # shared by rules of the same roots
    for gated in pack.gated_candidates(hits):
        if not enabled(gated.rule.id):
            continue
        where = _fewest_places(gated.groups, hits)
        if where is None:
            yield gated, byte_range
            continue
        nodes: dict[tuple[int, int], tree_sitter.Node] = {}
        for off, length in where:
            key = (off, length, gated.roots)
            if key not in outermost:
                outermost[key] = _outermost(root, lo + off, lo + off + length, gated.roots)
            node = outermost[key]
            if node is not None:
                nodes[(node.start_byte, node.end_byte)] = node
        yield gated, [nodes[k] for k in sorted(nodes)]


def _outermost(root: tree_sitter.Node, start: int, end: int, types) -> tree_sitter.Node | None:
    """The outermost node of one of ``types`` around the text at [start, end)."""
    target = root.descendant_for_byte_range(start, end)
    node = root
    while node is not None and node.type not in types and node != target:
        node = node.child_with_descendant(target)  # down: the first is the outermost
    return node if node is not None and node.type in types else None


def _fewest_places(groups, hits) -> list[tuple[int, int]] | None:
    """(offset, length) of every occurrence of the group with the fewest; None when each group
    has a string that occurs too often to list."""
    best = None
    for group in groups:
        places = []
        for kw in group:
            offsets = hits.get(kw, ())
            if offsets is None:
                break
            places.extend((off, len(kw)) for off in offsets)
        else:
            if best is None or len(places) < len(best):
                best = places
    return best


def _top_level_span(root: tree_sitter.Node, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to the top-level statements it touches: a match that intersects
    the range lies inside one of them (or starts at the root, which gated rules never do)."""
    first, last = _top_level_at(root, start), _top_level_at(root, max(start, end - 1))
    lo = min(start, first.start_byte) if first is not None else start
    hi = max(end, last.end_byte) if last is not None else end
    return lo, hi


def _top_level_at(root: tree_sitter.Node, byte: int) -> tree_sitter.Node | None:
    # (Node.first_child_for_byte would do, but crashes tree-sitter 0.25 on some trees)
    node = root.descendant_for_byte_range(byte, byte)
    if node is None or node == root:
        return None
    return root.child_with_descendant(node)


def _take(rule: Rule, captures: dict, pack: LanguagePack, tree: tree_sitter.Tree, path: str,
          facts: dict, seen: set, out: list[Finding], budget: Budget | None = None) -> None:
    """Add the match's finding to ``out`` if the rule's conditions hold and it is new."""
    report = _first(captures, rule.report)
    if report is None:
        return
    key = (rule.id, report.start_byte, report.end_byte)
    if key in seen:
        return
    raw = {name: _text(nodes[0]) for name, nodes in captures.items()}
    for c in rule.conditions:
        if c.kind == "lookup":
            found = lookup.run(c.value, raw, tree, tree.language, facts)
            if found is None:
                return
            raw = found
        elif not _holds(c, captures, report, pack, tree, facts, budget, rule.id):
            return
    seen.add(key)
    fix_values = raw
    if rule.fix is not None and rule.fix.requires:
        fix_values = lookup.run(rule.fix.requires, raw, tree, tree.language, facts)
    anchor_node = _first(captures, rule.statement) if rule.statement else statement_of(report, tree.root_node)
    spans = {n: (v[0].start_byte, v[0].end_byte) for n, v in captures.items()}
    out.append(Finding(
        rule_id=rule.id, severity=rule.severity, confidence=rule.confidence,
        message=interpolate(rule.message, safe_values(rule, raw)),
        start_byte=report.start_byte, end_byte=report.end_byte,
        start=tuple(report.start_point), end=tuple(report.end_point),
        anchor=(anchor_node.start_point[0], anchor_node.end_point[0]),
        anchor_bytes=(anchor_node.start_byte, anchor_node.end_byte),
        fingerprint=fingerprint(rule.id, path, report.text),
        fix=build_fix(rule, spans, fix_values) if fix_values is not None else None,
        path=path,
    ))


