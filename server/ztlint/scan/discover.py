"""Find the files to scan: respects .gitignore (via pathspec), config include/exclude globs,
and skips VCS folders, vendored code, lock files, minified bundles and binaries by extension.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pathspec

from ..engine.config import Config

SKIP_DIRS = frozenset({
    ".git", ".hg", ".svn", "node_modules", "bower_components", ".venv", "venv", "__pycache__",
    ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages", "vendor",
    "third_party", ".gradle", ".idea", ".terraform",
})
LOCK_FILES = frozenset({
    "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "poetry.lock",
    "Pipfile.lock", "uv.lock", "Cargo.lock", "composer.lock", "Gemfile.lock", "go.sum",
    "packages.lock.json", "bun.lockb", "flake.lock", "pdm.lock", "mix.lock",
})
BINARY_EXTS = frozenset(
    ".png .jpg .jpeg .gif .bmp .ico .webp .tiff .psd .pdf .zip .gz .tgz .bz2 .xz .7z .rar .jar "
    ".war .whl .egg .so .dll .dylib .exe .bin .o .a .class .pyc .pyo .woff .woff2 .ttf .otf .eot "
    ".mp3 .mp4 .mov .avi .wav .flac .ogg .webm .sqlite .db .parquet .pickle .pkl .npy .npz .h5 "
    ".onnx .pt .DS_Store".split())
MINIFIED_SUFFIXES = (".min.js", ".min.css", ".min.mjs", ".bundle.js", ".js.map", ".css.map")


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


def _default_skip(name: str) -> str | None:
    if name in LOCK_FILES:
        return "lock file"
    lower = name.lower()
    if lower.endswith(MINIFIED_SUFFIXES):
        return "minified or generated bundle"
    if os.path.splitext(lower)[1] in BINARY_EXTS:
        return "binary file type"
    return None


class _Ignores:
    """The .gitignore files that apply along a path, each matched relative to its folder."""

    def __init__(self):
        self.specs: list[tuple[Path, pathspec.PathSpec]] = []

    def push(self, folder: Path) -> int:
        gi = folder / ".gitignore"
        if gi.is_file():
            try:
                lines = gi.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                return 0
            self.specs.append((folder, pathspec.GitIgnoreSpec.from_lines(lines)))
            return 1
        return 0

    def pop(self, n: int) -> None:
        for _ in range(n):
            self.specs.pop()

    def ignored(self, path: Path, is_dir: bool) -> bool:
        # As in git, the deepest .gitignore with a verdict (match or `!` negation) wins.
        for base, spec in reversed(self.specs):
            rel = path.relative_to(base).as_posix() + ("/" if is_dir else "")
            verdict = spec.check_file(rel).include
            if verdict is not None:
                return verdict
        return False


def _globs(patterns: tuple[str, ...]) -> pathspec.PathSpec | None:
    return pathspec.GitIgnoreSpec.from_lines(patterns) if patterns else None


def discover(paths: list[Path], config: Config, skipped: list[Skipped] | None = None):
    """Yield files to scan. Explicit files are taken as given (only config excludes apply)."""
    skipped = skipped if skipped is not None else []
    exclude = _globs(config.exclude)
    include = _globs(config.include)
    root = config.root.resolve()

    def excluded(p: Path, is_dir: bool) -> bool:
        try:
            rel = p.resolve().relative_to(root).as_posix()
        except ValueError:
            return False
        if exclude and exclude.match_file(rel + ("/" if is_dir else "")):
            return True
        return bool(include and not is_dir and not include.match_file(rel))

    seen: set[Path] = set()
    for top in paths:
        top = Path(top)
        if not top.exists():
            skipped.append(Skipped(str(top), "no such file or directory"))
            continue
        if top.is_file():
            if not excluded(top, False):
                yield top
            continue
        yield from _walk(top, excluded, skipped, seen)


def _walk(top: Path, excluded, skipped: list[Skipped], seen: set[Path]):
    top = Path(os.path.abspath(top))
    ignores = _Ignores()
    # Load .gitignore files from the repository root down to `top`, so scanning a subfolder
    # honours the ignores above it.
    chain = []
    for parent in top.resolve().parents:
        chain.append(parent)
        if (parent / ".git").exists():
            break
    else:
        chain = []
    for folder in reversed(chain):
        ignores.push(folder)

    def walk(folder: Path):
        try:
            real = folder.resolve()
        except (OSError, RuntimeError):
            skipped.append(Skipped(str(folder), "cannot resolve (symlink loop?)"))
            return
        if real in seen:
            return  # symlink loop or a folder reached twice
        seen.add(real)
        pushed = ignores.push(folder)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(str(folder), f"cannot list: {exc.strerror or exc}"))
            ignores.pop(pushed)
            return
        for entry in entries:
            p = Path(entry.path)
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError:
                loop = entry.is_symlink()
                skipped.append(Skipped(str(p), "broken symlink or symlink loop" if loop else "cannot stat"))
                continue
            if is_dir:
                if entry.name in SKIP_DIRS or ignores.ignored(p, True) or excluded(p, True):
                    continue
                yield from walk(p)
            elif is_file:
                if ignores.ignored(p, False) or excluded(p, False):
                    continue
                reason = _default_skip(entry.name)
                if reason:
                    skipped.append(Skipped(str(p), reason))
                    continue
                yield p
            elif entry.is_symlink():
                skipped.append(Skipped(str(p), "broken symlink or symlink loop"))
        ignores.pop(pushed)

    yield from walk(top)
