"""Calls of the file's (and the project's) own functions, through their summaries: what the
callee returns of its arguments, the sinks its parameters reach (only through the attributes
it uses), and the parameters it checks wherever it returns."""

from __future__ import annotations

from . import ir
from .state import State
from .summary import SinkFlow
from .taint import ALL, CLEAN, Label, Step, clean, union


class Callees:
    """Mixed into the Interpreter (``self.expr``, ``self.ctx``, ``self.fn``, ``self.where`` ...)."""

    def apply_summary(self, st, e: ir.Call, target, args, kwargs, star) -> frozenset[Label]:
        summary, offset, name, external = target
        call_step = Step(e.span, f"passed to `{name}()`", self.where)

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

        for i in summary.validates:  # it returned: what it checks holds for the argument
            j = i - offset
            arg = e.args[j] if 0 <= j < len(e.args) else e.kwargs.get(summary.params[i][0]) \
                if i < len(summary.params) else None
            if isinstance(arg, ir.Name) and st.bound(arg.id):
                self.apply_kinds(st, arg.id, frozenset({ALL}))
            elif arg is not None:  # data["name"]: that item (nothing for other expressions)
                self.check_access(st, arg, frozenset({ALL}))
        out = CLEAN
        for i, cleared, trace in summary.returns:
            t = clean(param(i), cleared)
            out = union(out, frozenset(lb.step(call_step) for lb in t))
        if external and summary.sources:  # re-homed here: the call is where they appear
            out = union(out, frozenset(
                Label(lb.origin, e.span, self.where, lb.cleared, lb.trust, lb.what, lb.category,
                      (Step(e.span, f"returned by `{name}()`", self.where),))
                for lb in summary.sources))
        else:
            out = union(out, summary.sources)
        def member(i: int, path: tuple[str, ...]) -> frozenset[Label]:
            """What the argument for parameter ``i`` holds at ``path`` (the callee used only
            that attribute of it): request.state.raw_body tainted, request.method not."""
            j = i - offset
            if not path or star or i >= len(summary.params) or summary.params[i][1] in ("star", "kwstar"):
                return param(i)
            arg = e.args[j] if 0 <= j < len(e.args) else e.kwargs.get(summary.params[i][0])
            if arg is None or not isinstance(arg, (ir.Name, ir.Attr)):
                return param(i)
            for name in path:
                arg = ir.Attr(arg, name[1:], arg.span)
            return self.expr(st, arg)

        for flow in summary.sinks:
            for lb in member(flow.param, flow.path):
                lb = lb.clean(flow.cleared)
                if lb.safe_for(flow.kind) or (lb.param is None and
                                              lb.category != self.ctx.followed.get(flow.rule_id)):
                    continue
                if lb.trust != "remote" and flow.rule_id in self.ctx.remote_only:
                    continue
                if lb.origin[7:] in self.ctx.ignored.get(flow.rule_id, ()):
                    continue
                trace = lb.trace + (call_step,) + (() if external else flow.trace)
                where_span = e.span if external else flow.span
                where_fn = self.where if external else flow.where
                desc = f"{flow.desc} in {name}()" if external else flow.desc
                lb = lb.with_trace(trace)
                if lb.param is not None:
                    self.sink_flows.append(SinkFlow(lb.param, flow.rule_id, flow.kind, where_span,
                                                    where_fn, lb.cleared, trace, desc, lb.sub))
                else:
                    self.ctx.report(flow.rule_id, where_span, where_fn, lb, desc,
                                    self.stmt if external else None)
        return out

    def param_member(self, var: str, path: tuple, value: frozenset[Label]) -> frozenset[Label]:
        """``request.method`` read in a function whose parameter ``request`` is: label the
        parameter's taint with the attributes used, so a caller that passes an object with one
        tainted attribute only reports the sinks that read that attribute (``member`` above)."""
        if not path or not value or not path[0].startswith(".") or len(path[0]) > 60:
            return value
        index = next((i for i, p in enumerate(self.fn.params) if p.name == var), None)
        if index is None:
            return value
        origin = f"param:{index}"
        sub = "".join(path[:next((k for k, x in enumerate(path) if not x.startswith(".")), len(path))][:3])
        return frozenset(Label(origin + sub, lb.at, lb.home, lb.cleared, lb.trust, lb.what, lb.category,
                               lb.trace) if lb.origin == origin else lb for lb in value)

    def no_return(self, st: State, e: ir.Call) -> bool:
        q = self.qual(st, e.func)
        if q is not None and q in self.ctx.model.no_return:
            return True
        target = self.ctx.callee(self, st, e.func, q)
        return target is not None and target[0].never_returns

