"""pygls plumbing: the protocol and server classes.

What changes from pygls's defaults:

* ``initialize`` negotiates the position encoding (UTF-8 when the client
  offers it, else UTF-16; :func:`syntaqlite.lsp.convert.negotiate`) and
  answers with it;
* text synchronisation goes to the session's own documents
  (:mod:`syntaqlite.lsp.documents`), not to pygls's workspace, so that every
  position is converted in one place with LSP's line breaks;
* a request whose params do not fit the method's type is answered with an
  ``InvalidParams`` error (pygls would drop it, leaving the client waiting);
* errors outside requests go to the client's log (``window/logMessage``),
  not to a pop-up, and never stop the server;
* the futures pygls keeps for handlers it runs on its own behalf (the
  notification handlers, the steps of its generator handlers) are dropped
  when they finish: pygls 2.1 keeps each one for good, about 2 KB per edit
  (``docs/upstream/pygls-request-futures.md``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Generator
from functools import partial
from typing import TYPE_CHECKING, Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method

from .convert import negotiate

if TYPE_CHECKING:
    from .session import Session

log = logging.getLogger("syntaqlite.lsp")

INVALID_PARAMS = -32602


class _Answered:
    """Stands for a request already answered with an error."""

    jsonrpc = "2.0"


_ANSWERED = _Answered()


class SyntaqliteProtocol(LanguageServerProtocol):
    _server: SyntaqliteServer
    _loop: asyncio.AbstractEventLoop | None = None

    @lsp_method(types.INITIALIZE)
    def lsp_initialize(self, params: types.InitializeParams) -> Generator[Any, Any, types.InitializeResult]:
        general = params.capabilities.general
        encoding = negotiate(general.position_encodings if general is not None else None)
        capabilities = self._converter.unstructure(params.capabilities)
        self._server.session.initialize(params, encoding, capabilities)
        result: types.InitializeResult = yield from super().lsp_initialize(params)
        result.capabilities.position_encoding = encoding
        return result

    # Text synchronisation: only our handlers, not pygls's workspace.

    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(
        self, params: types.DidOpenTextDocumentParams
    ) -> Generator[Any, Any, None]:
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(
        self, params: types.DidChangeTextDocumentParams
    ) -> Generator[Any, Any, None]:
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(
        self, params: types.DidCloseTextDocumentParams
    ) -> Generator[Any, Any, None]:
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield handler, (params,), None

    @lsp_method(types.SHUTDOWN)
    def lsp_shutdown(self, *args: Any) -> Generator[Any, Any, None]:
        self._server.session.shutdown()
        yield from super().lsp_shutdown(*args)

    # pygls stores the future of every handler it runs in
    # ``_request_futures``, under the request's id or, for a notification
    # and for each step of a generator handler, under a fresh uuid; only a
    # request's entry is ever removed (when its answer is sent, or it is
    # cancelled).  Remove the others when they are done.

    def _execute_handler(
        self,
        msg_id: Any,
        handler: Any,
        callback: Any,
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
    ) -> None:
        if self._loop is None:
            try:
                self._loop = asyncio.get_running_loop()
            except RuntimeError:
                pass
        super()._execute_handler(msg_id, handler, callback, args, kwargs)
        future = self._request_futures.get(msg_id)
        if future is not None:
            future.add_done_callback(partial(self._forget_future, msg_id))

    def _forget_future(self, msg_id: Any, future: Any) -> None:
        # Called where the future finishes (a worker thread, or inside a
        # loop over the futures, as pygls's shutdown cancels them): remove
        # the entry from the event loop, after that.
        try:
            loop = asyncio.get_running_loop() if self._loop is None else self._loop
            loop.call_soon_threadsafe(self._drop_future, msg_id, future)
        except RuntimeError:  # no loop (closed, or unit tests): nothing iterates
            self._drop_future(msg_id, future)

    def _drop_future(self, msg_id: Any, future: Any) -> None:
        if self._request_futures.get(msg_id) is future:
            del self._request_futures[msg_id]

    # Malformed messages.

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            msg_id = data.get("id")
            method = data.get("method")
            if isinstance(msg_id, (int, str)) and isinstance(method, str):
                cause = exc.__cause__ or exc
                message = f"invalid params for {method}: {str(cause).splitlines()[0] if str(cause) else type(cause).__name__}"
                log.warning("%s", message)
                self._send_response(msg_id, error=types.ResponseError(code=INVALID_PARAMS, message=message))
                return _ANSWERED
            raise

    def handle_message(self, message: Any) -> None:
        if message is _ANSWERED:
            return
        super().handle_message(message)


class SyntaqliteServer(LanguageServer):
    """The language server; ``session`` holds its state."""

    session: Session

    def report_server_error(self, error: Exception, source: Any) -> None:
        from .session import RequestFailed

        if isinstance(error, RequestFailed):
            return
        try:
            self.window_log_message(
                types.LogMessageParams(
                    type=types.MessageType.Error,
                    message=f"syntaqlite: {getattr(source, '__name__', source)}: {error}",
                )
            )
        except Exception:  # reporting must never fail
            log.exception("could not report %s", error)


class QuietExpectedErrors(logging.Filter):
    """Drop pygls's tracebacks for errors that are answers, not faults
    (:class:`~syntaqlite.lsp.session.RequestFailed`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        from .session import RequestFailed

        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, RequestFailed)
