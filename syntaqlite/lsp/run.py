"""The server's event loop, fed by the front door (:mod:`.fast`).

pygls's own stdio loop is not used: the front door has already read (and
answered) the first messages, and it keeps framing the stream, so messages
reach pygls's protocol already parsed, each exactly once.  A reader thread
blocks on stdin and hands every message to the event loop, which
structures it into lsprotocol's types and dispatches it.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from .fast import BrokenFraming, Early, Invalid, Item, Output, Wire, broken

if TYPE_CHECKING:
    from .protocol import SyntaqliteServer
    from .semantics import Semantics
    from .settings import EditorSettings

log = logging.getLogger("syntaqlite.lsp")


def run(
    wire: Wire,
    out: Output,
    pending: list[Item],
    early: Early,
    editor: EditorSettings | None,
    make_server: Callable[[Semantics | None], SyntaqliteServer] | None = None,
) -> None:
    """Create the server (taking over what the early start did) and serve
    until ``exit`` or the end of the input."""
    from .protocol import QuietExpectedErrors
    from .server import create_server

    for name in ("pygls", "pygls.protocol.json_rpc"):
        logging.getLogger(name).addFilter(QuietExpectedErrors())
    if make_server is None:
        server = create_server(early.semantics, editor)
    else:
        server = make_server(early.semantics)
    server.session.adopt(early.analyzers, early.published)
    protocol = server.protocol
    protocol.set_writer(out)

    def dispatch(item: Item) -> None:
        if isinstance(item, Invalid):
            log.warning("%s", item.message)
            out.send(item.reply())
            out.log(f"syntaqlite lsp: a message from the client was refused: {item.message}")
            return
        try:
            message = protocol.structure_message(item)
            protocol.handle_message(message)
        except Exception as exc:
            log.exception("Unable to handle message")
            server.report_server_error(exc, type(exc))

    async def main() -> int:
        loop = asyncio.get_running_loop()
        done: asyncio.Future[int] = loop.create_future()

        def finish(code: int) -> None:
            if not done.done():
                done.set_result(code)

        def read() -> None:
            try:
                while True:
                    try:
                        item = wire.next()
                    except EOFError:
                        loop.call_soon_threadsafe(finish, 0)
                        return
                    except BrokenFraming as exc:
                        broken(out, exc)
                        return
                    except OSError as exc:
                        print(f"syntaqlite lsp: cannot read stdin: {exc}", file=sys.stderr)
                        loop.call_soon_threadsafe(finish, 1)
                        return
                    if item is not None:
                        loop.call_soon_threadsafe(dispatch, item)
            except RuntimeError:  # the loop is closed: the server has exited
                return

        for item in pending:
            dispatch(item)
        threading.Thread(target=read, name="syntaqlite-stdin", daemon=True).start()
        return await done

    code = 0
    try:
        code = asyncio.run(main())
    except SystemExit as exc:  # pygls's exit handler
        code = exc.code if isinstance(exc.code, int) else 0
    except BrokenPipeError:
        print("syntaqlite lsp: the client closed the connection", file=sys.stderr)
        code = 1
    finally:
        server.shutdown()  # type: ignore[no-untyped-call]
        server.session.shutdown()
    raise SystemExit(code)
