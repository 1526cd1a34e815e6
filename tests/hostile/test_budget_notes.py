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
    # (the parse is cut at half the budget too: two notes, both for a.py)
    assert fr.skipped is None and {n.path for n in fr.notes} == {"a.py"}
    assert all(n.kind == "partial" for n in fr.notes) and any("budget" in n.note for n in fr.notes)


def test_a_long_line_note_reaches_the_scan(bundled, tmp_path):
    # the few tree-rule conditions left on Python's engine skip node texts over 4,096 characters
    path = tmp_path / ".github" / "workflows" / "ci.yml"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo "
                     + b"a" * 5_000 + b" ${{ github.event.issue.title }}\n")
    fr = runner.scan_file(path, ".github/workflows/ci.yml", bundled, Config(root=tmp_path))
    assert fr.skipped is None and fr.notes and fr.notes[0].kind == "partial"
    assert "not checked on line 6" in fr.notes[0].note


def test_compiling_the_rules_is_not_charged_to_the_first_file(tmp_path, monkeypatch):
    # the first file of a language used to pay for compiling that language's rules inside its
    # own budget: on a busy machine (a CI runner, a scan on 2 cores) it was cut short
    import time

    from ztlint.engine.rules import packs
    from ztlint.engine.rules.load import bundled_rules_dir, load_rules

    build = packs._build_pack

    def slow_build(language, rules, *rest):
        time.sleep(0.6)  # longer than the whole budget below
        return build(language, rules, *rest)

    monkeypatch.setattr(packs, "_build_pack", slow_build)
    fresh = load_rules([bundled_rules_dir()])  # nothing compiled yet
    first = analyze(b"import os\nos.system(input())\n", "a.py", fresh,
                    replace(Config(root=tmp_path), analysis_budget=0.5))
    assert first.notes == [] and first.findings
