"""The server's state: open documents, configuration, the analysis thread,
and the diagnostics pipeline.

* Documents are updated on the event loop as notifications arrive
  (:class:`~syntaqlite.lsp.documents.Document`).
* Each open document has its own analysis thread, where all its parsing
  and every feature's computation about it run (the event loop stays free
  to read messages, and a large document never holds up requests about
  another: the parser and the validator are re-entrant).  Each document has
  an :class:`~syntaqlite.lsp.documents.Analyzer` there that re-parses only
  the statements an edit touched and caches the analysis per version.
* Diagnostics are published after ``didOpen`` and after edits.  An edit that
  comes after a pause is analysed at once; edits that follow each other
  within :data:`DEBOUNCE` seconds (typing) are coalesced and analysed when
  the typing pauses for that long.  Work is never stale: a job whose version
  is no longer the document's is skipped before it starts, an analysis stops
  between two statements when an edit makes it stale (what it parsed and
  checked is kept for the next one), and a result is published only if the
  document still has the version it was computed for.
* Diagnostics of a large document are published progressively: when it is
  new, the statements parsed so far are checked and published now and then
  (the first after half a second, in document order; see
  :meth:`~syntaqlite.lsp.documents.Analyzer.analyze`); a long re-parse
  publishes its syntax errors before it is checked; a long check (after a
  schema change) publishes what it has checked now and then
  (:class:`~syntaqlite.lsp.documents.Checkpoints`), the rest of the document
  keeping the diagnostics published last.  A new analysis asked for a
  document (an edit, a schema or configuration change) makes the running
  one stale.  The partial publishes go out inside work-done progress
  (:class:`_Progress`), whose end follows the complete one.
* While analysis threads run, the interpreter's switch interval is short
  (:func:`fast_switching`), and a large document's objects are kept out of
  the garbage collector's generations after each job: a request about a
  small document is not held up by the large one's work.
"""

from __future__ import annotations

import asyncio
import gc
import itertools
import logging
import sys
import threading
import time
import traceback
from bisect import bisect_left
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import TypeVar

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from ..config import clear_cache
from ..diagnostics import Diagnostic
from ..syntax.memory import gc_paused
from . import convert
from .client import ClientSupport
from .documents import CHECKPOINTS, STALE, Analysis, Analyzer, Checkpoints, Document, Stale
from .python_documents import PYTHON_REQUESTS, is_python_document, masked, python_diagnostics
from .python_documents import forget as forget_python
from .semantics import Semantics
from .settings import CONFIG_FILES, EditorSettings, Settings, resolve_settings, workspace_roots

DEBOUNCE = 0.15
"""Seconds of quiet after a burst of edits before re-analysing."""

PROGRESSIVE = 0.5
"""Seconds of parsing after which the syntax errors are published before
the document is checked."""

LARGE = 5000
"""Statements from which a document counts as large (see the analysis job)."""

SWITCH_INTERVAL = 0.0005
"""Seconds a thread runs before it hands the interpreter to another that
waits for it, while analysis threads run (Python's default is 0.005)."""

_switching_lock = threading.Lock()
_switching = 0
_default_interval = 0.005


class _FastSwitching:
    """While analysis threads run (counted across threads), a shorter
    switch interval: a request about a small document, handed from the
    reader thread to the event loop to its analysis thread and back, waits
    for the interpreter at each hand-over while a large document is
    analysed, up to the switch interval each time.  Python code of the
    analysis thread pays for it only when another thread is waiting."""

    __slots__ = ()

    def __enter__(self) -> None:
        global _switching, _default_interval
        with _switching_lock:
            if _switching == 0:
                _default_interval = sys.getswitchinterval()
                sys.setswitchinterval(min(SWITCH_INTERVAL, _default_interval))
            _switching += 1

    def __exit__(self, *exc: object) -> None:
        global _switching
        with _switching_lock:
            _switching -= 1
            if _switching == 0:
                sys.setswitchinterval(_default_interval)


def fast_switching() -> _FastSwitching:
    return _FastSwitching()


_offset = itemgetter(0)
_start = attrgetter("start")


class _Progress:
    """A long analysis of one document, shown to the user as work-done
    progress (``window/workDoneProgress/create``, then ``$/progress``
    begin, report, end), when the client takes it: every partial publish
    (what is checked so far) is sent between its begin and its end, and
    the complete one is the last before its end.  Begun at the first
    partial publish (held until the client has created the token), so a
    quick analysis shows nothing.  Used on the event loop."""

    def __init__(self, session: Session, doc: Document) -> None:
        self.session = session
        self.name = doc.path.name if doc.path is not None else doc.uri
        self.length = max(1, len(doc.text))
        self.token: str | None = None
        self.begun = False
        self.refused = False
        self.ended = False
        self.held: Callable[[], None] | None = None  # a partial publish waiting for the begin

    def partial(self, send: Callable[[], None], end: int | None) -> None:
        """Send a partial publish, what is known up to offset ``end``
        (None: not said), inside the progress."""
        percentage = None if end is None else min(99, end * 100 // self.length)
        if self.ended:
            return
        if self.refused or not self.session.client.work_done_progress:
            send()
        elif self.token is None:
            self.token = f"syntaqlite/analysis/{next(_tokens)}"
            self.held = send
            task = asyncio.ensure_future(self._begin(self.token, percentage))
            self.session._tasks.add(task)
            task.add_done_callback(self.session._tasks.discard)
        elif not self.begun:
            self.held = send  # it supersedes the one held
        else:
            send()
            self._notify(
                types.WorkDoneProgressReport(percentage=percentage, message=self._message(percentage))
            )

    async def _begin(self, token: str, percentage: int | None) -> None:
        protocol = self.session.server.protocol
        try:
            # the client creates the token first (it may refuse)
            await protocol.send_request_async(
                types.WINDOW_WORK_DONE_PROGRESS_CREATE, types.WorkDoneProgressCreateParams(token=token)
            )
        except Exception:  # noqa: BLE001 - no progress shown, the publishes go out as they come
            self.refused = True
        if self.ended:
            return  # the complete publish has gone: the one held is superseded
        if not self.refused:
            self.begun = True
            self._notify(
                types.WorkDoneProgressBegin(
                    title=f"Checking {self.name}",
                    cancellable=False,
                    message=self._message(percentage),
                    percentage=percentage,
                )
            )
        held, self.held = self.held, None
        if held is not None:
            held()

    def _message(self, percentage: int | None) -> str:
        return "diagnostics so far" if percentage is None else f"diagnostics of the first {percentage}%"

    def _notify(self, value: object) -> None:
        assert self.token is not None
        try:
            self.session.server.protocol.notify(
                types.PROGRESS, types.ProgressParams(token=self.token, value=value)
            )
        except Exception:  # noqa: BLE001 - the client may be gone
            pass

    def end(self) -> None:
        """The analysis is over (its complete publish sent, or it stopped)."""
        if self.begun and not self.ended:
            self._notify(types.WorkDoneProgressEnd())
        self.ended = True
        self.held = None


_tokens = itertools.count(1)

REQUEST_FAILED = -32803  # LSP's RequestFailed error code

T = TypeVar("T")
log = logging.getLogger("syntaqlite.lsp")


class RequestFailed(JsonRpcException):
    """A request that cannot be answered for a reason the user should read
    (formatting a file with syntax errors ...): sent as an LSP error, not
    logged as a server fault."""

    CODE = REQUEST_FAILED


@dataclass
class Session:
    """Everything the features share.  Created by
    :func:`syntaqlite.lsp.server.create_server`."""

    server: LanguageServer
    semantics: Semantics
    encoding: str = convert.UTF16
    editor: EditorSettings = field(default_factory=EditorSettings)
    defaults: EditorSettings = field(default_factory=EditorSettings)  # from the command line
    client: ClientSupport = field(default_factory=ClientSupport)
    roots: list[Path] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    _settings: dict[str, Settings] = field(default_factory=dict)
    _schemas_of: dict[str, frozenset[Path]] = field(default_factory=dict)
    _analyzers: dict[str, Analyzer] = field(default_factory=dict)  # analysis thread only
    _timers: dict[str, asyncio.TimerHandle] = field(default_factory=dict)
    _last_edit: dict[str, float] = field(default_factory=dict)
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)
    _shown: set[str] = field(default_factory=set)
    python_uris: set[str] = field(default_factory=set)  # documents analysed as Python (python_documents.py)
    _loop: asyncio.AbstractEventLoop | None = None
    _loop_thread: int = 0
    _workers: dict[str, ThreadPoolExecutor] = field(default_factory=dict)
    _published: dict[str, tuple[int, list[dict[str, object]]]] = field(
        default_factory=dict
    )  # by the early start: uri -> version and the diagnostics as JSON
    _last_published: dict[str, tuple[int, list[tuple[int, types.Diagnostic]]]] = field(
        default_factory=dict
    )  # uri -> version and the diagnostics with their offsets, in document order
    _generation: dict[str, int] = field(default_factory=dict)  # uri -> analyses asked for
    _closed: bool = False

    def worker(self, uri: str) -> ThreadPoolExecutor:
        """The analysis thread of document ``uri``."""
        found = self._workers.get(uri)
        if found is None:
            if self._closed:
                raise RuntimeError("the server is shutting down")
            found = self._workers[uri] = ThreadPoolExecutor(
                max_workers=1, thread_name_prefix="syntaqlite-analysis"
            )
        return found

    def adopt(
        self, analyzers: dict[str, Analyzer], published: dict[str, tuple[int, list[dict[str, object]]]]
    ) -> None:
        """Take over the analyzers of the documents the early start
        analysed (:mod:`.fast`), and what it published for each."""
        self._analyzers.update(analyzers)
        self._published.update(published)

    # -- messages to the client ----------------------------------------------------

    def log(self, message: str, kind: types.MessageType = types.MessageType.Log) -> None:
        """A line in the client's log (``window/logMessage``); never raises.
        Safe to call from the analysis thread (it is sent from the loop)."""
        loop = self._loop
        if loop is not None and threading.get_ident() != self._loop_thread:
            try:
                loop.call_soon_threadsafe(self.log, message, kind)
                return
            except RuntimeError:  # the loop is closed
                pass
        try:
            self.server.window_log_message(types.LogMessageParams(type=kind, message=message))
        except Exception:  # noqa: BLE001 - the client may be gone
            log.warning("%s", message)

    def show_once(self, message: str, kind: types.MessageType = types.MessageType.Warning) -> None:
        """A message shown to the user (``window/showMessage``), once per text."""
        if message in self._shown:
            return
        self._shown.add(message)
        self.log(message, kind)
        try:
            self.server.window_show_message(types.ShowMessageParams(type=kind, message=message))
        except Exception:  # noqa: BLE001
            log.warning("%s", message)

    def log_exception(self, what: str, exc: BaseException) -> None:
        trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        self.log(f"syntaqlite: {what} failed: {exc}\n{trace}", types.MessageType.Error)

    # -- lifecycle -----------------------------------------------------------------

    def initialize(self, params: types.InitializeParams, encoding: str, capabilities: object) -> None:
        """``capabilities``: the client's capabilities as JSON."""
        try:
            self._loop = asyncio.get_running_loop()
            self._loop_thread = threading.get_ident()
        except RuntimeError:  # not run by an event loop (unit tests)
            pass
        self.encoding = encoding
        self.client = ClientSupport.from_json(capabilities)
        self.editor = EditorSettings.from_mapping(params.initialization_options, self.defaults)
        self.roots = workspace_roots(
            [folder.uri for folder in params.workspace_folders or []], params.root_uri, params.root_path
        )

    def shutdown(self) -> None:
        for timer in self._timers.values():
            timer.cancel()
        self._timers.clear()
        self._closed = True
        for worker in self._workers.values():
            worker.shutdown(wait=False, cancel_futures=True)

    # -- configuration -------------------------------------------------------------

    def _resolve(self, path: Path | None) -> Settings:
        found = resolve_settings(path, self.roots, self.editor)
        for problem in found.problems:
            if problem.shown:
                self.show_once(problem.message, types.MessageType.Error)
            else:
                self.log(problem.message)
        return found

    def settings(self, uri: str) -> Settings:
        found = self._settings.get(uri)
        if found is None:
            doc = self.documents.get(uri)
            found = self._resolve(doc.path if doc is not None else None)
            self._settings[uri] = found
        return found

    def reload_configuration(self) -> None:
        """Configuration files or editor settings changed: read everything
        again and re-publish diagnostics."""
        clear_cache()
        self._settings.clear()
        self._schemas_of.clear()
        for uri in list(self.documents):
            self.schedule(uri, delay=0.0)

    def set_editor_settings(self, data: object) -> None:
        new = EditorSettings.from_mapping(data, self.editor)
        if new != self.editor:
            self.editor = new
            self.reload_configuration()

    # -- documents -----------------------------------------------------------------

    def open(self, item: types.TextDocumentItem) -> None:
        path = to_fs_path(item.uri) if item.uri.startswith("file:") else None
        doc = Document(item.uri, item.text, item.version, Path(path) if path else None, self.encoding)
        self.documents[item.uri] = doc
        if is_python_document(item.uri, doc.path, item.language_id):
            self.python_uris.add(item.uri)
        self._settings.pop(item.uri, None)
        self._schemas_of.pop(item.uri, None)
        self._last_edit.pop(item.uri, None)
        self.schedule(item.uri, delay=0.0)
        self._schema_text_changed(doc)

    def change(self, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        doc = self.documents.get(uri)
        if doc is None:
            self.log(f"syntaqlite: change to {uri}, which is not open: ignored", types.MessageType.Warning)
            return
        doc.apply(list(params.content_changes), params.text_document.version)
        self.schedule(uri)
        self._schema_text_changed(doc)

    def saved(self, uri: str) -> None:
        """``didSave``: a saved configuration file is read again (as for a
        watched-file event); a saved schema file re-checks what uses it."""
        doc = self.documents.get(uri)
        if doc is None or doc.path is None:
            return
        if doc.path.name in CONFIG_FILES:
            self.reload_configuration()
        else:
            self._schema_text_changed(doc, delay=0.0)

    # -- live schema files -----------------------------------------------------------

    def _schema_paths(self, uri: str) -> frozenset[Path]:
        """The schema files of document ``uri``, resolved (cached with its
        settings)."""
        found = self._schemas_of.get(uri)
        if found is None:
            doc = self.documents.get(uri)
            paths = self.settings(uri).config.schema_files_for(doc.path) if doc is not None else []
            found = self._schemas_of[uri] = frozenset(p.resolve() for p in paths)
        return found

    def _schema_text_changed(self, doc: Document, delay: float = DEBOUNCE, closed: bool = False) -> None:
        """``doc`` was opened, edited, saved or closed: if it is a schema file
        of open documents, its text in the editor counts for them (the file
        on disk once it is closed), and they are checked again."""
        from .validation import ValidatorSemantics

        if doc.path is None:
            return
        if isinstance(self.semantics, ValidatorSemantics):
            self.semantics.schemas.set_open_text(doc.path, None if closed else doc.text)
        me = doc.path.resolve()
        users = [uri for uri in self.documents if uri != doc.uri and me in self._schema_paths(uri)]
        for uri in users:
            self.schedule(uri, delay=delay)

    def close(self, uri: str) -> None:
        doc = self.documents.get(uri)
        if doc is not None:
            self._schema_text_changed(doc, delay=0.0, closed=True)
        self.documents.pop(uri, None)
        if uri in self.python_uris:
            self.python_uris.discard(uri)
            forget_python(uri)
        self._settings.pop(uri, None)
        self._schemas_of.pop(uri, None)
        self._last_edit.pop(uri, None)
        self._last_published.pop(uri, None)
        self._generation.pop(uri, None)
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        worker = self._workers.pop(uri, None)
        if worker is not None:
            try:
                worker.submit(self._analyzers.pop, uri, None)
                worker.submit(self.semantics.forget, uri)
            except RuntimeError:  # after shutdown
                pass
            worker.shutdown(wait=False)
        else:
            self._analyzers.pop(uri, None)
        self.server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    # -- diagnostics ------------------------------------------------------------------

    def schedule(self, uri: str, delay: float | None = None) -> None:
        """Analyse ``uri`` and publish its diagnostics: now after a pause (or
        when ``delay`` is 0), else once edits stop for :data:`DEBOUNCE`."""
        loop = asyncio.get_running_loop()
        if delay is None:
            now = loop.time()
            last = self._last_edit.get(uri)
            self._last_edit[uri] = now
            delay = 0.0 if last is None or now - last >= DEBOUNCE else DEBOUNCE
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        self._generation[uri] = self._generation.get(uri, 0) + 1  # what runs for it is stale
        self._timers[uri] = loop.call_later(delay, self._start_publish, uri)

    def _start_publish(self, uri: str) -> None:
        self._timers.pop(uri, None)
        task = asyncio.ensure_future(self._publish(uri))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _publish(self, uri: str) -> None:
        doc = self.documents.get(uri)
        if doc is None:
            return
        version = doc.version
        generation = self._generation.get(uri, 0)
        loop = asyncio.get_running_loop()
        progress = _Progress(self, doc)

        def stale() -> bool:
            return (
                doc.version != version
                or self.documents.get(uri) is not doc
                or self._generation.get(uri, 0) != generation
            )

        def send(
            found: list[tuple[int, types.Diagnostic]], as_json: list[dict[str, object]] | None = None
        ) -> None:
            if stale():
                return
            early = self._published.pop(uri, None)
            self._last_published[uri] = (version, sorted(found, key=_offset))
            if early is not None and early == (version, as_json):
                return  # the early start published exactly these
            self._send_diagnostics(uri, version, [d for _, d in found])

        def send_partial(found: list[tuple[int, types.Diagnostic]], end: int | None) -> None:
            """What is known so far: ``found``, the new diagnostics of the
            text before ``end`` (None: all the syntax errors), and after it
            those published last for this version (a re-check after a
            schema change: the rest of the document keeps its diagnostics
            until it is checked again)."""
            if stale():
                return
            shown = self._last_published.get(uri)
            mine = found
            if end is not None and shown is not None and shown[0] == version:
                mine = found + shown[1][bisect_left(shown[1], end, key=_offset) :]
            self._last_published[uri] = (version, sorted(mine, key=_offset))
            diagnostics = [d for _, d in mine]

            def publish() -> None:
                if not stale():
                    self._send_diagnostics(uri, version, diagnostics)

            progress.partial(publish, end)

        related = self.client.related_information
        reported = False

        def converted(
            found: Iterable[Diagnostic], index: convert.LineIndex
        ) -> list[tuple[int, types.Diagnostic]]:
            return [(d.start, convert.diagnostic(d, index, uri, related_information=related)) for d in found]

        def report(prefix: Analysis) -> None:
            """A large new document: the diagnostics of the statements
            parsed so far (see :meth:`Analyzer.analyze`), checked and
            published while the rest is parsed."""
            nonlocal reported
            self.semantic_diagnostics(prefix)
            found = converted(prefix.diagnostics, prefix.index)
            loop.call_soon_threadsafe(send_partial, found, len(prefix.text))
            reported = True

        run = self._job(doc, report)

        def job() -> tuple[list[tuple[int, types.Diagnostic]], list[dict[str, object]] | None] | None:
            if stale():
                return None  # a newer edit came in while this waited: skip
            token = STALE.set(stale)
            started = time.monotonic()
            try:
                with gc_paused(), fast_switching():  # see below and fast_switching
                    analysis = run()
                    if uri in self.python_uris:
                        found = python_diagnostics(
                            analysis.index.text, analysis.path, analysis.config, analysis.target
                        )
                        return converted(found, analysis.index), None
                    if not reported and time.monotonic() - started > PROGRESSIVE and analysis.syntax_errors:
                        # a long re-parse: its syntax errors while it is checked
                        first = converted(analysis.syntax_errors, analysis.index)
                        loop.call_soon_threadsafe(send_partial, first, None)

                    def checkpoint(end: int, semantic: list[Diagnostic]) -> None:
                        """A long check (a large document, or one whose
                        schema changed): what is checked so far."""
                        syntax = analysis.syntax_errors
                        before = syntax[: bisect_left(syntax, end, key=_start)]
                        found = converted(before, analysis.index) + converted(semantic, analysis.index)
                        loop.call_soon_threadsafe(send_partial, found, end)

                    points = CHECKPOINTS.set(Checkpoints(checkpoint))
                    try:
                        self.semantic_diagnostics(analysis)
                    finally:
                        CHECKPOINTS.reset(points)
                    if time.monotonic() - started > PROGRESSIVE or len(analysis.chunks) >= LARGE:
                        # A large document's trees and models (millions of
                        # objects, no reference cycles) would be walked by
                        # every full collection, a pause of seconds with every
                        # thread stopped: keep them out of the collector's
                        # generations (before it is on again), and so are,
                        # after an edit, the blocks and the objects it made.
                        gc.freeze()
            finally:
                STALE.reset(token)
            as_json = None
            if uri in self._published:  # to compare with what the early start sent
                as_json = [
                    convert.diagnostic_json(d, analysis.index, uri, related_information=related)
                    for d in analysis.diagnostics
                ]
            return converted(analysis.diagnostics, analysis.index), as_json

        try:
            found = await loop.run_in_executor(self.worker(uri), job)
            if found is not None:
                send(*found)
        except Stale:
            return  # the next job takes over
        except Exception as exc:  # noqa: BLE001 - keep serving
            self.log_exception(f"analysing {uri}", exc)
            return
        finally:
            progress.end()  # after the last publish: the ones before were partial

    def _send_diagnostics(self, uri: str, version: int, diagnostics: list[types.Diagnostic]) -> None:
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def semantic_diagnostics(self, analysis: Analysis) -> None:
        """Fill ``analysis.semantic_diagnostics``.  Asked again for the same
        analysis (a configuration or schema file changed), the semantics
        decide whether anything changed (the validator's answer is cached).
        Raises :class:`Stale` when the job it runs in became stale."""
        try:
            analysis.semantic_diagnostics = list(self.semantics.diagnostics(analysis))
        except Stale:
            raise
        except Exception as exc:  # noqa: BLE001 - a validator bug must not stop syntax errors
            self.log_exception("semantic analysis", exc)

    # -- requests -----------------------------------------------------------------------

    def _job(
        self, doc: Document, progress: Callable[[Analysis], None] | None = None
    ) -> Callable[[], Analysis]:
        """A function for the document's analysis thread that analyses
        ``doc`` as it is now (text, version and settings are captured here,
        on the loop); ``progress``: see :meth:`Analyzer.analyze`."""
        uri, text, version, path, encoding = doc.uri, doc.text, doc.version, doc.path, self.encoding
        settings = self.settings(uri)
        python = uri in self.python_uris

        def run() -> Analysis:
            analyzer = self._analyzers.get(uri)
            if analyzer is None:
                analyzer = self._analyzers[uri] = Analyzer(uri)
            if not python:
                # here, not on the event loop (and not for a text no longer the document's)
                index = doc.index_for(text) if doc.text is text else None
                return analyzer.analyze(
                    text, version, path, settings.config, settings.target, encoding, index, progress, doc
                )
            # The embedded SQL at its place; positions counted in the module's text.
            mask = masked(uri, text, settings.config)
            analysis = analyzer.analyze(mask, version, path, settings.config, settings.target, encoding)
            if analysis.index.text is not text:
                analysis.index = convert.LineIndex(text, encoding)
            return analysis

        return run

    async def request(self, uri: str, name: str, fn: Callable[[Analysis], T], default: T) -> T:
        """Answer a request about ``uri``: run ``fn`` on the document's
        current analysis, on the document's analysis thread.  An unknown
        document gets ``default``; an exception in ``fn`` is logged and
        answered with an error."""
        doc = self.documents.get(uri)
        if doc is None:
            self.log(f"syntaqlite: {name} for {uri}, which is not open: no result", types.MessageType.Warning)
            return default
        if uri in self.python_uris and name not in PYTHON_REQUESTS:
            return default  # formatting, symbols ...: the Python server's
        timer = self._timers.get(uri)
        if timer is not None and uri not in self._last_published and uri not in self._published:
            # A document just opened (editors ask for semantic tokens at
            # once): its first analysis is the publishing one, which
            # publishes a large document's diagnostics as it goes; the
            # request is answered from it, after it.
            timer.cancel()
            self._start_publish(uri)
            await asyncio.sleep(0)  # the publish job is queued first
            if self.documents.get(uri) is not doc:
                return default
        run = self._job(doc)

        def job() -> T:
            with fast_switching():
                return fn(run())

        try:
            return await asyncio.get_running_loop().run_in_executor(self.worker(uri), job)
        except JsonRpcException:
            raise
        except Exception as exc:  # noqa: BLE001 - answered with an error, and logged
            self.log_exception(name, exc)
            raise JsonRpcException(message=f"syntaqlite: {name} failed: {exc}", code=-32603) from None
