"""Issue 10 item 6: a secret rule redacts every capture it does not declare plain, so a token
used as a URL's or a CLI's user name never reaches a message."""

from __future__ import annotations

import pytest

from ztlint.engine import rules
from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config

from ..helpers import TOKEN_RULE, write

# split so that scanning this repository does not report its own test data
TOKEN = "ghp_" "cLq0tI1jkszp88r7fYkDc96kVncLVP41QdEW"
CREDENTIALS = TOKEN + ":x-oauth-basic"


@pytest.mark.parametrize("line, rule_id", [
    (f"git clone https://{CREDENTIALS}@github.com/o/r.git", "secret-url-credentials"),
    (f"curl -u {CREDENTIALS} https://api.github.com/user", "secret-cli-user-password-pair"),
])
def test_token_as_user_name_is_redacted(bundled, line, rule_id):
    found = analyze(f"#!/bin/sh\n{line}\n".encode(), "clone.sh", bundled, Config()).findings
    by_rule = {f.rule_id: f for f in found}
    assert rule_id in by_rule
    for f in found:
        assert TOKEN[4:12] not in f.message
        assert TOKEN[4:7] not in f.message  # issue 13 item 6: not even the first characters
    # a URL's or CLI's user part has no public prefix: only its length is shown
    assert "…(40 chars)" in by_rule[rule_id].message


def _rule(regex: str, extra: str) -> str:
    head = TOKEN_RULE.split("match:")[0]
    return head + f"match:\n  regex: '{regex}'\n  keywords: [ztk_]\n" + extra + "docs: 'a test rule here'\n"


def _load_errors(tmp_path, text: str) -> list[str]:
    write(tmp_path / "r.yaml", text)
    return [str(e) for e in rules.load_rules([tmp_path]).compile_all()]


def test_plain_captures_cannot_name_the_secret(tmp_path):
    errs = _load_errors(tmp_path, _rule("(?P<secret>ztk_[0-9a-f]{24})",
                                        "plain-captures: [secret]\nmessage: 'token {secret}'\n"))
    assert len(errs) == 1 and "plain-captures" in errs[0] and "always redacted" in errs[0]


def test_plain_captures_must_be_captures(tmp_path):
    errs = _load_errors(tmp_path, _rule("(?P<secret>ztk_[0-9a-f]{24})",
                                        "plain-captures: [host]\nmessage: 'token {secret}'\n"))
    assert len(errs) == 1 and "unknown capture 'host'" in errs[0]


def test_undeclared_captures_are_redacted(tmp_path):
    write(tmp_path / "r.yaml", _rule("(?P<user_name>[a-z]{10})=(?P<secret>ztk_[0-9a-f]{24})",
                                     "message: '{user_name} has {secret}'\n"))
    rs = rules.load_rules([tmp_path])
    assert rs.compile_all() == []
    found = analyze(b"qwhdkzmcpa=ztk_9f8e7d6c5b4a39281706f5e4\n", "x.txt", rs, Config()).findings
    # the secret keeps its format's public prefix (the regex's literal ztk_), the rest only a length
    assert [f.message for f in found] == ["…(10 chars) has ztk_…"]
