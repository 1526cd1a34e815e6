"""JavaScript / TypeScript / TSX adapter: lowers a tree-sitter tree onto the flow model (``ir``).

Every function is a function of its own: declarations, function values bound to a name,
class and object methods, and anonymous functions handed to a call (route handlers, event
listeners), named ``<callback@LINE>`` and marked with the name of the call they were handed
to (``registered_by``). They are lowered one after another from a queue, so nesting callbacks
does not nest the lowering. Closures are not followed: a callback does not see its enclosing
function's locals (as with Python's nested functions).
"""

from __future__ import annotations

import hashlib

from . import ir, javascript_expr
from .lowering import SafeLowering
from .javascript_bind import BindLowering, import_of, pattern_names
from .javascript_control import LOOPS, ControlLowering
from .javascript_expr import (BASE, FUNCTIONS, MAX_DEPTH, NOT_LITERAL, ExprLowering, TooDeep, key_name,
                              literal, span, text)

__all__ = ["MAX_DEPTH", "TooDeep", "lower"]

_CLASSES = ("class_declaration", "class", "abstract_class_declaration")
_UNTYPED = ("any", "unknown", "object")


class Lowering(SafeLowering, ExprLowering, BindLowering, ControlLowering):
    def __init__(self, only: set[str] | None) -> None:
        self.only = only
        self.imports: dict[str, str] = {}
        self.functions: list[ir.Function] = []
        self.classes: dict[str, list[str]] = {}
        self.pending: list[tuple] = []  # (node, name, class name, registered_by, method)
        self.handed: list[tuple[str, str, str]] = []  # (scoped name, name, call) of app.get("/", f)
        self.scope = ""  # prefix of names declared where we are: "outer.<locals>."
        self.taken: set[str] = {"<module>"}
        self.constants: dict[str, object] = {}
        self.tag = ""  # of the statement being lowered: anonymous functions' names carry it
        self.first_row = 0  # its first line
        self.scope_row = 0  # the first line of the function being lowered
        self.starts: dict[str, int] = {}  # where each function starts (file offsets)

    # -- module ----------------------------------------------------------------------------
    def module(self, root, cache: dict | None = None, source: bytes = b"") -> ir.Module:
        """The file's model. Each top-level statement is lowered on its own, with spans
        relative to its start, and taken from ``cache`` when its text is unchanged."""
        top: list[ir.Stmt] = []
        starts: dict[str, int] = {"<module>": 0}
        too_deep = False
        constants: dict[str, object] = {}
        used: set = set()
        seen: dict[bytes, int] = {}
        for i, child in enumerate(root.named_children):
            text_ = source[child.start_byte:child.end_byte]
            seen[text_] = n = seen.get(text_, -1) + 1  # ('use strict'; twice: two entries)
            # the node's type too: error recovery can give the same text another tree
            key = ("unit", text_, n, child.type, child.has_error)
            hit = cache.get(key) if cache is not None else None
            if hit is not None and any(f.name in self.taken for f in hit[2]):
                hit = None  # a name another statement took first: lowered again, with care
            if hit is None:
                hit = self._unit(child, key[1])
                if cache is not None:
                    cache[key] = hit
            used.add(key)
            stmts, deep, functions, imports, classes, unit_constants, handed, rel = hit
            self.taken.update(f.name for f in functions)
            self.imports.update(imports)
            self.classes.update(classes)
            constants.update(unit_constants)
            self.handed.extend(handed)
            self.functions.extend(functions)
            for f in functions:
                starts[f.name] = child.start_byte + rel[f.name]
            too_deep = too_deep or deep
            if stmts and not too_deep:
                starts[f"<module>@{len(top)}"] = child.start_byte
                top.append(ir.Located(f"<module>@{len(top)}", stmts, (0, 0)))
        if cache is not None:
            for k in [k for k in cache if k not in used]:
                del cache[k]
        module_fn = self._module_function(top, too_deep, root, cache)
        by_name = {f.name: f for f in self.functions}
        for f in self.functions:  # (cached functions keep what an earlier text handed them)
            f.registered_by = f.callback_of
        for scoped, name, call in self.handed:
            fn = by_name.get(scoped) or by_name.get(name)
            if fn is not None and fn.registered_by is None:
                fn.registered_by = call
        return ir.Module([module_fn] + self.functions, self.imports, constants, self.classes, starts)

    def _unit(self, child, text_: bytes) -> tuple:
        """One top-level statement: (statements, too deep, functions, imports, classes,
        constants, handed functions), spans relative to its start."""
        unit = Lowering(self.only)
        unit.taken = set(self.taken)  # names stay unique in the file
        unit.tag = hashlib.blake2b(text_.split(b"\n", 1)[0], digest_size=3).hexdigest()
        unit.first_row = child.start_point[0]
        token = BASE.set(child.start_byte)
        try:
            decl = child.child_by_field_name("declaration") if child.type == "export_statement" \
                else child
            if decl is not None and decl.type == "lexical_declaration" and decl.children and \
                    decl.children[0].type == "const":
                for d in decl.named_children:  # const: bound once
                    name, value = d.child_by_field_name("name"), d.child_by_field_name("value")
                    if name is not None and value is not None and name.type == "identifier":
                        v = literal(value)
                        if v is not NOT_LITERAL:
                            unit.constants[text(name)] = v
            deep = False
            try:
                stmts = unit._stmt_safe(child)
            except TooDeep:
                stmts, deep = [], True
            while unit.pending:
                unit._function(*unit.pending.pop(0))
        finally:
            BASE.reset(token)
        return (stmts, deep, unit.functions, unit.imports, unit.classes, unit.constants,
                unit.handed, {n: s - child.start_byte for n, s in unit.starts.items()})

    def _module_function(self, top: list, too_deep: bool, root, cache) -> ir.Function:
        """The same object as last time when the statements are (its analysis is reused)."""
        ident = (tuple(id(s.body) for s in top), too_deep)
        old = cache.get("<module>") if cache is not None else None
        if old is not None and old[0] == ident:
            return old[1]
        fn = ir.Function("<module>", [], top if self._wanted("<module>") else [],
                         (0, root.end_byte), too_deep=too_deep)
        if cache is not None:
            cache["<module>"] = (ident, fn, [s.body for s in top])
        return fn

    def _wanted(self, name: str) -> bool:
        return self.only is None or name in self.only

    # -- functions and classes ---------------------------------------------------------------
    def _unique(self, name: str, node) -> str:
        if name in self.taken:
            name = f"{name}@+{node.start_point[0] - self.first_row + 1}#{self.tag}"
        while name in self.taken:
            name += "'"
        self.taken.add(name)
        return name

    def declare(self, node, name: str, class_name: str | None = None, by: str | None = None,
                method: bool = False) -> None:
        """A function with a name: ``function f``, ``const f = () => ...``, a method."""
        full = self._unique(name if class_name else self.scope + name, node)
        self.pending.append((node, full, class_name, by, method))

    def defer(self, node, by: str | None, label: str | None = None) -> None:
        """An anonymous function met in an expression (a callback ...)."""
        own = node.child_by_field_name("name") if node.type != "arrow_function" else None
        label = label or (text(own) if own is not None else "callback")
        # named by line within the statement and the statement's text: the same wherever it moves
        if self.scope:  # in a function: by line within it (the same wherever the function moves)
            line = node.start_point[0] - self.scope_row + 1
            name = f"{self.scope}<{label}@+{line}>"
        else:  # top level: by line within its statement, and the statement's first line
            name = f"<{label}@+{node.start_point[0] - self.first_row + 1}#{self.tag}>"
        self.pending.append((node, self._unique(name, node),
                             None, by, False))

    def klass(self, node, name: str) -> None:
        heritage = next((c for c in node.named_children if c.type == "class_heritage"), None)
        bases = []
        for c in heritage.named_children if heritage is not None else ():
            target = c.named_children[0] if c.type == "extends_clause" and c.named_child_count else c
            if target.type in ("identifier", "member_expression", "type_identifier"):
                bases.append(text(target))
        full = self.scope + name
        self.classes[full] = bases
        body = node.child_by_field_name("body")
        for m in body.named_children if body is not None else ():
            static = any(c.type == "static" for c in m.children)
            key = m.child_by_field_name("name") or m.child_by_field_name("property")
            if key is None or key_name(key) is None:
                continue
            if m.type == "method_definition":
                self.declare(m, f"{full}.{key_name(key)}", full, None, not static)
            elif m.type in ("field_definition", "public_field_definition"):
                value = m.child_by_field_name("value")
                if value is not None and value.type in FUNCTIONS:  # handle = (req, res) => ...
                    self.declare(value, f"{full}.{key_name(key)}", full, None,
                                 not static and value.type == "arrow_function")

    def _function(self, node, name: str, class_name, by, method: bool) -> None:
        # spans relative to the function itself: moved within its statement, it analyses the same
        token = BASE.set(node.start_byte)
        fn = ir.Function(name, [], [], span(node), [], class_name, ".<locals>." in name,
                         registered_by=by, callback_of=by)
        source = javascript_expr.SOURCE.get()
        fn.key = (name, class_name, by, method, source[node.start_byte:node.end_byte]) \
            if source is not None else None
        self.functions.append(fn)
        self.starts[name] = node.start_byte
        self.scope = name + ".<locals>."
        self.scope_row = node.start_point[0]
        try:
            fn.params, prologue = self._params(node, method)
            body = node.child_by_field_name("body")
            if body is None:
                stmts = []
            elif body.type == "statement_block":
                stmts = self._block_safe(body)
            else:  # x => expression
                stmts = [ir.Return(self._expr_safe(body), span(body))]
            if self._wanted(name):
                fn.body = prologue + stmts
        except TooDeep:
            fn.too_deep = True
        finally:
            BASE.reset(token)
        self.scope = ""

    def _params(self, node, method: bool) -> tuple[list[ir.Param], list[ir.Stmt]]:
        out = [ir.Param("this", span(node), None, None, "self")] if method else []
        prologue: list[ir.Stmt] = []
        plist = node.child_by_field_name("parameters")
        if plist is None:
            single = node.child_by_field_name("parameter")
            return out + ([ir.Param(text(single), span(single))] if single is not None else []), []
        for i, p in enumerate(c for c in plist.named_children if c.type != "comment"):
            ann, default, kind, n = None, None, "plain", p
            if p.type in ("required_parameter", "optional_parameter"):
                t = p.child_by_field_name("type")
                ann = text(t).lstrip(":").split("<")[0].strip() if t is not None else None
                ann = None if ann in _UNTYPED else ann
                default = p.child_by_field_name("value")
                n = p.child_by_field_name("pattern") or p
            if n.type == "assignment_pattern":
                default, n = n.child_by_field_name("right"), n.child_by_field_name("left") or n
            if n.type == "rest_pattern" and n.named_child_count:
                kind, n = "star", n.named_children[0]
            if n.type == "identifier":
                pname = text(n)
            elif n.type in ("object_pattern", "array_pattern"):
                pname = f"<arg{i}>"
                prologue.extend(self.destructure(n, ir.Name(pname, span(n)), 0, span(n)))
            else:
                continue
            value = self._expr_safe(default) if default is not None else None
            out.append(ir.Param(pname, span(n), ann, value, kind))
        return out, prologue

    # -- statements ------------------------------------------------------------------------
    def _block(self, node, d: int) -> list[ir.Stmt]:
        if d > MAX_DEPTH:
            raise TooDeep(node.start_byte)
        if node is None:
            return []
        if node.type != "statement_block":
            return self._stmt(node, d + 1)
        out: list[ir.Stmt] = []
        for child in node.named_children:
            out.extend(self._stmt(child, d + 1))
        return out

    def _stmt(self, node, d: int) -> list[ir.Stmt]:
        t, sp = node.type, span(node)
        if t == "expression_statement":
            return [s for k in node.named_children if k.type != "comment"
                    for s in self._expression_statement(k, d)]
        if t in ("lexical_declaration", "variable_declaration"):
            return [s for k in node.named_children if k.type == "variable_declarator"
                    for s in self._declarator(k, d)]
        if t == "if_statement":
            alt = node.child_by_field_name("alternative")
            orelse = self._block(alt.named_children[-1], d + 1) if alt and alt.named_child_count else []
            return [ir.If(self.expr(node.child_by_field_name("condition"), d),
                          self._block(node.child_by_field_name("consequence"), d + 1), orelse, sp)]
        if t in LOOPS:
            return self._loop(node, d)
        if t == "try_statement":
            handler, final = node.child_by_field_name("handler"), node.child_by_field_name("finalizer")
            handlers = []
            if handler is not None:
                param = handler.child_by_field_name("parameter")
                bound = ir.Name(text(param), span(param)) if param is not None and \
                    param.type == "identifier" else None
                handlers.append((bound, self._block(handler.child_by_field_name("body"), d + 1)))
            return [ir.Try(self._block(node.child_by_field_name("body"), d + 1), handlers, [],
                           self._block(final.child_by_field_name("body"), d + 1) if final else [], sp)]
        if t == "switch_statement":
            return [self._switch(node, d)]
        if t == "return_statement":
            kids = [k for k in node.named_children if k.type != "comment"]
            return [ir.Return(self.expr(kids[0], d) if kids else None, sp)]
        if t == "throw_statement":
            kids = [k for k in node.named_children if k.type != "comment"]
            return [ir.Raise(self.expr(kids[0], d) if kids else None, sp)]
        if t in ("break_statement", "continue_statement"):
            return [ir.Jump(t.split("_")[0], sp)]
        if t in ("statement_block", "labeled_statement"):
            return self._block(node.child_by_field_name("body") or node, d + 1) \
                if t == "labeled_statement" else self._block(node, d + 1)
        if t in ("function_declaration", "generator_function_declaration"):
            name = node.child_by_field_name("name")
            if name is not None:
                self.declare(node, text(name))
            return []
        if t in _CLASSES:
            name = node.child_by_field_name("name")
            if name is not None:
                self.klass(node, text(name))
            return []
        if t == "export_statement":
            decl = node.child_by_field_name("declaration")
            if decl is not None:
                return self._stmt(decl, d + 1)
            value = node.child_by_field_name("value")
            if value is not None and value.type in FUNCTIONS:
                own = value.child_by_field_name("name") if value.type != "arrow_function" else None
                self.declare(value, text(own) if own is not None else "default", by="export default")
                return []
            return [ir.ExprStmt(self.expr(value, d), sp)] if value is not None else []
        if t == "import_statement":
            self._import(node)
            return []
        if t == "ERROR":  # half-typed code: keep what is whole inside it
            return [s for k in node.named_children for s in self._stmt(k, d + 1)]
        if t.endswith("_expression") or t in ("identifier", "member_expression"):
            return [ir.ExprStmt(self.expr(node, d), sp)]
        return []  # empty statements, type declarations, debugger ...

    def _expression_statement(self, k, d: int) -> list[ir.Stmt]:
        if k.type == "assignment_expression":
            return self._assignment(k, d)
        if k.type == "augmented_assignment_expression":
            left, right = k.child_by_field_name("left"), k.child_by_field_name("right")
            op = text(k.child_by_field_name("operator") or k)[:-1]
            target = self.expr(left, d)
            items = [self.expr(left, d), self.expr(right, d)]
            value = ir.BoolOp("and" if op == "&&" else "or", items, span(k)) \
                if op in ("&&", "||", "??") else ir.Op(op, items, span(k))
            return [ir.Assign([target], value, span(k), augmented=True)]
        if k.type == "sequence_expression":
            return [s for c in k.named_children for s in self._expression_statement(c, d)]
        if k.type == "parenthesized_expression" and k.named_child_count == 1:
            return self._expression_statement(k.named_children[0], d)
        if k.type == "unary_expression" and text(k).startswith("delete"):
            arg = k.child_by_field_name("argument")
            return [ir.Delete([self.expr(arg, d)], span(k))] if arg is not None else []
        return [ir.ExprStmt(self.expr(k, d), span(k))]

    def _declarator(self, node, d: int) -> list[ir.Stmt]:
        name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
        sp = span(node)
        if name is None:
            return []
        if value is None:
            return [ir.Assign([ir.Name(text(name), span(name))], ir.Const(None, sp), sp)] \
                if name.type == "identifier" else []
        module = import_of(value)
        if module is not None:  # const cp = require("child_process"), {exec} = require(...)
            if name.type == "identifier":
                self.imports[text(name)] = module
                return []
            if name.type == "object_pattern":
                for local, key in pattern_names(name):
                    self.imports[local] = f"{module}.{key}"
                return []
        if name.type == "identifier":
            return self._bind(name, value, d, sp)
        return self.destructure_node(name, value, d, sp)

    def _bind(self, left, value, d: int, sp) -> list[ir.Stmt]:
        """``left = value`` with ``left`` an identifier or a member (one target)."""
        if value.type in FUNCTIONS:
            if left.type == "identifier":
                self.declare(value, text(left))
            else:  # window.onmessage = e => ..., module.exports.handler = ...
                prop = left.child_by_field_name("property")
                self.defer(value, text(prop) if prop is not None else None)
            return []
        if value.type in _CLASSES and left.type == "identifier":
            self.klass(value, text(left))
            return []
        target = ir.Name(text(left), span(left)) if left.type == "identifier" else self.expr(left, d)
        if value.type == "object":
            return self.store_object(target, value, d, sp)
        return [ir.Assign([target], self.expr(value, d), sp)]

    def _assignment(self, node, d: int) -> list[ir.Stmt]:
        targets = []
        while node.type == "assignment_expression":
            targets.append(node.child_by_field_name("left"))
            node = node.child_by_field_name("right")
            if node is None or targets[-1] is None:
                return []
        sp = (targets[0].start_byte, node.end_byte)
        if len(targets) == 1:
            left = targets[0]
            if left.type in ("object_pattern", "array_pattern"):
                return self.destructure_node(left, node, d, sp)
            module = import_of(node)
            if module is not None and left.type == "identifier":
                self.imports[text(left)] = module
                return []
            return self._bind(left, node, d, sp)
        return [ir.Assign([self.expr(t, d) for t in targets], self.expr(node, d), sp)]


def lower(root, source: bytes | None = None, cache: dict | None = None,
          only: set[str] | None = None) -> ir.Module:
    """The file's model (``source`` and ``cache``: the Python adapter's interface; this adapter
    lowers the whole file each time)."""
    token = javascript_expr.SOURCE.set(source)
    try:
        return Lowering(only).module(root, cache, source or b"")
    finally:
        javascript_expr.SOURCE.reset(token)
