"""Sinks that are not calls, and values renamed by an attribute: a store into an object a rule
names (``session[k] = v``), a name a value is given (``reset_token = ...``, reported once the
value is used), an upload's ``.filename``."""

from __future__ import annotations

from . import ir
from .state import State
from .taint import Label


_REQUESTS = frozenset({"request", "req"})


class NameSinks:
    """Mixed into interp.Interpreter (``self.ctx``, ``self.qual``, ``self.hit``, ``self.where``)."""

    def renamed(self, e: ir.Expr, taint):
        """upload.filename: the labels of an upload become labels of the name it was sent as."""
        if not taint or not isinstance(e, ir.Attr):
            return taint
        for sources, attributes, becomes in self.ctx.model.renames:
            if e.name in attributes:
                taint = frozenset(
                    Label("source:" + becomes, lb.at, lb.home, lb.cleared, lb.trust,
                          lb.what + "." + e.name, lb.category, lb.trace)
                    if lb.origin[7:] in sources else lb for lb in taint)
        return taint

    def store_sink(self, st: State, target, taint) -> None:
        """``session["k"] = v``: a store into an object a rule names; ``window.location = v``,
        ``el.innerHTML = v``: an assignment a rule names (``sets``)."""
        q = self.qual(st, target.obj)
        attr = "." + target.obj.name if isinstance(target.obj, ir.Attr) else None
        if attr and (q is not None and self.ctx.model.source_of(q) is not None or isinstance(
                target.obj.obj, ir.Name) and target.obj.obj.id in _REQUESTS):
            attr = None  # request.headers[k] = v: the request's own (an outgoing one), not a response's
        whole = self.qual(st, target) if isinstance(target, ir.Attr) else None
        prop = "." + target.name if isinstance(target, ir.Attr) else None
        for rule in self.ctx.rules:
            if q is not None and rule.sinks_of("<store>" + q) or attr and rule.sinks_of("<store>" + attr):
                self.hit(rule, taint, target.span, (q or attr).rsplit(".", 1)[-1])
            elif whole is not None and rule.sinks_of("<set>" + whole):
                self.hit(rule, taint, target.span, whole)
            elif prop is not None and rule.sinks_of("<set>" + prop):
                self.hit(rule, taint, target.span, prop[1:])

    def name_sink(self, st: State, target, taint, defer: bool = False) -> None:
        """A value assigned to a name a rule watches (``reset_token = ...``). ``defer``: a
        local variable, reported once its value is used (overwritten first, it never was)."""
        if isinstance(target, ir.Name):
            name = target.id
        elif isinstance(target, ir.Attr):
            name = target.name
        elif isinstance(target, ir.Index) and isinstance(target.key, ir.Const):
            name = str(target.key.value)
        else:
            return
        if len(name) > 200:
            return
        for rule, sink in self.ctx.name_sinks:
            if sink.assigned_to is not None and sink.assigned_to.search(name):
                if defer:
                    st.pending[name] = st.pending.get(name, ()) + ((rule, taint, target.span, self.where),)
                else:
                    self.hit(rule, taint, target.span, name, once=True)

    def flush(self, st: State | None, var: str | None = None) -> None:
        """Report the pending name-sink hits of ``var`` (of every variable: None)."""
        if st is None or not st.pending:
            return
        for name in ([var] if var is not None else list(st.pending)):
            for rule, taint, span, where in st.pending.pop(name, ()):
                here, self.where = self.where, where
                try:
                    self.hit(rule, taint, span, name, once=True)
                finally:
                    self.where = here
