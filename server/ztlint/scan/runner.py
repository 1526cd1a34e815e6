"""Scan many files with the engine, in worker processes.

Workers (scan/workers.py) load and compile the rules once, then analyse batches of files; the
CLI itself never parses, so a parser crash costs only the file it crashed on. A file that
cannot be read or analysed becomes a note; it never stops the scan or drops other files'
findings.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from ..engine import chunked, notebook, rules, source
from ..engine.analyze import analyze
from ..engine.config import Config
from ..engine.findings import Finding
from ..engine.flow.project import Exports, Project, module_name
from . import generated, workers
from .discover import Skipped, discover_files
from .notebooks import scan_notebook

_MIN_PARALLEL_FILES = 64
_BATCH = 24


@dataclass(frozen=True)
class FileNote:
    """Something to know about a file that was analysed: ``partial`` (only in part: not
    parsed, so text rules only) or ``info`` (decoded from UTF-16 ...)."""
    path: str
    note: str
    kind: str = "partial"


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    skipped: Skipped | None = None
    size: int = 0
    notes: list[FileNote] = field(default_factory=list)
    exports: Exports | None = None  # flow summaries of its functions (see flow.project)


@dataclass
class ScanResult:
    findings: list[Finding] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[FileNote] = field(default_factory=list)
    files: int = 0
    bytes: int = 0
    rule_errors: list[rules.RuleError] = field(default_factory=list)

    @property
    def failed(self) -> list[Skipped]:
        """Files that were meant to be analysed and could not be (errors and limits)."""
        return [s for s in self.skipped if s.kind != "policy"]

    @property
    def named_errors(self) -> list[Skipped]:
        """Paths named on the command line that do not exist or cannot be read."""
        return [s for s in self.skipped if s.named and s.kind == "error"]


def load_ruleset(config: Config) -> rules.RuleSet:
    return rules.load_rules(rules.default_rule_dirs(config.rule_dirs))


def secrets_only(config: Config, ruleset: rules.RuleSet) -> Config:
    """``config`` with every rule that is not a secret rule disabled (fast secret scans)."""
    others = tuple(sorted(r.id for r in ruleset.rules.values() if not r.is_secret))
    return replace(config, disable=config.disable + others)


def scan_file(path: str | Path, display: str, ruleset: rules.RuleSet, config: Config,
              report_unused: bool = False, parse: bool = True,
              baseline: frozenset[str] = frozenset(), externals=None,
              named: bool = False) -> FileResult:
    """``named``: the file was named on the command line (analysed even when generated)."""
    if notebook.is_notebook(display):
        return scan_notebook(path, display, ruleset, config, report_unused, parse, baseline, named)
    src = source.read_source(path, config.max_file_size)
    if src.kind == "limit":
        if src.size <= chunked.TEXT_ONLY_LIMIT:
            return _scan_large(path, display, ruleset, config, src, baseline, named)
        return FileResult(display, skipped=Skipped(display, (
            f"too large to analyse ({src.size:,} > {chunked.TEXT_ONLY_LIMIT:,} bytes, "
            "even for text rules)"), "limit", named))
    if src.data is None:
        return FileResult(display, skipped=Skipped(display, src.reason, src.kind, named))
    why = None if named or config.scan_generated else generated.file_reason(display, src.data)
    if why:
        return FileResult(display, skipped=Skipped(display, why))
    exports = Exports() if externals is None else None
    try:
        result = analyze(src.data, display, ruleset, config, report_unused=report_unused,
                         parse_tree=parse, baseline=baseline, externals=externals,
                         exports=exports)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the scan
        return FileResult(display, skipped=Skipped(
            display, f"analysis failed: {type(exc).__name__}: {exc}", "error"), size=src.size)
    notes = [FileNote(display, src.note, "info")] if src.note else []
    notes += [FileNote(display, n) for n in result.notes]
    return FileResult(display, result.findings, size=src.size, notes=notes,
                      exports=exports if exports is not None and exports.summaries else None)


def _scan_large(path, display: str, ruleset: rules.RuleSet, config: Config,
                src: source.Source, baseline: frozenset[str], named: bool) -> FileResult:
    """Text rules only, piece by piece, over a file larger than max-file-size."""
    piece = max(config.max_file_size, 1)
    chunks = source.read_chunks(path, piece, chunked.TEXT_ONLY_LIMIT + 1)
    try:
        head = next(chunks, b"")
        if source.has_bom(head):  # too large to decode whole
            return FileResult(display, skipped=Skipped(display, src.reason, "limit"))
        if source.is_binary(head, os.fsdecode(path)):
            return FileResult(display, skipped=Skipped(display, "binary content"))
        why = None if named or config.scan_generated else generated.file_reason(display, head)
        if why:
            return FileResult(display, skipped=Skipped(display, why))
        findings = chunked.analyze_chunks(itertools.chain([head], chunks), display, ruleset, config,
                                          baseline)
    except source.Unreadable as exc:
        return FileResult(display, skipped=Skipped(display, exc.reason, exc.kind, named))
    except Exception as exc:  # noqa: BLE001 - as in scan_file
        return FileResult(display, skipped=Skipped(
            display, f"analysis failed: {type(exc).__name__}: {exc}", "error"), size=src.size)
    finally:
        chunks.close()
    return FileResult(display, findings, size=src.size,
                      notes=[FileNote(display, f"{src.reason}: text rules only")])


def _across_modules(analysed: list[tuple[FileResult, str, bool]], ruleset, config: Config,
                    report_unused: bool, baseline: frozenset[str], take) -> None:
    """Files calling functions of other scanned modules whose summaries matter are analysed
    again with them (in this process: each already went through a worker without crashing)."""
    project = Project()
    for fr, _, _ in analysed:
        project.add(fr.path, fr.exports)
    for fr, path, named in analysed:
        if project.modules and project.wanted_by(fr.path, fr.exports):
            again = scan_file(path, fr.path, ruleset, config, report_unused, baseline=baseline,
                              externals=project.lookup(module_name(fr.path)), named=named)
            if again.skipped is None:
                fr = again
        take(fr, again=True)


def scan(paths: list[Path], config: Config, ruleset: rules.RuleSet | None = None,
         jobs: int | None = None, report_unused: bool = False,
         progress: Callable[[int, int], None] | None = None,
         cancelled: Callable[[], bool] | None = None,
         on_file: Callable[[FileResult], None] | None = None,
         base: Path | None = None, isolate: bool = True,
         baseline: frozenset[str] = frozenset(),
         select: Callable[[str], bool] | None = None) -> ScanResult:
    """Scan files and folders; ``progress(done, total)`` is called as files finish.
    ``baseline``: fingerprints of accepted findings (marked by the engine, see analyze).

    Paths in findings are relative to ``base`` (default: the current directory). ``isolate``
    analyses in worker processes (at least one); without it, in this process (for debugging
    and tests: a crashing parser then takes the caller down). ``select(path)``: whether a
    discovered file (by its path as shown) is analysed (the changed files of a diff scan)."""
    result = ScanResult()
    base = (base or Path.cwd()).resolve()
    prefix = str(base).rstrip(os.sep) + os.sep
    def shown(real: str, given: str) -> str:
        return real[len(prefix):].replace(os.sep, "/") if real.startswith(prefix) else Path(given).as_posix()

    files = [(p, shown(real, p), named)
             for p, real, named in discover_files(paths, config, result.skipped)]
    if select is not None:
        files = [(p, d, named) for p, d, named in files if select(d)]
    files_by_display = {d: (p, named) for p, d, named in files}
    # skipped files are named like analysed ones (not resolved: a link is named as the link)
    result.skipped = [Skipped(shown(os.path.abspath(s.path), s.path), s.reason, s.kind, s.named)
                      for s in result.skipped]
    total = len(files)
    jobs = jobs or os.cpu_count() or 1
    done = 0

    analysed: list[tuple[FileResult, str, bool]] = []  # (result, path, named): with flow summaries

    def take(fr: FileResult, again: bool = False) -> None:
        nonlocal done
        if fr.exports is not None and not again:
            analysed.append((fr, *files_by_display.get(fr.path, (fr.path, False))))
            return  # taken once the other modules' summaries are known (below)
        done += 1
        result.files += fr.skipped is None
        result.bytes += fr.size
        result.findings.extend(fr.findings)
        result.notes.extend(fr.notes)
        if fr.skipped:
            result.skipped.append(fr.skipped)
        if on_file:
            on_file(fr)
        if progress:
            progress(done, total)

    ruleset = ruleset or load_ruleset(config)
    if not isolate:
        for p, d, named in files:
            if cancelled and cancelled():
                break
            take(scan_file(p, d, ruleset, config, report_unused, baseline=baseline, named=named))
    else:
        def crashed(task: workers.Task, reason: str) -> None:
            take(FileResult(task.display, skipped=Skipped(
                task.display, f"analysis crashed ({reason}), even with text rules only", "error")))
        workers.run([workers.Task(p, d, named=named) for p, d, named in files],
                    1 if total < _MIN_PARALLEL_FILES else jobs, config, report_unused, ruleset,
                    _BATCH, take, crashed, cancelled, baseline)
    _across_modules(analysed, ruleset, config, report_unused, baseline, take)
    result.findings.sort(key=Finding.sort_key)
    result.skipped.sort(key=lambda s: s.path)
    result.notes.sort(key=lambda n: n.path)
    result.rule_errors = list(ruleset.errors)
    return result
