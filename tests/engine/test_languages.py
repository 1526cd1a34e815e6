from __future__ import annotations

import pytest

from ztlint.engine import languages


@pytest.mark.parametrize("name", sorted(languages.SPECS))
def test_every_grammar_loads_and_parses(name):
    tree = languages.parser(name).parse(b"\n")
    assert tree.root_node is not None


@pytest.mark.parametrize("path,head,lsp,expected", [
    ("app.py", b"", None, "python"),
    ("web/App.tsx", b"", None, "tsx"),
    ("x.mjs", b"", None, "javascript"),
    ("main.tf", b"", None, "hcl"),
    ("Dockerfile", b"", None, "dockerfile"),
    ("Dockerfile.prod", b"", None, "dockerfile"),
    ("build.Dockerfile", b"", None, "dockerfile"),
    ("ci.yml", b"", None, "yaml"),
    ("deploy", b"#!/usr/bin/env bash\nset -e\n", None, "bash"),
    ("tool", b"#!/usr/bin/python3.12\nprint(1)\n", None, "python"),
    ("tool", b"#!/usr/bin/env -S node --flag\n", None, "javascript"),
    ("untitled-1", b"", "typescriptreact", "tsx"),
    ("Gemfile", b"", None, "ruby"),
    ("notes.txt", b"", None, None),
    (".env", b"", None, None),
])
def test_detect(path, head, lsp, expected):
    assert languages.detect(path, head, lsp) == expected


def test_python_312_fstring_with_nested_quotes_parses_cleanly():
    tree = languages.parser("python").parse(b"x = f'{d['k']}'\ny = f\"{a[\"b\"]!r:>10}\"\n")
    assert not tree.root_node.has_error


def test_comment_leaders():
    assert languages.spec("python").comment == "#"
    assert languages.spec("go").comment == "//"
    assert languages.spec("json").comment is None
    assert languages.spec(None).comment == "#"
