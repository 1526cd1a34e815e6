"""History scans: the lines each commit added (``ztlint scan --git``, the push hooks).

One ``git log -p`` stream. Each changed file's added lines are analysed in place (a text with
the file's line numbers, other lines empty), secret rules only unless asked. Only when
something is found there is the commit's whole copy of the file analysed, and its findings
on the added lines are the ones reported: suppressions anywhere in the file (the line before,
``ignore-file``) and the baseline count exactly as in a plain scan, and a commit with nothing
found costs one pass over its added lines.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pathspec

from ..engine import rules, source
from ..engine.analyze import analyze
from ..engine.config import Config
from ..engine.findings import Origin
from . import git, runner
from .discover import SKIP_DIRS, Skipped, policy_skip
from .gitscan import touches


@dataclass(frozen=True)
class Range:
    """What ``git log`` is given: revisions (``a..b``, ``new --not old``) and path limits."""
    revs: tuple[str, ...]
    pathspecs: tuple[str, ...] = ()


def _wanted(config: Config, repo_root: Path | None) -> Callable[[str], bool]:
    """Whether a repository path is scanned: not a lock file, binary type or vendored folder,
    and inside the config's include/exclude globs (relative to the config's folder)."""
    exclude = pathspec.GitIgnoreSpec.from_lines(config.exclude) if config.exclude else None
    include = pathspec.GitIgnoreSpec.from_lines(config.include) if config.include else None
    prefix = ""
    if repo_root is not None:
        rel = os.path.relpath(Path(config.root).resolve(), repo_root)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"

    def wanted(path: str) -> bool:
        parts = path.split("/")
        if any(p in SKIP_DIRS for p in parts[:-1]) or policy_skip(parts[-1]):
            return False
        if prefix:
            if not path.startswith(prefix):
                return True  # outside the config's folder: its globs do not apply
            path = path[len(prefix):]
        if exclude and exclude.match_file(path):
            return False
        return not (include and not include.match_file(path))
    return wanted


def _sparse(added: dict[int, bytes]) -> bytes:
    """The added lines at their own line numbers, every other line empty."""
    lines = [b""] * max(added)
    for row, text in added.items():
        lines[row - 1] = text
    return b"\n".join(lines) + b"\n"


def scan_history(span: Range, config: Config, ruleset: rules.RuleSet, *,
                 baseline: frozenset[str] = frozenset(), all_rules: bool = False,
                 cwd: str | os.PathLike = ".", shown: Callable[[str], str] = str,
                 repo_root: Path | None = None) -> tuple[runner.ScanResult, int]:
    """Findings on the lines the commits of ``span`` added, each with its commit (``origin``),
    and how many commits were read. ``shown``: a repository path as reports show it (also the
    path fingerprints hash, so a baseline made by ``ztlint baseline create`` matches)."""
    if not all_rules:
        config = runner.secrets_only(config, ruleset)
    wanted = _wanted(config, repo_root)
    result = runner.ScanResult()
    commits = 0
    with git.BlobReader(cwd) as blobs:
        for commit in git.log_commits(list(span.revs), list(span.pathspecs), cwd):
            commits += 1
            origin = Origin(commit.sha, commit.date)
            for fd in commit.files:
                if not wanted(fd.path):
                    continue
                path = shown(fd.path)
                data = source.admit(_sparse(fd.added), config.max_file_size, path).data
                if data is None:
                    continue  # binary or larger than max-file-size
                result.files += 1
                result.bytes += len(data)
                try:
                    found = _on_added(data, path, fd, ruleset, config, baseline, all_rules)
                    if found:
                        whole = blobs.read(f"{commit.sha}:{fd.path}")
                        admitted = source.admit(whole, config.max_file_size, path) if whole else None
                        if admitted is not None and admitted.data is not None:
                            found = _on_added(admitted.data, path, fd, ruleset, config, baseline, True)
                except Exception as exc:  # noqa: BLE001 - one bad file must not stop the scan
                    result.skipped.append(Skipped(f"{commit.sha[:12]}:{path}", (
                        f"analysis failed: {type(exc).__name__}"), "error"))
                    continue
                for f in found:
                    f.origin = origin
                result.findings.extend(found)
    result.rule_errors = list(ruleset.errors)
    return result, commits


def _on_added(data: bytes, path: str, fd: git.FileDiff, ruleset, config, baseline, parse: bool):
    analysis = analyze(data, path, ruleset, config, parse_tree=parse, baseline=baseline)
    return [f for f in analysis.findings if touches(f, fd.added)]
