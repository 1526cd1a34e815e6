"""The language server's workspace scan uses the same result cache as `ztlint scan`."""

from __future__ import annotations

import os
import sqlite3
import tempfile

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from .helpers import SERVER, start

_CACHE = tempfile.mkdtemp(prefix="ztlint-lsp-cache-")
_ENV = {**{k: v for k, v in os.environ.items() if k != "ZTLINT_NO_CACHE"},
        "ZTLINT_CACHE_DIR": _CACHE}


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, server_env=_ENV))
async def cached_client(lsp_client: LanguageClient, workspace):
    await start(lsp_client, workspace)
    yield
    await lsp_client.shutdown_session()


async def test_workspace_scan_fills_and_reuses_the_result_cache(cached_client: LanguageClient, workspace):
    scan = types.ExecuteCommandParams(command="ztlint.scanWorkspace", arguments=[])
    first = await cached_client.workspace_execute_command_async(scan)
    db = sqlite3.connect(os.path.join(_CACHE, "results-v1.sqlite"))
    stored, when = db.execute("SELECT COUNT(*), MAX(stored) FROM results").fetchone()
    assert stored == first["files"] == 3
    closed = (workspace / "other" / "closed.py").as_uri()
    cached_client.diagnostics.pop(closed, None)
    second = await cached_client.workspace_execute_command_async(scan)
    assert second == first
    # served from the cache, still published
    assert [d.code for d in cached_client.diagnostics[closed]] == ["python-yaml-unsafe-load"]
    # nothing analysed again: nothing stored again
    assert db.execute("SELECT COUNT(*), MAX(stored) FROM results").fetchone() == (stored, when)
