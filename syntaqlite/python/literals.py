"""The value of Python string literals with, for every character, where it
was written: the exact offset map from embedded SQL back to the ``.py`` file.

A :class:`Piece` is SQL text plus, per character, the source span it came
from: an escape such as ``\\n`` or ``\\x41`` is one character that spans
its whole escape; a line continuation (``\\`` at the end of a line) gives
no character; implicitly concatenated literals (``"a" "b"``, across lines,
with comments between) join into one text.  Raw strings keep their
backslashes; ``\\r\\n`` inside a triple-quoted string is one ``\\n``, as
Python reads it.

An f-string's replacement fields (``{expr}``), a ``%`` conversion
(``%s``, ``%(name)d``) and a ``str.format`` field become *holes*: the SQL
gets a ``?`` parameter in their place, spanning the field in the source.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

HOLE_TEXT = "?"
"""What a hole becomes in the SQL: a parameter, valid wherever a value is."""


@dataclass(frozen=True)
class Hole:
    """A dynamic part of a string: a field of an f-string, a ``%`` or
    ``.format`` conversion, or an operand of ``+`` that is not a constant.
    ``start``/``end`` are its span in the ``.py`` file, ``at`` its offset in
    the SQL text; ``expr`` is the Python source of the value (or the
    conversion written, when the value is elsewhere)."""

    start: int
    end: int
    at: int
    expr: str
    how: str
    """"f-string", "%", "format" or "+"."""
    placeholders_only: bool = False
    """The value can only be a list of ``?`` placeholders (``",".join("?" * n)``)."""


class Piece:
    """SQL text and the source span of each of its characters (``starts``
    and ``ends``, one per character).  Built by appending; the text is
    joined once, when read."""

    __slots__ = ("_joined", "_parts", "ends", "holes", "origin", "starts")

    def __init__(
        self,
        text: str = "",
        starts: list[int] | None = None,
        ends: list[int] | None = None,
        holes: list[Hole] | None = None,
        origin: tuple[int, int] = (0, 0),
    ) -> None:
        self._parts: list[str] = [text] if text else []
        self._joined: str | None = text
        self.starts = starts if starts is not None else []
        self.ends = ends if ends is not None else []
        self.holes = holes if holes is not None else []
        self.origin = origin
        """The span of the whole Python expression the text came from."""

    @property
    def text(self) -> str:
        if self._joined is None:
            self._joined = "".join(self._parts)
            self._parts = [self._joined]
        return self._joined

    def add_copy(self, text: str) -> None:
        """Append ``text`` only (the caller extends ``starts`` and ``ends``)."""
        self._append(text)

    def _append(self, text: str) -> None:
        self._parts.append(text)
        self._joined = None

    def add(self, text: str, start: int, end: int) -> None:
        """Append ``text``, every character of which comes from start..end."""
        self._append(text)
        self.starts.extend([start] * len(text))
        self.ends.extend([end] * len(text))

    def extend(self, other: Piece) -> None:
        shift = len(self.starts)
        self._append(other.text)
        self.starts.extend(other.starts)
        self.ends.extend(other.ends)
        self.holes.extend(
            Hole(h.start, h.end, h.at + shift, h.expr, h.how, h.placeholders_only) for h in other.holes
        )

    def hole(self, hole: Hole) -> None:
        """Append a hole (its ``at`` is set to where it lands)."""
        self.holes.append(
            Hole(hole.start, hole.end, len(self.starts), hole.expr, hole.how, hole.placeholders_only)
        )
        self.add(HOLE_TEXT, hole.start, hole.end)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The ``.py`` span of the SQL span start..end."""
        n = len(self.starts)
        if n == 0:
            return self.origin
        if start < n:
            s = self.starts[max(start, 0)]
        else:
            s = self.ends[n - 1]
        e = self.ends[min(end, n) - 1] if end > start else s
        return s, max(s, e)

    def is_verbatim(self, start: int, end: int, source: str) -> bool:
        """Whether the SQL span start..end is written as is in the source
        (no escape, hole or line break between), so that an edit of the
        SQL there is the same edit of the Python text."""
        if start >= end:
            return True
        s, e = self.source_span(start, end)
        return source[s:e] == self.text[start:end]

    @property
    def dynamic(self) -> bool:
        return bool(self.holes)


class LiteralError(ValueError):
    """Text that is not a sequence of Python string literals."""


_PREFIX = re.compile(r"[A-Za-z]{0,3}(?=['\"])")
_SIMPLE_ESCAPES = {
    "\\": "\\",
    "'": "'",
    '"': '"',
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
}


def decode_literals(source: str, start: int, end: int) -> Piece:
    """The value of the string literals between ``start`` and ``end`` of
    ``source`` (one literal or several implicitly concatenated ones,
    f-strings included), with its offset map.  Raises :class:`LiteralError`
    on bytes literals or text that is not string literals."""
    piece = Piece(origin=(start, end))
    i = start
    while i < end:
        c = source[i]
        if c in " \t\f\r\n":
            i += 1
            continue
        if c == "\\":  # an explicit line continuation between literals
            i += 1
            continue
        if c == "#":
            while i < end and source[i] not in "\r\n":
                i += 1
            continue
        m = _PREFIX.match(source, i, end)
        if m is None:
            raise LiteralError(f"not a string literal at offset {i}")
        prefix = m.group().lower()
        if "b" in prefix:
            raise LiteralError("a bytes literal")
        i = m.end()
        quote = source[i : i + 3] if source.startswith(source[i] * 3, i) else source[i]
        i = _body(source, i + len(quote), quote, "r" in prefix, "f" in prefix, piece)
    return piece


def _body(source: str, i: int, quote: str, raw: bool, fstring: bool, piece: Piece) -> int:
    """Decode one literal's body from ``i`` (after the opening quote) into
    ``piece``; return the offset after the closing quote."""
    n = len(source)
    while i < n:
        if source.startswith(quote, i):
            return i + len(quote)
        c = source[i]
        if c == "\\":
            nxt = source[i + 1] if i + 1 < n else ""
            if raw:
                # The backslash stays; it escapes a quote or a backslash
                # after it (which stays too and cannot end the literal).
                piece.add(c, i, i + 1)
                if nxt and nxt in "'\"\\":
                    piece.add(nxt, i + 1, i + 2)
                    i += 2
                else:
                    i += 1
                continue
            i = _escape(source, i, piece)
            continue
        if c == "\r":
            width = 2 if source.startswith("\r\n", i) else 1
            piece.add("\n", i, i + width)
            i += width
            continue
        if fstring and c in "{}":
            if source.startswith(c * 2, i):
                piece.add(c, i, i + 2)
                i += 2
                continue
            if c == "}":  # cannot happen in a literal Python accepted
                raise LiteralError("single '}' in an f-string")
            close = _field_end(source, i)
            piece.hole(Hole(i, close, 0, source[i + 1 : close - 1].strip(), "f-string"))
            i = close
            continue
        piece.add(c, i, i + 1)
        i += 1
    raise LiteralError("unterminated string literal")


def _escape(source: str, i: int, piece: Piece) -> int:
    """Decode the escape sequence at ``i`` (a backslash)."""
    nxt = source[i + 1] if i + 1 < len(source) else ""
    if nxt == "\n":
        return i + 2
    if nxt == "\r":
        return i + 3 if source.startswith("\n", i + 2) else i + 2
    simple = _SIMPLE_ESCAPES.get(nxt)
    if simple is not None:
        piece.add(simple, i, i + 2)
        return i + 2
    if nxt in "01234567":
        j = i + 1
        while j < i + 4 and j < len(source) and source[j] in "01234567":
            j += 1
        piece.add(chr(int(source[i + 1 : j], 8)), i, j)
        return j
    width = {"x": 2, "u": 4, "U": 8}.get(nxt)
    if width is not None:
        j = i + 2 + width
        piece.add(chr(int(source[i + 2 : j], 16)), i, j)
        return j
    if nxt == "N" and source.startswith("{", i + 2):
        close = source.index("}", i + 3)
        piece.add(unicodedata.lookup(source[i + 3 : close]), i, close + 1)
        return close + 1
    # An unknown escape keeps its backslash.
    piece.add("\\", i, i + 1)
    return i + 1


def _skip_string(source: str, i: int) -> int:
    """The offset after the string literal starting with a quote at ``i``
    (inside an f-string's replacement field)."""
    q = source[i]
    quote = q * 3 if source.startswith(q * 3, i) else q
    j = i + len(quote)
    while j < len(source):
        if source[j] == "\\":
            j += 2
            continue
        if source.startswith(quote, j):
            return j + len(quote)
        j += 1
    raise LiteralError("unterminated string in an f-string field")


def _field_end(source: str, i: int) -> int:
    """The offset after the replacement field that opens with ``{`` at
    ``i``: nested brackets and strings are skipped; after a top-level
    ``:`` the format spec holds text and nested fields."""
    depth = 0
    j = i + 1
    in_spec = False
    while j < len(source):
        c = source[j]
        if in_spec:
            if c == "{":
                j = _field_end(source, j)
                continue
            if c == "}":
                return j + 1
            j += 1
            continue
        if c in "'\"":
            j = _skip_string(source, j)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                if c == "}":
                    return j + 1
                raise LiteralError("unbalanced f-string field")
            depth -= 1
        elif c == ":" and depth == 0:
            in_spec = True
        elif c == "!" and depth == 0 and not source.startswith("!=", j):
            pass  # a conversion (!r, !s, !a); the spec or the end follows
        j += 1
    raise LiteralError("unterminated f-string field")


_PERCENT = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<conv>[diouxXeEfFgGcrsa%])"
)


def percent_holes(piece: Piece, how: str = "%") -> Piece:
    """``piece`` with its ``%`` conversions (``str % values``) as holes and
    ``%%`` as ``%``."""
    out = Piece(origin=piece.origin)
    text = piece.text
    last = 0
    for m in _PERCENT.finditer(text):
        _copy(piece, last, m.start(), out)
        if m.group("conv") == "%":
            s, e = piece.source_span(m.start(), m.end())
            out.add("%", s, e)
        else:
            s, e = piece.source_span(m.start(), m.end())
            out.hole(Hole(s, e, 0, m.group(), how))
        last = m.end()
    _copy(piece, last, len(text), out)
    return out


def format_holes(piece: Piece) -> Piece:
    """``piece`` with its ``str.format`` fields as holes and ``{{``/``}}``
    as braces."""
    out = Piece(origin=piece.origin)
    text = piece.text
    i = last = 0
    while i < len(text):
        c = text[i]
        if c in "{}" and text.startswith(c * 2, i):
            _copy(piece, last, i, out)
            s, e = piece.source_span(i, i + 2)
            out.add(c, s, e)
            i = last = i + 2
            continue
        if c == "{":
            depth, j = 0, i
            while j < len(text):
                if text[j] == "{":
                    depth += 1
                elif text[j] == "}":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            _copy(piece, last, i, out)
            s, e = piece.source_span(i, j + 1)
            out.hole(Hole(s, e, 0, text[i : j + 1], "format"))
            i = last = j + 1
            continue
        i += 1
    _copy(piece, last, len(text), out)
    return out


def _copy(piece: Piece, start: int, end: int, out: Piece) -> None:
    if start >= end:
        return
    shift = len(out.starts) - start
    out.add_copy(piece.text[start:end])
    out.starts.extend(piece.starts[start:end])
    out.ends.extend(piece.ends[start:end])
    for h in piece.holes:
        if start <= h.at < end:
            out.holes.append(Hole(h.start, h.end, h.at + shift, h.expr, h.how, h.placeholders_only))
