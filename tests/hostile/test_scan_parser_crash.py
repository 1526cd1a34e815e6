"""Issue 10 item 1: a grammar that crashes (tree-sitter-yaml on deep nesting) must cost at most
its own file: guarded before parsing, isolated where a guard cannot be exact."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ztlint.engine import guard

from .clirun import ztlint

TOKEN = "ghp_" "cLq0tI1jkszp88r7fYkDc96kVncLVP41QdEW"
NOTE = f"not parsed: nesting deeper than {guard.YAML_MAX_DEPTH}"


def deep_yaml(levels: int) -> str:
    return "- " * levels + "x\n" + f"token: {TOKEN}\n"


def block_mapping(levels: int) -> str:
    return "".join("  " * i + f"k{i}:\n" for i in range(levels)) + "  " * levels + "v: 1\n"


@pytest.mark.parametrize("text, depth", [
    ("- " * 253 + "x\n", 253), ("- " * 254 + "x\n", 254),  # crash from 254 entries
    (block_mapping(252), 253), (block_mapping(260), 261),
    ("- " * 252 + "|\n" + " " * 600 + "text\n", 253),  # a block scalar takes one entry
    ("? " * 300 + "x\n", 300), ("[" * 5000 + "]" * 5000 + "\n", 0),  # flow takes none
    ("a:\n  b:\n    - c\n    - d: |\n        - - - - text\n", 5),
])
def test_yaml_depth_counts_the_block_levels_tree_sitter_yaml_builds(text, depth):
    assert guard.yaml_depth(text.encode()) == depth


def test_deep_yaml_is_noted_and_its_secrets_still_found(tmp_path):
    (tmp_path / "d.yaml").write_text(deep_yaml(254))
    (tmp_path / "m.yaml").write_text(block_mapping(260) + f"token: {TOKEN}\n")
    (tmp_path / "ok.yaml").write_text(deep_yaml(200))
    run = ztlint("scan", "--format", "json", "d.yaml", "m.yaml", "ok.yaml", cwd=tmp_path)
    assert run.code == 1, run.err  # was 139: SIGSEGV
    report = run.json()
    assert sorted(f["path"] for f in report["findings"]) == ["d.yaml", "m.yaml", "ok.yaml"]
    assert [(n["path"], n["note"]) for n in report["notes"]] == [("d.yaml", NOTE), ("m.yaml", NOTE)]
    assert report["summary"]["partial"] == 2
    text = ztlint("scan", "d.yaml", "m.yaml", "ok.yaml", cwd=tmp_path).out
    assert f"note: d.yaml: {NOTE}" in text
    assert "3 finding(s) (3 error) in 3 file(s) scanned, 2 analysed only in part" in text


def test_deep_yaml_among_many_files_in_parallel_keeps_the_report(tmp_path):
    proj = tmp_path / "proj"
    proj.mkdir()
    for i in range(200):
        (proj / f"f{i:03}.py").write_text(f"import os\nos.system(input())  # {i}\n")
    (proj / "d.yaml").write_text(deep_yaml(300))
    run = ztlint("scan", "-j", "2", "--format", "json", "-o", "out.json", "proj", cwd=tmp_path)
    assert run.code == 1, run.err
    assert "Traceback" not in run.err
    report = (tmp_path / "out.json").read_text()
    assert report.count('"rule": "python-os-system-variable"') == 200
    assert '"path": "proj/d.yaml"' in report and NOTE in report


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_crashing_parser_costs_only_its_file(tmp_path, jobs):
    proj = tmp_path / "proj"
    proj.mkdir()
    for i in range(100 if jobs == "2" else 3):
        (proj / f"f{i:03}.py").write_text("import os\nos.system(input())\n")
    # crashes its worker when parsed: retried with text rules only
    (proj / "f050.py").write_text(f"# CRASH-PARSE\nimport os\nos.system(input())\nT = '{TOKEN}'\n")
    # crashes even then: reported as not analysed
    (proj / "f051.py").write_text("# CRASH-ALWAYS\nimport os\nos.system(input())\n")
    run = ztlint("scan", "-j", jobs, "--format", "sarif", "proj", cwd=tmp_path, crashing=True)
    assert run.code == 1, run.err
    sarif = run.json()["runs"][0]
    hits = sorted((r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"])
                  for r in sarif["results"])
    assert ("proj/f050.py", "secret-github-pat-classic") in hits
    assert ("proj/f050.py", "python-os-system-variable") not in hits  # a tree rule: no tree
    assert sum(rule == "python-os-system-variable" for _, rule in hits) == (98 if jobs == "2" else 3)
    notes = {n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: n
             for n in sarif["invocations"][0]["toolExecutionNotifications"]}
    assert notes["proj/f050.py"]["message"]["text"].startswith("parser crashed (signal 11: SIGSEGV)")
    assert notes["proj/f051.py"]["level"] == "warning"
    assert "analysis crashed (signal 11: SIGSEGV)" in notes["proj/f051.py"]["message"]["text"]
    assert sarif["invocations"][0]["executionSuccessful"] is False


_TYPING = """
import sys
from ztlint.engine import config, rules
from ztlint.engine.incremental import IncrementalDocument
rs = rules.load_rules(rules.default_rule_dirs(()))
doc = IncrementalDocument(b"a: 1\\ntoken: %s\\n", "d.yaml", "yaml", rs, config.Config())
for i in range(300):  # type "- " at the start, one keystroke at a time
    doc.edit(0, 0, b"- ")
    found = doc.analyze()
    assert [f.rule_id for f in found] == ["secret-github-pat-classic"], found
print(doc.note)
doc.edit(0, 600, b"")
doc.analyze()
print(doc.note, doc.tree is not None)
""" % TOKEN.encode()


def test_typing_cannot_push_an_open_document_past_the_limit():
    p = subprocess.run([sys.executable, "-c", _TYPING], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr[-500:]  # was -11 (SIGSEGV) at the 254th keystroke
    assert p.stdout.splitlines() == [NOTE, "None True"]


def test_a_batch_sent_to_a_worker_that_just_died_is_requeued_not_fatal():
    # The parent may send the next batch before it has read a dead worker's end of file: the
    # send must not raise (it was "BrokenPipeError" and exit 2), and the batch must come back.
    from collections import deque

    from ztlint.engine.config import Config
    from ztlint.scan import workers

    w = workers._Worker(workers.mp_context(), Config(), False, frozenset())
    w.proc.kill()
    w.proc.join()
    tasks = [workers.Task(f"f{i}.py", f"f{i}.py") for i in range(3)]
    w.give(tasks[:1])
    w.give(tasks[1:])  # the pipe is broken by now
    with pytest.raises((EOFError, OSError)):
        w.conn.recv()
    queue, crashed = deque(), []
    workers._lost(w, [w], queue, lambda task, reason: crashed.append(task))
    assert [t.path for t in queue] == ["f0.py", "f1.py", "f2.py"]
    assert queue[0].crashed == "signal 9: SIGKILL" and crashed == []
