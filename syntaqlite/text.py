"""The one line index: offsets into a text to 1-based lines and columns.

Diagnostics and locations carry spans (offsets into the Python ``str`` they
were made from); line and column are computed at the edges (the command
line's rendering, reports, messages) with :class:`Lines`.  Lines are broken
at ``\\n`` only and columns counted in characters, exactly as tokens count
their own ``line`` and ``column``.  (The language server converts offsets
to LSP positions with its own index, :class:`syntaqlite.lsp.convert.LineIndex`.)
"""

from __future__ import annotations

from bisect import bisect_right


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


__all__ = ["Lines"]
