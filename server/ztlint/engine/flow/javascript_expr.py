"""JavaScript/TypeScript adapter, expressions: tree-sitter-javascript/-typescript nodes -> ``ir``.

Functions met inside an expression (callbacks, arrow functions) are not lowered here: they are
handed to ``self.defer`` (see javascript.py), become functions of their own, and the
expression's value is opaque.
"""

from __future__ import annotations

from contextvars import ContextVar

import tree_sitter

from . import ir
from .lowering import MAX_DEPTH, TooDeep  # noqa: F401 - (re-exported to the adapter)



FUNCTIONS = frozenset({"arrow_function", "function_expression", "function",
                       "generator_function", "generator_function_declaration",
                       "function_declaration"})
_TRANSPARENT = frozenset({"parenthesized_expression", "await_expression", "non_null_expression",
                          "as_expression", "satisfies_expression", "type_assertion",
                          "jsx_expression", "spread_element", "yield_expression"})
_COMPARE = {"===": "==", "==": "==", "!==": "!=", "!=": "!=", "<": "<", "<=": "<=", ">": ">",
            ">=": ">=", "in": "in", "instanceof": "instanceof"}
_BOOL = {"&&": "and", "||": "or", "??": "or"}
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


# The text being lowered, for the duration of one lower() call: Node.text re-reads the text
# through tree-sitter, which costs far more than a slice (a whole file's worth per keystroke).
SOURCE: ContextVar[bytes | None] = ContextVar("ztlint_js_source", default=None)


def text(node: tree_sitter.Node) -> str:
    source = SOURCE.get()
    if source is not None:
        return source[node.start_byte:node.end_byte].decode("utf-8", "replace")
    return node.text.decode("utf-8", "replace")


# Where the top-level statement being lowered starts: spans are relative to it, so a statement
# moved by an edit above lowers (and caches) the same (see javascript.Lowering.module).
BASE: ContextVar[int] = ContextVar("ztlint_js_base", default=0)


def span(node: tree_sitter.Node) -> ir.Span:
    base = BASE.get()
    return node.start_byte - base, node.end_byte - base


def module_name(spec: str) -> str:
    """A module specifier as a dotted name: ``node:child_process`` -> ``child_process``,
    ``fs/promises`` -> ``fs.promises``, ``escape-html`` -> ``escape_html``, ``@koa/router`` ->
    ``koa.router``, ``./lib/db.js`` -> ``lib.db``."""
    spec = spec.removeprefix("node:")
    parts = [p for p in spec.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    if parts and spec.startswith("."):
        parts[-1] = parts[-1].rsplit(".", 1)[0] if parts[-1].endswith((".js", ".ts", ".mjs",
                                                                      ".cjs")) else parts[-1]
    out = ".".join(p.lstrip("@").replace("-", "_").replace(".", "_") for p in parts)
    return out or "_"


def required_module(node) -> str | None:
    """``require("m")`` -> the module's dotted name."""
    if node is None or node.type != "call_expression":
        return None
    func, args = node.child_by_field_name("function"), node.child_by_field_name("arguments")
    if func is None or text(func) != "require" or args is None or args.named_child_count != 1:
        return None
    arg = args.named_children[0]
    return module_name(string_value(arg)) if arg.type == "string" else None


def string_value(node) -> str:
    out = []
    for c in node.named_children:
        if c.type == "escape_sequence":
            raw = text(c)[1:]
            if raw[:1] in ("x", "u") and raw[1:].strip("{}"):
                try:
                    out.append(chr(int(raw[1:].strip("{}"), 16)))
                    continue
                except ValueError:
                    pass
            out.append(_ESCAPES.get(raw, raw))
        else:
            out.append(text(c))
    return "".join(out)


NOT_LITERAL = object()


def literal(node) -> object:
    """The value of a literal (string, number, boolean, null, or an array of them), else
    ``NOT_LITERAL``."""
    t = node.type
    if t == "string":
        return string_value(node)
    if t == "template_string" and not any(c.type == "template_substitution"
                                          for c in node.named_children):
        return "".join(text(c) for c in node.named_children)
    if t == "number":
        raw = text(node).replace("_", "").rstrip("n")
        try:
            return int(raw, 0) if raw.lower().startswith(("0x", "0o", "0b")) else (
                int(raw) if raw.isdigit() else float(raw))
        except ValueError:
            return NOT_LITERAL
    if t in ("true", "false"):
        return t == "true"
    if t in ("null", "undefined") or t == "identifier" and text(node) == "undefined":
        return None
    if t == "array" and node.named_child_count <= 256:
        items = [literal(c) for c in node.named_children]
        return NOT_LITERAL if any(i is NOT_LITERAL for i in items) else tuple(items)
    if t == "parenthesized_expression" and node.named_child_count == 1:
        return literal(node.named_children[0])
    return NOT_LITERAL


class ExprLowering:
    """Mixed into javascript.Lowering (``self.defer`` registers a function met in an expression)."""

    def expr(self, node, d: int) -> ir.Expr:
        if d > MAX_DEPTH:
            raise TooDeep(node.start_byte)
        d += 1
        t, sp = node.type, span(node)
        if t in ("identifier", "shorthand_property_identifier", "property_identifier"):
            return ir.Const(None, sp) if text(node) == "undefined" else ir.Name(text(node), sp)
        if t in ("this", "super"):
            return ir.Name(t, sp)
        if t == "member_expression":
            obj, prop = node.child_by_field_name("object"), node.child_by_field_name("property")
            if obj is None or prop is None:
                return ir.Opaque([], sp)
            return ir.Attr(self.expr(obj, d), text(prop), sp)
        if t == "subscript_expression":
            obj, index = node.child_by_field_name("object"), node.child_by_field_name("index")
            key = self.expr(index, d) if index is not None else None
            if isinstance(key, ir.Const) and isinstance(key.value, str):
                return ir.Attr(self.expr(obj, d), key.value, sp)  # o["k"] is o.k
            return ir.Index(self.expr(obj, d), key, sp)
        if t in ("call_expression", "new_expression"):
            return self.call(node, d)
        if t in ("string", "number", "true", "false", "null", "undefined"):
            value = literal(node)
            return ir.Const(None if value is NOT_LITERAL else value, sp)
        if t == "template_string":
            parts = [c.named_children[0] for c in node.named_children
                     if c.type == "template_substitution" and c.named_child_count]
            if not parts:
                return ir.Const(literal(node), sp)
            return ir.Op("fstring", [self.expr(p, d) for p in parts], sp)
        if t == "regex":
            pattern, flags = node.child_by_field_name("pattern"), node.child_by_field_name("flags")
            return ir.Const(f"/{text(pattern) if pattern else ''}/{text(flags) if flags else ''}", sp)
        if t == "binary_expression":
            return self.binary(node, d)
        if t == "unary_expression":
            op, arg = node.child_by_field_name("operator"), node.child_by_field_name("argument")
            if arg is None:
                return ir.Opaque([], sp)
            if op is not None and text(op) == "!":
                return ir.Not(self.expr(arg, d), sp)
            if op is not None and text(op) == "void":
                return ir.Const(None, sp)
            return ir.Op("unary", [self.expr(arg, d)], sp)
        if t == "ternary_expression":
            return ir.Cond(self.expr(node.child_by_field_name("condition"), d),
                           self.expr(node.child_by_field_name("consequence"), d),
                           self.expr(node.child_by_field_name("alternative"), d), sp)
        if t in _TRANSPARENT:
            kids = [k for k in node.named_children if k.type not in ("comment", "type_annotation")]
            if not kids:
                return ir.Opaque([], sp)
            # `x as T`, `<T>x`: the value is the one expression child
            inner = kids[0] if t in ("as_expression", "satisfies_expression") else kids[-1]
            return self.expr(inner, d)
        if t == "array":
            return ir.Seq("list", [self.spread(k, d) for k in node.named_children
                                   if k.type != "comment"], sp)
        if t == "object":
            return self.object(node, d)
        if t in FUNCTIONS:
            self.defer(node, None)
            return ir.Opaque([], sp)
        if t in ("assignment_expression", "augmented_assignment_expression"):
            value = node.child_by_field_name("right")
            return ir.Opaque([self.expr(value, d)] if value is not None else [], sp)
        if t == "update_expression":
            return ir.Opaque([], sp)  # a number
        if t in ("jsx_element", "jsx_self_closing_element"):
            return self.jsx(node, d)
        if t in ("jsx_text", "comment", "html_comment"):
            return ir.Const("", sp)
        return ir.Opaque([self.expr(k, d) for k in node.named_children if k.type != "comment"], sp)

    def spread(self, node, d: int) -> ir.Expr:
        if node.type == "spread_element" and node.named_child_count:
            return ir.Op("*", [self.expr(node.named_children[0], d)], span(node))
        return self.expr(node, d)

    def binary(self, node, d: int) -> ir.Expr:
        # a + b + c ... nests to the left: walked iteratively, so long chains do not recurse
        op = node.child_by_field_name("operator")
        op_text = text(op) if op is not None else "+"
        chain, n = [], node
        while n.type == "binary_expression":
            o = n.child_by_field_name("operator")
            if o is None or text(o) != op_text:
                break
            chain.append(n.child_by_field_name("right"))
            n = n.child_by_field_name("left")
        chain.append(n)
        items = [self.expr(c, d) for c in reversed(chain) if c is not None]
        sp = span(node)
        if op_text in _BOOL:
            return ir.BoolOp(_BOOL[op_text], items, sp)
        if op_text in _COMPARE and len(items) == 2:
            return ir.Compare(_COMPARE[op_text], items[0], items[1], sp)
        return ir.Op(op_text, items, sp)

    def call(self, node, d: int) -> ir.Expr:
        sp = span(node)
        module = required_module(node)
        if module is not None:
            return ir.Name(module, sp)  # require("fs").readFile is fs.readFile
        func_node = node.child_by_field_name("function") or node.child_by_field_name("constructor")
        if func_node is None or func_node.type == "import":
            return ir.Opaque([], sp)
        func = self.expr(func_node, d)
        args_node = node.child_by_field_name("arguments")
        args: list[ir.Expr] = []
        star: list[ir.Expr] = []
        if args_node is not None and args_node.type == "template_string":
            args.append(self.expr(args_node, d))  # a tagged template: tag`...`
        elif args_node is not None:
            by = callee_name(func_node)
            for a in args_node.named_children:
                if a.type == "comment":
                    continue
                if a.type == "spread_element":
                    if a.named_child_count:
                        star.append(self.expr(a.named_children[0], d))
                elif a.type in FUNCTIONS:
                    self.defer(a, by)  # a callback: a function of its own
                    args.append(ir.Opaque([], span(a)))
                else:
                    if a.type == "identifier" and by is not None:
                        self.handed.append((self.scope + text(a), text(a), by))  # app.get("/", f)
                    args.append(self.expr(a, d))
        return ir.Call(func, args, {}, sp, star)

    def object(self, node, d: int) -> ir.Dict:
        items: list[tuple[ir.Expr | None, ir.Expr]] = []
        for p in node.named_children:
            if p.type == "pair":
                key, value = p.child_by_field_name("key"), p.child_by_field_name("value")
                if key is None or value is None:
                    continue
                if value.type in FUNCTIONS:
                    self.defer(value, None, key_name(key))
                    continue
                items.append((self.key(key, d), self.expr(value, d)))
            elif p.type == "shorthand_property_identifier":
                items.append((ir.Const(text(p), span(p)), ir.Name(text(p), span(p))))
            elif p.type == "spread_element" and p.named_child_count:
                items.append((None, self.expr(p.named_children[0], d)))
            elif p.type == "method_definition" and p.child_by_field_name("name") is not None:
                self.defer(p, None, key_name(p.child_by_field_name("name")))
        return ir.Dict(items, span(node))

    def key(self, key, d: int) -> ir.Expr:
        if key.type in ("property_identifier", "private_property_identifier"):
            return ir.Const(text(key), span(key))
        if key.type == "computed_property_name" and key.named_child_count:
            return self.expr(key.named_children[0], d)
        return self.expr(key, d)

    def jsx(self, node, d: int) -> ir.Call:
        """``<div title={t}>{x}</div>`` is ``React.createElement("div", {title: t}, x)``: the
        attributes become keyword arguments, so a rule can name one (dangerouslySetInnerHTML)."""
        sp = span(node)
        tag = node.child_by_field_name("open_tag") if node.type == "jsx_element" else node
        name = tag.child_by_field_name("name") if tag is not None else None
        args: list[ir.Expr] = [ir.Const(text(name) if name is not None else "", sp)]
        kwargs: dict[str, ir.Expr] = {}
        star: list[ir.Expr] = []
        for a in tag.children_by_field_name("attribute") if tag is not None else ():
            if a.type == "jsx_attribute" and a.named_child_count:
                attr = a.named_children[0]
                value = a.named_children[1] if a.named_child_count > 1 else None
                kwargs[text(attr)] = self.expr(value, d) if value is not None else ir.Const(True, sp)
            elif a.named_child_count:
                star.append(self.expr(a.named_children[0], d))
        if node.type == "jsx_element":
            for c in node.named_children:
                if c.type in ("jsx_expression", "jsx_element", "jsx_self_closing_element"):
                    args.append(self.expr(c, d))
        func = ir.Attr(ir.Name("React", sp), "createElement", sp)
        return ir.Call(func, args, kwargs, sp, star)


def callee_name(func) -> str | None:
    """The name a callback is handed to: ``app.get`` -> "get", ``setTimeout`` -> "setTimeout"."""
    if func.type == "member_expression":
        prop = func.child_by_field_name("property")
        return text(prop) if prop is not None else None
    return text(func) if func.type == "identifier" else None


def key_name(key) -> str | None:
    if key.type in ("property_identifier", "private_property_identifier", "identifier"):
        return text(key)
    if key.type == "string":
        return string_value(key)
    return None
