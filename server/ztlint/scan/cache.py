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
import sys
import time
from dataclasses import fields, is_dataclass, replace
from importlib import metadata
from pathlib import Path

from .. import __version__
from ..engine import rules as rulesmod
from ..engine.config import Config

SCHEMA = 1
_DB = f"results-v{SCHEMA}.sqlite"
_LIBRARIES = ("tree-sitter", "google-re2", "hyperscan", "pyyaml")
_TIMED = ("analysis stopped after", "not parsed: parse took longer", "parser crashed")
_KEEP_DAYS = 30  # entries older than this are dropped (re-analysed when needed)


def default_dir() -> Path:
    """``$ZTLINT_CACHE_DIR``, else the platform's user cache folder (XDG on Linux)."""
    env = os.environ.get("ZTLINT_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / "ztlint" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "ztlint"
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / "ztlint"


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
    package = Path(__file__).resolve().parents[1]
    for p in sorted(package.rglob("*.py")):
        st = p.stat()
        h.update(f"{p.relative_to(package)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    for name in _LIBRARIES:
        try:
            h.update(f"{name}={metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name}=none\n".encode())
    for d in metadata.distributions():  # the grammars
        name = (d.metadata["Name"] or "").lower()
        if name.startswith("tree-sitter-"):
            h.update(f"{name}={d.version}\n".encode())
    return h.hexdigest()


def _rules_digest(config: Config, ruleset: rulesmod.RuleSet) -> str:
    h = hashlib.blake2b(digest_size=16)
    files = set()
    for d in rulesmod.default_rule_dirs(config.rule_dirs):
        if Path(d).is_dir():
            files.update(str(p) for p in Path(d).rglob("*") if p.is_file())
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


def _private_folder(folder: Path) -> str | None:
    """Why ``folder`` cannot hold the cache (None: it can). Its values are pickles: only a
    folder of this user's that nobody else may write is trusted."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        st = folder.stat()
    except OSError as exc:
        return f"cannot create {folder}: {exc.strerror or exc}"
    if hasattr(os, "getuid"):
        if st.st_uid != os.getuid():
            return f"{folder} belongs to another user"
        if st.st_mode & 0o022:
            return f"{folder} may be written by other users"
    return None


class ResultCache:
    """One scan's view of the store: ``get`` while scanning, ``put`` for new results, then
    ``close`` writes them in one transaction. Every failure of the store only makes the cache
    miss: a scan never fails because of it."""

    def __init__(self, folder: Path, salt_: str):
        self.folder, self.salt = Path(folder), salt_
        self.problem: str | None = _private_folder(self.folder)
        self.hits = self.misses = 0
        self._new: list[tuple[str, bytes]] = []
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
        if not config.cache or os.environ.get("ZTLINT_NO_CACHE"):
            return None
        return cls.for_scan(config, ruleset, report_unused)

    def _fail(self, exc: Exception) -> None:
        self.problem = f"{self.folder / _DB}: {exc}"
        if self._db is not None:
            self._db.close()
        self._db = None

    def key(self, display: str, named: bool, data: bytes, note: str | None) -> str:
        h = hashlib.blake2b(self.salt.encode(), digest_size=20)
        h.update(f"\0{display}\0{named}\0{note}\0".encode("utf-8", "surrogateescape"))
        h.update(data)
        return h.hexdigest()

    def get(self, key: str):
        db = self._connection()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
            # only this user can write the folder (checked on opening), as for Python's own
            # __pycache__: what is read back was written by ztlint for this user
            value = pickle.loads(row[0]) if row is not None else None  # ztlint: ignore[python-pickle-load]
        except Exception:  # noqa: BLE001 - a damaged entry is a miss
            value = None
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
        return value

    def put(self, key: str, value) -> None:
        if self._connection() is not None:
            self._new.append((key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))

    def close(self) -> None:
        """Write what is new (one transaction) and drop entries older than a month."""
        if self._connection() is None:
            return
        try:
            if self._new:
                now = time.time()
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)",
                                     [(k, now, v) for k, v in self._new])
                self._db.execute("DELETE FROM results WHERE stored < ?",
                                 (now - _KEEP_DAYS * 86400,))
                self._db.execute("COMMIT")
        except sqlite3.Error as exc:  # locked by another run for too long, disk full ...
            self._fail(exc)
            return
        self._new.clear()
        self._db.close()
        self._db = None


def cacheable(fr) -> bool:
    """Whether a file's result is the same on every run (see the module's docstring)."""
    if fr.skipped is not None and fr.skipped.kind == "error":
        return False
    return not any(n.note.startswith(_TIMED) or "budget" in n.note for n in fr.notes)


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
    def valid(asked: dict[str, str], find) -> bool:
        """Whether ``find`` answers every question in ``asked`` as it was answered then."""
        return all((digest_of(s) if (s := find(q)) is not None else "") == d
                   for q, d in asked.items())
