"""Constant folding and guards: what a condition decides from literals, and what a check on
a tainted value proves about it in each branch."""

from __future__ import annotations

import operator
import re

from . import ir
from .taint import ALL

UNKNOWN = object()

_COMPARE = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le,
            ">": operator.gt, ">=": operator.ge, "is": operator.is_, "is not": operator.is_not,
            "in": lambda a, b: a in b, "not in": lambda a, b: a not in b}


def fold(e: ir.Expr, lookup) -> object:
    """The value of ``e`` when literals decide it, else UNKNOWN. ``lookup(name)``: a name's
    known constant value (or UNKNOWN)."""
    if isinstance(e, ir.Const):
        return e.value
    if isinstance(e, ir.Name):
        return lookup(e.id)
    if isinstance(e, ir.Not):
        v = fold(e.expr, lookup)
        return UNKNOWN if v is UNKNOWN else not v
    if isinstance(e, ir.BoolOp):
        for item in e.items:
            v = fold(item, lookup)
            if v is UNKNOWN:
                return UNKNOWN
            if (e.op == "and") != bool(v):
                return v
        return v
    if isinstance(e, ir.Compare):
        a, b = fold(e.left, lookup), fold(e.right, lookup)
        f = _COMPARE.get(e.op)
        if a is UNKNOWN or b is UNKNOWN or f is None:
            return UNKNOWN
        try:
            return bool(f(a, b))
        except TypeError:
            return UNKNOWN
    if isinstance(e, ir.Op) and e.op == "+" and e.items:
        values = [fold(i, lookup) for i in e.items]
        if any(v is UNKNOWN for v in values) or len(values) > 64:
            return UNKNOWN
        try:
            out = values[0]
            for v in values[1:]:
                out = out + v
            return out if not isinstance(out, str) or len(out) < 4096 else UNKNOWN
        except TypeError:
            return UNKNOWN
    if isinstance(e, ir.Cond):
        t = fold(e.test, lookup)
        if t is UNKNOWN:
            return UNKNOWN
        return fold(e.body if t else e.orelse, lookup)
    return UNKNOWN


def truth(e: ir.Expr, lookup) -> bool | None:
    v = fold(e, lookup)
    if v is UNKNOWN:
        return None
    try:
        return bool(v)
    except Exception:  # noqa: BLE001 - a literal whose truth cannot be taken
        return None


# Checks on a value and the sink kinds they make it safe for, where the check holds.
_VALUE_METHODS = {"isdigit": ALL, "isnumeric": ALL, "isdecimal": ALL, "isalnum": ALL,
                  "isalpha": ALL, "isidentifier": ALL}
_ROOTED = frozenset({"path", "redirect", "ssrf"})
_PREFIX_METHODS = {"startswith": _ROOTED, "is_relative_to": _ROOTED, "startsWith": _ROOTED}
_MEMBERSHIP_METHODS = frozenset({"includes", "has"})  # ALLOWED.includes(x): an allow-list
_NUMERIC_TYPES = {"int", "float", "bool", "uuid.UUID", "UUID", "decimal.Decimal", "Decimal"}
# url_has_allowed_host_and_scheme (Django), is_safe_url, is_safe_redirect_url, safe_next_url ...
_SAFE_URL_CHECK = re.compile(r"(?i)^_*(?:url_has_allowed_host_and_scheme|(?:is_)?(?:safe|valid|allowed)"
                             r"_?(?:redirect_?|next_?)?(?:url|uri|target|next|redirect))$")

# A check by its name: is_valid_host(x), allow_redirect_uri(x), url_is_safe(x) ... (the project's
# own validators, whose code the analysis may not see)
_CHECK_FIRST = frozenset({"valid", "validate", "validated", "safe", "allow", "allowed", "permitted",
                          "trusted", "whitelisted", "allowlisted", "verify", "verified", "check",
                          "authorized", "authorised"})
_CHECK_LAST = frozenset({"valid", "allowed", "safe", "permitted", "trusted", "ok", "whitelisted",
                         "allowlisted", "authorized", "authorised"})
# A call statement that raises unless its arguments are acceptable: validate_url(x)
_RAISING_FIRST = frozenset({"validate", "check", "ensure", "assert", "verify", "require"})


# A call whose result is its argument once checked or cleaned: validate_path_is_safe(p),
# sanitize_filename(n), get_safe_redirect(u) (they raise, or return a safe value)
_VALIDATED_FIRST = frozenset({"validate", "validated", "sanitize", "sanitise", "sanitized",
                              "sanitised"})
_GET_SAFE = frozenset({"safe", "valid", "validated", "sanitized", "sanitised", "allowed"})


def returns_validated(call: ir.Call) -> bool:
    tokens = _tokens(call.func)
    if len(tokens) > 1 and tokens[0] == "get" and tokens[1] in _GET_SAFE:
        return True
    return bool(tokens) and tokens[0] in _VALIDATED_FIRST


def _tokens(func: ir.Expr) -> list[str]:
    name = func.name if isinstance(func, ir.Attr) else func.id if isinstance(func, ir.Name) else ""
    return [t for t in name.lower().split("_") if t]


def checks_signature(call: ir.Call) -> bool:
    """check_stripe_signature(payload, sig), verify_paypal_webhook(headers, body), hmac.compare_digest:
    the request was signed by whoever holds the secret (a payment provider's webhook)."""
    tokens = set(_tokens(call.func))
    return bool(tokens & {"signature", "hmac", "digest"}) and bool(
        tokens & {"check", "verify", "validate", "compare", "is", "valid", "verified"}) or \
        bool(tokens & {"verify", "validate", "check"}) and "webhook" in tokens


def signature_check_in(test: ir.Expr, holds: bool) -> ir.Call | None:
    """The signature check that holds where ``test`` is ``holds`` (``if not verify(...): abort``)."""
    while isinstance(test, ir.Not):
        test, holds = test.expr, not holds
    if isinstance(test, ir.BoolOp) and test.op == "and" and holds:
        return next((c for c in (signature_check_in(i, True) for i in test.items) if c), None)
    return test if holds and isinstance(test, ir.Call) and checks_signature(test) else None


def validator_checks(call: ir.Call, raising: bool = False) -> list:
    """Names of the variables a call that validates by its name checks (its arguments);
    ``raising``: only calls that raise on failure (a statement whose result is dropped)."""
    tokens = _tokens(call.func)
    if tokens[:1] in (["is"], ["has"], ["can"]):
        tokens = tokens[1:]
    if not tokens:
        return []
    if raising:
        ok = tokens[0] in _RAISING_FIRST
    else:
        ok = tokens[0] in _CHECK_FIRST or tokens[-1] in _CHECK_LAST
    if not ok:
        return []
    names = [checked_subject(a) for a in [*call.args, *call.kwargs.values()]]
    return [n for n in names if n]


def guards(test: ir.Expr, holds: bool, is_clean, qual) -> list[tuple[str, frozenset[str]]]:
    """(variable, sink kinds it is safe for) in the branch where ``test`` is ``holds``.
    ``is_clean(expr)``: the expression carries no taint (an allow-list, a root);
    ``qual(expr)``: its qualified name or None."""
    if isinstance(test, ir.Not):
        return guards(test.expr, not holds, is_clean, qual)
    if isinstance(test, ir.BoolOp):
        # a and b holds: both hold; a or b fails: both fail
        if (test.op == "and") == holds:
            return [g for item in test.items for g in guards(item, holds, is_clean, qual)]
        # a and b fails (a or b holds): one of them does, so only what each one proves holds
        common: dict | None = None
        for item in test.items:
            found: dict = {}
            for name, kinds in guards(item, holds, is_clean, qual):
                if isinstance(name, str):
                    found[name] = found.get(name, frozenset()) | kinds
            common = found if common is None else {
                n: _meet(common[n], found[n]) for n in common.keys() & found.keys()}
            if not common:
                return []
        return [(n, k) for n, k in (common or {}).items() if k]
    if isinstance(test, ir.Compare):
        if test.op in ("is", "is not") and isinstance(test.right, ir.Const) and test.right.value is None:
            # re.fullmatch(p, x) is None: the check holds where the comparison does not
            return guards(test.left, holds != (test.op == "is"), is_clean, qual)
        if test.op in ("is", "is not", "==", "!=") and isinstance(test.left, ir.Call) and \
                qual(test.left.func) == "type" and test.left.args:
            # type(x) is int
            name = checked_subject(test.left.args[0])
            if name and (test.op in ("is", "==")) == holds and (qual(test.right) or "") in _NUMERIC_TYPES:
                return [(name, frozenset({ALL}))]
            return []
        member = test.op in ("in", "==") and holds or test.op in ("not in", "!=") and not holds
        if not member or not is_clean(test.right):
            return []
        if isinstance(test.left, ir.Name):
            return [(test.left.id, frozenset({ALL}))]
        path = access(test.left) if test.op in ("in", "not in") else None
        if path is not None and not all(isinstance(x, str) for x in path[1]) and \
                not _text_literal(test.right):
            # data["sid"] in registry, request.GET.get("next") in ALLOWED: that slot is known
            return [(test.left, frozenset({ALL}))]
        if test.op in ("in", "not in") and isinstance(test.left, ir.Attr):
            # urlparse(url).hostname in ALLOWED: the URL's host is allowed
            name = checked_subject(test.left)
            return [(name, _ROOTED)] if name else []
        return []
    if isinstance(test, ir.Call) and holds:
        func = test.func
        if isinstance(func, ir.Attr):
            name = checked_subject(func.obj)
            if func.name in _VALUE_METHODS and name and not test.args:
                return [(name, frozenset({_VALUE_METHODS[func.name]}))]
            if func.name in _PREFIX_METHODS and name and test.args and is_clean(test.args[0]):
                return [(name, _PREFIX_METHODS[func.name])]
            if func.name in _MEMBERSHIP_METHODS and len(test.args) == 1 and is_clean(func.obj):
                name = checked_subject(test.args[0])
                return [(name, frozenset({ALL}))] if name else []
            if func.name == "test" and len(test.args) == 1 and _full_regex_literal(func.obj):
                name = checked_subject(test.args[0])
                return [(name, frozenset({ALL}))] if name else []
            if func.name in ("fullmatch", "match") and test.args:
                target = test.args[-1] if qual(func.obj) == "re" else test.args[0]
                pattern = test.args[0] if qual(func.obj) == "re" and len(test.args) > 1 else None
                name = checked_subject(target)
                if name and (func.name == "fullmatch" or _anchored(pattern)):
                    return [(name, frozenset({ALL}))]
            return [(name, frozenset({ALL})) for name in validator_checks(test)]
        q = qual(func) or ""
        if q in ("isinstance",) and len(test.args) == 2:
            name = checked_subject(test.args[0])
            types = test.args[1].items if isinstance(test.args[1], ir.Seq) else [test.args[1]]
            if name and all((qual(t) or "") in _NUMERIC_TYPES for t in types):
                return [(name, frozenset({ALL}))]
        target = test.args[0] if test.args else test.kwargs.get("url") or test.kwargs.get("target")
        if _SAFE_URL_CHECK.search(q.rsplit(".", 1)[-1]) and target is not None:
            name = checked_subject(target)
            if name:
                return [(name, frozenset({"redirect"}))]
        return [(name, frozenset({ALL})) for name in validator_checks(test)]
    return []


def _meet(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """The sink kinds both of two guards make a value safe for."""
    if ALL in a:
        return b
    return a if ALL in b else a & b


def _anchored(pattern: ir.Expr | None) -> bool:
    return isinstance(pattern, ir.Const) and isinstance(pattern.value, str) and \
        pattern.value.endswith(("$", "\\Z"))


def _full_regex_literal(e: ir.Expr) -> bool:
    """A regex literal (lowered as ``/pattern/flags``) anchored at both ends, without the
    multi-line flag (with it, ``$`` also matches before a newline)."""
    if not isinstance(e, ir.Const) or not isinstance(e.value, str) or not e.value.startswith("/^"):
        return False
    body, _, flags = e.value.rpartition("/")
    return body.endswith("$") and not body.endswith("\\$") and "m" not in flags \
        and not _top_level_alternation(body[2:-1])


def _top_level_alternation(pattern: str) -> bool:
    """``^a|b$`` anchors only its first and last alternatives."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def checked_name(e: ir.Expr) -> str | None:
    """The variable a check is about: ``x``, ``x.lower()``, ``os.path.realpath(x)``."""
    for _ in range(8):
        if isinstance(e, ir.Name):
            return e.id
        if isinstance(e, ir.Attr):
            e = e.obj  # urlparse(url).hostname
        elif isinstance(e, ir.Call):
            if isinstance(e.func, ir.Attr) and not e.args and isinstance(
                    e.func.obj, (ir.Name, ir.Call)) and _is_local_value(e.func.obj):
                e = e.func.obj  # x.lower(), p.resolve()
            elif e.args:
                e = e.args[0]  # os.path.realpath(x), str(x)
            else:
                return None
        else:
            return None
    return None


# methods that read one slot of a mapping by its key: request.GET.get("next")
_SLOT_GETTERS = frozenset({"get", "getlist", "getone", "get_all"})


def access(e: ir.Expr) -> tuple[ir.Expr, list] | None:
    """An access path with constant keys below a name (``data["sid"]``,
    ``request.GET.get("next")``, ``form.url``): (the root name, its segments) or None."""
    segs: list = []
    for _ in range(12):
        if isinstance(e, ir.Name):
            return (e, segs[::-1]) if segs else None
        if isinstance(e, ir.Attr):
            segs.append("." + e.name)
            e = e.obj
        elif isinstance(e, ir.Index) and isinstance(e.key, ir.Const):
            segs.append(e.key)
            e = e.obj
        elif isinstance(e, ir.Call) and isinstance(e.func, ir.Attr) and e.func.name in _SLOT_GETTERS \
                and len(e.args) == 1 and not e.kwargs and isinstance(e.args[0], ir.Const):
            segs.append(e.args[0])  # .get("k") reads what ["k"] reads
            e = e.func.obj
        else:
            return None
    return None


def checked_subject(e: ir.Expr):
    """What a check is about: a variable's name (see :func:`checked_name`), or an access
    path with constant keys that holds an item, such as ``data["sid"]``: ``str | ir.Expr``."""
    name = checked_name(e)
    if name is not None:
        return name
    for _ in range(8):  # os.path.realpath(data["p"]), data["u"].lower()
        path = access(e)
        if path is not None and any(not isinstance(x, str) for x in path[1]):
            return e
        if isinstance(e, ir.Attr):
            e = e.obj
        elif isinstance(e, ir.Call) and e.args and not (
                isinstance(e.func, ir.Attr) and e.func.name in _SLOT_GETTERS):
            e = e.args[0]
        elif isinstance(e, ir.Call) and isinstance(e.func, ir.Attr) and not e.args:
            e = e.func.obj
        else:
            return None
    return None


def _text_literal(e: ir.Expr) -> bool:
    """``x in "abc"`` tests for a substring, not for an item."""
    return isinstance(e, ir.Const) and isinstance(e.value, (str, bytes))


def _is_local_value(e: ir.Expr) -> bool:
    return isinstance(e, (ir.Name, ir.Call))


def builds_text(e: ir.Expr) -> bool:
    """An f-string, a + or % of strings, str.format or str.join, a string literal."""
    if isinstance(e, ir.Op):
        return e.op in ("fstring", "+", "%")
    if isinstance(e, ir.Const):
        return isinstance(e.value, str)
    return isinstance(e, ir.Call) and isinstance(e.func, ir.Attr) and e.func.name in ("format", "join") \
        and isinstance(e.func.obj, (ir.Const, ir.Op))
