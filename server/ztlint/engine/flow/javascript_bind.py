"""JavaScript/TypeScript adapter, bindings: destructuring, object literals and imports."""

from __future__ import annotations

from . import ir
from .javascript_expr import FUNCTIONS, MAX_DEPTH, TooDeep, key_name, module_name, \
    required_module, span, string_value, text


class BindLowering:
    """Mixed into javascript.Lowering (``self.expr``, ``self.key``, ``self.declare`` ...)."""

    # -- destructuring and object literals ---------------------------------------------------
    def destructure_node(self, pattern, value_node, d: int, sp) -> list[ir.Stmt]:
        value = self.expr(value_node, d)
        if pattern.type not in ("object_pattern", "array_pattern") or isinstance(value, (ir.Name, ir.Attr)):
            return self.destructure(pattern, value, d, sp)
        tmp = ir.Name(text(pattern)[:80], span(pattern))  # evaluated once, read field by field
        return [ir.Assign([tmp], value, sp)] + self.destructure(pattern, tmp, d, sp)

    def destructure(self, pattern, value: ir.Expr, d: int, sp) -> list[ir.Stmt]:
        """``const {a, b: [c]} = v`` as ``a = v.a; c = v.b[0]``."""
        if d > MAX_DEPTH:
            raise TooDeep(pattern.start_byte)
        d += 1
        t = pattern.type
        if t in ("identifier", "shorthand_property_identifier_pattern"):
            return [ir.Assign([ir.Name(text(pattern), span(pattern))], value, sp)]
        if t in ("assignment_pattern", "object_assignment_pattern"):
            left, right = pattern.child_by_field_name("left"), pattern.child_by_field_name("right")
            if left is None:
                return []
            if right is not None:
                value = ir.BoolOp("or", [value, self.expr(right, d)], span(pattern))
            return self.destructure(left, value, d, sp)
        if t == "rest_pattern":
            return self.destructure(pattern.named_children[0], value, d, sp) \
                if pattern.named_child_count else []
        out: list[ir.Stmt] = []
        if t == "object_pattern":
            for c in pattern.named_children:
                if c.type == "pair_pattern":
                    key, inner = c.child_by_field_name("key"), c.child_by_field_name("value")
                    name = key_name(key) if key is not None else None
                    field = ir.Attr(value, name, span(c)) if name is not None else ir.Index(
                        value, self.key(key, d) if key is not None else None, span(c))
                    out.extend(self.destructure(inner, field, d, sp) if inner is not None else [])
                elif c.type in ("shorthand_property_identifier_pattern", "object_assignment_pattern"):
                    left = c.child_by_field_name("left") or c
                    out.extend(self.destructure(c, ir.Attr(value, text(left), span(c)), d, sp))
                elif c.type == "rest_pattern":
                    out.extend(self.destructure(c, value, d, sp))
            return out
        if t == "array_pattern":
            i = 0  # holes ([a, , b]) count: the index is the commas before
            for c in pattern.children:
                if c.type == ",":
                    i += 1
                elif c.is_named and c.type != "comment":
                    item = value if c.type == "rest_pattern" else ir.Index(
                        value, ir.Const(i, span(c)), span(c))
                    out.extend(self.destructure(c, item, d, sp))
            return out
        if t in ("member_expression", "subscript_expression"):
            return [ir.Assign([self.expr(pattern, d)], value, sp)]
        return []

    def store_object(self, target: ir.Expr, node, d: int, sp) -> list[ir.Stmt]:
        """``o = {a: 1, b: x}`` as ``o = {}; o.a = 1; o.b = x``, so that ``o.a`` and ``o["a"]``
        read the slot written (a constant slot stays clean)."""
        if d > MAX_DEPTH:
            raise TooDeep(node.start_byte)
        d += 1
        out: list[ir.Stmt] = [ir.Assign([target], ir.Dict([], span(node)), sp)]
        top = isinstance(target, ir.Name) and not self.scope
        for p in node.named_children:
            if p.type in ("pair", "method_definition"):
                key = p.child_by_field_name("key") or p.child_by_field_name("name")
                value = p.child_by_field_name("value") if p.type == "pair" else p
                name = key_name(key) if key is not None else None
                if key is None or value is None:
                    continue
                if value.type in FUNCTIONS or value.type == "method_definition":
                    if top and name is not None:  # obj.m(x) reaches the method's summary
                        self.classes.setdefault(target.id, [])
                        self.declare(value, f"{target.id}.{name}", None)
                    else:
                        self.defer(value, None, name)
                    continue
                slot = ir.Attr(target, name, span(key)) if name is not None else ir.Index(
                    target, self.key(key, d), span(key))
                if value.type == "object":
                    out.extend(self.store_object(slot, value, d, span(p)))
                else:
                    out.append(ir.Assign([slot], self.expr(value, d), span(p)))
            elif p.type == "shorthand_property_identifier":
                out.append(ir.Assign([ir.Attr(target, text(p), span(p))],
                                     ir.Name(text(p), span(p)), span(p)))
            elif p.type == "spread_element" and p.named_child_count:
                out.append(ir.Assign([ir.Index(target, None, span(p))],
                                     self.expr(p.named_children[0], d), span(p)))
        return out

    # -- imports -------------------------------------------------------------------------------
    def _import(self, node) -> None:
        source = node.child_by_field_name("source")
        if source is None:
            return
        module = module_name(string_value(source))
        for clause in (c for c in node.named_children if c.type == "import_clause"):
            for c in clause.named_children:
                if c.type == "identifier":  # import x from "m"
                    self.imports[text(c)] = module
                elif c.type == "namespace_import" and c.named_child_count:  # import * as x
                    self.imports[text(c.named_children[-1])] = module
                elif c.type == "named_imports":
                    for s in c.named_children:
                        name, alias = s.child_by_field_name("name"), s.child_by_field_name("alias")
                        if name is not None:
                            self.imports[text(alias or name)] = f"{module}.{key_name(name) or text(name)}"


def import_of(value) -> str | None:
    """``require("m")`` or ``require("m").a.b``: "m" or "m.a.b"."""
    parts = []
    while value is not None and value.type in ("member_expression", "await_expression",
                                               "parenthesized_expression"):
        if value.type == "member_expression":
            prop = value.child_by_field_name("property")
            parts.append(text(prop) if prop is not None else "")
            value = value.child_by_field_name("object")
        else:
            value = value.named_children[0] if value.named_child_count else None
    module = required_module(value)
    return ".".join([module] + parts[::-1]) if module is not None else None


def pattern_names(pattern) -> list[tuple[str, str]]:
    """(local, key) of ``{a, b: c}``."""
    out = []
    for c in pattern.named_children:
        if c.type == "shorthand_property_identifier_pattern":
            out.append((text(c), text(c)))
        elif c.type == "pair_pattern":
            key, value = c.child_by_field_name("key"), c.child_by_field_name("value")
            if key is not None and value is not None and value.type == "identifier":
                out.append((text(value), key_name(key) or text(key)))
    return out
