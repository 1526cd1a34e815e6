"""Sink kinds: XPath, LDAP, SSRF, open redirect, XSS, trust boundary, response header, log."""

from __future__ import annotations

from .categories import HTML_ESCAPE, INT, RE_ESCAPE, SHLEX
from .model import Case
from .spec import Category, Sink, Tx

QUOTE_ALL = Tx('urllib.parse.quote({}, safe="")', ("import urllib.parse",), what="urllib.parse.quote")


# -- XPath ----------------------------------------------------------------------------------------
XPATHS = [("//user[@name='", "']/email/text()"), ('//product[@sku="', '"]/price/text()'),
          ("//account[login='", "']/@role")]


def _xpath(case, v, s):
    case.imp("from lxml import etree")
    case.block('USERS_XML = "data/users.xml"')
    doc = case.name("doc", "tree")
    case.add(f"{doc} = etree.parse(USERS_XML)")
    if s:
        pre, suf = case.pick(XPATHS)
    else:
        pre, suf = "//order[@id=", "]/total/text()"
    expr = case.build(pre, v, suf, s)
    style = case.pick(["direct", "var", "compiled"])
    if style == "direct":
        case.add(f"found = {doc}.xpath({expr})")
    elif style == "var":
        q = case.name("query", "xpath_expr")
        case.add(f"{q} = {expr}", f"found = {doc}.getroot().xpath({q})")
    else:
        case.add(f"finder = etree.XPath({expr})", f"found = finder({doc})")


def _xpath_vars(case, v):
    case.imp("from lxml import etree")
    case.block('USERS_XML = "data/users.xml"')
    case.add("doc = etree.parse(USERS_XML)")
    case.add(case.pick([f'found = doc.xpath("//user[@name=$name]/email/text()", name={v})',
                        f'found = etree.XPath("//product[@sku=$sku]/price/text()")(doc, sku={v})']))


XPATH = Category(
    "xpath", (643,), ("username", "user", "login", "sku", "name"),
    ("alice", "guest", "A-100"),
    [Sink(_xpath)],
    right=[INT],
    safe_forms=[_xpath_vars, _xpath_vars],
    wrong=[RE_ESCAPE],
    guards=("allowlist", "fullmatch", "isdigit", "isinstance"),
    allowed=("alice", "bob", "guest"),
)


# -- LDAP ----------------------------------------------------------------------------------------
LDAP_FILTERS = [("(uid=", ")"), ("(&(objectClass=person)(cn=", "))"), ("(&(uid=", ")(memberOf=cn=staff,dc=example,dc=com))"),
                ("(mail=", ")")]


def _ldap_filter(case, v, s):
    pre, suf = case.pick(LDAP_FILTERS)
    expr = case.build(pre, v, suf, s)
    if case.chance(0.5):
        f = case.name("search_filter", "ldap_filter", "flt")
        case.add(f"{f} = {expr}")
        return f
    return expr


def _python_ldap(case, v, s):
    case.imp("import ldap")
    case.block('LDAP_URL = "ldap://ldap.example.com"')
    c = case.name("conn", "directory", "ldap_conn")
    case.add(f"{c} = ldap.initialize(LDAP_URL)")
    case.add(f'entries = {c}.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_SUBTREE, {_ldap_filter(case, v, s)})')


def _ldap3(case, v, s):
    case.imp("from ldap3 import Connection, Server")
    case.block('LDAP_HOST = "ldap.example.com"')
    c = case.name("conn", "connection")
    case.add(f"{c} = Connection(Server(LDAP_HOST), auto_bind=True)")
    case.add(f'{c}.search("dc=example,dc=com", {_ldap_filter(case, v, s)}, attributes=["mail"])')


def _ldap_format(case, v):
    case.imp("import ldap", "import ldap.filter")
    case.block('LDAP_URL = "ldap://ldap.example.com"')
    case.add("conn = ldap.initialize(LDAP_URL)",
             f'entries = conn.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_SUBTREE, '
             f'ldap.filter.filter_format("(uid=%s)", [{v}]))')


LDAP = Category(
    "ldap", (90,), ("username", "uid", "user", "login", "mail", "cn"),
    ("guest", "alice", "service-account"),
    [Sink(_python_ldap), Sink(_ldap3)],
    right=[Tx("ldap.filter.escape_filter_chars({})", ("import ldap.filter",), what="escape_filter_chars"),
           Tx("escape_filter_chars({})", ("from ldap3.utils.conv import escape_filter_chars",),
              what="ldap3 escape_filter_chars"), INT],
    safe_forms=[_ldap_format],
    wrong=[HTML_ESCAPE],
    guards=("allowlist", "fullmatch", "isdigit", "isinstance"),
    allowed=("alice", "bob", "guest"),
)


# -- SSRF ------------------------------------------------------------------------------------------
def _fetch(case: Case, url: str) -> None:
    lib = case.pick(["requests", "requests", "urllib", "httpx"])
    if lib == "requests":
        case.imp("import requests")
        case.add(case.pick([f"resp = requests.get({url}, timeout=5)",
                            f'resp = requests.post({url}, json={{"event": "ping"}}, timeout=5)',
                            f"body = requests.get({url}, timeout=10).text"]))
    elif lib == "urllib":
        case.imp("import urllib.request")
        case.add(f"body = urllib.request.urlopen({url}, timeout=5).read()")
    else:
        case.imp("import httpx")
        case.add(f"resp = httpx.get({url}, timeout=5.0)")


def _ssrf_url(case, v, s):
    _fetch(case, v)


def _ssrf_host(case, v, s):
    pre, suf = case.pick([("http://", "/status"), ("https://", "/.well-known/openid-configuration"),
                          ("http://", ":8080/health")])
    _fetch(case, case.build(pre, v, suf, s))


def _ssrf_id(case, v, s):
    _fetch(case, case.build("https://api.example.com/items/", v, "", s))


def _ssrf_quoted(case, v):
    case.imp("import urllib.parse")
    _fetch(case, case.build("https://api.example.com/users/", f'urllib.parse.quote({v}, safe="")', ""))


SSRF = Category(
    "ssrf", (918,), ("url", "callback", "webhook", "endpoint", "image_url", "feed_url", "host"),
    ("https://status.example.com/health", "https://api.example.com/v1/ping"),
    [Sink(_ssrf_url), Sink(_ssrf_url), Sink(_ssrf_url), Sink(_ssrf_host, int_ok=False),
     Sink(_ssrf_id, frozenset({"int"}))],
    right=[Tx("int({})", is_str=False, tag="int", what="int()")],
    safe_forms=[_ssrf_quoted, _ssrf_quoted],
    wrong=[HTML_ESCAPE, SHLEX],
    guards=("allowlist",),
    allowed=("https://hooks.example.com/build", "https://hooks.example.com/deploy"),
)


# -- open redirect ----------------------------------------------------------------------------------
def _redirect(case, v, s):
    expr = v if case.chance(0.7) else case.build("", v, "?from=login", s)
    case.respond(case.fw.redirect(case, expr))


def _redirect_rel(case, v, s):
    # "/" + "/evil.example" is "//evil.example": a scheme-relative URL to another host
    case.respond(case.fw.redirect(case, case.build("/", v, "", s)))


def _url_for(case, v):
    if case.fw.name == "flask":
        case.imp("from flask import url_for")
        case.respond(case.fw.redirect(case, f'url_for("profile", username={v})'))
    elif case.fw.name == "django":
        case.imp("from django.urls import reverse")
        case.respond(case.fw.redirect(case, f'reverse("profile", args=[{v}])'))
    else:
        _quoted_redirect(case, v)


def _quoted_redirect(case, v):
    case.imp("import urllib.parse")
    pre = case.pick(["/search?q=", "/users/", "/docs/"])
    case.respond(case.fw.redirect(case, case.build(pre, f'urllib.parse.quote({v}, safe="")', "")))


REDIRECT = Category(
    "redirect", (601,), ("next", "url", "return_to", "redirect_uri", "dest", "continue_url"),
    ("/dashboard", "/", "/account/settings"),
    [Sink(_redirect, helper_ok=False), Sink(_redirect, helper_ok=False), Sink(_redirect, helper_ok=False),
     Sink(_redirect_rel, int_ok=False, helper_ok=False)],
    safe_forms=[_url_for, _quoted_redirect],
    wrong=[HTML_ESCAPE, SHLEX],
    guards=("allowlist",),
    needs="web",
    allowed=("/dashboard", "/account", "https://www.example.com/welcome"),
)
REDIRECT.sinks.append(Sink(lambda c, v, s: c.respond(c.fw.redirect(c, c.build("/orders/", v, "", s))),
                           frozenset({"int"}), helper_ok=False))
REDIRECT.right.append(Tx("int({})", is_str=False, tag="int", what="int()"))


# -- XSS -------------------------------------------------------------------------------------------
HTML_PARTS = [("<p>Hello, ", "!</p>"), ("<h1>Results for ", "</h1>"), ('<div class="comment">', "</div>"),
              ("<title>", "</title>"), ("<li>", "</li>"), ("<span>Welcome back ", "</span>")]


def _html(case, v, s):
    pre, suf = case.pick(HTML_PARTS)
    expr = case.build(pre, v, suf, s)
    if case.chance(0.4):
        h = case.name("html", "page", "body", "markup")
        case.add(f"{h} = {expr}")
        expr = h
    case.respond(case.fw.html(case, expr))


def _json_echo(case, v):
    case.respond(case.fw.json(case, "query", v))


def _template(case, v):
    if case.fw.name == "flask":
        case.imp("from flask import render_template", "from flask import render_template_string")
        case.respond([case.pick([f'return render_template("greeting.html", name={v})',
                                 f'return render_template_string("<p>Hello, {{{{ name }}}}!</p>", name={v})'])])
    elif case.fw.name == "django":
        case.imp("from django.http import HttpResponse", "from django.utils.html import format_html")
        case.respond([f'return HttpResponse(format_html("<p>Hello, {{}}!</p>", {v}))'])
    else:
        _json_echo(case, v)


XSS = Category(
    "xss", (79, 80), ("name", "q", "message", "comment", "title", "query", "search"),
    ("friend", "everyone", "guest"),
    [Sink(_html, helper_ok=False)],
    right=[Tx("html.escape({})", ("import html",), what="html.escape"),
           Tx("markupsafe.escape({})", ("import markupsafe",), what="markupsafe.escape"), INT],
    safe_forms=[_template, _template, _json_echo],
    wrong=[SHLEX, RE_ESCAPE],
    guards=("allowlist", "fullmatch", "isdigit", "isinstance"),
    needs="web",
    allowed=("friend", "admin", "guest"),
)


# -- trust boundary -------------------------------------------------------------------------------
SESSION_KEYS = ["user", "role", "username", "theme", "plan", "cart_owner", "is_admin", "lang"]


def _session(case, v, s):
    key = case.pick(SESSION_KEYS)
    expr = v if case.chance(0.7) else f'{{"value": {v}, "source": "query"}}'
    case.add(*case.fw.session_set(case, key, expr))


def _session_len(case, v):
    case.add(*case.fw.session_set(case, "last_query_length", f"len({v})"))


TRUST = Category(
    "trust-boundary", (501,), ("user", "role", "username", "theme", "plan", "lang"),
    ("guest", "light", "free"),
    [Sink(_session, helper_ok=False)],
    right=[INT],
    safe_forms=[_session_len],
    wrong=[HTML_ESCAPE],
    guards=("allowlist", "fullmatch", "isdigit", "isinstance"),
    needs="session",
    allowed=("light", "dark", "free", "pro"),
)


# -- header ---------------------------------------------------------------------------------------
HEADERS = [("X-Request-Source", "", ""), ("Content-Language", "", ""), ("X-Trace-Id", "", ""),
           ("Content-Disposition", 'attachment; filename="', '"'), ("X-Forwarded-By", "", ""),
           ("Cache-Tag", "page-", "")]


def _header(case, v, s):
    name, pre, suf = case.pick(HEADERS)
    case.respond(case.fw.header(case, name, case.build(pre, v, suf, s)))


HEADER = Category(
    "header", (113, 93), ("lang", "ref", "filename", "trace_id", "source", "locale"),
    ("en", "web", "report.pdf"),
    [Sink(_header, helper_ok=False)],
    right=[QUOTE_ALL, INT, Tx('re.sub(r"[\\r\\n]", "", {})', ("import re",), what="re.sub CR/LF"),
           Tx('{}.replace("\\r", "").replace("\\n", "")', what="replace CR/LF")],
    wrong=[HTML_ESCAPE],
    guards=("allowlist", "fullmatch", "isdigit", "isinstance"),
    needs="web",
    allowed=("en", "de", "fr"),
)


# -- log ------------------------------------------------------------------------------------------
LOG_MSGS = [("Login failed for ", ""), ("Search for ", " returned nothing"), ("Password reset requested by ", ""),
            ("Export started by ", ""), ("Unknown action: ", "")]


def _logger(case):
    if case.fw.name == "flask" and case.chance(0.3):
        return "app.logger" if case.app == "app" else "current_app.logger"
    if case.chance(0.2):
        case.imp("import logging")
        return "logging"
    case.imp("import logging")
    case.block("logger = logging.getLogger(__name__)")
    return "logger"


def _log(case, v, s):
    lg = _logger(case)
    if lg == "current_app.logger":
        case.imp("from flask import current_app")
    level = case.pick(["info", "warning", "error", "info"])
    pre, suf = case.pick(LOG_MSGS)
    if case.chance(0.4):
        case.add(f'{lg}.{level}("{pre}%s{suf}", {v})')
    else:
        case.add(f"{lg}.{level}({case.build(pre, v, suf, s)})")


def _log_repr(case, v):
    case.imp("import logging")
    case.block("logger = logging.getLogger(__name__)")
    pre, suf = case.pick(LOG_MSGS)
    case.add(case.pick([f'logger.info("{pre}%r{suf}", {v})', f'logger.warning(f"{pre}{{{v}!r}}{suf}")']))


LOG = Category(
    "log", (117, 93), ("username", "user", "query", "action", "ref", "email"),
    ("anonymous", "system", "cron"),
    [Sink(_log)],
    right=[Tx('{}.replace("\\r", "\\\\r").replace("\\n", "\\\\n")', what="escape CR/LF"),
           Tx("repr({})", what="repr()"), Tx("json.dumps({})", ("import json",), what="json.dumps"), INT],
    safe_forms=[_log_repr],
    wrong=[HTML_ESCAPE, SHLEX],
    guards=("allowlist", "fullmatch", "isdigit", "isinstance"),
    allowed=("login", "logout", "export"),
)
