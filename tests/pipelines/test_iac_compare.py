"""benchmarks/iac_compare.py and the labelled pipeline corpora (benchmarks/iac/github-actions,
benchmarks/iac/azure-pipelines): labels in sync with the markers, category maps naming real
rules, the scoring, and ztlint's scores on the corpora."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from benchmarks import iac_compare
from ztlint.engine import rules

ROOT = Path(__file__).resolve().parents[2]
AREAS = [ROOT / "benchmarks" / "iac" / "github-actions", ROOT / "benchmarks" / "iac" / "azure-pipelines"]


@pytest.mark.parametrize("folder", AREAS, ids=lambda p: p.name)
def test_committed_labels_match_the_markers(folder):
    committed = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    assert committed == iac_compare.labels_from_markers(folder)
    assert sum(map(len, committed.values())) >= 20


@pytest.fixture(scope="module")
def bundled_ids() -> set[str]:
    return set(rules.load_rules([rules.bundled_rules_dir()]).rules)


@pytest.mark.parametrize("folder", AREAS, ids=lambda p: p.name)
def test_every_category_maps_to_bundled_rules(folder, bundled_ids):
    config = json.loads((folder / "categories.json").read_text(encoding="utf-8"))
    ids = bundled_ids
    used = {e["category"] for entries in iac_compare.load_labels(folder).values() for e in entries}
    assert used <= set(config["categories"])
    for name, spec in config["categories"].items():
        assert any(re.fullmatch(p, i) for p in spec["ztlint"] for i in ids), name


def test_markers_mark_the_next_code_line_and_several_categories(tmp_path):
    (tmp_path / "w.yml").write_text("a: 1\n# expect: one, two\n\n# a comment\nb: 2\nc: 3\n", encoding="utf-8")
    assert iac_compare.labels_from_markers(tmp_path) == {"w.yml": [{"line": 5, "category": "one"},
                                                                  {"line": 5, "category": "two"}]}


def test_scoring_counts_a_finding_near_its_label_once_and_lists_the_rest():
    categories = {"inj": {"ztlint": ["gha-script-.*"]}, "keys": {"ztlint": ["gha-aws-.*"]}}
    labels = {"a.yml": [{"line": 10, "category": "inj"}, {"line": 20, "category": "keys"}]}
    findings = [("gha-script-injection-run", "a.yml", 11, 14),   # label two lines above: matched
                ("gha-aws-long-lived-access-keys", "a.yml", 16, 16),  # label four lines below: not matched
                ("gha-unrelated", "a.yml", 20, 20)]                    # maps to no category: ignored
    per, fps = iac_compare.score(labels, findings, "ztlint", categories)
    assert per["inj"] == {"labels": 1, "found": 1, "findings": 1, "correct": 1}
    assert per["keys"] == {"labels": 1, "found": 0, "findings": 1, "correct": 0}
    assert fps == ["ztlint gha-aws-long-lived-access-keys a.yml:16 (keys)"]
    per, _ = iac_compare.score(labels, findings, "ztlint", categories, below=4)
    assert per["keys"]["found"] == 1


@pytest.mark.parametrize("folder", AREAS, ids=lambda p: p.name)
def test_ztlint_meets_the_targets_on_the_corpus(folder, capsys):
    result = iac_compare.report_folder(folder, ["ztlint"], verbose=True)
    data = result["tools"]["ztlint"]
    assert "skipped" not in data, data
    per = data["categories"]
    labels = sum(c["labels"] for c in per.values())
    assert sum(c["found"] for c in per.values()) / labels >= 0.85
    assert sum(c["correct"] for c in per.values()) / max(1, sum(c["findings"] for c in per.values())) >= 0.95
    config = json.loads((folder / "categories.json").read_text(encoding="utf-8"))["categories"]
    for name, spec in config.items():
        if spec.get("oidc") and per[name]["labels"]:
            assert per[name]["found"] / per[name]["labels"] >= 0.9, name
