from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities


def to_offset(text: str, pos: types.Position) -> int:
    """Character offset of an LSP (UTF-16) position, computed independently of the server."""
    lines = text.split("\n")
    offset = sum(len(line) + 1 for line in lines[:pos.line])
    units = 0
    for i, ch in enumerate(lines[pos.line] if pos.line < len(lines) else ""):
        if units >= pos.character:
            return offset + i
        units += 2 if ord(ch) > 0xFFFF else 1
    return offset + (len(lines[pos.line]) if pos.line < len(lines) else 0)


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    spans = sorted(((to_offset(text, e.range.start), to_offset(text, e.range.end), e.new_text)
                    for e in edits), reverse=True)
    for s, e, new in spans:
        text = text[:s] + new + text[e:]
    return text


def position_of(text: str, needle: str) -> types.Position:
    before = text[:text.index(needle)]
    line = before.count("\n")
    col = before.rsplit("\n", 1)[-1]
    return types.Position(line, len(col.encode("utf-16-le")) // 2)


async def wait_for(client, uri: str, version: int | None = None, timeout: float = 10.0):
    """The diagnostics published for ``uri`` (at ``version`` when given)."""
    async def poll():
        while True:
            for p in reversed(client.published):
                if p.uri == uri and (version is None or p.version == version):
                    return p.diagnostics
            await asyncio.sleep(0.01)
    return await asyncio.wait_for(poll(), timeout)


def open_doc(client, path: Path, text: str | None = None, language: str = "python", version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(
        uri=uri, language_id=language, version=version,
        text=path.read_text(encoding="utf-8") if text is None else text)))
    return uri


def change(client, uri: str, version: int, text: str, start: types.Position | None = None,
           end: types.Position | None = None):
    if start is None:
        ev = types.TextDocumentContentChangeWholeDocument(text=text)
    else:
        ev = types.TextDocumentContentChangePartial(range=types.Range(start, end or start), text=text)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[ev]))


# -- starting a server (used by the fixtures in conftest.py and by tests) --------------
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
