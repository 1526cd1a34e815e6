"""Reading an OSV database: a zip, a folder of JSON, a folder of per-ecosystem zips; cached
while unchanged, read again when replaced; a bad path is an error, not a crash."""

from __future__ import annotations

import json
import os

import pytest

from ztlint.engine.osv import database
from ztlint.engine.osv.versions import NPM, PYPI

from .osvdb import ADVISORIES, advisory, intro_fixed, write_exports, write_folder, write_zip


@pytest.mark.parametrize("make", [
    lambda p: write_zip(p / "all.zip"), write_folder, write_exports])
def test_every_layout_gives_the_same_index(tmp_path, make):
    db = database.load(make(tmp_path / "db"))
    assert db.records == len(ADVISORIES) and db.unreadable == 0
    assert {a.id for a in db.advisories(PYPI, "Django")} == {
        "GHSA-2222-3333-4444", "PYSEC-2023-11", "GHSA-5555-6666-7777"}
    assert [a.id for a in db.advisories(NPM, "@scope/pkg")] == ["GHSA-npm0-scop-ed00"]
    assert db.advisories(PYPI, "requests") == ()  # withdrawn


def test_cached_while_unchanged_and_read_again_when_replaced(tmp_path):
    path = write_zip(tmp_path / "all.zip")
    first = database.load(path)
    assert database.load(str(path)) is first  # indexed once
    newer = ADVISORIES + [advisory("GHSA-new0-new0-new0", "PyPI", "urllib3", intro_fixed(("0", "2.0.7")))]
    write_zip(path, newer)
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    again = database.load(path)
    assert again is not first and again.records == len(newer)


def test_unreadable_records_are_counted_not_fatal(tmp_path):
    root = write_folder(tmp_path / "db")
    (root / "PyPI" / "broken.json").write_text("{not json", encoding="utf-8")
    (root / "PyPI" / "list.json").write_text(json.dumps([1, 2]), encoding="utf-8")
    (root / "README.txt").write_text("not an advisory", encoding="utf-8")
    db = database.load(root)
    assert db.unreadable == 2 and db.records == len(ADVISORIES)


@pytest.mark.parametrize("name, content", [
    ("missing", None), ("notes.txt", b"hello"), ("bad.zip", b"PK not really a zip")])
def test_bad_paths_raise_a_database_error(tmp_path, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(database.DatabaseError, match="OSV database"):
        database.load(path)
