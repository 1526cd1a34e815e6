"""Issue 10 item 7: a Latin-1 or stray byte (or a NUL) no longer loses a file's findings.

tree-sitter's `#match?` family decodes node text as strict UTF-8 (and stops at NUL): one such
byte raised UnicodeDecodeError/SystemError out of every query, and the YAML grammar gives up
on the whole file. Grammars now get a same-length view of the text with those bytes as `_`."""

from __future__ import annotations

from pathlib import Path

import pytest

from ztlint.engine import rules
from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config
from ztlint.engine.incremental import IncrementalDocument
from ztlint.scan.runner import scan_file

from ..helpers import write

RULES = Path(rules.bundled_rules_dir())


def _where(findings) -> list[tuple]:
    return [(f.rule_id, f.start_byte, f.end_byte, f.start, f.end) for f in findings]


def _same_as_clean(bundled, path: str, dirty: bytes, clean: bytes) -> list:
    assert len(dirty) == len(clean)
    got = analyze(dirty, path, bundled, Config()).findings
    assert got and _where(got) == _where(analyze(clean, path, bundled, Config()).findings)
    return got


def test_latin1_python_file_is_analysed(bundled, tmp_path):
    source = b'import os\nos.system("caf\xe9" + input())\n'
    path = tmp_path / "a.py"
    path.write_bytes(source)
    result = scan_file(path, "a.py", bundled, Config())
    assert result.skipped is None
    # the pattern rule, and the flow rule (input() reaches os.system)
    assert sorted(f.rule_id for f in result.findings) == ["python-flow-command",
                                                          "python-os-system-formatted"]
    _same_as_clean(bundled, "a.py", source, source.replace(b"\xe9", b"e"))


@pytest.mark.parametrize("bad", [b"\xa6", b"\xe9", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\xff\xfe"])
def test_stray_bytes_in_javascript(bundled, bad):
    source = (b'const cp = require("child_process");\ncp.exec("ls ' + bad + b'" + req.query.x);\n'
              b'// ' + bad + b'\neval("' + bad + b'" + req.body.x);\n')
    found = _same_as_clean(bundled, "a.js", source, source.replace(bad, b"_" * len(bad)))
    assert {"js-eval-dynamic", "js-child-process-exec-interpolated"} <= {f.rule_id for f in found}


@pytest.mark.parametrize("bad", [b"\xe9", b"\x00"])
def test_stray_bytes_in_a_workflow(bundled, bad):
    fixture = (RULES / "github-actions" / "script-injection.fixture.yaml").read_bytes()
    dirty = fixture.replace(b'echo "New issue - ', b'echo "New issue ' + bad + b' - ')
    found = _same_as_clean(bundled, ".github/workflows/ci.yml", dirty, dirty.replace(bad, b"_"))
    assert "gha-script-injection-run" in {f.rule_id for f in found}


def test_match_predicates_see_the_whole_node(tmp_path):
    write(tmp_path / "r.yaml", """
        id: test-match-predicate
        title: a call with a matching string
        severity: warning
        confidence: high
        cwe: [CWE-20]
        owasp: []
        languages: [python]
        match:
          query: |
            ((call function: (identifier) @fn arguments: (argument_list (string) @s))
             (#match? @s "caf.+tail") (#not-match? @s "safe"))
          report: fn
        message: "call {fn}"
        docs: "A test rule for regex predicates."
        """)
    rs = rules.load_rules([tmp_path])
    found = analyze(b'f("caf\xe9 \x00 tail")\ng("caf safe tail")\n', "a.py", rs, Config()).findings
    assert [f.line for f in found] == [1]


def test_incremental_edits_that_cut_utf8_sequences(bundled):
    source = 'import os\ns = "é中😀"\nos.system(input())\n'.encode()
    doc = IncrementalDocument(source, "a.py", "python", bundled, Config())
    doc.analyze()
    for pos, insert in ((source.index("中".encode()) + 1, b"x"), (source.index(b"\xf0") + 2, b"\xe9"),
                        (source.index(b"\xc3") + 1, b"")):
        doc.edit(pos, pos + (0 if insert else 1), insert)
        incremental = doc.analyze()
        full = analyze(doc.source, "a.py", bundled, Config(), language="python")
        assert _where(incremental) == _where(full.findings)
        assert incremental
