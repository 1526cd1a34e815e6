"""Python adapter: lowers a tree-sitter-python tree onto the flow model (``ir``)."""

from __future__ import annotations

import tree_sitter

from . import ir
from .lowering import MAX_DEPTH, SafeLowering, TooDeep
from .python_expr import _NOT_LITERAL, ExprLowering, _literal

__all__ = ["MAX_DEPTH", "TooDeep", "lower"]

_DEFINITIONS = frozenset({"function_definition", "decorated_definition", "class_definition"})


class Lowering(SafeLowering, ExprLowering):
    """Spans in a function's body are relative to the start of its definition (``Module.starts``
    has where each one is now), so a function moved by an edit above it lowers, analyses and
    caches the same; the top-level code keeps file offsets."""

    def __init__(self, source: bytes, cache: dict | None = None):
        self.source = source  # the text the tree was parsed from (node.text is slow)
        self.imports: dict[str, str] = {}
        self.functions: list[ir.Function] = []
        self.classes: dict[str, list[str]] = {}
        self.starts: dict[str, int] = {}
        self.base = 0
        self.cache = cache  # (prefix, definition text) -> its lowered functions (see _unit)
        self.used: set = set()
        self.called: set[str] = set()
        self.modules: set[str] = set()

    def _exception_names(self, node: tree_sitter.Node) -> tuple[str, ...] | None:
        """``ValueError``, ``(KeyError, exc.Timeout)``, ``E as e`` -> last names (None: unknown)."""
        if node.type == "as_pattern" and node.named_child_count:
            node = node.named_children[0]
        if node.type in ("tuple", "parenthesized_expression"):
            items = node.named_children
        else:
            items = [node]
        if not items or any(i.type not in ("identifier", "attribute") for i in items):
            return None
        return tuple(self._text(i).rsplit(".", 1)[-1] for i in items)

    def _text(self, node: tree_sitter.Node) -> str:
        return self.source[node.start_byte:node.end_byte].decode("utf-8", "replace")

    def _span(self, node: tree_sitter.Node) -> ir.Span:
        return node.start_byte - self.base, node.end_byte - self.base

    # -- module ----------------------------------------------------------------------
    def module(self, root: tree_sitter.Node) -> ir.Module:
        top: list[ir.Stmt] = []
        too_deep = False
        counts: dict[str, int] = {}
        literals: dict[str, object] = {}
        source, cache, used = self.source, self.cache, self.used
        # (this loop runs over every top-level statement at every keystroke: kept lean)
        for child in root.named_children:
            t = child.type
            if t in _DEFINITIONS:
                self._unit(child, "", None)
                continue
            # the node's type too: error recovery can give the same text another tree
            key = ("top", source[child.start_byte:child.end_byte], t, child.has_error)
            hit = cache.get(key) if cache is not None else None
            if hit is None:
                hit = self._top_statement(child)
                if cache is not None:
                    cache[key] = hit
            used.add(key)
            stmts, imports, bound, deep, called, modules = hit
            if imports:
                self.imports.update(imports)
            if called:
                self.called |= called
            if modules:
                self.modules |= modules
            if bound is not None:
                name, value = bound
                counts[name] = counts.get(name, 0) + 1
                if value is not _NOT_LITERAL:
                    literals[name] = value
            too_deep = too_deep or deep
            if not too_deep and stmts:
                top.append(stmts)
                self.starts[f"<module>@{len(top) - 1}"] = child.start_byte
        constants = {k: v for k, v in literals.items() if counts.get(k) == 1}
        module_fn = self._module_function(top, too_deep, root)
        self.starts["<module>"] = 0
        # forget definitions no longer in the text (every used key is in the cache: when
        # both are as large, nothing is stale)
        if cache is not None and len(cache) > len(used):
            for key in [k for k in cache if k not in used]:
                del cache[key]
        return ir.Module([module_fn] + self.functions, self.imports, constants, self.classes,
                         self.starts, self.called, self.modules)

    def _module_function(self, top: list, too_deep: bool, root) -> ir.Function:
        """The top-level code as a function; the same object as last time when its statements
        are (so its analysis is reused when only function bodies changed)."""
        ident = (tuple(id(s) for s in top), too_deep)
        if self.cache is not None:
            old = self.cache.get("<module>")
            if old is not None and old[0] == ident:
                self.used.add("<module>")
                return old[1]
        body = [ir.Located(f"<module>@{i}", stmts, (0, 0)) for i, stmts in enumerate(top)]
        fn = ir.Function("<module>", [], body, (0, root.end_byte), too_deep=too_deep)
        if self.cache is not None:
            self.cache["<module>"] = (ident, fn, top)  # (top keeps the ids valid)
            self.used.add("<module>")
        return fn

    def _top_statement(self, child) -> tuple:
        """(statements, imports, (name, literal value) it binds or None, too deep)."""
        sub = Lowering(self.source)
        sub.base = child.start_byte
        sub._collect_imports(child)
        bound = None
        if child.type == "expression_statement" and child.named_child_count == 1:
            a = child.named_children[0]
            if a.type == "assignment" and a.child_by_field_name("left").type == "identifier":
                right = a.child_by_field_name("right")
                bound = (sub._text(a.child_by_field_name("left")),
                         _literal(right, sub.source) if right is not None else _NOT_LITERAL)
        try:
            return sub._stmt_safe(child), sub.imports, bound, False, sub.called, sub.modules
        except TooDeep:
            return [], sub.imports, bound, True, sub.called, sub.modules

    def _unit(self, node, prefix: str, class_name: str | None) -> None:
        """A class (its methods one by one) or a function with what is nested in it, taken
        from the cache when the same text was lowered before."""
        key = (prefix, class_name, self.source[node.start_byte:node.end_byte], node.type,
               node.has_error)
        hit = self.cache.get(key) if self.cache is not None else None
        if hit is None:
            sub = Lowering(self.source, self.cache)
            sub.used = self.used  # a class's methods are cached one by one too
            sub._definition(node, prefix, class_name)
            hit = (sub.functions, sub.imports, sub.classes,
                   {n: s - node.start_byte for n, s in sub.starts.items()}, sub.called, sub.modules)
            if self.cache is not None:
                self.cache[key] = hit
        self.used.add(key)
        functions, imports, classes, starts, called, modules = hit
        self.functions.extend(functions)
        if called:
            self.called |= called
        if modules:
            self.modules |= modules
        for k, v in imports.items():
            self.imports.setdefault(k, v)  # a local import does not hide the module's own
        if classes:
            self.classes.update(classes)
        base, out = node.start_byte, self.starts
        for n, s in starts.items():
            out[n] = base + s

    def _collect_imports(self, node: tree_sitter.Node) -> None:
        if node.type == "import_statement":
            for n in node.named_children:
                if n.type == "dotted_name":
                    name = self._text(n)
                    self.imports.setdefault(name.split(".")[0], name.split(".")[0])
                    self.modules.add(name.split(".")[0])
                elif n.type == "aliased_import":
                    alias = self._text(n.child_by_field_name("alias"))
                    self.imports[alias] = self._text(n.child_by_field_name("name"))
                    self.modules.add(alias)
        elif node.type == "import_from_statement":
            mod = node.child_by_field_name("module_name")
            base = self._text(mod) if mod is not None else ""
            for n in node.children_by_field_name("name"):
                if n.type == "dotted_name":
                    self.imports[self._text(n)] = _join(base, self._text(n))
                elif n.type == "aliased_import":
                    self.imports[self._text(n.child_by_field_name("alias"))] = _join(
                        base, self._text(n.child_by_field_name("name")))

    def _class(self, node, prefix: str) -> None:
        name_node = node.child_by_field_name("name")
        if name_node is None:
            return
        name = prefix + self._text(name_node)
        bases = node.child_by_field_name("superclasses")
        self.classes[name] = [self._text(b) for b in bases.named_children] if bases else []
        body = node.child_by_field_name("body")
        for child in body.named_children if body is not None else ():
            if child.type in ("function_definition", "decorated_definition", "class_definition"):
                self._unit(child, name + ".", name)

    def _definition(self, node, prefix: str, class_name: str | None, nested=False) -> None:
        outer, saved = node, self.base
        self.base = node.start_byte
        decorators = []
        if node.type == "decorated_definition":
            try:
                decorators = [self._expr_safe(d.named_children[0]) for d in node.named_children
                              if d.type == "decorator" and d.named_child_count]
            except TooDeep:
                decorators = []
            node = node.child_by_field_name("definition")
        if node is not None and node.type == "class_definition":
            self.base = saved
            self._class(node, prefix)
            return
        name_node = node.child_by_field_name("name") if node is not None else None
        if name_node is None or node.type != "function_definition":
            self.base = saved
            return
        name = prefix + self._text(name_node)
        params = self._params(node.child_by_field_name("parameters"), class_name is not None)
        body_node = node.child_by_field_name("body")
        fn = ir.Function(name, params, [], (0, outer.end_byte - outer.start_byte), decorators,
                         class_name, nested)
        self.functions.append(fn)
        self.starts[name] = outer.start_byte
        if body_node is not None:
            try:
                fn.body = self._block_safe(body_node)
            except TooDeep:
                fn.too_deep = True
            # nested functions are functions of their own (not closures over the caller)
            for inner in _nested_definitions(body_node):
                if inner.type == "class_definition":
                    continue
                self._definition(inner, name + ".<locals>.", None, True)
        self.base = saved

    def _params(self, node, method: bool) -> list[ir.Param]:
        out: list[ir.Param] = []
        for p in node.named_children if node is not None else ():
            kind, ann, default = "plain", None, None
            n = p
            if p.type in ("typed_parameter", "typed_default_parameter", "default_parameter"):
                t = p.child_by_field_name("type")
                ann = self._text(t) if t is not None else None
                v = p.child_by_field_name("value")
                default = self._expr_safe(v) if v is not None else None
                n = p.child_by_field_name("name") or p.named_children[0]
            if n.type == "list_splat_pattern":
                kind, n = "star", n.named_children[0] if n.named_child_count else n
            elif n.type == "dictionary_splat_pattern":
                kind, n = "kwstar", n.named_children[0] if n.named_child_count else n
            if n.type != "identifier":
                continue
            if method and not out and kind == "plain":
                kind = "self"
            out.append(ir.Param(self._text(n), self._span(n), ann, default, kind))
        return out

    # -- statements --------------------------------------------------------------------
    def _block(self, node, depth: int) -> list[ir.Stmt]:
        if depth > MAX_DEPTH:
            raise TooDeep(node.start_byte)
        out: list[ir.Stmt] = []
        for child in node.named_children:
            out.extend(self._stmt(child, depth + 1))
        return out

    def _stmt(self, node, d: int) -> list[ir.Stmt]:
        t, sp = node.type, self._span(node)
        if t == "expression_statement":
            kids = node.named_children
            if len(kids) == 1:
                k = kids[0]
                if k.type == "assignment":
                    return self._assignment(k, d)
                if k.type == "augmented_assignment":
                    left, right = k.child_by_field_name("left"), k.child_by_field_name("right")
                    op = k.child_by_field_name("operator")
                    value = ir.Op(self._text(op)[:-1] if op is not None else "+",
                                  [self.expr(left, d), self.expr(right, d)], self._span(k))
                    return [ir.Assign([self.expr(left, d)], value, self._span(k), augmented=True)]
                return [ir.ExprStmt(self.expr(k, d), sp)]
            return [ir.ExprStmt(ir.Seq("tuple", [self.expr(k, d) for k in kids], sp), sp)]
        if t == "if_statement":
            return [self._if(node, d)]
        if t in ("for_statement", "while_statement"):
            alt = node.child_by_field_name("alternative")
            orelse = self._block(alt.child_by_field_name("body") or alt, d + 1) if alt else []
            body = self._block(node.child_by_field_name("body"), d + 1)
            if t == "for_statement":
                return [ir.Loop(self.expr(node.child_by_field_name("left"), d),
                                self.expr(node.child_by_field_name("right"), d), None, body,
                                orelse, sp)]
            return [ir.Loop(None, None, self.expr(node.child_by_field_name("condition"), d),
                            body, orelse, sp)]
        if t == "with_statement":
            items = []
            for clause in (c for c in node.named_children if c.type == "with_clause"):
                for item in clause.named_children:
                    v = item.child_by_field_name("value") or item
                    if v.type == "as_pattern":
                        target = v.child_by_field_name("alias")
                        tgt = target.named_children[0] if target and target.named_child_count else None
                        items.append((self.expr(v.named_children[0], d),
                                      self.expr(tgt, d) if tgt is not None else None))
                    else:
                        items.append((self.expr(v, d), None))
            return [ir.With(items, self._block(node.child_by_field_name("body"), d + 1), sp)]
        if t == "try_statement":
            handlers, orelse, final, catches = [], [], [], []
            for c in node.named_children:
                if c.type in ("except_clause", "except_group_clause"):
                    bound, caught = None, None
                    blocks = [k for k in c.named_children if k.type == "block"]
                    for k in c.named_children:
                        if k.type == "as_pattern":
                            alias = k.child_by_field_name("alias")
                            if alias is not None and alias.named_child_count:
                                bound = self.expr(alias.named_children[0], d)
                        if k.type != "block" and caught is None:
                            caught = self._exception_names(k)
                    handlers.append((bound, self._block(blocks[0], d + 1) if blocks else []))
                    catches.append(caught)
                elif c.type == "else_clause":
                    orelse = self._block(c.child_by_field_name("body"), d + 1)
                elif c.type == "finally_clause":
                    blocks = [k for k in c.named_children if k.type == "block"]
                    final = self._block(blocks[0], d + 1) if blocks else []
            return [ir.Try(self._block(node.child_by_field_name("body"), d + 1), handlers,
                           orelse, final, sp, catches)]
        if t == "match_statement":
            return [self._match(node, d)]
        if t == "return_statement":
            kids = node.named_children
            return [ir.Return(self.expr(kids[0], d) if kids else None, sp)]
        if t == "raise_statement":
            kids = node.named_children
            return [ir.Raise(self.expr(kids[0], d) if kids else None, sp)]
        if t in ("break_statement", "continue_statement"):
            return [ir.Jump(t.split("_")[0], sp)]
        if t == "delete_statement":
            kids = node.named_children
            targets = kids[0].named_children if kids and kids[0].type == "expression_list" else kids
            return [ir.Delete([self.expr(k, d) for k in targets], sp)]
        if t == "assert_statement":
            kids = node.named_children
            if not kids:
                return []
            test = self.expr(kids[0], d)
            return [ir.If(ir.Not(test, test.span), [ir.Raise(None, sp)], [], sp)]
        if t in ("import_statement", "import_from_statement"):
            self._collect_imports(node)  # a local import still names the same module
            return []
        if t == "block":
            return self._block(node, d + 1)
        return []  # definitions (lowered on their own), pass, global, ERROR ...

    def _assignment(self, node, d: int) -> list[ir.Stmt]:
        targets = []
        while node.type == "assignment":
            left = node.child_by_field_name("left")
            targets.append(self.expr(left, d))
            right = node.child_by_field_name("right")
            if right is None:
                return []  # a bare annotation
            node = right
        return [ir.Assign(targets, self.expr(node, d), (targets[0].span[0], node.end_byte - self.base))]

    def _if(self, node, d: int) -> ir.If:
        test = self.expr(node.child_by_field_name("condition"), d)
        body = self._block(node.child_by_field_name("consequence"), d + 1)
        alternatives = node.children_by_field_name("alternative")
        orelse: list[ir.Stmt] = []
        # elif chains nest: the last one innermost
        for alt in reversed(alternatives):
            if alt.type == "else_clause":
                orelse = self._block(alt.child_by_field_name("body"), d + 1)
            else:
                orelse = [ir.If(self.expr(alt.child_by_field_name("condition"), d),
                                self._block(alt.child_by_field_name("consequence"), d + 1),
                                orelse, self._span(alt))]
        return ir.If(test, body, orelse, self._span(node))

    def _match(self, node, d: int) -> ir.Match:
        cases = []
        body = node.child_by_field_name("body")
        for case in body.named_children if body is not None else ():
            if case.type != "case_clause":
                continue
            pattern = next((c for c in case.named_children if c.type == "case_pattern"), None)
            guard = case.child_by_field_name("guard")
            block = case.child_by_field_name("consequence")
            literals = _case_literals(pattern, self._span, self.source)
            cases.append((literals, self.expr(guard.named_children[0], d)
                          if guard is not None and guard.named_child_count else None,
                          self._block(block, d + 1) if block is not None else []))
        return ir.Match(self.expr(node.child_by_field_name("subject"), d), cases, self._span(node))

def _case_literals(pattern, span, source: bytes) -> list[ir.Expr] | None:
    """A case pattern made of literal alternatives (``case "a" | "b":``), or None (a capture,
    wildcard or structural pattern: it may match anything)."""
    if pattern is None or not pattern.named_child_count:
        return None
    inner = pattern.named_children[0]
    alts = inner.named_children if inner.type == "union_pattern" else [inner]
    out = []
    for a in alts:
        value = _literal(a, source)
        if value is _NOT_LITERAL:
            return None
        out.append(ir.Const(value, span(a)))
    return out


def _nested_definitions(block) -> list:
    """Function and class definitions anywhere inside ``block`` but not inside another def."""
    out, stack = [], list(reversed(block.named_children))
    while stack:
        n = stack.pop()
        if n.type in ("function_definition", "decorated_definition", "class_definition"):
            out.append(n)
        elif n.type in ("if_statement", "for_statement", "while_statement", "try_statement",
                        "with_statement", "block", "else_clause", "elif_clause",
                        "except_clause", "finally_clause", "match_statement", "case_clause"):
            stack.extend(reversed(n.named_children))
    return out


def _join(base: str, name: str) -> str:
    if not base:
        return name
    return base + name if base.endswith(".") else f"{base}.{name}"


def lower(root: tree_sitter.Node, source: bytes, cache: dict | None = None) -> ir.Module:
    """The file's model. ``cache`` (kept by the caller between edits): definitions whose text
    did not change are not lowered again."""
    return Lowering(source, cache).module(root)
