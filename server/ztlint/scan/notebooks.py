"""Scanning one Jupyter notebook (engine.notebook_layout does the analysis). A file that is not
a notebook the engine can read (bad JSON, nbformat 3 ...) still gets the text (secret) rules
over its raw bytes, with a note: it is never skipped silently."""

from __future__ import annotations

from ..engine import chunked, notebook, source
from ..engine.analyze import analyze
from ..engine.notebook_layout import analyze_notebook
from .discover import Skipped


def scan_notebook(path, display: str, ruleset, config, report_unused: bool, parse: bool,
                  baseline: frozenset[str], named: bool):
    from .runner import FileNote, FileResult
    # the size limit is the code's (below): outputs with images make notebooks large
    src = source.read_source(path, chunked.TEXT_ONLY_LIMIT)
    if src.data is None:
        return FileResult(display, skipped=Skipped(display, src.reason, src.kind, named))
    notes = [FileNote(display, src.note, "info")] if src.note else []
    try:
        if not parse:  # a grammar crashed on it before: the worker's retry
            raise notebook.NotebookError("not read as a notebook")
        result, info = analyze_notebook(src.data, display, ruleset, config, report_unused,
                                        baseline)
        notes += [FileNote(display, n, "info") for n in info]
    except notebook.NotebookError as exc:
        try:
            result = analyze(src.data, display, ruleset, config, report_unused=report_unused,
                             parse_tree=False, baseline=baseline)
        except Exception as inner:  # noqa: BLE001 - as in runner.scan_file
            return _failed(display, inner, src.size)
        result.notes.insert(0, f"{exc}: text rules over the raw file only")
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the scan
        return _failed(display, exc, src.size)
    notes += [FileNote(display, n) for n in result.notes]
    return FileResult(display, result.findings, size=src.size, notes=notes)


def _failed(display: str, exc: Exception, size: int):
    from .runner import FileResult
    return FileResult(display, skipped=Skipped(
        display, f"analysis failed: {type(exc).__name__}: {exc}", "error"), size=size)
