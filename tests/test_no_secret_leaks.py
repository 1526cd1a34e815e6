"""Planted secrets never appear in any output channel: text, JSON, SARIF, baselines, or the
language server's diagnostics, hover, code actions, command results and logs."""

from __future__ import annotations

import json
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from ztlint import cli

from .conftest import write
from .lsp.conftest import start

# Split literals: the planted values exist only at run time, so scanning this repository
# (dogfood) does not report its own test data.
GITHUB = "ghp_" "cLq0tI1jkszp88r7fYkDc96kVncLVP41QdEW"
AWS_ID = "AKIA" "7JBD4R6CC6PKYQJR"
AWS_SECRET = "0r6EKnImrOk/" "vkjdfLCJQ4GFblOo/8Lw2DGmmPfK"
PLANTED_PW = "Zx9!kLm2" "#pQ7wR4t"
CONN_PW = "Kq8vZ2mX" "w4-orders"
PLANTED = [GITHUB, AWS_SECRET, PLANTED_PW, CONN_PW]

SOURCE = f'''import os

GITHUB_TOKEN = "{GITHUB}"
db_password = "{PLANTED_PW}"
aws = {{"aws_access_key_id": "{AWS_ID}", "aws_secret_access_key": "{AWS_SECRET}"}}
DATABASE_URL = "postgres://orders:{CONN_PW}@db.internal:5432/orders"
'''


def assert_clean(text: str) -> None:
    for secret in PLANTED:
        # the value, and any long enough piece of what follows its redacted prefix
        assert secret not in text
        assert secret[4:] not in text


@pytest.fixture
def project(tmp_path):
    write(tmp_path / "proj" / "settings.py", SOURCE)
    write(tmp_path / "proj" / "ztlint.toml", "")
    return tmp_path / "proj"


def test_cli_outputs_never_contain_planted_secrets(project, capsys, monkeypatch):
    monkeypatch.chdir(project)
    outputs = []
    for fmt in ("text", "json", "sarif"):
        assert cli.main(["scan", ".", "--format", fmt, "--no-progress"]) == 1
        out, err = capsys.readouterr()
        outputs.append(out + err)
    found = {f["rule"] for f in json.loads(outputs[1])["findings"]}
    assert {"secret-github-pat-classic", "secret-aws-secret-access-key", "secret-url-credentials",
            "secret-generic-password-python"} <= found
    assert cli.main(["baseline", "create", ".", "-o", "base.json"]) == 0
    assert cli.main(["baseline", "audit", "base.json"]) == 0
    out, err = capsys.readouterr()
    outputs.append(out + err + (project / "base.json").read_text())
    for text in outputs:
        assert_clean(text)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "ztlint.cli", "lsp"]))
async def lsp(lsp_client: LanguageClient, project):
    await start(lsp_client, project)
    yield
    await lsp_client.shutdown_session()


async def test_language_server_never_sends_planted_secrets(lsp: LanguageClient, project):
    from .lsp.helpers import open_doc, wait_for
    seen: list[str] = []
    uri = open_doc(lsp, project / "settings.py")
    diags = await wait_for(lsp, uri)
    assert {"secret-github-pat-classic", "secret-aws-secret-access-key"} <= {d.code for d in diags}
    seen.append(json.dumps([lsp.protocol._converter.unstructure(d) for d in diags]))
    for d in diags:
        hover = await lsp.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri), d.range.start))
        seen.append(hover.contents.value if hover else "")
    actions = await lsp.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=diags[0].range,
        context=types.CodeActionContext(diagnostics=list(diags))))
    seen.append(json.dumps([lsp.protocol._converter.unstructure(a) for a in actions]))
    result = await lsp.workspace_execute_command_async(types.ExecuteCommandParams(
        command="ztlint.scanWorkspace", arguments=[]))
    seen.append(json.dumps(result))
    seen.append(json.dumps([lsp.protocol._converter.unstructure(d)
                            for ds in lsp.diagnostics.values() for d in ds]))
    seen.extend(m.message for m in lsp.log_messages)
    seen.extend(m.message for m in lsp.messages)
    for text in seen:
        assert_clean(text)
