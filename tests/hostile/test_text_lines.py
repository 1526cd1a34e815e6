"""Issue 10 item 9: `\\r`, `\\n` and `\\r\\n` are all line ends (as in LSP), everywhere."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config
from ztlint.engine.positions import LineIndex

_PIECES = st.sampled_from([b"\r", b"\n", b"\r\n", b"a", b"bc", b"\xc3\xa9", b" "])
_TEXT = st.lists(_PIECES, max_size=30).map(b"".join)


def _rows(source: bytes) -> list[int]:
    """Reference: split on every \\r\\n, \\r and \\n, one by one."""
    starts, i = [0], 0
    while i < len(source):
        if source[i:i + 2] == b"\r\n":
            i += 2
            starts.append(i)
        elif source[i:i + 1] in (b"\r", b"\n"):
            i += 1
            starts.append(i)
        else:
            i += 1
    return starts


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_fresh_line_index_knows_every_line_end(source):
    assert LineIndex(source).starts == _rows(source)


@settings(max_examples=400, deadline=None)
@given(source=_TEXT, edits=st.lists(st.tuples(st.integers(0, 200), st.integers(0, 6), _TEXT), max_size=8))
def test_line_index_after_edits_equals_a_fresh_one(source, edits):
    index = LineIndex(source)
    for pos, length, new in edits:
        start = min(pos, len(source))
        old_end = min(start + length, len(source))
        source = source[:start] + new + source[old_end:]
        index.apply_edit(source, start, old_end, start + len(new))
        fresh = LineIndex(source)
        for offset in range(len(source) + 1):  # every position, before the pending shift is applied
            assert index.point(offset) == fresh.point(offset)
        assert index.starts == fresh.starts
        assert index.lf_source() == source.replace(b"\r\n", b"\0").replace(b"\r", b"\n").replace(b"\0", b"\r\n")


def test_cr_only_file_positions_and_nosec(bundled):
    # `# nosec` on line 1 used to cover the whole CR-only file, reported at 1:17
    source = b"import os  # nosec\r\rimport subprocess\ros.system(input())\r"
    found = analyze(source, "a.py", bundled, Config()).findings
    assert sorted((f.rule_id, f.start) for f in found) == [
        ("python-flow-command", (3, 0)), ("python-os-system-variable", (3, 0))]


def test_cr_only_env_file(bundled):
    source = b"# settings\rDEBUG=1\rDB_PASSWORD=Kq8vZ2mXw4-orders\rPORT=80\r"
    found = analyze(source, ".env", bundled, Config()).findings
    assert [(f.rule_id, f.line) for f in found] == [("secret-generic-config-assignment", 3)]


def test_fixture_annotations_count_lines_as_the_engine_does():
    from ztlint.commands.fixtures import annotations
    # a form feed is no line end (str.splitlines says it is); a lone \r is one
    text = "# ruleid: rule-a\nx = 1\x0c + 2\n# ruleid: rule-b\ry = 2\r\n# ok: rule-c\rz = 3\n"
    assert annotations(text) == ({2: {"rule-a"}, 4: {"rule-b"}}, {6: {"rule-c"}})
    assert LineIndex(text.encode()).line_count == 7

