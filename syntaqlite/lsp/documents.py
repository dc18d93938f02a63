"""Open documents and their analysis, re-done incrementally after each edit.

Statement chunks
----------------
A document is cut into *statement chunks*: each chunk runs from just after
the semicolon that ends the previous statement up to and including the
semicolon that ends its own, so it holds one statement with the whitespace
and comments before it.  Where statements end is decided the way
``sqlite3_complete`` decides it (:func:`syntaqlite.syntax.parser.statement_end`),
so a CREATE TRIGGER body stays in one chunk.  The last chunk is what follows
the last semicolon (possibly empty, or an unterminated statement); the chunks
cover the text exactly, in order.

Each chunk's text is parsed *alone* (``parse(chunk_text, target)``): the
parser works statement by statement and starts afresh after every statement,
so a chunk's tree and diagnostics are those of the whole-file parse, with
offsets relative to the chunk.  :class:`Chunk` pairs that position-free
result (:class:`ChunkData`) with the chunk's offset in the document; features
shift by it.

Incremental re-analysis
-----------------------
After an edit, :meth:`Analyzer.analyze` compares the new text with the
previous chunks, without a diff:

1. from the front, every chunk whose text is still found at its offset is
   kept (its boundary is still one: the text before it is unchanged);
2. from the back, every chunk whose text is found at its offset shifted by
   the change in length is a candidate for reuse;
3. only the text between the two (the *region*) is tokenized and split
   again.  The old chunks after it are reused when the region ends exactly
   after a statement-ending semicolon (then lexing and splitting restart
   there as they did before, since a token never depends on the text before
   it); otherwise, as when an edit opens a string or a comment that now runs
   further, the region grows to the end of the text.

The common start and end of the two texts are found by comparing them in
blocks, from where the document's edits say they differ
(:meth:`Document.unchanged`).  The chunks' starts and data are persistent
blocks (:mod:`.blocks`): the new version copies the blocks the region
touches and moves the starts after it a block at a time.  So the work of an
edit in a 10 MB document is that of its statement, plus one copy of the
text (when the edit is applied).

Parsed chunks are cached by their text (a dict from chunk text to
:class:`ChunkData`, keeping the current and the previous generation), so a
chunk is parsed only when its text is new: typing in one statement of a
5,000-line file re-tokenizes and re-parses that statement alone, and
identical statements share one parse.  Changing the target SQLite (the
configuration) empties the cache.

Threads
-------
:class:`Document` (the text, updated by the event loop) is separate from the
:class:`Analyzer` (only ever used on its document's analysis thread).  An
:class:`Analysis` is an immutable snapshot for one version: features read it
on that thread and turn it into LSP results.

Stale work
----------
A job that finds, between two statements, that an edit has made it stale
(:data:`STALE`, set by the session for the job) stops with :class:`Stale`;
the statements it parsed are kept, so the next analysis parses only the
rest.  There is no size limit: a 10 MB file is analysed, statement by
statement, and an edit in it re-parses the edited statement.

Large new documents
-------------------
A text new to the analyzer is cut into statements as it is parsed
(:func:`iter_statements` tokenizes a window at a time), and its analysis
reports the statements parsed so far now and then (``progress``), as the
analysis of a prefix of the text, so that they are checked and published
while the rest is parsed.
"""

from __future__ import annotations

import itertools
import threading
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, overload

from ..config import Config
from ..diagnostics import Diagnostic
from ..syntax.lexer import LexDialect, tokenize
from ..syntax.memory import gc_paused
from ..syntax.nodes import ErrorStatement, Statement
from ..syntax.parser import _WORDLIKE, END, ParseResult, _parse, parse, statement_end
from ..syntax.target import Target
from ..syntax.tokens import COMMENT, Token, make_token
from .blocks import Blocks, Starts
from .convert import LineIndex
from .placement import new_chunk_key, to_document

if TYPE_CHECKING:  # imported where used: the early start (fast.py) runs without it
    from lsprotocol import types

STALE: ContextVar[Callable[[], bool] | None] = ContextVar("syntaqlite_stale", default=None)
"""Whether the job running in this context has been overtaken by an edit
(None: it never is)."""

STALE_EVERY = 64
"""Statements parsed or checked between two looks at :data:`STALE`."""


class Stale(Exception):
    """The job was overtaken by an edit; its result would not be used."""


def raise_if_stale() -> None:
    """Raise :class:`Stale` if the current job has been overtaken."""
    stale = STALE.get()
    if stale is not None and stale():
        raise Stale


class Checkpoints:
    """When and how a long check reports the diagnostics of the statements
    checked so far (the session sets one in :data:`CHECKPOINTS` for the
    check of a job, and the semantics call it between two statements): the
    first after :data:`PROGRESS_FIRST` seconds, then at growing intervals,
    as :meth:`Analyzer.analyze` reports the statements parsed so far."""

    def __init__(self, report: Callable[[int, list[Diagnostic]], None]) -> None:
        self.report = report
        self.started = time.monotonic()
        self.next = self.started + PROGRESS_FIRST

    def due(self) -> bool:
        return time.monotonic() >= self.next

    def __call__(self, end: int, diagnostics: list[Diagnostic]) -> None:
        """``diagnostics``: the semantic diagnostics of the text before
        document offset ``end`` (whole statements), at document offsets."""
        self.report(end, diagnostics)
        now = time.monotonic()
        self.next = now + max(PROGRESS_FIRST, PROGRESS_SHARE * (now - self.started))


CHECKPOINTS: ContextVar[Checkpoints | None] = ContextVar("syntaqlite_checkpoints", default=None)
"""Where the check running in this context reports its progress (None: it
does not)."""


# -- text ---------------------------------------------------------------------


_documents = itertools.count(1)

STEPS_KEPT = 256
"""Edits a document remembers (see :meth:`Document.unchanged`)."""


class Document:
    """An open document's text and version, as the client sent them."""

    def __init__(self, uri: str, text: str, version: int, path: Path | None, encoding: str) -> None:
        self.uri = uri
        self.text = text
        self.version = version
        self.path = path
        self.encoding = encoding
        self.token = next(_documents)  # this document, opened once: versions are counted in it
        self._index: LineIndex | None = None  # of ``text``, kept up to date by edits
        self._lock = threading.Lock()
        # (version before, version after, length of the unchanged start, of the unchanged end)
        self._steps: list[tuple[int, int, int, int]] = []

    def unchanged(self, since: int, version: int) -> tuple[int, int] | None:
        """How long a start and an end the text of ``version`` has in common
        with the text of ``since`` at least (from the edits in between), or
        None when they are not known.  Read on any thread."""
        steps = self._steps
        if since == version:
            return None
        start = end = 1 << 62
        at = version
        for before, after, same_start, same_end in reversed(steps):
            if after != at:
                continue
            start, end, at = min(start, same_start), min(end, same_end), before
            if at == since:
                return start, end
        return None

    @property
    def index(self) -> LineIndex:
        """The line index of :attr:`text`."""
        return self.index_for(self.text)

    def index_for(self, text: str) -> LineIndex:
        """The line index of ``text``, a version of the document's text:
        made when first asked for, on whatever thread asks (a 10 MB text's
        takes tens of milliseconds: the analysis thread's job, not the
        event loop's, which would hold every request meanwhile), and kept
        while ``text`` is the document's."""
        found = self._index
        if found is not None and found.text is text:
            return found
        made = LineIndex(text, self.encoding)
        with self._lock:
            if self.text is text:
                self._index = made
        return made

    def apply(self, changes: list[types.TextDocumentContentChangeEvent], version: int) -> None:
        """Apply ``didChange`` content changes in order (full or ranged)."""
        from lsprotocol import types

        index: LineIndex | None = None
        text = self.text
        same_start = same_end = 1 << 62
        for change in changes:
            if isinstance(change, types.TextDocumentContentChangePartial):
                if index is None:
                    index = self.index_for(text)
                start, end = index.span(change.range)
                same_start, same_end = min(same_start, start), min(same_end, len(index.text) - end)
                index = index.changed(start, end, change.text)
            else:
                index = None  # made when asked for
                text = change.text
                same_start = same_end = 0
        steps = self._steps[1 - STEPS_KEPT :] if len(self._steps) >= STEPS_KEPT else self._steps[:]
        steps.append((self.version, version, same_start, same_end))
        with self._lock:
            self._index = index
            self.text = index.text if index is not None else text
            self.version = version
            self._steps = steps


# -- statement chunks -------------------------------------------------------------


SPLIT_WINDOW = 1 << 14
"""Characters tokenized at a time when cutting a text into statements (the
compiled lexer holds the interpreter for a whole window: about 5 ms for
16 kB, which a request about another document may wait for)."""


def iter_statements(
    text: str, keywords: dict[str, str], dialect: LexDialect | None = None, window: int = SPLIT_WINDOW
) -> Iterator[str]:
    """The statement chunks of ``text`` (see the module docstring), one at
    a time (see :func:`statements_with_tokens`)."""
    for piece, _tokens in statements_with_tokens(text, keywords, dialect, window):
        yield piece


def statements_with_tokens(
    text: str, keywords: dict[str, str], dialect: LexDialect | None = None, window: int = SPLIT_WINDOW
) -> Iterator[tuple[str, list[Token]]]:
    """The statement chunks of ``text`` (see the module docstring), one at
    a time, each with its tokens (comments included) as tokenizing the
    chunk alone gives them, so that parsing it does not tokenize it again.

    The text is tokenized a window of about ``window`` characters at a
    time, so the first statements come at once and no token list of the
    whole text is ever alive (for a 10 MB text, millions of tokens, and
    freeing them at once holds the interpreter for half a second).  A
    statement is taken from a window only when a token follows its
    semicolon there: every token before that one ends inside the window
    and was read as it is in the whole text (a token the window cuts, such
    as a string whose quote closes further on, runs to the window's end),
    so the cut is where the whole text's tokens put it.  A window without
    such a statement is doubled (a long statement: linear overall).  The
    tokens a chunk takes from its window are moved to the chunk's own
    offsets, lines, columns and indexes."""
    n = len(text)
    begin = 0
    size = window
    while True:
        stop = min(n, begin + size)
        last = stop == n
        every = tokenize(text[begin:stop], keywords, dialect)
        toks = [t for t in every if t.kind != COMMENT]
        real = len(toks)
        kinds = [t.kind for t in toks]
        kinds.append("SEMI")  # the same sentinels as split_statements
        toks.append(Token("SEMI", "", stop - begin, 0, 0))
        toks.append(Token(END, "", stop - begin, 0, 0))
        i = 0
        cut = 0  # where the statements taken from this window end
        first_token = 0  # in ``every``: the first token after the cut
        line, column = 1, 1  # where the cut is
        while i < real:
            first = toks[i]
            word = first.text.upper() if first.kind in _WORDLIKE else first.kind
            if word in _MAY_NEST:
                e = statement_end(toks, i, i)  # CREATE TRIGGER ... BEGIN ... END;
            else:
                e = kinds.index("SEMI", i)  # sqlite3_complete: the first semicolon ends it
            if e >= real or (not last and e + 1 >= real):
                break  # no end in the window, or nothing after it to vouch for it
            semi = toks[e]
            # where it is in the window (before _rebase moves it)
            end, after, semi_line, semi_column = semi.end, semi.index + 1, semi.line, semi.column + 1
            mine = every[first_token:after]
            _rebase(mine, cut, first_token, line, column)
            yield text[begin + cut : begin + end], mine
            cut, first_token, line, column = end, after, semi_line, semi_column
            i = e + 1
        if last:
            mine = every[first_token:]
            _rebase(mine, cut, first_token, line, column)
            yield text[begin + cut :], mine
            return
        if cut:
            begin += cut
            size = window
        else:
            size *= 2


def _rebase(tokens: list[Token], offset: int, index: int, line: int, column: int) -> None:
    """Move ``tokens`` (fresh from tokenizing a window, the list not shared)
    to the text that starts at ``offset`` of the window, on its ``line`` at
    its ``column``: each is replaced by the token tokenizing that text alone
    gives (tokens are immutable)."""
    if not (offset or index):  # the window's first text: as they are
        return
    lines = line - 1
    columns = column - 1
    for k, tok in enumerate(tokens):
        tokens[k] = make_token(
            tok.kind,
            tok.text,
            tok.start - offset,
            tok.line - lines,
            tok.column - columns if tok.line == line else tok.column,
            tok.index - index,
        )


_MAY_NEST = frozenset({"CREATE", "EXPLAIN"})
"""The first words of a statement that may run past its first semicolon
(for ``sqlite3_complete``, only a CREATE TRIGGER does)."""


def split_statements(text: str, keywords: dict[str, str], dialect: LexDialect | None = None) -> list[str]:
    """Cut ``text`` into statement chunks (see the module docstring).  The
    last item is the text after the last statement-ending semicolon."""
    return list(iter_statements(text, keywords, dialect))


@dataclass
class ChunkData:
    """The analysis of one chunk's text, wherever it sits in the document."""

    text: str
    result: ParseResult
    memo: dict[str, object] = field(default_factory=dict)
    """Per-chunk cache for features and semantics: it lives as long as this
    exact statement text is in the document (key it by feature name)."""
    key: str = field(default_factory=new_chunk_key)
    """Names this chunk's text wherever it sits: a location found in it is
    a span of its text with this key as its path (see :mod:`.placement`)."""


class Chunk(tuple[int, "ChunkData"]):
    """A statement chunk at its place in the document: ``(start, data)``.
    A tuple, so that an edit shifts the chunks after it in C
    (:func:`shifted`)."""

    __slots__ = ()

    def __new__(cls, start: int, data: ChunkData) -> Chunk:
        return tuple.__new__(cls, (start, data))

    @property
    def start(self) -> int:
        """Where the chunk starts in the document."""
        return self[0]

    @property
    def data(self) -> ChunkData:
        """The chunk's analysis."""
        return self[1]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Chunk) and other[0] == self[0] and other[1] is self[1]

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash((self[0], id(self[1])))

    def __repr__(self) -> str:
        return f"Chunk({self[0]}, {self[1].text[:30]!r})"

    @property
    def end(self) -> int:
        return self.start + len(self.data.text)

    @property
    def text(self) -> str:
        return self.data.text

    @property
    def result(self) -> ParseResult:
        """The chunk's parse, offsets relative to :attr:`start`."""
        return self.data.result

    def statements(self) -> list[Statement | ErrorStatement]:
        """The chunk's statements (usually one), parsed or broken."""
        return [c for c in self.result.root.children if isinstance(c, (Statement, ErrorStatement))]

    def token_at(self, offset: int) -> Token | None:
        """The token (comments included) that contains document ``offset``,
        or ends at it."""
        rel = offset - self.start
        found: Token | None = None
        for tok in self.result.tokens:
            if tok.start > rel:
                break
            if tok.start <= rel < tok.end:
                return tok
            if tok.end == rel:
                found = tok
        return found


@dataclass
class Analysis:
    """One version of a document, analysed: what features and semantics read.

    Offsets are into :attr:`text`.  ``chunks`` cover the text in order;
    ``syntax_errors`` are the parser's diagnostics at document offsets;
    ``semantic_diagnostics`` are filled in by the session from
    :meth:`Semantics.diagnostics <syntaqlite.lsp.semantics.Semantics.diagnostics>`.
    """

    uri: str
    path: Path | None
    text: str
    version: int
    config: Config
    target: Target
    chunks: Sequence[Chunk]
    index: LineIndex
    semantic_diagnostics: list[Diagnostic] = field(default_factory=list)
    reused: tuple[str, int, int] | None = None
    """``(text, front, back)``: the first ``front`` and the last ``back``
    chunks are those of the document's previous analysis, the one of
    ``text`` (the same object; the same chunk data, the back ones
    shifted)."""
    _syntax: list[Diagnostic] | None = field(default=None, repr=False)
    _starts: Sequence[int] = field(default_factory=list, repr=False)
    _broken: list[int] | None = field(default=None, repr=False)  # the chunks with syntax errors

    def __post_init__(self) -> None:
        if not self._starts and self.chunks:
            chunks = self.chunks
            self._starts = chunks.starts if isinstance(chunks, ChunkList) else [c.start for c in chunks]

    def chunk_at(self, offset: int) -> Chunk | None:
        """The chunk holding ``offset`` (at a boundary: the chunk that starts
        there; at the end of the text: the last chunk)."""
        if not self.chunks:
            return None
        i = _bisect_right(self._starts, offset) - 1
        return self.chunks[max(i, 0)]

    def index_of(self, chunk: Chunk) -> int:
        """Where ``chunk`` is in :attr:`chunks` (a binary search: the chunks
        start at increasing offsets)."""
        i = _bisect_right(self._starts, chunk.start) - 1
        if i < 0 or self.chunks[i] != chunk:
            raise ValueError(f"{chunk!r} is not a chunk of this analysis")
        return i

    def chunks_between(self, start: int, end: int) -> Iterator[Chunk]:
        """The chunks that overlap ``[start, end]``."""
        chunks = self.chunks
        i = max(_bisect_left(self._starts, start) - 1, 0)  # the first that may end at ``start`` or after
        for chunk in chunks.iter_from(i) if isinstance(chunks, ChunkList) else chunks[i:] if i else chunks:
            if chunk.end < start:
                continue
            if chunk.start > end:
                break
            yield chunk

    @property
    def syntax_errors(self) -> list[Diagnostic]:
        if self._syntax is None:
            out: list[Diagnostic] = []
            broken = self._broken
            for chunk in self.chunks if broken is None else (self.chunks[j] for j in broken):
                for d in chunk.result.errors:
                    out.append(to_document(d, chunk.start))
            self._syntax = out
        return self._syntax

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.syntax_errors + self.semantic_diagnostics


# -- the analyzer -------------------------------------------------------------------


def _bisect_right(starts: Sequence[int], x: int) -> int:
    return starts.bisect_right(x) if isinstance(starts, Starts) else bisect_right(starts, x)


def _bisect_left(starts: Sequence[int], x: int) -> int:
    return starts.bisect_left(x) if isinstance(starts, Starts) else bisect_left(starts, x)


class ChunkList(Sequence[Chunk]):
    """The chunks of an analysis, kept as two sequences, their starts and
    their data (:mod:`.blocks`: an edit in a 10 MB document copies the
    blocks it touches and moves the starts after it a block at a time); a
    :class:`Chunk` is made when one is read."""

    __slots__ = ("datas", "starts")

    def __init__(self, starts: Sequence[int], datas: Sequence[ChunkData]) -> None:
        self.starts = starts
        self.datas = datas

    def __len__(self) -> int:
        return len(self.datas)

    @overload
    def __getitem__(self, i: int) -> Chunk: ...

    @overload
    def __getitem__(self, i: slice) -> list[Chunk]: ...

    def __getitem__(self, i: int | slice) -> Chunk | list[Chunk]:
        if isinstance(i, slice):
            return list(map(_make_chunk, zip(self.starts[i], self.datas[i])))
        return _make_chunk((self.starts[i], self.datas[i]))

    def __iter__(self) -> Iterator[Chunk]:
        return map(_make_chunk, zip(self.starts, self.datas))

    def iter_from(self, i: int) -> Iterator[Chunk]:
        """The chunks from the ``i``-th on."""
        starts, datas = self.starts, self.datas
        if isinstance(starts, Blocks) and isinstance(datas, Blocks):
            return map(_make_chunk, zip(starts.iter_from(i), datas.iter_from(i)))
        return map(_make_chunk, zip(starts[i:], datas[i:]))

    def __repr__(self) -> str:
        return f"ChunkList({len(self)} chunks)"


_make_chunk = partial(tuple.__new__, Chunk)
_data_of = itemgetter(1)

BLOCK = 1 << 16
"""Characters compared at a time when looking for where two texts differ."""


def common_prefix(a: str, b: str, known: int = 0) -> int:
    """The length of the longest common prefix of ``a`` and ``b`` (whole
    blocks compared in C, then a binary search in the block that differs),
    which is known to be at least ``known``."""
    n = min(len(a), len(b))
    lo = min(known, n)
    while lo < n:
        hi = min(n, lo + BLOCK)
        if a[lo:hi] != b[lo:hi]:
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if a[lo:mid] == b[lo:mid]:
                    lo = mid
                else:
                    hi = mid
            return lo if a[lo] != b[lo] else hi
        lo = hi
    return n


def common_suffix(a: str, b: str, limit: int, known: int = 0) -> int:
    """The length of the longest common suffix of ``a`` and ``b``, at most
    ``limit``, which is known to be at least ``known`` (or ``limit``)."""
    la, lb = len(a), len(b)
    n = min(limit, la, lb)
    done = min(known, n)  # a[la - done:] == b[lb - done:]
    while done < n:
        step = min(BLOCK, n - done)
        if a[la - done - step : la - done] != b[lb - done - step : lb - done]:
            lo, hi = done, done + step  # lo matches, hi does not
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if a[la - mid : la - lo] == b[lb - mid : lb - lo]:
                    lo = mid
                else:
                    hi = mid
            return lo
        done += step
    return n


PROGRESS_FIRST = 0.5
"""Seconds of parsing a new text before the statements parsed so far are
reported (see :meth:`Analyzer.analyze`)."""

PROGRESS_SHARE = 0.2
"""Then a report at most every ``PROGRESS_SHARE`` of the time spent so far
(and at least :data:`PROGRESS_FIRST` apart): a report costs a copy of the
chunk list and the diagnostics found so far, so that reports take a
bounded share of the work however large the text."""


class _Reporter:
    """When and how :meth:`Analyzer.analyze` reports a prefix."""

    def __init__(
        self,
        uri: str,
        path: Path | None,
        text: str,
        version: int,
        config: Config,
        target: Target,
        index: LineIndex,
        progress: Callable[[Analysis], None],
    ) -> None:
        self.args = (uri, path, text, version, config, target, index)
        self.progress = progress
        self.started = time.monotonic()
        self.next = self.started + PROGRESS_FIRST
        self.last: Analysis | None = None  # the last prefix reported
        self.empty: ChunkData | None = None
        self.starts: list[int] = []  # of the chunks reported so far
        self.broken: list[int] = []

    def due(self) -> bool:
        return time.monotonic() >= self.next

    def __call__(self, chunks: list[Chunk], end: int) -> None:
        """Report the analysis of the text up to ``end``, which ``chunks``
        (parsed so far) cover."""
        uri, path, text, version, config, target, index = self.args
        if end >= len(text):
            return  # all parsed: the final analysis follows
        if self.empty is None:
            self.empty = ChunkData("", parse("", target))
        # A prefix ending after a statement: its last chunk is empty.
        # The index is the whole text's: positions before ``end`` are the same.
        whole = [*chunks, Chunk(end, self.empty)]
        for j in range(len(self.starts), len(chunks)):
            self.starts.append(chunks[j].start)
            if chunks[j].data.result.errors:
                self.broken.append(j)
        last = self.last
        prefix = Analysis(
            uri,
            path,
            text[:end],
            version,
            config,
            target,
            whole,
            index,
            reused=(last.text, len(last.chunks) - 1, 0) if last is not None else None,
            _starts=[*self.starts, end],
            _broken=self.broken[:],
        )
        self.progress(prefix)
        self.last = prefix
        now = time.monotonic()
        self.next = now + max(PROGRESS_FIRST, PROGRESS_SHARE * (now - self.started))


class Analyzer:
    """Keeps one document's chunks and parse cache between versions.  Used
    on its document's analysis thread only.

    The cache maps a chunk's text to its :class:`ChunkData`, for the texts
    in the document (with how many chunks have each), and keeps those that
    the last edits removed (an undo finds them); an edit changes it by the
    chunks it replaced, so the work of an edit does not grow with the
    number of statements in the document."""

    def __init__(self, uri: str) -> None:
        self.uri = uri
        self._target: Target | None = None
        self._text = ""
        self._starts = Starts()  # the chunks, as in ChunkList
        self._datas: Blocks[ChunkData] = Blocks()
        self._cache: dict[str, ChunkData] = {}
        self._uses: dict[str, int] = {}
        self._spare: dict[str, ChunkData] = {}
        self._last: Analysis | None = None
        self._reused: tuple[int, int] | None = None
        self._broken: list[int] = []  # the chunks with syntax errors
        self.parsed = 0  # chunks parsed so far (for tests and the benchmark)
        self.source: tuple[int, int] | None = None  # the document and version of the text analysed last
        self._count = 0

    def analyze(
        self,
        text: str,
        version: int,
        path: Path | None,
        config: Config,
        target: Target,
        encoding: str,
        index: LineIndex | None = None,
        progress: Callable[[Analysis], None] | None = None,
        document: Document | None = None,
    ) -> Analysis:
        """The analysis of ``text`` (``index``: its line index, if the
        caller has it; ``document``: the document ``text`` is the text of
        at ``version``, whose edits tell where to look for the change).

        ``progress``: when the text is new to the analyzer and parsing it
        takes a while (:data:`PROGRESS_FIRST`), called now and then with
        the analysis of the statements parsed so far (a prefix of the text,
        whole statements), so that they can be checked and published
        before the rest is parsed; each shares its chunks with the one
        before (:attr:`Analysis.reused`), and so does the final one."""
        last = self._last
        if (
            last is not None
            and last.version == version
            and last.text is text
            and last.target == target
            and last.config == config
            and last.index.encoding == encoding
        ):
            return last
        if target != self._target:
            self._reset(target)
        if index is None or index.text is not text or index.encoding != encoding:
            index = LineIndex(text, encoding)
        previous = last.text if last is not None and self._datas else None
        report = None
        if progress is not None and not self._datas:
            report = _Reporter(self.uri, path, text, version, config, target, index, progress)
        same = None
        if document is not None and self.source is not None and self.source[0] == document.token:
            same = document.unchanged(self.source[1], version)
        chunks = self._update(text, target, report, same)
        self.source = (document.token, version) if document is not None else None
        reused = None
        if previous is not None and self._reused is not None:
            reused = (previous, *self._reused)
        elif report is not None and report.last is not None:
            reused = (report.last.text, len(report.last.chunks) - 1, 0)
        analysis = Analysis(
            self.uri,
            path,
            text,
            version,
            config,
            target,
            chunks,
            index,
            reused=reused,
            _starts=self._starts,
            _broken=self._broken,
        )
        self._last = analysis
        return analysis

    def _reset(self, target: Target) -> None:
        self._target = target
        self._text = ""
        self.source = None
        self._datas = Blocks()
        self._starts = Starts()
        self._broken = []
        self._cache = {}
        self._uses = {}
        self._spare = {}
        self._last = None

    def _data(
        self, text: str, target: Target, fresh: dict[str, ChunkData], tokens: list[Token] | None = None
    ) -> ChunkData:
        """The chunk data of ``text`` (``tokens``: its tokens, if known)."""
        data = self._cache.get(text) or fresh.get(text) or self._spare.get(text)
        if data is None:
            with gc_paused():
                data = ChunkData(text, _parse(text, target, tokens))
            self.parsed += 1
            fresh[text] = data
            self._count += 1
            if self._count % STALE_EVERY == 0:
                raise_if_stale()
        return data

    def _place(
        self,
        pieces: Iterable[tuple[str, list[Token] | None]],
        start: int,
        target: Target,
        fresh: dict[str, ChunkData],
        report: _Reporter | None = None,
    ) -> list[Chunk]:
        out: list[Chunk] = []
        for piece, tokens in pieces:
            out.append(Chunk(start, self._data(piece, target, fresh, tokens)))
            start += len(piece)
            if report is not None and report.due():
                report(out, start)
        return out

    @property
    def _chunks(self) -> ChunkList:
        """The chunks of the last analysis."""
        return ChunkList(self._starts, self._datas)

    def _update(
        self,
        text: str,
        target: Target,
        report: _Reporter | None = None,
        same: tuple[int, int] | None = None,
    ) -> ChunkList:
        fresh: dict[str, ChunkData] = {}
        try:
            if not self._datas:
                pieces = statements_with_tokens(text, target.keywords, target.lex_dialect)
                added = self._place(pieces, 0, target, fresh, report)
                starts = Starts(c.start for c in added)
                datas = Blocks(c.data for c in added)
                i = m = 0
                self._broken = [j for j, c in enumerate(added) if c.data.result.errors]
                self._reused = None
            else:
                starts, datas, i, m, added = self._incremental(text, target, fresh, same)
        except Stale:
            self._spare.update(fresh)  # parsed already: the next analysis finds them
            raise
        removed = self._datas[i:m]
        # the cache: drop the texts no chunk has any more (kept as spares), add the new
        spare: dict[str, ChunkData] = {} if len(self._spare) > 256 else self._spare
        uses, cache = self._uses, self._cache
        for data in removed:
            left = uses[data.text] - 1
            if left:
                uses[data.text] = left
            else:
                del uses[data.text]
                del cache[data.text]
                spare[data.text] = data
        for c in added:
            uses[c.data.text] = uses.get(c.data.text, 0) + 1
            cache[c.data.text] = c.data
            spare.pop(c.data.text, None)
        self._spare = spare
        self._text = text
        self._starts, self._datas = starts, datas
        return ChunkList(starts, datas)

    def _incremental(
        self, text: str, target: Target, fresh: dict[str, ChunkData], same: tuple[int, int] | None = None
    ) -> tuple[Starts, Blocks[ChunkData], int, int, list[Chunk]]:
        """The new chunks' starts and data, from the old ones: the old
        ``[i:m]`` are replaced by the ``added`` ones.  ``same``: how long a
        start and end the texts have in common at least (from the edits),
        where comparing them starts."""
        datas = self._datas
        n = len(datas)
        before = self._text
        starts = self._starts
        delta = len(text) - len(before)
        if same is not None:  # a look at its edges, in case the client reused a version number
            lo, hi = same
            edges = lo + hi <= min(len(before), len(text))
            edges = edges and before[max(0, lo - 64) : lo] == text[max(0, lo - 64) : lo]
            a, b = len(before) - hi, len(text) - hi
            if not edges or before[a : a + 64] != text[b : b + 64]:
                same = None
        prefix = common_prefix(before, text, same[0] if same is not None else 0)
        # 1. unchanged chunks at the front: those that end before the first
        #    difference (never the last one, which ends at the end of the
        #    text and so may have grown).
        i = min(starts.bisect_right(prefix) - 1, n - 1)
        region_start = starts[i]
        # 2. unchanged chunks at the back: those that start in the common
        #    suffix, at their shifted offsets.
        limit = min(len(before), len(text)) - prefix
        suffix = common_suffix(before, text, limit, same[1] if same is not None else 0)
        m = max(starts.bisect_left(len(before) - suffix), i)
        while m < n and starts[m] + delta < region_start:
            m += 1
        # 3. re-split the region in between; reuse the back if it lines up.
        if m < n:
            region_end = starts[m] + delta
            found = list(
                statements_with_tokens(text[region_start:region_end], target.keywords, target.lex_dialect)
            )
            if found[-1][0] == "":
                middle = self._place(found[:-1], region_start, target, fresh)
                new_starts = starts.moved(i, m, [c.start for c in middle], delta)
                new_datas = datas.replaced(i, m, [c.data for c in middle])
                shift = i + len(middle) - m
                self._broken = (
                    [j for j in self._broken if j < i]
                    + [i + j for j, c in enumerate(middle) if c.data.result.errors]
                    + [j + shift for j in self._broken if j >= m]
                )
                self._reused = (i, n - m)
                return new_starts, new_datas, i, m, middle
        pieces = statements_with_tokens(text[region_start:], target.keywords, target.lex_dialect)
        rest = self._place(pieces, region_start, target, fresh)
        self._broken = [j for j in self._broken if j < i] + [
            i + j for j, c in enumerate(rest) if c.data.result.errors
        ]
        self._reused = (i, 0)
        return (
            starts.moved(i, n, [c.start for c in rest], 0),
            datas.replaced(i, n, [c.data for c in rest]),
            i,
            n,
            rest,
        )
