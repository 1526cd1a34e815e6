"""Start-up: settings that arrive after a document was opened, settings passed as
initializationOptions, and what the server imports before its first request."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys

from lsprotocol import types
from pytest_lsp import LanguageClient

from .helpers import open_doc, start, wait_for


async def test_settings_that_arrive_after_didopen_reanalyse_the_document(raw_client: LanguageClient,
                                                                         workspace):
    """The server asks for settings after `initialized`; a client may open documents before it
    answers. Those documents must not keep results of the defaults."""
    uri = (workspace / "app.py").as_uri()
    answered = asyncio.Event()

    async def configuration(params: types.ConfigurationParams):
        while not any(p.uri == uri for p in raw_client.published):  # opened and analysed first
            await asyncio.sleep(0.01)
        answered.set()
        return [{"disabledRules": ["test-token"]} for _ in params.items]
    raw_client.protocol.fm.features[types.WORKSPACE_CONFIGURATION] = configuration

    await start(raw_client, workspace)
    open_doc(raw_client, workspace / "app.py")
    first = await wait_for(raw_client, uri, 1)
    assert "test-token" in {d.code for d in first}  # analysed before the settings came
    await asyncio.wait_for(answered.wait(), 10)

    async def settled():
        while True:
            mine = [p for p in raw_client.published if p.uri == uri]
            if len(mine) >= 2:
                return mine[-1]
            await asyncio.sleep(0.01)
    last = await asyncio.wait_for(settled(), 10)
    assert last.version == 1
    assert {d.code for d in last.diagnostics} == {"python-yaml-unsafe-load"}


async def test_initialization_options_carry_rule_settings(raw_client: LanguageClient, workspace):
    """A client without workspace/configuration (the benchmark's, some editors') passes
    settings such as disabledRules in initializationOptions."""
    caps = types.ClientCapabilities(workspace=types.WorkspaceClientCapabilities(configuration=False))
    await start(raw_client, workspace, {"disabledRules": ["test-token"]}, caps)
    uri = open_doc(raw_client, workspace / "app.py")
    diags = await wait_for(raw_client, uri, 1)
    assert {d.code for d in diags} == {"python-yaml-unsafe-load"}


def test_the_server_module_does_not_import_the_engine():
    """Answering `initialize` needs pygls only: rules, tree-sitter and the analysis are
    imported when the first document (or the background warm-up) needs them."""
    code = ("import sys, ztlint.lsp.server; "
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('ztlint.engine.rules', "
            "'ztlint.engine.analyze', 'ztlint.scan', 'tree_sitter', 'jsonschema', 'yaml')))))")
    out = subprocess.run([sys.executable, "-c", "import json; " + code], capture_output=True,
                         text=True, check=True).stdout
    assert json.loads(out) == []
