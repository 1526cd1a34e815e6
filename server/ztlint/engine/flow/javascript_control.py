"""JavaScript/TypeScript adapter, control flow: loops and switch statements."""

from __future__ import annotations

from . import ir
from .javascript_expr import NOT_LITERAL, literal, span, text

LOOPS = ("for_statement", "for_in_statement", "while_statement", "do_statement")
_MAX_FALLTHROUGH = 64  # statements a switch case may inherit from the cases below it


class ControlLowering:
    """Mixed into javascript.Lowering (``self.expr``, ``self._block``, ``self._stmt`` ...)."""

    def _loop(self, node, d: int) -> list[ir.Stmt]:
        t, sp = node.type, span(node)
        body = self._block(node.child_by_field_name("body"), d + 1)
        if t == "for_in_statement":
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if left is None or right is None:
                return []
            if left.type in ("object_pattern", "array_pattern"):
                target = ir.Name(text(left)[:80], span(left))
                body = self.destructure(left, target, d, span(left)) + body
            else:
                target = self.expr(left, d)
            return [ir.Loop(target, self.expr(right, d), None, body, [], sp)]
        cond = node.child_by_field_name("condition")
        test = self.expr(cond, d) if cond is not None and cond.type != "empty_statement" else None
        if t == "do_statement":  # the body runs before the first test
            return [ir.Loop(None, None, None, body + ([ir.ExprStmt(test, test.span)] if test else []),
                            [], sp)]
        if t == "while_statement":
            return [ir.Loop(None, None, test, body, [], sp)]
        init = node.child_by_field_name("initializer")
        step = node.child_by_field_name("increment")
        first = self._stmt(init, d + 1) if init is not None else []
        after = [ir.ExprStmt(self.expr(step, d), span(step))] if step is not None else []
        return first + [ir.Loop(None, None, test, body + after, [], sp)]

    def _switch(self, node, d: int) -> ir.Stmt:
        """A switch whose cases are literals is a Match; otherwise an if/else chain. A case
        without break falls through into the next one's statements."""
        sp = span(node)
        subject = self.expr(node.child_by_field_name("value"), d)
        body = node.child_by_field_name("body")
        groups: list[tuple[list, bool, list[ir.Stmt]]] = []  # (case values, default, body)
        values, default = [], False
        for c in body.named_children if body is not None else ():
            if c.type not in ("switch_case", "switch_default"):
                continue
            if c.type == "switch_case" and c.child_by_field_name("value") is not None:
                values.append(c.child_by_field_name("value"))
            default = default or c.type == "switch_default"
            stmts = [s for b in c.children_by_field_name("body") for s in self._stmt(b, d + 1)]
            if stmts or c is body.named_children[-1]:
                groups.append((values, default, stmts))
                values, default = [], False
        bodies, below = [], []
        for _vals, _dflt, stmts in reversed(groups):
            ends = stmts and isinstance(stmts[-1], (ir.Jump, ir.Return, ir.Raise))
            if stmts and isinstance(stmts[-1], ir.Jump) and stmts[-1].kind == "break":
                stmts = stmts[:-1]
            elif not ends and len(below) <= _MAX_FALLTHROUGH:
                stmts = stmts + below
            bodies.insert(0, stmts)
            below = stmts
        lits = [[literal(v) for v in vals] for vals, _, _ in groups]
        if all(v is not NOT_LITERAL for vs in lits for v in vs):
            cases = [([ir.Const(v, span(n)) for v, n in zip(vs, g[0])], None, b)
                     for vs, g, b in zip(lits, groups, bodies) if not g[1]]
            cases += [(None, None, b) for g, b in zip(groups, bodies) if g[1]]
            return ir.Match(subject, cases, sp)
        orelse = next((b for g, b in zip(groups, bodies) if g[1]), [])
        for (vals, dflt, _), b in reversed(list(zip(groups, bodies))):
            if dflt or not vals:
                continue
            tests = [ir.Compare("==", subject, self.expr(v, d), span(v)) for v in vals]
            test = tests[0] if len(tests) == 1 else ir.BoolOp("or", tests, sp)
            orelse = [ir.If(test, b, orelse, sp)]
        return orelse[0] if len(orelse) == 1 else ir.If(ir.Const(True, sp), orelse, [], sp)
