"""Look-ups (engine/lookup.py): a tree rule's condition or fix that needs a value from elsewhere
in the file: the SHA a workflow already pins for an action, the digest a Dockerfile already
gives an image, the step whose output a script expands (issue 11, session 6)."""

from __future__ import annotations

import pytest

from ztlint.engine import rules
from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config
from ztlint.engine.incremental import IncrementalDocument

from ..helpers import write

SHA = "75d2e84710de30f6ff7268e08f310b60ef14033f"
DIGEST = "sha256:" + "2b0079146a74e23bf4ae8f6a28e1b484c6292f6fb904cbb51825b4a19812fcd8"


@pytest.fixture(scope="module")
def bundled():
    return rules.load_rules([rules.bundled_rules_dir()])


def _findings(ruleset, text: str, path: str, rule_id: str):
    return [f for f in analyze(text.encode(), path, ruleset, Config()).findings if f.rule_id == rule_id]


def _apply(text: str, fix) -> str:
    data = text.encode()
    for edit in sorted(fix.edits, key=lambda e: e.start_byte, reverse=True):
        data = data[:edit.start_byte] + edit.text.encode() + data[edit.end_byte:]
    return data.decode()


def _workflow(pinned: str) -> str:
    return ("on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
            f"      - uses: peaceiris/actions-hugo@{pinned}\n"
            "      - uses: peaceiris/actions-hugo@v3.0.0\n"
            "      - uses: peaceiris/actions-hugo@v3\n")


def test_an_action_is_pinned_to_the_sha_the_file_already_uses_for_the_same_ref(bundled):
    text = _workflow(f"{SHA} # v3.0.0")
    found = _findings(bundled, text, ".github/workflows/a.yml", "gha-action-not-pinned")
    assert [f.start[0] + 1 for f in found] == [8, 9]
    by_line = {f.start[0] + 1: f for f in found}
    assert by_line[9].fix is None  # v3 is not v3.0.0: no SHA known for it
    fixed = _apply(text, by_line[8].fix)
    assert f"- uses: peaceiris/actions-hugo@{SHA} # v3.0.0\n      - uses: peaceiris/actions-hugo@v3\n" in fixed
    assert by_line[8].fix.safe is False


def test_no_sha_in_the_file_means_a_finding_without_a_fix(bundled):
    text = _workflow("v2.6.0")
    found = _findings(bundled, text, ".github/workflows/a.yml", "gha-action-not-pinned")
    assert len(found) == 3 and all(f.fix is None for f in found)


def test_a_dockerfile_base_image_gets_the_digest_the_file_already_pins(bundled):
    text = (f"FROM python:latest@{DIGEST} AS lint\nRUN ruff check .\n"
            "FROM python:latest AS test\nRUN pytest\nFROM node AS web\n")
    found = _findings(bundled, text, "Dockerfile", "docker-from-unpinned-tag")
    assert [f.start[0] + 1 for f in found] == [3, 5]
    assert found[1].fix is None
    assert "FROM python:latest@" + DIGEST + " AS test\n" in _apply(text, found[0].fix)


def test_a_step_output_is_reported_only_when_that_step_reads_untrusted_text(bundled):
    text = ("on: pull_request_target\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
            "      - id: b\n        env:\n          REF: ${{ github.head_ref }}\n"
            "        run: echo \"n=$REF\" >> \"$GITHUB_OUTPUT\"\n"
            "      - id: c\n        run: echo \"n=${{ github.event.number }}\" >> \"$GITHUB_OUTPUT\"\n"
            "      - run: echo ${{ steps.b.outputs.n }}\n"
            "      - run: echo ${{ steps.c.outputs.n }}\n")
    found = _findings(bundled, text, ".github/workflows/a.yml", "gha-script-injection-step-output")
    assert [f.start[0] + 1 for f in found] == [13]
    assert "steps.b.outputs.n" in found[0].message


_RULE = """
id: lookup-demo
title: demo
severity: warning
confidence: low
cwe: [CWE-1]
owasp: []
languages: [yaml]
message: "{key} is also {other}"
docs: A demo rule.
match:
  query: '(block_mapping_pair key: (flow_node) @key value: (flow_node) @value) @pair'
  report: pair
  where:
    - capture: key
      equals: name
    - lookup:
        - of: value
          regex: '^(?P<word>[a-z]+)$'
        - regex: '(?m)^alias:[ \\t]*{word|re}-(?P<other>\\w+)$'
"""


def test_a_lookup_condition_binds_values_for_the_message_and_fails_without_a_match(tmp_path):
    write(tmp_path / "r" / "demo.yaml", _RULE)
    ruleset = rules.load_rules([tmp_path / "r"])
    assert not ruleset.errors
    found = _findings(ruleset, "name: web\nalias: web-frontend\n", "a.yaml", "lookup-demo")
    assert [f.message for f in found] == ["name is also frontend"]
    assert _findings(ruleset, "name: web\nalias: api-frontend\n", "a.yaml", "lookup-demo") == []
    # the value is escaped for the regex: "w.b" does not match "web"
    assert _findings(ruleset, "name: w\nalias: web-x\n", "a.yaml", "lookup-demo") == []


@pytest.mark.parametrize("step, problem", [
    ("- regex: '{nothing}'", "placeholder {nothing}"),
    ("- of: missing\n          regex: 'x'", "'of: missing'"),
    ("- query: '(x) @y'\n          of: value", "takes no 'of'"),
    ("- regex: '(\\w+)\\1'", "step 0"),
])
def test_a_bad_lookup_step_is_a_load_error_naming_the_field(tmp_path, step, problem):
    text = _RULE.split("    - lookup:")[0] + "    - lookup:\n        " + step + "\n"
    write(tmp_path / "r" / "demo.yaml", text)
    ruleset = rules.load_rules([tmp_path / "r"])
    assert len(ruleset.errors) == 1
    error = str(ruleset.errors[0])
    assert "match.where.1.lookup" in error and problem in error, error


def test_an_edit_elsewhere_in_the_file_updates_the_fix_incrementally(bundled):
    text = _workflow(f"{SHA} # v3.0.0")
    doc = IncrementalDocument(text.encode(), ".github/workflows/a.yml", "yaml", bundled, Config())
    before = [f for f in doc.analyze_all() if f.rule_id == "gha-action-not-pinned"]
    assert before[0].fix is not None
    start = text.index(SHA)
    doc.edit(start, start + len(SHA), b"v2.6.0")  # the other line is no longer a pin
    after = [f for f in doc.analyze() if f.rule_id == "gha-action-not-pinned"]
    fresh = _findings(bundled, text.replace(SHA, "v2.6.0"), ".github/workflows/a.yml", "gha-action-not-pinned")
    assert [(f.start, f.fix) for f in after] == [(f.start, f.fix) for f in fresh]
    assert all(f.fix is None for f in after)


def test_editing_another_dockerfile_instruction_updates_the_fix_incrementally(bundled):
    # each Dockerfile instruction is its own statement: only the edited one is re-checked,
    # except for rules with look-ups, which read the whole file
    text = f"FROM python:latest@{DIGEST} AS lint\nRUN ruff check .\nFROM python:latest AS test\n"
    doc = IncrementalDocument(text.encode(), "Dockerfile", "dockerfile", bundled, Config())
    assert [f.fix is not None for f in doc.analyze_all() if f.rule_id == "docker-from-unpinned-tag"] == [True]
    start = text.index("@sha256")
    doc.edit(start, start + len("@") + len(DIGEST), b"")
    after = [f for f in doc.analyze() if f.rule_id == "docker-from-unpinned-tag"]
    fresh = _findings(bundled, text.replace("@" + DIGEST, ""), "Dockerfile", "docker-from-unpinned-tag")
    assert [(f.start, f.fix) for f in after] == [(f.start, f.fix) for f in fresh]
    assert len(after) == 2 and all(f.fix is None for f in after)
