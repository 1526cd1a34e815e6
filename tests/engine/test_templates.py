from __future__ import annotations

import pytest

from ztlint.engine import rules, templates
from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config

from ..helpers import write


@pytest.mark.parametrize("text,expected", [
    ("GITHUB_TOKEN", "GITHUB_TOKEN"),
    ("db_password", "DB_PASSWORD"),
    ("self.apiKey", "API_KEY"),
    ('config["db-password"]', "DB_PASSWORD"),
    ("'stripe_secret'", "STRIPE_SECRET"),
    ("clientSecretValue", "CLIENT_SECRET_VALUE"),
    ("2fa_seed", "SECRET_2FA_SEED"),
])
def test_env_name(text, expected):
    assert templates.env_name(text) == expected


def test_render_filters_unknown_names_and_shortening():
    assert templates.render("{a|upper}-{b}-{zz}", {"a": "x", "b": "y" * 10}, shorten=5) == "X-yyyy…-{zz}"


def test_env_lookup_fix_from_a_variable_name(tmp_path):
    write(tmp_path / "r.yaml", """
        id: test-env-fix
        title: literal password
        severity: error
        confidence: high
        category: secret
        cwe: [CWE-798]
        owasp: []
        languages: [python]
        match:
          query: '(assignment left: (_) @name right: (string) @value) @a'
          report: value
          where:
            - {capture: name, regex: '(?i)password'}
        plain-captures: [name]
        message: "{name} holds {value}"
        fix:
          title: 'Read {name|env} from the environment ({value})'
          safe: false
          edits:
            - {capture: value, replace: 'os.environ["{name|env}"]'}
        docs: "A test rule for environment lookup fixes."
        """)
    rs = rules.load_rules([tmp_path])
    (f,) = analyze(b'self.dbPassword = "hunter2-but-longer"\n', "a.py", rs, Config()).findings
    assert f.fix.edits[0].text == 'os.environ["DB_PASSWORD"]'
    assert f.fix.title == 'Read DB_PASSWORD from the environment (…(20 chars))'  # redacted: no prefix
    assert "hunter2" not in f.message


def test_unknown_filter_is_a_load_error(tmp_path):
    write(tmp_path / "r.yaml", """
        id: test-bad-filter
        title: bad filter
        severity: error
        confidence: high
        cwe: [CWE-798]
        owasp: []
        languages: [python]
        match: {query: '(string) @s', report: s}
        message: "{s|shout}"
        docs: "A rule with an unknown template filter."
        """)
    errs = [str(e) for e in rules.load_rules([tmp_path]).errors]
    assert len(errs) == 1 and "message: unknown template filter |shout" in errs[0]
