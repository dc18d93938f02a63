"""The one line index: offsets into a text to 1-based lines and columns.

Diagnostics and locations carry spans (offsets into the Python ``str`` they
were made from); line and column are computed at the edges (the command
line's rendering, reports, messages) with :class:`Lines`.  Lines end at
``\\n``, ``\\r\\n`` or a lone ``\\r`` (as editors and the LSP count them) and
columns are counted in characters, exactly as tokens count their own
``line`` and ``column``.  (The language server converts offsets
to LSP positions with its own index, :class:`syntaqlite.lsp.convert.LineIndex`.)
"""

from __future__ import annotations

import re
from bisect import bisect_right

_BREAK = re.compile(r"\r\n?|\n")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
_control: re.Pattern[str] | None = None


def _controls() -> re.Pattern[str]:
    """The characters :func:`printable` and :func:`visible` replace, compiled
    on first use (a set beyond U+00FF costs ``re`` a fifth of a millisecond,
    and ASCII text never needs it)."""
    global _control
    if _control is None:
        _control = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
    return _control


def _plain(text: str) -> bool:
    """ASCII without a control character: what neither function changes."""
    return text.isascii() and text.isprintable()


def printable(text: str) -> str:
    """``text`` with its control characters (and the line and paragraph
    separators and bidirectional overrides that would reorder or break a
    terminal line) escaped as ``\\n``, ``\\x00``, ``\\u202e``: for messages
    that quote what a user wrote or named."""
    if _plain(text):
        return text
    control = _controls()
    if control.search(text) is None:
        return text
    return control.sub(lambda m: _escape(m.group()), text)


def _escape(ch: str) -> str:
    named = _NAMED.get(ch)
    if named is not None:
        return named
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(line: str) -> str:
    """A source line for display under a caret: each control character
    becomes one visible character (its Unicode control picture, a tab a
    space), so the columns stay where they were."""
    if _plain(line):
        return line
    control = _controls()
    if control.search(line) is None:
        return line
    return control.sub(_picture, line)


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code == 0x09:
        return " "
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


class Lines:
    """Where the lines of ``text`` start; built lazily, on the first question."""

    __slots__ = ("_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        starts = self._starts
        if starts is None:
            starts = [0]
            text = self.text
            if "\r" in text:
                starts.extend(m.end() for m in _BREAK.finditer(text))
            else:
                i = text.find("\n")
                while i >= 0:
                    starts.append(i + 1)
                    i = text.find("\n", i + 1)
            self._starts = starts
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of ``offset`` (an offset past the end
        of the text counts on from its last line)."""
        starts = self.starts
        line = bisect_right(starts, max(offset, 0)) - 1
        return line + 1, offset - starts[line] + 1


__all__ = ["Lines", "printable", "visible"]
