"""The document algebra of the formatter (Wadler 1998, Lindig 2000, with the
additions of Prettier and syntaqlite's Rust peer).

A doc is one of:

* ``str`` — text without line breaks;
* ``list`` — concatenation;
* :class:`Keyword` — a keyword, its case applied when printing;
* :class:`Group` — printed flat when it fits the line, else broken;
* :class:`Nest` — indents the lines broken inside it;
* :data:`LINE` / :data:`SOFTLINE` — a space / nothing when flat, a newline
  when broken; :data:`HARDLINE` — always a newline;
* :class:`LineSuffix` — text deferred to the end of the line (trailing
  ``--`` comments);
* :data:`BREAK_PARENT` — forces every enclosing group to break;
* :data:`SUFFIX_BREAK` — after a line suffix: breaks the innermost group
  that holds it and the text that follows it (none if no text follows
  before a hard line), as Prettier attaches a trailing comment to the
  outermost node that ends where it does;
* :data:`FRESH_LINE` — start a new line unless already at the start of one
  (comments on their own line);
* :class:`Verbatim` — text printed exactly as written, newlines included
  (``-- fmt: off`` regions, virtual-table arguments, multi-line comments);
* :class:`InlineComment` — a block comment that leads the next token on its
  line, spaced by what the printer has just written.

Docs are plain immutable values except :class:`Group`, whose ``broken`` flag,
flat ``width`` and ``plain`` flag the printer's break propagation sets once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final, Union


class Keyword:
    """A keyword; the printer applies the keyword case option to it."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"Keyword({self.text!r})"


class Group:
    __slots__ = ("contents", "broken", "width", "plain", "walked")

    def __init__(self, contents: Doc, broken: bool = False) -> None:
        self.contents = contents
        self.broken = broken
        self.width = 0
        """Columns the group takes printed flat (set with ``broken`` by the
        printer's break propagation; meaningless for a broken group)."""
        self.plain = False
        """Set by the break propagation: the group is not broken and holds
        only text, keywords, verbatim text on one line, soft lines, nests
        and plain groups, so that printed flat it is its texts one after the
        other (no comment, nothing that breaks)."""
        self.walked = False
        """The break propagation has set the fields above."""

    def __repr__(self) -> str:
        return f"Group({self.contents!r}{', broken' if self.broken else ''})"


class Nest:
    __slots__ = ("levels", "contents")

    def __init__(self, levels: int, contents: Doc) -> None:
        self.levels = levels
        self.contents = contents

    def __repr__(self) -> str:
        return f"Nest({self.levels}, {self.contents!r})"


class Line:
    """A line break opportunity.  ``flat`` is what it prints as when its
    group is flat; a hard line always breaks."""

    __slots__ = ("flat", "hard")

    def __init__(self, flat: str, hard: bool = False) -> None:
        self.flat = flat
        self.hard = hard

    def __repr__(self) -> str:
        return "HARDLINE" if self.hard else ("LINE" if self.flat else "SOFTLINE")


class LineSuffix:
    """Text printed at the end of the current line, just before the next
    line break.  With ``hard``, text that follows on the same line (other
    than closing punctuation) first gets a line break of its own: a trailing
    ``--`` comment never swallows code."""

    __slots__ = ("contents", "hard")

    def __init__(self, contents: Doc, hard: bool = True) -> None:
        self.contents = contents
        self.hard = hard

    def __repr__(self) -> str:
        return f"LineSuffix({self.contents!r})"


class Verbatim:
    """Text printed exactly as it is, line breaks included."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"Verbatim({self.text!r})"


class InlineComment:
    """A block comment printed on the line of the token it leads.  At the
    start of a line, after a space or after ``(`` it prints as ``/* c */ ``;
    after any other text (the token is closed up to what precedes it, as
    ``)`` ``,`` ``.`` ``;`` and the ``(`` of a call are) as `` /* c */``.
    Either way it reads back as the same text: a comment on the line of the
    token before it is that token's trailing comment, which prints `` /* c
    */`` (``/* c */ `` after ``(``), so formatting the output again keeps it
    where it is."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"InlineComment({self.text!r})"


class _Marker:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


Doc = Union[str, list["Doc"], Keyword, Group, Nest, Line, LineSuffix, Verbatim, InlineComment, _Marker]  # noqa: UP007

# Final: compiled, a module constant, not a name looked up at each use.
LINE: Final = Line(" ")
SOFTLINE: Final = Line("")
HARDLINE: Final = Line("", hard=True)
BREAK_PARENT: Final = _Marker("BREAK_PARENT")
FRESH_LINE: Final = _Marker("FRESH_LINE")
SUFFIX_BREAK: Final = _Marker("SUFFIX_BREAK")


# -- builders ---------------------------------------------------------------


def group(*parts: Doc, broken: bool = False) -> Group:
    return Group(list(parts), broken)


def nest(*parts: Doc, levels: int = 1) -> Nest:
    return Nest(levels, list(parts))


def join(separator: Doc, docs: Iterable[Doc]) -> list[Doc]:
    out: list[Doc] = []
    for i, d in enumerate(docs):
        if i:
            out.append(separator)
        out.append(d)
    return out


def block(opener: Doc, items: Sequence[Doc], closer: Doc, *, separator: Doc = ",") -> Group:
    """``(a, b, c)`` when it fits; otherwise one item per line, indented,
    with the closing parenthesis back at the opener's indentation."""
    if not items:
        return group(opener, closer)
    body: list[Doc] = []
    for i, item in enumerate(items):
        if i:
            body.extend([separator, LINE])
        body.append(item)
    return group(opener, nest(SOFTLINE, *body), SOFTLINE, closer)
