"""Flow rules (taint): precision features, summaries, incremental == full, hostile input."""

from __future__ import annotations

import json
import random
import textwrap
from pathlib import Path

import pytest

from ztlint.engine import analyze, config, rules
from ztlint.engine.incremental import IncrementalDocument

RULESET = rules.load_rules(rules.default_rule_dirs())
CFG = config.Config(root=Path("."))


def flows(src: str, path: str = "app.py", cfg=CFG) -> list[tuple[str, int]]:
    a = analyze.analyze(textwrap.dedent(src).encode(), path, RULESET, cfg, language="python")
    return sorted((f.rule_id, f.line) for f in a.findings if "-flow-" in f.rule_id)


HEAD = "import os, re, shlex, html, subprocess\nfrom flask import request, abort\n"


def test_a_request_value_reaching_a_command_is_reported_with_its_steps():
    src = HEAD + "def v():\n    h = request.args['h']\n    cmd = 'ping ' + h\n    os.system(cmd)\n"
    a = analyze.analyze(src.encode(), "app.py", RULESET, CFG, language="python")
    f = next(f for f in a.findings if f.rule_id == "python-flow-command")
    assert f.line == 6
    assert [s.message for s in f.flow] == ["tainted by `request.args`", "assigned to `h`",
                                           "assigned to `cmd`", "reaches `os.system()`"]
    assert [s.start[0] + 1 for s in f.flow] == [4, 4, 5, 6]


@pytest.mark.parametrize("body", [
    "x = request.args['x']\n    if False:\n        os.system(x)",  # constant branch
    "x = request.args['x']\n    mode = 'a'\n    if mode == 'b':\n        os.system(x)",
    "x = request.args['x']\n    if x not in {'a', 'b'}:\n        abort(400)\n    os.system(x)",
    "x = request.args['x']\n    if not re.fullmatch('[a-z]+', x):\n        return 'no'\n    os.system(x)",
    "x = request.args['x']\n    if not x.isdigit():\n        raise ValueError(x)\n    os.system('kill ' + x)",
    "x = request.args['x']\n    os.system('echo ' + shlex.quote(x))",  # sanitizer of the right kind
    "x = int(request.args['x'])\n    os.system('seq %d' % x)",  # numeric
    "x = request.args['x']\n    d = {'a': x, 'b': 'ls'}\n    os.system(d['b'])",  # constant slot
    "x = request.args['x']\n    l = ['ls', x]\n    os.system(l[0])",
    "x = request.args['x']\n    x = 'ls'\n    os.system(x)",  # re-assignment kills
    "x = request.args['x']\n    subprocess.run(['ping', '-c', '1', x])",  # argv list, no shell
])
def test_safe_look_alikes_are_not_reported(body):
    assert flows(HEAD + "def v():\n    " + body + "\n") == []


@pytest.mark.parametrize("body", [
    "x = request.args['x']\n    os.system('echo ' + html.escape(x))",  # wrong-kind sanitizer
    "x = request.args['x']\n    d = {'a': x, 'b': 'ls'}\n    os.system(d['a'])",
    "x = request.args['x']\n    parts = []\n    parts.append(x)\n    os.system(' '.join(parts))",
    "x = request.args['x']\n    a, b = x, 'c'\n    os.system(a)",
    "x = request.args['x']\n    for p in [x]:\n        os.system(p)",
    "x = request.args['x']\n    if x in {'a'}:\n        pass\n    os.system(x)",  # guard that does not stop
    "x = request.args['x']\n    o = Obj()\n    o.cmd = x\n    os.system(o.cmd)",
    "x = request.args['x']\n    s = '{}'.format(x)\n    os.system(s)",
])
def test_true_flows_are_reported(body):
    found = flows(HEAD + "def v():\n    " + body + "\n")
    sink_line = 3 + len(body.split("\n"))  # the last line of the body
    assert found == [("python-flow-command", sink_line)]


def test_helpers_summaries_carry_flows_into_and_out_of_functions():
    src = HEAD + textwrap.dedent("""\
        def run(c):
            os.system(c)

        def name():
            return request.args['n']

        def quoted(c):
            return shlex.quote(c)

        def v():
            run(name())
            run(quoted(name()))
            run('ls')
        """)
    assert flows(src) == [("python-flow-command", 4)]
    a = analyze.analyze(src.encode(), "app.py", RULESET, CFG, language="python")
    f = next(f for f in a.findings if f.rule_id == "python-flow-command")
    assert "passed to `run()`" in [s.message for s in f.flow]


def test_inserting_dead_code_or_renaming_a_local_changes_nothing():
    base = HEAD + "def v():\n    h = request.args['h']\n    os.system('x' + h)\n"
    renamed = base.replace("h = ", "host = ").replace("+ h)", "+ host)")
    dead = base.replace("    os.system", "    if False:\n        os.system(h)\n    os.system")
    assert [r for r, _ in flows(base)] == [r for r, _ in flows(renamed)] == \
        [r for r, _ in flows(dead)] == ["python-flow-command"]


def test_local_sources_are_one_level_less_severe():
    a = analyze.analyze(b"import os, sys\nos.system(sys.argv[1])\n", "t.py", RULESET, CFG)
    assert [(f.rule_id, f.severity) for f in a.findings if "-flow-" in f.rule_id] == \
        [("python-flow-command", "warning")]


def test_audit_rules_are_hints_by_default_and_keep_their_severity_under_audit():
    src = b"def f(c):\n    eval(c)\n"
    sev = {f.rule_id: f.severity for f in analyze.analyze(src, "t.py", RULESET, CFG).findings}
    assert sev["python-eval-dynamic"] == "hint"
    audit = config.Config(root=Path("."), profile="audit")
    sev = {f.rule_id: f.severity for f in analyze.analyze(src, "t.py", RULESET, audit).findings}
    assert sev["python-eval-dynamic"] == "warning"


def test_incremental_flow_findings_equal_a_full_analysis_after_random_edits():
    src = (Path(__file__).parents[2] / "rules/taint/python/command.py").read_bytes()
    doc = IncrementalDocument(src, "c.py", "python", RULESET, CFG)
    rnd = random.Random(7)
    snippets = [b"\n", b"x", b"    os.system(request.args['q'])\n", b"# c\n", b"", b"def g():\n"]
    key = lambda fs: sorted((f.rule_id, f.start_byte, f.end_byte, f.message,  # noqa: E731
                             tuple((s.start_byte, s.end_byte, s.message) for s in f.flow)) for f in fs)
    for _ in range(40):
        lines = doc.source.split(b"\n")
        row = rnd.randrange(len(lines))
        at = sum(len(x) + 1 for x in lines[:row])
        cut = rnd.choice([0, 0, min(3, len(lines[row]))])
        doc.edit(at, at + cut, rnd.choice(snippets))
        got = doc.analyze()
        want = analyze.analyze(doc.source, "c.py", RULESET, CFG, language="python")
        assert key(got) == key(want.findings)
        assert doc.notes == want.notes


def test_deeply_nested_functions_get_a_note_not_a_crash():
    deep = "def f():\n    x = request.args['x']\n    y = " + "(" * 400 + "x" + ")" * 400 + "\n"
    a = analyze.analyze((HEAD + deep).encode(), "t.py", RULESET, CFG, language="python")
    assert any("flow rules not run on function f" in n for n in a.notes)


def test_half_typed_code_does_not_crash():
    src = HEAD + "def v(:\n    h = request.args['h'\n    os.system(h\n"
    analyze.analyze(src.encode(), "t.py", RULESET, CFG, language="python")  # no exception


def test_a_taint_rule_with_an_unknown_field_names_file_line_and_field(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(textwrap.dedent("""\
        rules:
          - id: my-flow
            title: Mine
            severity: error
            confidence: high
            cwe: [CWE-78]
            owasp: []
            languages: [python]
            match:
              taint:
                kind: command
                sinks:
                  - calls: [os.system]
                    argz: [0]
            message: bad
            docs: a rule with a typo
        """))
    rs = rules.load_rules([], [bad])
    assert rs.errors and rs.errors[0].path == str(bad) and rs.errors[0].line >= 12
    assert "argz" in str(rs.errors[0])


def test_scan_follows_flows_across_modules_and_writes_sarif_code_flows(tmp_path, monkeypatch):
    from ztlint import cli
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "utils.py").write_text("import os\n\ndef run(c):\n    os.system(c)\n")
    (tmp_path / "app" / "views.py").write_text(
        "from flask import request\nfrom .utils import run\n\n"
        "def v():\n    run(request.args['c'])\n    run('ls')\n")
    (tmp_path / "ztlint.toml").write_text("")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out.sarif"
    cli.main(["scan", ".", "--format", "sarif", "-o", str(out), "--no-progress"])
    results = [r for r in json.loads(out.read_text())["runs"][0]["results"]
               if r["ruleId"] == "python-flow-command"]
    assert len(results) == 1
    loc = results[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].endswith("views.py") and loc["region"]["startLine"] == 5
    steps = results[0]["codeFlows"][0]["threadFlows"][0]["locations"]
    assert steps[0]["location"]["message"]["text"] == "tainted by `request.args`"


def test_a_weak_value_overwritten_before_use_is_not_a_security_value():
    src = ("import random, secrets\n\ndef make():\n    reset_token = str(random.random())\n"
           "    reset_token = secrets.token_hex()\n    return {'token': reset_token}\n\n"
           "def weak():\n    reset_token = str(random.random())\n    return {'token': reset_token}\n")
    a = analyze.analyze(src.encode(), "t.py", RULESET, CFG, language="python")
    assert [(f.rule_id, f.line) for f in a.findings if "-flow-" in f.rule_id] == \
        [("python-flow-weak-random", 9)]


# False-positive classes found on real projects (benchmarks/realflows/REPRODUCTIONS.md)
@pytest.mark.parametrize("src", [
    # A: a helper taking the request is called by the views, with their values
    "from django.shortcuts import redirect\n\ndef go_back(request, default):\n    return redirect(default)\n\n"
    "def view(request):\n    return go_back(request, 'basket:summary')\n",
    # B: user messages and a view's own error() are not logs
    "from django.contrib import messages\n\ndef view(request):\n    messages.error(request, 'bad %s' % request.GET['q'])\n",
    # C: re.search is not an LDAP search
    "import re\n\ndef view(request):\n    return re.search(r'Mac', request.headers.get('User-Agent', ''))\n",
    # D: an SDK's execute is not a database cursor; SQLAlchemy expressions bind their values
    "def view(request, client):\n    return client.execute(Pay(request.GET['m']))\n",
    "from flask import request\nfrom sqlalchemy import delete\n\n@app.route('/p')\ndef purge():\n"
    "    db.session.execute(delete(T).where(T.k.in_(request.json['keys'])))\n    return 'ok'\n",
    # E: a response that is not HTML
    "from flask import Response, request\n\n@app.route('/q')\ndef q():\n"
    "    return Response(request.args['q'], mimetype='application/json')\n",
    # F: an object looked up by a request value is not that value
    "from django.shortcuts import get_object_or_404, redirect\n\ndef view(request):\n"
    "    return redirect(get_object_or_404(P, pk=request.GET['id']).get_absolute_url())\n",
    # M: a route converter makes a number
    "import os\nfrom flask import request\n\n@app.route('/k/<int:pid>')\ndef k(pid):\n    os.system('kill %s' % pid)\n",
    # H: **kwargs fill keywords, not the URL
    "import requests\nfrom flask import request\n\ndef safe_get(url, **kw):\n    return requests.request('GET', url, **kw)\n\n"
    "@app.route('/t')\ndef t():\n    return safe_get('https://x.example', timeout=request.args['t'])\n",
    # S: what a helper returns may be a response object or JSON, not an HTML body
    "from flask import request\n\n@app.route('/s')\ndef s():\n    return make_json_response(request.args['q'])\n",
    # U: a template renders with autoescaping
    "from flask import request\n\nclass V:\n    @expose('/u')\n    def u(self):\n"
    "        return self.render('p.html', q=request.args['q'])\n",
    # T: the redirect target's start is fixed
    "from flask import redirect, request\n\n@app.route('/w')\ndef w():\n"
    "    return redirect('/wallet?usr=' + request.args['u'])\n",
    # W: the request object is not a route parameter, whatever its annotation
    "import os\nfrom django.views import View\n\nclass V(View):\n    def get(self, request: AuthedRequest):\n"
    "        os.system('ls ' + str(request.user))\n",
    # X: unittest.mock.patch is not a route
    "import os\nfrom unittest.mock import patch\n\n@patch('x.y')\ndef test_it(name):\n    os.system('ls ' + name)\n",
    # Y: Django's conditional_escape
    "from django.http import HttpResponse\nfrom django.utils.html import conditional_escape\n\n"
    "def view(request):\n    return HttpResponse('<p>' + conditional_escape(request.GET['q']))\n",
    # T: the start of the target is the application's (a setting, reverse())
    "from django.conf import settings\nfrom django.shortcuts import redirect\n\ndef view(request):\n"
    "    return redirect('%s?next=%s' % (settings.LOGIN_URL, request.GET['n']))\n",
    "from django.urls import reverse\nfrom django.shortcuts import redirect\n\ndef view(request):\n"
    "    return redirect(reverse('login') + '?next=' + request.GET['n'])\n",
    # R: an argument list built with append: only its first element is a program
    "import subprocess\nfrom flask import request\n\n@app.route('/g')\ndef g():\n"
    "    cmd = ['git', 'log']\n    cmd.append(request.args['p'])\n    subprocess.run(cmd)\n    return ''\n",
    # AC: staticfiles' finders.find is not an XPath query
    "from django.contrib.staticfiles import finders\n\ndef view(request):\n    return finders.find(request.GET['p'])\n",
    # AE, AF: safe_join, and a route parameter that is one URL segment
    "from flask import request, send_file\nfrom werkzeug.utils import safe_join\n\n@app.route('/f')\ndef f():\n"
    "    return send_file(safe_join('/srv', request.args['f']))\n",
    "import os\nfrom flask import send_file\n\n@app.route('/a/<user>')\ndef a(user):\n"
    "    return send_file(os.path.join('/srv', user + '.png'))\n",
    # L: a check by keyword in the same condition as a truthiness test
    "from django.shortcuts import redirect\nfrom django.utils.http import url_has_allowed_host_and_scheme\n\n"
    "def view(request):\n    to = request.POST.get('next', None)\n"
    "    if to and url_has_allowed_host_and_scheme(url=to, allowed_hosts={'x'}):\n        return redirect(to)\n"
    "    return redirect('/')\n",
    # L: a redirect check by name
    "from flask import redirect, request\n\n@app.route('/n')\ndef n():\n    u = request.args['next']\n"
    "    if is_safe_redirect_url(u):\n        return redirect(u)\n    return redirect('/')\n",
])
def test_real_world_look_alikes_are_not_flows(src):
    # (H: the fetched page is still request-influenced text returned as HTML: xss stays)
    assert [f for f in flows(src) if f[0] != "python-flow-xss" or "safe_get" not in src] == []


@pytest.mark.parametrize("src, rule", [
    ("import os\n\ndef view(request, name):\n    os.system('ls ' + name)\n", "python-flow-command"),
    ("import os\nfrom django.views import View\n\nclass V(View):\n    def get(self, request, name):\n"
     "        os.system('ls ' + name)\n", "python-flow-command"),
    ("import os\n\nclass V:\n    @expose('/r/<path:name>')\n    def r(self, name):\n        return open(os.path.join('/d', name)).read()\n",
     "python-flow-path"),
    ("from flask import current_app, request\n\n@app.route('/l')\ndef l():\n"
     "    current_app.logger.info('u ' + request.args['u'])\n    return ''\n", "python-flow-log"),
])
def test_views_and_loggers_still_found(src, rule):
    src = src.replace("import os\n", "import os\nimport django\n", 1) if "django" not in src and "request, name" in src else src
    # (a Django function view is recognised in a views module)
    assert [r for r, _ in flows(src, "shop/views.py")] == [rule]


def test_a_conversion_whose_failure_exits_validates_the_raw_value():
    src = HEAD + ("import uuid\n\ndef v():\n    x = request.args['x']\n    try:\n        uuid.UUID(x)\n"
                  "    except ValueError:\n        return 'bad'\n    os.system('ls ' + x)\n\n"
                  "def w():\n    x = request.args['x']\n    try:\n        uuid.UUID(x)\n"
                  "    except ValueError:\n        pass\n    os.system('ls ' + x)\n")
    assert flows(src) == [("python-flow-command", 19)]


def test_a_record_or_value_looked_up_by_a_request_value_is_stored_data():
    src = ("from fastapi import FastAPI\nfrom fastapi.responses import RedirectResponse\nfrom db import get_tinyurl\n\n"
           "app = FastAPI()\n\n@app.get('/t/{tid}')\nasync def tiny(tid: str):\n    row = await get_tinyurl(tid)\n"
           "    return RedirectResponse(url=row.url)\n\n@app.get('/u/{tid}')\nasync def raw(tid: str):\n"
           "    value = get_tinyurl(tid)\n    return RedirectResponse(url='' + value)\n"
           "\n@app.get('/v/{tid}')\nasync def echo(tid: str):\n    return RedirectResponse(url='' + tid)\n")
    # get_tinyurl() is a call the analysis cannot see into: its result does not carry `tid`
    assert flows(src) == [("python-flow-redirect", 19)]


def test_a_validator_in_another_module_checks_the_callers_value(tmp_path, monkeypatch):
    """get_provider(name) raises unless name is allowed: after the call the view's value is
    checked; a look-up that returns None instead does not check it."""
    from ztlint import cli
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "providers.py").write_text(
        "KNOWN = {'stripe', 'paypal'}\n\n"
        "def get_provider(name):\n    if name not in KNOWN:\n        raise ValueError(name)\n"
        "    return name\n\n"
        "def find_provider(name):\n    if name in KNOWN:\n        return name\n    return None\n")
    (tmp_path / "app" / "views.py").write_text(
        "import logging\nfrom flask import Flask\nfrom .providers import find_provider, get_provider\n\n"
        "app = Flask(__name__)\nlog = logging.getLogger(__name__)\n\n"
        "@app.route('/a/<p>')\ndef a(p):\n    get_provider(p)\n    log.warning('failed %s', p)\n    return 'x'\n\n"
        "@app.route('/b/<p>')\ndef b(p):\n    find_provider(p)\n    log.warning('failed %s', p)\n    return 'x'\n")
    (tmp_path / "ztlint.toml").write_text("")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out.json"
    cli.main(["scan", ".", "--format", "json", "-o", str(out), "--no-progress", "--no-cache"])
    found = [(f["path"].rsplit("/", 1)[-1], f["start"]["line"]) for f in json.loads(out.read_text())["findings"]
             if f["rule"] == "python-flow-log"]
    assert found == [("views.py", 17)]
