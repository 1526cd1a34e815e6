"""Open, incremental edits, push/pull diagnostics, debounce and stale versions."""

from __future__ import annotations

import asyncio

from lsprotocol import types
from pytest_lsp import LanguageClient

from .helpers import APP, start, vscode_caps
from .helpers import change, open_doc, position_of, wait_for


async def test_open_publishes_precise_diagnostics(client: LanguageClient, workspace):
    uri = open_doc(client, workspace / "app.py")
    diags = await wait_for(client, uri, 1)
    by_code = {d.code: d for d in diags}
    assert set(by_code) == {"python-yaml-unsafe-load", "test-token"}
    d = by_code["python-yaml-unsafe-load"]
    assert d.source == "ztlint" and d.severity == types.DiagnosticSeverity.Error
    assert d.range == types.Range(types.Position(4, 11), types.Position(4, 28))
    assert d.code_description.href.startswith("https://")
    assert d.data["version"] == 1 and d.data["fix"]["safe"] is True
    token = by_code["test-token"]
    assert "ztk_…" in token.message and "9f8e7d6c" not in token.message


async def test_incremental_edits_with_non_ascii_text(client: LanguageClient, workspace):
    uri = open_doc(client, workspace / "app.py")
    await wait_for(client, uri, 1)
    # insert multi-byte text before the finding on the same line: columns are UTF-16 units
    pos = position_of(APP, "return yaml.load")
    inserted = "x = 'é中😀'; "
    shift = len(inserted.encode("utf-16-le")) // 2  # 12 UTF-16 units for 11 characters
    change(client, uri, 2, inserted, pos)
    diags = await wait_for(client, uri, 2)
    d = next(d for d in diags if d.code == "python-yaml-unsafe-load")
    assert d.range.start == types.Position(4, 11 + shift)
    # delete the unsafe call's name: the finding disappears; type it back: it returns
    col = position_of(APP, "yaml.load(stream)").character + len("yaml.") + shift
    change(client, uri, 3, "", types.Position(4, col), types.Position(4, col + 4))
    diags = await wait_for(client, uri, 3)
    assert [d.code for d in diags] == ["test-token"]
    change(client, uri, 4, "load", types.Position(4, col))
    diags = await wait_for(client, uri, 4)
    assert sorted(d.code for d in diags) == ["python-yaml-unsafe-load", "test-token"]


async def test_new_secret_typed_on_a_new_line(client: LanguageClient, workspace):
    uri = open_doc(client, workspace / "app.py")
    await wait_for(client, uri, 1)
    change(client, uri, 2, "\nOTHER = 'ztk_00aa11bb22cc33dd44ee55ff'\n", types.Position(7, 0))
    diags = await wait_for(client, uri, 2)
    assert sorted(d.range.start.line for d in diags if d.code == "test-token") == [6, 8]


async def test_debounce_publishes_only_the_latest_version(raw_client: LanguageClient, workspace):
    await start(raw_client, workspace, {"debounceMs": 150})
    uri = open_doc(raw_client, workspace / "app.py")
    await wait_for(raw_client, uri, 1)
    for v in range(2, 12):
        change(raw_client, uri, v, "#", types.Position(0, 0))
    diags = await wait_for(raw_client, uri, 11)
    assert {d.code for d in diags} == {"python-yaml-unsafe-load", "test-token"}
    await asyncio.sleep(0.3)
    versions = [p.version for p in raw_client.published if p.uri == uri]
    # the adaptive debounce may publish an early version of the burst (the server was idle),
    # but never an older version after a newer one, and nothing after the last
    assert versions[0] == 1 and versions[-1] == 11 and versions == sorted(set(versions))


async def test_pull_diagnostics_when_the_client_asks_for_them(raw_client: LanguageClient, workspace):
    caps = vscode_caps()
    caps.text_document.diagnostic = types.DiagnosticClientCapabilities(dynamic_registration=False)
    await start(raw_client, workspace, {"diagnosticMode": "pull"}, caps)
    uri = open_doc(raw_client, workspace / "app.py")
    report = await raw_client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri)))
    assert {d.code for d in report.items} == {"python-yaml-unsafe-load", "test-token"}
    change(raw_client, uri, 2, "", types.Position(6, 0), types.Position(7, 0))
    report = await raw_client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri)))
    assert [d.code for d in report.items] == ["python-yaml-unsafe-load"]
    ws_report = await raw_client.workspace_diagnostic_async(types.WorkspaceDiagnosticParams(previous_result_ids=[]))
    assert [r.uri for r in ws_report.items] == [uri]
    assert [p for p in raw_client.published if p.uri == uri] == []  # pull mode never pushes


async def test_close_clears_diagnostics(client: LanguageClient, workspace):
    uri = open_doc(client, workspace / "app.py")
    await wait_for(client, uri, 1)
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
    await asyncio.sleep(0.2)
    last = [p for p in client.published if p.uri == uri][-1]
    assert list(last.diagnostics) == []


async def test_hover_shows_rule_docs(client: LanguageClient, workspace):
    uri = open_doc(client, workspace / "app.py")
    await wait_for(client, uri, 1)
    h = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), types.Position(4, 15)))
    assert h.contents.kind == types.MarkupKind.Markdown
    assert "python-yaml-unsafe-load" in h.contents.value and "CWE-502" in h.contents.value
    none = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), types.Position(0, 0)))
    assert none is None
