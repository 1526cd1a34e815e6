"""A grammar whose wheel is not installed (tree-sitter-dockerfile has wheels for two platforms
only, so it is an optional dependency elsewhere): its files get the text rules and a note that
they were not parsed, in the scan and in the editor; nothing crashes and nothing looks clean."""

from __future__ import annotations

import base64
import hashlib
import importlib

import pytest

from ztlint.engine import languages
from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config
from ztlint.engine.incremental import IncrementalDocument
from ztlint.engine.rules.load import bundled_rules_dir, load_rules

# a key-shaped value made at run time (the repository's own scan must stay clean)
_KEY = base64.b64encode(hashlib.sha256(b"ztlint test").digest())[:40]
_DOCKERFILE = b"FROM python:3.12\nENV AWS_SECRET_ACCESS_KEY=" + _KEY + b"\nUSER root\n"


@pytest.fixture
def no_dockerfile_grammar(monkeypatch):
    real = importlib.import_module

    def fake(name, *args, **kwargs):
        if name == "tree_sitter_dockerfile":
            raise ModuleNotFoundError(f"No module named {name!r}")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(languages.importlib, "import_module", fake)
    languages.grammar.cache_clear()
    yield load_rules([bundled_rules_dir()])  # a rule set that has not compiled Dockerfile yet
    languages.grammar.cache_clear()


def test_scan_notes_the_file_and_still_runs_text_rules(no_dockerfile_grammar, tmp_path):
    found = analyze(_DOCKERFILE, "Dockerfile", no_dockerfile_grammar, Config(root=tmp_path))
    assert any("no dockerfile grammar" in n and "partial" in n for n in found.notes), found.notes
    assert any(f.start[0] == 1 for f in found.findings)  # the text (secret) rules ran: line 2
    assert found.tree is None


def test_editor_notes_the_document_through_edits(no_dockerfile_grammar, tmp_path):
    doc = IncrementalDocument(_DOCKERFILE, "Dockerfile", "dockerfile", no_dockerfile_grammar,
                              Config(root=tmp_path))
    assert any("no dockerfile grammar" in n for n in doc.notes)
    assert any(f.start[0] == 1 for f in doc.findings)
    doc.edit(0, 0, b"# a comment\n")
    doc.analyze()
    assert any("no dockerfile grammar" in n for n in doc.notes)


def test_with_the_grammar_the_file_is_parsed(bundled, tmp_path):
    found = analyze(_DOCKERFILE, "Dockerfile", bundled, Config(root=tmp_path))
    assert found.tree is not None and not any("grammar" in n for n in found.notes)
