"""What a call does to taint: sinks, sources, sanitizers, the file's own functions (through
their summaries), container methods, and by default a value built from its inputs."""

from __future__ import annotations

from . import fold, ir, printf
from .checks import CHECKED, RECORD
from .spec import LOCAL_CLASS
from .state import ANY, State
from .summary import SinkFlow
from .taint import ALL, CLEAN, Label, Step, clean, step, union

# Methods that store their arguments in the object they are called on.
_STORING = frozenset({"append", "extend", "insert", "add", "appendleft", "extendleft", "push",
                      "unshift", "update", "set", "put", "setdefault", "write", "writelines",
                      "read_string", "read_dict", "read_file", "readfp", "feed"})
# The object a method is defined on.
_INSTANCE = frozenset({"self", "cls"})
_ALL = frozenset({ALL})
_MAPPING_METHODS = frozenset({"get", "items", "keys", "values", "setdefault", "getlist"})
# Methods that read one slot of a container.
_SLOT_READS = frozenset({"get", "pop", "getlist", "setdefault"})


# re.sub("[\r\n]", "", x): no line breaks left for a header or a log line
_LINE_BREAK_KINDS = frozenset({"header", "log"})


def _strips_line_breaks(pattern: ir.Expr, repl: ir.Expr) -> bool:
    if not (isinstance(pattern, ir.Const) and isinstance(pattern.value, str)
            and isinstance(repl, ir.Const) and isinstance(repl.value, str)):
        return False
    p, r = pattern.value, repl.value
    return (("\r" in p or "\\r" in p) and ("\n" in p or "\\n" in p)
            and "\n" not in r and "\r" not in r)


_SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "/bin/sh", "/bin/bash", "/usr/bin/bash",
                     "/bin/zsh", "cmd", "cmd.exe", "powershell", "pwsh"})


def _is_shell_c(items: list) -> bool:
    a, b = items[0], items[1]
    return isinstance(a, ir.Const) and a.value in _SHELLS and isinstance(b, ir.Const) and \
        b.value in ("-c", "/c", "/C", "-Command")


# methods that give a record's own address on this site (Django's convention)
_OWN_URLS = frozenset({"get_absolute_url"})


def _fixed_prefix(st, interp, e: ir.Call, sink, kind: str) -> bool:
    """redirect("/wallet?usr=" + x), redirect(LOGIN_URL + "?next=" + x): the target's start
    is a literal the rule calls safe (a local path, a fixed host)."""
    exprs = _sink_exprs(e, sink)
    return bool(exprs) and all(fixed_start(st, interp, x, sink.safe_prefix, kind) for x in exprs)


def fixed_start(st, interp, x: ir.Expr, safe, kind: str | None = None) -> bool:
    """Text built with a start that ``safe`` (a regex) accepts, or that the application makes
    itself (reverse(...), settings.LOGIN_URL): whatever follows cannot move it elsewhere."""
    head = x.items[0] if isinstance(x, ir.Op) and x.op in ("+", "fstring", "%") and x.items else None
    if head is None:
        return False
    value = fold.fold(head, lambda n: interp.const(st, n))
    if isinstance(value, str) and x.op == "%" and value.startswith("%s") and len(x.items) > 1:
        # "%s?next=%s" % (settings.LOGIN_URL, x): the first value is the start
        first = x.items[1].items[0] if isinstance(x.items[1], ir.Seq) and x.items[1].items \
            else x.items[1]
        head, value = first, fold.fold(first, lambda n: interp.const(st, n))
    if isinstance(value, str):
        return len(value) < 4096 and bool(safe.search(value))
    if isinstance(head, ir.Call) and isinstance(head.func, ir.Attr) and head.func.name in _OWN_URLS:
        return True  # f"{obj.get_absolute_url()}?q={x}": a model's own page on this site
    # a start the application makes is fixed (or one a sanitizer made safe for this kind: a
    # url = reverse("page", kwargs=...) of the site's routes); a literal or one from outside not
    if isinstance(head, ir.Const):
        return False
    start = interp.expr(st.copy(), head)
    return not start or kind is not None and all(lb.safe_for(kind) for lb in start)


def _receiver_matches(sink, obj: ir.Expr) -> bool:
    if sink.receiver_names is None:
        return True
    name = obj.id if isinstance(obj, ir.Name) else obj.name if isinstance(obj, ir.Attr) else None
    if isinstance(obj, ir.Call):  # connection.cursor().execute: the method that made it
        f = obj.func
        name = f.name if isinstance(f, ir.Attr) else f.id if isinstance(f, ir.Name) else None
    return name is not None and len(name) <= 200 and bool(sink.receiver_names.search(name))


def _literal_lacks(e: ir.Call, keywords: tuple[str, ...], text: str) -> bool:
    for k in keywords:
        v = e.kwargs.get(k)
        if isinstance(v, ir.Const) and isinstance(v.value, str) and text not in v.value.lower():
            return True
    return False


def _sink_exprs(e: ir.Call, sink) -> list:
    if sink.template is not None:
        return list(e.args[sink.template:])
    if sink.receiver or not sink.args:
        return [] if sink.receiver else list(e.args) + list(e.kwargs.values())
    return [e.args[a] if isinstance(a, int) else e.kwargs[a] for a in sink.args
            if isinstance(a, int) and a < len(e.args) or isinstance(a, str) and a in e.kwargs]


class CallSemantics:
    """Mixed into the Interpreter (``self.expr``, ``self.qual``, ``self.ctx`` ...)."""

    def call(self, st: State, e: ir.Call) -> frozenset[Label]:
        if CHECKED in st.consts and e.args:
            proven = self.expr_checked(st, e)
            if proven is not None:
                return proven
        func = e.func
        method = func.name if isinstance(func, ir.Attr) else None
        q = self.qual(st, func)
        local_obj = q is None or q.startswith(LOCAL_CLASS)
        recv = self.expr(st, func.obj) if method is not None and local_obj else CLEAN
        if method is not None and q is not None and isinstance(func.obj, ir.Call):
            recv = self.expr(st, func.obj)
        args = [self.expr(st, a) for a in e.args]
        kwargs = {k: self.expr(st, v) for k, v in e.kwargs.items()}
        if method == "format":  # "{}".format(data): each value as text
            args = [self.as_text(st, a, t) for a, t in zip(e.args, args)]
            kwargs = {k: self.as_text(st, e.kwargs[k], t) for k, t in kwargs.items()}
        star = union(*[self.expr(st, s) for s in e.star])
        self.check_sinks(st, e, q, method, recv, args, kwargs, star)
        if method in _MAPPING_METHODS:
            self.used_as_mapping(st, func.obj)
        if self.ctx.name_sinks:
            for k, v in e.kwargs.items():  # jsonify(reset_token=value): used as a token
                if kwargs[k]:
                    self.name_sink(st, ir.Name(k, v.span), kwargs[k])
        if q is not None:
            kinds = self.ctx.model.sanitizer_of(q)
            if kinds is None and method is not None:  # a method of a module-level object
                kinds = self.ctx.model.sanitizer_of("." + method)
            if kinds is not None:
                return clean(union(recv, *args, *kwargs.values(), star), kinds)
            if method == "get" and e.args and self.server_value(q[:-4], e.args[0]):
                return CLEAN  # environ.get("REMOTE_ADDR")
            src = self.source(st, q, e.span)
            if src:
                return src
        elif method is not None:
            kinds = self.ctx.model.sanitizer_of("." + method)
            if kinds is not None:
                return clean(union(recv, *args, *kwargs.values(), star), kinds)
        if fold.returns_validated(e):  # the project's own validator, by its name
            return clean(union(recv, *args, *kwargs.values(), star), _ALL)
        target = self.ctx.callee(self, st, func, q)
        if target is not None:
            return self.apply_summary(st, e, target, args, kwargs, star)
        if q == "re.sub" and len(e.args) >= 3 and _strips_line_breaks(e.args[0], e.args[1]):
            return clean(args[2], _LINE_BREAK_KINDS)
        if method is not None and q is None:
            p = self.path_of(st, func.obj)
            if p is not None:
                handled = self.container_method(st, e, p, method, args)
                if handled is not None:
                    return handled
        if method in _SLOT_READS and (e.args or e.kwargs):
            # CHOICES.get(name, default), Model.objects.get(pk=x): what the container holds,
            # not the key looked up
            return union(recv, *args[1:])
        props = self.ctx.model.propagators
        if props is not None and props.opens_store(q):
            return CLEAN  # SessionStore(key).load(): what the server stored under the key
        if (props is None or props.carry_arguments(q, method) or q in self.ctx.module.classes
                or q is not None and q.startswith(LOCAL_CLASS)):
            return union(recv, *args, *kwargs.values(), star)
        # a call it cannot see into (get_activity(id), check(url)): not its arguments
        if method is not None and isinstance(func.obj, ir.Name) and func.obj.id in _INSTANCE:
            # an inherited method (self.get_success_url()): not what was stored in self's
            # attributes, only what self itself carries
            return st.taint.get(func.obj.id, {}).get((), CLEAN)
        return recv

    def container_method(self, st: State, e: ir.Call, p, method: str, args) -> frozenset | None:
        var, path = p
        if var not in st.taint and var in self.ctx.globals:
            self.ctx.read_global()
            st.taint[var] = dict(self.ctx.globals[var].taint.get(var, {}))
        if method == "pop":
            st.sizes.pop((var, path), None)
        if method in _SLOT_READS and e.args:
            value = self.read_var(st, var, path + (self.key(st, e.args[0]),))
            if method == "pop" and self.key(st, e.args[0]) != ANY:
                st.delete(var, path + (self.key(st, e.args[0]),))
            return union(value, *args[1:])
        if method == "pop":
            return self.read_var(st, var, path)
        size = st.sizes.pop((var, path), None)
        if method == "append" and size is not None and len(args) == 1:
            # a list of known length: the value goes to a known slot
            st.set(var, path + (f"[{size}]",), step(args[0], e.span, f"stored in `{var}`", self.where))
            st.sizes[(var, path)] = size + 1
            return CLEAN
        if method in _STORING and (any(args) or e.args and isinstance(e.args[0], ir.Dict)):
            if method == "update" and e.args and isinstance(e.args[0], ir.Dict):
                for k, v in e.args[0].items:
                    t = self.expr(st, v)
                    key = self.key(st, k) if k is not None else ANY
                    st.set(var, path + (key,), step(t, e.span, f"stored in `{var}`", self.where),
                           strong=key != ANY)
                return CLEAN
            st.set(var, path + (ANY,), step(union(*args), e.span, f"stored in `{var}`", self.where),
                   strong=False)
            return CLEAN
        if method == "clear":
            st.delete(var, path)
            st.set(var, path, CLEAN)
            return CLEAN
        return None

    # -- sinks ---------------------------------------------------------------------------
    def check_sinks(self, st, e: ir.Call, q, method, recv, args, kwargs, star) -> None:
        index = self.ctx.sink_index
        found = index.get(q, ()) if q is not None else ()
        if method is not None:
            by_method = index.get("." + method, ())
            if by_method and not self.module_function(st, e.func):
                found = found + tuple(rs for rs in by_method if rs not in found
                                      and _receiver_matches(rs[1], e.func.obj))
        for rule, sink in found:
            if sink.unless_literal is not None and _literal_lacks(e, *sink.unless_literal):
                continue
            if sink.unless is not None:
                value = e.kwargs.get(sink.unless[0])
                if value is not None and self.qual(st, value) in sink.unless[1]:
                    continue
            if sink.when_keyword is not None:
                name, want = sink.when_keyword
                value = e.kwargs.get(name, _option(e, name))
                if value is None or fold.fold(value, lambda n: self.const(st, n)) != want:
                    continue
            if sink.safe_prefix is not None and _fixed_prefix(st, self, e, sink, rule.kind):
                continue
            if rule.kind == "redirect" and self.model_instances(st, _sink_exprs(e, sink)):
                continue
            taint = self.sink_taint(st, e, sink, recv, args, kwargs, star)
            if taint:
                shown = (q or "." + str(method)).rsplit(".", 2)
                self.hit(rule, taint, e.span, ".".join(shown[-2:]) + "()",
                         parts=lambda: self.tainted_parts(st, _sink_exprs(e, sink), rule.kind))

    def model_instances(self, st: State, exprs: list) -> bool:
        """redirect(instance): a record found or saved (``form.save()``, ``get_object(pk)``, a
        generic view's ``self.object``, a model form's ``form.instance``) is not a URL; Django
        asks it for its own address."""
        return bool(exprs) and all(
            isinstance(x, ir.Name) and st.types.get(x.id) == RECORD
            or isinstance(x, ir.Attr) and x.name == "object" and isinstance(x.obj, ir.Name)
            and x.obj.id == "self"
            or isinstance(x, ir.Attr) and x.name == "instance" for x in exprs)  # form.instance

    def module_function(self, st: State, func: ir.Expr) -> bool:
        """re.search, os.path.join: a function of an imported module, not a method."""
        root = func
        while isinstance(root, ir.Attr):
            root = root.obj
        return isinstance(root, ir.Name) and not st.bound(root.id) and \
            root.id in self.ctx.module.modules and root.id not in self.ctx.globals

    def sink_taint(self, st, e: ir.Call, sink, recv, args, kwargs, star) -> frozenset[Label]:
        if sink.receiver:
            return recv
        if sink.template is not None:
            return self.template_taint(st, e, sink.template, args, star)
        if not sink.args:
            return union(*args, *kwargs.values(), star)
        # *args may fill any position; **kwargs only keywords
        # a position the call fills: its keyword is not in a **kwargs as well
        positional = any(isinstance(a, int) and a < len(args) for a in sink.args)
        out = star if any(isinstance(a, int) for a in sink.args) and any(
            not isinstance(s, ir.Op) or s.op != "**" for s in e.star) else CLEAN
        for a in sink.args:
            if isinstance(a, int) and a < len(args):
                t = args[a]
                if a == 0 and sink.argv_list and isinstance(e.args[0], ir.Name) and \
                        (e.args[0].id, ()) in st.sizes and "shell" not in e.kwargs:
                    # cmd = ["git", "log"]; cmd.append(x); run(cmd): only cmd[0] is a program
                    t = self.read_var(st, e.args[0].id, ("[0]",))
                if a == 0 and sink.argv_list and isinstance(e.args[0], ir.Seq) and e.args[0].items:
                    shell = e.kwargs.get("shell")
                    if shell is None or fold.truth(shell, lambda n: self.const(st, n)) is False:
                        items = e.args[0].items
                        t = self.expr(st, items[0])  # only the program is a command ...
                        if len(items) > 2 and _is_shell_c(items):  # ... or ["sh", "-c", line]
                            t = union(t, self.expr(st, items[2]))
                out = union(out, t)
            elif isinstance(a, str) and a not in kwargs and not positional and any(
                    isinstance(s, ir.Op) and s.op == "**" for s in e.star):
                out = union(out, star)
            elif isinstance(a, str) and a in kwargs:
                value = kwargs[a]
                if sink.argv_list and isinstance(e.kwargs[a], ir.Seq) and e.kwargs[a].items:
                    value = self.expr(st, e.kwargs[a].items[0])
                out = union(out, value)
        return out

    def template_taint(self, st, e: ir.Call, at: int, args, star) -> frozenset[Label]:
        """log.info("user %r, %d tries", name, n): the template and the values it formats, each
        as its conversion formats it; keywords (exc_info=, extra=) are not in the text."""
        if at >= len(e.args):
            return star
        template = fold.fold(e.args[at], lambda n: self.const(st, n))
        convs = printf.percent(template) if isinstance(template, str) else None
        if convs is None or any(k is not None for k, _ in convs) or \
                len(convs) != len(e.args) - at - 1:
            # not a literal template: every value as text
            return union(star, *[self.as_text(st, x, t) for x, t in zip(e.args[at:], args[at:])])
        out = union(self.as_text(st, e.args[at], args[at]), star)
        for x, value, (_, how) in zip(e.args[at + 1:], args[at + 1:], convs):
            kinds = self.ctx.model.sanitizer_of(how) if how != printf.TEXT else None
            out = union(out, clean(value, kinds) if kinds else self.as_text(st, x, value))
        return out

    def tainted_parts(self, st: State, exprs: list, kind: str) -> tuple:
        """The spans of the pieces of the sink's arguments that carry the taint (an f-string's
        interpolations, the operands of a +): where a fix escapes or parameterises."""
        probe, out = st.copy(), []  # (a copy: evaluating again must not change the state)
        for x in exprs:
            pieces = x.items if isinstance(x, ir.Op) else [x]
            for p in pieces:
                if any(not lb.safe_for(kind) for lb in self.expr(probe, p)):
                    out.append(p.span)
        return tuple(out)

    def hit(self, rule, taint: frozenset[Label], span, desc: str, once: bool = False,
            parts=None) -> None:
        """``once``: a value that reaches several sinks of this rule counts once (a token
        assigned to ``reset_code`` and then returned by ``make_reset_code()``)."""
        for lb in taint:
            if lb.safe_for(rule.kind) or (lb.param is None and lb.category != rule.sources):
                continue
            if rule.ignore_sources and lb.origin[7:] in rule.ignore_sources:
                continue  # ("source:" + id)
            if lb.trust != "remote" and not rule.local_sources:
                continue
            if once:
                if lb.param is not None:
                    continue  # a name is a sink for values made here, not for parameters
                key = (rule.rule_id, lb.origin, lb.at, lb.home)
                if key in self.ctx.seen_once:
                    continue
                self.ctx.seen_once.add(key)
            lb = lb.step(Step(span, f"reaches `{desc}`", self.where))
            if lb.param is not None:
                self.sink_flows.append(SinkFlow(lb.param, rule.rule_id, rule.kind, span,
                                                self.where, lb.cleared, lb.trace, desc, lb.sub))
            else:
                self.ctx.report(rule.rule_id, span, self.where, lb, desc, self.stmt,
                                parts() if parts is not None else ())


def _option(e: ir.Call, name: str) -> ir.Expr | None:
    """A keyword passed in an options object literal (``spawn(cmd, args, {shell: true})``)."""
    for a in e.args:
        if isinstance(a, ir.Dict):
            for k, v in a.items:
                if isinstance(k, ir.Const) and k.value == name:
                    return v
    return None
