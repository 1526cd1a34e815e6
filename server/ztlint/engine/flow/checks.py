"""Checks that clean a value: guards in conditions (allow-lists, full-match regexes, the project's
own validators by name), conversions that raise (``int(x)``, ``UUID(x)``) and signature checks
of the request's data (a webhook's payload is then the signer's)."""

from __future__ import annotations

from . import fold, ir
from .state import SIGNED, State
from .taint import ALL, Label, clean

# what a failing int(x) / UUID(x) raises, and what catches it
CONVERSION_ERRORS = frozenset({"ValueError", "TypeError", "Exception", "BaseException",
                               "ArithmeticError", "InvalidOperation", "ValidationError"})


class Checks:
    """Mixed into interp.Interpreter (``self.ctx``, ``self.expr``, ``self.qual``, ``self.where``)."""

    def converted(self, st: State, stmts: list) -> list[str]:
        """Variables a statement of ``stmts`` converts with a call that cleans everything (and
        raises on anything else): ``int(x)``, ``uuid.UUID(x)``, ``x = int(x)``."""
        out = []
        for s in stmts:
            call = s.expr if isinstance(s, ir.ExprStmt) else s.value if isinstance(s, ir.Assign) else None
            if isinstance(call, ir.Call) and call.args and isinstance(call.args[0], ir.Name):
                q = self.qual(st, call.func)
                if q is not None and ALL in (self.ctx.model.sanitizer_of(q) or ()):
                    out.append(call.args[0].id)
        return out

    def apply_kinds(self, st: State, var: str, kinds: frozenset[str]) -> None:
        slots = st.taint.get(var)
        if slots:
            for k in list(slots):
                slots[k] = clean(slots[k], kinds)

    def mark_signed(self, st: State, call: ir.Call) -> None:
        """After a signature check of what the request carries, the request's data is the
        signer's (a payment provider's webhook), not an attacker's."""
        if any(self.expr(st, a) for a in [*call.args, *call.kwargs.values()]):
            st.consts[SIGNED] = True

    def server_value(self, q: str | None, key: ir.Expr | None) -> bool:
        """environ["REMOTE_ADDR"]: a key of a source mapping that the server fills itself."""
        model = self.ctx.model
        return q is not None and q in model.server_maps and isinstance(key, ir.Const) and \
            key.value in model.server_keys

    def source(self, st: State, q: str | None, span) -> frozenset[Label]:
        found = self.ctx.source(q, span, self.where)
        if found and st.consts.get(SIGNED):
            return frozenset(lb for lb in found if lb.trust != "remote")
        return found

    def apply_guards(self, st: State, test: ir.Expr, holds: bool) -> None:
        signed = fold.signature_check_in(test, holds)
        if signed is not None:
            self.mark_signed(st, signed)
        found = fold.guards(test, holds, lambda e: not self.expr(st, e), lambda e: self.qual(st, e))
        found += [(st.parsed[v], k) for v, k in found if v in st.parsed]
        for var, kinds in found:
            slots = st.taint.get(var)
            if slots is None and var in self.ctx.globals:
                self.ctx.read_global()
                st.taint[var] = dict(self.ctx.globals[var].taint.get(var, {}))
            self.apply_kinds(st, var, kinds)
