"""Per-keystroke flow work: what an edit re-runs, and that reusing the rest changes nothing."""

from __future__ import annotations

import random
from pathlib import Path

from ztlint.engine import analyze, config, rules
from ztlint.engine.flow import interp, prepared
from ztlint.engine.flow.state import State, same
from ztlint.engine.flow.taint import Label, Step
from ztlint.engine.incremental import IncrementalDocument

RULESET = rules.load_rules(rules.default_rule_dirs())
CFG = config.Config(root=Path("."))

# a top-level script: many groups of statements, a flow running from the first into later ones
SCRIPT = ("import os, sys\nsrc = sys.argv[1]\n"
          + "".join(f"v{i} = {i}\n" for i in range(40))
          + "cmd = 'ls ' + src\nos.system(cmd)\n"
          + "".join(f"w{i} = v{i} + 1\nprint(w{i})\n" for i in range(40))
          + "os.system(src)\n").encode()


def _key(findings) -> list:
    return sorted((f.rule_id, f.start_byte, f.end_byte, f.message,
                   tuple((s.start_byte, s.end_byte, s.message) for s in f.flow)) for f in findings)


def test_an_edit_that_leaves_the_state_as_it_was_reruns_only_its_own_group(monkeypatch):
    doc = IncrementalDocument(SCRIPT, "s.py", "python", RULESET, CFG)
    ran = []
    real = interp.Interpreter.statement
    monkeypatch.setattr(interp.Interpreter, "statement",
                        lambda self, s, st, depth: ran.append(s) or real(self, s, st, depth))
    at = SCRIPT.index(b"print(w20)") + len(b"print(w")
    doc.edit(at, at + 2, b"21")  # no change to what later statements see
    got = doc.analyze()
    # the edited statement's group of 4 (as Located statements), not the group after it too
    located = [s for s in ran if type(s).__name__ == "Located"]
    assert len(located) == 4
    assert _key(got) == _key(analyze.analyze(doc.source, "s.py", RULESET, CFG,
                                             language="python").findings)


def test_top_level_edits_give_the_findings_and_steps_of_a_full_analysis():
    doc = IncrementalDocument(SCRIPT, "s.py", "python", RULESET, CFG)
    rnd = random.Random(11)
    snippets = [b"x", b"\n", b"src = sys.argv[2]\n", b"cmd = src\n", b"src = 'fixed'\n", b"# c\n",
                b"v3 = src\n", b" "]
    for _ in range(30):
        lines = doc.source.split(b"\n")
        row = rnd.randrange(len(lines))
        at = sum(len(x) + 1 for x in lines[:row])
        cut = rnd.choice([0, 0, len(lines[row])])
        doc.edit(at, at + cut, rnd.choice(snippets))
        got = doc.analyze()
        want = analyze.analyze(doc.source, "s.py", RULESET, CFG, language="python")
        assert _key(got) == _key(want.findings)


def test_states_with_the_same_labels_but_other_steps_are_not_the_same():
    # (a group after an edit is reused only when its input is the same, steps included:
    # a label's identity leaves its trace out)
    a, b = State(), State()
    lb = Label("source:argv", (0, 8), "<module>@0")
    a.set("x", (), frozenset({lb.step(Step((0, 1), "assigned to `x`", "<module>@0"))}))
    b.set("x", (), frozenset({lb.step(Step((0, 1), "assigned to `x`", "<module>@1"))}))
    assert a.taint == b.taint  # equal as labels
    assert not same(a, b)
    c = a.copy()
    assert same(a, c)
    c.strings.add("x")
    assert not same(a, c)


class _Module:
    def __init__(self, constants):
        self.imports, self.classes, self.constants = {"os": "os"}, {"A": ["B"]}, constants


def test_the_module_context_is_kept_by_identity_and_tells_apart_what_repr_does():
    cache: dict = {}
    first = prepared.module_context(_Module({"x": 1, "t": (1, "a")}), [], cache)
    again = prepared.module_context(_Module({"x": 1, "t": (1, "a")}), [], cache)
    assert again is first
    for changed in ({"x": True, "t": (1, "a")}, {"x": 1, "t": (True, "a")},
                    {"x": 1.0, "t": (1, "a")}, {"x": 1}):
        other = prepared.module_context(_Module(changed), [], dict(cache))
        assert other != first
    assert prepared.module_context(_Module({"z": -0.0}), [], {}) != \
        prepared.module_context(_Module({"z": 0.0}), [], {})
