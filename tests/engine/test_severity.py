"""Severity and confidence are written down once (engine/severity.py); everything that orders or
translates them — schemas, CLI, config, reporters, the language server — follows that one place."""

from __future__ import annotations

import json
import re

import pytest
from lsprotocol import types

from ztlint import cli
from ztlint.engine import config as cfgmod
from ztlint.engine.severity import CONFIDENCES, SEVERITIES, Confidence, Severity, at_or_above
from ztlint.lsp import convert
from ztlint.report import text

from ..helpers import REPO

SERVER = REPO / "server" / "ztlint"


def test_order_is_by_rank_not_alphabet():
    assert SEVERITIES == ("error", "warning", "info", "hint")
    assert [s.rank for s in Severity] == [3, 2, 1, 0]
    assert CONFIDENCES == ("high", "medium", "low")
    assert [c.rank for c in Confidence] == [2, 1, 0]
    # a plain str mix-in would say "error" < "hint"
    assert Severity.ERROR > Severity.HINT and Severity.HINT < "info" and Severity.WARNING >= "warning"
    assert sorted(["hint", "error", "info", "warning"], key=Severity) == ["hint", "info", "warning", "error"]
    assert Confidence.LOW < Confidence.MEDIUM < "high"


def test_members_are_their_strings():
    # findings and reports keep serialising the plain names
    assert Severity("error") is Severity.ERROR and Severity.ERROR == "error"
    assert f"{Severity.INFO}" == str(Severity.INFO) == "info"
    assert json.dumps([Severity.WARNING, Confidence.HIGH]) == '["warning", "high"]'
    assert {Severity.HINT: 1}["hint"] == 1
    with pytest.raises(ValueError):
        Severity("critical")


def test_at_or_above_matches_the_old_rank_table():
    old = {"hint": 0, "info": 1, "warning": 2, "error": 3}  # report/common.SEVERITY_RANK before
    for s in old:
        for t in old:
            assert at_or_above(s, t) == (old[s] >= old[t]), (s, t)


def test_sarif_and_lsp_mappings_cover_every_severity():
    assert {s.value: s.sarif_level for s in Severity} == {
        "error": "error", "warning": "warning", "info": "note", "hint": "note"}
    assert {s.value: s.security_severity for s in Severity} == {
        "error": "8.0", "warning": "5.5", "info": "3.0", "hint": "1.0"}
    assert convert._SEVERITY == {
        Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
        Severity.INFO: types.DiagnosticSeverity.Information, Severity.HINT: types.DiagnosticSeverity.Hint}
    assert set(text._COLOURS) == set(Severity)


def test_schemas_and_cli_use_the_enum():
    schema = json.loads((SERVER / "engine" / "rule-schema.json").read_text(encoding="utf-8"))
    enums = {}

    def walk(node, key=None):
        if isinstance(node, dict):
            if key in ("severity", "confidence") and "enum" in node:
                enums.setdefault(key, []).append(tuple(node["enum"]))
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
    walk(schema)
    assert enums == {"severity": [SEVERITIES], "confidence": [CONFIDENCES]}
    assert tuple(cfgmod.SCHEMA["properties"]["fail-on"]["enum"]) == SEVERITIES
    assert tuple(cfgmod.SCHEMA["properties"]["severity"]["additionalProperties"]["enum"]) == SEVERITIES
    fail_on = next(a for a in cli._parser()._subparsers._group_actions[0].choices["scan"]._actions
                   if a.dest == "fail_on")
    assert tuple(fail_on.choices) == SEVERITIES


def test_no_other_module_lists_the_severities():
    """The enum is the one place: no other server module spells out the severity names together."""
    pattern = re.compile(r'"(error|warning|info|hint)"\s*[:,].*"(error|warning|info|hint)"')
    offenders = [f"{p.relative_to(SERVER)}:{n}" for p in SERVER.rglob("*.py") if p.name != "severity.py"
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if pattern.search(line)]
    assert offenders == []
