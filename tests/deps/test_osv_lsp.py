"""The editor: with `ztlint.osvDb` set, a manifest shows its known-vulnerable pins as it is
edited, and the quick fix bumps the version (a real LSP client over stdio)."""

from __future__ import annotations

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from ..helpers import write
from ..lsp.helpers import SERVER, apply_edits, change, open_doc, start, wait_for
from ..lsp.test_actions import wait_for_codes
from .osvdb import write_exports

RULE = "deps-known-vulnerable-version"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, tmp_path):
    ws = tmp_path / "ws"
    write(ws / "requirements.txt", "django==3.2.1\nflask>=2\n")
    write(ws / "ztlint.toml", f'[rules]\nenable = ["{RULE}"]\n')
    lsp_client.set_configuration({"osvDb": str(write_exports(tmp_path / "osv"))}, section="ztlint")
    await start(lsp_client, ws)
    # the server pulls settings after `initialized`; a change notification makes it pull them
    # again and re-check, so the test does not race the first pull
    lsp_client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    lsp_client.ws = ws
    yield
    await lsp_client.shutdown_session()


async def test_manifest_diagnostics_follow_edits_and_the_fix_bumps(client: LanguageClient):
    path = client.ws / "requirements.txt"
    uri = open_doc(client, path, language="pip-requirements")
    assert await wait_for_codes(client, uri, [RULE])
    (diag,) = client.diagnostics[uri]
    assert diag.code == RULE and diag.severity == types.DiagnosticSeverity.Error
    assert "GHSA-2222-3333-4444" in diag.message and diag.range.start == types.Position(0, 8)
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag])))
    fix = next(a for a in actions if a.title.startswith("ztlint: Upgrade django to 3.2.5"))
    text = apply_edits("django==3.2.1\nflask>=2\n", fix.edit.document_changes[0].edits)
    assert text == "django==3.2.5\nflask>=2\n"
    change(client, uri, 2, text)
    assert await wait_for_codes(client, uri, [])
    # typing another vulnerable pin shows it at once
    change(client, uri, 3, "lodash==1\npyyaml==5.3\n", types.Position(2, 0))
    diags = await wait_for(client, uri, 3)
    assert [(d.code, d.range.start.line) for d in diags] == [(RULE, 3)]


async def test_clearing_the_setting_clears_the_findings(client: LanguageClient):
    uri = open_doc(client, client.ws / "requirements.txt", language="pip-requirements")
    assert await wait_for_codes(client, uri, [RULE])
    client.set_configuration({"osvDb": ""}, section="ztlint")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    assert await wait_for_codes(client, uri, [])
