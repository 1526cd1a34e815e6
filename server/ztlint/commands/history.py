"""`ztlint scan --git [RANGE]` and the push hooks (`ztlint hook pre-push|pre-receive`):
history scans of the lines commits added (scan/history.py), reported like any scan."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ..engine import baseline as baselinemod
from ..scan import git, runner
from ..scan.history import Range, scan_history
from .exitcodes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

REPO_BASELINE = ".ztlint-baseline.json"  # what `ztlint baseline create` writes by default


def _shown(root: Path, cwd: Path):
    def shown(path: str) -> str:
        return os.path.relpath(root / path, cwd).replace(os.sep, "/")
    return shown


def scan_git(args, config, ruleset, baseline: frozenset[str]) -> runner.ScanResult:
    cwd = Path.cwd().resolve()
    root = git.toplevel(cwd).resolve()
    if args.git.startswith("-"):
        raise git.GitError(f"--git {args.git}: not a revision range")
    span = Range((args.git,) if args.git else ("--all",), tuple(args.paths))
    result, commits = scan_history(span, config, ruleset, baseline=baseline,
                                   all_rules=args.all_rules, cwd=cwd, shown=_shown(root, cwd),
                                   repo_root=root)
    print(f"ztlint: {commits} commit(s) read", file=sys.stderr)
    return result


def push_range(env: dict, stdin_lines: list[str], remote: str | None) -> Range | None:
    """The commits a push sends, from pre-commit's variables or git's pre-push input
    (``<local ref> <local sha> <remote ref> <remote sha>`` lines); None: nothing to push."""
    if env.get("PRE_COMMIT_FROM_REF") and env.get("PRE_COMMIT_TO_REF"):
        return Range((env["PRE_COMMIT_TO_REF"], "--not", env["PRE_COMMIT_FROM_REF"]))
    remote = remote or env.get("PRE_COMMIT_REMOTE_NAME")
    not_remote = f"--remotes={remote}" if remote else "--remotes"
    if env.get("PRE_COMMIT_LOCAL_BRANCH"):  # pre-commit: a branch whose root is not pushed yet
        return Range((env["PRE_COMMIT_LOCAL_BRANCH"], "--not", not_remote))
    news, olds = [], []
    for line in stdin_lines:
        parts = line.split()
        if len(parts) != 4 or parts[1] == git.ZERO:
            continue  # malformed, or a deletion
        news.append(parts[1])
        if parts[3] != git.ZERO:
            olds.append(parts[3])
    if not stdin_lines:
        news = ["HEAD"]  # run by hand
    if not news:
        return None
    return Range((*news, "--not", *olds, not_remote))


def receive_range(stdin_lines: list[str]) -> Range | None:
    """The commits a push brings (``<old> <new> <ref>`` lines): those no ref has yet (refs are
    updated only after the hook accepts)."""
    news = [p[1] for p in (line.split() for line in stdin_lines) if len(p) == 3 and p[1] != git.ZERO]
    return Range((*news, "--not", "--all")) if news else None


def _repo_baselines(stdin_lines: list[str], cwd: Path) -> frozenset[str]:
    """The baselines committed at the tips being pushed (``.ztlint-baseline.json``)."""
    accepted: set[str] = set()
    with git.BlobReader(cwd) as blobs:
        for line in stdin_lines:
            parts = line.split()
            if len(parts) == 3 and parts[1] != git.ZERO:
                data = blobs.read(f"{parts[1]}:{REPO_BASELINE}")
                if data:
                    accepted |= _load_bytes(data)
    return frozenset(accepted)


def _load_bytes(data: bytes) -> frozenset[str]:
    try:
        found = json.loads(data)
    except ValueError:
        return frozenset()
    if not isinstance(found, dict) or not isinstance(found.get("findings"), list):
        return frozenset()
    return baselinemod.fingerprints(found["findings"])


def run_hook(args) -> int:
    from .scan import load_baseline, load_config, report
    args.paths = []
    config = load_config(args)
    try:
        baseline = load_baseline(args, config)
    except baselinemod.BaselineError as exc:
        print(f"ztlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    ruleset = runner.load_ruleset(config)
    cwd = Path.cwd().resolve()
    reading = args.hook == "pre-receive" or not (sys.stdin.isatty() or os.environ.get("PRE_COMMIT_TO_REF"))
    lines = [ln for ln in sys.stdin.read().splitlines() if ln.strip()] if reading else []
    try:
        if args.hook == "pre-receive":
            span = receive_range(lines)
            if not args.baseline:
                baseline |= _repo_baselines(lines, cwd)
            shown = str
            root = None
        else:
            span = push_range(dict(os.environ), lines, args.remote)
            root = git.toplevel(cwd).resolve()
            shown = _shown(root, cwd)
        if span is None:
            return EXIT_OK
        result, commits = scan_history(span, config, ruleset, baseline=baseline,
                                       all_rules=args.all_rules, cwd=cwd, shown=shown, repo_root=root)
    except git.GitError as exc:
        print(f"ztlint: git: {exc}", file=sys.stderr)
        return EXIT_ERROR
    # git shows a hook's output to the pusher; stdout may be the protocol's, so stderr
    code = report(args, result, ruleset, config, stream=sys.stderr)
    if code == EXIT_FINDINGS:
        failing = sum(not f.baseline for f in result.findings)
        print(f"ztlint: push rejected: {failing} finding(s) in {commits} pushed "
              "commit(s) (values redacted). Remove them from those commits (amend or rebase), "
              "rotate any real credential, or accept them in the baseline.", file=sys.stderr)
    return code
