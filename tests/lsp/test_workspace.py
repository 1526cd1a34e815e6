"""Workspace scan, configuration, rule hot-reload, and robustness."""

from __future__ import annotations

import asyncio
import json
import subprocess

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from ..helpers import EVAL_RULE, write
from .helpers import SERVER, start
from .helpers import open_doc, wait_for
from .test_actions import wait_for_codes


async def test_scan_workspace_streams_closed_files_with_progress(client: LanguageClient, workspace):
    open_uri = open_doc(client, workspace / "app.py")
    await wait_for(client, open_uri, 1)
    result = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="ztlint.scanWorkspace", arguments=[]))
    assert result["files"] == 3 and result["cancelled"] is False  # app.py, closed.py, ztlint.toml
    closed = (workspace / "other" / "closed.py").as_uri()
    diags = client.diagnostics[closed]
    assert [d.code for d in diags] == ["python-yaml-unsafe-load"]
    assert diags[0].range.start == types.Position(1, 0)
    # the open document keeps its live diagnostics: the scan published nothing for it
    assert [p.version for p in client.published if p.uri == open_uri] == [1]
    (reports,) = client.progress_reports.values()
    assert isinstance(reports[0], types.WorkDoneProgressBegin) and reports[0].cancellable
    assert isinstance(reports[-1], types.WorkDoneProgressEnd)
    percentages = [r.percentage for r in reports if isinstance(r, types.WorkDoneProgressReport)]
    assert percentages[-1] == 100 and percentages == sorted(percentages)


async def test_scan_workspace_can_be_cancelled(client: LanguageClient, workspace):
    for i in range(400):
        write(workspace / "many" / f"m{i:03}.py", "import yaml\n" + "x = 1\n" * 200 + "yaml.load(s)\n")
    cancelled = asyncio.Event()

    original = client.protocol.fm.features[types.PROGRESS]

    def on_progress(params):
        original(params)
        if params.value.get("kind") == "report" and not cancelled.is_set():
            cancelled.set()
            client.window_work_done_progress_cancel(types.WorkDoneProgressCancelParams(token=params.token))
    client.protocol.fm.features[types.PROGRESS] = on_progress
    result = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="ztlint.scanWorkspace", arguments=[]))
    assert cancelled.is_set()
    assert result["cancelled"] is True and result["files"] < 403


async def test_configuration_change_disables_a_rule(client: LanguageClient, workspace):
    uri = open_doc(client, workspace / "app.py")
    await wait_for(client, uri, 1)
    client.set_configuration({"disabledRules": ["test-token"]}, section="ztlint")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    assert await wait_for_codes(client, uri, ["python-yaml-unsafe-load"])
    client.set_configuration({"severityOverrides": {"python-yaml-*": "hint"}}, section="ztlint")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    assert await wait_for_codes(client, uri, ["python-yaml-unsafe-load", "test-token"])
    d = next(d for d in client.diagnostics[uri] if d.code == "python-yaml-unsafe-load")
    assert d.severity == types.DiagnosticSeverity.Hint


async def test_rule_hot_reload_and_broken_rule_file(client: LanguageClient, workspace):
    uri = open_doc(client, workspace / "app.py", "risky(x)\nimport yaml\nyaml.load(s)\n")
    assert await wait_for_codes(client, uri, ["test-eval", "python-yaml-unsafe-load"])
    rule = workspace / "rules" / "eval.yaml"
    rule.write_text(EVAL_RULE.replace("equals: risky", "equals: other").lstrip("\n"))
    event = types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=rule.as_uri(),
                                                                       type=types.FileChangeType.Changed)])
    client.workspace_did_change_watched_files(event)
    assert await wait_for_codes(client, uri, ["python-yaml-unsafe-load"])
    # a broken rule: a diagnostic on the rule file itself; the other rules keep working
    rule.write_text("id: test-eval\ntitle: [unclosed\n")
    client.workspace_did_change_watched_files(event)
    rule_diags = await wait_for(client, rule.as_uri())
    assert rule_diags[0].severity == types.DiagnosticSeverity.Error and "yaml" in rule_diags[0].message
    assert await wait_for_codes(client, uri, ["python-yaml-unsafe-load"])
    # fixed again: its diagnostics clear
    rule.write_text(EVAL_RULE.lstrip("\n"))
    client.workspace_did_change_watched_files(event)
    assert await wait_for_codes(client, uri, ["test-eval", "python-yaml-unsafe-load"])
    assert list(client.diagnostics[rule.as_uri()]) == []


async def test_show_rule_docs_and_errors_are_answered(client: LanguageClient, workspace):
    docs = await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command="ztlint.showRuleDocs", arguments=["python-yaml-unsafe-load"]))
    assert "CWE-502" in docs
    with pytest.raises(Exception, match="no rule"):
        await client.workspace_execute_command_async(types.ExecuteCommandParams(
            command="ztlint.showRuleDocs", arguments=["nope"]))
    # still serving
    uri = open_doc(client, workspace / "app.py")
    assert await wait_for(client, uri, 1)


async def test_huge_and_binary_documents_are_skipped_with_one_message(client: LanguageClient, workspace):
    big = open_doc(client, workspace / "big.py", "x = 1\n" * 400_000)
    binary = open_doc(client, workspace / "bin.dat", "abc\x00def", language="plaintext")
    uri = open_doc(client, workspace / "app.py")
    await wait_for(client, uri, 1)
    texts = [m.message for m in client.messages]
    assert any("big.py" in t and "max-file-size" in t for t in texts)
    assert any("bin.dat" in t and "binary" in t for t in texts)
    assert not any(p.uri in (big, binary) for p in client.published)


async def test_half_typed_and_non_utf8_like_text_never_crash(client: LanguageClient, workspace):
    uri = open_doc(client, workspace / "half.py", "def f(:\n  yaml.load(\n\ud800 '''unterminated\n")
    await wait_for(client, uri, 1)
    for v in range(2, 30):
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=v),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(v % 5, 99), types.Position(v % 7 + 40, 0)), text="é(😀")]))
    await wait_for(client, uri, 29)


def test_malformed_json_rpc_does_not_kill_the_server():
    proc = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def send(body: bytes):
        proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        proc.stdin.flush()
    send(b"{this is not json")
    proc.stdin.write(b"x" * (3 << 20) + b"\r\n")  # a "header line" longer than any buffer
    send(b'{"jsonrpc": "2.0", "id": 7, "method": "no/such/method", "params": {}}')
    init = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"processId": None, "rootUri": None, "capabilities": {}}}
    send(json.dumps(init).encode())
    out = b""
    while b'"id": 1' not in out and b'"id":1' not in out:
        line = proc.stdout.readline()
        assert line, proc.stderr.read().decode()
        length = int(line.split(b":")[1])
        proc.stdout.readline()
        out += proc.stdout.read(length)
    assert b"capabilities" in out
    send(json.dumps({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}).encode())
    send(json.dumps({"jsonrpc": "2.0", "method": "exit"}).encode())
    assert proc.wait(timeout=20) == 0


async def test_restricted_mode_ignores_repository_rule_dirs(raw_client: LanguageClient, workspace):
    (workspace / "ztlint.toml").write_text('rule-dirs = ["rules"]\n[rules]\nenable = ["python-yaml-*", "test-*"]\n')
    await start(raw_client, workspace, {"trusted": False})
    uri = open_doc(raw_client, workspace / "app.py", "risky(x)\nimport yaml\nyaml.load(s)\n")
    diags = await wait_for(raw_client, uri, 1)
    assert [d.code for d in diags] == ["python-yaml-unsafe-load"]  # bundled rules only


async def test_baseline_findings_show_as_hints(raw_client: LanguageClient, workspace):
    import json as _json

    from .helpers import open_doc as _open
    from ztlint.engine import baseline, rules as _rules
    from ztlint.engine.analyze import analyze as _analyze
    from ztlint.engine.config import load_config
    cfg = load_config(workspace)
    rs = _rules.load_rules(_rules.default_rule_dirs(cfg.rule_dirs))
    found = _analyze((workspace / "app.py").read_bytes(), "app.py", rs, cfg).findings
    baseline.save(workspace / "base.json", [f for f in found if f.rule_id == "test-token"])
    config = (workspace / "ztlint.toml").read_text()
    (workspace / "ztlint.toml").write_text('baseline = "base.json"\n' + config)
    await start(raw_client, workspace)
    uri = _open(raw_client, workspace / "app.py")
    diags = {d.code: d for d in await wait_for(raw_client, uri, 1)}
    assert set(diags) == {"test-token", "python-yaml-unsafe-load"}, [(d.code, d.message) for d in diags.values()]
    assert diags["test-token"].severity == types.DiagnosticSeverity.Hint
    assert diags["test-token"].message.endswith("(accepted in baseline)")
    assert diags["python-yaml-unsafe-load"].severity == types.DiagnosticSeverity.Error
    assert _json.loads((workspace / "base.json").read_text())["version"] == 1
