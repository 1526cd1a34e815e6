"""Find the files to scan: respects .gitignore (via pathspec), config include/exclude globs,
and skips VCS folders, vendored code, lock files, minified bundles and binaries by extension.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pathspec

from ..engine.config import Config
from ..engine.source import file_type, read_source

_MAX_GITIGNORE = 1_000_000

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
    # "policy" (not meant to be analysed: lock files, binaries, links out of the tree),
    # "limit" (too large) or "error" (could not be read or analysed)
    kind: str = "policy"


def policy_skip(name: str) -> str | None:
    if name in LOCK_FILES:
        return "lock file"
    lower = name.lower()
    if lower.endswith(MINIFIED_SUFFIXES):
        return "minified or generated bundle"
    if os.path.splitext(lower)[1] in BINARY_EXTS:
        return "binary file type"
    return None


class _Ignores:
    """The .gitignore files that apply along a path, each matched relative to its folder.

    Paths are posix strings relative to the scanned folder; each .gitignore knows how to turn
    one into a path relative to its own folder (``prefix + rel[strip:]``), so no path objects
    are built per entry."""

    def __init__(self):
        self.specs: list[tuple[str, int, pathspec.PathSpec]] = []

    def push(self, folder: str, prefix: str, strip: int) -> int:
        gi = os.path.join(folder, ".gitignore")
        if os.path.isfile(gi):
            data = read_source(gi, _MAX_GITIGNORE).data  # never blocks, whatever it links to
            if data is None:
                return 0
            lines = data.decode("utf-8", errors="replace").splitlines()
            self.specs.append((prefix, strip, pathspec.GitIgnoreSpec.from_lines(lines)))
            return 1
        return 0

    def pop(self, n: int) -> None:
        for _ in range(n):
            self.specs.pop()

    def ignored(self, rel: str, is_dir: bool) -> bool:
        # As in git, the deepest .gitignore with a verdict (match or `!` negation) wins.
        suffix = "/" if is_dir else ""
        for prefix, strip, spec in reversed(self.specs):
            verdict = spec.check_file(prefix + rel[strip:] + suffix).include
            if verdict is not None:
                return verdict
        return False


def _globs(patterns: tuple[str, ...]) -> pathspec.PathSpec | None:
    return pathspec.GitIgnoreSpec.from_lines(patterns) if patterns else None


def discover(paths: list[Path], config: Config, skipped: list[Skipped] | None = None):
    """Yield files to scan. Explicit files are taken as given (only config excludes apply)."""
    for path, _ in discover_files(paths, config, skipped):
        yield Path(path)


def discover_files(paths: list[Path], config: Config, skipped: list[Skipped] | None = None):
    """Yield ``(path, real path)`` strings of the files to scan (see ``discover``)."""
    skipped = skipped if skipped is not None else []
    exclude = _globs(config.exclude)
    include = _globs(config.include)
    root = os.path.realpath(config.root)

    def excluded(real: str, is_dir: bool) -> bool:
        """Config globs match the real path relative to the config's folder."""
        base = root.rstrip(os.sep) + os.sep
        if not real.startswith(base):
            return False
        rel = real[len(base):].replace(os.sep, "/")
        if exclude and exclude.match_file(rel + ("/" if is_dir else "")):
            return True
        return bool(include and not is_dir and not include.match_file(rel))

    seen: set[str] = set()
    for top in paths:
        top = Path(top)
        if not top.exists():
            skipped.append(Skipped(str(top), "no such file or directory", "error"))
            continue
        if not top.is_dir():
            # named explicitly: taken as given (the reader refuses what is not a regular file)
            real = os.path.realpath(top)
            if not excluded(real, False):
                yield str(top), real
            continue
        yield from _walk(top, excluded, skipped, seen, config.follow_symlinks)


def _walk(top: Path, excluded, skipped: list[Skipped], seen: set[str], follow: bool):
    top_abs = os.path.abspath(top)
    top_real = os.path.realpath(top_abs)
    inside = top_real.rstrip(os.sep) + os.sep
    ignores = _Ignores()
    # Load .gitignore files from the repository root down to `top`, so scanning a subfolder
    # honours the ignores above it; a folder that is its own repository stops the climb.
    chain = []
    for folder in (Path(top_real), *Path(top_real).parents):
        if str(folder) != top_real:
            chain.append(str(folder))
        if (folder / ".git").exists():
            break
    else:
        chain = []
    for folder in reversed(chain):
        ignores.push(folder, os.path.relpath(top_real, folder).replace(os.sep, "/") + "/", 0)

    # Depth-first with an explicit stack (folders can nest deeper than Python recurses):
    # each frame is a folder's remaining entries, its path relative to `top`, its real path
    # and how many .gitignore files it pushed.
    stack: list[tuple] = []

    def enter(folder: str, rel: str, real: str) -> None:
        if real in seen:
            return  # symlink loop or a folder reached twice
        seen.add(real)
        pushed = ignores.push(folder, "", len(rel) + 1 if rel else 0)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(folder, f"cannot list: {exc.strerror or exc}", "error"))
            ignores.pop(pushed)
            return
        stack.append((iter(entries), rel, real, pushed))

    enter(top_abs, "", top_real)
    while stack:
        entries, rel, real, pushed = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            ignores.pop(pushed)
            continue
        path, name = entry.path, entry.name
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
            link = entry.is_symlink()
        except OSError:
            loop = entry.is_symlink()
            skipped.append(Skipped(path, "broken symlink or symlink loop" if loop else "cannot stat",
                                   "error"))
            continue
        crel = f"{rel}/{name}" if rel else name
        # only a symlink needs resolving: otherwise the real path is the folder's plus name
        creal = os.path.realpath(path) if link else os.path.join(real, name)
        if link and (is_dir or is_file) and not follow and not (creal + os.sep).startswith(inside):
            skipped.append(Skipped(path, "symlink out of the scanned folder not followed "
                                         "(--follow-symlinks follows it)"))
            continue
        if is_dir:
            if name in SKIP_DIRS or ignores.ignored(crel, True) or excluded(creal, True):
                continue
            enter(path, crel, creal)
        elif is_file:
            if ignores.ignored(crel, False) or excluded(creal, False):
                continue
            reason = policy_skip(name)
            if reason:
                skipped.append(Skipped(path, reason))
                continue
            yield path, creal
        elif not ignores.ignored(crel, False):
            try:
                what = file_type(os.stat(path).st_mode)
            except OSError:
                skipped.append(Skipped(path, "broken symlink or symlink loop", "error"))
                continue
            skipped.append(Skipped(path, f"not a regular file ({'symlink to a ' if link else ''}{what})"))
