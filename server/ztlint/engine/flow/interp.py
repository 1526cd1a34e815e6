"""One function's abstract interpretation: taint through statements and expressions.

The walk is linear in the function: each statement is visited a bounded number of times
(loop bodies twice, or once when nested deeper than ``LOOP_DEPTH``), branches are joined, and
a branch whose condition literals decide is skipped.
"""

from __future__ import annotations

from . import fold, ir
from .assign import Assignments, is_lookup
from .callees import Callees
from .calls import CallSemantics, fixed_start
from .checks import CHECKED, CONVERSION_ERRORS, RECORD, Checks
from .names import NameSinks
from .text import TextShapes
from .state import ANY, Path, State, join
from .taint import ALL, CLEAN, Label, clean, step, union

LOOP_DEPTH = 3  # loops nested deeper run their body once (keeps the work linear)


class Interpreter(Assignments, CallSemantics, Callees, NameSinks, Checks, TextShapes):
    def __init__(self, ctx, fn: ir.Function):
        self.ctx = ctx  # the file's context (model, rules, summaries, findings): see analysis
        self.fn = fn
        self.where = fn.name  # the function (or top-level statement) spans are relative to
        self.loops: list[tuple[list, list]] = []  # (break states, continue states) per loop
        self.stmt: ir.Span = fn.span
        self.returns = CLEAN
        self.returned = False  # a return was reached (whatever its value carries)
        self.validated: set[int] | None = None  # parameters clean at every return (see note_exit)
        self.sink_flows: list = []  # parameters reaching sinks (for the summary)

    # -- names ---------------------------------------------------------------------------
    def const(self, st: State, name: str) -> object:
        if name in st.consts:
            return st.consts[name]
        if st.bound(name):
            return fold.UNKNOWN
        return self.ctx.module.constants.get(name, fold.UNKNOWN)

    def qual(self, st: State, e: ir.Expr) -> str | None:
        """The qualified name of a name or attribute chain (imports and typed locals
        resolved); None when rooted in an ordinary local value."""
        parts = []
        while type(e) is ir.Attr:  # (type checks, not isinstance: no ir class is subclassed)
            parts.append(e.name)
            e = e.obj
        if type(e) is not ir.Name:
            return None
        name = e.id
        if name in st.types:
            root = st.types[name]
        elif name in st.taint or name in st.consts:  # (st.bound)
            return None
        else:
            root = self.ctx.resolve(name)
        return ".".join([root] + parts[::-1]) if parts else root

    def path_of(self, st: State, e: ir.Expr) -> tuple[str, Path] | None:
        """(variable, path) of an access rooted in a local variable."""
        segs = []
        while True:
            if isinstance(e, ir.Name):
                if not st.bound(e.id) and e.id not in self.ctx.globals:
                    return None
                return e.id, tuple(reversed(segs))
            if isinstance(e, ir.Attr):
                segs.append("." + e.name)
            elif isinstance(e, ir.Index):
                segs.append(self.key(st, e.key))
            else:
                return None
            e = e.obj

    def key(self, st: State, e: ir.Expr | None) -> str:
        if e is None:
            return ANY
        v = fold.fold(e, lambda n: self.const(st, n))
        return f"[{v!r}]" if v is not fold.UNKNOWN and isinstance(v, (str, int, bytes)) else ANY

    def read_var(self, st: State, var: str, path: Path = ()) -> frozenset[Label]:
        if st.bound(var):
            if var in st.pending:
                self.flush(st, var)
            return st.read(var, path)
        g = self.ctx.globals.get(var)
        if g is not None:
            self.ctx.read_global()
        return g.read(var, path) if g is not None else CLEAN

    # -- statements ----------------------------------------------------------------------
    def run(self, st: State) -> State | None:
        end = self.block(self.fn.body, st, 0)
        self.flush(end)  # assigned and never read: still made for a security purpose
        return end

    def block(self, stmts: list[ir.Stmt], st: State | None, depth: int) -> State | None:
        for s in stmts:
            if st is None:
                return None
            self.ctx.tick()
            st = self.statement(s, st, depth)
        return st

    def statement(self, s: ir.Stmt, st: State, depth: int) -> State | None:
        t = type(s)  # (type checks, not isinstance: no ir class is subclassed)
        if t is ir.Assign:
            self.stmt = s.span
            value = self.expr(st, s.value)
            for target in s.targets:
                self.assign(st, target, s.value, value, s.augmented)
            return st
        if t is ir.ExprStmt:
            self.stmt = s.span
            self.expr(st, s.expr)
            if isinstance(s.expr, ir.Call) and self.no_return(st, s.expr):
                return None
            if isinstance(s.expr, ir.Call) and fold.checks_signature(s.expr):
                self.mark_signed(st, s.expr)
            if isinstance(s.expr, ir.Call) and not (self.qual(st, s.expr.func) or "").startswith(
                    ("subprocess.", "os.")):  # (not subprocess.check_call)
                # validate_url(x) as a statement: it raises unless x is acceptable
                for var in fold.validator_checks(s.expr, raising=True):
                    self.apply_kinds(st, var, frozenset({ALL}))
            return st
        if t is ir.If:
            return self.branch(s.test, s.body, s.orelse, st, depth)
        if t is ir.Loop:
            return self.loop(s, st, depth)
        if t is ir.With:
            self.stmt = s.span
            for value, target in s.items:
                t = self.expr(st, value)
                if target is not None:
                    self.assign(st, target, value, t, False)
            return self.block(s.body, st, depth)
        if t is ir.Try:
            entry = st.copy()
            body = self.block(s.body, st, depth)
            out = self.block(s.orelse, body, depth) if s.orelse else body
            start = join(entry, body)
            handled = None
            # try: u = UUID(x); run(u) except NotFound: log(x) -- a handler that does not catch
            # what a failed conversion raises runs only after the body's first statement worked
            first = self.converted(entry, s.body[:1])
            for i, (bound, handler) in enumerate(s.handlers):
                h = start.copy() if start is not None else entry.copy()
                if isinstance(bound, ir.Name):
                    h.kill(bound.id)
                caught = s.catches[i] if i < len(s.catches) else None
                if first and caught is not None and not set(caught) & CONVERSION_ERRORS:
                    for var in first:
                        self.apply_kinds(h, var, frozenset({ALL}))
                handled = join(handled, self.block(handler, h, depth))
            if s.handlers and handled is None and body is not None:
                # try: uuid.UUID(x) / int(x) except ...: return -- past it, x converts cleanly
                # try: h = HANDLERS[x] except KeyError: raise -- past it, x is a key of HANDLERS
                for var in self.converted(st if body is None else body, s.body) + \
                        self.looked_up(entry, s.body):
                    self.apply_kinds(body, var, frozenset({ALL}))
                out = self.block(s.orelse, body, depth) if s.orelse else body
            out = join(out, handled)
            if s.final:
                fin = self.block(s.final, (out or start or entry).copy(), depth)
                return fin if out is not None else None
            return out
        if t is ir.Match:
            return self.match(s, st, depth)
        if t is ir.Located:
            self.where = s.home
            return self.block(s.body, st, depth)
        if t is ir.Return:
            self.stmt = s.span
            self.returned = True
            self.note_exit(st)
            if s.value is not None:
                value = self.expr(st, s.value)
                self.flush(st)
                self.returns = union(self.returns, value)
                short = self.fn.name.rsplit(".", 1)[-1]
                for rule, sink in self.ctx.name_sinks:
                    if sink.returned_from is not None and value and len(short) <= 200 \
                            and sink.returned_from.search(short):
                        self.hit(rule, value, s.value.span, f"return of {short}()", once=True)
                self.ctx.returned(self, st, s.value, value)
            return None
        if t is ir.Raise:
            if s.value is not None:
                self.expr(st, s.value)
            return None
        if t is ir.Jump:
            if self.loops:
                self.loops[-1][0 if s.kind == "break" else 1].append(st)
            return None
        if t is ir.Delete:
            for t in s.targets:
                p = self.path_of(st, t)
                if p is not None:
                    st.sizes.pop((p[0], p[1][:-1]), None)
                    if p[1]:
                        st.delete(*p)
                    else:
                        st.kill(p[0])
            return st
        return st

    def branch(self, test, body, orelse, st: State, depth: int) -> State | None:
        self.stmt = test.span
        decided = fold.truth(test, lambda n: self.const(st, n))
        self.expr(st, test)
        if decided is True:
            return self.block(body, st, depth)
        if decided is False:
            return self.block(orelse, st, depth)
        yes, no = st.copy(), st
        self.apply_guards(yes, test, True)
        self.apply_guards(no, test, False)
        return join(self.block(body, yes, depth), self.block(orelse, no, depth))

    def loop(self, s: ir.Loop, st: State, depth: int) -> State | None:
        self.stmt = s.span
        items = self.expr(st, s.iter) if s.iter is not None else CLEAN
        if s.test is not None and fold.truth(s.test, lambda n: self.const(st, n)) is False:
            return self.block(s.orelse, st, depth)
        head: State = st
        exits: list = []
        rounds = 2 if depth < LOOP_DEPTH else 1
        for _ in range(rounds):
            body_st = head.copy()
            if s.target is not None:
                self.assign(body_st, s.target, s.iter, step(items, s.target.span, "loop variable"), False)
            if s.test is not None:
                self.expr(body_st, s.test)
                self.apply_guards(body_st, s.test, True)
            self.loops.append(([], []))
            out = self.block(s.body, body_st, depth + 1)
            breaks, continues = self.loops.pop()
            exits.extend(breaks)
            for c in continues:
                out = join(out, c)
            head = join(head, out) or head
        after = self.block(s.orelse, head.copy(), depth) if s.orelse else head
        for b in exits:
            after = join(after, b)
        return after

    def match(self, s: ir.Match, st: State, depth: int) -> State | None:
        self.stmt = s.span
        self.expr(st, s.subject)
        subject = fold.fold(s.subject, lambda n: self.const(st, n))
        out, matched_all = None, False
        for literals, guard, body in s.cases:
            if subject is not fold.UNKNOWN and literals is not None:
                if not any(c.value == subject for c in literals):
                    continue
            case = st.copy()
            if guard is not None:
                self.expr(case, guard)
                self.apply_guards(case, guard, True)
            out = join(out, self.block(body, case, depth))
            if literals is None and guard is None or (subject is not fold.UNKNOWN
                                                      and literals is not None):
                matched_all = True
                break
        return out if matched_all else join(out, st)

    # -- expressions ---------------------------------------------------------------------
    def expr(self, st: State, e: ir.Expr | None) -> frozenset[Label]:
        t = type(e)  # (type checks, not isinstance: the hottest function; no ir class is subclassed)
        if t is ir.Const or e is None:
            return CLEAN
        if t is ir.Name:
            name = e.id
            if name in st.taint or name in st.consts or name in st.types or name in self.ctx.globals:
                return self.read_var(st, name)
            return self.source(st, self.qual(st, e), e.span)
        if t is ir.Attr or t is ir.Index:
            if CHECKED in st.consts:
                proven = self.expr_checked(st, e)
                if proven is not None:
                    return proven
            # request.args / request.args["x"]: a source, whoever holds the request
            q = self.qual(st, e if t is ir.Attr else e.obj)
            if t is ir.Index and self.server_value(q, e.key):
                return CLEAN
            src = self.source(st, q, e.span) if q else CLEAN
            if src:
                return src
            p = self.path_of(st, e)
            if p is None and q is not None and t is ir.Attr and \
                    self.ctx.model.source_of(q) is None:
                # fields.DateField, rooted in a name that is no local: no prefix of it is a
                # source either (source_of looks up prefixes), so what follows finds nothing
                return CLEAN
            if t is ir.Index:
                self.used_as_mapping(st, e.obj, e.key)
            if p is not None:
                if t is ir.Index and e.key is not None:
                    self.expr(st, e.key)
                if p[1] and st.types.get(p[0]) == RECORD and t is ir.Attr:
                    slots = st.taint.get(p[0], {})
                    return union(*[v for k, v in slots.items() if k and k[:len(p[1])] == p[1]])
                return self.renamed(e, self.param_member(p[0], p[1], self.read_var(st, *p)))
            if t is ir.Index:
                self.expr(st, e.key)
            value = self.expr(st, e.obj)
            if value and t is ir.Attr and type(e.obj) is ir.Call and is_lookup(e.obj) \
                    and self.ctx.callee(self, st, e.obj.func, self.qual(st, e.obj.func)) is None:
                return CLEAN  # form.get_customer().pk: a field of a record found by the value
            return self.renamed(e, value)
        if t is ir.Call:
            return self.call(st, e)
        if t is ir.Op or t is ir.Seq:
            if t is ir.Op and e.op in ("fstring", "%"):
                found = self.formatted(st, e)
            else:
                found = union(*[self.expr(st, i) for i in e.items])
            if found and t is ir.Op and e.op in ("+", "fstring", "%"):
                # text whose start is fixed ("/path?next=" + x) cannot send a redirect or a
                # request elsewhere, however it is passed on
                for kind, safe in self.ctx.prefix_kinds:
                    if fixed_start(st, self, e, safe, kind):
                        found = clean(found, frozenset({kind}))
            return found
        if t is ir.BoolOp:
            return union(*[self.expr(st, i) for i in e.items])
        if t is ir.Compare:
            self.expr(st, e.left)
            self.expr(st, e.right)
            return CLEAN
        if t is ir.Not:
            self.expr(st, e.expr)
            return CLEAN
        if t is ir.Cond:
            decided = fold.truth(e.test, lambda n: self.const(st, n))
            self.expr(st, e.test)
            if decided is not None:
                return self.expr(st, e.body if decided else e.orelse)
            yes, no = st.copy(), st.copy()
            self.apply_guards(yes, e.test, True)
            self.apply_guards(no, e.test, False)
            return union(self.expr(yes, e.body), self.expr(no, e.orelse))
        if t is ir.Dict:
            return union(*[self.expr(st, v) for _, v in e.items])
        if t is ir.Comp:
            inner = st.copy()
            for target, it in e.gens:
                self.assign(inner, target, None, self.expr(inner, it), False)
            return self.expr(inner, e.elt)
        if t is ir.Opaque:
            return union(*[self.expr(st, p) for p in e.parts])
        return CLEAN


__all__ = ["Interpreter", "ALL"]
