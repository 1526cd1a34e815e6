"""Bundled gated rules (and bundled rules' conditions) compile their queries on first use:
opening a file compiles what its literals call for, not the whole language's pack."""

from __future__ import annotations

from ztlint.engine import rules
from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config
from ztlint.engine.rules import load

from ..helpers import EVAL_RULE, write


def test_a_file_compiles_only_the_gated_rules_its_literals_call_for():
    rs = rules.load_rules([rules.bundled_rules_dir()])
    pack = rs.pack("python")
    assert pack.gated and not any(g.compiled.done for g in pack.gated)
    found = analyze(b"import os\nx = eval(input())\n", "a.py", rs, Config()).findings
    assert "python-eval-dynamic" in {f.rule_id for f in found}
    compiled = {g.rule.id for g in pack.gated if g.compiled.done}
    assert "python-eval-dynamic" in compiled
    assert len(compiled) < len(pack.gated) // 4
    assert not rs.errors


def test_compile_all_compiles_every_lazy_query():
    rs = rules.load_rules([rules.bundled_rules_dir()])
    assert rs.compile_all() == []
    pack = rs.pack("python")
    assert all(g.compiled.done for g in pack.gated)
    assert not list(pack.compile_steps())  # nothing left


def _broken_bundled(tmp_path, monkeypatch):
    """A bundled rule folder holding a gated rule whose query does not compile."""
    write(tmp_path / "bundled" / "bad.yaml", EVAL_RULE.replace("(call function:", "(call nonsense:"))
    monkeypatch.setattr(load, "bundled_rules_dir", lambda: tmp_path / "bundled")
    return rules.load_rules([tmp_path / "bundled"])


def test_a_lazy_query_that_does_not_compile_is_reported_when_first_needed(tmp_path, monkeypatch):
    rs = _broken_bundled(tmp_path, monkeypatch)
    assert rs.pack("python") is not None and not rs.errors  # not compiled yet
    assert analyze(b"y = 1\n", "a.py", rs, Config()).findings == []
    assert not rs.errors  # no literal of the rule: still not needed
    assert analyze(b"risky(x)\n", "a.py", rs, Config()).findings == []
    assert len(rs.errors) == 1 and "match.query: invalid tree-sitter query" in str(rs.errors[0])


def test_compile_all_reports_a_lazy_query_that_does_not_compile(tmp_path, monkeypatch):
    rs = _broken_bundled(tmp_path, monkeypatch)
    errs = rs.compile_all()
    assert len(errs) == 1 and "bad.yaml" in str(errs[0]) and "invalid tree-sitter query" in str(errs[0])


def test_a_users_rule_still_reports_its_broken_query_when_its_language_compiles(tmp_path):
    write(tmp_path / "mine" / "bad.yaml", EVAL_RULE.replace("(call function:", "(call nonsense:"))
    rs = rules.load_rules([tmp_path / "mine"])
    rs.pack("python")
    assert len(rs.errors) == 1 and "invalid tree-sitter query" in str(rs.errors[0])


def test_the_language_servers_warm_up_compiles_the_lazy_queries_step_by_step(tmp_path):
    from types import SimpleNamespace

    from ztlint.lsp import warmup
    from ztlint.lsp.state import ServerState
    write(tmp_path / "app.py", "print(1)\n")
    st = ServerState(folders=[tmp_path])
    steps = len(list(warmup.work(SimpleNamespace(state=st))))
    pack = st.ruleset_for(st.config_for(tmp_path)).pack("python")
    assert all(g.compiled.done for g in pack.gated)
    assert steps > len(pack.gated)  # one query a step: an edit waits for one at most


def test_compiling_queries_on_first_use_is_not_charged_to_the_files_budget(tmp_path, monkeypatch):
    import time
    from dataclasses import replace

    from ztlint.engine.rules import packs
    rs = rules.load_rules([rules.bundled_rules_dir()])
    rs.pack("python")
    compile_gated, compile_cond = packs.LazyQuery.get, packs.QueryTable.__missing__

    def slow_gated(self):
        if not self.done:
            time.sleep(0.3)
        return compile_gated(self)

    def slow_cond(self, key):
        time.sleep(0.3)
        return compile_cond(self, key)
    monkeypatch.setattr(packs.LazyQuery, "get", slow_gated)
    monkeypatch.setattr(packs.QueryTable, "__missing__", slow_cond)
    source = b"x = eval(input())\n"
    first = analyze(source, "a.py", rs, replace(Config(root=tmp_path), analysis_budget=0.25))
    assert first.notes == []
    assert "python-eval-dynamic" in {f.rule_id for f in first.findings}
