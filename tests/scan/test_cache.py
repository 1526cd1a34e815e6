"""The scan result cache (scan/cache.py): a warm scan reports what a cold one does, only
changed files are analysed again, nothing secret is stored, notes and baselines survive."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from ztlint.engine.config import load_config
from ztlint.report import json_report
from ztlint.scan import runner
from ztlint.scan.cache import ResultCache

from .gentree import TOKEN, build


@pytest.fixture
def tree(tmp_path):
    return build(tmp_path / "proj", packages=3)


def _scan(root: Path, ruleset, cache_dir: Path | None, config=None, **kw):
    config = config or load_config(root)
    cache = ResultCache.for_scan(config, ruleset, folder=cache_dir) if cache_dir else None
    result = runner.scan([root], config, ruleset=ruleset, base=root, isolate=False,
                         cache=cache, **kw)
    return result, json_report.to_dict(result, ruleset)


def test_warm_scan_reports_the_same_and_analyses_nothing(tree, tmp_path, bundled):
    _, plain = _scan(tree, bundled, None)
    cold, first = _scan(tree, bundled, tmp_path / "c")
    warm, second = _scan(tree, bundled, tmp_path / "c")
    assert first == plain and second == plain
    assert cold.cached == 3 and len(cold.analysed) >= cold.files  # the 3 binaries: read, not analysed
    assert warm.analysed == [] and warm.cached == cold.cached + cold.files
    # skips and notes come back from the cache with their reasons
    assert second["notes"] and any(s["reason"] == "binary content" for s in second["skipped"])


def test_after_editing_one_file_only_that_file_is_analysed(tree, tmp_path, bundled):
    _scan(tree, bundled, tmp_path / "c")
    (tree / "pkg1" / "settings.py").write_text("DEBUG = False\n")
    result, report = _scan(tree, bundled, tmp_path / "c")
    assert result.analysed == ["pkg1/settings.py"]
    assert report == _scan(tree, bundled, None)[1]


def test_a_changed_helper_reanalyses_the_modules_that_use_it(tree, tmp_path, bundled):
    _scan(tree, bundled, tmp_path / "c")
    # another sink: the summary views.py asked for changed, so views.py is analysed again
    # with it (its cached second-pass result is not valid any more)
    utils = tree / "pkg2" / "utils.py"
    utils.write_text("import subprocess\n\ndef run(c):\n    subprocess.call(c, shell=True)\n")
    result, report = _scan(tree, bundled, tmp_path / "c")
    assert sorted(set(result.analysed)) == ["pkg2/utils.py", "pkg2/views.py"]
    assert report == _scan(tree, bundled, None)[1]
    # the helper no longer runs its argument: the flow in views.py goes (its first-pass result,
    # cached, is the answer now: only the helper is analysed)
    utils.write_text("def run(c):\n    return len(c)\n")
    result, report = _scan(tree, bundled, tmp_path / "c")
    assert result.analysed == ["pkg2/utils.py"]
    assert report == _scan(tree, bundled, None)[1]
    flows = {f["path"] for f in report["findings"] if f["rule"] == "python-flow-command"}
    assert flows == {"pkg0/views.py", "pkg1/views.py"}


def test_the_cache_holds_no_secret_in_clear_text(tree, tmp_path, bundled):
    _, report = _scan(tree, bundled, tmp_path / "c")
    assert any("secret" in f["rule"] for f in report["findings"])
    stored = b"".join(p.read_bytes() for p in (tmp_path / "c").iterdir() if p.is_file())
    assert len(stored) > 1000
    assert TOKEN.encode() not in stored and TOKEN[6:26].encode() not in stored


def test_results_cut_by_the_budget_are_not_cached_and_keep_their_note(tree, tmp_path, bundled):
    config = replace(load_config(tree), analysis_budget=1e-9)
    for _ in range(2):
        result, _ = _scan(tree, bundled, tmp_path / "c", config=config)
        cut = [n.path for n in result.notes if "budget" in n.note]
        assert cut and set(cut) <= set(result.analysed)


def test_baseline_state_is_marked_on_cached_results(tree, tmp_path, bundled):
    cold, _ = _scan(tree, bundled, tmp_path / "c")
    accepted = frozenset({cold.findings[0].fingerprint})
    warm, _ = _scan(tree, bundled, tmp_path / "c", baseline=accepted)
    assert warm.analysed == []
    assert [f.fingerprint for f in warm.findings if f.baseline] == list(accepted)
    again, _ = _scan(tree, bundled, tmp_path / "c")
    assert not any(f.baseline for f in again.findings)


def test_a_folder_others_may_write_is_not_trusted(tree, tmp_path, bundled):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    os.chmod(shared, 0o777)  # ztlint: ignore[python-chmod-world-writable] (the case under test)
    cache = ResultCache.for_scan(load_config(tree), bundled, folder=shared)
    assert cache.problem and "other users" in cache.problem
    result = runner.scan([tree], load_config(tree), ruleset=bundled, base=tree, isolate=False,
                         cache=cache)
    assert result.findings and not any(shared.iterdir())


def test_concurrent_cli_runs_share_the_cache(tree, tmp_path):
    cmd = [sys.executable, "-m", "ztlint.cli", "scan", ".", "--format", "json", "--no-progress",
           "-j", "1", "--cache-dir", str(tmp_path / "c")]
    env = {k: v for k, v in os.environ.items() if k != "ZTLINT_NO_CACHE"}
    runs = [subprocess.Popen(cmd + ["-o", str(tmp_path / f"{i}.json")], cwd=tree, env=env,
                             stderr=subprocess.PIPE, text=True) for i in range(3)]
    for p in runs:
        assert p.wait(timeout=300) == 1, p.stderr.read()  # 1: findings
    outs = {(tmp_path / f"{i}.json").read_text() for i in range(3)}
    assert len(outs) == 1
    subprocess.run(cmd + ["-o", str(tmp_path / "warm.json")], cwd=tree, env=env, timeout=300)
    assert (tmp_path / "warm.json").read_text() in outs


def test_no_cache_and_config_switch_it_off(tree, tmp_path, monkeypatch):
    from ztlint import cli
    monkeypatch.chdir(tree)
    cli.main(["scan", ".", "--no-progress", "--no-cache", "--cache-dir", str(tmp_path / "a")])
    assert not (tmp_path / "a").exists()
    (tree / "ztlint.toml").write_text(f'cache-dir = "{(tmp_path / "b").as_posix()}"\n')
    monkeypatch.delenv("ZTLINT_NO_CACHE", raising=False)
    cli.main(["scan", ".", "--no-progress"])
    assert (tmp_path / "b").is_dir()
    (tree / "ztlint.toml").write_text(
        f'cache = false\ncache-dir = "{(tmp_path / "d").as_posix()}"\n')
    cli.main(["scan", ".", "--no-progress"])
    assert not (tmp_path / "d").exists()
