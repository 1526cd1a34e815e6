"""Diff-aware scans: the index (``--staged``) and the lines changed since a commit (``--diff``).

Both go through :func:`runner.scan`, so discovery rules, config globs, workers, baselines and
suppressions are those of a plain scan: ``--staged`` writes the index copies of the files into
a temporary mirror of the repository and scans that; ``--diff`` scans the changed files of the
working tree and keeps the findings on changed lines.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import replace
from pathlib import Path

from ..engine.config import Config
from ..engine.findings import Finding
from . import git, runner
from .discover import Skipped

_SYMLINK, _SUBMODULE = "120000", "160000"


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _relative(paths: list[str], cwd: Path) -> list[str]:
    return [os.path.relpath(os.path.abspath(p), cwd) for p in paths] or ["."]


def scan_staged(paths: list[str], config: Config, **scan_args) -> runner.ScanResult:
    """What ``ztlint scan PATHS`` would report on a checkout of the index. Without ``paths``:
    the files whose index copy differs from HEAD (what the next commit changes); with them:
    every file of the index at or under them (as pre-commit passes them)."""
    cwd = Path.cwd().resolve()
    root = git.toplevel(cwd).resolve()
    rel = _relative(paths, cwd)
    entries = git.index_entries(rel, cwd)
    if not paths:
        changed = git.staged_paths(cwd)
        entries = [e for e in entries if e.path in changed]
    with tempfile.TemporaryDirectory(prefix="ztlint-staged-") as tmp:
        mirror = Path(tmp).resolve()
        base = mirror / cwd.relative_to(root)
        base.mkdir(parents=True, exist_ok=True)
        skipped: list[Skipped] = []
        with git.BlobReader(root) as blobs:
            for e in entries:
                shown = os.path.relpath(root / e.path, cwd).replace(os.sep, "/")
                if e.mode == _SUBMODULE:
                    continue
                if e.mode == _SYMLINK:
                    skipped.append(Skipped(shown, "not a regular file (symlink in the index)"))
                    continue
                data = blobs.read(e.sha)
                if data is None:
                    skipped.append(Skipped(shown, "cannot read the index copy", "error"))
                    continue
                target = mirror / e.path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        if _inside(Path(config.root).resolve(), root):
            # config globs are relative to the config's folder: the same folder of the mirror
            config = replace(config, root=mirror / Path(config.root).resolve().relative_to(root))
        targets = [base / p for p in rel if os.path.lexists(base / p)]
        skipped += [Skipped(Path(p).as_posix(), "not in the index (--staged scans what is staged)")
                    for p in rel if paths and not os.path.lexists(base / p)]
        result = runner.scan(targets, config, base=base, **scan_args) if targets else runner.ScanResult()
    result.skipped = sorted(result.skipped + skipped, key=lambda s: s.path)
    return result


def touches(f: Finding, added: dict[int, bytes]) -> bool:
    """Whether a finding is on one of the added (1-based) lines."""
    return any(row + 1 in added for row in range(f.start[0], f.end[0] + 1))


def diff_base(rev: str, cwd: Path) -> tuple[str, str | None]:
    """The commit to diff against for ``--diff rev`` (where the branch left ``rev``) and a note
    when that point is not in this clone."""
    commit = git.resolve(rev, cwd)
    if commit is None:
        raise git.GitError(
            f"--diff {rev}: no such commit in this clone (a shallow CI clone has only what was "
            f"fetched: fetch it first, e.g. `git fetch --depth=1 origin <branch>`, or give "
            "`actions/checkout` `fetch-depth: 0`)")
    head = git.resolve("HEAD", cwd)
    since = git.merge_base(commit, head, cwd) if head else None
    if since is None:
        return commit, (f"no common ancestor of {rev} and HEAD in this clone (shallow?): "
                        f"comparing with {rev} itself")
    return since, None


def scan_diff(rev: str, paths: list[str], config: Config,
              **scan_args) -> tuple[runner.ScanResult, str | None]:
    """Findings on the lines of tracked files changed since ``rev`` (the working tree against
    the point where it left ``rev``), and a note for people (or None)."""
    cwd = Path.cwd().resolve()
    root = git.toplevel(cwd).resolve()
    since, note = diff_base(rev, cwd)
    rel = _relative(paths, cwd)
    changed = {os.path.relpath(root / p, cwd).replace(os.sep, "/"): fd
               for p, fd in git.diff_lines(since, rel, cwd).items()}
    if not changed:
        return runner.ScanResult(), note
    result = runner.scan([Path(p) for p in rel], config, select=changed.__contains__, **scan_args)
    result.findings = [f for f in result.findings
                       if f.path in changed and touches(f, changed[f.path].added)]
    result.skipped = [s for s in result.skipped if s.path in changed]
    result.notes = [n for n in result.notes if n.path in changed]
    return result, note
