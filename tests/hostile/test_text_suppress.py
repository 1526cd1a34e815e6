"""Issue 10 item 8: only comments suppress. A directive inside a string is data (and may be
the attacker's own text), so it must not hide a finding."""

from __future__ import annotations

import pytest

from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config
from ztlint.engine.incremental import IncrementalDocument

TOKEN = "ghp_" "cLq0tI1jkszp88r7fYkDc96kVncLVP41QdEW"  # split: no finding in this repository


def _ids(bundled, source: str, path: str) -> list[tuple[int, str]]:
    found = analyze(source.encode(), path, bundled, Config()).findings
    return [(f.line, f.rule_id) for f in found]


@pytest.mark.parametrize("path, source", [
    ("a.py", 'import os\nos.system(input() + " # ztlint: ignore[*]")\n'),
    ("a.py", 'import os\nos.system(input() + "#nosec")\n'),
    ("a.py", 'import os\nos.system(input() + "x")  ;s = "#nosec"\n'),
    ("a.js", 'eval(req.body.x + "// ztlint: ignore[*]");\n'),
    ("a.py", 'import os\nBANNER = "-- ztlint: ignore-file[*] --"\nos.system(input())\n'),
    ("a.py", 'import os\nos.system(input())\nDOC = """\n# ztlint: ignore-file[*]\n"""\n'),
    ("a.py", f'T = "{TOKEN}"; NOTE = "gitleaks:allow"\n'),
    ("a.yml", f'token: {TOKEN}\nnote: "ztlint: ignore-file[*]"\n'),
    (".env", f'TOKEN={TOKEN}\nNOTE="# ztlint: ignore-file[*]"\n'),
    ("notes.txt", f'token {TOKEN} see "# ztlint: ignore[*]"\n'),
])
def test_directive_in_a_string_does_not_suppress(bundled, path, source):
    assert _ids(bundled, source, path) != []


@pytest.mark.parametrize("path, source", [
    ("a.py", 'import os\nos.system(input())  # ztlint: ignore[*] reviewed\n'),
    ("a.py", 'import os\nos.system(input())  # nosec\n'),
    ("a.js", 'eval(req.body.x); // ztlint: ignore[*]\n'),
    ("a.js", 'eval(req.body.x); /* ztlint: ignore[*] */ f();\n'),
    ("a.py", '# ztlint: ignore-file[*]\nimport os\nos.system(input())\n'),
    ("a.yml", f'token: {TOKEN}  # gitleaks:allow\n'),
    (".env", f'TOKEN={TOKEN}  # pragma: allowlist secret\n'),
    (".env", f'# ztlint: ignore-file[*]\nTOKEN={TOKEN}\n'),
    ("app.properties", f'# ztlint: ignore[*]\ntoken={TOKEN}\n'),
    ("settings.ini", f'token={TOKEN} ; gitleaks:allow\n'),
    ("notes.txt", f'# ztlint: ignore[*]\ntoken {TOKEN}\n'),
])
def test_directive_in_a_comment_suppresses(bundled, path, source):
    assert _ids(bundled, source, path) == []


def test_properties_value_is_not_a_comment(bundled):
    # in Java .properties a `#` after the value is part of the value
    assert _ids(bundled, f"token={TOKEN} # gitleaks:allow\n", "app.properties") != []


def test_incremental_edit_into_and_out_of_a_string(bundled):
    source = b'import os\nos.system(input())  # ztlint: ignore[*]\n'
    doc = IncrementalDocument(source, "a.py", "python", bundled, Config())
    assert doc.analyze() == []
    pos = source.index(b"  #")
    doc.edit(pos, pos, b' + "')  # the directive is now inside a string
    doc.edit(len(doc.source) - 1, len(doc.source) - 1, b'")')
    assert [f.rule_id for f in doc.analyze()] != []
    full = analyze(doc.source, "a.py", bundled, Config(), language="python")
    assert [(f.rule_id, f.start) for f in doc.findings] == [(f.rule_id, f.start) for f in full.findings]
