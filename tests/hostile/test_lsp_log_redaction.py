"""A failing notification handler logs to the client its name and the exception type only:
exception text can quote the document (a secret). The traceback goes to stderr."""

from __future__ import annotations

import logging

from lsprotocol import types

from ztlint.lsp.server import guarded

SECRET = "ghp_" + "Zq8kLm2pX9wR4tYv7bN3cD6fG1hJ5kL0mN2p"  # built at run time (dogfood)


class FakeServer:
    def __init__(self):
        self.logged: list[tuple[str, types.MessageType]] = []

    def log(self, message: str, level: types.MessageType = types.MessageType.Log) -> None:
        self.logged.append((message, level))


def test_a_handler_failure_is_logged_to_the_client_without_its_text(caplog):
    @guarded
    def did_change(ls, params):
        raise ValueError(f"cannot handle {params}")

    ls = FakeServer()
    with caplog.at_level(logging.ERROR, logger="ztlint.lsp"):
        assert did_change(ls, f"token = '{SECRET}'") is None  # handled, the server goes on
    [(message, level)] = ls.logged
    assert level == types.MessageType.Error
    assert "did_change" in message and "ValueError" in message
    assert SECRET[:8] not in message and "token" not in message
    # the whole story is on stderr for whoever runs the server
    assert "Traceback" in caplog.text and "did_change failed" in caplog.text
