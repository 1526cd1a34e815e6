"""A real LSP client (pytest-lsp) talking to `ztlint lsp` over stdio."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from pytest_lsp import ClientServerConfig, LanguageClient

from ..helpers import EVAL_RULE, TOKEN_RULE, write
from .helpers import APP, SERVER, start

@pytest.fixture
def workspace(tmp_path) -> Path:
    ws = tmp_path / "ws"
    write(ws / "app.py", APP)
    write(ws / "other" / "closed.py", "import yaml\nyaml.load(open('x'))\n")
    write(ws / "rules" / "eval.yaml", EVAL_RULE)
    write(ws / "rules" / "token.yaml", TOKEN_RULE)
    # only the rules the tests reason about: new bundled rules must not change these tests
    write(ws / "ztlint.toml", 'rule-dirs = ["rules"]\nexclude = ["rules/"]\n\n'
          '[rules]\nenable = ["python-yaml-*", "test-*"]\n')
    return ws


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, workspace):
    await start(lsp_client, workspace)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def raw_client(lsp_client: LanguageClient):
    """Not initialised: the test decides the options."""
    yield
    await lsp_client.shutdown_session()
