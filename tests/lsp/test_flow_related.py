"""Flow findings in the editor: related information points at the source, hover shows the path."""

from __future__ import annotations

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from ..helpers import write
from .helpers import SERVER, change, open_doc, position_of, start, wait_for

FLOW = ("import os\nfrom flask import request\n\n\ndef view():\n"
        "    host = request.args['host']\n    os.system('ping ' + host)\n")


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def flow_client(lsp_client: LanguageClient, tmp_path):
    ws = tmp_path / "ws"
    write(ws / "flow.py", FLOW)
    write(ws / "ztlint.toml", '[rules]\nenable = ["python-flow-*"]\n')
    await start(lsp_client, ws)
    lsp_client.ws = ws
    yield
    await lsp_client.shutdown_session()


async def test_flow_diagnostic_has_related_information_at_the_source(flow_client: LanguageClient):
    client = flow_client
    uri = open_doc(client, client.ws / "flow.py", FLOW)
    diags = await wait_for(client, uri, 1)
    d = next(d for d in diags if d.code == "python-flow-command")
    assert d.range.start.line == 6
    related = d.related_information
    assert related[0].message == "tainted by `request.args`"
    assert related[0].location.uri == uri
    assert related[0].location.range.start == types.Position(5, 11)
    assert related[-1].message == "reaches `os.system()`"
    hover = await client.text_document_hover_async(types.HoverParams(
        types.TextDocumentIdentifier(uri), position_of(FLOW, "os.system")))
    assert "tainted by `request.args`" in hover.contents.value and "line 6" in hover.contents.value
    # typing a line above moves the source and the steps with it
    change(client, uri, 2, "# moved\n", types.Position(4, 0))
    diags = await wait_for(client, uri, 2)
    d = next(d for d in diags if d.code == "python-flow-command")
    assert d.range.start.line == 7 and d.related_information[0].location.range.start.line == 6


HELPER = "import subprocess\n\n\ndef run(cmd):\n    subprocess.run(cmd, shell=True)\n"
VIEW = ("from flask import request\n\nfrom app.helpers import run\n\n\n"
        "def view():\n    run(request.args['cmd'])\n")


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def project_client(lsp_client: LanguageClient, tmp_path):
    ws = tmp_path / "ws"
    write(ws / "app" / "__init__.py", "")
    write(ws / "app" / "helpers.py", HELPER)
    write(ws / "app" / "views.py", VIEW)
    write(ws / "ztlint.toml", '[rules]\nenable = ["python-flow-*"]\n')
    await start(lsp_client, ws)
    lsp_client.ws = ws
    yield
    await lsp_client.shutdown_session()


async def test_a_flow_into_a_helper_of_another_module_is_found_in_the_editor(project_client):
    client = project_client
    # the helper module is not open: it is read from the folder and summarised
    uri = open_doc(client, client.ws / "app" / "views.py", VIEW)
    diags = await wait_for(client, uri, 1)
    d = next(d for d in diags if d.code == "python-flow-command")
    assert d.range.start.line == 6 and "run()" in d.message
    assert d.related_information[0].message == "tainted by `request.args`"
