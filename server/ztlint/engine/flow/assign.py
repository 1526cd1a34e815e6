"""Assignments: what a store into a local, one of its attributes or items, or an unpacking
does to the state (constants, typed locals, containers, records looked up)."""

from __future__ import annotations

import re

from . import fold, ir
from .checks import RECORD
from .spec import LOCAL_CLASS
from .state import ANY, Path, State
from .taint import CLEAN, Label, step

# u = urlparse(x): a check on u's parts is a check on x
_PARSERS = frozenset({"urllib.parse.urlparse", "urllib.parse.urlsplit", "urlparse.urlparse"})
_LOOKUP = re.compile(r"^_*(?:a?get|fetch|find|load|lookup|retrieve)_(?!.*(?:param|arg|input|header|"
                     r"cookie|query|body|json|form|request|text|str))\w+")


_SAVES = frozenset({"save", "get_or_create", "update_or_create"})


def is_lookup(call: ir.Call) -> bool:
    """get_tinyurl(id), fetch_user(pk), find_order_by_id(x): a record looked up by a value;
    form.save(): the record a model form saved."""
    func = call.func
    name = func.id if isinstance(func, ir.Name) else func.name if isinstance(func, ir.Attr) else ""
    return len(name) <= 100 and bool(_LOOKUP.match(name)) or \
        isinstance(func, ir.Attr) and name in _SAVES


class Assignments:
    """Mixed into the Interpreter (``self.expr``, ``self.qual``, ``self.ctx`` ...)."""

    def assign(self, st: State, target: ir.Expr, value: ir.Expr | None,
               taint: frozenset[Label], augmented: bool) -> None:
        if isinstance(target, ir.Name):
            var = target.id
            strings_before = set(st.strings) if augmented else ()
            taint = step(taint, target.span, f"assigned to `{var}`", self.where)
            const = fold.fold(value, lambda n: self.const(st, n)) if value is not None \
                and not augmented else fold.UNKNOWN
            typ = self.qual(st, value) if isinstance(value, (ir.Name, ir.Attr)) else None
            copied = st.taint.get(value.id) if isinstance(value, ir.Name) and not augmented else None
            container = value is not None and not augmented and self.is_container(st, value)
            st.kill(var)
            if isinstance(value, ir.Call) and value.args and isinstance(value.args[0], ir.Name) \
                    and self.qual(st, value.func) in _PARSERS:
                st.parsed[var] = value.args[0].id
            if isinstance(value, (ir.Dict, ir.Seq)) and not augmented:
                self.store_literal(st, var, (), value, target.span)
            elif copied is not None and value.id != var:
                st.taint[var] = {k: step(v, target.span, f"assigned to `{var}`", self.where)
                                 for k, v in copied.items()}
            else:
                st.set(var, (), taint)
            if const is not fold.UNKNOWN:
                st.consts[var] = const
            elif typ is not None and typ in self.ctx.request_types:
                st.types[var] = typ
            elif isinstance(value, ir.Call) and isinstance(value.func, ir.Name) and \
                    value.func.id in self.ctx.module.classes and not st.bound(value.func.id):
                st.types[var] = LOCAL_CLASS + value.func.id
            elif isinstance(value, ir.Call) and is_lookup(value) and \
                    self.ctx.callee(self, st, value.func, self.qual(st, value.func)) is None:
                # row = get_row(id): a record found by the value; its fields are stored data
                st.types[var] = RECORD
            if container:
                st.containers.add(var)
            if taint and self.ctx.name_sinks:
                self.name_sink(st, target, taint, defer=True)
            if value is not None and (fold.builds_text(value) or augmented and var in strings_before):
                st.strings.add(var)
            return
        if taint and self.ctx.name_sinks:
            self.name_sink(st, target, taint)
        if isinstance(target, (ir.Attr, ir.Index)):
            if isinstance(target, ir.Index):  # info["name"] = v: info is a mapping, not text
                self.used_as_mapping(st, target.obj, target.key)
            if taint:
                self.store_sink(st, target, taint)
            p = self.path_of(st, target)
            if p is None:
                return  # a store into something not local: not followed
            var, path = p
            if var not in st.taint and var in self.ctx.globals:
                self.ctx.read_global()
                st.taint[var] = dict(self.ctx.globals[var].taint.get(var, {}))
            taint = step(taint, target.span, "stored in `" + _shown(var, path) + "`", self.where)
            strong = ANY not in path
            if isinstance(value, (ir.Dict, ir.Seq)) and strong and not augmented:
                st.delete(var, path)
                self.store_literal(st, var, path, value, target.span)
            else:
                st.set(var, path, taint, strong=strong)
            return
        if isinstance(target, ir.Seq):
            parts = value.items if isinstance(value, ir.Seq) and len(value.items) == len(
                target.items) else None
            for i, t in enumerate(target.items):
                if parts is not None:
                    self.assign(st, t, parts[i], self.expr(st, parts[i]), False)
                else:
                    self.assign(st, t, None, taint, False)
            return
        if isinstance(target, ir.Op) and target.items:  # *rest
            self.assign(st, target.items[0], None, taint, False)

    def store_literal(self, st: State, var: str, path: Path, value, span) -> None:
        """A dict or list literal stored slot by slot, so a constant slot stays clean."""
        st.set(var, path, CLEAN)
        if isinstance(value, ir.Dict):
            items = [(self.key(st, k) if k is not None else ANY, v) for k, v in value.items]
        else:
            items = [(f"[{i}]" if value.kind != "set" else ANY, v) for i, v in enumerate(value.items)]
            if value.kind == "list" and not any(isinstance(v, ir.Op) and v.op == "*" for v in value.items):
                st.sizes[(var, path)] = len(value.items)
        for (k, v), (key_expr, _) in zip(items, value.items if isinstance(value, ir.Dict)
                                          else [(None, x) for x in value.items]):
            t = self.expr(st, v)
            if t and self.ctx.name_sinks and isinstance(key_expr, ir.Const):
                self.name_sink(st, ir.Name(str(key_expr.value), v.span), t)  # {"token": value}
            if t:
                st.set(var, path + (k,), step(t, span, "stored in `" + _shown(var, path + (k,)) + "`",
                                              self.where), strong=k != ANY)


def _shown(var: str, path: Path) -> str:
    return var + "".join(path)
