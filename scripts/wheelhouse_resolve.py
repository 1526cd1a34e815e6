"""Which wheels a VSIX target needs, and whether a wheelhouse has them all (no network).

A VSIX for one VS Code target (``linux-x64``, ``darwin-arm64`` ...) carries the wheels that
install ztlint offline on that platform for every supported CPython. pip evaluates environment
markers (``platform_system == 'Linux'``, ``python_version < '3.11'``) against the Python that
runs it, never against ``--platform``; so the closure is computed here, with ``packaging``,
against each target's own marker environment and wheel tags. The same check runs on a real
wheelhouse (reading each wheel's METADATA) and on a recorded list (tests, offline).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.parser import Parser

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.tags import Tag, compatible_tags, cpython_tags, mac_platforms
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

PYTHONS = ("3.10", "3.11", "3.12", "3.13")


@dataclass(frozen=True)
class Target:
    """A `vsce package --target` value and what a CPython there looks like."""

    name: str
    sys_platform: str
    platform_system: str
    machine: str
    platforms: tuple[str, ...]  # wheel platform tags, most specific first

    def marker_env(self, python: str) -> dict[str, str]:
        return {
            "implementation_name": "cpython",
            "implementation_version": f"{python}.0",
            "os_name": "nt" if self.sys_platform == "win32" else "posix",
            "platform_machine": self.machine,
            "platform_python_implementation": "CPython",
            "platform_release": "",
            "platform_system": self.platform_system,
            "platform_version": "",
            "python_full_version": f"{python}.0",
            "python_version": python,
            "sys_platform": self.sys_platform,
            "extra": "",
        }

    def tags(self, python: str) -> set[Tag]:
        v = tuple(int(x) for x in python.split("."))
        abi = f"cp{v[0]}{v[1]}"
        return set(cpython_tags(v, [abi], self.platforms)) | set(compatible_tags(v, abi, self.platforms))


def _manylinux(arch: str) -> tuple[str, ...]:
    # glibc 2.17 (CentOS 7) up to 2.28 (current distributions, Codespaces): google-re2's recent
    # releases ship only manylinux_2_28 wheels
    return tuple(f"manylinux_2_{m}_{arch}" for m in range(28, 16, -1)) + (f"manylinux2014_{arch}",)


TARGETS: dict[str, Target] = {t.name: t for t in (
    Target("linux-x64", "linux", "Linux", "x86_64", _manylinux("x86_64")),
    Target("linux-arm64", "linux", "Linux", "aarch64", _manylinux("aarch64")),
    Target("alpine-x64", "linux", "Linux", "x86_64", ("musllinux_1_2_x86_64", "musllinux_1_1_x86_64")),
    # macOS 13: google-re2's releases since 2025 ship macOS wheels for 13.0 and later only
    Target("darwin-x64", "darwin", "Darwin", "x86_64", tuple(mac_platforms((13, 0), "x86_64"))),
    Target("darwin-arm64", "darwin", "Darwin", "arm64", tuple(mac_platforms((13, 0), "arm64"))),
    Target("win32-x64", "win32", "Windows", "AMD64", ("win_amd64",)),
)}


# Dependencies that publish no binary wheel for a target (found by `wheelhouse.py check-all`,
# recorded in tests/packaging/wheelhouses/; tree-sitter-dockerfile 0.2.0 has wheels for Linux
# x86_64 and macOS arm64 only, and no sdist; google-re2 has no musllinux wheels). Such a
# target's VSIX carries no wheelhouse and, like the universal one, runs a ztlint installed in
# the user's Python. Remove an entry once the wheels exist (the offline test then says so).
KNOWN_GAPS: dict[str, frozenset[str]] = {
    # no musllinux wheels of google-re2; tree-sitter-dockerfile's manylinux wheel does not fit
    # musl either (elsewhere it is required only where it has a wheel: see pyproject.toml)
    "alpine-x64": frozenset({"google-re2", "tree-sitter-dockerfile"}),
}


def host_target() -> str:
    """This machine's target name (`linux-x64` ...), as VS Code names it."""
    import platform
    import sys

    machine = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}.get(platform.machine().lower(), platform.machine())
    if sys.platform == "linux":
        return f"{'alpine' if platform.libc_ver()[0] != 'glibc' else 'linux'}-{machine}"
    return f"{sys.platform}-{machine}"


@dataclass(frozen=True)
class Wheel:
    filename: str
    requires_dist: tuple[str, ...]
    requires_python: str = ""

    @property
    def name(self) -> str:
        return canonicalize_name(parse_wheel_filename(self.filename)[0])

    @property
    def version(self) -> Version:
        return parse_wheel_filename(self.filename)[1]

    @property
    def tags(self) -> frozenset[Tag]:
        return parse_wheel_filename(self.filename)[3]


def read_wheel(path) -> Wheel:
    """Requires-Dist and Requires-Python from a wheel's METADATA."""
    with zipfile.ZipFile(path) as z:
        meta = next(n for n in z.namelist() if n.count("/") == 1 and n.endswith(".dist-info/METADATA"))
        msg = Parser().parsestr(z.read(meta).decode("utf-8"), headersonly=True)
    return Wheel(str(path).replace("\\", "/").rsplit("/", 1)[-1], tuple(msg.get_all("Requires-Dist") or ()), msg.get("Requires-Python") or "")


@dataclass
class Resolution:
    chosen: dict[str, Wheel] = field(default_factory=dict)
    # requirement string (markers evaluated away) -> what asked for it
    missing: dict[str, str] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.missing


def resolve(wheels: Iterable[Wheel], roots: Iterable[str], target: Target, python: str) -> Resolution:
    """The wheels an offline `pip install ROOTS` on TARGET with PYTHON would pick, and what it lacks.

    Highest compatible version that satisfies every requirement seen so far, repeated until
    nothing changes (no backtracking: enough for a dependency set this small, and a wheelhouse
    that needs backtracking is reported incomplete rather than silently accepted).
    """
    tags = target.tags(python)
    full = Version(f"{python}.0")
    by_name: dict[str, list[Wheel]] = {}
    for w in wheels:
        if w.tags & tags and (not w.requires_python or full in SpecifierSet(w.requires_python)):
            by_name.setdefault(w.name, []).append(w)
    for ws in by_name.values():
        ws.sort(key=lambda w: w.version, reverse=True)

    res = Resolution()
    # extras asked of each project; only grows, so a parent's extras reach its dependencies next round
    extras: dict[str, set[str]] = {}
    for _ in range(100):
        before = {n: set(e) for n, e in extras.items()}
        specs: dict[str, SpecifierSet] = {}
        asked: dict[str, str] = {}
        pending = [(Requirement(r), "(root)") for r in roots]
        for w in res.chosen.values():
            for r in w.requires_dist:
                pending.append((Requirement(r), f"{w.name} {w.version}"))
        for req, who in pending:
            if req.marker and not any(req.marker.evaluate({**target.marker_env(python), "extra": e})
                                      for e in _extras_of(req, who, extras)):
                continue
            n = canonicalize_name(req.name)
            specs[n] = specs.get(n, SpecifierSet()) & req.specifier
            extras.setdefault(n, set()).update(req.extras)
            asked.setdefault(n, who)
        chosen: dict[str, Wheel] = {}
        missing: dict[str, str] = {}
        for n, spec in specs.items():
            pick = next((w for w in by_name.get(n, []) if spec.contains(w.version, prereleases=True)), None)
            if pick:
                chosen[n] = pick
            else:
                missing[f"{n}{spec}"] = asked[n]
        if chosen == res.chosen and extras == before:
            res.missing = missing
            return res
        res.chosen, res.missing = chosen, missing
    raise RuntimeError("wheelhouse resolution does not settle")


def _extras_of(req: Requirement, who: str, extras: dict[str, set[str]]) -> list[str]:
    """`extra` values to evaluate a dependency's marker with: those its dependent was asked for."""
    parent = canonicalize_name(who.split(" ", 1)[0]) if who != "(root)" else ""
    return [""] + sorted(extras.get(parent, ()))
