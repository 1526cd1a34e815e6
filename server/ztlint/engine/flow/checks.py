"""Checks that clean a value: guards in conditions (allow-lists, full-match regexes, the project's
own validators by name), conversions that raise (``int(x)``, ``UUID(x)``) and signature checks
of the request's data (a webhook's payload is then the signer's)."""

from __future__ import annotations

from . import fold, ir
from .state import ANY, SIGNED, State
from .taint import ALL, Label, clean

# in State.consts: access paths a check has proven (see checked_access); not a variable name
CHECKED = "<checked>"
VALIDATED = "<validated>"  # in State.consts, with a parameter's index: a check made it safe
RECORD = "record:"  # in State.types: what a lookup function returned (see assign.is_lookup)

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

    def looked_up(self, st: State, stmts: list) -> list[str]:
        """Variables a statement of ``stmts`` uses as the key of a mapping that holds no
        outside data (``h = HOOK_HANDLERS[x]``): when that raises, the statement fails."""
        out = []
        for s in stmts:
            e = s.expr if isinstance(s, ir.ExprStmt) else s.value if isinstance(s, ir.Assign) else None
            if isinstance(e, ir.Index) and isinstance(e.key, ir.Name) and isinstance(e.obj, ir.Name) \
                    and not self.expr(st.copy(), e.obj) \
                    and not isinstance(self.const(st, e.obj.id), (str, bytes)):
                out.append(e.key.id)
        return out

    def apply_kinds(self, st: State, var, kinds: frozenset[str]) -> None:
        if not isinstance(var, str):  # an access path: data["sid"], request.GET.get("next")
            self.check_access(st, var, kinds)
            return
        slots = st.taint.get(var)
        if slots:
            if ALL in kinds:  # a parameter checked itself: note it for the summary (note_exit)
                params = self.fn.params
                for v in slots.values():
                    for lb in v:
                        i = lb.param
                        if i is not None and not lb.sub and i < len(params) and params[i].name == var:
                            st.consts[(VALIDATED, i)] = True
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
        found += [(st.parsed[v], k) for v, k in found if isinstance(v, str) and v in st.parsed]
        for var, kinds in found:
            if not isinstance(var, str):
                self.check_access(st, var, kinds)
                continue
            slots = st.taint.get(var)
            if slots is None and var in self.ctx.globals:
                self.ctx.read_global()
                st.taint[var] = dict(self.ctx.globals[var].taint.get(var, {}))
            self.apply_kinds(st, var, kinds)

    # -- checks on an access path ------------------------------------------------------------
    # ``if data["sid"] in registry``, ``if not is_safe_url(request.GET.get("next")): return``:
    # the check is on one item, not on a variable, and later code reads the item again. The
    # proven paths live in ``State.consts[CHECKED]`` (a tuple, replaced, never changed in place,
    # so copies and joins of states treat it as any constant), each with the taint its root had
    # when checked: a root assigned since then no longer matches, and the check is forgotten.
    def access_key(self, st: State, e: ir.Expr) -> tuple | None:
        path = fold.access(e)
        if path is None:
            return None
        root, segs = path
        keys = tuple(s if isinstance(s, str) else self.key(st, s) for s in segs)
        return None if ANY in keys else (root.id,) + keys

    def check_access(self, st: State, e: ir.Expr, kinds: frozenset[str]) -> None:
        key = self.access_key(st, e)
        if key is None:
            return
        root = key[0]
        held = dict(st.taint[root]) if root in st.taint else None
        old = tuple(c for c in st.consts.get(CHECKED, ()) if c[0] != key)
        st.consts[CHECKED] = old + ((key, kinds, held),)

    def checked_access(self, st: State, e: ir.Expr) -> frozenset[str] | None:
        """The sink kinds a check made ``e`` (an access path) safe for, if any."""
        key = self.access_key(st, e)
        if key is None:
            return None
        for k, kinds, held in st.consts[CHECKED]:
            if k == key:
                now = st.taint.get(key[0])
                return kinds if held is None and now is None or held is not None and held == now \
                    else None
        return None

    def expr_checked(self, st: State, e: ir.Expr):
        """``self.expr`` of an access path a check has proven, cleaned for what it proved."""
        kinds = self.checked_access(st, e)
        if kinds is None:
            return None
        saved = st.consts.pop(CHECKED)
        try:
            return clean(self.expr(st, e), kinds)
        finally:
            st.consts[CHECKED] = saved

    # -- functions that validate a parameter --------------------------------------------------
    # get_provider(name) that raises unless ``name in PROVIDERS``: wherever it returns, its
    # parameter is checked, so after the call the caller's argument is too.
    def note_exit(self, st: State | None) -> None:
        """Called at each return (and with the end state): keep the parameters whose value
        a check or a conversion has made safe for every sink on every way out."""
        if st is None:
            return
        now = {i for i, p in enumerate(self.fn.params)
               if p.kind not in ("self", "star", "kwstar") and st.consts.get((VALIDATED, i))}
        self.validated = now if self.validated is None else self.validated & now
