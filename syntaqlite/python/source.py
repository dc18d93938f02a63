"""A Python module's text, lines as Python counts them, and where an ``ast``
node is in it.

``ast`` gives positions as 1-based lines and 0-based columns in UTF-8
bytes; everything else in syntaqlite speaks offsets into the Python
``str``.  :class:`PySource` converts once, here.  Lines end at ``\\r\\n``,
``\\r`` or ``\\n``, as Python's tokenizer has them.
"""

from __future__ import annotations

import ast
import re
from bisect import bisect_left, bisect_right

_NEWLINE = re.compile(r"\r\n|\r|\n")


class PySource:
    """The text of a ``.py`` file and its line starts (Python's notion)."""

    __slots__ = ("_ascii", "_bytes", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
        self._ascii = text.isascii()
        self._bytes: dict[int, list[int]] = {}  # line -> byte offset of each character

    def offset(self, line: int, byte_column: int) -> int:
        """The offset of ``ast``'s (1-based line, UTF-8 byte column); a
        byte-order mark, which ``ast`` does not see, counts on line 1."""
        start = self.starts[line - 1]
        if line == 1 and self.text.startswith("\ufeff"):
            byte_column += 3
        if self._ascii:
            return start + byte_column
        columns = self._bytes.get(line)
        if columns is None:
            end = self.starts[line] if line < len(self.starts) else len(self.text)
            columns = [0]
            for ch in self.text[start:end]:
                columns.append(columns[-1] + len(ch.encode("utf-8", errors="surrogatepass")))
            self._bytes[line] = columns
        return start + bisect_left(columns, byte_column)

    def span(self, node: ast.AST) -> tuple[int, int]:
        """Where ``node`` (an expression or statement) is: start and end offsets."""
        start = self.offset(node.lineno, node.col_offset)  # type: ignore[attr-defined]
        end_line = node.end_lineno  # type: ignore[attr-defined]
        end_col = node.end_col_offset  # type: ignore[attr-defined]
        end = self.offset(end_line, end_col) if end_line is not None and end_col is not None else start
        return start, end

    def line_of(self, offset: int) -> int:
        """The 1-based line of ``offset``."""
        return bisect_right(self.starts, offset)
