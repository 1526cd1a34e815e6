"""`ztlint scan`."""

from __future__ import annotations

import os
import sys
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path

from ..engine import baseline as baselinemod
from ..engine import config as cfgmod
from ..engine.severity import at_or_above
from ..report.common import skip_counts
from ..scan import runner
from .exitcodes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

_PROGRESS_MIN_FILES = 200


def load_config(args) -> cfgmod.Config:
    paths = [Path(p) for p in args.paths] or [Path(".")]
    start = paths[0] if paths[0].exists() else Path(".")
    config = cfgmod.load_config(start, explicit=args.config)
    if getattr(args, "rule_dir", None):
        config = replace(config, rule_dirs=config.rule_dirs + tuple(Path(d).resolve() for d in args.rule_dir))
    return config


def _progress_bar(enabled: bool):
    """A rich progress bar on a terminal; nothing when piped or in CI logs."""
    if not enabled or not sys.stderr.isatty():
        return nullcontext(None)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn
    from rich.console import Console
    return Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                    TimeRemainingColumn(), console=Console(stderr=True), transient=True)


def load_baseline(args, config: cfgmod.Config) -> frozenset[str]:
    """The accepted fingerprints (``--baseline`` overrides the config's); raises BaselineError."""
    path = getattr(args, "baseline", None) or config.baseline
    return baselinemod.fingerprints(baselinemod.load(Path(path))) if path else frozenset()


def missing_path(paths: list[str]) -> str | None:
    """The first path named on the command line that does not exist (a typo in CI must fail)."""
    for p in paths:
        if not os.path.exists(p):
            return p
    return None


def run(args) -> int:
    missing = missing_path(args.paths)
    if missing is not None:
        what = "broken symlink" if os.path.islink(missing) else "no such file or directory"
        print(f"ztlint: cannot scan {missing}: {what}", file=sys.stderr)
        return EXIT_ERROR
    config = load_config(args)
    if getattr(args, "follow_symlinks", False):
        config = replace(config, follow_symlinks=True)
    if getattr(args, "scan_generated", False):
        config = replace(config, scan_generated=True)
    if getattr(args, "no_cache", False):  # (spawned workers then load rule files uncached too)
        config = replace(config, cache=False)
    if getattr(args, "osv_db", None):
        config = replace(config, osv_db=Path(args.osv_db).expanduser().resolve())
    if config.osv_db is not None:
        from ..engine.osv import database as osv_database
        try:  # read once here: a wrong path fails the run, and forked workers share the index
            osv_database.load(config.osv_db)
        except osv_database.DatabaseError as exc:
            print(f"ztlint: {exc}", file=sys.stderr)
            return EXIT_ERROR
    if args.output and not Path(args.output).resolve().parent.is_dir():
        print(f"ztlint: cannot write {args.output}: no such folder", file=sys.stderr)
        return EXIT_ERROR
    try:
        baseline = load_baseline(args, config)
    except baselinemod.BaselineError as exc:
        print(f"ztlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    ruleset = runner.load_ruleset(config, cache_folder(args, config))
    if getattr(args, "secrets_only", False):
        config = runner.secrets_only(config, ruleset)
    if getattr(args, "git", None) is None and not getattr(args, "staged", False) \
            and not getattr(args, "diff", None):  # a plain scan: git is not even imported
        return report(args, _scan(args, config, ruleset, baseline), ruleset, config)
    from ..scan import git
    try:
        if getattr(args, "git", None) is not None:
            from .history import scan_git
            result = scan_git(args, config, ruleset, baseline)
        else:
            result = _scan(args, config, ruleset, baseline)
    except git.GitError as exc:
        print(f"ztlint: git: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return report(args, result, ruleset, config)


def cache_folder(args, config: cfgmod.Config) -> Path | None:
    """The folder this scan's caches use (results, checked rule files), or None
    (``--no-cache``, ``cache = false`` or ``ZTLINT_NO_CACHE``; an explicit ``--cache-dir``
    wins over the last two)."""
    from ..engine import cachedir
    explicit = getattr(args, "cache_dir", None)
    if getattr(args, "no_cache", False):
        return None
    return Path(explicit).expanduser() if explicit else cachedir.for_config(config)


def result_cache(args, config: cfgmod.Config, ruleset):
    """The result cache this scan uses, or None (see cache_folder)."""
    from ..scan.cache import ResultCache
    folder = cache_folder(args, config)
    if folder is None:
        return None
    cache = ResultCache.for_scan(config, ruleset, args.report_unused_suppressions, folder)
    if cache is not None and cache.problem:
        print(f"ztlint: note: result cache not used: {cache.problem}", file=sys.stderr)
    return cache


def _scan(args, config: cfgmod.Config, ruleset, baseline: frozenset[str]) -> runner.ScanResult:
    with _progress_bar(not args.no_progress) as bar:
        task = None

        def progress(done: int, total: int) -> None:
            nonlocal task
            if bar is None or total < _PROGRESS_MIN_FILES:
                return
            if task is None:
                task = bar.add_task("scanning", total=total)
            bar.update(task, completed=done)

        scan_args = dict(ruleset=ruleset, jobs=args.jobs or None, progress=progress,
                         report_unused=args.report_unused_suppressions, baseline=baseline,
                         # (a staged scan reads a new temporary copy each time: not cached)
                         cache=None if getattr(args, "staged", False) else
                         result_cache(args, config, ruleset),
                         shard=getattr(args, "shard", None))
        if getattr(args, "staged", False):
            from ..scan import gitscan
            return gitscan.scan_staged(args.paths, config, **scan_args)
        if getattr(args, "diff", None):
            from ..scan import gitscan
            result, note = gitscan.scan_diff(args.diff, args.paths, config, **scan_args)
            if note:
                print(f"ztlint: note: {note}", file=sys.stderr)
            return result
        return runner.scan([Path(p) for p in args.paths or ["."]], config, **scan_args)


def report(args, result: runner.ScanResult, ruleset, config: cfgmod.Config, stream=None) -> int:
    """Write the report (``-o`` or ``stream``, default stdout) and return the exit code."""
    for err in result.rule_errors:
        print(f"ztlint: rule error: {err}", file=sys.stderr)
    fmt = getattr(args, "format", "text")
    output = getattr(args, "output", None)
    # (each report format imported when used: a warm scan's time is mostly start-up)
    if fmt == "json":
        from ..report import json_report
        out = json_report.render(result, ruleset)
    elif fmt == "sarif":
        from ..report import sarif
        out = sarif.render(result, ruleset)
    else:
        from ..report import text
        tty = (stream or sys.stdout).isatty()
        colour = not getattr(args, "no_color", False) and output is None and tty
        out = text.render(result, ruleset, colour=colour, verbose=getattr(args, "verbose", False))
    if output:
        try:
            Path(output).write_text(out, encoding="utf-8", errors="backslashreplace")
        except OSError as exc:
            print(f"ztlint: cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_ERROR
    else:
        _write_stdout(out, stream)
    threshold = getattr(args, "fail_on", None) or config.fail_on
    failing = [f for f in result.findings if not f.baseline and at_or_above(f.severity, threshold)]
    if result.rule_errors:
        return EXIT_ERROR
    for s in result.named_errors:
        print(f"ztlint: cannot scan {s.path}: {s.reason}", file=sys.stderr)
    if result.named_errors:
        return EXIT_ERROR
    if result.files == 0 and result.failed:
        # not "clean": nothing that was meant to be analysed could be
        reasons = ", ".join(f"{n} {r}" for r, n in skip_counts(result.failed).items())
        print(f"ztlint: no file could be analysed ({reasons})", file=sys.stderr)
        return EXIT_ERROR
    if result.files == 0:
        # not an error (an empty folder is clean), but never a silent "clean" either
        why = (": " + ", ".join(f"{n} {r}" for r, n in skip_counts(result.skipped).items())
               + ("" if args.verbose else " (-v lists them)")) if result.skipped else ": none found"
        print(f"ztlint: no file was scanned{why}", file=sys.stderr)
    return EXIT_FINDINGS if failing else EXIT_OK


def _write_stdout(out: str, stream=None) -> None:
    stream = stream or sys.stdout
    try:
        stream.write(out)
    except UnicodeEncodeError:  # a terminal that cannot show every character
        enc = stream.encoding or "utf-8"
        stream.write(out.encode(enc, "backslashreplace").decode(enc))
