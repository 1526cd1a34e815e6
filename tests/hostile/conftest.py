"""Fixtures for the hostile-input tests (helpers live in lsp_wire.py and clirun.py)."""

from __future__ import annotations

import pytest

from .lsp_wire import Wire


@pytest.fixture
def wire(tmp_path):
    """A language server over raw stdio, initialised on ``tmp_path``."""
    w = Wire(tmp_path)
    w.initialize(tmp_path)
    yield w
    w.close()
