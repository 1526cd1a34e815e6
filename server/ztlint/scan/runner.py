"""Scan many files with the engine, in parallel on all cores.

Each worker process loads and compiles the rules once (in its initializer), then analyses
batches of files. A file that cannot be read or analysed becomes a note; it never stops the scan
or drops other files' findings.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..engine import rules
from ..engine.analyze import analyze
from ..engine.config import Config
from ..engine.findings import Finding
from .discover import Skipped, discover_files

_BINARY_SNIFF = 8192
_MIN_PARALLEL_FILES = 64
_BATCH = 24


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    skipped: Skipped | None = None
    size: int = 0


@dataclass
class ScanResult:
    findings: list[Finding] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    files: int = 0
    bytes: int = 0
    rule_errors: list[rules.RuleError] = field(default_factory=list)


def load_ruleset(config: Config) -> rules.RuleSet:
    return rules.load_rules(rules.default_rule_dirs(config.rule_dirs))


def read_source(path: Path, max_size: int) -> tuple[bytes | None, str | None]:
    """The file's bytes, or None and the reason to skip it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return None, f"cannot stat: {exc.strerror or exc}"
    if size > max_size:
        return None, f"larger than max-file-size ({size:,} > {max_size:,} bytes)"
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, f"cannot read: {exc.strerror or exc}"
    if b"\0" in data[:_BINARY_SNIFF]:
        return None, "binary content"
    return data, None


def scan_file(path: Path, display: str, ruleset: rules.RuleSet, config: Config,
              report_unused: bool = False) -> FileResult:
    data, reason = read_source(path, config.max_file_size)
    if data is None:
        return FileResult(display, skipped=Skipped(display, reason))
    try:
        result = analyze(data, display, ruleset, config, report_unused=report_unused)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the scan
        return FileResult(display, skipped=Skipped(display, f"analysis failed: {type(exc).__name__}: {exc}"),
                          size=len(data))
    # a partial analysis (budget spent, text too long for a rule) is reported, never silent
    partial = Skipped(display, "partly analysed: " + "; ".join(result.notes)) if result.notes else None
    return FileResult(display, result.findings, skipped=partial, size=len(data))


# Worker-process state: set once by the pool initializer, read by every task in that process.
_worker: dict = {}


def _init_worker(config: Config, report_unused: bool) -> None:
    _worker["config"] = config
    # a forked worker already holds the parent's rules (see scan); a spawned one loads its own
    _worker["ruleset"] = _worker.pop("inherited", None) or load_ruleset(config)
    _worker["report_unused"] = report_unused


def _scan_batch(batch: list[tuple[str, str]]) -> tuple[list[FileResult], list[rules.RuleError]]:
    ruleset = _worker["ruleset"]
    results = [scan_file(Path(p), d, ruleset, _worker["config"], _worker["report_unused"])
               for p, d in batch]
    # queries compile lazily in each worker: hand their errors back to the parent
    return results, list(ruleset.errors)


def _mp_context():
    # Forking a process with threads (the language server) can deadlock; fork only from a
    # single-threaded CLI, where it is fastest.
    method = "fork" if threading.active_count() == 1 and "fork" in mp.get_all_start_methods() else "spawn"
    return mp.get_context(method)


def scan(paths: list[Path], config: Config, ruleset: rules.RuleSet | None = None,
         jobs: int | None = None, report_unused: bool = False,
         progress: Callable[[int, int], None] | None = None,
         cancelled: Callable[[], bool] | None = None,
         on_file: Callable[[FileResult], None] | None = None,
         base: Path | None = None) -> ScanResult:
    """Scan files and folders; ``progress(done, total)`` is called as files finish.

    Paths in findings are relative to ``base`` (default: the current directory)."""
    result = ScanResult()
    base = (base or Path.cwd()).resolve()
    prefix = str(base).rstrip(os.sep) + os.sep
    files = [(p, real[len(prefix):].replace(os.sep, "/") if real.startswith(prefix) else Path(p).as_posix())
             for p, real in discover_files(paths, config, result.skipped)]
    total = len(files)
    jobs = jobs or os.cpu_count() or 1
    done = 0

    def take(fr: FileResult) -> None:
        nonlocal done
        done += 1
        result.files += fr.skipped is None
        result.bytes += fr.size
        result.findings.extend(fr.findings)
        if fr.skipped:
            result.skipped.append(fr.skipped)
        if on_file:
            on_file(fr)
        if progress:
            progress(done, total)

    ruleset = ruleset or load_ruleset(config)
    if jobs <= 1 or total < _MIN_PARALLEL_FILES:
        for p, d in files:
            if cancelled and cancelled():
                break
            take(scan_file(Path(p), d, ruleset, config, report_unused))
    else:
        batches = [files[i:i + _BATCH] for i in range(0, total, _BATCH)]
        context = _mp_context()
        if context.get_start_method() == "fork":
            _worker["inherited"] = ruleset  # copied into each child by fork, not pickled
        try:
            _run_pool(batches, jobs, context, config, report_unused, ruleset, take, cancelled)
        finally:
            _worker.pop("inherited", None)
    result.findings.sort(key=Finding.sort_key)
    result.rule_errors = list(ruleset.errors)
    return result


def _run_pool(batches, jobs, context, config, report_unused, ruleset, take, cancelled) -> None:
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, mp_context=context,
                             initargs=(config, report_unused)) as pool:
        for batch_result, errors in pool.map(_scan_batch, batches):
            for err in errors:
                if err not in ruleset.errors:
                    ruleset.errors.append(err)
            for fr in batch_result:
                take(fr)
            if cancelled and cancelled():
                pool.shutdown(wait=False, cancel_futures=True)
                break
