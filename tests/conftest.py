"""Fixtures shared by every test package (helpers live in tests/helpers.py)."""

from __future__ import annotations

import os

import pytest

from ztlint.engine import config as cfgmod
from ztlint.engine import rules

from .helpers import EVAL_RULE, TOKEN_RULE, write

# Scans in tests never read or fill the user's result cache (tests/scan/test_cache.py passes
# its own folders); subprocesses inherit this.
os.environ.setdefault("ZTLINT_NO_CACHE", "1")


@pytest.fixture(scope="session")
def bundled():
    return rules.load_rules([rules.bundled_rules_dir()])


@pytest.fixture
def default_config(tmp_path):
    return cfgmod.Config(root=tmp_path)


@pytest.fixture
def custom_rules(tmp_path):
    d = tmp_path / "custom-rules"
    write(d / "eval.yaml", EVAL_RULE)
    write(d / "token.yaml", TOKEN_RULE)
    return d
