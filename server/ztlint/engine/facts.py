"""File facts at run time: ``file-has``/``file-not-has`` conditions and ``inside`` ones that may
be rooted at the file's root, one boolean per tree (see LanguagePack.fact_conditions)."""

from __future__ import annotations

import tree_sitter

from .rules import FILE_KINDS, Condition, LanguagePack, fact_key


def all_facts(pack: LanguagePack, root: tree_sitter.Node) -> dict:
    """Every file fact of this tree, keyed as match._holds looks them up."""
    return {fact_key(c): fact(pack, c, root) for c in pack.fact_conditions}


def fact_statements(pack: LanguagePack, cond: Condition, root: tree_sitter.Node) -> set[tuple[int, int]]:
    """[start, end) of the top-level statements a split fact's pattern matches."""
    cursor = tree_sitter.QueryCursor(pack.cond_queries[id(cond)])
    cursor.set_max_start_depth(1)
    spans = set()
    for _, captures in cursor.matches(root):
        node = next(iter(captures.values()))[0]  # the statement holding a capture
        if node != root:
            node = root.child_with_descendant(node)
        spans.add((node.start_byte, node.end_byte))
    return spans


def fact_matches_at(pack: LanguagePack, cond: Condition, statement: tree_sitter.Node) -> bool:
    cursor = tree_sitter.QueryCursor(pack.cond_queries[id(cond)])
    cursor.set_max_start_depth(0)
    return bool(cursor.matches(statement))


def fact(pack: LanguagePack, cond: Condition, root: tree_sitter.Node) -> bool:
    cursor = tree_sitter.QueryCursor(pack.cond_queries[id(cond)])
    if cond.kind in FILE_KINDS:
        cursor.set_max_start_depth(1)  # the root or a top-level statement
        found = bool(cursor.matches(root))
        return found if cond.kind == "file-has" else not found
    cursor.set_max_start_depth(0)  # inside: does the root itself match?
    return bool(cursor.matches(root))
