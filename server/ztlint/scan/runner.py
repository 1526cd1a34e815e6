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

from ..engine import rules, source
from ..engine.config import Config
from ..engine.findings import Finding
from ..engine.flow.project import Exports, Project, module_name
from .cache import Packed, Recorder, ResultCache, cacheable, content_digest, file_stamp
from .discover import Skipped, discover_files
from .shard import shard_of

# The analysis (engine.analyze, chunked, notebooks) and the worker processes are imported when
# a file is analysed: a scan whose files are all in the cache needs neither.

_MIN_PARALLEL_FILES = 64
_MIN_PARALLEL_SECOND = 8  # files analysed again with other modules' summaries
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
    digest: str | None = None  # of the bytes analysed (the cache stores only what it hashed)
    deps: dict[str, str] | None = None  # other modules' summaries it asked for (cache.Recorder)
    cached: bool = False  # not analysed in this run: from the cache, or a skip known by reading


@dataclass
class ScanResult:
    findings: list[Finding] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[FileNote] = field(default_factory=list)
    files: int = 0
    bytes: int = 0
    rule_errors: list[rules.RuleError] = field(default_factory=list)
    analysed: list[str] = field(default_factory=list)  # paths analysed in this run (not cached)
    cached: int = 0  # files not analysed in this run (FileResult.cached)
    shard: tuple[int, int] | None = None  # (K, N): only shard K of N was scanned

    @property
    def failed(self) -> list[Skipped]:
        """Files that were meant to be analysed and could not be (errors and limits)."""
        return [s for s in self.skipped if s.kind != "policy"]

    @property
    def named_errors(self) -> list[Skipped]:
        """Paths named on the command line that do not exist or cannot be read."""
        return [s for s in self.skipped if s.named and s.kind == "error"]


def load_ruleset(config: Config, cache: Path | None = None) -> rules.RuleSet:
    """``cache``: the folder that keeps checked rule files across runs (None: not kept)."""
    return rules.load_rules(rules.default_rule_dirs(config.rule_dirs), cache=cache)


def secrets_only(config: Config, ruleset: rules.RuleSet) -> Config:
    """``config`` with every rule that is not a secret rule disabled (fast secret scans)."""
    others = tuple(sorted(r.id for r in ruleset.rules.values() if not r.is_secret))
    return replace(config, disable=config.disable + others)


def import_analysis() -> None:
    """Import what analysing a file needs (before forking workers: they inherit it)."""
    from ..engine import analyze, chunked, notebook  # noqa: F401
    from . import generated, notebooks  # noqa: F401


def scan_file(path: str | Path, display: str, ruleset: rules.RuleSet, config: Config,
              report_unused: bool = False, parse: bool = True,
              baseline: frozenset[str] = frozenset(), externals=None,
              named: bool = False) -> FileResult:
    """``named``: the file was named on the command line (analysed even when generated)."""
    from ..engine import analyze as analysis, chunked, notebook
    from . import generated
    from .notebooks import scan_notebook
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
        return _unreadable(src, display, named)
    why = None if named or config.scan_generated else generated.file_reason(display, src.data)
    if why:
        return FileResult(display, skipped=Skipped(display, why), digest=content_digest(src.data))
    exports = Exports() if externals is None else None
    if externals is not None:
        externals = Recorder(externals)
    try:
        result = analysis.analyze(src.data, display, ruleset, config, report_unused=report_unused,
                                  parse_tree=parse, baseline=baseline, externals=externals,
                                  exports=exports)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the scan
        return FileResult(display, skipped=Skipped(
            display, f"analysis failed: {type(exc).__name__}: {exc}", "error"), size=src.size)
    notes = [FileNote(display, src.note, "info")] if src.note else []
    notes += [FileNote(display, n) for n in result.notes]
    return FileResult(display, result.findings, size=src.size, notes=notes,
                      exports=exports if exports is not None and exports.summaries else None,
                      digest=content_digest(src.data),
                      deps=externals.asked if externals is not None else None)


def _unreadable(src: source.Source, display: str, named: bool) -> FileResult:
    return FileResult(display, skipped=Skipped(display, src.reason, src.kind, named))


def _from_cache(cache: ResultCache, files: list, config: Config, keys: dict) -> tuple[list, list]:
    """(results found in ``cache`` or known without analysis, files left to analyse). Fills
    ``keys``: path as shown -> (cache key, digest of the bytes hashed). A file whose stamp
    (size, times, inode) is the one it had when last read is not read again."""
    order = []  # in the files' order: a result known by reading, or a file to look up
    stamps = cache.stamps()
    for p, d, named in files:
        name = f"{config.max_file_size}:{os.path.abspath(p)}"
        try:
            stamp = file_stamp(os.stat(p))
        except OSError:
            stamp = None
        known = stamps.get(name)
        if stamp is not None and known is not None and known[0] == stamp:
            digest, note = known[1], known[2]
            if not digest:  # skipped for its content (binary): the note is why
                order.append(FileResult(d, skipped=Skipped(d, note, "policy", named), cached=True))
                continue
        else:
            src = source.read_source(p, config.max_file_size)
            if src.data is None:
                if src.kind == "limit":
                    order.append((p, d, named))  # (text rules only, piece by piece: not cached)
                else:  # known from reading: nothing to analyse
                    order.append(replace(_unreadable(src, d, named), cached=True))
                    if stamp is not None and src.kind == "policy":
                        cache.stamp(name, stamp, "", src.reason)
                continue
            digest, note = content_digest(src.data), src.note
            if stamp is not None:
                cache.stamp(name, stamp, digest, note)
        keys[d] = (cache.key(d, named, digest, note), digest)
        order.append((p, d, named))
    hits = cache.get_many([keys[e[1]][0] for e in order if isinstance(e, tuple) and e[1] in keys])
    found, todo = [], []
    for e in order:
        if not isinstance(e, tuple):
            found.append(e)
        elif (hit := hits.get(keys[e[1]][0]) if e[1] in keys else None) is None:
            todo.append(e)
        else:
            hit.cached = True
            found.append(hit)
    return found, todo


def _remark(fr: FileResult, baseline: frozenset[str]) -> FileResult:
    """A cached result's baseline state, as this run's baseline says (see baseline.mark)."""
    for f in fr.findings:
        f.baseline = f.fingerprint in baseline
    return fr


def _scan_large(path, display: str, ruleset: rules.RuleSet, config: Config,
                src: source.Source, baseline: frozenset[str], named: bool) -> FileResult:
    """Text rules only, piece by piece, over a file larger than max-file-size."""
    from ..engine import chunked
    from . import generated
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
                    report_unused: bool, baseline: frozenset[str], take, jobs: int,
                    isolate: bool, cancelled, cache: ResultCache | None, keys: dict) -> None:
    """Files calling functions of other scanned modules whose summaries matter are analysed
    again with them, in workers like the first pass (the project's summaries go with them).
    A cached second result counts while the summaries it asked for are the same; when every
    module's content is as in an earlier run, that run's second results are taken whole."""
    whole = _project_key(analysed, cache, keys)
    if whole is not None and isinstance(known := cache.get_many([whole]).get(whole), dict):
        for fr, _, _ in analysed:
            hit = known.get(fr.path)
            if hit is not None:
                hit.cached = True
            take(fr if hit is None else _remark(hit, baseline), again=True)
        return
    second: dict[str, FileResult] = {}  # what the project entry keeps (see _project_key)
    project = Project()
    for fr, _, _ in analysed:
        fr.exports = _exports(fr)
        project.add(fr.path, fr.exports)
    again = [(fr, path, named) for fr, path, named in analysed
             if project.modules and project.wanted_by(fr.path, fr.exports)]
    first = {fr.path: fr for fr, _, _ in again}
    for fr, _, _ in analysed:
        if fr.path not in first:
            take(fr, again=True)
    if cache is not None:
        left = []
        hits = cache.get_many([keys[fr.path][0] + "+" for fr, _, _ in again if fr.path in keys])
        seen: dict = {}  # digests of the summaries checked so far (many files ask for the same)
        for fr, path, named in again:
            hit = hits.get(keys[fr.path][0] + "+") if fr.path in keys else None
            if hit is not None and Recorder.valid(hit[0], project.lookup(module_name(fr.path)), seen):
                hit[1].cached = True
                second[fr.path] = hit[1]
                take(_remark(hit[1], baseline), again=True)
            else:
                left.append((fr, path, named))
        todo = left
    else:
        todo = again

    def better(fr: FileResult) -> None:
        # a file that failed the second time (it went through once) keeps its first result
        failed = fr.skipped is not None or any(n.note.startswith("parser crashed") for n in fr.notes)
        if cache is not None and not failed and fr.path in keys and fr.digest == keys[fr.path][1] \
                and fr.deps is not None and cacheable(fr):
            cache.put(keys[fr.path][0] + "+", (fr.deps, fr))
            second[fr.path] = fr
        take(first[fr.path] if failed else fr, again=True, fresh=True)

    if not isolate or len(todo) < _MIN_PARALLEL_SECOND:
        for fr, path, named in todo:
            better(scan_file(path, fr.path, ruleset, config, report_unused, baseline=baseline,
                             externals=project.lookup(module_name(fr.path)), named=named))
    else:
        from . import workers
        workers.run([workers.Task(path, fr.path, named=named) for fr, path, named in todo],
                    jobs, config, report_unused, ruleset, _BATCH, better,
                    lambda task, reason: take(first[task.display], again=True), cancelled,
                    baseline, project)
    if whole is not None and analysed and len(second) == len(again):
        cache.put(whole, second)


def _project_key(analysed: list, cache: ResultCache | None, keys: dict) -> str | None:
    """The cache key of the second pass as a whole: the content keys of every module in the
    project (None when a module's result is not its file's content as keyed, or not final)."""
    if cache is None or not all(fr.path in keys and fr.digest == keys[fr.path][1] and cacheable(fr)
                                for fr, _, _ in analysed):
        return None
    return cache.key("<project>", False, " ".join(sorted(keys[fr.path][0] for fr, _, _ in analysed)), None)


def _exports(fr: FileResult):
    """The file's flow summaries (from the cache, unpickled only now: see cache.Packed)."""
    return fr.exports.open() if isinstance(fr.exports, Packed) else fr.exports


def scan(paths: list[Path], config: Config, ruleset: rules.RuleSet | None = None,
         jobs: int | None = None, report_unused: bool = False,
         progress: Callable[[int, int], None] | None = None,
         cancelled: Callable[[], bool] | None = None,
         on_file: Callable[[FileResult], None] | None = None,
         base: Path | None = None, isolate: bool = True,
         baseline: frozenset[str] = frozenset(),
         select: Callable[[str], bool] | None = None,
         cache: ResultCache | None = None,
         shard: tuple[int, int] | None = None) -> ScanResult:
    """Scan files and folders; ``progress(done, total)`` is called as files finish.
    ``baseline``: fingerprints of accepted findings (marked by the engine, see analyze).

    Paths in findings are relative to ``base`` (default: the current directory). ``isolate``
    analyses in worker processes (at least one); without it, in this process (for debugging
    and tests: a crashing parser then takes the caller down). ``select(path)``: whether a
    discovered file (by its path as shown) is analysed (the changed files of a diff scan).
    ``cache``: results of unchanged files are taken from it, new ones stored (and written when
    the scan ends; see scan/cache.py). ``shard`` (K, N): only the files of shard K (scan/shard.py)."""
    result = ScanResult(shard=shard)
    base = (base or Path.cwd()).resolve()
    prefix = str(base).rstrip(os.sep) + os.sep
    def shown(real: str, given: str) -> str:
        return real[len(prefix):].replace(os.sep, "/") if real.startswith(prefix) else Path(given).as_posix()

    files = [(p, shown(real, p), named)
             for p, real, named in discover_files(paths, config, result.skipped)]
    if select is not None:
        files = [(p, d, named) for p, d, named in files if select(d)]
    if shard is not None:
        files = [(p, d, named) for p, d, named in files if shard_of(d, shard[1]) == shard[0]]
    files_by_display = {d: (p, named) for p, d, named in files}
    # skipped files are named like analysed ones (not resolved: a link is named as the link)
    result.skipped = [Skipped(shown(os.path.abspath(s.path), s.path), s.reason, s.kind, s.named)
                      for s in result.skipped]
    if shard is not None:  # each skip is told by one shard (a named path that fails: by all)
        result.skipped = [s for s in result.skipped
                          if s.named or shard_of(s.path, shard[1]) == shard[0]]
    total = len(files)
    jobs = jobs or os.cpu_count() or 1
    done = 0

    analysed: list[tuple[FileResult, str, bool]] = []  # (result, path, named): with flow summaries

    keys: dict[str, tuple[str, str]] = {}  # for the cache: path as shown -> (key, digest)

    def take(fr: FileResult, again: bool = False, fresh: bool = False) -> None:
        """``again``: after the second pass (``fresh``: a result of it)."""
        nonlocal done
        if not fr.cached and (fresh or not again):
            result.analysed.append(fr.path)
        if cache is not None and not again and not fr.cached and fr.path in keys \
                and fr.digest == keys[fr.path][1] and cacheable(fr):
            # (the summaries stay packed in the entry: a warm scan may not need them)
            cache.put(keys[fr.path][0], replace(fr, exports=Packed(fr.exports)) if fr.exports else fr)
        if fr.exports is not None and not again:
            analysed.append((fr, *files_by_display.get(fr.path, (fr.path, False))))
            return  # taken once the other modules' summaries are known (below)
        done += 1
        result.cached += fr.cached
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
    if cache is not None:
        hits, files = _from_cache(cache, files, config, keys)
        for fr in hits:
            take(_remark(fr, baseline))
    if not isolate:
        for p, d, named in files:
            if cancelled and cancelled():
                break
            take(scan_file(p, d, ruleset, config, report_unused, baseline=baseline, named=named))
    elif files:
        from . import workers

        def crashed(task: workers.Task, reason: str) -> None:
            take(FileResult(task.display, skipped=Skipped(
                task.display, f"analysis crashed ({reason}), even with text rules only", "error")))
        workers.run([workers.Task(p, d, named=named) for p, d, named in files],
                    1 if len(files) < _MIN_PARALLEL_FILES else jobs, config, report_unused, ruleset,
                    _BATCH, take, crashed, cancelled, baseline)
    _across_modules(analysed, ruleset, config, report_unused, baseline, take,
                    1 if len(files) < _MIN_PARALLEL_FILES else jobs, isolate, cancelled, cache,
                    keys)
    if cache is not None:
        cache.close()
    result.findings.sort(key=Finding.sort_key)
    result.skipped.sort(key=lambda s: s.path)
    result.notes.sort(key=lambda n: n.path)
    result.rule_errors = list(ruleset.errors)
    return result
