"""The warm scan path (scan/runner._from_cache): an unchanged file is known by its stamp (size,
times, inode) without being read; whenever the stamp differs the content digest decides."""

from __future__ import annotations

import os

import pytest

from ztlint.engine.config import load_config
from ztlint.report import json_report
from ztlint.scan import cache as cachemod
from ztlint.scan import runner
from ztlint.scan.cache import ResultCache

from .gentree import build


@pytest.fixture
def tree(tmp_path):
    return build(tmp_path / "proj", packages=2)


@pytest.fixture
def settled(monkeypatch):
    """Files written by the test count as settled at once (the real margin is 2 s)."""
    monkeypatch.setattr(cachemod, "_SETTLED_NS", 0)


@pytest.fixture
def reads(monkeypatch):
    """Paths read through source.read_source while scanning (every reader: runner and engine)."""
    seen = []
    real = runner.source.read_source

    def counting(path, max_size):
        seen.append(os.path.basename(path))
        return real(path, max_size)
    monkeypatch.setattr(runner.source, "read_source", counting)
    return seen


def _scan(root, ruleset, folder):
    config = load_config(root)
    cache = ResultCache.for_scan(config, ruleset, folder=folder) if folder else None
    result = runner.scan([root], config, ruleset=ruleset, base=root, isolate=False, cache=cache)
    return result, json_report.to_dict(result, ruleset)


def test_a_warm_scan_reads_no_unchanged_file(tree, tmp_path, bundled, settled, reads):
    _, cold = _scan(tree, bundled, tmp_path / "c")
    reads.clear()
    warm, report = _scan(tree, bundled, tmp_path / "c")
    assert report == cold and warm.analysed == []
    # not even the binary files: their skip is known by the stamp too
    assert reads == []


def test_a_recent_file_is_read_again(tree, tmp_path, bundled, reads):
    # without the settled margin, a file changed just now could change again within the
    # clock tick that stamped it: its stamp is not trusted, its bytes are
    _scan(tree, bundled, tmp_path / "c")
    reads.clear()
    warm, _ = _scan(tree, bundled, tmp_path / "c")
    assert "views.py" in reads and warm.analysed == []


def test_same_size_and_mtime_but_new_content_is_analysed(tree, tmp_path, bundled, settled):
    _scan(tree, bundled, tmp_path / "c")
    settings = tree / "pkg1" / "settings.py"
    st = settings.stat()
    new = b"DEBUG = False\n".ljust(st.st_size, b"#")
    settings.write_bytes(new)
    os.utime(settings, ns=(st.st_atime_ns, st.st_mtime_ns))  # the change time still moves
    assert settings.stat().st_size == st.st_size and settings.stat().st_mtime_ns == st.st_mtime_ns
    result, report = _scan(tree, bundled, tmp_path / "c")
    assert result.analysed == ["pkg1/settings.py"]
    assert report == _scan(tree, bundled, None)[1]


def test_a_touched_but_unchanged_file_is_not_analysed(tree, tmp_path, bundled, settled, reads):
    _scan(tree, bundled, tmp_path / "c")
    views = tree / "pkg0" / "views.py"
    os.utime(views, ns=(views.stat().st_atime_ns, views.stat().st_mtime_ns + 10**9))
    reads.clear()
    result, _ = _scan(tree, bundled, tmp_path / "c")
    assert "views.py" in reads  # the stamp changed: read, and its digest is the same
    assert result.analysed == []


def test_a_file_replaced_by_another_of_the_same_stamp_is_read(tree, tmp_path, bundled, settled):
    # another file moved into place keeps size and mtime, not the inode
    _scan(tree, bundled, tmp_path / "c")
    target = tree / "pkg0" / "settings.py"
    st = target.stat()
    other = tree / "pkg0" / "settings.new"
    other.write_bytes(b"DEBUG = False\n".ljust(st.st_size, b"#"))
    os.utime(other, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(other, target)
    result, report = _scan(tree, bundled, tmp_path / "c")
    assert result.analysed == ["pkg0/settings.py"]
    assert report == _scan(tree, bundled, None)[1]


def test_an_unchanged_project_needs_no_flow_summaries(tree, tmp_path, bundled, monkeypatch):
    _, cold = _scan(tree, bundled, tmp_path / "c")
    # every module as before: the second pass is taken whole, summaries stay packed
    monkeypatch.setattr(cachemod.Packed, "open", lambda self: pytest.fail("unpickled summaries"))
    warm, report = _scan(tree, bundled, tmp_path / "c")
    assert report == cold and warm.analysed == []


def test_a_helper_changed_then_changed_back_reports_as_at_first(tree, tmp_path, bundled):
    _, first = _scan(tree, bundled, tmp_path / "c")
    utils = tree / "pkg1" / "utils.py"
    original = utils.read_text()
    utils.write_text("def run(c):\n    return len(c)\n")
    _, changed = _scan(tree, bundled, tmp_path / "c")
    assert changed != first  # the flow through the helper is gone
    utils.write_text(original)
    result, back = _scan(tree, bundled, tmp_path / "c")
    assert back == first and result.analysed == []
