"""What a call does to taint: sinks, sources, sanitizers, the file's own functions (through
their summaries), container methods, and by default a value built from its inputs."""

from __future__ import annotations

from . import fold, ir
from .state import ANY, State
from .summary import SinkFlow
from .taint import CLEAN, Label, Step, clean, step, union

# Methods that store their arguments in the object they are called on.
_STORING = frozenset({"append", "extend", "insert", "add", "appendleft", "extendleft", "push",
                      "unshift", "update", "set", "put", "setdefault", "write", "writelines",
                      "read_string", "read_dict", "read_file", "readfp", "feed"})
# Methods that read one slot of a container.
_SLOT_READS = frozenset({"get", "pop", "getlist", "setdefault"})


class CallSemantics:
    """Mixed into the Interpreter (``self.expr``, ``self.qual``, ``self.ctx`` ...)."""

    def call(self, st: State, e: ir.Call) -> frozenset[Label]:
        func = e.func
        method = func.name if isinstance(func, ir.Attr) else None
        q = self.qual(st, func)
        recv = self.expr(st, func.obj) if method is not None and q is None else CLEAN
        if method is not None and q is not None and isinstance(func.obj, ir.Call):
            recv = self.expr(st, func.obj)
        args = [self.expr(st, a) for a in e.args]
        kwargs = {k: self.expr(st, v) for k, v in e.kwargs.items()}
        star = union(*[self.expr(st, s) for s in e.star])
        self.check_sinks(st, e, q, method, recv, args, kwargs, star)
        if q is not None:
            kinds = self.ctx.model.sanitizer_of(q)
            if kinds is None and method is not None:  # a method of a module-level object
                kinds = self.ctx.model.sanitizer_of("." + method)
            if kinds is not None:
                return clean(union(recv, *args, *kwargs.values(), star), kinds)
            src = self.ctx.source(q, e.span, self.fn.name)
            if src:
                return src
        elif method is not None:
            kinds = self.ctx.model.sanitizer_of("." + method)
            if kinds is not None:
                return clean(union(recv, *args, *kwargs.values(), star), kinds)
        target = self.ctx.callee(self, st, func, q)
        if target is not None:
            return self.apply_summary(st, e, target, args, kwargs, star)
        if method is not None and q is None:
            p = self.path_of(st, func.obj)
            if p is not None:
                handled = self.container_method(st, e, p, method, args)
                if handled is not None:
                    return handled
        return union(recv, *args, *kwargs.values(), star)

    def container_method(self, st: State, e: ir.Call, p, method: str, args) -> frozenset | None:
        var, path = p
        if var not in st.taint and var in self.ctx.globals:
            st.taint[var] = dict(self.ctx.globals[var].taint.get(var, {}))
        if method in _SLOT_READS and e.args:
            value = self.read_var(st, var, path + (self.key(st, e.args[0]),))
            if method == "pop" and self.key(st, e.args[0]) != ANY:
                st.delete(var, path + (self.key(st, e.args[0]),))
            return union(value, *args[1:])
        if method == "pop":
            return self.read_var(st, var, path)
        if method in _STORING and (any(args) or e.args and isinstance(e.args[0], ir.Dict)):
            if method == "update" and e.args and isinstance(e.args[0], ir.Dict):
                for k, v in e.args[0].items:
                    t = self.expr(st, v)
                    key = self.key(st, k) if k is not None else ANY
                    st.set(var, path + (key,), step(t, e.span, f"stored in `{var}`", self.fn.name),
                           strong=key != ANY)
                return CLEAN
            st.set(var, path + (ANY,), step(union(*args), e.span, f"stored in `{var}`", self.fn.name),
                   strong=False)
            return CLEAN
        if method == "clear":
            st.delete(var, path)
            st.set(var, path, CLEAN)
            return CLEAN
        return None

    # -- sinks ---------------------------------------------------------------------------
    def check_sinks(self, st, e: ir.Call, q, method, recv, args, kwargs, star) -> None:
        for rule in self.ctx.rules:
            sinks = rule.sinks_of(q) if q is not None else ()
            if method is not None:
                sinks = sinks + tuple(s for s in rule.sinks_of("." + method) if s not in sinks)
            for sink in sinks:
                if sink.unless is not None:
                    value = e.kwargs.get(sink.unless[0])
                    if value is not None and self.qual(st, value) in sink.unless[1]:
                        continue
                if sink.when_keyword is not None:
                    name, want = sink.when_keyword
                    value = e.kwargs.get(name, _option(e, name))
                    if value is None or fold.fold(value, lambda n: self.const(st, n)) != want:
                        continue
                taint = self.sink_taint(st, e, sink, recv, args, kwargs, star)
                if taint:
                    shown = (q or "." + str(method)).rsplit(".", 2)
                    self.hit(rule, taint, e.span, ".".join(shown[-2:]) + "()")

    def sink_taint(self, st, e: ir.Call, sink, recv, args, kwargs, star) -> frozenset[Label]:
        if sink.receiver:
            return recv
        if not sink.args:
            return union(*args, *kwargs.values(), star)
        out = star
        for a in sink.args:
            if isinstance(a, int) and a < len(args):
                t = args[a]
                if a == 0 and sink.argv_list and isinstance(e.args[0], ir.Seq) and e.args[0].items:
                    shell = e.kwargs.get("shell")
                    if shell is None or fold.truth(shell, lambda n: self.const(st, n)) is False:
                        t = self.expr(st, e.args[0].items[0])  # only the program is a command
                out = union(out, t)
            elif isinstance(a, str) and a in kwargs:
                value = kwargs[a]
                if sink.argv_list and isinstance(e.kwargs[a], ir.Seq) and e.kwargs[a].items:
                    value = self.expr(st, e.kwargs[a].items[0])
                out = union(out, value)
        return out

    def hit(self, rule, taint: frozenset[Label], span, desc: str) -> None:
        for lb in taint:
            if lb.safe_for(rule.kind) or (lb.param is None and lb.category != rule.sources):
                continue
            lb = lb.step(Step(span, f"reaches `{desc}`", self.fn.name))
            if lb.param is not None:
                self.sink_flows.append(SinkFlow(lb.param, rule.rule_id, rule.kind, span,
                                                self.fn.name, lb.cleared, lb.trace, desc))
            else:
                self.ctx.report(rule.rule_id, span, self.fn.name, lb, desc, self.stmt)

    # -- the file's own functions --------------------------------------------------------
    def apply_summary(self, st, e: ir.Call, target, args, kwargs, star) -> frozenset[Label]:
        summary, offset, name, external = target
        call_step = Step(e.span, f"passed to `{name}()`", self.fn.name)

        def param(i: int) -> frozenset[Label]:
            if i >= len(summary.params):
                return star
            pname, kind = summary.params[i]
            j = i - offset
            if kind == "star":
                return union(*args[max(j, 0):], star)
            if kind == "kwstar":
                return union(*kwargs.values(), star)
            if 0 <= j < len(args):
                return union(args[j], star) if star else args[j]
            return union(kwargs.get(pname, CLEAN), star)

        out = CLEAN
        for i, cleared, trace in summary.returns:
            t = clean(param(i), cleared)
            out = union(out, frozenset(lb.step(call_step) for lb in t))
        out = union(out, summary.sources)
        for flow in summary.sinks:
            for lb in param(flow.param):
                lb = lb.clean(flow.cleared)
                if lb.safe_for(flow.kind) or (lb.param is None and
                                              lb.category != self.ctx.followed.get(flow.rule_id)):
                    continue
                trace = lb.trace + (call_step,) + (() if external else flow.trace)
                where_span = e.span if external else flow.span
                where_fn = self.fn.name if external else flow.where
                desc = f"{flow.desc} in {name}()" if external else flow.desc
                lb = lb.with_trace(trace)
                if lb.param is not None:
                    self.sink_flows.append(SinkFlow(lb.param, flow.rule_id, flow.kind, where_span,
                                                    where_fn, lb.cleared, trace, desc))
                else:
                    self.ctx.report(flow.rule_id, where_span, where_fn, lb, desc,
                                    self.stmt if external else None)
        return out

    def no_return(self, st: State, e: ir.Call) -> bool:
        q = self.qual(st, e.func)
        if q is not None and q in self.ctx.model.no_return:
            return True
        target = self.ctx.callee(self, st, e.func, q)
        return target is not None and target[0].never_returns


def _option(e: ir.Call, name: str) -> ir.Expr | None:
    """A keyword passed in an options object literal (``spawn(cmd, args, {shell: true})``)."""
    for a in e.args:
        if isinstance(a, ir.Dict):
            for k, v in a.items:
                if isinstance(k, ir.Const) and k.value == name:
                    return v
    return None
