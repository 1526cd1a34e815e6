"""Find the files to scan: respects .gitignore (via pathspec), config include/exclude globs,
and skips VCS folders, vendored code, lock files, build output, minified bundles and binaries
by extension. Every skip but a VCS folder is recorded with its reason (never a silent "clean").

A path named on the command line is scanned even when it, or a folder above it, is git-ignored
(as ripgrep and Ruff do); what is inside it still obeys the ignore files. Only config excludes
apply to a named path.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pathspec

from ..engine.config import Config
from ..engine.source import file_type, read_source
from . import generated

_MAX_GITIGNORE = 1_000_000

SKIP_DIRS = frozenset({
    ".git", ".hg", ".svn", "node_modules", "bower_components", ".venv", "venv", "__pycache__",
    ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages", "vendor",
    "third_party", ".gradle", ".idea", ".terraform",
})
_VCS_DIRS = frozenset({".git", ".hg", ".svn"})  # skipped without a word: every repository has one
IGNORED = "ignored by .gitignore"
EXCLUDED = "excluded by config"
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
    named: bool = False  # named on the command line (not found while walking)


#: Lock files read when an OSV database is configured (their locked versions are checked).
OSV_LOCK_FILES = frozenset({"package-lock.json", "npm-shrinkwrap.json", "poetry.lock", "uv.lock",
                            "pdm.lock"})


def policy_skip(name: str, skip_generated: bool = True, osv: bool = False) -> str | None:
    """Why a file met while walking is not analysed, or None. ``osv``: an OSV database is
    configured, so the lock files it can check are analysed."""
    if name in LOCK_FILES and not (osv and name in OSV_LOCK_FILES):
        return "lock file"
    lower = name.lower()
    if skip_generated and lower.endswith(MINIFIED_SUFFIXES):
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

    def push(self, folder: str, prefix: str, strip: int, named: tuple[str, ...] = (),
             listed: bool | None = None) -> int:
        """``named``: folders (relative to ``folder``, ending in /) named on the command line
        or above one: patterns that ignore them are set aside, the others still apply.
        ``listed``: whether the folder's listing holds a .gitignore (None: look)."""
        gi = os.path.join(folder, ".gitignore")
        if listed is not False and os.path.isfile(gi):
            data = read_source(gi, _MAX_GITIGNORE).data  # never blocks, whatever it links to
            if data is None:
                return 0
            lines = data.decode("utf-8", errors="replace").splitlines()
            spec = pathspec.GitIgnoreSpec.from_lines(lines)
            if named:
                spec = pathspec.GitIgnoreSpec([p for p in spec.patterns if not (
                    p.include and any(p.match_file(d) for d in named))])
            self.specs.append((prefix, strip, spec))
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
    for path, _, _ in discover_files(paths, config, skipped):
        yield Path(path)


def discover_files(paths: list[Path], config: Config, skipped: list[Skipped] | None = None):
    """Yield ``(path, real path, named)`` of the files to scan (see ``discover``); ``named``:
    the file itself was named (its content is not judged generated)."""
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
            skipped.append(Skipped(str(top), "no such file or directory", "error", named=True))
            continue
        if not top.is_dir():
            # named explicitly: taken as given (the reader refuses what is not a regular file)
            real = os.path.realpath(top)
            if excluded(real, False):
                skipped.append(Skipped(str(top), EXCLUDED, named=True))
            else:
                yield str(top), real, True
            continue
        yield from _walk(top, excluded, skipped, seen, config.follow_symlinks,
                         not config.scan_generated, config.osv_db is not None)


def _walk(top: Path, excluded, skipped: list[Skipped], seen: set[str], follow: bool,
          skip_generated: bool, osv: bool = False):
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
        rel_top = os.path.relpath(top_real, folder).replace(os.sep, "/")
        parts = rel_top.split("/")
        named = tuple("/".join(parts[:i]) + "/" for i in range(1, len(parts) + 1))
        ignores.push(folder, rel_top + "/", 0, named)

    # Depth-first with an explicit stack (folders can nest deeper than Python recurses):
    # each frame is a folder's remaining entries, its path relative to `top`, its real path
    # and how many .gitignore files it pushed.
    stack: list[tuple] = []

    def enter(folder: str, rel: str, real: str) -> None:
        if real in seen:
            return  # symlink loop or a folder reached twice
        seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(folder, f"cannot list: {exc.strerror or exc}", "error",
                                   named=not rel))
            return
        # (the listing says whether there is a .gitignore: no stat for each folder)
        pushed = ignores.push(folder, "", len(rel) + 1 if rel else 0,
                              listed=any(e.name == ".gitignore" for e in entries))
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
            reason = _folder_skip(path, name, crel, creal, ignores, excluded, skip_generated)
            if reason:
                if name not in _VCS_DIRS:
                    skipped.append(Skipped(path, reason))
                continue
            enter(path, crel, creal)
        elif is_file:
            reason = (IGNORED if ignores.ignored(crel, False)
                      else EXCLUDED if excluded(creal, False) else None)
            if reason:
                skipped.append(Skipped(path, reason))
                continue
            reason = policy_skip(name, skip_generated, osv)
            if reason:
                skipped.append(Skipped(path, reason))
                continue
            yield path, creal, False
        elif not ignores.ignored(crel, False):
            try:
                what = file_type(os.stat(path).st_mode)
            except OSError:
                skipped.append(Skipped(path, "broken symlink or symlink loop", "error"))
                continue
            skipped.append(Skipped(path, f"not a regular file ({'symlink to a ' if link else ''}{what})"))


def _folder_skip(path: str, name: str, rel: str, real: str, ignores: _Ignores, excluded,
                 skip_generated: bool) -> str | None:
    """Why a folder met while walking is not entered, or None."""
    if name in SKIP_DIRS:
        return "dependency or tool folder"
    if ignores.ignored(rel, True):
        return IGNORED + " (folder)"
    if excluded(real, True):
        return EXCLUDED + " (folder)"
    return generated.folder_reason(path, name) if skip_generated else None
