"""A real LSP client (pytest-lsp) talking to `ztlint lsp` over stdio."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from ..conftest import EVAL_RULE, TOKEN_RULE, write

SERVER = [sys.executable, "-m", "ztlint.cli", "lsp"]

APP = '''import subprocess
import yaml

def load(stream):
    return yaml.load(stream)

TOKEN = "ztk_9f8e7d6c5b4a39281706f5e4"
'''


def record_publishes(client: LanguageClient) -> list[types.PublishDiagnosticsParams]:
    """Every publishDiagnostics, in order (pytest-lsp keeps only the latest per file)."""
    seen: list[types.PublishDiagnosticsParams] = []
    fm = client.protocol.fm
    original = fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def recorder(params):
        seen.append(params)
        return original(params)
    fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = recorder
    return seen


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


def vscode_caps() -> types.ClientCapabilities:
    return client_capabilities("visual-studio-code")


async def start(client: LanguageClient, ws: Path, init: dict | None = None,
                caps: types.ClientCapabilities | None = None):
    client.published = record_publishes(client)
    client.registrations = []
    if types.CLIENT_REGISTER_CAPABILITY not in client.protocol.fm.features:
        @client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams):
            client.registrations.extend(params.registrations)
    await client.initialize_session(types.InitializeParams(
        capabilities=caps or vscode_caps(),
        workspace_folders=[types.WorkspaceFolder(uri=ws.as_uri(), name="ws")],
        initialization_options={"debounceMs": 0, **(init or {})},
    ))


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
