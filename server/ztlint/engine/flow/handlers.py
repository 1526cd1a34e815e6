"""Where a function's analysis starts: which functions are route handlers (their parameters
come from the request), which parameters hold the request, and what is known of the others."""

from __future__ import annotations

import re

from . import ir
from .state import State
from .taint import CLEAN, Label, Step

# decorators named like routes that are not (unittest.mock.patch, pytest ...)
_NOT_ROUTES = frozenset({"unittest", "mock", "pytest", "functools", "contextlib", "typing"})
_NUMERIC = frozenset({"int", "float", "bool", "uuid.UUID", "UUID", "Decimal", "datetime",
                      "date"})


class EntryStates:
    """Mixed into analysis.FileAnalysis (``self.model``, ``self.module``, ``self.resolve`` ...)."""

    # -- entry state ---------------------------------------------------------------------
    def entry(self, fn: ir.Function) -> State:
        st = State()
        handler = self.is_handler(fn)
        numeric = _numeric_route_params(fn) if handler else set()
        segments = _segment_route_params(fn) if handler else set()
        if fn.class_name and fn.params and fn.params[0].kind == "self":
            typ = self.base_type(fn.class_name)
            if typ is not None:  # self in a BaseHTTPRequestHandler: self.path is the request's
                st.types[fn.params[0].name] = typ
        for i, p in enumerate(fn.params):
            if i == 0 and p.name in st.types:
                continue
            typ = self.request_type(p, fn)
            if typ is not None:
                st.types[p.name] = typ
                continue
            if p.kind == "self":
                st.set(p.name, (), CLEAN)
                continue
            if handler and not self.injected(p):
                if _numeric(p.annotation) or p.name in numeric:
                    st.set(p.name, (), CLEAN)
                    continue
                what = f"route parameter `{p.name}`"
                # one URL segment (<name>, {name}): no "/" in it, so not a path of its own
                cleared = frozenset({"path"}) if p.name in segments else frozenset()
                st.set(p.name, (), frozenset({Label("source:route", p.span, fn.name, cleared, "remote",
                                                    what, "untrusted",
                                                    (Step(p.span, f"tainted by {what}", fn.name),))}))
                continue
            if _numeric(p.annotation):
                st.set(p.name, (), CLEAN)
                continue
            st.set(p.name, (), frozenset({Label(f"param:{i}", p.span, fn.name)}))
        return st

    def request_type(self, p: ir.Param, fn: ir.Function) -> str | None:
        ann = (p.annotation or "").rsplit(".", 1)[-1]
        for r in self.model.request_params:
            if ann and (ann in r.annotations or p.annotation in r.annotations):
                return r.type
            named = p.name in r.names or not r.names and bool(r.callbacks_of)
            if named and (not p.annotation or not r.callbacks_of) and _position(fn, p) == r.position and (
                    not r.callbacks_of or fn.registered_by in r.callbacks_of):
                return r.type
        return None

    def base_type(self, cls: str) -> str | None:
        """The request type of a class whose base the model names (a request handler)."""
        seen = 0
        while cls is not None and seen < 16:
            seen += 1
            for base in self.module.classes.get(cls, []):
                q = ".".join([self.resolve(base.split(".")[0])] + base.split(".")[1:])
                for r in self.model.request_params:
                    if q in r.bases:
                        return r.type
            local = [b for b in self.module.classes.get(cls, []) if b in self.module.classes]
            cls = local[0] if local else None
        return None

    @staticmethod
    def first_real_param(fn: ir.Function) -> ir.Param | None:
        return next((p for p in fn.params if p.kind != "self"), None)

    def is_handler(self, fn: ir.Function) -> bool:
        short = fn.name.rsplit(".", 1)[-1]
        for h in self.model.handlers:
            if h.imports and not any(v.split(".")[0] in h.imports for v in self.module.imports.values()):
                continue
            for d in fn.decorators:
                f = d.func if isinstance(d, ir.Call) else d
                name = f.name if isinstance(f, ir.Attr) else f.id if isinstance(f, ir.Name) else ""
                if name in h.decorators and not (isinstance(f, ir.Name) and self.resolve(
                        f.id).split(".")[0] in _NOT_ROUTES):
                    return True
            first = self.first_real_param(fn)
            if h.first_param and first is not None and first.name in h.first_param \
                    and not first.annotation and not fn.class_name and short not in self.module.called \
                    and (h.paths is None or h.paths.search(self.path)):
                return True  # a view: called by the framework, not by this file
            if h.bases and fn.class_name and short in h.methods and self._subclass_of(fn.class_name, h.bases):
                return True
        return False

    def _subclass_of(self, cls: str, bases: tuple[str, ...]) -> bool:
        seen = 0
        while cls is not None and seen < 16:
            seen += 1
            for base in self.module.classes.get(cls, []):
                q = ".".join([self.resolve(base.split(".")[0])] + base.split(".")[1:])
                if q in bases or q.rsplit(".", 1)[-1] in bases:
                    return True
            local = [b for b in self.module.classes.get(cls, []) if b in self.module.classes]
            cls = local[0] if local else None
        return False

    def injected(self, p: ir.Param) -> bool:
        d = p.default
        if isinstance(d, ir.Call):
            f = d.func
            name = f.name if isinstance(f, ir.Attr) else f.id if isinstance(f, ir.Name) else ""
            return any(name in h.injected for h in self.model.handlers)
        return False


_CONVERTER = re.compile(r"<(?:int|float|uuid):(\w+)>|\{(\w+):(?:int|float|uuid)\}")


_SEGMENT = re.compile(r"<(?:string:)?(\w+)>|<string\([^)]*\):(\w+)>|\{(\w+)\}")


def _segment_route_params(fn: ir.Function) -> set[str]:
    """Route parameters that are one URL segment: Flask "<name>", "<string:name>", FastAPI
    "{name}" (not "<path:name>" or "{name:path}")."""
    out: set[str] = set()
    for d in fn.decorators:
        if isinstance(d, ir.Call) and d.args and isinstance(d.args[0], ir.Const) and \
                isinstance(d.args[0].value, str) and len(d.args[0].value) < 2000:
            for m in _SEGMENT.finditer(d.args[0].value):
                out.add(m.group(1) or m.group(2) or m.group(3))
    return out


def _numeric_route_params(fn: ir.Function) -> set[str]:
    """Route parameters a converter makes numbers: "/t/<int:tid>", "/t/{tid:int}", and regex
    routes' digit-only groups: r"^year/(\\d+)/$", r"(?P<pk>[0-9]+)" (Wagtail @route, re_path)."""
    out: set[str] = set()
    for d in fn.decorators:
        if isinstance(d, ir.Call) and d.args and isinstance(d.args[0], ir.Const) and \
                isinstance(d.args[0].value, str) and len(d.args[0].value) < 2000:
            for m in _CONVERTER.finditer(d.args[0].value):
                out.add(m.group(1) or m.group(2))
            if d.args[0].value.startswith("^"):
                out |= _digit_groups(fn, d.args[0].value)
    return out


_GROUP = re.compile(r"\\.|\((\?P<(\w+)>)?(\?)?")
_DIGITS = re.compile(r"(?:\\d|\[0-9\])(?:\+|\{\d+(?:,\d*)?\})\)")


def _digit_groups(fn: ir.Function, pattern: str) -> set[str]:
    """Parameters filled by capturing groups that admit only digits: named groups by name,
    the others in order after the request parameter."""
    real = [p.name for p in fn.params if p.kind != "self"][1:]
    out, index = set(), 0
    for m in _GROUP.finditer(pattern):
        if m.group(0).startswith("\\") or (m.group(3) and not m.group(1)):
            continue  # an escape, or a group that captures nothing: (?:...), (?=...)
        if _DIGITS.match(pattern, m.end()):
            name = m.group(2) or (real[index] if index < len(real) else None)
            if name:
                out.add(name)
        index += 1
    return out


def _numeric(annotation: str | None) -> bool:
    return bool(annotation) and annotation.rsplit(".", 1)[-1] in _NUMERIC


def _position(fn: ir.Function, p: ir.Param) -> int:
    real = [q for q in fn.params if q.kind != "self"]
    return next((i for i, q in enumerate(real) if q is p), -1)
