"""Notebooks in the language server: LSP notebook document sync over stdio, each code cell
analysed as part of its notebook (the same layout as `ztlint scan`), diagnostics published on
the cell URIs with ranges in the cell, secrets in markdown cells and in the saved outputs."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from lsprotocol import types

from ztlint.engine.examples import example_token

from ..helpers import write
from .helpers import start, vscode_caps

CONFIG = '[rules]\nenable = ["python-yaml-*", "python-flow-command", "python-eval-*", "secret-github-*"]\n'
TOKEN = example_token("github-pat")
OUTPUT_TOKEN = example_token("github-pat")
CELLS = [
    ("markdown", f"# Setup\nuse `{TOKEN}`\n"),
    ("python", "import subprocess, yaml\n!pip install pyyaml\ncmd = input()\n"),
    ("python", "%time x = 1\nsubprocess.run(cmd, shell=True)\ndata = yaml.load(s)\n"),
]


@pytest.fixture
def workspace(tmp_path) -> Path:
    ws = tmp_path / "ws"
    write(ws / "ztlint.toml", CONFIG)
    saved = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "markdown" if lang == "markdown" else "code", "metadata": {},
         "source": text, **({} if lang == "markdown" else {"outputs": [
             {"output_type": "stream", "name": "stdout", "text": [f"token={OUTPUT_TOKEN}\n"]}]})}
        for lang, text in CELLS]}
    write(ws / "nb.ipynb", json.dumps(saved, indent=1))
    return ws


def cell_uri(nb: Path, i: int) -> str:
    return f"vscode-notebook-cell:{nb.as_posix()}#W{i}sZmlsZQ%3D%3D"


def open_notebook(client, nb: Path, cells=CELLS) -> list[str]:
    uris = [cell_uri(nb, i) for i in range(len(cells))]
    client.notebook_document_did_open(types.DidOpenNotebookDocumentParams(
        notebook_document=types.NotebookDocument(
            uri=nb.as_uri(), notebook_type="jupyter-notebook", version=1,
            cells=[types.NotebookCell(kind=types.NotebookCellKind.Markup if lang == "markdown"
                                      else types.NotebookCellKind.Code, document=u)
                   for u, (lang, _) in zip(uris, cells)]),
        cell_text_documents=[types.TextDocumentItem(uri=u, language_id=lang, version=1, text=text)
                             for u, (lang, text) in zip(uris, cells)]))
    return uris


def edit_cell(client, nb: Path, version: int, uri: str, text: str, line: int, end_line: int):
    client.notebook_document_did_change(types.DidChangeNotebookDocumentParams(
        notebook_document=types.VersionedNotebookDocumentIdentifier(version=version, uri=nb.as_uri()),
        change=types.NotebookDocumentChangeEvent(cells=types.NotebookDocumentCellChanges(
            text_content=[types.NotebookDocumentCellContentChanges(
                document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                changes=[types.TextDocumentContentChangePartial(
                    range=types.Range(types.Position(line, 0), types.Position(end_line, 0)),
                    text=text)])]))))


async def latest(client, uri: str, check, timeout: float = 30.0):
    """The diagnostics last published for ``uri`` once ``check(them)`` holds."""
    async def poll():
        while True:
            got = [p.diagnostics for p in client.published if p.uri == uri]
            if got and check(got[-1]):
                return got[-1]
            await asyncio.sleep(0.01)
    return await asyncio.wait_for(poll(), timeout)


def found(diags) -> list[tuple[str, int, int]]:
    return sorted((d.code, d.range.start.line, d.range.start.character) for d in diags)


@pytest.mark.asyncio
async def test_notebook_sync_is_advertised_for_jupyter_python_cells(raw_client, workspace):
    caps = vscode_caps()  # (VS Code 1.99's own capabilities include notebook sync)
    caps.notebook_document = types.NotebookDocumentClientCapabilities(
        synchronization=types.NotebookDocumentSyncClientCapabilities())
    result = await raw_client.initialize_session(types.InitializeParams(
        capabilities=caps,
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="ws")]))
    sync = result.capabilities.notebook_document_sync
    (selector,) = sync.notebook_selector
    assert (selector.notebook.notebook_type, selector.notebook.scheme) == ("jupyter-notebook", "file")
    assert {c.language for c in selector.cells} == {"python", "markdown"}


@pytest.mark.asyncio
async def test_cells_are_analysed_as_one_notebook_and_published_per_cell(client, workspace):
    nb = workspace / "nb.ipynb"
    md, first, second = open_notebook(client, nb)
    diags = await latest(client, second, lambda d: len(d) == 2)
    # the flow from input() in the first cell reaches the call in the second
    assert found(diags) == [("python-flow-command", 1, 0), ("python-yaml-unsafe-load", 2, 7)]
    flow = next(d for d in diags if d.code == "python-flow-command")
    assert [r.location.uri for r in flow.related_information] == [first, first, second]
    assert flow.related_information[0].location.range.start == types.Position(2, 6)
    assert found(await latest(client, md, bool)) == [("secret-github-pat-classic", 1, 5)]
    # the saved file's outputs: on the notebook's own URI, the cell noted, the value redacted
    outs = await latest(client, nb.as_uri(), bool)
    assert [d.message.rsplit("(", 1)[1] for d in outs] == [
        "output 1 of cell 2, line 1)", "output 1 of cell 3, line 1)"]
    assert all(d.code == "secret-github-pat-classic" and OUTPUT_TOKEN not in d.message for d in outs)
    assert TOKEN not in str([p.diagnostics for p in client.published])
    assert first not in {p.uri for p in client.published}  # nothing to report there: no publish

    # an edit in the first cell changes what the second reports (no input() any more) ...
    edit_cell(client, nb, 2, first, "cmd = 'ls'\n", 2, 3)
    diags = await latest(client, second, lambda d: len(d) == 1)
    assert found(diags) == [("python-yaml-unsafe-load", 2, 7)]
    # ... and an edit in the second cell moves its finding within that cell
    edit_cell(client, nb, 3, second, "\n\n", 0, 0)
    assert found(await latest(client, second, lambda d: d and d[0].range.start.line == 4)) == [
        ("python-yaml-unsafe-load", 4, 7)]

    client.notebook_document_did_close(types.DidCloseNotebookDocumentParams(
        notebook_document=types.NotebookDocumentIdentifier(uri=nb.as_uri()),
        cell_text_documents=[types.TextDocumentIdentifier(uri=u) for u in (md, first, second)]))
    for uri in (md, second, nb.as_uri()):
        assert await latest(client, uri, lambda d: not d) == ()


@pytest.mark.asyncio
async def test_cells_added_and_removed(client, workspace):
    nb = workspace / "nb.ipynb"
    uris = open_notebook(client, nb, CELLS[1:2])
    await latest(client, nb.as_uri(), lambda d: True)
    new = cell_uri(nb, 9)
    client.notebook_document_did_change(types.DidChangeNotebookDocumentParams(
        notebook_document=types.VersionedNotebookDocumentIdentifier(version=2, uri=nb.as_uri()),
        change=types.NotebookDocumentChangeEvent(cells=types.NotebookDocumentCellChanges(
            structure=types.NotebookDocumentCellChangeStructure(
                array=types.NotebookCellArrayChange(start=0, delete_count=0, cells=[
                    types.NotebookCell(kind=types.NotebookCellKind.Code, document=new)]),
                did_open=[types.TextDocumentItem(uri=new, language_id="python", version=1,
                                                 text="import yaml\nyaml.load(s)\n")])))))
    assert found(await latest(client, new, bool)) == [("python-yaml-unsafe-load", 1, 0)]
    client.notebook_document_did_change(types.DidChangeNotebookDocumentParams(
        notebook_document=types.VersionedNotebookDocumentIdentifier(version=3, uri=nb.as_uri()),
        change=types.NotebookDocumentChangeEvent(cells=types.NotebookDocumentCellChanges(
            structure=types.NotebookDocumentCellChangeStructure(
                array=types.NotebookCellArrayChange(start=0, delete_count=1),
                did_close=[types.TextDocumentIdentifier(uri=new)])))))
    assert await latest(client, new, lambda d: not d) == ()
    assert uris


@pytest.mark.asyncio
async def test_a_config_change_reanalyses_open_notebooks(client, workspace):
    nb = workspace / "nb.ipynb"
    _, _, second = open_notebook(client, nb)
    await latest(client, second, lambda d: len(d) == 2)
    write(workspace / "ztlint.toml", CONFIG + 'disable = ["python-yaml-*"]\n')
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=(workspace / "ztlint.toml").as_uri(), type=types.FileChangeType.Changed)]))
    diags = await latest(client, second, lambda d: len(d) == 1)
    assert found(diags) == [("python-flow-command", 1, 0)]
