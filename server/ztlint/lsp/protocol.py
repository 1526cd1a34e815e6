"""pygls's LanguageServerProtocol, with what the server needs changed in it.

* didOpen and didChange skip pygls's copy of the document (the engine keeps the text);
* every message is checked before it is handled, and a request whose params do not fit its
  method gets ``-32602 InvalidParams`` instead of no answer at all;
* futures of finished notifications are forgotten (pygls keeps one per notification: the
  leak is described in docs/upstream-bugs.md).
"""

from __future__ import annotations

import logging
from typing import Any

from lsprotocol import types
from pygls.exceptions import (
    JsonRpcException,
    JsonRpcInternalError,
    JsonRpcInvalidParams,
    JsonRpcInvalidRequest,
)
from pygls.protocol import LanguageServerProtocol, lsp_method

log = logging.getLogger("ztlint.lsp")


def _is_id(value: Any) -> bool:
    return isinstance(value, (int, str)) and not isinstance(value, bool)


class ZtlintProtocol(LanguageServerProtocol):
    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
        """pygls keeps its own copy of every open document and patches it on each change, at
        a cost proportional to the file. The engine keeps the text itself
        (IncrementalDocument), so changes skip pygls's copy; nothing in this server reads
        ``ls.workspace`` documents."""
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams):
        """Nor does didOpen file a copy in pygls's workspace: it would be a second copy of
        every open document's text, never updated (didChange skips it)."""
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield handler, (params,), None

    def _execute_handler(self, msg_id, handler, callback, args=None, kwargs=None):
        """pygls files the future of a generator or coroutine handler under the message id
        and removes it only when it answers a request, so the futures of notifications (each
        didOpen, didChange and didClose runs a generator) and of the handlers a generator
        yields to are kept for ever. Forget each one when it is done."""
        def done(future):
            # a cancelled one is already gone (or being cancelled by shutdown, which iterates)
            if not future.cancelled() and self._request_futures.get(msg_id) is future:
                del self._request_futures[msg_id]
            callback(future)
        super()._execute_handler(msg_id, handler, done, args, kwargs)

    def handle_value(self, data: Any) -> None:
        """One JSON value read from the client: check it, then handle it as pygls would."""
        if not isinstance(data, dict):
            log.warning("ignored a JSON value that is not a message")
            return
        msg_id, method = data.get("id"), data.get("method")
        is_request = "id" in data and "method" in data
        if data.get("jsonrpc") != self.VERSION or (method is not None and not isinstance(method, str)):
            self._refuse(data, JsonRpcInvalidRequest(), "not a JSON-RPC 2.0 message")
            return
        if "id" in data and not _is_id(msg_id):
            log.warning("ignored a message with an invalid id")
            return
        try:
            message = self.structure_message(data)
        except Exception:  # noqa: BLE001 - pygls logged the details
            error = JsonRpcInvalidParams(message=f"Invalid params for {method}") if is_request \
                else JsonRpcInvalidRequest()
            self._refuse(data, error, f"could not read a {method or 'response'} message")
            return
        try:
            self.handle_message(message)
        except Exception:  # noqa: BLE001 - one message must not end the loop
            log.exception("could not handle %s", method or "a response")
            if is_request:
                self._send_response(msg_id, error=JsonRpcInternalError().to_response_error())

    def _refuse(self, data: dict, error: JsonRpcException, why: str) -> None:
        msg_id = data.get("id")
        log.warning("%s", why)
        if not _is_id(msg_id):
            return
        if "method" in data:
            self._send_response(msg_id, error=error.to_response_error())
        elif msg_id in self._request_futures:  # a malformed answer to one of our requests
            self._handle_response(msg_id, error=types.ResponseError(
                code=error.code, message=f"malformed response: {why}"))
