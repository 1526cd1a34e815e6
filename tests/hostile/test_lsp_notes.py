"""Issue 10 (editor side): a document analysed only in part says so in the editor, never looks
clean; the incremental path has the full analysis's budget and notes."""

from __future__ import annotations

import functools
import random
import time
from dataclasses import replace


from ztlint.engine import rules
from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config
from ztlint.engine.incremental import IncrementalDocument

from .lsp_wire import Wire

NOTE_CODE = "ztlint-partial-analysis"
# built at run time: the dogfood scan must not see a key in this file
AWS_KEY = "AKIA" + "Q3EGRTZ7" + "MNBV4XCP"
DEEP_YAML = f"key: aws_access_key_id={AWS_KEY}\n" + "- " * 300 + "x\n"
# the few tree-rule conditions left on Python's engine skip node texts over 4,096 characters
LONG_STEP = ("on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo "
             + "a" * 5_000 + " ${{ github.event.issue.title }}\n")


@functools.cache
def _bundled():
    return rules.load_rules([rules.bundled_rules_dir()])


def _latest(wire: Wire, uri: str, version: int) -> list[dict]:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        wire.hover(uri)  # a request flushes what the server sent before its answer
        found = [p for p in wire.published(uri) if p.get("version") == version]
        if found:
            return found[-1]["diagnostics"]
    raise AssertionError(f"nothing published for version {version}")


def _notes(diags: list[dict]) -> list[dict]:
    return [d for d in diags if d.get("code") == NOTE_CODE]


def test_deep_yaml_shows_a_note_and_still_its_secret(wire, tmp_path):
    uri = (tmp_path / "d.yaml").as_uri()
    wire.open(uri, DEEP_YAML, language="yaml")
    diags = _latest(wire, uri, 1)
    [note] = _notes(diags)
    assert note["severity"] == 3 and note["source"] == "ztlint"  # Information
    assert note["range"]["start"] == {"line": 0, "character": 0}
    assert note["message"] == "analysis of this file is partial: not parsed: nesting deeper than 240"
    assert any(d["code"] == "secret-aws-access-key-id" for d in diags)
    assert any("d.yaml is partial" in m and "nesting" in m for m in wire.messages())
    # no "suppress" or "disable" action is offered for the note
    answer = wire.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": note["range"], "context": {"diagnostics": [note]}})
    assert not [a for a in answer["result"] if NOTE_CODE in a["title"]]
    # fixed (shallow now): the note goes away, the finding stays
    wire.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                           "contentChanges": [{"text": DEEP_YAML.replace("- " * 300, "- ")}]})
    diags = _latest(wire, uri, 2)
    assert _notes(diags) == [] and any(d["code"] == "secret-aws-access-key-id" for d in diags)


def test_a_budget_cut_in_the_editor_shows_a_note(tmp_path):
    (tmp_path / "ztlint.toml").write_text("analysis-budget = 0.000000001\n")
    w = Wire(tmp_path)
    try:
        w.initialize(tmp_path)
        uri = (tmp_path / "a.py").as_uri()
        w.open(uri, "import os\n" + "os.system(input())\n" * 50)
        [note] = _notes(_latest(w, uri, 1))
        assert "budget" in note["message"] and "partial" in note["message"]
        # an edit is analysed under the same budget: still cut, still said
        w.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
             "text": "# x\n"}]})
        assert len(_notes(_latest(w, uri, 2))) == 1
    finally:
        w.close()


def test_a_long_line_note_in_the_editor(wire, tmp_path):
    path = tmp_path / ".github" / "workflows" / "ci.yml"
    path.parent.mkdir(parents=True)
    uri = path.as_uri()
    wire.open(uri, LONG_STEP, language="github-actions-workflow")
    [note] = _notes(_latest(wire, uri, 1))
    assert "not checked on line 6" in note["message"]


def _full_notes(source: bytes, path: str, ruleset, cfg: Config) -> list[str]:
    return sorted(set(analyze(source, path, ruleset, cfg).notes))


def test_incremental_notes_equal_full_notes_through_edits():
    ruleset, cfg, path = _bundled(), Config(), ".github/workflows/ci.yml"
    text = (LONG_STEP + LONG_STEP.split("steps:\n", 1)[1]).encode()  # two long steps
    doc = IncrementalDocument(text, path, "yaml", ruleset, cfg)
    assert sorted(doc.notes) == _full_notes(text, path, ruleset, cfg) and len(doc.notes) >= 2
    rng = random.Random(7)
    snippets = [b"\n", b"x", b" ${{ github.event.issue.title }}", b"\r", b"a" * 5000, b""]
    for _ in range(25):
        start = rng.randrange(len(text) + 1)
        end = min(len(text), start + rng.choice([0, 1, 3, 6000]))
        new = rng.choice(snippets)
        doc.edit(start, end, new)
        text = text[:start] + new + text[end:]
        if rng.random() < 0.7:
            doc.analyze()
            assert sorted(doc.notes) == _full_notes(text, path, ruleset, cfg)
    doc.analyze()
    assert sorted(doc.notes) == _full_notes(text, path, ruleset, cfg)


def test_incremental_keeps_the_guard_note_and_budget_cut():
    cut = replace(Config(), analysis_budget=1e-9)
    source = ("import os\n" + "os.system(input())\n" * 200).encode()
    doc = IncrementalDocument(source, "a.py", "python", _bundled(), cut)
    assert any("budget" in n for n in doc.notes)
    doc.edit(0, 0, b"# x\n")
    doc.analyze()
    assert any("budget" in n for n in doc.notes)  # still cut: said again, never dropped
    deep = IncrementalDocument(DEEP_YAML.encode(), "d.yaml", "yaml", _bundled(), Config())
    assert deep.notes == _full_notes(DEEP_YAML.encode(), "d.yaml", _bundled(), Config())
