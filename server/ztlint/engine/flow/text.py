"""Text made from a whole container: ``f"{request.json}"``, ``log.info("%s", data)``,
``str(items)``. In Python its items appear as their repr, which escapes line breaks, so the text
is clean for the sink kinds the model's ``repr`` sanitizer clears (log, header), not for the
others (HTML, SQL ...). A language whose model has no ``repr`` (JavaScript: an array prints its
items raw) is unaffected."""

from __future__ import annotations

from . import ir
from .state import State
from .taint import Label, clean, union

_SET_OPS = frozenset({"-", "|", "&"})
_TEXT_OF = frozenset({"str", "repr"})


class TextShapes:
    """Mixed into interp.Interpreter (``self.ctx``, ``self.qual``)."""

    def is_container(self, st: State, e: ir.Expr | None) -> bool:
        if isinstance(e, (ir.Dict, ir.Comp, ir.Seq)):
            return True
        if isinstance(e, ir.Name):
            return e.id in st.containers
        if isinstance(e, ir.Op):
            return e.op in _SET_OPS and bool(e.items) and all(self.is_container(st, i) for i in e.items)
        if isinstance(e, ir.Call):
            q = self.qual(st, e.func)
            if q in _TEXT_OF and len(e.args) == 1 and not e.kwargs and not e.star:
                return self.is_container(st, e.args[0])  # str(d): already its items' repr
            return q is not None and q in self.ctx.model.containers
        if isinstance(e, ir.Attr):
            q = self.qual(st, e)
            return q is not None and q in self.ctx.model.containers
        return False

    def used_as_mapping(self, st: State, obj: ir.Expr, key: ir.Expr | None = None) -> None:
        """After ``data["kind"]`` or ``data.get(...)`` ran, ``data`` is no string (those raise
        on one): a parsed JSON body known to be an object."""
        if isinstance(obj, ir.Name) and st.bound(obj.id) and (
                key is None or isinstance(key, ir.Const) and isinstance(key.value, str)):
            st.containers.add(obj.id)

    def as_text(self, st: State, e: ir.Expr, taint: frozenset[Label]) -> frozenset[Label]:
        """``taint`` (what ``e`` carries) once ``e`` is formatted into text."""
        if taint and self.is_container(st, e):
            kinds = self.ctx.model.sanitizer_of("repr")
            if kinds:
                return clean(taint, kinds)
        return taint

    def formatted(self, st: State, e: ir.Op) -> frozenset[Label]:
        """An f-string or ``template % values``: each value as text."""
        items = list(e.items)
        if e.op == "%" and len(items) == 2:
            right = items[1]
            if isinstance(right, ir.Seq) and right.kind == "tuple":
                items = [items[0], *right.items]
            elif isinstance(right, ir.Dict):
                items = [items[0], *[v for _, v in right.items]]
            elif isinstance(right, ir.Name) or isinstance(right, ir.Call) and \
                    self.qual(st, right.func) == "tuple":  # may be a tuple of values
                return union(*[self.expr(st, i) for i in items])
        return union(*[self.as_text(st, i, self.expr(st, i)) for i in items])
