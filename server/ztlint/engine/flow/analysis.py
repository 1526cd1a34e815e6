"""One file's taint analysis: every function once, callees first, each leaving a summary
for its callers; findings where a source's value reaches a sink it was not cleaned for."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from . import ir
from .handlers import EntryStates
from .interp import Interpreter
from .prepared import module_context, rule_tables
from .results import Hit, Results
from .spec import LOCAL_CLASS, Model, TaintRule
from .state import State, same
from .summary import EMPTY, Summary
from .taint import CLEAN, Label, Step

MAX_CALL_DEPTH = 40  # callees analysed on demand, this deep at most (then: no summary)
_RECEIVERS = ("self", "cls", "this")  # a method's own object, by the name a language gives it
EXTERNAL = "ext:"  # a dependency on another module's summary (its qualified name follows)
_MAX_BASES = 16  # base classes followed up a hierarchy (as handlers.py): a cycle must end


class OutOfBudget(Exception):
    pass


GROUPS = "<module groups>"  # in the cache: the top-level code's groups (see _top_level)
CALLERS = "<callers>"  # in the cache: who used which summary (see _callers)
# top-level statements re-run together after an edit: smaller groups re-run less around a large
# statement (py10k typing p95 9.9 -> 6.5 ms from 16 to 4, flow_incremental.py); 2 was slower
GROUP_SIZE = 4


@dataclass
class Group:
    """A run of top-level statements: what they were, the state after them, their hits and
    the summaries they used."""
    ident: tuple
    state: State | None
    hits: list
    deps: dict
    context: str = ""  # the module's names when it ran (cp.execSync means something else
    # once `cp = require("child_process")` is gone)


@dataclass
class Cached:
    """One function's analysis, valid while its text (the same lowered Function), the
    module's names, the summaries it used and (if it read them) the tainted globals are."""
    fn: ir.Function
    context: str
    deps: dict[str, str]  # callee -> digest of the summary used
    globals: str | None  # digest of the tainted globals, when it read one
    summary: Summary
    hits: list[Hit]
    state: State | None = None  # where the function ends (kept for the top-level code)
    registered_by: str | None = None  # the function's registration when analysed


class FileAnalysis(Results, EntryStates):
    def __init__(self, module: ir.Module, model: Model, rules: list[TaintRule],
                 externals=None, max_steps: int | None = None, cache: dict | None = None,
                 path: str = ""):
        self.module = module
        self.path = path.replace("\\", "/")
        self.model = model
        self.rules = rules
        self.externals = externals  # qualified name -> Summary (other modules), or None
        self.functions = {f.name: f for f in module.functions}
        (_, _, self.request_types, self.followed, self.sink_index, self.remote_only,
         self.prefix_kinds, self.ignored, self.name_sinks) = rule_tables(model, rules, cache)
        # handlers return an HTML body only in frameworks that make one of a string (Flask),
        # not in those that serialise it (FastAPI) or need a response object (Django)
        self.html_responses = any(v.split(".")[0] in model.html_responses
                                  for v in module.imports.values())
        self.globals: dict[str, State] = {}
        self.summaries: dict[str, Summary] = {}
        self.end_states: dict[str, State | None] = {}
        self.hits: dict[tuple[str, tuple[int, int], str], Hit] = {}
        self.seen_once: set = set()  # (rule, origin) pairs reported by a once-only sink
        self.skipped: list[str] = [f.name for f in module.functions if f.too_deep]
        self._active: list[str] = []
        # per function being analysed: its callees' digests, whether it read a tainted
        # global, its hits (see Cached)
        self._frames: list[tuple[dict, list, list]] = []
        self.cache = cache  # name -> Cached (kept by the caller between edits), or None
        self.context = module_context(module, rules, cache)
        self.globals_digest = ""
        self._steps = 0
        self._max_steps = max_steps

    # -- driving -------------------------------------------------------------------------
    def run(self) -> "FileAnalysis":
        if "<module>" in self.functions:
            self.summary("<module>")
            st = self.end_states.get("<module>")
            if st is not None:
                for var, slots in st.taint.items():
                    if any(slots.values()):
                        self.globals[var] = st
                self.globals_digest = _digest(sorted(
                    (var, sorted((k, _digest(v)) for k, v in st.taint[var].items()))
                    for var in self.globals))
        self._reuse_unaffected()
        summaries = self.summaries
        for name in self.functions:
            if name not in summaries and name != "<module>":
                self.summary(name)
        return self

    def _reuse_unaffected(self) -> None:
        """Take the cached analysis of every function that no change can reach (its text, the
        module's names and the globals it read are as before, and so are, transitively, its
        callees'), without checking each one's callees again: an edit costs the functions it
        touches, not the file."""
        if not self.cache:
            return
        callers, external = self._callers()
        # (a function using another module's summary is checked the slow way: that module may
        # have changed)
        cache, context, digest = self.cache, self.context, self.globals_digest
        changed = (cache.keys() - self.functions.keys()) | external
        # (run per function at every keystroke: the usual case, the same objects, goes first)
        for name, fn in self.functions.items():
            c = cache.get(name)
            if c is None or c.fn is not fn and not _same_function(c.fn, fn) or \
                    c.context is not context and c.context != context or \
                    c.registered_by != fn.registered_by or (
                    c.globals is not None and c.globals != digest):
                changed.add(name)
        affected, todo = set(changed), list(changed)
        while todo:
            for caller in callers.get(todo.pop(), ()):
                if caller not in affected:
                    affected.add(caller)
                    todo.append(caller)
        summaries, end_states = self.summaries, self.end_states
        for name in self.functions:
            if name in affected or name in summaries:
                continue
            c = cache[name]
            for h in c.hits:
                self.report(h.rule_id, h.span, h.where, h.label, h.desc, h.statement, h.parts)
            end_states[name] = c.state
            summaries[name] = c.summary

    def _callers(self) -> tuple[dict[str, set[str]], set[str]]:
        """(dependency -> the cached functions that used it, functions using other modules),
        kept in the cache and updated as entries are replaced (building it is per file)."""
        kept = self.cache.get(CALLERS)
        if kept is None:
            kept = self.cache[CALLERS] = ({}, set())
            for name, c in list(self.cache.items()):
                if isinstance(c, Cached):
                    self._callers_changed(name, {}, c.deps)
        return kept

    def _callers_changed(self, name: str, old: dict, new: dict) -> None:
        kept = self.cache.get(CALLERS)
        if kept is None:
            return
        callers, external = kept
        for d in old:
            callers.get(d, set()).discard(name)
        for d in new:
            callers.setdefault(d, set()).add(name)
        (external.add if any(d.startswith(EXTERNAL) for d in new) else external.discard)(name)

    def tick(self) -> None:
        self._steps += 1
        if self._max_steps is not None and self._steps > self._max_steps:
            raise OutOfBudget

    def summary(self, name: str) -> Summary:
        done = self.summaries.get(name)
        if done is not None:
            if self._frames:
                self._frames[-1][0][name] = done.digest  # the caller depends on it
            return done
        if name in self._active or len(self._active) > MAX_CALL_DEPTH:
            return EMPTY  # recursion: its own summary is not known yet
        fn = self.functions[name]
        if self._frames:
            self._frames[-1][0][name] = None  # (the digest is filled in below)
        reused = self._reuse(name, fn)
        if reused is not None:
            self.summaries[name] = reused
        else:
            self._active.append(name)
            self._frames.append(({}, [False], []))
            try:
                self.summaries[name] = summary = self._summarise(fn)
            finally:
                self._active.pop()
                deps, read_globals, hits = self._frames.pop()
            if self.cache is not None:
                deps = {d: (self.summaries[d].digest if d in self.summaries else "")
                        if not d.startswith(EXTERNAL) else digest for d, digest in deps.items()}
                old = self.cache.get(name)
                self.cache[name] = Cached(fn, self.context, deps,
                                          self.globals_digest if read_globals[0] else None,
                                          summary, hits, self.end_states.get(name),
                                          fn.registered_by)
                self._callers_changed(name, old.deps if isinstance(old, Cached) else {}, deps)
        if self._frames:
            self._frames[-1][0][name] = self.summaries[name].digest
        return self.summaries[name]

    def _reuse(self, name: str, fn: ir.Function) -> Summary | None:
        c = self.cache.get(name) if self.cache is not None else None
        if c is None or not _same_function(c.fn, fn) or c.context != self.context or \
                c.registered_by != fn.registered_by or (
                c.globals is not None and c.globals != self.globals_digest):
            return None
        for dep, digest in c.deps.items():
            if dep.startswith(EXTERNAL):
                s = self.externals(dep[len(EXTERNAL):]) if self.externals is not None else None
                if s is None or s.digest != digest:
                    return None
            elif dep not in self.functions or self.summary(dep).digest != digest:
                return None
        for h in c.hits:
            self.report(h.rule_id, h.span, h.where, h.label, h.desc, h.statement, h.parts)
        self.end_states[name] = c.state
        return c.summary

    def read_global(self) -> None:
        if self._frames:
            self._frames[-1][1][0] = True

    def _summarise(self, fn: ir.Function) -> Summary:
        interp = Interpreter(self, fn)
        if fn.name == "<module>" and self.cache is not None and not fn.too_deep:
            end = self._top_level(fn, interp)
        else:
            end = interp.run(self.entry(fn))
        if fn.name == "<module>":
            self.end_states[fn.name] = end
        returns, sources = [], CLEAN
        for lb in interp.returns:
            if lb.param is not None:
                returns.append((lb.param, lb.cleared, lb.trace))
            else:
                sources = sources | {lb}
        params = tuple((p.name, p.kind) for p in fn.params)
        never = end is None and not interp.returned and not fn.too_deep and bool(fn.body)
        interp.note_exit(end)
        validates = tuple(sorted(interp.validated or ())) if not never and not fn.too_deep else ()
        parts = (params, tuple(returns), frozenset(sources), tuple(interp.sink_flows), never, validates)
        # (the digest only serves the editor's cache: a scan has none)
        return Summary(*parts, digest=_digest(parts) if self.cache is not None else "")

    def _top_level(self, fn: ir.Function, interp: Interpreter) -> State | None:
        """The top-level code, in groups of statements: a group whose statements, callees and
        incoming state are those of last time is not run again (its hits are replayed). An
        edit in one statement of a long script re-runs its group, and the groups after it
        only until the state is the same as before."""
        old: list[Group] = self.cache.get(GROUPS, [])
        new: list[Group] = []
        st: State | None = self.entry(fn)
        same_input = True  # the state entering this group is the one the old group had
        for g, start in enumerate(range(0, len(fn.body), GROUP_SIZE)):
            stmts = fn.body[start:start + GROUP_SIZE]
            ident = tuple((id(s.body), s.home) if isinstance(s, ir.Located) else id(s) for s in stmts)
            prev = old[g] if g < len(old) else None
            if prev is not None and same_input and prev.ident == ident and \
                    prev.context == self.context and self._deps_hold(prev.deps):
                for h in prev.hits:
                    self.report(h.rule_id, h.span, h.where, h.label, h.desc, h.statement, h.parts)
                if self._frames:
                    self._frames[-1][0].update(prev.deps)
                new.append(prev)
                st = prev.state.copy() if prev.state is not None else None
                if st is None:
                    break
                continue
            self._frames.append(({}, [False], []))
            try:
                st = interp.block(stmts, st, 0)
            finally:
                deps, _, hits = self._frames.pop()
            deps = {d: (self.summaries[d].digest if d in self.summaries else "")
                    if not d.startswith(EXTERNAL) else digest for d, digest in deps.items()}
            if self._frames:
                self._frames[-1][0].update(deps)
                self._frames[-1][2].extend(hits)
            new.append(Group(ident, st.copy() if st is not None else None, hits, deps, self.context))
            # (a changed group leaving the state as it was: the groups after it are reused)
            same_input = prev is not None and same(prev.state, st)
            if st is None:
                break
        self.cache[GROUPS] = new
        interp.flush(st)
        return st

    def _deps_hold(self, deps: dict) -> bool:
        for dep, digest in deps.items():
            if dep.startswith(EXTERNAL):
                s = self.externals(dep[len(EXTERNAL):]) if self.externals is not None else None
                if s is None or s.digest != digest:
                    return False
            elif dep not in self.functions or self.summary(dep).digest != digest:
                return False
        return True

    def analyse(self, fn: ir.Function) -> State | None:
        return Interpreter(self, fn).run(self.entry(fn))

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
        return frozenset({Label("source:" + s.id, span, where, frozenset(), s.trust, what, s.category,
                                (Step(span, f"tainted by `{what}`", where),))})

    def callee(self, interp: Interpreter, st: State, func: ir.Expr, q: str | None):
        """(summary, positional offset, shown name, external) of a call's target when it is a
        function of this file (or, with externals, of another scanned module)."""
        fn = interp.fn
        if isinstance(func, ir.Name) and not st.bound(func.id):
            for name in (f"{fn.name}.<locals>.{func.id}", func.id):
                if name in self.functions and name != "<module>":
                    return self.summary(name), 0, func.id, False
        if isinstance(func, ir.Attr) and isinstance(func.obj, ir.Call) and isinstance(
                func.obj.func, ir.Name) and func.obj.func.id in self.module.classes:
            # Gateway().run(x): a method of a class of this file, on a new instance
            return self._method(func.obj.func.id, func.name, 1)
        if isinstance(func, ir.Attr) and isinstance(func.obj, ir.Name):
            owner = func.obj.id
            cls = None
            if owner in _RECEIVERS and fn.class_name:
                cls = fn.class_name
            elif owner in self.module.classes and not st.bound(owner):
                cls = owner
            elif st.types.get(owner, "").startswith(LOCAL_CLASS):
                return self._method(st.types[owner][len(LOCAL_CLASS):], func.name, 1)
            for _ in range(_MAX_BASES):  # (a class may name itself as its base: Django does)
                if cls is None:
                    break
                name = f"{cls}.{func.name}"
                if name in self.functions:
                    offset = 1 if owner in _RECEIVERS else 0
                    return self.summary(name), offset, name, False
                bases = [b for b in self.module.classes.get(cls, []) if b in self.module.classes]
                cls = bases[0] if bases else None
        if q is not None and self.externals is not None:
            s = self.externals(q)
            if s is not None and self._frames:
                self._frames[-1][0][EXTERNAL + q] = s.digest
            if s is not None:
                return s, 0, q.rsplit(".", 1)[-1], True
        return None

    def _method(self, cls: str | None, method: str, offset: int):
        for _ in range(_MAX_BASES):
            if cls is None:
                break
            name = f"{cls}.{method}"
            if name in self.functions:
                return self.summary(name), offset, name, False
            bases = [b for b in self.module.classes.get(cls, []) if b in self.module.classes]
            cls = bases[0] if bases else None
        return None


def _same_function(a: ir.Function, b: ir.Function) -> bool:
    return a is b or (a.key is not None and a.key == b.key)


def _digest(value) -> str:
    """A stable digest of nested tuples, sets and labels (sets in sorted order)."""
    def norm(v):
        if isinstance(v, (set, frozenset)):
            return sorted((norm(x) for x in v), key=repr)
        if isinstance(v, (tuple, list)):
            return [norm(x) for x in v]
        return repr(v)
    return hashlib.blake2b(repr(norm(value)).encode("utf-8", "surrogatepass"),
                           digest_size=16).hexdigest()


def _shown_source(q: str, s) -> str:
    name = next((n for n in sorted(s.names, key=len, reverse=True)
                 if q == n or q.startswith(n + ".")), q)
    parts = name.split(".")
    shown = ".".join(parts[-2:]) if len(parts) > 1 else parts[0]
    return shown + "()" if len(parts) == 1 else shown
