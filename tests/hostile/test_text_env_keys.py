"""Issue 10 item 11: a credential key alone at the start of a .env/.properties line is found
(the pattern used to need a character before the keyword: only X_PASSWORD=... was)."""

from __future__ import annotations

import pytest

from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config

RULE = "secret-generic-config-assignment"


@pytest.mark.parametrize("path", [".env", "app.properties", "settings.ini"])
@pytest.mark.parametrize("line", ["PASSWORD=Xk9mQ2vLp8zR4tW", "SECRET=Zq8kLm2pX9wTr5",
                                  "token: Hq7wPz3kLm9vR2x", "password = Xk9mQ2vLp8zR4tW"])
def test_bare_key_at_line_start_is_found(bundled, path, line):
    found = analyze(f"# settings\n{line}\n".encode(), path, bundled, Config()).findings
    assert [(f.rule_id, f.line) for f in found] == [(RULE, 2)]


@pytest.mark.parametrize("line", ["PASSWORD=", "TOKEN=${TOKEN}", "SECRET=changeme",
                                  "TOKENS_PER_MINUTE=1200", "PASSWORDLESS=true"])
def test_bare_keys_without_a_credential_stay_quiet(bundled, line):
    assert analyze(f"{line}\n".encode(), ".env", bundled, Config()).findings == []
