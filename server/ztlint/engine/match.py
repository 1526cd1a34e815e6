"""Run compiled rules: tree rules over a syntax tree, text rules over bytes.

Both accept an optional region so the language server can re-check only what an edit touched.
"""

from __future__ import annotations

import tree_sitter

from . import secrets, templates
from .budget import MAX_BACKTRACK_TEXT, Budget
from .findings import Edit, Finding, Fix, fingerprint
from .keywords import KeywordIndex, line_windows
from .linear_regex import Match
from .positions import LineIndex, lf_only
from .rules import FILE_KINDS, Condition, LanguagePack, Rule, RuleSet, TextRules, fact_key

_MAX_INTERPOLATED = 60

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
    query = pack.cond_queries[id(cond)]
    if kind in ("inside", "not-inside"):
        found = _has_ancestor_match(node, tree.root_node, cond, query, pack, facts)
    else:
        found = bool(tree_sitter.QueryCursor(query).matches(node))
    return found == (kind in ("inside", "has"))


def _fact(cond: Condition, pack: LanguagePack, root: tree_sitter.Node, facts: dict) -> bool:
    key = fact_key(cond)
    if key not in facts:  # once per tree, however many matches ask
        facts[key] = pack.fact(cond, root)
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


def _interpolate(template: str, values: dict[str, str]) -> str:
    return templates.render(template, values, shorten=_MAX_INTERPOLATED)


def _safe_values(rule: Rule, raw: dict[str, str]) -> dict[str, str]:
    """Values fit for text people read: every capture of a secret rule is redacted except the
    ones the rule declares plain (`plain-captures`: a variable's name, a URL's host ...). A
    user name is a credential too (`https://<token>:x-oauth-basic@...`)."""
    if not rule.is_secret:
        return raw
    return {k: v if k in rule.plain_captures else secrets.redact(v) for k, v in raw.items()}


def _capture_values(rule: Rule, captures: dict) -> dict[str, str]:
    return _safe_values(rule, {name: _text(nodes[0]) for name, nodes in captures.items()})


def _fix(rule: Rule, spans: dict[str, tuple[int, int]], raw: dict[str, str]) -> Fix | None:
    """Build the rule's fix from capture spans (byte offsets) and capture texts."""
    if rule.fix is None:
        return None
    # A secret rule's fix never carries the secret: its replacement text is built from
    # redacted values (fixes travel in JSON, SARIF and LSP messages).
    values = _safe_values(rule, raw)
    edits = []
    for spec in rule.fix.edits:
        span = spans.get(spec.capture)
        if span is None:
            return None
        if spec.replace is not None:
            edits.append(Edit(span[0], span[1], templates.render(spec.replace, values)))
        if spec.insert_before is not None:
            edits.append(Edit(span[0], span[0], templates.render(spec.insert_before, values)))
        if spec.insert_after is not None:
            edits.append(Edit(span[1], span[1], templates.render(spec.insert_after, values)))
    return Fix(_interpolate(rule.fix.title, values), rule.fix.safe, tuple(edits))


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
        for gated, regions in _gated_regions(pack, tree.root_node, source, byte_range, enabled):
            cursor = tree_sitter.QueryCursor(gated.query)
            for region in regions:
                if region is not None:
                    cursor.set_byte_range(*region)
                for _, captures in cursor.matches(tree.root_node):
                    if budget is not None and budget.spent():
                        return out
                    _take(gated.rule, captures, pack, tree, path, facts, seen, out, budget)
    return out


# Past this many places to look, one pass over the whole span is cheaper than many small ones.
_MAX_REGIONS = 16


def _gated_regions(pack: LanguagePack, root: tree_sitter.Node, source: bytes,
                   byte_range: tuple[int, int] | None, enabled):
    """For each gated rule whose literals occur in the text: the byte ranges its query must
    search (None: the whole tree).

    A match of the rule contains one of its literals and starts at a node of one of its root
    types, so the outermost such node around each occurrence holds every match there."""
    lo, hi = (0, len(source)) if byte_range is None else _top_level_span(root, *byte_range)
    hits = pack.gate_index.find(source[lo:hi])
    if not hits:
        return
    for gated in pack.gated_candidates(hits):
        if not enabled(gated.rule.id):
            continue
        where = _fewest_places(gated.groups, hits)
        if where is None:
            yield gated, [byte_range]
            continue
        regions: list[tuple[int, int]] = []
        for off, length in where:
            target = root.descendant_for_byte_range(lo + off, lo + off + length)
            node = root
            while node is not None and node.type not in gated.roots and node != target:
                node = node.child_with_descendant(target)  # down: the first is the outermost
            if node is not None and node.type in gated.roots:
                regions.append((node.start_byte, node.end_byte))
        regions = merge_spans(regions)
        if len(regions) > _MAX_REGIONS:
            regions = [(regions[0][0], regions[-1][1])]
        yield gated, regions


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


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, with overlapping or touching [start, end) spans joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


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
    if not all(_holds(c, captures, report, pack, tree, facts, budget, rule.id) for c in rule.conditions):
        return
    seen.add(key)
    raw = {name: _text(nodes[0]) for name, nodes in captures.items()}
    anchor_node = _first(captures, rule.statement) if rule.statement else statement_of(report, tree.root_node)
    out.append(Finding(
        rule_id=rule.id, severity=rule.severity, confidence=rule.confidence,
        message=_interpolate(rule.message, _capture_values(rule, captures)),
        start_byte=report.start_byte, end_byte=report.end_byte,
        start=tuple(report.start_point), end=tuple(report.end_point),
        anchor=(anchor_node.start_point[0], anchor_node.end_point[0]),
        anchor_bytes=(anchor_node.start_byte, anchor_node.end_byte),
        fingerprint=fingerprint(rule.id, path, report.text),
        fix=_fix(rule, {n: (v[0].start_byte, v[0].end_byte) for n, v in captures.items()}, raw),
        path=path,
    ))


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
        values = _safe_values(rule, values)
        values.setdefault("secret", secrets.redact(value))
    start, end = index.point(s), index.point(e)
    return Finding(
        rule_id=rule.id, severity=rule.severity, confidence=rule.confidence,
        message=_interpolate(rule.message, values), start_byte=s, end_byte=e,
        start=start, end=end, anchor=(start[0], end[0]), anchor_bytes=(s, e),
        fingerprint=fingerprint(rule.id, path, value), path=path,
        fix=_fix(rule, _spans(m), raw),
    )


def _spans(m) -> dict[str, tuple[int, int]]:
    spans = {name: m.span(name) for name, v in m.groupdict().items() if v is not None}
    spans["match"] = m.span(0)
    return spans
