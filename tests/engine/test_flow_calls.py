"""Calls the flow analysis cannot see into, and helpers that return: what their result carries."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest

from ztlint.engine import analyze, config, rules

RULES = Path(__file__).resolve().parents[2] / "rules" / "taint" / "python"
RULESET = rules.load_rules(rules.default_rule_dirs())
CFG = config.Config(root=Path("."))
HEAD = "import os, subprocess\nfrom flask import request\nfrom app.db import get_activity, check_url\n"


def flows(src: str, ruleset=RULESET) -> list[tuple[str, int]]:
    a = analyze.analyze(textwrap.dedent(src).encode(), "app.py", ruleset, CFG, language="python")
    return sorted((f.rule_id, f.line) for f in a.findings if "-flow-" in f.rule_id)


def test_a_helper_whose_return_carries_nothing_still_returns():
    # it was taken for a function that never returns (like abort()), so the code after the
    # call was dead and the flow below it lost
    src = HEAD + textwrap.dedent("""\
        def note(x):
            print(x)
            return "ok"
        def v():
            h = request.args['h']
            note(h)
            os.system(h)
        """)
    assert flows(src) == [("python-flow-command", 10)]


@pytest.mark.parametrize("body", [
    "row = get_activity(request.args['id'])\n    os.system(row)",  # a lookup: stored data
    "url = request.args['u']\n    ok = check_url(url)\n    os.system(ok)",  # a verdict
    "x = request.args['x']\n    n = len(x)\n    os.system(n)",
])
def test_the_result_of_an_unknown_call_does_not_carry_its_arguments(body):
    assert flows(HEAD + "def v():\n    " + body + "\n") == []


@pytest.mark.parametrize("body", [
    "x = request.args['x']\n    os.system(x.strip().lower())",  # methods of the value itself
    "x = request.args['x']\n    os.system('ls {}'.format(x))",  # listed methods
    "x = request.args['x']\n    os.system(' '.join(['ls', x]))",
    "x = request.args['x']\n    os.system(os.path.join('/srv', x))",  # listed calls
    "x = request.args['x']\n    os.system(str(x))",
    "x = request.args['x']\n    os.system(Job(x).target)",  # a constructor holds its arguments
])
def test_listed_propagators_and_receivers_carry_taint(body):
    assert flows(HEAD + "def v():\n    " + body + "\n") == [("python-flow-command", 6)]


def test_without_propagators_in_the_model_every_call_carries_its_arguments(tmp_path):
    # the switch is data: a language model without `propagators` keeps the conservative rule
    models = (RULES / "_models.yaml").read_text(encoding="utf-8")
    stripped = re.sub(r"\n    propagators:\n(?:      .*\n|\n)*", "\n", models)
    assert "propagators" not in stripped.split("models:", 1)[1].replace("# ", "")
    (tmp_path / "_models.yaml").write_text(stripped, encoding="utf-8")
    shutil.copy(RULES / "command.yaml", tmp_path / "command.yaml")
    conservative = rules.load_rules([tmp_path])
    assert not conservative.errors, conservative.errors
    src = HEAD + "def v():\n    row = get_activity(request.args['id'])\n    os.system(row)\n"
    assert flows(src, conservative) == [("python-flow-command", 6)]
    assert flows(src) == []


def test_a_malformed_propagators_block_names_file_line_and_field(tmp_path):
    models = (RULES / "_models.yaml").read_text(encoding="utf-8")
    (tmp_path / "_models.yaml").write_text(models.replace("      constructors: true",
                                                          "      constructor: true"),
                                           encoding="utf-8")
    rs = rules.load_rules([tmp_path])
    assert rs.errors and rs.errors[0].path.endswith("_models.yaml")
    assert "constructor" in str(rs.errors[0]) and rs.errors[0].line > 1


@pytest.mark.parametrize("source, default, audit", [
    ("request.args['x']", "error", "error"),  # the network
    ("sys.argv[1]", "warning", "warning"),  # whoever runs the program
    ("os.environ['TOOL']", "hint", "warning"),  # whoever deploys it: a hazard, not a flow
    ("os.getenv('TOOL', 'x')", "hint", "warning"),
])
def test_how_severe_a_flow_is_depends_on_who_controls_its_source(source, default, audit):
    src = "import sys\n" + HEAD + f"def v():\n    os.system('run ' + {source})\n"
    for profile, expected in (("default", default), ("audit", audit)):
        cfg = config.Config(root=Path("."), profile=profile)
        a = analyze.analyze(src.encode(), "app.py", RULESET, cfg, language="python")
        assert [f.severity for f in a.findings if f.rule_id == "python-flow-command"] == [expected]


@pytest.mark.parametrize("body", [
    "u = request.args['u']\n    if not client.allow_redirect_uri(u):\n        return 'no'\n    os.system(u)",
    "u = request.args['u']\n    if not is_valid_host(u):\n        abort(400)\n    os.system(u)",
    "u = request.args['u']\n    if url_is_safe(u):\n        os.system(u)",
    "u = request.args['u']\n    validate_api_url(u)\n    os.system(u)",  # raises unless valid
    "u = request.args['u']\n    check_access_permission('/srv', u)\n    os.system(u)",
])
def test_the_projects_own_validators_are_guards_by_their_names(body):
    assert flows(HEAD + "from flask import abort\ndef v():\n    " + body + "\n") == []


@pytest.mark.parametrize("body", [
    "u = request.args['u']\n    if not is_valid_host(u):\n        print('bad')\n    os.system(u)",  # does not stop
    "u = request.args['u']\n    log_url(u)\n    os.system(u)",  # not a check by its name
    "u = request.args['u']\n    subprocess.check_call(['ls', u])\n    os.system(u)",
    "u = request.args['u']\n    if validity_report(u):\n        pass\n    os.system(u)",
])
def test_calls_that_are_not_checks_or_do_not_stop_leave_the_value_tainted(body):
    assert flows(HEAD + "def v():\n    " + body + "\n") != []


SIGNED_HEAD = HEAD + "import hmac, logging\nlog = logging.getLogger(__name__)\nfrom flask import abort\n"


@pytest.mark.parametrize("check", [
    "check_stripe_signature(request.get_data(), request.headers['Stripe-Signature'], SECRET)",
    "verify_paypal_webhook(request.headers, request.get_data())",
    "if not hmac.compare_digest(request.headers['X-Sig'], sign(request.get_data())):\n        abort(403)",
])
def test_after_a_signature_check_the_request_data_is_the_signers(check):
    src = SIGNED_HEAD + f"def hook():\n    {check}\n    event = request.get_json()\n    log.info(event['id'] + 'x')\n"
    assert flows(src) == []


@pytest.mark.parametrize("body", [
    # the check is on something else, fails without stopping, or comes after the use
    "check_stripe_signature(b'x', 'y', SECRET)\n    log.info(request.get_json()['id'] + 'x')",
    "if not hmac.compare_digest(request.headers['X-Sig'], 'k'):\n        pass\n    log.info(request.args['id'] + 'x')",
    "log.info(request.args['id'] + 'x')\n    verify_paypal_webhook(request.headers, request.get_data())",
    "if request.args.get('p') == 'stripe':\n        check_stripe_signature(request.get_data(), 's', SECRET)\n"
    "    log.info(request.args['id'] + 'x')",  # signed on one branch only
])
def test_a_signature_check_that_does_not_cover_the_use_leaves_it_tainted(body):
    assert flows(SIGNED_HEAD + "def hook():\n    " + body + "\n") != []


def test_an_inherited_method_of_self_does_not_return_what_its_attributes_hold():
    src = HEAD + textwrap.dedent("""\
        from django.views.generic import UpdateView
        class V(UpdateView):
            def post(self, request):
                self.form = Form(request.POST)
                os.system(self.get_success_url())
                os.system(self.form.data)
        """)
    assert flows(src) == [("python-flow-command", 9)]


def test_regex_route_groups_that_admit_only_digits_hold_numbers():
    src = textwrap.dedent(r'''
        from django.http import HttpResponse
        from wagtail.contrib.routable_page.models import RoutablePageMixin, route

        class P(RoutablePageMixin):
            @route(r"^archive/(?:y)/(\d+)/(\w+)/$")
            def by_year(self, request, year, slug):
                HttpResponse("Y " + str(year))
                return HttpResponse("S " + slug)

            @route(r"^item/(?P<pk>[0-9]{1,6})/(?P<name>.+)/$")
            def item(self, request, pk, name):
                HttpResponse("P " + pk)
                return HttpResponse("N " + name)
        ''')
    assert flows(src) == [("python-flow-xss", 9), ("python-flow-xss", 14)]


@pytest.mark.parametrize("body, expected", [
    # the start is fixed where the text is built, then passed on through a variable
    ("url = '%s?next=%s' % (settings.LOGIN_URL, request.path)\n    return redirect(url)", []),
    ("url = '/wallet?usr=' + request.args['u']\n    target = url\n    return redirect(target)", []),
    ("url = f\"{reverse('home')}?q={request.args['q']}\"\n    return redirect(url)", []),
    ("url = request.args['u'] + '/x'\n    return redirect(url)", [("python-flow-redirect", 8)]),
    ("url = '%s/x' % request.args['u']\n    return redirect(url)", [("python-flow-redirect", 8)]),
])
def test_a_fixed_start_is_kept_when_the_text_is_passed_on(body, expected):
    head = ("from flask import request, redirect\nfrom django.conf import settings\n"
            "from django.urls import reverse\n\n@app.route('/x')\ndef v():\n    ")
    assert flows(head + body + "\n") == expected


@pytest.mark.parametrize("caught, expected", [
    ("NotFound", []),  # UUID(x) succeeded before anything NotFound could be raised
    ("(NotFound, exc.Gone)", []),
    ("ValueError", [("python-flow-command", 11)]),  # the failed conversion lands here
    ("Exception as e", [("python-flow-command", 11)]),
    ("", [("python-flow-command", 11)]),  # a bare except catches it too
])
def test_in_a_handler_that_cannot_catch_a_failed_conversion_the_value_converted(caught, expected):
    src = HEAD + textwrap.dedent(f"""\
        import uuid
        def v():
            x = request.args['x']
            try:
                u = uuid.UUID(x)
                run(u)
            except {caught}:
                os.system('echo ' + x)
        """)
    assert flows(src) == expected


def test_incremental_flow_analysis_of_broken_javascript_matches_a_full_one():
    # found by the property test: after edits that break the file, a statement with the same
    # text as before but another tree from error recovery was taken from the lowering cache
    from ztlint.engine import languages
    from ztlint.engine.incremental import IncrementalDocument
    sample = RULES.parent / "javascript" / "ssrf.js"
    text = sample.read_text(encoding="utf-8")
    lang = languages.detect(sample.name)
    doc = IncrementalDocument(text.encode(), sample.name, lang, RULESET, CFG)
    for pos, length, insert in [(0, 0, "\n"), (0, 24, ""), (179, 30, " "), (0, 0, "\n"),
                                (0, 0, "000000"), (775, 6, "\n")]:
        start = len(text[:pos].encode())
        doc.edit(start, start + len(text[pos:pos + length].encode()), insert.encode())
        text = text[:pos] + insert + text[pos + length:]
    found = sorted((f.rule_id, f.start) for f in doc.analyze() if "-flow-" in f.rule_id)
    full = analyze.analyze(doc.source, sample.name, RULESET, CFG, language=lang, tree=doc.tree)
    assert found == sorted((f.rule_id, f.start) for f in full.findings if "-flow-" in f.rule_id)


def test_a_function_no_longer_handed_to_a_route_stops_being_a_handler_while_typing():
    from ztlint.engine.incremental import IncrementalDocument
    src = ("const cp = require('child_process');\nconst app = require('express')();\n"
           "function h(request, reply) {\n  cp.exec(request.query.x);\n}\n")
    route = "app.get('/x', h);\n"
    doc = IncrementalDocument((src + route).encode(), "a.js", "javascript", RULESET, CFG)
    assert [f.rule_id for f in doc.analyze() if "-flow-" in f.rule_id] == ["js-flow-command"]
    doc.edit(len(src), len(src) + len(route), b"")  # the registration is deleted
    assert [f.rule_id for f in doc.analyze() if "-flow-" in f.rule_id] == []


def test_top_level_code_replayed_in_the_editor_follows_the_modules_names():
    # breaking `const cp = require(...)` changes what cp.execSync() further down means: a group
    # of top-level statements replayed from the cache must not keep its old findings
    from ztlint.engine import languages
    from ztlint.engine.incremental import IncrementalDocument
    sample = RULES.parent / "javascript" / "command.js"
    text = sample.read_text(encoding="utf-8").encode()
    lang = languages.detect(sample.name)
    doc = IncrementalDocument(text, sample.name, lang, RULESET, CFG)
    doc.analyze()
    doc.edit(0, 0, b"A")
    found = sorted((f.rule_id, f.start) for f in doc.analyze() if "-flow-" in f.rule_id)
    full = analyze.analyze(doc.source, sample.name, RULESET, CFG, language=lang, tree=doc.tree)
    assert found == sorted((f.rule_id, f.start) for f in full.findings if "-flow-" in f.rule_id)
