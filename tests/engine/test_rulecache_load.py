"""Checked rule files kept across runs (engine/rules/datacache.py): a warm load parses nothing,
an edited rule file is read again, a damaged cache is rebuilt, a broken rule is never kept and
its error still names file, line and field."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from ztlint.engine import rules, yamlsource

from ..helpers import EVAL_RULE, TOKEN_RULE, write


def _cache_files(folder):
    return sorted(folder.glob("rules-v*.bin"))


def _summary(rs):
    return sorted((r.id, r.severity, r.message, r.path, r.line, r.query_line) for r in rs.rules.values())


def test_a_warm_load_takes_every_checked_file_from_the_cache(custom_rules, tmp_path, monkeypatch):
    cold = rules.load_rules([rules.bundled_rules_dir(), custom_rules], cache=tmp_path / "c")
    assert len(_cache_files(tmp_path / "c")) == 1 and not cold.errors
    monkeypatch.setattr(yamlsource, "load", lambda text: pytest.fail("parsed again"))
    warm = rules.load_rules([rules.bundled_rules_dir(), custom_rules], cache=tmp_path / "c")
    assert _summary(warm) == _summary(cold) and not warm.errors
    # the bundled rules are still trusted as bundled (their backtracking regexes load)
    assert {r.id for r in warm.rules.values()} == {r.id for r in cold.rules.values()}


def test_editing_a_rule_file_reads_that_file_again(custom_rules, tmp_path, monkeypatch):
    rules.load_rules([custom_rules], cache=tmp_path / "c")
    write(custom_rules / "eval.yaml", EVAL_RULE.replace("severity: warning", "severity: error"))
    parsed = []
    real = yamlsource.load
    monkeypatch.setattr(yamlsource, "load", lambda text: parsed.append(text) or real(text))
    rs = rules.load_rules([custom_rules], cache=tmp_path / "c")
    assert rs.rules["test-eval"].severity == "error"
    assert len(parsed) == 1 and "test-eval" in parsed[0]  # the token rule came from the cache


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped", "foreign"])
def test_a_damaged_cache_is_ignored_and_rebuilt(custom_rules, tmp_path, damage, monkeypatch):
    cold = rules.load_rules([custom_rules], cache=tmp_path / "c")
    [path] = _cache_files(tmp_path / "c")
    raw = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00\xff" * 100)
    elif damage == "truncated":
        path.write_bytes(raw[:len(raw) // 2])
    elif damage == "flipped":
        path.write_bytes(raw[:-10] + bytes([raw[-10] ^ 0xFF]) + raw[-9:])
    else:  # a well-formed file whose entries are not documents
        import marshal
        from ztlint.engine.rules import datacache
        # (the file this test's own load just wrote)
        keys = marshal.loads(raw[len(datacache._MAGIC) + 20:])  # ztlint: ignore[python-marshal-load]
        payload = marshal.dumps({k: 42 for k in keys})
        path.write_bytes(datacache._MAGIC + bytes.fromhex(datacache._digest(payload)) + payload)
    again = rules.load_rules([custom_rules], cache=tmp_path / "c")
    assert _summary(again) == _summary(cold) and not again.errors
    # rebuilt: the next load parses nothing
    monkeypatch.setattr(yamlsource, "load", lambda text: pytest.fail("parsed again"))
    assert _summary(rules.load_rules([custom_rules], cache=tmp_path / "c")) == _summary(cold)


def test_a_broken_rule_is_never_cached_and_its_error_stays_exact(custom_rules, tmp_path):
    text = EVAL_RULE.replace("severity: warning", "severity: fatal")
    write(custom_rules / "bad.yaml", text.replace("test-eval", "test-bad"))
    line = text.lstrip("\n").splitlines().index("severity: fatal") + 1
    want = [f"{custom_rules / 'bad.yaml'}:{line}: severity: 'fatal' is not one of "
            "['error', 'warning', 'info', 'hint']"]
    for _ in range(3):  # cold, then warm twice
        rs = rules.load_rules([custom_rules], cache=tmp_path / "c")
        assert [str(e) for e in rs.errors] == want
        assert {"test-eval", "test-token"} <= set(rs.rules) and "test-bad" not in rs.rules
    # a YAML syntax error as well: found again, never kept
    write(custom_rules / "bad.yaml", "id: x\ntitle: [unclosed\n")
    for _ in range(2):
        errs = [str(e) for e in rules.load_rules([custom_rules], cache=tmp_path / "c").errors]
        assert len(errs) == 1 and errs[0].startswith(f"{custom_rules / 'bad.yaml'}:") and ": yaml:" in errs[0]


def test_a_compile_error_is_reported_on_every_warm_load(tmp_path):
    # schema-valid, but the query names a node type that does not exist: found when compiling,
    # which every load does (only parsing and the schema check are cached)
    bad = EVAL_RULE.replace("(call function: (identifier) @fn) @call",
                            "(call function: (identifer) @fn) @call")
    write(tmp_path / "r" / "bad.yaml", bad)
    first = [str(e) for e in rules.load_rules([tmp_path / "r"], cache=tmp_path / "c").compile_all()]
    second = [str(e) for e in rules.load_rules([tmp_path / "r"], cache=tmp_path / "c").compile_all()]
    assert first and first == second


def test_other_rule_folders_get_their_own_cache_file(custom_rules, tmp_path):
    other = tmp_path / "other"
    write(other / "token.yaml", TOKEN_RULE)
    rules.load_rules([custom_rules], cache=tmp_path / "c")
    rules.load_rules([other], cache=tmp_path / "c")
    assert len(_cache_files(tmp_path / "c")) == 2


def test_concurrent_loads_each_see_a_whole_cache(custom_rules, tmp_path):
    results, errors = [], []

    def load():
        try:
            results.append(_summary(rules.load_rules([custom_rules], cache=tmp_path / "c")))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
    threads = [threading.Thread(target=load) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(results) == 6 and all(r == results[0] for r in results)
    assert len(_cache_files(tmp_path / "c")) == 1
    assert not [p for p in (tmp_path / "c").iterdir() if p.suffix == ".tmp"]  # no temporary left


def test_a_folder_others_may_write_is_not_used(custom_rules, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)  # ztlint: ignore[python-chmod-world-writable] (the case under test)
    rs = rules.load_rules([custom_rules], cache=shared)
    assert {"test-eval", "test-token"} <= set(rs.rules) and not any(shared.iterdir())


def _cli_scan(cwd, *args):
    env = {k: v for k, v in os.environ.items() if k != "ZTLINT_NO_CACHE"}
    return subprocess.run([sys.executable, "-m", "ztlint.cli", "scan", ".", "--no-progress", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_the_cli_keeps_rule_files_in_its_cache_folder_unless_told_not_to(tmp_path):
    write(tmp_path / "proj" / "app.py", "x = 1\n")
    _cli_scan(tmp_path / "proj", "--no-cache", "--cache-dir", str(tmp_path / "off"))
    assert not (tmp_path / "off").exists()
    _cli_scan(tmp_path / "proj", "--cache-dir", str(tmp_path / "on"))
    assert len(_cache_files(tmp_path / "on")) == 1
