"""Checked rule files kept across runs: parsing and schema-checking the ~200 bundled rule files
costs more than most of a warm scan, and their text rarely changes.

An entry is the YAML document of one rule file (data, key lines, block scalars) that passed the
schema check, found again by a hash of the file's path and bytes and of everything that made it
(this format, ztlint's version, the schema, the loader's source, the YAML and schema libraries).
A file with an error is never stored: its error is found again, naming file, line and field.

One file per set of rule folders (``rules-v1-<set>.bin`` in the user cache folder), plain data
in ``marshal`` (no objects are made on reading), behind a checksum: a damaged or foreign file is
ignored and rebuilt. Written to a temporary file then renamed, so concurrent runs each see a whole
file (the last writer wins; both wrote the same entries for the same files).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
import time
from importlib import util
from pathlib import Path

from ... import __version__
from .. import cachedir, yamlsource

FORMAT = 1
_MAGIC = b"ztlint-rules\0"
_KEEP_DAYS = 30  # files of rule sets not loaded for this long are removed


def _salt() -> bytes:
    h = hashlib.blake2b(f"{FORMAT}\0{__version__}\0".encode(), digest_size=16)
    here = Path(__file__).resolve().parent
    for p in (here.parent / "rule-schema.json", here.parent / "yamlsource.py", here / "load.py"):
        h.update(p.read_bytes())
    for name in ("yaml", "_yaml", "jsonschema"):  # a library upgrade rewrites these
        spec = util.find_spec(name)
        try:
            st = os.stat(spec.origin) if spec and spec.origin else None
        except OSError:
            st = None
        h.update(f"\0{name}:{st and (st.st_size, st.st_mtime_ns)}".encode())
    return h.digest()


class DocCache:
    """The checked documents of one rule set's files: ``get`` and ``put`` while loading, then
    ``close`` writes the file when anything changed. Any failure only makes it miss."""

    def __init__(self, folder: Path, rule_set: str):
        self.path = Path(folder) / f"rules-v{FORMAT}-{_digest(rule_set.encode())[:24]}.bin"
        self.hits = self.misses = 0
        self._salt = _salt()
        self._old: dict = {}
        self._now: dict = {}  # entries of this run (what is written back)
        self._added = False
        self._usable = cachedir.private_folder(Path(folder)) is None
        if self._usable:
            self._old = _read(self.path)

    def key(self, path: str, data: bytes) -> str:
        return _digest(self._salt + os.fsencode(path) + b"\0" + data)

    def get(self, key: str) -> yamlsource.YamlDoc | None:
        entry = self._old.get(key)
        try:
            data, lines, block = entry
            doc = yamlsource.YamlDoc(data, dict(lines), set(block))
        except (TypeError, ValueError):  # missing or not what this module wrote
            self.misses += 1
            return None
        self.hits += 1
        self._now[key] = entry
        return doc

    def put(self, key: str, doc: yamlsource.YamlDoc) -> None:
        entry = (doc.data, doc.lines, doc.block_scalar)
        try:
            marshal.dumps(entry)
        except ValueError:  # a value marshal cannot hold (a YAML date ...): not kept
            return
        self._now[key] = entry
        self._added = True

    def close(self) -> None:
        if not self._usable or not self._added and self._now.keys() == self._old.keys():
            return
        payload = marshal.dumps(self._now)
        try:
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".rules-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(_MAGIC + bytes.fromhex(_digest(payload)) + payload)
                os.replace(tmp, self.path)
            except BaseException:
                os.unlink(tmp)
                raise
            _drop_old(self.path.parent)
        except OSError:
            pass  # a read-only or full disk: the next run checks the files again


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _read(path: Path) -> dict:
    try:
        raw = path.read_bytes()
    except OSError:
        return {}
    head = len(_MAGIC) + 20
    if not raw.startswith(_MAGIC) or raw[len(_MAGIC):head].hex() != _digest(raw[head:]):
        return {}
    try:
        value = marshal.loads(raw[head:])
    except (EOFError, ValueError, TypeError):
        return {}
    return value if isinstance(value, dict) else {}


def _drop_old(folder: Path) -> None:
    cutoff = time.time() - _KEEP_DAYS * 86400
    for p in folder.glob("rules-v*.bin"):
        try:
            if p.stat().st_mtime < cutoff:
                p.unlink()
        except OSError:
            pass
