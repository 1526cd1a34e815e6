"""The scan result cache: a file's finished results, found again by its content.

The key of an entry is a hash of the file's bytes, its path as shown, the rule set (every rule
file's bytes), the configuration and the engine (ztlint's version and source files, the grammar
and regex libraries' versions). The value is the file's result as a scan takes it: findings
(messages already redacted, fingerprints are hashes), notes and skips. Baseline state is not
part of it: it is marked again on every run.

A file analysed again with other modules' flow summaries (runner._across_modules) has a second
entry, valid only while every summary its analysis asked for is the same (``deps``).

Results that depend on time (a budget cut, a parse timeout, a crash) are never stored: the next
run analyses that file again. The store is one SQLite database per folder (transactions make
concurrent runs safe: a run that cannot write in time simply does not), in a folder only the
user may write: its values are pickles, read only from there.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import stat
import time
from dataclasses import fields, is_dataclass, replace
from importlib import util
from pathlib import Path

from .. import __version__
from ..engine import rules as rulesmod
from ..engine import cachedir, languages
from ..engine.cachedir import default_dir, private_folder
from ..engine.config import Config
from ..engine.rules.load import is_rule_source

SCHEMA = 1
_DB = f"results-v{SCHEMA}.sqlite"
_LIBRARIES = ("tree_sitter", "re2", "hyperscan", "yaml")  # modules
_TIMED = ("analysis stopped after", "not parsed: parse took longer", "parser crashed")
_KEEP_DAYS = 30  # entries older than this are dropped (re-analysed when needed)
_CHUNK = 500  # keys per query (SQLite allows at least 999 parameters)
# A file's stamp (size, times, inode) stands for its bytes only once its times are this far in
# the past: a write within the file system's clock tick after it was read could keep them.
_SETTLED_NS = 2_000_000_000


def digest_of(value) -> str:
    """A digest of nested dataclasses, tuples, sets and plain values that is the same in
    every process (sets in sorted order: their iteration order depends on the hash seed)."""
    def norm(v):
        if is_dataclass(v) and not isinstance(v, type):
            return [type(v).__name__] + [norm(getattr(v, f.name)) for f in fields(v) if f.compare]
        if isinstance(v, (set, frozenset)):
            return sorted((norm(x) for x in v), key=repr)
        if isinstance(v, (tuple, list)):
            return [norm(x) for x in v]
        if isinstance(v, dict):
            return sorted(([norm(k), norm(x)] for k, x in v.items()), key=repr)
        return repr(v)
    return hashlib.blake2b(repr(norm(value)).encode("utf-8", "surrogatepass"),
                           digest_size=16).hexdigest()


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _engine_digest() -> str:
    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    package = str(Path(__file__).resolve().parents[1])
    sources = []
    for folder, dirs, names in os.walk(package):  # (os.walk: Path.rglob is several times slower)
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        sources += [os.path.join(folder, n) for n in names if n.endswith(".py")]
    for p in sorted(sources):
        st = os.stat(p)
        h.update(f"{os.path.relpath(p, package)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    # the libraries and grammars: installing another version rewrites their module files
    # (a stat, where asking importlib.metadata for versions reads every installed package)
    grammars = {languages.spec(n).module for n in languages.SPECS} - {None}
    for name in (*_LIBRARIES, *sorted(grammars)):
        try:
            spec = util.find_spec(name)
            st = os.stat(spec.origin) if spec is not None and spec.origin else None
        except (OSError, ImportError, ValueError):
            st = None
        h.update(f"{name}={st and (st.st_size, st.st_mtime_ns)}\n".encode())
    return h.hexdigest()


def _rules_digest(config: Config, ruleset: rulesmod.RuleSet) -> str:
    h = hashlib.blake2b(digest_size=16)
    files = set()
    for d in rulesmod.default_rule_dirs(config.rule_dirs):
        if Path(d).is_dir():  # what loading reads (fixtures and docs next to the rules do not count)
            files.update(str(p) for p in Path(d).rglob("*.y*ml") if p.is_file() and is_rule_source(p))
    files.update(r.path for r in ruleset.rules.values() if r.path and r.path != "<builtin>")
    for f in sorted(files):
        try:
            h.update(f.encode("utf-8", "surrogateescape") + b"\0" + Path(f).read_bytes() + b"\0")
        except OSError:
            h.update(f.encode("utf-8", "surrogateescape") + b"\0?\0")
    h.update(" ".join(sorted(ruleset.rules)).encode())
    return h.hexdigest()


def salt(config: Config, ruleset: rulesmod.RuleSet, report_unused: bool) -> str:
    """What every key of one scan shares: engine, rules, configuration, options."""
    # what only the report or the exit code uses is left out: one entry serves them all
    shown = replace(config, cache=True, cache_dir=None, fail_on="warning", baseline=None,
                    source=None)
    osv = None
    if config.osv_db is not None:
        try:
            st = config.osv_db.stat()
            osv = (st.st_size, st.st_mtime_ns)
        except OSError:
            osv = "missing"
    return hashlib.blake2b(repr((SCHEMA, _engine_digest(), _rules_digest(config, ruleset),
                                 repr(shown), osv, report_unused)).encode(),
                           digest_size=16).hexdigest()


class ResultCache:
    """One scan's view of the store: ``get`` while scanning, ``put`` for new results, then
    ``close`` writes them in one transaction. Every failure of the store only makes the cache
    miss: a scan never fails because of it."""

    def __init__(self, folder: Path, salt_: str):
        self.folder, self.salt = Path(folder), salt_
        self.problem: str | None = private_folder(self.folder)
        self.hits = self.misses = 0
        self._new: list[tuple[str, bytes]] = []
        self._new_stamps: list[tuple[str, str, str, str | None]] = []
        self._db: sqlite3.Connection | None = None
        self._opened = self.problem is not None

    def _connection(self) -> sqlite3.Connection | None:
        """Opened on first use, in the thread that scans (a connection stays in its thread)."""
        if not self._opened:
            self._opened = True
            try:
                path = self.folder / _DB
                self._db = sqlite3.connect(str(path), timeout=10, isolation_level=None)
                os.chmod(path, 0o600)
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("CREATE TABLE IF NOT EXISTS results "
                                 "(key TEXT PRIMARY KEY, stored REAL, value BLOB)")
                self._db.execute("CREATE TABLE IF NOT EXISTS stamps "
                                 "(name TEXT PRIMARY KEY, stored REAL, stamp TEXT, digest TEXT, note TEXT)")
            except (sqlite3.Error, OSError) as exc:
                self._fail(exc)
        return self._db

    @classmethod
    def for_scan(cls, config: Config, ruleset: rulesmod.RuleSet, report_unused: bool = False,
                 folder: Path | None = None) -> "ResultCache":
        return cls(folder or config.cache_dir or default_dir(), salt(config, ruleset, report_unused))

    @classmethod
    def for_config(cls, config: Config, ruleset: rulesmod.RuleSet,
                   report_unused: bool = False) -> "ResultCache | None":
        """The cache a scan of ``config`` uses (CLI and language server alike), or None when
        the config (``cache = false``) or ``$ZTLINT_NO_CACHE`` turns it off."""
        folder = cachedir.for_config(config)
        return None if folder is None else cls.for_scan(config, ruleset, report_unused, folder)

    def _fail(self, exc: Exception) -> None:
        self.problem = f"{self.folder / _DB}: {exc}"
        if self._db is not None:
            self._db.close()
        self._db = None

    def key(self, display: str, named: bool, digest: str, note: str | None) -> str:
        """``digest``: content_digest of the bytes analysed."""
        h = hashlib.blake2b(self.salt.encode(), digest_size=20)
        h.update(f"\0{display}\0{named}\0{note}\0{digest}".encode("utf-8", "surrogateescape"))
        return h.hexdigest()

    def get(self, key: str):
        return self.get_many([key]).get(key)

    def get_many(self, keys: list[str]) -> dict:
        """key -> value of the keys found (a few queries for many keys)."""
        db = self._connection()
        found: dict = {}
        for i in range(0, len(keys) if db is not None else 0, _CHUNK):
            part = keys[i:i + _CHUNK]
            try:
                rows = db.execute(f"SELECT key, value FROM results WHERE key IN ({','.join('?' * len(part))})",
                                  part).fetchall()
            except sqlite3.Error:
                rows = []
            for key, blob in rows:
                try:
                    # only this user can write the folder (checked on opening), as for Python's
                    # own __pycache__: what is read back was written by ztlint for this user
                    found[key] = pickle.loads(blob)  # ztlint: ignore[python-pickle-load]
                except Exception:  # noqa: BLE001 - a damaged entry is a miss
                    pass
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def stamps(self) -> dict[str, tuple[str, str, str | None]]:
        """name -> (stamp, digest, note) of the files read before (see runner._from_cache)."""
        db = self._connection()
        try:
            rows = db.execute("SELECT name, stamp, digest, note FROM stamps").fetchall() if db else []
        except sqlite3.Error:
            rows = []
        return {name: (stamp, digest, note) for name, stamp, digest, note in rows}

    def stamp(self, name: str, stamp: str, digest: str, note: str | None) -> None:
        """Remember that the file ``name`` with this ``stamp`` (see file_stamp) held these bytes."""
        if self._connection() is not None:
            self._new_stamps.append((name, stamp, digest, note))

    def put(self, key: str, value) -> None:
        if self._connection() is not None:
            self._new.append((key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))

    def close(self) -> None:
        """Write what is new (one transaction) and drop entries older than a month."""
        if self._connection() is None:
            return
        try:
            if self._new or self._new_stamps:
                now = time.time()
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)",
                                     [(k, now, v) for k, v in self._new])
                self._db.executemany("INSERT OR REPLACE INTO stamps VALUES (?, ?, ?, ?, ?)",
                                     [(n, now, *rest) for n, *rest in self._new_stamps])
                cutoff = (now - _KEEP_DAYS * 86400,)
                self._db.execute("DELETE FROM results WHERE stored < ?", cutoff)
                self._db.execute("DELETE FROM stamps WHERE stored < ?", cutoff)
                self._db.execute("COMMIT")
        except sqlite3.Error as exc:  # locked by another run for too long, disk full ...
            self._fail(exc)
            return
        self._new.clear()
        self._new_stamps.clear()
        self._db.close()
        self._db = None


def file_stamp(st: os.stat_result) -> str | None:
    """What says a regular file is unchanged without reading it (None: nothing does). Trusted
    only for a file whose last change is settled (see _SETTLED_NS): the content digest is the
    truth whenever the stamp differs."""
    if not stat.S_ISREG(st.st_mode) or time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) < _SETTLED_NS:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}"


def cacheable(fr) -> bool:
    """Whether a file's result is the same on every run (see the module's docstring)."""
    if fr.skipped is not None and fr.skipped.kind == "error":
        return False
    return not any(n.note.startswith(_TIMED) or "budget" in n.note for n in fr.notes)


class Packed:
    """A value kept pickled inside a cache entry, unpickled only when asked for (a file's flow
    summaries: a scan whose modules are all unchanged never needs them)."""

    def __init__(self, value):
        self.blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

    def open(self):
        return pickle.loads(self.blob)  # ztlint: ignore[python-pickle-load] (read from the cache: see ResultCache.get_many)


class Recorder:
    """An ``externals`` function that remembers what it answered: the second-pass entry of a
    file is valid while the same questions get the same answers."""

    def __init__(self, find):
        self.find = find
        self.asked: dict[str, str] = {}

    def __call__(self, q: str):
        s = self.find(q)
        self.asked.setdefault(q, digest_of(s) if s is not None else "")
        return s

    @staticmethod
    def valid(asked: dict[str, str], find, seen: dict | None = None) -> bool:
        """Whether ``find`` answers every question in ``asked`` as it was answered then.
        ``seen``: digests already made, by answer (kept by the caller while the answers live)."""
        seen = {} if seen is None else seen

        def digest(s) -> str:
            if s is None:
                return ""
            if id(s) not in seen:
                seen[id(s)] = (s, digest_of(s))  # (holding s keeps its id unique)
            return seen[id(s)][1]
        return all(digest(find(q)) == d for q, d in asked.items())
