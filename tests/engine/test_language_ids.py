"""The engine's language ids are the one source: the extension's selector and activation events
must list exactly the ids the server parses (a missing one means files the server could check are
never sent to it)."""

from __future__ import annotations

import json
import re

from ztlint.engine import languages

from ..helpers import REPO

# ids other editors send (Neovim, Helix: the file type); VS Code uses "shellscript" for both
NON_VSCODE_IDS = {"bash", "sh"}


def _client_ids() -> list[str]:
    text = (REPO / "client" / "src" / "languages.ts").read_text(encoding="utf-8")
    body = re.search(r"LANGUAGE_IDS = \[(.*?)\]", text, re.S).group(1)
    return re.findall(r'"([\w-]+)"', body)


def test_client_selector_lists_every_engine_language_id():
    client = _client_ids()
    assert len(client) == len(set(client))
    assert set(client) == set(languages.LSP_IDS) - NON_VSCODE_IDS
    assert NON_VSCODE_IDS <= set(languages.LSP_IDS)


def test_activation_events_match_the_selector():
    manifest = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    on_language = [e.split(":", 1)[1] for e in manifest["activationEvents"]
                   if e.startswith("onLanguage:")]
    assert sorted(on_language) == sorted(_client_ids())


def test_every_lsp_id_detects_a_parsed_language():
    for lsp_id in languages.LSP_IDS:
        assert languages.detect("untitled", b"", lsp_id) in languages.SPECS
