"""benchmarks/iac_score.py and the labelled IaC corpora (benchmarks/iac/<area>/ and the held-out
set benchmarks/iac/heldout/<area>/): labels in sync with the markers, category maps naming real
rules, the scoring, and ztlint's scores on the main corpora."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from benchmarks import iac_score as iac_compare
from ztlint.engine import rules

ROOT = Path(__file__).resolve().parents[2]
MAIN = [ROOT / "benchmarks" / "iac" / a for a in iac_compare.AREAS]
HELDOUT = [ROOT / "benchmarks" / "iac" / "heldout" / a for a in iac_compare.AREAS]
AREAS = MAIN + HELDOUT


# the main dependency corpus is labelled in labels.json by hand (its manifests carry no markers)
@pytest.mark.parametrize("folder", [f for f in AREAS if f != MAIN[-1]], ids=lambda p: p.parent.name + "/" + p.name)
def test_committed_labels_match_the_markers(folder):
    committed = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    markers = iac_compare.labels_from_markers(folder)
    for rel, entries in markers.items():  # files without comments (package.json) are labelled by hand
        assert committed[rel] == entries or (not entries and rel.endswith(".json")), rel
    assert sum(map(len, committed.values())) >= 7


@pytest.fixture(scope="module")
def bundled_ids() -> set[str]:
    return set(rules.load_rules([rules.bundled_rules_dir()]).rules)


@pytest.mark.parametrize("folder", AREAS, ids=lambda p: p.parent.name + "/" + p.name)
def test_every_category_maps_to_bundled_rules(folder, bundled_ids):
    config = iac_compare.load_config(folder)
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
    per, fps, missed = iac_compare.score(labels, findings, "ztlint", categories)
    assert per["inj"] == {"labels": 1, "found": 1, "findings": 1, "correct": 1}
    assert per["keys"] == {"labels": 1, "found": 0, "findings": 1, "correct": 0}
    assert fps == ["gha-aws-long-lived-access-keys a.yml:16 (keys)"]
    assert missed == ["a.yml:20 keys"]
    per, _, _ = iac_compare.score(labels, findings, "ztlint", categories, below=4)
    assert per["keys"]["found"] == 1


def test_a_finding_may_count_for_any_of_its_categories_and_slack_is_per_area():
    categories = {"a": {"checkov": ["CKV_1"]}, "b": {"checkov": ["CKV_1"]}}
    labels = {"m.tf": [{"line": 5, "category": "b"}]}
    per, fps, _ = iac_compare.score(labels, [("CKV_1", "m.tf", 3, 9)], "checkov", categories, above=0)
    assert per["b"]["correct"] == 1 and per["a"]["findings"] == 0 and not fps
    per, fps, _ = iac_compare.score(labels, [("CKV_1", "m.tf", 6, 9)], "checkov", categories, above=0)
    assert per["a"]["findings"] == 1 and fps == ["CKV_1 m.tf:6 (a)"]


@pytest.mark.parametrize("folder", MAIN, ids=lambda p: p.name)
def test_ztlint_meets_the_targets_on_the_corpus(folder, capsys):
    result = iac_compare.score_folder(folder, ["ztlint"])
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
