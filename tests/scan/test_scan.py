"""Workspace scanning and bad input: nothing crashes, nothing is lost."""

from __future__ import annotations

import os
from pathlib import Path


from ztlint.engine import rules
from ztlint.engine.config import Config
from ztlint.scan import runner
from ztlint.scan.discover import discover

from ..helpers import write

TOKEN = "ztk_" + "9f8e7d6c5b4a39281706f5e4"


def _scan(tmp_path, custom_rules, **kw):
    cfg = Config(root=tmp_path, rule_dirs=(custom_rules,), **kw)
    rs = rules.load_rules([custom_rules])
    return runner.scan([tmp_path / "proj"], cfg, ruleset=rs, jobs=1)


def _found(result):
    return sorted((Path(f.path).name, f.line, f.rule_id) for f in result.findings)


def test_gitignore_nested_and_default_skips(tmp_path, custom_rules):
    proj = tmp_path / "proj"
    (proj / ".git").mkdir(parents=True)
    write(proj / ".gitignore", "build/\n*.log\n")
    write(proj / "sub" / ".gitignore", "local.py\n!keep.log\n")
    write(proj / "app.py", "risky(x)\n")
    write(proj / "build" / "gen.py", "risky(x)\n")
    write(proj / "debug.log", f"{TOKEN}\n")
    write(proj / "sub" / "local.py", "risky(x)\n")
    write(proj / "sub" / "keep.log", f"{TOKEN}\n")
    write(proj / "node_modules" / "lib.js", f"{TOKEN}\n")
    write(proj / "package-lock.json", f'{{"t": "{TOKEN}"}}\n')
    write(proj / "dist" / "app.min.js", f"{TOKEN}\n")
    write(proj / "static" / "app.min.js", f"{TOKEN}\n")
    result = _scan(tmp_path, custom_rules)
    assert _found(result) == [("app.py", 1, "test-eval"), ("keep.log", 1, "test-token")]
    reasons = {Path(s.path).name: s.reason for s in result.skipped}
    assert reasons["package-lock.json"] == "lock file"
    assert reasons["app.min.js"].startswith("minified")  # by name (static/)
    assert reasons["dist"] == "generated (build output folder dist/)"  # (issue 13: not entered)


def test_gitignore_above_a_scanned_subfolder_applies(tmp_path, custom_rules):
    proj = tmp_path / "proj"
    (proj / ".git").mkdir(parents=True)
    write(proj / ".gitignore", "secret.py\n")
    write(proj / "pkg" / "secret.py", "risky(x)\n")
    write(proj / "pkg" / "ok.py", "risky(x)\n")
    cfg = Config(root=proj)
    files = [p.name for p in discover([proj / "pkg"], cfg)]
    assert files == ["ok.py"]


def test_a_nested_repository_ignores_the_outer_repositorys_gitignore(tmp_path):
    outer = tmp_path / "outer"
    (outer / ".git").mkdir(parents=True)
    write(outer / ".gitignore", "work/\n")
    inner = outer / "work" / "inner"
    (inner / ".git").mkdir(parents=True)
    write(inner / ".gitignore", "skip.py\n")
    write(inner / "app.py", "risky(x)\n")
    write(inner / "skip.py", "risky(x)\n")
    assert [p.name for p in discover([inner], Config(root=inner)) if p.suffix == ".py"] == ["app.py"]
    assert [p.name for p in discover([outer], Config(root=outer))] == [".gitignore"]


def test_scanning_through_a_symlinked_folder(tmp_path):
    proj = tmp_path / "proj"
    (proj / ".git").mkdir(parents=True)
    write(proj / ".gitignore", "ignored.py\n")
    write(proj / "src" / "a.py", "risky(x)\n")
    write(proj / "src" / "ignored.py", "risky(x)\n")
    link = tmp_path / "link"
    link.symlink_to(proj / "src")
    cfg = Config(root=proj, exclude=("src/gen/",))
    write(proj / "src" / "gen" / "b.py", "risky(x)\n")
    # the real location decides: ignores and excludes of proj apply through the link
    assert sorted(p.name for p in discover([link], cfg)) == ["a.py"]


def test_config_include_and_exclude(tmp_path, custom_rules):
    proj = tmp_path / "proj"
    write(proj / "src" / "a.py", "risky(x)\n")
    write(proj / "src" / "gen" / "b.py", "risky(x)\n")
    write(proj / "tools" / "c.py", "risky(x)\n")
    cfg = Config(root=proj, include=("src/**",), exclude=("src/gen/",))
    assert [p.name for p in discover([proj], cfg)] == ["a.py"]


def test_bad_inputs_never_crash_and_never_drop_other_findings(tmp_path, custom_rules, monkeypatch):
    proj = tmp_path / "proj"
    write(proj / "good.py", "risky(x)\n")
    (proj / "image.dat").write_bytes(b"\x89PNG\0\0\0binary" + TOKEN.encode())
    (proj / "latin1.py").write_bytes(b"# caf\xe9\nrisky(y)\n")
    (proj / "empty.py").write_bytes(b"")
    (proj / "huge.min.txt").write_bytes(b"var a=1;" * (20 * 1024 * 1024 // 8))
    (proj / "nested.py").write_bytes(b"x = " + b"[" * 50_000 + b"]" * 50_000 + b"\nrisky(z)\n")
    (proj / "half.py").write_bytes(b"def f(x):\n    risky(q)\n    if x ==\n")
    write(proj / "unreadable.py", "risky(x)\n")
    (proj / "loop").mkdir()
    os.symlink(proj, proj / "loop" / "back")
    os.symlink(proj / "a-link", proj / "b-link")
    os.symlink(proj / "b-link", proj / "a-link")
    real_open = os.open

    def open_(path, *args, **kw):
        if os.fspath(path).endswith("unreadable.py"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kw)
    monkeypatch.setattr(os, "open", open_)  # (root may read anything: chmod cannot stop it)
    result = _scan(tmp_path, custom_rules)
    found = _found(result)
    assert ("good.py", 1, "test-eval") in found
    assert ("latin1.py", 2, "test-eval") in found
    assert ("nested.py", 2, "test-eval") in found
    assert ("half.py", 2, "test-eval") in found
    assert all(name != "image.dat" for name, *_ in found)
    reasons = {Path(s.path).name: s.reason for s in result.skipped}
    assert reasons["image.dat"] == "binary content"
    # too large for a full analysis: text rules only, with a note
    notes = {Path(n.path).name: n.note for n in result.notes}
    assert notes["huge.min.txt"].startswith("larger than max-file-size")
    assert notes["huge.min.txt"].endswith("text rules only")
    assert reasons["unreadable.py"].startswith("cannot read: Permission denied")
    assert "symlink" in reasons["a-link"]


def test_a_failing_analysis_becomes_a_note(tmp_path, custom_rules, monkeypatch):
    write(tmp_path / "proj" / "a.py", "risky(x)\n")
    write(tmp_path / "proj" / "b.py", "risky(x)\n")
    from ztlint.engine import analyze as analysis
    real = analysis.analyze

    def flaky(source, path, *a, **kw):
        if path.endswith("a.py"):
            raise RuntimeError("boom")
        return real(source, path, *a, **kw)
    monkeypatch.setattr(analysis, "analyze", flaky)
    result = _scan(tmp_path, custom_rules)
    assert _found(result) == [("b.py", 1, "test-eval")]
    assert any(s.reason == "analysis failed: RuntimeError: boom" for s in result.skipped)


def test_parallel_scan_equals_serial_scan(tmp_path, custom_rules):
    proj = tmp_path / "proj"
    for i in range(150):
        write(proj / f"m{i:03}.py", f"def f{i}():\n    return risky(x{i})\nk = '{TOKEN}'\n" if i % 3 else "print(1)\n")
    cfg = Config(root=tmp_path, rule_dirs=(custom_rules,))
    serial = runner.scan([proj], cfg, jobs=1)
    parallel = runner.scan([proj], cfg, jobs=2)
    key = [(f.path, f.line, f.rule_id, f.message) for f in serial.findings]
    assert key == [(f.path, f.line, f.rule_id, f.message) for f in parallel.findings]
    assert len(key) == 200 and parallel.files == 150
