"""Mechanical fixes for flow findings in Python, built from the sink's syntax and the spans of
the tainted pieces of its argument (``Hit.parts``). Each returns None when the code is not in
the simple shape the rewrite is sure about."""

from __future__ import annotations

import json

import tree_sitter

from ..findings import Edit, Fix

# characters that mean something to a shell: a command line holding them is not a plain list
_SHELL_SPECIAL = set("|&;<>()$`\\\"'*?[]#~=%{}!")


def build(name: str, tree: tree_sitter.Tree, source: bytes, call: tuple[int, int],
          parts: list[tuple[int, int]]) -> Fix | None:
    node = tree.root_node.descendant_for_byte_range(*call)
    while node is not None and node.type != "call" and (node.start_byte, node.end_byte) == call:
        node = node.parent
    builder = _BUILDERS.get(name)
    return builder(tree, source, node, parts) if builder is not None else None


def _text(source: bytes, node) -> str:
    return source[node.start_byte:node.end_byte].decode("utf-8", "replace")


def _html_escape(tree, source, node, parts) -> Fix | None:
    call = _call_at(node)
    if not parts or call is not None and _text(source, call.child_by_field_name("function")).endswith(
            ("render_template_string", "Template", "from_string")):
        return None  # a template's source: escaping HTML does not stop template code
    edits = [e for s, t in parts for e in (Edit(s, s, "html.escape("), Edit(t, t, ")"))]
    imp = _ensure_import(tree, source, "html")
    return Fix("Escape the value for HTML with html.escape()", False, tuple(imp + edits))


def _call_at(node):
    return node if node is not None and node.type == "call" else None


def _keyword(call, name: str):
    args = call.child_by_field_name("arguments")
    for a in args.named_children if args is not None else ():
        if a.type == "keyword_argument" and a.child_by_field_name("name") is not None and \
                a.child_by_field_name("name").text.decode() == name:
            return a
    return None


def _drop_keyword(kw) -> Edit:
    prev = kw.prev_named_sibling
    start = prev.end_byte if prev is not None else kw.start_byte
    return Edit(start, kw.end_byte, "")


def _argv_list(tree, source, node, parts) -> Fix | None:
    call = _call_at(node)
    if call is None:
        return None
    func = _text(source, call.child_by_field_name("function"))
    shell = _keyword(call, "shell")
    args = call.child_by_field_name("arguments")
    if not func.startswith("subprocess.") or shell is None or args is None or \
            _text(source, shell.child_by_field_name("value")) != "True":
        return None
    first = args.named_children[0] if args.named_children else None
    if first is None or first.type not in ("string", "binary_operator"):
        return None  # a whole command line in a variable: its words are not known here
    words = _words(source, first)
    if not words:
        return None
    return Fix("Pass an argument list without a shell", False,
               (Edit(first.start_byte, first.end_byte, "[" + ", ".join(words) + "]"),
                _drop_keyword(shell)))


def _pieces(source: bytes, node) -> list[tuple[str, str]] | None:
    """("text", literal) and ("expr", source) pieces of an f-string or a + of strings."""
    if node.type == "string":
        out = []
        start = node.named_children[0] if node.named_children else None
        if start is None or start.text.lower().rstrip(b"\"'") != b"f":
            return None  # only plain f-strings (no r, b or u prefix)
        for c in node.named_children[1:-1]:
            if c.type == "string_content":
                out.append(("text", _text(source, c)))
            elif c.type == "interpolation":
                if any(k.type in ("type_conversion", "format_specifier") for k in c.named_children):
                    return None
                out.append(("expr", _text(source, c.named_children[0])))
            else:
                return None  # escape sequences and the like: not a plain literal
        return out
    if node.type == "binary_operator" and node.child_by_field_name("operator").text == b"+":
        left = _pieces(source, node.child_by_field_name("left"))
        right = _pieces(source, node.child_by_field_name("right"))
        return None if left is None or right is None else left + right
    if node.type == "string":
        return None
    if node.type in ("identifier", "attribute", "subscript", "call"):
        return [("expr", _text(source, node))]
    return None


def _words(source: bytes, node) -> list[str] | None:
    pieces = _pieces(source, node)
    if pieces is None:
        return None
    words: list[str] = []
    glued = False  # the last word may still continue (no space after it yet)
    for kind, text in pieces:
        if kind == "text":
            if _SHELL_SPECIAL & set(text):
                return None
            if glued and text[:1] not in (" ", ""):
                return None  # an expression glued to text: one shell word, not two
            split = text.split(" ")
            for i, w in enumerate(split):
                if w:
                    words.append(json.dumps(w))
            glued = bool(split[-1])
            if glued:
                return None  # text glued to the next expression
        else:
            if glued:
                return None
            words.append(text)
            glued = True
    return words


def _safe_load(tree, source, node, parts) -> Fix | None:
    call = _call_at(node)
    if call is None:
        return None
    func = call.child_by_field_name("function")
    if func is None or func.type != "attribute" or _text(source, func) not in ("yaml.load", "yaml.load_all"):
        return None
    args = call.child_by_field_name("arguments")
    positional = [a for a in args.named_children if a.type != "keyword_argument"]
    if len(positional) != 1:
        return None
    attr = func.child_by_field_name("attribute")
    edits = [Edit(attr.start_byte, attr.end_byte, "safe_" + _text(source, attr))]
    loader = _keyword(call, "Loader")
    if loader is not None:
        edits.append(_drop_keyword(loader))
    return Fix("Use yaml.safe_load(), which builds only plain data", True, tuple(edits))


def _parameterise(tree, source, node, parts) -> Fix | None:
    call = _call_at(node)
    if call is None:
        return None
    args = call.child_by_field_name("arguments")
    if args is None or len(args.named_children) != 1 or args.named_children[0].type != "string":
        return None
    query = args.named_children[0]
    start = query.named_children[0]
    if start.text.lower() not in (b'f"', b"f'"):
        return None
    quote = start.text[1:].decode()
    mark = "?" if b"sqlite3" in source else "%s"
    pieces = _pieces(source, query)
    if pieces is None:
        return None
    text, values = [], []
    for i, (kind, value) in enumerate(pieces):
        if kind == "text":
            if mark == "%s" and "%" in value or "{" in value or "}" in value:
                return None
            text.append(value)
            continue
        before = text[-1] if text else ""
        after = pieces[i + 1][1] if i + 1 < len(pieces) and pieces[i + 1][0] == "text" else ""
        if before.endswith("'") and after.startswith("'"):  # '{name}' -> ?
            text[-1] = before[:-1]
            pieces[i + 1] = ("text", after[1:])
        text.append(mark)
        values.append(value)
    if not values:
        return None
    body = "".join(text)
    tuple_text = "(" + ", ".join(values) + ("," if len(values) == 1 else "") + ")"
    return Fix("Pass the values as query parameters", False,
               (Edit(query.start_byte, query.end_byte, f"{quote}{body}{quote}, {tuple_text}"),))


def _ensure_import(tree, source: bytes, module: str) -> list[Edit]:
    """An edit adding ``import module`` before the first import (none if it is imported)."""
    root = tree.root_node
    first_import = None
    after_head = 0
    for c in root.named_children:
        if c.type == "import_statement" and any(
                n.type == "dotted_name" and _text(source, n) == module for n in c.named_children):
            return []
        if c.type == "future_import_statement" or (c.type == "expression_statement" and
                                                    c.named_children and c.named_children[0].type == "string"
                                                    and first_import is None and after_head == c.start_byte):
            after_head = source.find(b"\n", c.end_byte) + 1 or c.end_byte
            continue
        if c.type == "comment" and first_import is None and after_head == c.start_byte:
            after_head = source.find(b"\n", c.end_byte) + 1 or c.end_byte
            continue
        if c.type in ("import_statement", "import_from_statement") and first_import is None:
            first_import = c.start_byte
    at = first_import if first_import is not None else after_head
    return [Edit(at, at, f"import {module}\n")]


_BUILDERS = {"html-escape": _html_escape, "argv-list": _argv_list, "safe-load": _safe_load,
             "parameterise": _parameterise}
FIXERS = frozenset(_BUILDERS)
