"""The front door: the one reader of the client's messages, from the first
byte to the last, and the early answers given before pygls is loaded.

Importing pygls and lsprotocol takes most of a second (``lsprotocol.types``
alone builds a thousand attrs classes); the parser and the validator load
in a fraction of that.  So ``syntaqlite lsp`` reads and frames the client's
messages itself (:class:`Wire`), for the server's whole life:

1. ``initialize`` is answered at once with the capabilities the server will
   have: ``capabilities.json``, written from the real server by
   ``python -m syntaqlite.lsp.fast --write`` (the client-dependent points,
   the position encoding, rename's prepareProvider and willSave, are decided
   here as pygls decides them; tests compare both answers);
2. after ``initialized``, the first ``textDocument/didOpen`` (up to
   :data:`EARLY_MAX_CHARS`) is analysed and its diagnostics are published,
   through the pipeline the server uses (the document chunks, the
   validator, the project's configuration), as the same JSON;
3. meanwhile pygls and the server's modules are imported on a thread
   (:class:`Loader`; it starts once the first document is published, or
   after :data:`WAIT` seconds without one), and the requests editors send
   at once about that document (:data:`ANSWERED_EARLY`: completion, hover,
   semantic tokens, folding ranges, symbols) are answered here, by the
   functions the server's features call (they build the JSON without
   lsprotocol); such a request is not passed on.  Another request waits for the server (it
   changes nothing, so the ones after it can still be answered here);
4. once the server is loaded, or at the first notification that may change
   those answers (an edit of that document, a configuration or schema file
   opened, a configuration change ...; opening or editing another document
   does not, :meth:`Early.leaves_answers`), the server is created
   *with that work*: the document's analyzer and the semantic model's cache
   are handed to its session (:class:`Early`), so the document is analysed
   once.  The other messages read so far are handed over as parsed
   messages, each once and in order: the server runs its ``initialize``
   handler (its answer is not sent again) and opens the document from the
   analysis it already has.  From then on a reader thread hands each
   message to the server's event loop as it arrives.

What the wire carries is checked here, as JSON-RPC asks:

* a body that is not UTF-8 or not JSON is answered with a ``-32700`` parse
  error, a JSON value that is not a JSON-RPC message (a batch, no method,
  a wrong ``jsonrpc``) with ``-32600`` (with the request's id when it has
  one), and both are written to the client's log;
* framing that cannot be followed (a header block without a usable
  ``Content-Length``, an unknown charset, headers that never end) leaves no
  way to find the next message: the server says why on stderr and in the
  client's log, and exits with status 1 so that the editor restarts it.

``SYNTAQLITE_LSP_FAST=0`` skips the early answers (the server then answers
everything itself, through the same reader).
"""

from __future__ import annotations

import json
import os
import select
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from .client import ClientSupport, get

if TYPE_CHECKING:
    from .documents import Analysis, Analyzer
    from .settings import EditorSettings
    from .validation import ValidatorSemantics

CAPABILITIES = Path(__file__).with_name("capabilities.json")
WAIT = 0.25
"""Seconds to wait for the first document after ``initialize`` before
loading the server (loading it while the document is analysed would slow
that down: they share the interpreter)."""
POLL = 0.02
"""Seconds between two looks at whether the server is loaded while no
message comes."""
EARLY_MAX_CHARS = 200_000
"""A larger first document is left to the server, which analyses it on its
own thread, publishing progressively, while it answers other requests."""
MAX_HEADER = 65536  # bytes of headers without the blank line that ends them

PARSE_ERROR = -32700
INVALID_REQUEST = -32600


class BrokenFraming(Exception):
    """The stream cannot be framed into messages any more."""


@dataclass(frozen=True)
class Invalid:
    """A frame that is not a JSON-RPC message: the error to answer it with."""

    code: int
    message: str
    id: int | str | None = None

    def reply(self) -> dict[str, Any]:
        return {"jsonrpc": "2.0", "id": self.id, "error": {"code": self.code, "message": self.message}}


Item = dict[str, Any] | Invalid


def take_frame(data: bytes | bytearray, pos: int) -> tuple[Item, int] | None:
    """The message framed at ``pos`` and the offset after it (None: it is not
    all there yet).  Raises :class:`BrokenFraming`."""
    end = data.find(b"\r\n\r\n", pos)
    if end < 0:
        if len(data) - pos > MAX_HEADER:
            raise BrokenFraming(f"no end of headers in the first {MAX_HEADER} bytes")
        return None
    length: int | None = None
    for line in bytes(data[pos:end]).split(b"\r\n"):
        name, colon, value = line.partition(b":")
        if not colon:
            raise BrokenFraming(f"a header line without ':': {_show(line)}")
        key = name.strip().lower()
        if key == b"content-length":
            text = value.strip()
            if not text.isdigit():
                raise BrokenFraming(f"Content-Length is not a number: {_show(text)}")
            length = int(text)
        elif key == b"content-type":
            charset = value.lower().partition(b"charset=")[2].strip().strip(b'"')
            if charset and charset not in (b"utf-8", b"utf8"):
                raise BrokenFraming(f"unsupported charset {_show(charset)}")
    if length is None:
        raise BrokenFraming("a header block without Content-Length")
    body_end = end + 4 + length
    if len(data) < body_end:
        return None
    with memoryview(data) as whole, whole[end + 4 : body_end] as body:  # decoded with no copy
        return parse_body(body), body_end


def _show(raw: bytes) -> str:
    return repr(raw[:60].decode("utf-8", "replace"))


def parse_body(body: bytes | memoryview) -> Item:
    """A message body as a JSON-RPC message, or the error that answers it."""
    try:
        text = str(body, "utf-8")
    except UnicodeDecodeError as exc:
        return Invalid(PARSE_ERROR, f"Parse error: the message is not valid UTF-8 (byte {exc.start})")
    try:
        message = json.loads(text)
    except ValueError as exc:
        return Invalid(PARSE_ERROR, f"Parse error: {exc}")
    if not isinstance(message, dict):
        kind = "a batch (an array), which LSP does not use" if isinstance(message, list) else "not an object"
        return Invalid(INVALID_REQUEST, f"Invalid Request: the message is {kind}")
    msg_id = message.get("id")
    if "id" in message and not (isinstance(msg_id, (int, str)) and not isinstance(msg_id, bool)):
        if not ("error" in message and msg_id is None):  # an error answer may have a null id
            return Invalid(INVALID_REQUEST, "Invalid Request: id must be a number or a string")
    good_id = msg_id if isinstance(msg_id, (int, str)) and not isinstance(msg_id, bool) else None
    if message.get("jsonrpc") != "2.0":
        return Invalid(INVALID_REQUEST, 'Invalid Request: "jsonrpc" must be "2.0"', good_id)
    if "method" in message:
        if not isinstance(message["method"], str):
            return Invalid(INVALID_REQUEST, "Invalid Request: method must be a string", good_id)
        params = message.get("params")
        if params is not None and not isinstance(params, (dict, list)):
            return Invalid(INVALID_REQUEST, "Invalid Request: params must be an object or an array", good_id)
    elif "id" not in message or ("result" not in message and "error" not in message):
        return Invalid(INVALID_REQUEST, "Invalid Request: neither a request, a notification nor a response")
    return message


class Wire:
    """The client's messages, read from a file descriptor."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.data = bytearray()
        self.pos = 0

    def _fill(self, timeout: float | None) -> bool:
        if timeout is not None:
            ready, _, _ = select.select([self.fd], [], [], timeout)
            if not ready:
                return False
        chunk = os.read(self.fd, 65536)
        if not chunk:
            raise EOFError
        if self.pos > 65536:
            del self.data[: self.pos]
            self.pos = 0
        self.data += chunk
        return True

    def next(self, timeout: float | None = None) -> Item | None:
        """The next message (None: none came in ``timeout`` seconds).
        Raises EOFError at the end of the stream, :class:`BrokenFraming`."""
        while True:
            found = take_frame(self.data, self.pos)
            if found is not None:
                item, self.pos = found
                return item
            if not self._fill(timeout):
                return None


class Output:
    """The server's stdout: whole frames, one writer at a time.  It drops
    one answer (to the ``initialize`` the early start has answered), and
    whatever is sent once it is closed (after ``exit``, or when the client
    has gone)."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.lock = threading.Lock()
        self.drop_id: object = None
        self.closed = False

    def write(self, data: bytes) -> None:
        if self.drop_id is not None:
            _header, _, body = data.partition(b"\r\n\r\n")
            try:
                message = json.loads(body)
            except ValueError:
                message = None
            if isinstance(message, dict) and "method" not in message and message.get("id") == self.drop_id:
                self.drop_id = None
                return
        with self.lock:
            if self.closed:
                return
            try:
                self.stream.write(data)
                self.stream.flush()
            except (OSError, ValueError):  # the client has gone
                self.closed = True

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode("utf-8")
        self.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def log(self, text: str, kind: int = 1) -> None:
        """A line in the client's log (``window/logMessage``; 1 is Error)."""
        self.send(
            {"jsonrpc": "2.0", "method": "window/logMessage", "params": {"type": kind, "message": text}}
        )

    def close(self) -> None:
        with self.lock:
            self.closed = True
            self.stream.close()


def initialize_result(params: dict[str, Any]) -> dict[str, Any]:
    """The answer to ``initialize`` the server gives, for these params."""
    from .. import __version__
    from .convert import negotiate

    templates = json.loads(CAPABILITIES.read_text(encoding="utf-8"))
    prepare = bool(get(params, "capabilities.textDocument.rename.prepareSupport"))
    capabilities = templates["prepare" if prepare else "plain"]
    encodings = get(params, "capabilities.general.positionEncodings")
    capabilities["positionEncoding"] = negotiate(encodings if isinstance(encodings, list) else None)
    # pygls says willSave(WaitUntil) false (the server does not take them)
    # when the client mentions them at all, and nothing when it does not.
    sync = capabilities["textDocumentSync"]
    for key in ("willSave", "willSaveWaitUntil"):
        if get(params, f"capabilities.textDocument.synchronization.{key}") is not None:
            sync[key] = False
    return {"capabilities": capabilities, "serverInfo": {"name": "syntaqlite", "version": __version__}}


class Loader:
    """Imports the server's modules (pygls, lsprotocol) on a thread, while
    the front door answers."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            # what the front door answers with is imported here, not by both threads at once
            from .features import completion, folding, hover, semantic_tokens, symbols  # noqa: F401

            self._thread = threading.Thread(target=self._load, name="syntaqlite-load", daemon=True)
            self._thread.start()

    @property
    def started(self) -> bool:
        return self._thread is not None

    def _load(self) -> None:
        try:
            from .features import registrations
            from .server import create_server  # noqa: F401

            registrations()  # imports the features' modules
        except BaseException:  # noqa: BLE001 - imported again by run(), where the error is reported
            pass
        finally:
            self.done.set()


ANSWERED_EARLY = frozenset(
    {
        "textDocument/completion",
        "textDocument/hover",
        "textDocument/semanticTokens/full",
        "textDocument/foldingRange",
        "textDocument/documentSymbol",
    }
)
"""The requests the front door answers (about the document it analysed),
with the functions the server's features call."""


@dataclass
class Early:
    """What the early start did, for the server to take over: the semantic
    model (with its cache) and, per document URI, the analyzer and the
    version and diagnostics (as JSON) it published."""

    semantics: ValidatorSemantics | None = None
    analyzers: dict[str, Analyzer] = field(default_factory=dict)
    published: dict[str, tuple[int, list[dict[str, Any]]]] = field(default_factory=dict)
    analyses: dict[str, Analysis] = field(default_factory=dict)
    """The analysis of each document, for the requests answered here."""
    answered: set[int | str] = field(default_factory=set)
    """The ids of the requests answered here."""
    schemas: set[Path] = field(default_factory=set)
    """The schema files of the documents analysed here (resolved)."""

    def leaves_answers(self, message: dict[str, Any]) -> bool:
        """Whether notification ``message`` leaves the answers about the
        documents analysed here as they are: it opens, edits, saves or
        closes another document, neither a configuration file nor one of
        their schema files (the validator reads no other document).  The
        requests about them that follow can still be answered here while
        the server loads, and the notification is handed to it with the
        rest."""
        from .settings import CONFIG_FILES, document_path

        if _method(message) not in _OTHER_DOCUMENT or not self.analyses:
            return False
        uri = get(message, "params.textDocument.uri")
        if not isinstance(uri, str) or uri in self.analyses:
            return False
        path = document_path(uri)
        if path is None:
            return True  # not a file: no configuration or schema file
        return path.name not in CONFIG_FILES and path.resolve() not in self.schemas

    def first_diagnostics(
        self, init: dict[str, Any], opened: dict[str, Any], defaults: EditorSettings | None = None
    ) -> dict[str, Any] | None:
        """The ``publishDiagnostics`` the server sends for a just-opened
        document (None: leave it to the server)."""
        from .convert import diagnostic_json, negotiate
        from .documents import Analyzer
        from .settings import EditorSettings, document_path, resolve_settings, workspace_roots
        from .validation import ValidatorSemantics

        item = opened.get("textDocument")
        if not isinstance(item, dict):
            return None
        uri, text, version = item.get("uri"), item.get("text"), item.get("version")
        if not isinstance(uri, str) or not isinstance(text, str) or not isinstance(version, int):
            return None
        if len(text) > EARLY_MAX_CHARS:
            return None
        if item.get("languageId") == "python" or uri.endswith(".py"):
            return None  # SQL inside Python: the server's own pipeline (python_documents.py)
        encodings = get(init, "capabilities.general.positionEncodings")
        encoding = negotiate(encodings if isinstance(encodings, list) else None)
        folders = init.get("workspaceFolders") or []
        roots = workspace_roots(
            [f["uri"] for f in folders if isinstance(f, dict) and isinstance(f.get("uri"), str)],
            init.get("rootUri") if isinstance(init.get("rootUri"), str) else None,
            init.get("rootPath") if isinstance(init.get("rootPath"), str) else None,
        )
        editor = EditorSettings.from_mapping(init.get("initializationOptions"), defaults)
        path = document_path(uri)
        settings = resolve_settings(path, roots, editor)
        if settings.problems:
            return None  # the server shows them
        if self.semantics is None:
            self.semantics = ValidatorSemantics()
        analyzer = Analyzer(uri)
        analysis = analyzer.analyze(text, version, path, settings.config, settings.target, encoding)
        found = analysis.syntax_errors + list(self.semantics.diagnostics(analysis))
        related = ClientSupport.from_json(init.get("capabilities")).related_information
        as_json = [diagnostic_json(d, analysis.index, uri, related_information=related) for d in found]
        self.analyzers[uri] = analyzer
        self.analyses[uri] = analysis
        self.schemas.update(p.resolve() for p in settings.config.schema_files_for(path))
        self.published[uri] = (version, as_json)
        return {
            "jsonrpc": "2.0",
            "method": "textDocument/publishDiagnostics",
            "params": {"uri": uri, "diagnostics": as_json, "version": version},
        }

    def answer(self, init: dict[str, Any], message: dict[str, Any]) -> dict[str, Any] | None:
        """The server's answer to one of the requests in :data:`ANSWERED_EARLY`
        about a document analysed here (None: leave it to the server)."""
        method = message.get("method")
        msg_id = message.get("id")
        if method not in ANSWERED_EARLY or msg_id is None or self.semantics is None:
            return None
        uri = get(message, "params.textDocument.uri")
        analysis = self.analyses.get(uri) if isinstance(uri, str) else None
        if analysis is None:
            return None  # the server answers (a warning for an unknown document)
        client = ClientSupport.from_json(init.get("capabilities"))
        result: object
        if method == "textDocument/semanticTokens/full":
            from .features.semantic_tokens import semantic_tokens

            result = semantic_tokens(analysis)
        elif method == "textDocument/foldingRange":
            from .features.folding import folding_ranges

            result = folding_ranges(analysis)
        elif method == "textDocument/documentSymbol":
            from .features.symbols import document_symbols

            result = document_symbols(analysis, client.hierarchical_symbols)
        else:
            line, character = get(message, "params.position.line"), get(message, "params.position.character")
            if not _is_uinteger(line) or not _is_uinteger(character):
                return None  # the server answers InvalidParams
            assert isinstance(line, int) and isinstance(character, int)
            if method == "textDocument/completion":
                from .features import completion

                markdown = client.markdown_completion
                result = completion.answer(analysis, line, character, self.semantics, markdown)
            else:
                from .features import hover

                result = hover.answer(analysis, line, character, self.semantics, client.markdown_hover)
        self.answered.add(msg_id)
        return {"jsonrpc": "2.0", "id": msg_id, "result": result}


_OTHER_DOCUMENT = frozenset(
    {"textDocument/didOpen", "textDocument/didChange", "textDocument/didSave", "textDocument/didClose"}
)


def _is_uinteger(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**31


def _method(item: Item | None) -> object:
    return item.get("method") if isinstance(item, dict) else None


def early_start(wire: Wire, out: Output, editor: EditorSettings | None) -> tuple[list[Item], Early]:
    """Answer ``initialize``, publish the first opened document's
    diagnostics and answer the requests of :data:`ANSWERED_EARLY` about it
    while the server loads; the messages read for the server, and what was
    done."""
    early = Early()
    pending: list[Item] = []
    message = wire.next()
    if message is None:
        return pending, early
    pending.append(message)
    if not (isinstance(message, dict) and _method(message) == "initialize" and "id" in message):
        return pending, early
    init = message.get("params") if isinstance(message.get("params"), dict) else {}
    assert isinstance(init, dict)
    out.send({"jsonrpc": "2.0", "id": message["id"], "result": initialize_result(init)})
    out.drop_id = message["id"]
    loader = Loader()
    deadline = time.monotonic() + WAIT
    opened = False
    while not loader.done.is_set():
        if loader.started:
            timeout = POLL
        else:
            # the first document is analysed before the server loads
            timeout = 0.0 if opened else max(0.0, deadline - time.monotonic())
        following = wire.next(timeout=timeout)
        if following is None:
            loader.start()
            continue
        if isinstance(following, dict):
            reply = _answer_early(early, init, following)
            if reply is not None:
                out.send(reply)
                continue
            cancelled = get(following, "params.id")
            if _method(following) == "$/cancelRequest" and isinstance(cancelled, (int, str)):
                if cancelled in early.answered:
                    continue  # answered already
        pending.append(following)
        method = _method(following)
        if method == "initialized":
            continue
        if isinstance(following, dict) and "id" in following and isinstance(method, str):
            # a request the server will answer (requests change nothing: the
            # ones after it can still be answered here)
            continue
        if method == "$/cancelRequest":
            continue  # of such a request
        if method == "textDocument/didOpen" and not opened:
            opened = True
            params = following.get("params") if isinstance(following, dict) else None
            try:
                published = (
                    early.first_diagnostics(init, params, editor) if isinstance(params, dict) else None
                )
            except Exception as exc:  # noqa: BLE001 - the server will do it, and say what is wrong
                print(
                    f"syntaqlite lsp: early diagnostics skipped: {type(exc).__name__}: {exc}", file=sys.stderr
                )
                early = Early(early.semantics)
                published = None
            if published is not None:
                out.send(published)
            continue
        if isinstance(following, dict) and early.leaves_answers(following):
            # another document (a large one is read and parsed here as it
            # comes; the server analyses it once loaded): the requests about
            # the first one are still answered here meanwhile
            continue
        break  # the server's to answer, and everything after it
    return pending, early


def _answer_early(early: Early, init: dict[str, Any], message: dict[str, Any]) -> dict[str, Any] | None:
    try:
        return early.answer(init, message)
    except Exception as exc:  # noqa: BLE001 - the server answers it (with the error, logged)
        print(f"syntaqlite lsp: early answer skipped: {type(exc).__name__}: {exc}", file=sys.stderr)
        return None


def serve(
    editor: EditorSettings | None = None, make_server: Any = None, *, early_answers: bool = True
) -> None:
    """Run the language server on stdin/stdout until ``exit`` or the end of
    the input.  ``make_server(semantics)``: the server to hand messages to
    (default: :func:`syntaqlite.lsp.server.create_server`); with
    ``early_answers`` false, it answers everything itself."""
    try:
        fd = sys.stdin.buffer.fileno()
    except (AttributeError, OSError, ValueError):
        fd = -1
    if fd < 0:
        raise SystemExit("syntaqlite lsp: stdin is not a file descriptor")
    wire, out = Wire(fd), Output(sys.stdout.buffer)
    pending: list[Item] = []
    early = Early()
    try:
        if early_answers and os.environ.get("SYNTAQLITE_LSP_FAST") != "0":
            pending, early = early_start(wire, out, editor)
    except EOFError:
        return
    except BrokenFraming as exc:
        broken(out, exc)
    from .run import run

    run(wire, out, pending, early, editor, make_server)


def broken(out: Output, exc: BrokenFraming) -> None:
    """Stop: the stream cannot be followed any more."""
    message = f"syntaqlite lsp: broken message framing from the client ({exc}); stopping"
    print(message, file=sys.stderr, flush=True)
    try:
        out.log(message)
    except OSError:
        pass
    os._exit(1)


def write_capabilities(path: Path = CAPABILITIES) -> None:
    """Record the real server's capabilities, for a client that supports
    prepareRename and one that does not, in ``capabilities.json``."""
    import subprocess

    recorded: dict[str, Any] = {}
    for name, caps in (("prepare", {"textDocument": {"rename": {"prepareSupport": True}}}), ("plain", {})):
        messages = [
            {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": caps}},
            {"jsonrpc": "2.0", "id": 2, "method": "shutdown"},
            {"jsonrpc": "2.0", "method": "exit"},
        ]
        data = b"".join(
            b"Content-Length: %d\r\n\r\n" % len(body) + body
            for body in (json.dumps(m).encode() for m in messages)
        )
        env = {**os.environ, "SYNTAQLITE_LSP_FAST": "0"}
        proc = subprocess.run(
            [sys.executable, "-m", "syntaqlite", "lsp"], input=data, capture_output=True, env=env, timeout=60
        )
        reply = None
        pos = 0
        while (found := take_frame(proc.stdout, pos)) is not None:
            message, pos = found
            if isinstance(message, dict) and message.get("id") == 1:
                reply = message
                break
        if reply is None:
            raise SystemExit(f"the server did not answer initialize: {proc.stderr.decode()}")
        capabilities = reply["result"]["capabilities"]
        capabilities.pop("positionEncoding", None)
        recorded[name] = capabilities
    path.write_text(json.dumps(recorded, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        raise SystemExit("usage: python -m syntaqlite.lsp.fast --write")
    write_capabilities()
    print(f"wrote {CAPABILITIES}")
