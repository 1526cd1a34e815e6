"""One file's taint analysis: every function once, callees first, each leaving a summary
for its callers; findings where a source's value reaches a sink it was not cleaned for."""

from __future__ import annotations

from dataclasses import dataclass

from . import ir
from .interp import Interpreter
from .spec import Model, TaintRule
from .state import State
from .summary import EMPTY, Summary
from .taint import CLEAN, Label, Step

MAX_CALL_DEPTH = 40  # callees analysed on demand, this deep at most (then: no summary)
_RECEIVERS = ("self", "cls", "this")  # a method's own object, by the name a language gives it
_NUMERIC = frozenset({"int", "float", "bool", "uuid.UUID", "UUID", "Decimal", "datetime",
                      "date"})


class OutOfBudget(Exception):
    pass


@dataclass
class Hit:
    rule_id: str
    span: tuple[int, int]
    where: str  # the function the sink is in
    label: Label
    desc: str  # the sink, as shown: "os.system()"
    statement: tuple[int, int] | None = None  # the statement holding the sink


class FileAnalysis:
    def __init__(self, module: ir.Module, model: Model, rules: list[TaintRule],
                 externals=None, max_steps: int | None = None):
        self.module = module
        self.model = model
        self.rules = rules
        self.externals = externals  # qualified name -> Summary (other modules), or None
        self.functions = {f.name: f for f in module.functions}
        self.request_types = {r.type for r in model.request_params}
        self.followed = {r.rule_id: r.sources for r in rules}  # rule -> source category
        self.name_sinks = [(r, s) for r in rules for s in r.name_sinks]
        self.globals: dict[str, State] = {}
        self.summaries: dict[str, Summary] = {}
        self.hits: dict[tuple[str, tuple[int, int]], Hit] = {}
        self.skipped: list[str] = [f.name for f in module.functions if f.too_deep]
        self._active: list[str] = []
        self._steps = 0
        self._max_steps = max_steps

    # -- driving -------------------------------------------------------------------------
    def run(self) -> "FileAnalysis":
        top = self.functions.get("<module>")
        if top is not None:
            st = self.analyse(top)
            if st is not None:
                for var, slots in st.taint.items():
                    if any(slots.values()):
                        self.globals[var] = st
        for name in self.functions:
            if name != "<module>":
                self.summary(name)
        return self

    def tick(self) -> None:
        self._steps += 1
        if self._max_steps is not None and self._steps > self._max_steps:
            raise OutOfBudget

    def summary(self, name: str) -> Summary:
        done = self.summaries.get(name)
        if done is not None:
            return done
        if name in self._active or len(self._active) > MAX_CALL_DEPTH:
            return EMPTY  # recursion: its own summary is not known yet
        fn = self.functions[name]
        self._active.append(name)
        try:
            self.summaries[name] = self._summarise(fn)
        finally:
            self._active.pop()
        return self.summaries[name]

    def _summarise(self, fn: ir.Function) -> Summary:
        interp = Interpreter(self, fn)
        end = interp.run(self.entry(fn))
        returns, sources = [], CLEAN
        for lb in interp.returns:
            if lb.param is not None:
                returns.append((lb.param, lb.cleared, lb.trace))
            else:
                sources = sources | {lb}
        params = tuple((p.name, p.kind) for p in fn.params)
        never = end is None and not interp.returns and not fn.too_deep and bool(fn.body)
        return Summary(params, tuple(returns), frozenset(sources), tuple(interp.sink_flows), never)

    def analyse(self, fn: ir.Function) -> State | None:
        return Interpreter(self, fn).run(self.entry(fn))

    # -- entry state ---------------------------------------------------------------------
    def entry(self, fn: ir.Function) -> State:
        st = State()
        handler = self.is_handler(fn)
        for i, p in enumerate(fn.params):
            typ = self.request_type(p, fn)
            if typ is not None:
                st.types[p.name] = typ
                continue
            if p.kind == "self":
                st.set(p.name, (), CLEAN)
                continue
            if handler and not self.injected(p):
                if _numeric(p.annotation):
                    st.set(p.name, (), CLEAN)
                    continue
                what = f"route parameter `{p.name}`"
                st.set(p.name, (), frozenset({Label("source:route", p.span, frozenset(), "remote",
                                                    what, "untrusted",
                                                    (Step(p.span, f"tainted by {what}", fn.name),))}))
                continue
            if _numeric(p.annotation):
                st.set(p.name, (), CLEAN)
                continue
            st.set(p.name, (), frozenset({Label(f"param:{i}", p.span)}))
        return st

    def request_type(self, p: ir.Param, fn: ir.Function) -> str | None:
        ann = (p.annotation or "").rsplit(".", 1)[-1]
        for r in self.model.request_params:
            if ann and (ann in r.annotations or p.annotation in r.annotations):
                return r.type
            named = p.name in r.names or not r.names and bool(r.callbacks_of)
            if named and not p.annotation and _position(fn, p) == r.position and (
                    not r.callbacks_of or fn.registered_by in r.callbacks_of):
                return r.type
        return None

    @staticmethod
    def first_real_param(fn: ir.Function) -> ir.Param | None:
        return next((p for p in fn.params if p.kind != "self"), None)

    def is_handler(self, fn: ir.Function) -> bool:
        for h in self.model.handlers:
            for d in fn.decorators:
                f = d.func if isinstance(d, ir.Call) else d
                name = f.name if isinstance(f, ir.Attr) else f.id if isinstance(f, ir.Name) else ""
                if name in h.decorators:
                    return True
            first = self.first_real_param(fn)
            if h.first_param and first is not None and first.name in h.first_param \
                    and not first.annotation:
                return True
        return False

    def injected(self, p: ir.Param) -> bool:
        d = p.default
        if isinstance(d, ir.Call):
            f = d.func
            name = f.name if isinstance(f, ir.Attr) else f.id if isinstance(f, ir.Name) else ""
            return any(name in h.injected for h in self.model.handlers)
        return False

    # -- names and callees ---------------------------------------------------------------
    def resolve(self, name: str) -> str:
        return self.module.imports.get(name, name)

    def source(self, q: str | None, span, where: str) -> frozenset[Label]:
        if not q:
            return CLEAN
        s = self.model.source_of(q)
        if s is None:
            return CLEAN
        what = _shown_source(q, s)
        return frozenset({Label("source:" + s.id, span, frozenset(), s.trust, what, s.category,
                                (Step(span, f"tainted by `{what}`", where),))})

    def callee(self, interp: Interpreter, st: State, func: ir.Expr, q: str | None):
        """(summary, positional offset, shown name, external) of a call's target when it is a
        function of this file (or, with externals, of another scanned module)."""
        fn = interp.fn
        if isinstance(func, ir.Name) and not st.bound(func.id):
            for name in (f"{fn.name}.<locals>.{func.id}", func.id):
                if name in self.functions and name != "<module>":
                    return self.summary(name), 0, func.id, False
        if isinstance(func, ir.Attr) and isinstance(func.obj, ir.Name):
            owner = func.obj.id
            cls = None
            if owner in _RECEIVERS and fn.class_name:
                cls = fn.class_name
            elif owner in self.module.classes and not st.bound(owner):
                cls = owner
            while cls is not None:
                name = f"{cls}.{func.name}"
                if name in self.functions:
                    offset = 1 if owner in _RECEIVERS else 0
                    return self.summary(name), offset, name, False
                bases = [b for b in self.module.classes.get(cls, []) if b in self.module.classes]
                cls = bases[0] if bases else None
        if q is not None and self.externals is not None:
            s = self.externals(q)
            if s is not None:
                return s, 0, q.rsplit(".", 1)[-1], True
        return None

    # -- results -------------------------------------------------------------------------
    def report(self, rule_id: str, span, where: str, label: Label, desc: str, statement) -> None:
        key = (rule_id, span)
        old = self.hits.get(key)
        if old is None or (len(label.trace), label.trust != "remote") < (
                len(old.label.trace), old.label.trust != "remote"):
            self.hits[key] = Hit(rule_id, span, where, label, desc, statement)

    def returned(self, interp: Interpreter, st: State, value: ir.Expr, taint) -> None:
        """A handler's return value is the response body."""
        if not taint or not self.is_handler(interp.fn):
            return
        if isinstance(value, (ir.Dict, ir.Seq)):
            return  # serialised as JSON by the framework
        for rule in self.rules:
            if rule.sinks_of("<handler-return>"):
                interp.hit(rule, taint, value.span, "response body")


def _numeric(annotation: str | None) -> bool:
    return bool(annotation) and annotation.rsplit(".", 1)[-1] in _NUMERIC


def _shown_source(q: str, s) -> str:
    name = next((n for n in sorted(s.names, key=len, reverse=True)
                 if q == n or q.startswith(n + ".")), q)
    parts = name.split(".")
    shown = ".".join(parts[-2:]) if len(parts) > 1 else parts[0]
    return shown + "()" if len(parts) == 1 else shown


def _position(fn: ir.Function, p: ir.Param) -> int:
    real = [q for q in fn.params if q.kind != "self"]
    return next((i for i, q in enumerate(real) if q is p), -1)
