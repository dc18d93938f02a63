"""Offsets <-> LSP positions: the only place where the two meet.

syntaqlite speaks in offsets into a Python ``str`` (code points: every span,
token and diagnostic has ``start``/``end``).  LSP speaks in zero-based
``(line, character)`` positions whose ``character`` counts code units of the
*position encoding* negotiated in ``initialize``: UTF-16 unless the client
offers UTF-8 in ``general.positionEncodings`` (:func:`negotiate`).  Lines end
at ``\\n``, ``\\r\\n`` or ``\\r`` (the LSP definition; not Python's
``splitlines``, which also splits at form feeds and U+2028).

:class:`LineIndex` is built once per document version and answers both ways
in O(log lines + line length).  Everything else in :mod:`syntaqlite.lsp`
converts through it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic, Severity
from .blocks import Starts

if TYPE_CHECKING:  # imported where used: the early start (fast.py) runs without it
    from lsprotocol import types

UTF8 = "utf-8"
UTF16 = "utf-16"
UTF32 = "utf-32"

_BREAK = re.compile(r"\r\n?|\n")


def negotiate(offered: Sequence[str] | None) -> str:
    """The position encoding to use: UTF-8 when the client offers it (our
    offsets turn into UTF-8 counts cheaply and Neovim prefers it), else the
    LSP default, UTF-16."""
    if offered and UTF8 in offered:
        return UTF8
    return UTF16


def units(text: str, encoding: str) -> int:
    """Length of ``text`` in code units of ``encoding``."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _char_units(ch: str, encoding: str) -> int:
    o = ord(ch)
    if encoding == UTF8:
        return 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4
    if encoding == UTF16:
        return 2 if o > 0xFFFF else 1
    return 1


class LineIndex:
    """Line starts of one text, for conversions in one encoding."""

    __slots__ = ("encoding", "starts", "text")

    starts: list[int] | Starts

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.starts: list[int] | Starts
        if "\r" in text:
            self.starts = [0]
            self.starts.extend(m.end() for m in _BREAK.finditer(text))
        else:  # the same, faster: no string a line (and other threads run meanwhile)
            self.starts = starts = [0]
            add, find = starts.append, text.find
            i = find("\n")
            while i >= 0:
                add(i + 1)
                i = find("\n", i + 1)

    def changed(self, start: int, end: int, new_text: str) -> LineIndex:
        """The index of the text with ``[start, end)`` replaced by
        ``new_text``: the lines before the change are kept, those after it
        moved (for a large text, kept in blocks, :class:`~.blocks.Starts`,
        so that an edit moves one number per block, not one per line; the
        text itself is copied)."""
        text = self.text[:start] + new_text + self.text[end:]
        if "\r" in self.text or "\r" in new_text:
            return LineIndex(text, self.encoding)
        out = LineIndex.__new__(LineIndex)
        out.text = text
        out.encoding = self.encoding
        starts = self.starts
        added = [start + i + 1 for i, ch in enumerate(new_text) if ch == "\n"] if "\n" in new_text else []
        delta = len(new_text) - (end - start)
        i, m = _after(starts, start), _after(starts, end)
        if isinstance(starts, Starts) or len(starts) > LARGE_INDEX:
            blocks = starts if isinstance(starts, Starts) else Starts(starts)
            out.starts = blocks.moved(i, m, added, delta)
        else:
            out.starts = starts[:i] + added + list(map(delta.__add__, starts[m:]))
        return out

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """Zero-based line of ``offset`` (clamped to the text)."""
        offset = min(max(offset, 0), len(self.text))
        return _after(self.starts, offset) - 1

    def line_end(self, line: int) -> int:
        """Offset of the end of ``line``'s content (before its line break)."""
        if line + 1 < len(self.starts):
            end = self.starts[line + 1]
            if self.text[end - 1] == "\n" and end - 2 >= self.starts[line] and self.text[end - 2] == "\r":
                return end - 2
            return end - 1
        return len(self.text)

    # -- offsets -> LSP -------------------------------------------------------

    def line_character(self, offset: int) -> tuple[int, int]:
        """The zero-based line and character (in this encoding's code
        units) of ``offset``."""
        offset = min(max(offset, 0), len(self.text))
        line = _after(self.starts, offset) - 1
        start = self.starts[line]
        offset = min(offset, self.line_end(line))
        return line, units(self.text[start:offset], self.encoding)

    def position(self, offset: int) -> types.Position:
        from lsprotocol import types

        line, character = self.line_character(offset)
        return types.Position(line=line, character=character)

    def range(self, start: int, end: int) -> types.Range:
        from lsprotocol import types

        return types.Range(start=self.position(start), end=self.position(max(start, end)))

    def range_json(self, start: int, end: int) -> dict[str, Any]:
        """:meth:`range` as the JSON LSP sends."""
        (l1, c1), (l2, c2) = self.line_character(start), self.line_character(max(start, end))
        return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}

    def segments(self, start: int, end: int) -> Iterator[tuple[int, int, int]]:
        """``(line, character, length)`` of each one-line piece of the span
        (line breaks excluded): how semantic tokens are sent to clients that
        do not take multi-line tokens."""
        start = min(max(start, 0), len(self.text))
        end = min(max(end, start), len(self.text))
        line = _after(self.starts, start) - 1
        while True:
            line_start = self.starts[line]
            stop = min(end, self.line_end(line))
            if stop > start:
                yield (
                    line,
                    units(self.text[line_start:start], self.encoding),
                    units(self.text[start:stop], self.encoding),
                )
            if line + 1 >= len(self.starts) or self.starts[line + 1] >= end:
                return
            line += 1
            start = self.starts[line]

    # -- LSP -> offsets -------------------------------------------------------

    def offset(self, position: types.Position) -> int:
        """The offset of an LSP position; a line past the end means the end
        of the text, a character past the end of its line the line's end."""
        return self.offset_at(position.line, position.character)

    def offset_at(self, line: int, character: int) -> int:
        """:meth:`offset` of the position ``(line, character)``."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.line_end(line)
        want = max(character, 0)
        piece = self.text[start:end]
        if self.encoding == UTF32 or piece.isascii():
            return start + min(want, len(piece))
        count = 0
        for i, ch in enumerate(piece):
            if count >= want:
                return start + i
            count += _char_units(ch, self.encoding)
        return end

    def span(self, rng: types.Range) -> tuple[int, int]:
        start = self.offset(rng.start)
        return start, max(start, self.offset(rng.end))

    def apply_change(self, rng: types.Range, new_text: str) -> str:
        """The text after replacing ``rng`` with ``new_text``."""
        start, end = self.span(rng)
        return self.text[:start] + new_text + self.text[end:]


LARGE_INDEX = 4096
"""Lines from which an edited index keeps its line starts in blocks."""


def _after(starts: list[int] | Starts, offset: int) -> int:
    """How many lines start at or before ``offset``."""
    return starts.bisect_right(offset) if isinstance(starts, Starts) else bisect_right(starts, offset)


def label_offsets(label: str, start: int, end: int, encoding: str = UTF16) -> tuple[int, int]:
    """``[start, end)`` of a substring of a signature label, in the code
    units LSP's ``ParameterInformation.label`` offsets use (UTF-16)."""
    begin = units(label[:start], encoding)
    return begin, begin + units(label[start:end], encoding)


_SEVERITY = {Severity.ERROR: 1, Severity.WARNING: 2, Severity.INFO: 3}  # LSP's DiagnosticSeverity


def _message(d: Diagnostic, index: LineIndex, related_information: bool) -> str:
    message = d.message
    if d.help:
        message += f"\nhelp: {d.help}"
    if d.related and not related_information:
        for r in d.related:
            message += f"\nnote: {r.message} (line {index.line_of(r.start) + 1})"
    return message


def diagnostic(
    d: Diagnostic, index: LineIndex, uri: str, *, related_information: bool = True
) -> types.Diagnostic:
    """A syntaqlite diagnostic (document offsets) as an LSP diagnostic.

    ``help`` becomes a second line of the message; ``related`` locations
    become ``relatedInformation`` when the client takes it, else more lines.
    """
    from lsprotocol import types

    related: list[types.DiagnosticRelatedInformation] | None = None
    if d.related and related_information:
        related = [
            types.DiagnosticRelatedInformation(
                location=types.Location(uri=uri, range=index.range(r.start, r.end)), message=r.message
            )
            for r in d.related
        ]
    return types.Diagnostic(
        range=index.range(d.start, d.end),
        message=_message(d, index, related_information),
        severity=types.DiagnosticSeverity(_SEVERITY.get(d.severity, 1)),
        code=d.code,
        source="syntaqlite",
        related_information=related,
    )


def diagnostic_json(
    d: Diagnostic, index: LineIndex, uri: str, *, related_information: bool = True
) -> dict[str, Any]:
    """:func:`diagnostic` as the JSON pygls sends for it (for the early start,
    which answers before lsprotocol is imported; tests check both agree)."""
    out: dict[str, Any] = {
        "range": index.range_json(d.start, d.end),
        "message": _message(d, index, related_information),
        "severity": _SEVERITY.get(d.severity, 1),
        "code": d.code,
        "source": "syntaqlite",
    }
    if d.related and related_information:
        out["relatedInformation"] = [
            {"location": {"uri": uri, "range": index.range_json(r.start, r.end)}, "message": r.message}
            for r in d.related
        ]
    return out
