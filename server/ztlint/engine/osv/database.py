"""Read an OSV database the user downloaded (osv.dev's per-ecosystem ``all.zip`` exports, a
folder of them, or a folder of unpacked ``*.json`` advisories) and index it by package.

Nothing here touches the network. The index is built once per path and signature (the path's
and its top-level entries' modification times and sizes), so an edited manifest costs a dict
look-up, and a database the user replaces is read again.
"""

from __future__ import annotations

import functools
import json
import os
import zipfile
from dataclasses import dataclass

from . import severity as sevmod
from .versions import ECOSYSTEMS, package_key

_MAX_RECORD = 8 << 20  # a single advisory larger than this is not an advisory


@dataclass(frozen=True)
class Advisory:
    """One OSV record, reduced to what matters for one package."""
    id: str
    aliases: tuple[str, ...]
    summary: str
    severity: str  # severity.LABELS or ""
    # each range: its events as (kind, version text), kind introduced | fixed | last_affected
    ranges: tuple[tuple[tuple[str, str], ...], ...]
    versions: frozenset[str]  # versions listed one by one


@dataclass(frozen=True)
class Database:
    path: str
    index: dict  # (ecosystem, package key) -> tuple[Advisory, ...]
    records: int  # advisories read
    unreadable: int  # files that were not JSON advisories

    def advisories(self, ecosystem: str, name: str) -> tuple[Advisory, ...]:
        return self.index.get((ecosystem, package_key(ecosystem, name)), ())


class DatabaseError(Exception):
    """The configured path cannot be read as an OSV database."""


def load(path: str | os.PathLike) -> Database:
    """The indexed database at ``path`` (cached while the files are unchanged)."""
    path = os.path.abspath(os.fspath(path))
    try:
        sig = _signature(path)
    except OSError as exc:
        raise DatabaseError(f"OSV database {path}: {exc.strerror or exc}") from None
    return _load(path, sig)


def _signature(path: str) -> tuple:
    st = os.stat(path)
    sig = [(path, st.st_mtime_ns, st.st_size)]
    if os.path.isdir(path):
        with os.scandir(path) as entries:
            for e in entries:
                s = e.stat()
                sig.append((e.name, s.st_mtime_ns, s.st_size))
    return tuple(sorted(sig))


@functools.lru_cache(maxsize=2)
def _load(path: str, _signature: tuple) -> Database:
    index: dict = {}
    records = unreadable = 0
    for blob in _blobs(path):
        try:
            record = json.loads(blob)
        except (ValueError, RecursionError):
            unreadable += 1
            continue
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            unreadable += 1
            continue
        records += 1
        if record.get("withdrawn"):
            continue
        for aff in record.get("affected") or ():
            entry = _entry(record, aff)
            if entry is not None:
                index.setdefault(entry[0], []).append(entry[1])
    return Database(path, {k: tuple(v) for k, v in index.items()}, records, unreadable)


def _blobs(path: str):
    """The bytes of every JSON file in a zip, a folder (and zips in it) or a single file."""
    if os.path.isdir(path):
        for folder, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                yield from _blobs_of_file(os.path.join(folder, name))
    elif os.path.isfile(path):
        if not path.endswith((".zip", ".json")):
            raise DatabaseError(f"OSV database {path}: not a folder, .zip or .json file")
        yield from _blobs_of_file(path)
    else:
        raise DatabaseError(f"OSV database {path}: not a folder or file")


def _blobs_of_file(path: str):
    if path.endswith(".json"):
        if os.path.getsize(path) <= _MAX_RECORD:
            with open(path, "rb") as fh:
                yield fh.read()
    elif path.endswith(".zip"):
        try:
            with zipfile.ZipFile(path) as zf:
                for info in zf.infolist():
                    if info.filename.endswith(".json") and info.file_size <= _MAX_RECORD:
                        yield zf.read(info)
        except zipfile.BadZipFile:
            raise DatabaseError(f"OSV database {path}: not a zip file") from None


def _entry(record: dict, aff) -> tuple[tuple[str, str], Advisory] | None:
    if not isinstance(aff, dict) or not isinstance(aff.get("package"), dict):
        return None
    eco, name = aff["package"].get("ecosystem"), aff["package"].get("name")
    if eco not in ECOSYSTEMS or not isinstance(name, str):
        return None
    ranges = []
    for rng in aff.get("ranges") or ():
        if isinstance(rng, dict) and rng.get("type") in ("ECOSYSTEM", "SEMVER"):
            events = tuple((kind, str(ev[kind])) for ev in rng.get("events") or ()
                           if isinstance(ev, dict)
                           for kind in ("introduced", "fixed", "last_affected") if kind in ev)
            if events:
                ranges.append(events)
    versions = frozenset(str(v) for v in aff.get("versions") or () if isinstance(v, str))
    if not ranges and not versions:
        return None
    aliases = tuple(a for a in record.get("aliases") or () if isinstance(a, str))
    summary = record.get("summary") if isinstance(record.get("summary"), str) else ""
    adv = Advisory(record["id"], aliases, summary, sevmod.of_record(record, aff),
                   tuple(ranges), versions)
    return (eco, package_key(eco, name)), adv
