from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ztlint.engine import config as cfgmod
from ztlint.engine import rules

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def bundled():
    return rules.load_rules([rules.bundled_rules_dir()])


@pytest.fixture
def default_config(tmp_path):
    return cfgmod.Config(root=tmp_path)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


EVAL_RULE = """
id: test-eval
title: eval call
severity: warning
confidence: high
cwe: [CWE-95]
owasp: ["A03:2021-Injection"]
languages: [python]
match:
  query: |
    (call function: (identifier) @fn) @call
  report: call
  where:
    - capture: fn
      equals: risky
message: "risky call {fn}"
docs: "Evaluating strings runs code. Avoid it."
"""

TOKEN_RULE = """
id: test-token
title: test token
severity: error
confidence: high
category: secret
cwe: [CWE-798]
owasp: []
languages: [generic]
match:
  regex: '(?P<secret>ztk_[0-9a-f]{24})'
  keywords: [ztk_]
  min-entropy: 2.5
message: "token {secret} in source"
docs: "A test token format used by the test suite."
"""


@pytest.fixture
def custom_rules(tmp_path):
    d = tmp_path / "custom-rules"
    write(d / "eval.yaml", EVAL_RULE)
    write(d / "token.yaml", TOKEN_RULE)
    return d
