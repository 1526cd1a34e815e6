"""Flow shapes: how the value gets from the source to the sink (vulnerable) or why it cannot (safe)."""

from __future__ import annotations

from . import guards
from .model import Case
from .spec import Category


def source(case: Case, cat: Category, kind: str | None = None) -> str:
    kind = kind or cat.kind
    src = case.fw.source(case, kind, case.key)
    if src.isidentifier():
        case.used.add(src)
        return src
    names = ("data", "raw", "payload", "blob") if kind == "bytes" else (case.key, case.key, "value", "param")
    v = case.name(*names)
    case.add(f"{v} = {src}")
    return v


def _helper_body(case: Case, emit) -> list[str]:
    """Run ``emit`` against an empty body and return the lines it produced."""
    saved = case.body, case.level, case.done
    case.body, case.level, case.done = [], 0, False
    try:
        emit()
        return case.body
    finally:
        case.body, case.level, case.done = saved


def _def(name: str, param: str, lines: list[str], pad: str = "    ") -> str:
    return f"def {name}({param}):\n" + "\n".join(pad + ln if ln else "" for ln in lines)


# -- propagation steps that keep the value dangerous ------------------------------------------------
def propagate(case: Case, v: str, kind: str) -> tuple[str, str]:
    steps = ["dict", "list", "unpack", "attr", "with", "attr_class"]
    if kind == "str":
        steps += ["strip", "slice", "for_join", "unquote", "b64", "replace", "format_all"]
    step = case.pick(steps)
    w = case.name("item", "arg", "current", "selected", "raw_value", "clean_value", "target_value")
    if step == "dict":
        d = case.name("opts", "params", "ctx", "options")
        k = case.pick(["value", "target", "input"])
        case.add(f'{d} = {{"{k}": {v}, "mode": "fast"}}',
                 case.pick([f'{w} = {d}["{k}"]', f'{w} = {d}.get("{k}")']))
    elif step == "list":
        lst = case.name("parts", "queue", "values")
        case.add(f"{lst} = []", f"{lst}.append({v})", case.pick([f"{w} = {lst}[-1]", f"{w} = {lst}.pop()",
                                                                 f"{w} = {lst}[0]"]))
    elif step == "unpack":
        case.add(case.pick([f'{w}, mode = {v}, "default"', f'mode, {w} = ("default", {v})',
                            f'{w}, *rest = [{v}, "x"]']))
    elif step == "attr":
        case.imp("from types import SimpleNamespace")
        o = case.name("job", "task", "req_info")
        case.add(f"{o} = SimpleNamespace()", f"{o}.target = {v}", f"{w} = {o}.target")
    elif step == "attr_class":
        cls = case.pick(["Job", "Task", "Lookup", "Request"]) + "Info"
        case.block(f"class {cls}:\n    def __init__(self, target):\n        self.target = target")
        o = case.name("info", "job", "spec")
        case.add(f"{o} = {cls}({v})", f"{w} = {o}.target")
    elif step == "with":
        case.imp("import contextlib")
        case.add(f"with contextlib.nullcontext({v}) as {w}:", "    pass")
    elif step == "strip":
        case.add(f"{w} = {v}.strip()")
    elif step == "slice":
        case.add(f"{w} = {v}[:{case.pick(['200', '256', '1024'])}]")
    elif step == "for_join":
        acc = case.name("pieces", "chunks", "collected")
        case.add(f"{acc} = []", f'for part in {v}.split(","):', f"    {acc}.append(part)", f'{w} = ",".join({acc})')
    elif step == "unquote":
        case.imp("import urllib.parse")
        case.add(f"{w} = urllib.parse.unquote({v})")
    elif step == "b64":
        case.imp("import base64")
        case.add(f"{w} = base64.b64decode({v}).decode()")
    elif step == "replace":
        case.add(f'{w} = {v}.replace(" ", "")')
    else:
        case.add(case.pick([f'{w} = "{{}}".format({v})', f'{w} = "%s" % {v}', f'{w} = f"{{{v}}}"']))
    return w, step


# -- vulnerable ----------------------------------------------------------------------------------
def v_direct(case: Case, cat: Category) -> None:
    v = source(case, cat)
    steps = []
    for _ in range(case.pick([0, 0, 1, 1, 2])):
        v, step = propagate(case, v, cat.kind)
        steps.append(step)
    cat.sink(case, v)
    case.reason = "straight flow" + (" via " + ", ".join(steps) if steps else "")


PASSTHROUGH = ["return value.strip()", "return value", "return str(value)", "return value[:500]",
               'return value or ""']


def v_helper(case: Case, cat: Category) -> None:
    options = ["passthrough"]
    if cat.usable_sinks(case, helper=True):
        options += ["sink", "sink", "method"]
    if case.fw.name in ("flask", "django", "script"):
        options.append("source")
    kind = case.pick(options)
    if kind == "source":
        src = case.fw.source(case, cat.kind, case.key)
        if src.isidentifier():  # a route parameter: nothing to wrap
            kind = "passthrough"
            v = src
        else:
            fn = case.name("read_" + case.key, "get_" + case.key, "current_" + case.key)
            param, arg = ("request", "request") if case.fw.name == "django" else ("", "")
            case.block(_def(fn, param, [f"return {src}"]))
            v = case.name(case.key, "value")
            case.add(f"{v} = {fn}({arg})")
            cat.sink(case, v)
            case.reason = "flow from a helper that returns the source"
            return
    else:
        v = source(case, cat)
    if kind == "passthrough":
        fn = case.name("normalize_" + case.key, "prepare", "clean_input", "to_text")
        body = case.pick(PASSTHROUGH) if cat.kind == "str" else "return value"
        case.block(_def(fn, "value", [body]))
        w = case.name("prepared", "normalized", "arg")
        case.add(f"{w} = {fn}({v})")
        cat.sink(case, w)
        case.reason = "flow through a same-file helper that returns its argument"
        return
    lines = _helper_body(case, lambda: cat.sink(case, "value", helper=True))
    if kind == "sink":
        fn = case.name("run_" + cat.name.replace("-", "_"), "process_" + case.key, "handle_" + case.key)
        case.block(_def(fn, "value", lines))
        case.add(f"{fn}({v})")
        case.reason = "flow into a same-file helper that contains the sink"
    else:
        cls = case.pick(["Service", "Backend", "Worker", "Gateway"])
        meth = case.pick(["run", "process", "lookup", "execute"])
        case.block(f"class {cls}:\n    " + _def(meth, "self, value", lines, "        "))
        case.add(f"{cls}().{meth}({v})")
        case.reason = "flow into a method of a same-file class that contains the sink"


def v_wrong(case: Case, cat: Category) -> None:
    if not cat.wrong:
        return v_direct(case, cat)
    v = source(case, cat)
    tx = case.pick(cat.wrong)
    w = cat.apply(case, tx, v)
    cat.sink(case, w, tag=tx.tag)
    case.reason = f"sanitizer of the wrong kind ({tx.what}) before a {cat.name} sink"


def v_slot(case: Case, cat: Category) -> None:
    v = source(case, cat)
    c = cat.const(case)
    style = case.pick(["dict", "list", "append"])
    if style == "dict":
        d = case.name("settings", "opts", "cfg")
        case.add(f'{d} = {{"user": {v}, "default": {c}}}')
        cat.sink(case, f'{d}["user"]')
    elif style == "list":
        lst = case.name("candidates", "args", "values")
        case.add(f"{lst} = [{c}, {v}]")
        cat.sink(case, f"{lst}[1]")
    else:
        lst = case.name("candidates", "args", "values")
        case.add(f"{lst} = [{c}]", f"{lst}.append({v})")
        cat.sink(case, f"{lst}[-1]")
    case.reason = f"tainted container slot ({style}) reaches the sink"


def v_near(case: Case, cat: Category) -> None:
    v = source(case, cat)
    near = case.pick(guards.NEAR_BY_CATEGORY.get(cat.name, guards.NEAR_GENERIC))
    w = near(case, cat, v)
    cat.sink(case, w)
    case.reason = f"check that does not protect ({near.__name__})"


def v_branch(case: Case, cat: Category) -> None:
    v = source(case, cat)
    c = cat.const(case)
    style = case.pick(["default", "ternary", "flag"])
    if style == "default":
        case.add(f"if not {v}:", f"    {v} = {c}")
        cat.sink(case, v)
    elif style == "ternary":
        w = case.name("chosen", "effective", "selected")
        case.add(f"{w} = {v} if {v} else {c}")
        cat.sink(case, w)
    else:
        saved = case.key
        case.key = "verbose" if cat.kind == "str" else "mode"
        flag = source(case, cat, "str")
        case.key = saved
        case.add(f"if {flag}:")
        with case.nested():
            cat.sink(case, v)
    case.reason = f"branch decided at run time ({style}) still lets the value through"


# -- safe ---------------------------------------------------------------------------------------------
def s_const_branch(case: Case, cat: Category) -> None:
    v = source(case, cat)
    c = cat.const(case)
    style = case.pick(["if_false", "mode", "mode", "ternary", "match", "module_flag"])
    if style == "if_false":
        case.add(case.pick(["if False:", "if 0:"]))
        with case.nested():
            cat.sink(case, v)
    elif style == "mode":
        m = case.name("mode", "strategy", "backend")
        case.add(f'{m} = "{case.pick(["safe", "local", "cached"])}"', f'if {m} == "legacy":')
        with case.nested():
            cat.sink(case, v)
        case.add("else:")
        with case.nested():
            cat.sink(case, c)
    elif style == "ternary":
        w = case.name("chosen", "effective", "selected")
        case.add(case.pick([f"{w} = {v} if False else {c}", f"use_input = False\n{w} = {v} if use_input else {c}"]))
        cat.sink(case, w)
    elif style == "match":
        m = case.name("mode", "action")
        case.add(f'{m} = "default"', f"match {m}:", '    case "raw":')
        with case.nested(), case.nested():
            cat.sink(case, v)
        case.add("    case _:")
        with case.nested(), case.nested():
            cat.sink(case, c)
    else:
        flag = case.pick(["ENABLE_RAW_INPUT", "DEBUG_PASSTHROUGH", "LEGACY_MODE"])
        case.block(f"{flag} = False")
        case.add(f"if {flag}:")
        with case.nested():
            cat.sink(case, v)
    case.reason = f"constant branch ({style}): the flow is dead code"


def s_guard(case: Case, cat: Category) -> None:
    options = [guards.GENERIC[g] for g in cat.guards] + guards.OWN_GUARDS.get(cat.name, []) * 2
    guard = case.pick(options)
    v = source(case, cat, "json" if guard is guards.isinstance_int else None)
    var, s, tag = guard(case, cat, v)
    cat.sink(case, var, s, tag)
    case.reason = f"guard with early exit ({guard.__name__})"


def s_right(case: Case, cat: Category) -> None:
    v = source(case, cat)
    options = list(cat.right) + list(cat.safe_forms)
    choice = case.pick(options)
    if callable(choice):
        choice(case, v)
        case.reason = f"safe API for the same job ({choice.__name__.strip('_')})"
        return
    w = cat.apply(case, choice, v)
    cat.sink(case, w, choice.is_str, choice.tag)
    case.reason = f"sanitizer of the right kind ({choice.what})"


def s_slot(case: Case, cat: Category) -> None:
    v = source(case, cat)
    c = cat.const(case)
    style = case.pick(["dict", "list", "append", "unpack", "dict_store"])
    if style == "dict":
        d = case.name("settings", "opts", "cfg")
        case.add(f'{d} = {{"user": {v}, "default": {c}}}')
        cat.sink(case, f'{d}["default"]')
    elif style == "list":
        lst = case.name("candidates", "args", "values")
        case.add(f"{lst} = [{v}, {c}]")
        cat.sink(case, f"{lst}[1]")
    elif style == "append":
        lst = case.name("candidates", "args", "values")
        case.add(f"{lst} = [{c}]", f"{lst}.append({v})")
        cat.sink(case, f"{lst}[0]")
    elif style == "unpack":
        a = case.name("requested", "given")
        b = case.name("fallback", "default_value")
        case.add(f"{a}, {b} = {v}, {c}")
        cat.sink(case, b)
    else:
        d = case.name("ctx", "state")
        case.add(f"{d} = {{}}", f'{d}["requested"] = {v}', f'{d}["effective"] = {c}')
        cat.sink(case, f'{d}["effective"]')
    case.reason = f"constant container slot ({style}) reaches the sink"


def s_reassign(case: Case, cat: Category) -> None:
    v = source(case, cat)
    c = cat.const(case)
    if case.chance(0.3) and not c.startswith(("b'", 'b"', "DEFAULT")):
        name = "DEFAULT_" + case.key.upper()
        case.block(f"{name} = {c}")
        c = name
    case.add(case.pick([f"{v} = {c}", f"# the requested value is ignored for now\n{v} = {c}"]))
    cat.sink(case, v)
    case.reason = "re-assignment with a constant kills the taint"


def s_helper(case: Case, cat: Category) -> None:
    v = source(case, cat)
    form_ok = case.fw.name in ("flask", "django", "fastapi", "script") and cat.needs != "session"
    options = ["form"] if cat.safe_forms and form_ok else []
    if cat.right:
        options += ["sanitize", "sanitize"]
    if cat.allowed:
        options.append("mapping")
    kind = case.pick(options)
    if kind == "sanitize":
        tx = case.pick(cat.right)
        case.imp(*tx.imports)
        fn = case.name("sanitize_" + case.key, "clean_" + case.key, "safe_" + case.key)
        case.block(_def(fn, "value", [f"return {tx.fmt.format('value')}"]))
        w = case.name("cleaned", "safe_value", "checked")
        case.add(f"{w} = {fn}({v})")
        cat.sink(case, w, tx.is_str, tx.tag)
        case.reason = f"same-file helper applies the right sanitizer ({tx.what})"
    elif kind == "mapping":
        table = case.pick(["CHOICES", "TARGETS", "MAPPING"])
        pairs = ", ".join(f'"{k}": "{a}"' for k, a in zip(("a", "b", "c"), cat.allowed))
        case.block(f"{table} = {{{pairs}}}")
        fn = case.name("resolve_" + case.key, "lookup_" + case.key)
        case.block(_def(fn, "name", [f"return {table}.get(name, {cat.const(case)})"]))
        w = case.name("resolved", "mapped")
        case.add(f"{w} = {fn}({v})")
        cat.sink(case, w)
        case.reason = "same-file helper maps the input to a constant value"
    else:
        form = case.pick(cat.safe_forms)
        lines = _helper_body(case, lambda: form(case, "value"))
        fn = case.name("load_" + case.key, "fetch_" + case.key, "do_" + case.key)
        if any(ln.startswith("return") for ln in lines):
            case.block(_def(fn, "value", lines))
            case.respond([f"return {fn}({v})"])
        else:
            case.block(_def(fn, "value", lines))
            case.add(f"{fn}({v})")
        case.reason = f"same-file helper uses the safe API ({form.__name__.strip('_')})"


VULNERABLE = [(v_direct, 10), (v_helper, 5), (v_wrong, 3), (v_slot, 2), (v_near, 2), (v_branch, 2)]
SAFE = [(s_const_branch, 4), (s_guard, 5), (s_right, 6), (s_slot, 3), (s_reassign, 3), (s_helper, 3)]
