"""Worker processes that analyse files, so that a parser crash costs only the file it crashed on.

Each worker takes a batch of files at a time over a pipe and sends back one result per file as
it finishes. When a worker dies (a segfault in a grammar, say), the parent knows the file it was
on: that file is retried once with text rules only in a new worker (reported as "parser
crashed"), the rest of the batch goes back to the queue, and the scan goes on.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import signal
import threading
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Callable

from ..engine import rules
from ..engine.config import Config

# Set in a forking parent while its workers start: they inherit the compiled rules by fork
# instead of loading them again (nothing is pickled).
_inherited: dict = {}


@dataclass
class Task:
    path: str
    display: str
    crashed: str | None = None  # how its first try killed a worker: retried with text rules only
    named: bool = False  # named on the command line (see runner.scan_file)


def mp_context():
    # Forking a process with threads (the language server) can deadlock; fork only from a
    # single-threaded CLI, where it is fastest.
    method = "fork" if threading.active_count() == 1 and "fork" in mp.get_all_start_methods() else "spawn"
    return mp.get_context(method)


def _worker_main(conn, config: Config, report_unused: bool, baseline: frozenset[str],
                 project=None) -> None:
    from ..engine import cachedir
    from ..engine.flow.project import module_name
    from .runner import FileNote, load_ruleset, scan_file
    ruleset = _inherited.get("ruleset") or load_ruleset(config, cachedir.for_config(config))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            return
        if batch is None:
            return
        for task in batch:
            externals = project.lookup(module_name(task.display)) if project is not None else None
            fr = scan_file(task.path, task.display, ruleset, config, report_unused,
                           parse=task.crashed is None, baseline=baseline, named=task.named,
                           externals=externals)
            if task.crashed:
                fr.notes.insert(0, FileNote(task.display,
                                            f"parser crashed ({task.crashed}): text rules only"))
            conn.send(fr)
        # queries compile lazily in each worker: hand their errors back to the parent
        conn.send(list(ruleset.errors))


def crash_reason(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = "unknown"
        return f"signal {-exitcode}: {name}"
    return f"exit code {exitcode}"


class _Worker:
    def __init__(self, context, config: Config, report_unused: bool, baseline: frozenset[str],
                 project=None):
        self.conn, child = context.Pipe()
        self.proc = context.Process(target=_worker_main,
                                    args=(child, config, report_unused, baseline, project),
                                    daemon=True)
        self.proc.start()
        child.close()
        self.batch: deque[Task] = deque()  # sent, not yet answered

    def give(self, batch: list[Task]) -> None:
        """Send a batch. A worker may have died since its last answer: its pipe is then broken,
        and the batch stays on it so that reading its end of file retries and requeues it."""
        self.batch.extend(batch)
        try:
            self.conn.send(batch)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def stop(self, kill: bool = False) -> None:
        try:
            if kill:
                self.proc.kill()
            else:
                self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.conn.close()
        self.proc.join(timeout=None if not kill else 5)


def run(tasks: list[Task], jobs: int, config: Config, report_unused: bool,
        ruleset: rules.RuleSet, batch_size: int, take: Callable, on_crash: Callable,
        cancelled: Callable[[], bool] | None = None,
        baseline: frozenset[str] = frozenset(), project=None) -> None:
    """Analyse ``tasks`` in up to ``jobs`` worker processes.

    ``take(FileResult)`` gets every result (in no particular order); ``on_crash(task, reason)``
    is told of a file that killed its worker even with text rules only. ``project``: the other
    modules' flow summaries (a flow.project.Project), for the second pass of a scan."""
    context = mp_context()
    if context.get_start_method() == "fork":
        from .runner import import_analysis
        import_analysis()
        _inherited["ruleset"] = ruleset
        gc.freeze()  # the children's collector leaves inherited objects alone: fewer pages copied
    queue = deque(tasks)
    workers: list[_Worker] = []
    try:
        while queue or any(w.batch for w in workers):
            if cancelled and cancelled():
                break
            while queue:
                # up to two batches per worker: the next one waits in its pipe
                if len(workers) < jobs:
                    w = _Worker(context, config, report_unused, baseline, project)
                    workers.append(w)
                else:
                    w = min(workers, key=lambda w: len(w.batch))
                    if len(w.batch) >= 2 * batch_size:
                        break
                batch = [queue.popleft() for _ in range(min(batch_size, len(queue)))]
                w.give(batch)
            for conn in wait([w.conn for w in workers if w.batch]):
                w = next(w for w in workers if w.conn is conn)
                try:
                    msg = conn.recv()
                except (EOFError, OSError):
                    _lost(w, workers, queue, on_crash)
                    continue
                if isinstance(msg, list):  # end of batch: the worker's rule errors
                    ruleset.errors.extend(e for e in msg if e not in ruleset.errors)
                else:
                    w.batch.popleft()
                    take(msg)
    finally:
        _inherited.pop("ruleset", None)
        gc.unfreeze()
        for w in workers:
            w.stop(kill=bool(w.batch))


def _lost(w: _Worker, workers: list[_Worker], queue: deque, on_crash: Callable) -> None:
    """A worker died: retry the file it was on (text rules only), requeue the rest."""
    w.proc.join()
    workers.remove(w)
    w.conn.close()
    reason = crash_reason(w.proc.exitcode)
    task = w.batch.popleft() if w.batch else None
    queue.extendleft(reversed(w.batch))
    if task is None:
        return
    if task.crashed is None:
        queue.appendleft(Task(task.path, task.display, crashed=reason, named=task.named))
    else:
        on_crash(task, reason)
