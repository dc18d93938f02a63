"""The fast start: answer ``initialize`` and publish the first document's
diagnostics before pygls and lsprotocol are imported.

Importing them takes most of a second (``lsprotocol.types`` alone builds a
thousand attrs classes); the parser and the validator load in a fraction of
that.  So ``syntaqlite lsp`` first reads the client's messages itself (from
the file descriptor, with a deadline):

1. ``initialize`` is answered with the capabilities the server will have:
   ``capabilities.json``, written from the real server by
   ``python -m syntaqlite.lsp.fast --write`` (the client-dependent points,
   the position encoding, rename's prepareProvider and willSave, are decided
   here as pygls decides them; tests compare both answers);
2. after ``initialized``, the first ``textDocument/didOpen`` gets its
   diagnostics through the same pipeline the server uses (the document
   chunks, the validator, the project's configuration), sent as the same
   JSON;
3. then the real server starts and reads every message from the start
   again, ``initialize`` included: its own answer to it is dropped (the
   client has one), everything else goes out as usual (the server publishes
   the first diagnostics again, the same).

Anything unexpected (another message first, a configuration problem to
report, a deadline passing, Windows, ``SYNTAQLITE_LSP_FAST=0``) just starts
the real server sooner, with whatever was read handed to it.
"""

from __future__ import annotations

import json
import os
import select
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:
    from .settings import EditorSettings

CAPABILITIES = Path(__file__).with_name("capabilities.json")
WAIT = 0.25  # seconds to wait for the next message after initialize


class Frames:
    """LSP messages read from a file descriptor, every byte kept."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.data = bytearray()
        self.pos = 0

    def _fill(self, timeout: float | None) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        chunk = os.read(self.fd, 65536)
        if not chunk:
            raise EOFError
        self.data += chunk
        return True

    def next(self, timeout: float | None = None) -> dict[str, Any] | None:
        """The next message (None: none came in ``timeout`` seconds)."""
        while True:
            found = take_message(self.data, self.pos)
            if found is not None:
                message, self.pos = found
                return message
            if not self._fill(timeout):
                return None


def take_message(data: bytes | bytearray, pos: int) -> tuple[dict[str, Any], int] | None:
    """The message framed at ``pos`` and the offset after it (None: it is
    not all there yet)."""
    end = data.find(b"\r\n\r\n", pos)
    if end < 0:
        return None
    length = None
    for line in bytes(data[pos:end]).split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    if length is None:
        raise ValueError("a message without Content-Length")
    body_end = end + 4 + length
    if len(data) < body_end:
        return None
    message = json.loads(bytes(data[end + 4 : body_end]))
    if not isinstance(message, dict):
        raise ValueError("a message that is not an object")
    return message, body_end


class Replay:
    """What pygls reads: the bytes the fast start read, then the stream."""

    def __init__(self, data: bytes, stream: BinaryIO) -> None:
        self.data = data
        self.pos = 0
        self.stream = stream
        self.lock = threading.Lock()

    def readline(self) -> bytes:
        with self.lock:
            if self.pos < len(self.data):
                end = self.data.find(b"\n", self.pos)
                if end >= 0:
                    line = self.data[self.pos : end + 1]
                    self.pos = end + 1
                    return line
                head = self.data[self.pos :]
                self.pos = len(self.data)
                return head + self.stream.readline()
        return self.stream.readline()

    def read(self, n: int = -1) -> bytes:
        with self.lock:
            if self.pos < len(self.data):
                take = self.data[self.pos : self.pos + n] if n >= 0 else self.data[self.pos :]
                self.pos += len(take)
                if n < 0:
                    return take + self.stream.read()
                if len(take) < n:
                    return take + self.stream.read(n - len(take))
                return take
        return self.stream.read(n)

    def close(self) -> None:
        self.stream.close()


class DropReply:
    """What pygls writes to: the stream, less its reply to the
    ``initialize`` the fast start has answered."""

    def __init__(self, stream: BinaryIO, request_id: object) -> None:
        self.stream = stream
        self.request_id = request_id
        self.dropped = False

    def write(self, data: bytes) -> int:
        if not self.dropped:
            _header, _, body = data.partition(b"\r\n\r\n")
            try:
                message = json.loads(body)
            except ValueError:
                message = None
            if isinstance(message, dict) and "method" not in message and message.get("id") == self.request_id:
                self.dropped = True
                return len(data)
        return self.stream.write(data)

    def flush(self) -> None:
        self.stream.flush()

    def close(self) -> None:
        self.stream.close()


def _get(data: object, path: str) -> object:
    for key in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _send(stream: BinaryIO, message: dict[str, Any]) -> None:
    body = json.dumps(message).encode("utf-8")
    stream.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    stream.flush()


def initialize_result(params: dict[str, Any]) -> dict[str, Any]:
    """The answer to ``initialize`` the server gives, for these params."""
    from .. import __version__
    from .convert import negotiate

    templates = json.loads(CAPABILITIES.read_text(encoding="utf-8"))
    prepare = bool(_get(params, "capabilities.textDocument.rename.prepareSupport"))
    capabilities = templates["prepare" if prepare else "plain"]
    encodings = _get(params, "capabilities.general.positionEncodings")
    capabilities["positionEncoding"] = negotiate(encodings if isinstance(encodings, list) else None)
    # pygls says willSave(WaitUntil) false (the server does not take them)
    # when the client mentions them at all, and nothing when it does not.
    sync = capabilities["textDocumentSync"]
    for key in ("willSave", "willSaveWaitUntil"):
        if _get(params, f"capabilities.textDocument.synchronization.{key}") is not None:
            sync[key] = False
    return {"capabilities": capabilities, "serverInfo": {"name": "syntaqlite", "version": __version__}}


def first_diagnostics(
    init: dict[str, Any], opened: dict[str, Any], defaults: EditorSettings | None = None
) -> dict[str, Any] | None:
    """The ``publishDiagnostics`` the server sends for a just-opened
    document (None: leave it to the server)."""
    from pygls.uris import to_fs_path

    from .convert import diagnostic_json, negotiate
    from .documents import MAX_ANALYZED_CHARS, Analyzer
    from .settings import EditorSettings, resolve_settings, workspace_roots
    from .validation import ValidatorSemantics

    item = opened.get("textDocument")
    if not isinstance(item, dict):
        return None
    uri, text, version = item.get("uri"), item.get("text"), item.get("version")
    if not isinstance(uri, str) or not isinstance(text, str) or not isinstance(version, int):
        return None
    if len(text) > MAX_ANALYZED_CHARS:
        return None
    if item.get("languageId") == "python" or uri.endswith(".py"):
        return None  # SQL inside Python: the server's own pipeline (python_documents.py)
    encodings = _get(init, "capabilities.general.positionEncodings")
    encoding = negotiate(encodings if isinstance(encodings, list) else None)
    folders = init.get("workspaceFolders") or []
    roots = workspace_roots(
        [f["uri"] for f in folders if isinstance(f, dict) and isinstance(f.get("uri"), str)],
        init.get("rootUri") if isinstance(init.get("rootUri"), str) else None,
        init.get("rootPath") if isinstance(init.get("rootPath"), str) else None,
    )
    editor = EditorSettings.from_mapping(init.get("initializationOptions"), defaults)
    fs_path = to_fs_path(uri) if uri.startswith("file:") else None
    path = Path(fs_path) if fs_path else None
    settings = resolve_settings(path, roots, editor)
    if settings.problems:
        return None  # the server shows them
    analysis = Analyzer(uri).analyze(text, version, path, settings.config, settings.target, encoding)
    found = analysis.syntax_errors + list(ValidatorSemantics().diagnostics(analysis))
    related = bool(_get(init, "capabilities.textDocument.publishDiagnostics.relatedInformation"))
    return {
        "jsonrpc": "2.0",
        "method": "textDocument/publishDiagnostics",
        "params": {
            "uri": uri,
            "diagnostics": [
                diagnostic_json(d, analysis.index, uri, related_information=related) for d in found
            ],
            "version": version,
        },
    }


def fast_start(editor: EditorSettings | None = None) -> tuple[Replay, DropReply] | None:
    """Answer what can be answered before the server is loaded; the streams
    the server then reads and writes (None: start it as usual)."""
    if os.name == "nt" or os.environ.get("SYNTAQLITE_LSP_FAST") == "0":
        return None
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    try:
        fd = stdin.fileno()
    except (AttributeError, OSError, ValueError):
        return None
    frames = Frames(fd)
    answered: object = None
    try:
        message = frames.next()
        if message is not None and message.get("method") == "initialize" and "id" in message:
            init = message.get("params") if isinstance(message.get("params"), dict) else {}
            assert isinstance(init, dict)
            _send(stdout, {"jsonrpc": "2.0", "id": message["id"], "result": initialize_result(init)})
            answered = message["id"]
            while True:
                following = frames.next(timeout=WAIT)
                if following is None or following.get("method") != "initialized":
                    break
            if following is not None and following.get("method") == "textDocument/didOpen":
                params = following.get("params")
                published = first_diagnostics(init, params, editor) if isinstance(params, dict) else None
                if published is not None:
                    _send(stdout, published)
    except EOFError:
        pass
    except Exception as exc:  # noqa: BLE001 - the server will do it all, and say what is wrong
        print(f"syntaqlite lsp: fast start skipped: {type(exc).__name__}: {exc}", file=sys.stderr)
    replay = Replay(bytes(frames.data), stdin)
    return replay, DropReply(stdout, answered)


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
        while (found := take_message(proc.stdout, pos)) is not None:
            message, pos = found
            if message.get("id") == 1:
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
