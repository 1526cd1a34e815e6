"""What the server declares for notebooks, and the wiring of their notifications: kept apart
from notebooks.py, which imports the engine, so that start-up stays light (see server.py)."""

from __future__ import annotations

from lsprotocol import types

NOTEBOOK_TYPE = "jupyter-notebook"
SYNC = types.NotebookDocumentSyncOptions(
    notebook_selector=[types.NotebookDocumentFilterWithCells(
        notebook=types.NotebookDocumentFilterNotebookType(notebook_type=NOTEBOOK_TYPE, scheme="file"),
        cells=[types.NotebookCellLanguage("python"), types.NotebookCellLanguage("markdown")])],
    save=True)


def register(server, guarded) -> None:
    """Wire the notebook notifications into ``server`` (pygls has already updated
    ``ls.workspace`` when these run); notebooks.py is imported by the first of them."""
    for method, name in ((types.NOTEBOOK_DOCUMENT_DID_OPEN, "did_open"),
                         (types.NOTEBOOK_DOCUMENT_DID_CHANGE, "did_change"),
                         (types.NOTEBOOK_DOCUMENT_DID_SAVE, "did_save"),
                         (types.NOTEBOOK_DOCUMENT_DID_CLOSE, "did_close")):
        server.feature(method)(guarded(_handler(name)))


def _handler(name: str):
    def handle(ls, params):
        from . import notebooks
        return getattr(notebooks, name)(ls, params)
    handle.__name__ = name
    return handle
