"""Code actions applied and re-checked: rule fix, suppressions, disable in config, fix all."""

from __future__ import annotations

from lsprotocol import types
from pytest_lsp import LanguageClient

from .helpers import APP
from .helpers import apply_edits, change, open_doc, wait_for


async def _actions(client, uri, diags, only=None):
    rng = diags[0].range if diags else types.Range(types.Position(0, 0), types.Position(0, 0))
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=rng,
        context=types.CodeActionContext(diagnostics=list(diags), only=only)))


def _apply(text: str, action: types.CodeAction, uri: str) -> str:
    (doc_edit,) = [c for c in action.edit.document_changes if isinstance(c, types.TextDocumentEdit)]
    assert doc_edit.text_document.uri == uri
    return apply_edits(text, doc_edit.edits)


async def _open(client, workspace):
    uri = open_doc(client, workspace / "app.py")
    diags = await wait_for(client, uri, 1)
    return uri, {d.code: d for d in diags}


async def test_quick_fix_applies_and_clears_the_finding(client: LanguageClient, workspace):
    uri, diags = await _open(client, workspace)
    actions = await _actions(client, uri, [diags["python-yaml-unsafe-load"]])
    fix = next(a for a in actions if a.title == "ztlint: Use yaml.safe_load()")
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    assert fix.edit.document_changes[0].text_document.version == 1
    text = _apply(APP, fix, uri)
    assert "return yaml.safe_load(stream)" in text
    change(client, uri, 2, text)
    assert [d.code for d in await wait_for(client, uri, 2)] == ["test-token"]


async def test_fix_for_a_stale_version_is_not_offered(client: LanguageClient, workspace):
    uri, diags = await _open(client, workspace)
    change(client, uri, 2, "# comment\n", types.Position(0, 0))
    await wait_for(client, uri, 2)
    actions = await _actions(client, uri, [diags["python-yaml-unsafe-load"]])  # version-1 diagnostic
    assert not any(a.title.startswith("ztlint: Use") for a in actions)


async def test_suppress_on_line_and_in_file(client: LanguageClient, workspace):
    uri, diags = await _open(client, workspace)
    actions = await _actions(client, uri, [diags["python-yaml-unsafe-load"]])
    line = next(a for a in actions if a.title == "ztlint: suppress python-yaml-unsafe-load here")
    text = _apply(APP, line, uri)
    assert "    # ztlint: ignore[python-yaml-unsafe-load] reason: <why this is safe>\n    return yaml.load" in text
    change(client, uri, 2, text)
    assert [d.code for d in await wait_for(client, uri, 2)] == ["test-token"]

    file_action = next(a for a in await _actions(client, uri, [diags["test-token"]])
                       if a.title == "ztlint: suppress test-token in this file")
    text = _apply(text, file_action, uri)
    assert text.startswith("# ztlint: ignore-file[test-token] reason:")
    change(client, uri, 3, text)
    assert list(await wait_for(client, uri, 3)) == []


async def test_disable_rule_in_workspace_config(client: LanguageClient, workspace):
    uri, diags = await _open(client, workspace)
    actions = await _actions(client, uri, [diags["test-token"]])
    disable = next(a for a in actions if a.title == "ztlint: disable test-token in ztlint.toml")
    (edit,) = disable.edit.document_changes
    assert edit.text_document.uri == (workspace / "ztlint.toml").as_uri()
    config = (workspace / "ztlint.toml").read_text()
    new = apply_edits(config, edit.edits)
    assert new.endswith('[rules]\ndisable = ["test-token"]\nenable = ["python-yaml-*", "test-*"]\n')
    (workspace / "ztlint.toml").write_text(new)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=(workspace / "ztlint.toml").as_uri(), type=types.FileChangeType.Changed)]))
    await_version = await wait_for_codes(client, uri, ["python-yaml-unsafe-load"])
    assert await_version


async def wait_for_codes(client, uri, codes, timeout=10.0):
    import asyncio

    async def poll():
        while True:
            for p in reversed(client.published):
                if p.uri == uri:
                    if sorted(d.code for d in p.diagnostics) == sorted(codes):
                        return True
                    break
            await asyncio.sleep(0.02)
    return await asyncio.wait_for(poll(), timeout)


async def test_disable_creates_a_config_file_when_there_is_none(client: LanguageClient, workspace, tmp_path):
    (workspace / "ztlint.toml").unlink()
    client.set_configuration({"enabledRules": ["python-yaml-*"]}, section="ztlint")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=(workspace / "ztlint.toml").as_uri(), type=types.FileChangeType.Deleted)]))
    uri, diags = await _open(client, workspace)
    actions = await _actions(client, uri, [diags["python-yaml-unsafe-load"]])
    disable = next(a for a in actions if a.title.startswith("ztlint: disable python-yaml-unsafe-load"))
    create, edit = disable.edit.document_changes
    assert isinstance(create, types.CreateFile) and create.uri == (workspace / "ztlint.toml").as_uri()
    assert apply_edits("", edit.edits) == '[rules]\ndisable = ["python-yaml-unsafe-load"]\n'


async def test_fix_all_applies_every_safe_fix(client: LanguageClient, workspace):
    text = APP + "b = yaml.load(other)\nc = yaml.load(x, Loader=yaml.UnsafeLoader)\n"
    uri = open_doc(client, workspace / "app.py", text)
    await wait_for(client, uri, 1)
    actions = await _actions(client, uri, [], only=["source.fixAll.ztlint"])
    (fix_all,) = actions
    assert fix_all.kind == "source.fixAll.ztlint"
    fixed = _apply(text, fix_all, uri)
    assert "yaml.load(" not in fixed.replace("yaml.load(x, Loader=yaml.SafeLoader)", "")
    assert fixed.count("yaml.safe_load(") == 2 and "Loader=yaml.SafeLoader" in fixed
    change(client, uri, 2, fixed)
    assert [d.code for d in await wait_for(client, uri, 2)] == ["test-token"]
