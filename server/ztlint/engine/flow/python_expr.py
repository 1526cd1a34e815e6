"""Python adapter, expressions: tree-sitter-python expressions onto the flow model."""

from __future__ import annotations

import ast

from . import ir, printf
from .lowering import MAX_DEPTH, TooDeep


class ExprLowering:
    """Mixed into python.Lowering (``self._text``, ``self._span``, ``self.called`` ...)."""

    # -- expressions -------------------------------------------------------------------
    def expr(self, node, d: int) -> ir.Expr:
        if d > MAX_DEPTH:
            raise TooDeep(node.start_byte)
        d += 1
        # (the hottest function of the lowering: _span and _text inlined)
        t, start, end, base = node.type, node.start_byte, node.end_byte, self.base
        sp = (start - base, end - base)
        if t == "identifier":
            return ir.Name(self.source[start:end].decode("utf-8", "replace"), sp)
        if t == "attribute":
            obj, attr = node.child_by_field_name("object"), node.child_by_field_name("attribute")
            return ir.Attr(self.expr(obj, d), self._text(attr), sp)
        if t == "call":
            return self._call(node, d)
        if t == "subscript":
            value = self.expr(node.child_by_field_name("value"), d)
            key = node.child_by_field_name("subscript")
            return ir.Index(value, None if key is None or key.type == "slice"
                            else self.expr(key, d), sp)
        if t == "string":
            parts = [c for c in node.named_children if c.type == "interpolation"]
            if not parts:
                value = _literal(node, self.source)
                return ir.Const(value if value is not _NOT_LITERAL else "", sp)
            # the literal pieces too, as constants: where a URL's fixed start is known
            pieces = [self._interpolation(c, d) if c.type == "interpolation" else
                      ir.Const(self._text(c), self._span(c))
                      for c in node.named_children if c.type in ("interpolation", "string_content")]
            return ir.Op("fstring", pieces, sp)
        if t == "concatenated_string":
            items = [self.expr(c, d) for c in node.named_children]
            if all(isinstance(i, ir.Const) for i in items):
                return ir.Const("".join(str(i.value) for i in items), sp)
            return ir.Op("+", items, sp)
        if t in ("integer", "float", "true", "false", "none"):
            value = _literal(node, self.source)
            return ir.Const(None if value is _NOT_LITERAL else value, sp)
        if t == "binary_operator":
            return self._binary(node, d)
        if t == "unary_operator":
            arg = node.child_by_field_name("argument")
            return ir.Op("unary", [self.expr(arg, d)], sp)
        if t == "comparison_operator":
            kids = node.named_children
            ops = [c for c in node.children if not c.is_named]
            op = " ".join(self._text(o) for o in ops[:2] if self._text(o) in ("not", "in", "is")) \
                if ops and self._text(ops[0]) in ("not", "is", "in") else (self._text(ops[0]) if ops else "==")
            if len(kids) >= 2:
                return ir.Compare(op, self.expr(kids[0], d), self.expr(kids[1], d), sp)
            return ir.Opaque([self.expr(k, d) for k in kids], sp)
        if t == "boolean_operator":
            op = node.child_by_field_name("operator")
            return ir.BoolOp(self._text(op) if op is not None else "and",
                             [self.expr(node.child_by_field_name("left"), d),
                              self.expr(node.child_by_field_name("right"), d)], sp)
        if t == "not_operator":
            return ir.Not(self.expr(node.child_by_field_name("argument"), d), sp)
        if t == "conditional_expression":
            kids = node.named_children
            if len(kids) == 3:
                return ir.Cond(self.expr(kids[1], d), self.expr(kids[0], d),
                               self.expr(kids[2], d), sp)
        if t in ("list", "tuple", "set", "expression_list", "pattern_list", "tuple_pattern",
                 "list_pattern"):
            kind = {"list": "list", "set": "set", "list_pattern": "list"}.get(t, "tuple")
            return ir.Seq(kind, [self.expr(k, d) for k in node.named_children], sp)
        if t == "dictionary":
            items = []
            for p in node.named_children:
                if p.type == "pair":
                    items.append((self.expr(p.child_by_field_name("key"), d),
                                  self.expr(p.child_by_field_name("value"), d)))
                elif p.named_child_count:
                    items.append((None, self.expr(p.named_children[0], d)))
            return ir.Dict(items, sp)
        if t in ("list_comprehension", "set_comprehension", "generator_expression",
                 "dictionary_comprehension"):
            body = node.child_by_field_name("body")
            elt = self.expr(body.child_by_field_name("value"), d) if body is not None and \
                body.type == "pair" else self.expr(body, d)
            gens = [(self.expr(c.child_by_field_name("left"), d),
                     self.expr(c.child_by_field_name("right"), d))
                    for c in node.named_children if c.type == "for_in_clause"]
            return ir.Comp(elt, gens, sp)
        if t in ("parenthesized_expression", "await", "list_splat", "dictionary_splat",
                 "list_splat_pattern", "keyword_argument", "named_expression",
                 "as_pattern_target", "type"):
            kids = node.named_children
            if t == "named_expression":
                kids = [node.child_by_field_name("value")]
            if t in ("list_splat", "list_splat_pattern") and kids:
                return ir.Op("*", [self.expr(kids[-1], d)], sp)
            return self.expr(kids[-1], d) if kids else ir.Opaque([], sp)
        if t == "lambda":
            return ir.Opaque([], sp)
        return ir.Opaque([self.expr(k, d) for k in node.named_children
                          if k.type not in ("comment",)], sp)

    def _interpolation(self, p, d: int) -> ir.Expr:
        value = self.expr(p.child_by_field_name("expression") or p.named_children[0], d)
        conv = next((c for c in p.named_children if c.type == "type_conversion"), None)
        spec = next((c for c in p.named_children if c.type == "format_specifier"), None)
        # {x!r} is repr(x); {x:d} and {x:.2f} accept only a number
        how = printf.conversion(self._text(conv)[1:] if conv is not None else None,
                                self._text(spec).lstrip(":") if spec is not None else None)
        return printf.apply(value, how)

    def _binary(self, node, d: int) -> ir.Expr:
        # a + b + c ... nests to the left: walked iteratively, so long chains do not recurse
        op = node.child_by_field_name("operator")
        op_text = self._text(op) if op is not None else "+"
        chain = []
        n = node
        while n.type == "binary_operator":
            o = n.child_by_field_name("operator")
            if o is None or self._text(o) != op_text:
                break
            chain.append(n.child_by_field_name("right"))
            n = n.child_by_field_name("left")
        chain.append(n)
        items = [self.expr(c, d) for c in reversed(chain) if c is not None]
        if op_text == "%" and len(items) == 2 and isinstance(items[0], ir.Const) and \
                isinstance(items[0].value, str):
            items[1] = _percent_values(items[0].value, items[1])
        return ir.Op(op_text, items, self._span(node))

    def _call(self, node, d: int) -> ir.Call:
        func = self.expr(node.child_by_field_name("function"), d)
        if isinstance(func, (ir.Name, ir.Attr)):
            self.called.add(func.id if isinstance(func, ir.Name) else func.name)
        args_node = node.child_by_field_name("arguments")
        args, kwargs, star = [], {}, []
        if args_node is not None and args_node.type == "generator_expression":
            args.append(self.expr(args_node, d))
        elif args_node is not None:
            for a in args_node.named_children:
                if a.type == "keyword_argument":
                    name, value = a.child_by_field_name("name"), a.child_by_field_name("value")
                    if name is not None and value is not None:
                        kwargs[self._text(name)] = self.expr(value, d)
                elif a.type in ("list_splat", "dictionary_splat"):
                    if a.named_child_count:
                        value = self.expr(a.named_children[0], d)
                        # **kwargs marked: it fills keywords only, never a position
                        star.append(ir.Op("**", [value], value.span)
                                    if a.type == "dictionary_splat" else value)
                elif a.type != "comment":
                    args.append(self.expr(a, d))
        if isinstance(func, ir.Attr) and func.name == "format" and isinstance(func.obj, ir.Const) \
                and isinstance(func.obj.value, str):
            args, kwargs = _brace_values(func.obj.value, args, kwargs)
        return ir.Call(func, args, kwargs, self._span(node), star)


def _percent_values(template: str, values: ir.Expr) -> ir.Expr:
    """``"%r" % x``, ``"%d: %s" % (n, s)``: each value as its conversion formats it."""
    convs = printf.percent(template)
    if not convs:
        return values
    if isinstance(values, ir.Dict) and all(k is not None for k, _ in convs):
        how = printf.by_name(convs)
        return ir.Dict([(k, printf.apply(v, how.get(k.value, printf.TEXT))
                         if isinstance(k, ir.Const) and isinstance(k.value, str) else v)
                        for k, v in values.items], values.span)
    if any(k is not None for k, _ in convs):
        return values
    if isinstance(values, ir.Seq) and values.kind == "tuple":
        if len(values.items) != len(convs) or any(isinstance(v, ir.Op) and v.op == "*"
                                                  for v in values.items):
            return values
        return ir.Seq("tuple", [printf.apply(v, h) for v, (_, h) in zip(values.items, convs)],
                      values.span)
    return printf.apply(values, convs[0][1]) if len(convs) == 1 else values


def _brace_values(template: str, args: list, kwargs: dict) -> tuple[list, dict]:
    """``"{!r}".format(x)``, ``"{n:d}".format(n=x)``: each value as its field formats it (a
    value used by several fields keeps its text unless every field escapes or needs a number)."""
    fields = printf.braces(template)
    if not fields:
        return args, kwargs
    how = printf.by_name((name.split(".", 1)[0].split("[", 1)[0], h) for name, h in fields)
    return ([printf.apply(a, how.get(str(i), printf.TEXT)) for i, a in enumerate(args)],
            {k: printf.apply(v, how.get(k, printf.TEXT)) for k, v in kwargs.items()})


_NOT_LITERAL = object()
_KEYWORDS = {"true": True, "false": False, "none": None}


def _literal(node, source: bytes) -> object:
    """The value of a literal (string, number, True/False/None, or a tuple/list/set of them;
    a container literal is kept as a tuple or frozenset), else ``_NOT_LITERAL``."""
    t = node.type
    if t in ("string", "concatenated_string", "integer", "float", "true", "false", "none"):
        if t == "string" and any(c.type == "interpolation" for c in node.named_children):
            return _NOT_LITERAL
        if node.end_byte - node.start_byte > 4096:
            return _NOT_LITERAL
        if t in _KEYWORDS:
            return _KEYWORDS[t]
        if t == "string":  # the common case without ast: 'text' with no escapes or prefix
            kids = node.named_children
            quote = kids[0].end_byte - kids[0].start_byte if kids else 0
            if len(kids) in (2, 3) and quote == 1 and \
                    (len(kids) == 2 or kids[1].type == "string_content"):
                if len(kids) == 2:
                    return ""
                raw = source[kids[1].start_byte:kids[1].end_byte]
                if b"\\" not in raw:
                    return raw.decode("utf-8", "replace")
            elif len(kids) == 3 and quote == 3 and kids[1].type == "string_content":
                # a docstring: as ast would read it (\r\n is \n there; bad UTF-8 is no literal)
                raw = source[kids[1].start_byte:kids[1].end_byte]
                if b"\\" not in raw and b"\r" not in raw and source[kids[0].start_byte] in b"'\"":
                    try:
                        return raw.decode("utf-8")
                    except UnicodeDecodeError:
                        return _NOT_LITERAL
        elif t == "integer" and node.end_byte - node.start_byte < 19:
            raw = source[node.start_byte:node.end_byte]
            if raw.isdigit():
                return int(raw)
        try:
            return ast.literal_eval(source[node.start_byte:node.end_byte].decode("utf-8"))
        except (ValueError, SyntaxError, UnicodeDecodeError, MemoryError, RecursionError):
            return _NOT_LITERAL
    if t in ("tuple", "list", "set") and node.named_child_count <= 256:
        items = [_literal(c, source) for c in node.named_children]
        if any(i is _NOT_LITERAL for i in items):
            return _NOT_LITERAL
        return frozenset(items) if t == "set" else tuple(items)
    return _NOT_LITERAL
