"""A finding leaves the engine finished: rows, character and UTF-16 columns (of the finding and
of its fix's edits) and baseline state, computed where the text is. Front-ends only convert."""

from __future__ import annotations

import json

from ztlint.engine import baseline as baselinemod
from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config
from ztlint.engine.incremental import IncrementalDocument
from ztlint.engine.positions import LineIndex
from ztlint.report import json_report
from ztlint.scan import runner

AWS_KEY = "AKIA" + "Q3EGRTZ7" + "MNBV4XCP"  # built at run time (dogfood)
LINE = f"k = 'é中😀'; aws_access_key_id={AWS_KEY}"
SOURCE = f"# é\n{LINE}\n".encode()


def _aws(findings):
    return next(f for f in findings if f.rule_id == "secret-aws-access-key-id")


def test_analyze_gives_character_and_utf16_columns(bundled):
    f = _aws(analyze(SOURCE, "a.env", bundled, Config()).findings)
    col = LINE.index(AWS_KEY)
    assert f.start[0] == 1 and f.columns.char == (col, col + len(AWS_KEY))
    assert f.columns.utf16 == (col + 1, col + 1 + len(AWS_KEY))  # the emoji is 2 units


def test_fix_edits_carry_utf16_positions(bundled):
    source = "import yaml\nx = '😀'; yaml.load(s)\n".encode()
    f = next(f for f in analyze(source, "a.py", bundled, Config()).findings if f.fix)
    idx = LineIndex(source)
    assert f.fix.edits
    for e in f.fix.edits:
        assert e.utf16 == (idx.utf16_position(e.start_byte), idx.utf16_position(e.end_byte))


def test_the_baseline_is_decided_by_the_engine(bundled):
    f = _aws(analyze(SOURCE, "a.env", bundled, Config()).findings)
    assert f.baseline is False
    marked = _aws(analyze(SOURCE, "a.env", bundled, Config(),
                          baseline=frozenset({f.fingerprint})).findings)
    assert marked.baseline is True
    doc = IncrementalDocument(SOURCE, "a.env", None, bundled, Config())
    assert not _aws(doc.findings).baseline
    doc.set_baseline(baselinemod.fingerprints([{"fingerprint": f.fingerprint}]))
    assert _aws(doc.findings).baseline  # re-marked when the baseline changes, no re-analysis
    doc.edit(0, 0, b"\n")
    assert _aws(doc.analyze()).baseline


def test_reports_never_read_the_file_again(bundled, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "a.env"
    path.write_bytes(SOURCE)
    result = runner.scan([path], Config(root=tmp_path), ruleset=bundled, isolate=False)
    path.unlink()  # gone (or changed) before the report is written
    [f] = [f for f in json.loads(json_report.render(result, bundled))["findings"]
           if f["rule"] == "secret-aws-access-key-id"]
    assert f["start"]["column"] == LINE.index(AWS_KEY) + 1  # characters, from the engine


def test_an_edit_computes_columns_only_where_it_moved_them(bundled, monkeypatch):
    lines = [f"key{i:02d} = 'aws_access_key_id={AWS_KEY}'  # é" for i in range(40)]
    doc = IncrementalDocument("\n".join(lines).encode() + b"\n", "a.env", None, bundled, Config())
    assert len(doc.findings) == 40 and all(f.columns for f in doc.findings)
    calls = []
    real = LineIndex.columns

    def counting(self, start, end):
        calls.append(start[0])
        return real(self, start, end)
    monkeypatch.setattr(LineIndex, "columns", counting)
    # an edit on line 10, before its finding: columns are computed for the findings text
    # rules found again (the edited line and one line of context each side), no other
    doc.edit(doc.index.start_of(10), doc.index.start_of(10), "é".encode())
    found = doc.analyze()
    assert sorted(calls) == [9, 10, 11]
    assert found[10].columns.char[0] == found[9].columns.char[0] + 1
    # a new line at the top moves every row; columns only for the lines re-checked there
    calls.clear()
    doc.edit(0, 0, b"\n")
    found = doc.analyze()
    assert sorted(calls) == [1, 2] and [f.start[0] for f in found] == list(range(1, 41))
    fresh = analyze(doc.source, "a.env", bundled, Config()).findings
    assert [(f.start, f.end, f.columns) for f in found] == [(f.start, f.end, f.columns) for f in fresh]
