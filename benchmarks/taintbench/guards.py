"""Checks on the tainted value: guards that really protect (failing branch exits) and near misses that do not.

A guard emitter returns ``(var, is_str, tag)``: the variable the sink should use afterwards. A near-miss
emitter returns the variable too, or None when it already emitted the sink itself.
"""

from __future__ import annotations

from .model import Case, lit
from .spec import Category


def _const_name(case: Case, stem: str, value: str) -> str:
    case.block(f"{stem} = {value}")
    return stem


def _fail(case: Case) -> None:
    with case.nested():
        case.add(*case.fw.fail(case))


# -- guards that protect ------------------------------------------------------------------------------
def allowlist(case: Case, cat: Category, v: str):
    vals = ", ".join(lit(a) for a in cat.allowed)
    container = case.pick([f"{{{vals}}}", f"({vals})", f"[{vals}]", f"frozenset({{{vals}}})"])
    name = _const_name(case, case.pick(["ALLOWED", "ALLOWED_VALUES", "PERMITTED", "KNOWN"]) + "_" +
                       cat.name.upper().replace("-", "_"), container)
    case.add(f"if {v} not in {name}:")
    _fail(case)
    return v, True, None


def fullmatch(case: Case, cat: Category, v: str):
    pattern = {"path": r"[A-Za-z0-9_-]{1,64}(\.[a-z]{1,4})?", "code": r"\d{1,6}(\.\d{1,6})?"}.get(
        cat.name, case.pick([r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}", r"[a-z0-9]+", r"\w{1,32}"]))
    case.imp("import re")
    if case.chance(0.4):
        pat = _const_name(case, case.pick(["VALID_NAME", "NAME_RE", "SAFE_TOKEN"]), f're.compile(r"{pattern}")')
        cond = f"not {pat}.fullmatch({v})"
    else:
        cond = case.pick([f'not re.fullmatch(r"{pattern}", {v})', f're.fullmatch(r"{pattern}", {v}) is None'])
    case.add(f"if {cond}:")
    _fail(case)
    return v, True, None


def isdigit(case: Case, cat: Category, v: str):
    case.add(case.pick([f"if not {v}.isdigit():", f"if not {v} or not {v}.isdigit():"]))
    _fail(case)
    return v, True, "int"


def isinstance_int(case: Case, cat: Category, v: str):
    case.add(case.pick([f"if not isinstance({v}, int):", f"if type({v}) is not int:"]))
    _fail(case)
    return v, False, "int"


GENERIC = {"allowlist": allowlist, "fullmatch": fullmatch, "fullmatch_num": fullmatch, "isdigit": isdigit,
           "isinstance": isinstance_int}


def path_root(case: Case, cat: Category, v: str):
    case.imp("import os")
    case.block('BASE_DIR = "/srv/app/files"')
    full = case.name("full_path", "resolved", "target")
    style = case.pick(["startswith", "startswith", "commonpath"])
    case.add(f"{full} = os.path.realpath(os.path.join(BASE_DIR, {v}))")
    if style == "startswith":
        case.add(f"if not {full}.startswith(BASE_DIR + os.sep):")
    else:
        case.add(f"if os.path.commonpath([BASE_DIR, {full}]) != BASE_DIR:")
    _fail(case)
    return full, True, "full"


def url_prefix(case: Case, cat: Category, v: str):
    root = "https://www.example.com/" if cat.name == "redirect" else "https://hooks.example.com/"
    case.add(f'if not {v}.startswith("{root}"):')
    _fail(case)
    return v, True, None


def url_host(case: Case, cat: Category, v: str):
    if cat.name == "redirect" and case.fw.name == "django" and case.chance(0.5):
        case.imp("from django.utils.http import url_has_allowed_host_and_scheme")
        case.add(f'if not url_has_allowed_host_and_scheme({v}, allowed_hosts={{"www.example.com"}}, '
                 f"require_https=True):")
        _fail(case)
        return v, True, None
    case.imp("from urllib.parse import urlparse")
    hosts = '{"www.example.com", "example.com"}' if cat.name == "redirect" else '{"hooks.example.com"}'
    name = _const_name(case, "ALLOWED_HOSTS", hosts)
    parsed = case.name("parsed", "parts", "u")
    case.add(f"{parsed} = urlparse({v})", f'if {parsed}.scheme != "https" or {parsed}.hostname not in {name}:')
    _fail(case)
    return v, True, None


def hmac_signature(case: Case, cat: Category, v: str):
    case.imp("import hashlib", "import hmac", "import os")
    case.block('SIGNING_KEY = os.environ["STATE_SIGNING_KEY"].encode()')
    sig = case.name("signature", "sig", "mac")
    case.add(f"{sig} = {case.fw.source(case, 'str', 'signature')}")
    case.add(f"expected = hmac.new(SIGNING_KEY, {v}, hashlib.sha256).hexdigest()",
             f"if not hmac.compare_digest({sig}, expected):")
    _fail(case)
    return v, True, None


# -- near misses: the value still reaches the sink -------------------------------------------------
def no_exit(case: Case, cat: Category, v: str):
    """The check only warns; the failing branch falls through to the sink."""
    vals = ", ".join(lit(a) for a in cat.allowed) or '"default"'
    case.add(f"if {v} not in ({vals},):" if cat.allowed else f"if not {v}:")
    with case.nested():
        if case.chance(0.5):
            case.imp("import warnings")
            case.add('warnings.warn("unexpected value")')
        else:
            case.add('print("unexpected value, continuing")')
    return v


def unanchored(case: Case, cat: Category, v: str):
    """re.match only anchors at the start: "abc; rm -rf /" matches [a-z]+."""
    case.imp("import re")
    pattern = r"https?://" if cat.name in ("ssrf", "redirect") else case.pick([r"[A-Za-z0-9_-]+", r"\w+"])
    case.add(case.pick([f'if not re.match(r"{pattern}", {v}):', f'if re.search(r"{pattern}", {v}) is None:']))
    _fail(case)
    return v


def length_only(case: Case, cat: Category, v: str):
    limit = case.pick(["64", "256", "4096"])
    case.add(f"if len({v}) > {limit}:")
    _fail(case)
    return v


def path_prefix_raw(case: Case, cat: Category, v: str):
    """A prefix check before normalising: "reports/../../etc/passwd" passes."""
    case.add(f'if not {v}.startswith("{case.pick(["reports/", "public/", "user-files/"])}"):')
    _fail(case)
    return v


def redirect_slash(case: Case, cat: Category, v: str):
    """Only a leading slash: "//evil.example" is a scheme-relative URL to another host."""
    case.add(case.pick([f'if not {v}.startswith("/"):', f'if "example.com" not in {v} and not {v}.startswith("/"):']))
    _fail(case)
    return v


def host_substring(case: Case, cat: Category, v: str):
    """Prefix without the trailing slash or suffix match: https://api.example.com.evil.net passes."""
    if case.chance(0.5):
        case.add(f'if not {v}.startswith("https://api.example.com"):')
    else:
        case.imp("from urllib.parse import urlparse")
        case.add(f'if not (urlparse({v}).hostname or "").endswith("example.com"):')
    _fail(case)
    return v


def magic_prefix(case: Case, cat: Category, v: str):
    """Checking the format header says nothing about what the payload does."""
    if cat.name == "deserialization":
        case.add(case.pick([f'if not {v}.startswith(b"\\x80"):', f'if not {v}[:1] in (b"\\x80", b"-", b"{{"):']))
    else:
        case.add(case.pick([f'if not {v}.lstrip().startswith(b"<"):', f'if b"<?xml" not in {v}[:64]:']))
    _fail(case)
    return v


NEAR_GENERIC = [no_exit, unanchored, length_only]
NEAR_BY_CATEGORY = {
    "path": [path_prefix_raw, path_prefix_raw],
    "redirect": [redirect_slash, redirect_slash, unanchored, no_exit],
    "ssrf": [host_substring, host_substring, unanchored, no_exit],
    "deserialization": [length_only, magic_prefix],
    "xxe": [length_only, magic_prefix],
}
OWN_GUARDS = {"path": [path_root, path_root], "redirect": [url_prefix, url_host], "ssrf": [url_prefix, url_host],
              "deserialization": [hmac_signature]}
