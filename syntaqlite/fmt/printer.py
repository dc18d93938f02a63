"""Lay a doc out within a line width: Wadler-Lindig, iteratively.

The printer keeps an explicit stack of commands ``(indent, mode, doc)``, as
Lindig's strict variant and Prettier do, so documents of any depth print
without recursion.  A group is printed flat when its flat form, followed by
what comes after it up to the next possible line break, fits the rest of the
line; otherwise its lines break.

Before printing, :func:`propagate_breaks` marks every group that contains a
hard line, a break-parent, a fresh-line or a multi-line verbatim text as
broken, and every group that encloses a broken one too; a suffix-break
breaks the innermost group that holds it and the next text.  A multi-line
comment printed inline breaks no group: the fits check skips its first line
and measures the text after it from the start of its last line, so the
comment lays out the same whichever token it is attached to (the one after
it, or, once formatted, the one before).
"""

from __future__ import annotations

from .doc import (
    BREAK_PARENT,
    FRESH_LINE,
    SUFFIX_BREAK,
    Doc,
    Group,
    InlineComment,
    Keyword,
    Line,
    LineSuffix,
    Nest,
    Verbatim,
    _Marker,
)

BREAK = 0
FLAT = 1

_CLOSERS = frozenset({",", ")", ";"})


_CLOSE = _Marker("CLOSE")
"""On :func:`propagate_breaks`'s stack: the innermost open group is done."""


def propagate_breaks(doc: Doc) -> None:
    """Mark groups that must break, and record the flat width of each
    (iteratively, post-order)."""
    # Stack entries: a doc to visit, or _CLOSE after a group's contents.
    stack: list[Doc] = [doc]
    open_groups: list[Group] = []
    widths = [0]  # flat width so far of each open group (and of the text outside them)
    seen: set[int] = set()
    # A suffix-break seen and no text since: how many of the open groups
    # (the outermost ones) enclose it; -1: none pending.
    pending = -1
    # Per open group (and the text outside them): does it hold a multi-line
    # comment printed inline, or a "--" comment?  Its flat width then says
    # nothing about the line it ends, and _fits walks it instead.
    ragged = [False]
    while stack:
        item = stack.pop()
        cls = item.__class__
        if cls is str:
            widths[-1] += len(item)  # type: ignore[arg-type]
            if pending >= 0 and item.strip():  # type: ignore[union-attr]
                if pending:
                    open_groups[pending - 1].broken = True
                pending = -1
            continue
        if cls is Keyword:
            widths[-1] += len(item.text)  # type: ignore[union-attr]
            if pending >= 0:
                if pending:
                    open_groups[pending - 1].broken = True
                pending = -1
            continue
        if cls is list:
            stack.extend(reversed(item))  # type: ignore[arg-type]
        elif cls is Group:
            if id(item) in seen:  # a shared group: its flag is already known
                if item.broken and open_groups:  # type: ignore[union-attr]
                    open_groups[-1].broken = True
                widths[-1] += item.width  # type: ignore[union-attr]
                ragged[-1] = ragged[-1] or item.width < 0  # type: ignore[union-attr]
                continue
            seen.add(id(item))
            open_groups.append(item)  # type: ignore[arg-type]
            widths.append(0)
            ragged.append(False)
            stack.append(_CLOSE)
            stack.append(item.contents)  # type: ignore[union-attr]
        elif item is _CLOSE:
            g = open_groups.pop()
            w = widths.pop()
            widths[-1] += w
            if ragged.pop():
                ragged[-1] = True
                w = -1
            g.width = w
            if g.broken and open_groups:
                open_groups[-1].broken = True
            if pending > len(open_groups):
                pending = len(open_groups)
        elif cls is Nest:
            stack.append(item.contents)  # type: ignore[union-attr]
        elif cls is Line:
            if item.hard:  # type: ignore[union-attr]
                pending = -1  # the suffix is printed before it
                if open_groups:
                    open_groups[-1].broken = True
            else:
                widths[-1] += len(item.flat)  # type: ignore[union-attr]
        elif cls is LineSuffix:  # a comment: text, but no width
            if pending >= 0:
                if pending:
                    open_groups[pending - 1].broken = True
                pending = -1
            if item.hard:  # type: ignore[union-attr]
                ragged[-1] = True  # _fits must see it: it ends the line before the next text
        elif item is BREAK_PARENT or item is FRESH_LINE:
            if open_groups:
                open_groups[-1].broken = True
        elif item is SUFFIX_BREAK:
            pending = len(open_groups)
        elif cls is Verbatim or cls is InlineComment:
            widths[-1] += len(item.text) + (cls is InlineComment)  # type: ignore[union-attr]
            if pending >= 0:
                if pending:
                    open_groups[pending - 1].broken = True
                pending = -1
            if "\n" in item.text:  # type: ignore[union-attr]
                if cls is InlineComment:
                    ragged[-1] = True  # a comment breaks no group: it is measured line by line
                elif open_groups:
                    open_groups[-1].broken = True


def _hugs(before: str) -> bool:
    """Does an :class:`InlineComment` after the text ``before`` (its last
    character; empty at the start of a line) close up to it?"""
    return before not in ("", " ", "(", "\n")


def _fits(
    first: tuple[int, int, Doc],
    rest: list[tuple[int, int, Doc]],
    width: int,
    line_width: int,
    before: str,
) -> bool:
    """Does ``first`` (flat), then the commands below it up to the first
    line break, fit in ``width`` columns?  Text after a multi-line comment
    printed inline must fit in ``line_width`` less the comment's last line
    (``before``: the last character printed, for the comment's spacing)."""
    remaining = width
    stack = [first]
    rest_index = len(rest)
    # Nothing printed yet: a group that begins with a multi-line comment is
    # measured from the comment's last line, whatever the line before holds.
    fresh = True
    # A "--" comment is pending: the line ends before the next text that
    # is not closing punctuation (as the printer does).
    suffix = False
    while remaining >= 0 or fresh:
        if not stack:
            if rest_index == 0:
                return True
            rest_index -= 1
            stack.append(rest[rest_index])
            continue
        _indent, mode, doc = stack.pop()
        cls = doc.__class__
        if cls is str:
            if suffix and doc not in _CLOSERS:
                if doc.strip(" "):  # type: ignore[union-attr]
                    return True
                continue  # a separating space the line break replaces
            if doc:
                remaining -= len(doc)  # type: ignore[arg-type]
                before = doc  # type: ignore[assignment]
                fresh = False
        elif cls is list:
            for d in reversed(doc):  # type: ignore[arg-type,union-attr]
                stack.append((_indent, mode, d))
        elif suffix and (cls is Keyword or cls is Verbatim or cls is InlineComment):
            return True
        elif cls is Keyword:
            remaining -= len(doc.text)  # type: ignore[union-attr]
            before = doc.text  # type: ignore[union-attr]
            fresh = False
        elif cls is Group:
            if doc.broken:  # type: ignore[union-attr]
                stack.append((_indent, BREAK, doc.contents))  # type: ignore[union-attr]
            elif mode == FLAT and doc.width >= 0:  # type: ignore[union-attr]
                remaining -= doc.width  # type: ignore[union-attr]
                if doc.width:  # type: ignore[union-attr]
                    before = "x"  # a group ends with a token
                    fresh = False
            else:
                stack.append((_indent, mode, doc.contents))  # type: ignore[union-attr]
        elif cls is Nest:
            stack.append((_indent, mode, doc.contents))  # type: ignore[union-attr]
        elif cls is Line:
            if mode == BREAK or doc.hard:  # type: ignore[union-attr]
                return True
            if doc.flat:  # type: ignore[union-attr]
                remaining -= len(doc.flat)  # type: ignore[union-attr]
                before = doc.flat  # type: ignore[union-attr]
                fresh = False
        elif cls is InlineComment:
            text = doc.text  # type: ignore[union-attr]
            hugs = _hugs(before[-1:])
            if "\n" in text:
                # `` /* a`` or ``/* a``, then ``b */`` or ``b */ `` from the
                # line start.  The first line is not measured: no break can
                # shorten it once the comment leads the group measured, and
                # formatted again, the comment trails the token before it
                # (so the same break choices whichever token holds it).
                if remaining - hugs < 0 and not fresh:
                    return False
                remaining = line_width - (len(text) - text.rindex("\n") - 1) - (not hugs)
            else:
                remaining -= len(text) + 1
            before = text if hugs else " "
            fresh = False
        elif cls is Verbatim:
            text = doc.text  # type: ignore[union-attr]
            if "\n" in text:
                return remaining - text.index("\n") >= 0
            remaining -= len(text)
            before = text
            fresh = False
        elif doc is FRESH_LINE:
            if mode == BREAK:
                return True
        elif cls is LineSuffix:  # takes no width here
            suffix = suffix or doc.hard  # type: ignore[union-attr]
        # BREAK_PARENT takes no width.
    return False


def print_doc(doc: Doc, width: int = 80, indent: int = 2, keyword_case: str = "upper") -> str:
    """Lay ``doc`` out and return the text (no trailing whitespace on any
    line, no final newline)."""
    propagate_breaks(doc)
    out: list[str] = []
    pos = 0  # column of the next character
    at_line_start = True
    need_newline = False  # a FRESH_LINE or a hard line suffix is pending
    suffixes: list[tuple[int, int, Doc]] = []
    hard_suffix = False
    cmds: list[tuple[int, int, Doc]] = [(0, BREAK, doc)]

    def newline(ind: int) -> None:
        nonlocal pos, at_line_start, need_newline
        # Drop the spaces the printer itself put before the break (never
        # touch token text: a string literal may end a line with spaces).
        while out and out[-1] and not out[-1].strip(" "):
            out.pop()
        out.append("\n" + " " * ind)
        pos = ind
        at_line_start = True
        need_newline = False

    while cmds or suffixes:
        if not cmds:  # the end: the pending line suffixes end the text
            cmds.extend(reversed(suffixes))
            suffixes = []
            hard_suffix = False
            continue
        ind, mode, d = cmds.pop()
        cls = d.__class__
        if cls is str or cls is Keyword or cls is Verbatim:
            if cls is str:
                text: str = d  # type: ignore[assignment]
            elif cls is Keyword:
                text = d.text  # type: ignore[union-attr]
                if keyword_case == "upper":
                    text = text.upper()
                elif keyword_case == "lower":
                    text = text.lower()
            else:
                text = d.text  # type: ignore[union-attr]
            if not text:
                continue
            if not text.strip(" ") and (at_line_start or need_newline or (suffixes and hard_suffix)):
                continue  # a separating space where a line break comes instead
            if suffixes and hard_suffix and text not in _CLOSERS:
                # A trailing "--" comment ends its line before more code
                # (after the code's own text: not after a separating space).
                while out and out[-1] and not out[-1].strip(" "):
                    pos -= len(out.pop())
                cmds.append((ind, mode, d))
                cmds.append((ind, mode, FRESH_LINE))
                cmds.extend(reversed(suffixes))
                suffixes = []
                hard_suffix = False
                continue
            if need_newline and not at_line_start:
                newline(ind)
            need_newline = False
            out.append(text)
            if "\n" in text:
                pos = len(text) - text.rindex("\n") - 1
            else:
                pos += len(text)
            at_line_start = False
        elif cls is list:
            for x in reversed(d):  # type: ignore[arg-type,union-attr]
                cmds.append((ind, mode, x))
        elif cls is InlineComment:
            if suffixes and hard_suffix:  # a "--" comment ends its line first
                cmds.append((ind, mode, d))
                cmds.append((ind, mode, FRESH_LINE))
                cmds.extend(reversed(suffixes))
                suffixes = []
                hard_suffix = False
                continue
            text = d.text  # type: ignore[union-attr]
            body: Doc = Verbatim(text) if "\n" in text else text
            if at_line_start or need_newline or not out or not _hugs(out[-1][-1:]):
                cmds.extend([(ind, mode, " "), (ind, mode, body)])
            else:  # closed up to the text before, as a trailing comment is
                cmds.extend([(ind, mode, body), (ind, mode, " ")])
        elif cls is Group:
            if d.broken:  # type: ignore[union-attr]
                cmds.append((ind, BREAK, d.contents))  # type: ignore[union-attr]
            elif mode == FLAT:
                cmds.append((ind, FLAT, d.contents))  # type: ignore[union-attr]
            else:
                # With a line break pending, the group will start a new line.
                fresh = at_line_start or need_newline
                column = ind if need_newline and not at_line_start else pos
                before = "" if fresh or not out else out[-1][-1:]
                if _fits((ind, FLAT, d), cmds, width - column, width, before):
                    cmds.append((ind, FLAT, d.contents))  # type: ignore[union-attr]
                else:
                    cmds.append((ind, BREAK, d.contents))  # type: ignore[union-attr]
        elif cls is Nest:
            cmds.append((ind + indent * d.levels, mode, d.contents))  # type: ignore[union-attr]
        elif cls is Line:
            if mode == FLAT and not d.hard and not need_newline:  # type: ignore[union-attr]
                if d.flat:  # type: ignore[union-attr]
                    out.append(d.flat)  # type: ignore[union-attr]
                    pos += len(d.flat)  # type: ignore[union-attr]
                continue
            if suffixes:
                cmds.append((ind, mode, d))
                cmds.extend(reversed(suffixes))
                suffixes = []
                hard_suffix = False
                continue
            if at_line_start and need_newline:
                need_newline = False
                continue
            newline(ind)
        elif cls is LineSuffix:
            if suffixes and hard_suffix and d.hard:  # type: ignore[union-attr]
                # Two "--" comments on one line would make the second part
                # of the first: the pending one ends its line first.
                cmds.append((ind, mode, d))
                cmds.append((ind, mode, FRESH_LINE))
                cmds.extend(reversed(suffixes))
                suffixes = []
                hard_suffix = False
                continue
            suffixes.append((ind, mode, d.contents))  # type: ignore[union-attr]
            hard_suffix = hard_suffix or d.hard  # type: ignore[union-attr]
        elif d is FRESH_LINE:
            if suffixes:
                # The pending line suffixes (a trailing comment) end this
                # line, before the fresh one starts.
                cmds.append((ind, mode, d))
                cmds.extend(reversed(suffixes))
                suffixes = []
                hard_suffix = False
                continue
            if not at_line_start:
                need_newline = True
        elif d is BREAK_PARENT or d is SUFFIX_BREAK:
            pass
        else:
            raise TypeError(f"not a doc: {d!r}")
    while out and out[-1] and not out[-1].strip(" "):
        out.pop()
    return "".join(out)
