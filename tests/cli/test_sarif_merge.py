"""`ztlint sarif merge`: shard reports combined into one valid SARIF log."""

from __future__ import annotations

import json

import pytest

from ztlint import cli

from ..scan.gentree import build


def _results(log):
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for r in run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    return sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                   r["locations"][0]["physicalLocation"]["region"]["startLine"],
                   r["partialFingerprints"]["ztlint/v1"]) for r in run["results"])


def test_merged_shards_equal_the_whole_scan(tmp_path, monkeypatch, capsys):
    root = build(tmp_path / "proj", packages=4)
    monkeypatch.chdir(root)
    base = ["scan", ".", "--format", "sarif", "--no-progress", "-j", "1"]
    cli.main(base + ["-o", str(tmp_path / "whole.sarif")])
    for k in (1, 2):
        cli.main(base + ["--shard", f"{k}/2", "-o", str(tmp_path / f"s{k}.sarif")])
    shards = [json.loads((tmp_path / f"s{k}.sarif").read_text()) for k in (1, 2)]
    assert [s["runs"][0]["automationDetails"]["id"] for s in shards] == \
        ["ztlint/shard-1-of-2/", "ztlint/shard-2-of-2/"]
    assert cli.main(["sarif", "merge", str(tmp_path / "s1.sarif"), str(tmp_path / "s2.sarif"),
                     "-o", str(tmp_path / "merged.sarif")]) == 0
    merged = json.loads((tmp_path / "merged.sarif").read_text())
    whole = json.loads((tmp_path / "whole.sarif").read_text())
    assert len(merged["runs"]) == 1 and merged["runs"][0]["automationDetails"] == {"id": "ztlint/"}
    ids = [r["id"] for r in merged["runs"][0]["tool"]["driver"]["rules"]]
    assert len(ids) == len(set(ids)) and set(ids) == {r["id"] for r in whole["runs"][0]["tool"]["driver"]["rules"]}
    # both shards had some of the same rules (secrets in every package): kept once
    shard_ids = [r["id"] for s in shards for r in s["runs"][0]["tool"]["driver"]["rules"]]
    assert len(shard_ids) > len(ids)
    assert _results(merged) == _results(whole)
    notes = [n for inv in merged["runs"][0]["invocations"] for n in inv["toolExecutionNotifications"]]
    assert len(notes) == len(whole["runs"][0]["invocations"][0]["toolExecutionNotifications"])
    sarif_kit = pytest.importorskip("sarif_kit.validate", reason="sarif-kit needs Python >= 3.11")
    assert sarif_kit.validation_errors(merged) == []


def test_merge_rejects_what_is_not_sarif(tmp_path, capsys):
    (tmp_path / "x.sarif").write_text("{}")
    assert cli.main(["sarif", "merge", str(tmp_path / "x.sarif"), str(tmp_path / "missing.sarif")]) == 2
    assert "not a SARIF 2.1.0 log" in capsys.readouterr().err
