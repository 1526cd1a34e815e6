"""Hand labels of flow findings on real projects (benchmarks/realflows): schema and precision.

No network and no scanning: the labels file, the pinned project list and the README are read as
committed.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from benchmarks.realflows import fetch, labels

ROOT = Path(__file__).resolve().parents[2]


def _label(**over) -> dict:
    lab = {"project": "p", "version": "1", "path": "a.py", "line": 3, "rule": "python-flow-sql",
           "verdict": "tp", "fp_class": [], "reason": "request.args into cursor.execute"}
    lab.update(over)
    return lab


def _doc(*labs) -> dict:
    return {"classes": {"A": "helper taken for a view"}, "labels": list(labs)}


def test_committed_labels_are_well_formed_and_cover_the_pinned_projects():
    data = labels.load()
    labs = data["labels"]
    assert len(labs) >= 40
    pinned = dict(fetch.read_projects())
    assert len(pinned) >= 12
    for lab in labs:
        assert pinned.get(lab["project"]) == lab["version"], lab
        assert not Path(lab["path"]).is_absolute() and ".." not in Path(lab["path"]).parts
    # spread: five flow rules in this round (a uniform draw since v5, so projects with few flows
    # may be missing), ten projects over all rounds
    assert len({lab["rule"] for lab in labs}) >= 5
    rounds = sorted((ROOT / "benchmarks" / "realflows").glob("labels*.json"))
    assert len(rounds) >= 5
    assert len({lab["project"] for r in rounds for lab in labels.load(r)["labels"]}) >= 10


def test_validate_reports_each_kind_of_mistake():
    good = _label()
    assert labels.validate(_doc(good)) == []
    cases = {
        "verdict must be": _label(verdict="maybe"),
        "not a flow rule": _label(rule="python-eval-dynamic"),
        "names its class": _label(verdict="fp"),
        "has no false-positive class": _label(fp_class=["A"]),
        "unknown class": _label(verdict="fp", fp_class=["Z"]),
        "`line` must be int": _label(line="3"),
        "reason non-empty": _label(reason="  "),
    }
    for needle, bad in cases.items():
        errors = labels.validate(_doc(bad))
        assert any(needle in e for e in errors), (needle, errors)
    assert any("labelled twice" in e for e in labels.validate(_doc(good, copy.deepcopy(good))))
    assert labels.validate({"classes": {}, "labels": []})  # empty documents are errors


def test_load_refuses_a_malformed_file(tmp_path):
    bad = tmp_path / "labels.json"
    bad.write_text('{"classes": {"A": "x"}, "labels": [{"project": "p"}]}', encoding="utf-8")
    with pytest.raises(ValueError, match="version"):
        labels.load(bad)


def test_precision_and_breakdowns():
    labs = [_label(line=1), _label(line=2), _label(line=3, rule="python-flow-log"),
            _label(line=4, verdict="fp", fp_class=["A"], rule="python-flow-log")]
    assert labels.precision(labs) == 0.75
    assert labels.precision([]) is None
    assert labels.breakdown(labs, "rule") == {"python-flow-log": (1, 2), "python-flow-sql": (2, 2)}
    assert labels.class_counts(labs) == {"A": 1}


def test_wilson_interval_brackets_the_rate():
    lo, hi = labels.wilson(3, 40)
    assert 0 < lo < 3 / 40 < hi < 1
    assert labels.wilson(0, 10)[0] == 0.0 and labels.wilson(10, 10)[1] == 1.0
    with pytest.raises(ValueError):
        labels.wilson(0, 0)


def test_readme_states_the_precision_of_the_committed_labels():
    text = (ROOT / "benchmarks" / "README.md").read_text(encoding="utf-8")
    section = text.split("## Flow rules on real projects", 1)[1]
    m = re.search(r"precision \*\*([0-9.]+)\*\* \((\d+) of (\d+)\)", section)
    assert m, "README section states `precision **P** (TP of N)`"
    labs = labels.load()["labels"]
    tp = sum(lab["verdict"] == "tp" for lab in labs)
    assert (int(m.group(2)), int(m.group(3))) == (tp, len(labs))
    assert float(m.group(1)) == round(labels.precision(labs), 3)


def test_the_draw_takes_only_flows_shown_above_hint_and_a_uniform_draw_is_a_plain_sample(
        tmp_path, monkeypatch):
    import json

    from benchmarks.realflows import sample
    run = sample.run  # (the scripts import each other as top-level modules)

    def finding(rule, line, severity="warning"):
        return {"rule": rule, "severity": severity, "path": f"/x/p/a{line}.py", "message": "m",
                "start": {"line": line}, "flow": []}
    found = [finding("python-flow-log", i) for i in range(1, 7)]
    found += [finding("python-flow-command", 9, "hint"), finding("python-eval-dynamic", 10, "hint")]
    (tmp_path / "p-1.json").write_text(json.dumps({"findings": found}))
    monkeypatch.setattr(run, "OUT", tmp_path)
    monkeypatch.setattr(sample.fetch, "read_projects", lambda: [("p", "1")])
    for uniform in (False, True):
        drawn = sample.draw(3, 40, uniform)
        assert sorted(d["line"] for d in drawn) == [1, 2, 3, 4, 5, 6]
    assert len(sample.draw(3, 4, True)) == 4
    assert run.count({"findings": found}, {"python-eval-dynamic"})["bare_hazards"] == 2
