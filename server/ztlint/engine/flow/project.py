"""Summaries across the modules of one scan: a helper in ``app/utils.py`` that runs its
argument as a command is found when ``app/views.py`` passes request data to it.

A scan analyses every file once; each file leaves the summaries of its functions (``exports``).
Files that call a function of another scanned module whose summary matters (it returns
untrusted data, passes a parameter on, or reaches a sink) are analysed again with those
summaries. One level deep: a summary is the one computed without other modules' summaries. The
editor keeps a project per workspace folder: open documents and the modules they import.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from .summary import Summary
from .taint import Label, Step


_MAX_MODULE_BYTES = 1 << 20  # a module read from disk to summarise (larger: not followed)


@dataclass
class Exports:
    """What one analysed file offers to, and wants from, the other modules."""
    summaries: dict[str, Summary] = field(default_factory=dict)  # "helper", "Class.method"
    imports: dict[str, str] = field(default_factory=dict)  # local name -> qualified name


def module_name(path: str) -> str:
    """``app/utils.py`` -> ``app.utils``; ``app/__init__.py`` -> ``app``."""
    parts = path.replace("\\", "/").split("/")
    parts[-1] = parts[-1].rsplit(".", 1)[0]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(p for p in parts if p not in ("", "."))


def portable(summary: Summary) -> Summary:
    """A summary usable from another file: what it returns of its own sources is re-homed
    (positions in the other file mean nothing here)."""
    if not summary.sources:
        return summary
    sources = frozenset(Label(lb.origin, (0, 0), "<external>", lb.cleared, lb.trust, lb.what,
                              lb.category, ()) for lb in summary.sources)
    return replace(summary, sources=sources)


def matters(summary: Summary) -> bool:
    return bool(summary.sources or summary.sinks or summary.returns or summary.validates)


class Project:
    """The summaries of a project's modules. In a scan, every analysed file adds its own; in
    the editor, open documents add theirs as they are analysed, and a module imported but not
    open is read from ``root`` and analysed once per content (``exports_of``)."""

    def __init__(self, root: Path | None = None, exports_of=None):
        self.modules: dict[str, dict[str, Summary]] = {}
        self._by_suffix: dict[str, str | None] = {}
        self.root = root
        self.exports_of = exports_of  # (relative path, bytes) -> Exports, for files on disk
        self._by_hash: dict[bytes, Exports] = {}
        self._missing: set[str] = set()  # dotted names with no file under root

    def add(self, path: str, exports: Exports) -> None:
        name = module_name(path)
        if not name:
            return
        useful = {k: portable(v) for k, v in exports.summaries.items() if matters(v)}
        if not useful:
            self.modules.pop(name, None)
            return
        self.modules[name] = useful
        self._missing.clear()
        parts = name.split(".")
        for i in range(len(parts)):
            suffix = ".".join(parts[i:])
            # a suffix two modules share (utils) names neither
            self._by_suffix[suffix] = name if self._by_suffix.get(suffix, name) == name else None

    def _module(self, dotted: str) -> str | None:
        if dotted in self.modules:
            return dotted
        hit = self._by_suffix.get(dotted)
        if hit is None and self.root is not None and self.exports_of is not None \
                and dotted not in self._missing:
            hit = self._load(dotted)
        return hit

    def _load(self, dotted: str) -> str | None:
        parts = dotted.split(".")
        for rel in ("/".join(parts) + ".py", "/".join(parts + ["__init__.py"])):
            path = self.root / rel
            try:
                if not path.is_file() or path.stat().st_size > _MAX_MODULE_BYTES:
                    continue
                data = path.read_bytes()
            except (OSError, ValueError):
                continue
            key = hashlib.sha256(data).digest()
            exports = self._by_hash.get(key)
            if exports is None:
                exports = self._by_hash[key] = self.exports_of(rel, data) or Exports()
                if len(self._by_hash) > 4096:
                    self._by_hash.clear()
            self.add(rel, exports)
            if dotted in self.modules:
                return dotted
        if len(self._missing) < 100_000:
            self._missing.add(dotted)
        return None

    def lookup(self, importer: str):
        """The ``externals`` function for the file whose module is ``importer``: qualified
        name -> Summary (relative imports resolved against ``importer``)."""
        package = importer.rsplit(".", 1)[0] if "." in importer else ""

        def find(q: str) -> Summary | None:
            if q.startswith("."):
                dots = len(q) - len(q.lstrip("."))
                base = package.split(".") if package else []
                base = base[:len(base) - (dots - 1)] if dots > 1 else base
                q = ".".join(base + [q.lstrip(".")])
            for cut in (1, 2):  # module.function, module.Class.method
                parts = q.rsplit(".", cut)
                if len(parts) != cut + 1:
                    continue
                mod = self._module(parts[0])
                if mod is not None and mod != importer:
                    s = self.modules[mod].get(".".join(parts[1:]))
                    if s is not None:
                        return s
            return None
        return find

    def wanted_by(self, path: str, exports: Exports) -> bool:
        """Whether the file imports anything whose summary matters."""
        find = self.lookup(module_name(path))
        return any(find(q) is not None for q in exports.imports.values())


__all__ = ["Exports", "Project", "Step", "module_name"]
