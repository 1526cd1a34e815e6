"""The labelled taint benchmark generator (benchmarks/taintbench) and its scoring."""

from __future__ import annotations

import ast
import json
from collections import Counter

import pytest

from benchmarks.taintbench import generate
from benchmarks.taintbench.scoring import CATEGORY_CWES, parse_cwes, score


@pytest.fixture(scope="module")
def cases():
    return generate.generate()


def test_generator_is_deterministic(cases):
    assert generate.generate() == cases
    assert generate.generate(seed=generate.DEFAULT_SEED + 1) != cases


def test_at_least_600_cases_that_all_parse(cases):
    assert len(cases) >= 600
    for rel, (text, _label) in cases.items():
        ast.parse(text, filename=rel)


def test_every_category_has_vulnerable_and_safe_cases_about_half_safe(cases):
    labels = [label for _text, label in cases.values()]
    per = Counter((lab["category"], lab["vulnerable"]) for lab in labels)
    assert {lab["category"] for lab in labels} == set(CATEGORY_CWES) == set(generate.CATEGORY_NAMES)
    assert len(CATEGORY_CWES) == 15
    for cat in CATEGORY_CWES:
        assert per[(cat, True)] >= 10 and per[(cat, False)] >= 10, cat
    safe = sum(1 for lab in labels if not lab["vulnerable"])
    assert 0.4 <= safe / len(labels) <= 0.6
    for lab in labels:
        assert lab["cwe"] in CATEGORY_CWES[lab["category"]]
        assert lab["reason"]


def test_every_precision_reason_is_represented(cases):
    shapes = Counter((lab["vulnerable"], lab["shape"]) for _t, lab in cases.values())
    for shape in ("s_const_branch", "s_guard", "s_right", "s_slot", "s_reassign", "s_helper"):
        assert shapes[(False, shape)] >= 15, shape
    for shape in ("v_direct", "v_helper", "v_wrong", "v_slot", "v_near", "v_branch"):
        assert shapes[(True, shape)] >= 15, shape
    frameworks = Counter(lab["framework"] for _t, lab in cases.values())
    assert frameworks["flask"] > frameworks["django"] > 0 and frameworks["fastapi"] > 0
    assert frameworks["script"] > 0 and frameworks["http.server"] > 0


def test_wrong_kind_sanitizer_cases_are_vulnerable(cases):
    wrong = [(text, lab) for text, lab in cases.values() if "wrong kind" in lab["reason"]]
    assert len(wrong) >= 20
    assert all(lab["vulnerable"] for _text, lab in wrong)
    # e.g. html.escape before a shell command
    assert any(lab["category"] == "command" and "html.escape(" in text for text, lab in wrong)


def test_write_creates_files_and_labels(tmp_path):
    labels = generate.write(tmp_path, per_category=4)
    assert len(labels) == 4 * 15
    assert json.loads((tmp_path / "labels.json").read_text()) == labels
    for rel in labels:
        assert (tmp_path / rel).is_file()
    assert generate.write(tmp_path, per_category=2) and len(list(tmp_path.rglob("*.py"))) == 2 * 15


def test_parse_cwes_accepts_each_tool_format():
    assert parse_cwes(["CWE-78", "CWE-88"]) == {78, 88}
    assert parse_cwes({"id": 502, "link": "https://cwe.mitre.org/data/definitions/502.html"}) == {502}
    assert parse_cwes(["CWE-89: Improper Neutralization of Special Elements used in an SQL Command"]) == {89}
    assert parse_cwes(330) == {330} and parse_cwes(None) == set() and parse_cwes("n/a") == set()


def test_score_computes_tpr_fpr_per_category_and_average():
    labels = {
        "a.py": {"category": "command", "vulnerable": True},
        "b.py": {"category": "command", "vulnerable": True},
        "c.py": {"category": "command", "vulnerable": False},
        "d.py": {"category": "command", "vulnerable": False},
        "e.py": {"category": "sql", "vulnerable": True},
        "f.py": {"category": "sql", "vulnerable": False},
    }
    findings = {
        "a.py": {88},  # related CWE counts for command
        "b.py": {89},  # wrong category: not a detection
        "c.py": {78},  # false positive
        "e.py": {89},
        "f.py": {78},  # a command CWE on an SQL case does not count
    }
    result = score(labels, findings)
    cmd, sql = result["categories"]["command"], result["categories"]["sql"]
    assert (cmd["tp"], cmd["fn"], cmd["fp"], cmd["tn"]) == (1, 1, 1, 1)
    assert cmd["tpr"] == 0.5 and cmd["fpr"] == 0.5 and cmd["score"] == 0.0
    assert (sql["tpr"], sql["fpr"], sql["score"]) == (1.0, 0.0, 1.0)
    assert result["average"]["score"] == pytest.approx(0.5)
    assert result["average"]["tpr"] == pytest.approx(0.75)
    assert result["average"]["fpr"] == pytest.approx(0.25)
    assert result["average"]["worst"] == 0.0


def test_command_line_output_does_not_depend_on_hash_seed(tmp_path, cases):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(generate.__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONHASHSEED="12345")
    subprocess.run([sys.executable, "-m", "benchmarks.taintbench.generate", str(tmp_path)], cwd=root, env=env,
                   check=True, capture_output=True)
    labels = json.loads((tmp_path / "labels.json").read_text())
    assert labels == {rel: label for rel, (_text, label) in cases.items()}
    for rel, (text, _label) in cases.items():
        assert (tmp_path / rel).read_text() == text
