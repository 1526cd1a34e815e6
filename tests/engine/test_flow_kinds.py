"""Every sink kind against the same precision reasons: a true flow, a constant branch, a guard
with an early return, the right sanitizer, the wrong one (still a flow), a constant container
slot, a re-assignment, and flows through a helper in the same file and in another module."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ztlint.engine import analyze, config, rules
from ztlint.engine.flow.project import Exports, Project, module_name

RULESET = rules.load_rules(rules.default_rule_dirs())
CFG = config.Config(root=Path("."))

# kind: (rule, imports, sink with {v}, right sanitizer with {v}, wrong sanitizer with {v})
KINDS = {
    "command": ("import os, shlex, html", "os.system('ls ' + {v})", "shlex.quote({v})", "html.escape({v})"),
    "code": ("import html", "eval({v})", "int({v})", "html.escape({v})"),
    "sql": ("import html, sqlite3\ncur = sqlite3.connect('x').cursor()",
            "cur.execute('SELECT ' + {v})", "int({v})", "html.escape({v})"),
    "path": ("import os, html", "open(os.path.join('/srv', {v}))", "os.path.basename({v})",
             "html.escape({v})"),
    "redirect": ("import html\nfrom flask import redirect", "redirect({v})",
                 "urllib.parse.quote({v})", "html.escape({v})"),
    "xss": ("import shlex\nfrom flask import make_response", "make_response('<p>' + {v})",
            "html.escape({v})", "shlex.quote({v})"),
    "deserialization": ("import pickle, html", "pickle.loads({v})", "int({v})", "html.escape({v})"),
    "xxe": ("import html\nfrom lxml import etree", "etree.fromstring({v})", "int({v})", "html.escape({v})"),
    "xpath": ("import html\nfrom lxml import etree\nt = etree.parse('x')", "t.xpath('//u[@n=' + {v})",
              "int({v})", "html.escape({v})"),
    "ldap": ("import html, ldap\nc = ldap.initialize('ldap://x')",
             "c.search_s('dc=x', 2, '(uid=' + {v} + ')')", "ldap.filter.escape_filter_chars({v})",
             "html.escape({v})"),
    "ssrf": ("import html, requests", "requests.get({v})", "int({v})", "html.escape({v})"),
    "header": ("import html\nfrom flask import make_response\nresp = make_response('')",
               "resp.headers.add_header('X', {v})", "urllib.parse.quote({v})", "html.escape({v})"),
    "log": ("import logging, html\nlog = logging.getLogger()", "log.info('u ' + {v})", "repr({v})",
            "html.escape({v})"),
    "trust-boundary": ("import html\nfrom flask import session", "session['k'] = {v}", "int({v})",
                       "html.escape({v})"),
}
HEAD = "import urllib.parse, ldap.filter, html\nfrom flask import request, abort\n{imports}\nALLOWED = {{'a', 'b'}}\n\n"


def flow_lines(src: str, kind: str, path: str = "app.py", externals=None) -> list[int]:
    a = analyze.analyze(src.encode(), path, RULESET, CFG, language="python", externals=externals)
    return sorted(f.line for f in a.findings if f.rule_id == f"python-flow-{kind}")


def case(kind: str, body: str) -> str:
    imports, sink, right, wrong = KINDS[kind]
    body = body.format(sink=sink.format(v="x"), right=right.format(v="x"), wrong=wrong.format(v="x"),
                       sink_of=lambda e: sink.format(v=e))
    return HEAD.format(imports=imports) + "def view():\n" + textwrap.indent(textwrap.dedent(body), "    ")


def sink_line(src: str, kind: str) -> int:
    marker = KINDS[kind][1].split("{v}")[0]
    return next(i for i, line in enumerate(src.split("\n"), 1)
                if marker in line and not line.lstrip().startswith(("import", "from")))


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_true_flow_is_reported_at_its_sink(kind):
    src = case(kind, "x = request.args['x']\n{sink}\n")
    assert flow_lines(src, kind) == [sink_line(src, kind)]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_wrong_sanitizer_leaves_the_flow(kind):
    src = case(kind, "x = {wrong}\n{sink}\n".replace("{wrong}", KINDS[kind][3].format(v="request.args['x']")))
    assert flow_lines(src, kind) == [sink_line(src, kind)]


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("body", [
    "x = request.args['x']\nif False:\n    {sink}\n",
    "x = request.args['x']\nmode = 'safe'\nif mode == 'unsafe':\n    {sink}\n",
    "x = request.args['x']\nif x not in ALLOWED:\n    abort(400)\n{sink}\n",
    "x = request.args['x']\nif not x.isdigit():\n    return 'no'\n{sink}\n",
    "x = request.args['x']\nx = {right}\n{sink}\n",
    "d = {{'t': request.args['x'], 'c': 'fixed'}}\nx = d['c']\n{sink}\n",
    "x = request.args['x']\nx = 'fixed'\n{sink}\n",
], ids=["constant-branch", "constant-variable", "allow-list-guard", "isdigit-guard",
        "right-sanitizer", "constant-slot", "reassignment"])
def test_safe_look_alikes_are_not_reported(kind, body):
    assert flow_lines(case(kind, body), kind) == []


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_flow_through_a_helper_in_the_same_file_and_in_another_module(kind):
    imports, sink, _, _ = KINDS[kind]
    helper = HEAD.format(imports=imports) + f"def helper(x):\n    {sink.format(v='x')}\n"
    caller = HEAD.format(imports=imports) + "def view():\n    helper(request.args['x'])\n    helper('fixed')\n"
    same_file = helper + "\n\n" + caller.split("\n\n", 1)[1]
    assert flow_lines(same_file, kind) == [sink_line(helper, kind)]
    exports = Exports()
    analyze.analyze(helper.encode(), "pkg/helpers.py", RULESET, CFG, language="python", exports=exports)
    project = Project()
    project.add("pkg/helpers.py", exports)
    other = caller.replace("def view():", "from pkg.helpers import helper\n\n\ndef view():")
    lines = flow_lines(other, kind, "pkg/views.py", project.lookup(module_name("pkg/views.py")))
    call = next(i for i, line in enumerate(other.split("\n"), 1) if "helper(request" in line)
    assert lines == [call]
