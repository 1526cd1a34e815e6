"""Issue 10, item 3: each file's analysis has a time budget; a cut analysis says so (in the
engine's notes and in the scan summary) and never looks clean."""

from __future__ import annotations

from dataclasses import replace

from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config, load_config
from ztlint.scan import runner

from ..helpers import write

_SOURCE = b"import os\n" + b"os.system(input())\n" * 200 + b'password = "Xk9mQ2vLp8zR4tW"\n' * 200


def test_a_spent_budget_stops_the_analysis_with_a_note(bundled, tmp_path):
    full = analyze(_SOURCE, "a.py", bundled, Config(root=tmp_path))
    assert full.notes == [] and len(full.findings) > 200
    cut = analyze(_SOURCE, "a.py", bundled, replace(Config(root=tmp_path), analysis_budget=1e-9))
    assert any("budget" in n and "partial" in n for n in cut.notes), cut.notes
    assert len(cut.findings) < len(full.findings)


def test_the_budget_is_configurable(tmp_path):
    write(tmp_path / "ztlint.toml", "analysis-budget = 0.5\n")
    assert load_config(tmp_path).analysis_budget == 0.5


def test_a_cut_file_is_visible_in_the_scan(bundled, tmp_path):
    path = tmp_path / "a.py"
    path.write_bytes(_SOURCE)
    fr = runner.scan_file(path, "a.py", bundled, replace(Config(root=tmp_path), analysis_budget=1e-9))
    assert fr.skipped is None and [n.path for n in fr.notes] == ["a.py"]
    assert fr.notes[0].kind == "partial" and "budget" in fr.notes[0].note


def test_a_long_line_note_reaches_the_scan(bundled, tmp_path):
    path = tmp_path / "run.sh"
    path.write_bytes(b"mysqladmin --password A" + b"a" * 50_000 + b"\n")
    fr = runner.scan_file(path, "run.sh", bundled, Config(root=tmp_path))
    assert fr.skipped is None and fr.notes and fr.notes[0].kind == "partial"
    assert "not checked on line 1" in fr.notes[0].note
