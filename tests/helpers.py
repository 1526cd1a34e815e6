"""Shared test helpers: the repository root, a file writer and small rules used across tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


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
