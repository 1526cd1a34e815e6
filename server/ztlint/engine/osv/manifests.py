"""Pinned and locked versions in dependency manifests, with the byte range of each version.

Only exact pins count (``name==1.2.3``, a lock file's ``version``, an npm ``"1.2.3"``): a
range says nothing about what gets installed, and the lock file says it exactly.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from .jsontokens import strings
from .versions import NPM, PYPI


@dataclass(frozen=True)
class Pin:
    ecosystem: str
    name: str
    version: str
    start: int  # the version text's bytes
    end: int
    stmt_start: int  # the whole requirement's bytes (suppression anchor, fingerprint)
    stmt_end: int


_NAME = rb"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?"
_VERSION = rb"[A-Za-z0-9][A-Za-z0-9.+!_-]*"
_REQ_LINE = re.compile(rb"^[ \t]*(?P<name>" + _NAME + rb")[ \t]*(?:\[[^\]\n]*\])?[ \t]*===?[ \t]*"
                       rb"(?P<version>" + _VERSION + rb")[ \t]*(?=$|[;#\\\r]|[ \t])", re.M)
# a requirement string: "name==1.0" or 'name[extra]==1.0 ; marker' (the marker may hold the other quote)
_QUOTED_REQ = tuple(re.compile(q + rb"[ \t]*(?P<name>" + _NAME + rb")[ \t]*(?:\[[^\]\n" + q + rb"]*\])?"
                               rb"[ \t]*===?[ \t]*(?P<version>" + _VERSION + rb")[ \t]*(?:;[^\n" + q + rb"]*)?" + q)
                    for q in (b'"', b"'"))
_TABLE = re.compile(rb"^[ \t]*\[\[?[ \t]*([^\]\n]*?)[ \t]*\]\]?", re.M)
_POETRY_DEP = re.compile(rb"^[ \t]*(?P<name>" + _NAME + rb")[ \t]*=[ \t]*(?:\{[^}\n]*?\bversion[ \t]*=[ \t]*)?"
                         rb"[\"'](?:==)?[ \t]*(?P<version>\d[A-Za-z0-9.+!_-]*)[\"']", re.M)
_LOCK_KEY = re.compile(rb'^(?P<key>name|version|source|type)[ \t]*=[ \t]*(?P<value>"[^"\n]*"|\{[^\n]*\})', re.M)
_NOT_REGISTRY = re.compile(rb"\b(?:editable|virtual|path|directory|git|url)\b")
_NPM_EXACT = re.compile(r"=?v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?")
_NPM_SECTIONS = ("dependencies", "devDependencies", "optionalDependencies")


def kind(path: str) -> str | None:
    """Which manifest format a file is, by name, or None."""
    base = os.path.basename(path)
    lower = base.lower()
    if lower.endswith(".txt") and ("requirements" in lower or "constraints" in lower
                                   or os.path.basename(os.path.dirname(path)) == "requirements"):
        return "requirements"
    return {"pyproject.toml": "pyproject", "poetry.lock": "lock-toml", "uv.lock": "lock-toml",
            "pdm.lock": "lock-toml", "package.json": "package-json",
            "package-lock.json": "package-lock", "npm-shrinkwrap.json": "package-lock"}.get(base)


def pins(path: str, source: bytes) -> list[Pin]:
    return {"requirements": _requirements, "pyproject": _pyproject, "lock-toml": _toml_lock,
            "package-json": _package_json, "package-lock": _package_lock}.get(
                kind(path) or "", lambda _s: [])(source)


def _pin(eco: str, m, name_group="name", version_group="version") -> Pin:
    return Pin(eco, m.group(name_group).decode(), m.group(version_group).decode(),
               m.start(version_group), m.end(version_group), m.start(name_group), m.end(version_group))


def _requirements(source: bytes) -> list[Pin]:
    return [_pin(PYPI, m) for m in _REQ_LINE.finditer(source)]


def _pyproject(source: bytes) -> list[Pin]:
    out = [_pin(PYPI, m) for rx in _QUOTED_REQ for m in rx.finditer(source)]
    tables = [(m.start(), m.group(1).decode("utf-8", "replace")) for m in _TABLE.finditer(source)]
    for i, (start, name) in enumerate(tables):
        if not re.fullmatch(r"tool\.poetry\.(?:(?:group\.[\w.-]+\.)?dependencies|dev-dependencies)", name):
            continue
        end = tables[i + 1][0] if i + 1 < len(tables) else len(source)
        for m in _POETRY_DEP.finditer(source, start, end):
            if m.group("name").lower() != b"python":
                out.append(_pin(PYPI, m))
    return sorted(out, key=lambda p: p.start)


def _toml_lock(source: bytes) -> list[Pin]:
    """``[[package]]`` blocks (poetry.lock, uv.lock, pdm.lock): name and version, unless the
    package comes from a path, a VCS or a URL (then it is not the registry's release)."""
    out: list[Pin] = []
    blocks = [m.end() for m in re.finditer(rb"^\[\[package\]\][ \t]*\r?$", source, re.M)]
    for i, start in enumerate(blocks):
        end = blocks[i + 1] if i + 1 < len(blocks) else len(source)
        name = version = None
        local = False
        for m in _LOCK_KEY.finditer(source, start, end):
            key, value = m.group("key"), m.group("value")
            if key == b"name" and name is None:
                name = m
            elif key == b"version" and version is None:
                version = m
            elif (key == b"source" and _NOT_REGISTRY.search(value)) or (
                    key == b"type" and value.strip(b'"') in (b"git", b"directory", b"file", b"url")):
                local = True
        if name is not None and version is not None and not local:
            v0, v1 = version.start("value") + 1, version.end("value") - 1
            out.append(Pin(PYPI, name.group("value").strip(b'"').decode(), source[v0:v1].decode(),
                           v0, v1, name.start(), v1))
    return out


def _package_json(source: bytes) -> list[Pin]:
    out = []
    for path, value, start, end in strings(source):
        if len(path) == 2 and path[0] in _NPM_SECTIONS and _NPM_EXACT.fullmatch(value.strip()):
            out.append(Pin(NPM, path[1], value.strip().lstrip("=v"), start, end, start, end))
    return out


def _package_lock(source: bytes) -> list[Pin]:
    """npm lock files: v2/v3 ``packages`` (``node_modules/.../name``), else v1 ``dependencies``."""
    entries: dict[tuple, dict] = {}
    for path, value, start, end in strings(source):
        if len(path) >= 3 and path[0] == "packages" and "node_modules/" in path[1]:
            entries.setdefault(("p", path[1]), {})[path[2]] = (value, start, end)
        elif len(path) >= 3 and path[0] == "dependencies" and path[-1] == "version" and \
                len(path) % 2 == 1 and all(p == "dependencies" for p in path[2:-1:2]):
            entries.setdefault(("d",) + path[1:-1], {})["version"] = (value, start, end)
    use = "p" if any(k[0] == "p" for k in entries) else "d"
    out = []
    for key, fields in entries.items():
        if key[0] != use or "version" not in fields:
            continue
        name = fields["name"][0] if "name" in fields else (
            key[1].rsplit("node_modules/", 1)[-1] if use == "p" else key[-1])
        value, start, end = fields["version"]
        out.append(Pin(NPM, name, value, start, end, start, end))
    return sorted(out, key=lambda p: p.start)
