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

from typing import Final

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

# Dispatch is on ``type(doc) is ...``: one comparison of the type pointer
# once compiled, and the branch knows the class (its attributes are read
# directly, not looked up by name).

BREAK: Final = 0
FLAT: Final = 1

_CLOSERS: Final = frozenset({",", ")", ";"})

_CLOSE: Final = _Marker("CLOSE")
"""On :func:`propagate_breaks`'s stack: the innermost open group is done."""


def propagate_breaks(doc: Doc) -> None:
    """Mark groups that must break, and record the flat width of each and
    whether it is plain (iteratively, post-order).  A group is walked once:
    one met again (a group shared, or a doc printed again) keeps what was
    found the first time, which its contents alone decide."""
    # The stacks are lists that never shrink, with their height kept apart
    # (what lies above it is stale): a list popped to below half its room
    # is reallocated, and these stacks rise and fall all the time.
    # The docs to visit (a doc, or _CLOSE after a group's contents):
    # stack[:top].
    stack: list[Doc] = [doc]
    top = 1
    # The open groups, innermost last: open_groups[:depth].
    open_groups: list[Group] = []
    depth = 0
    # The innermost open group's (or, outside all, the text's) flat width
    # so far; whether it holds a multi-line comment printed inline or a
    # "--" comment (ragged: its flat width then says nothing about the line
    # it ends, and _fits walks it instead); whether it holds only plain
    # docs so far.  The enclosing groups' are in ``saved`` (saved[:depth]),
    # as width * 4 + ragged * 2 + plain.
    width = 0
    ragged = False
    plain = True
    saved: list[int] = []
    # A suffix-break seen and no text since: how many of the open groups
    # (the outermost ones) enclose it; -1: none pending.
    pending = -1
    while top:
        top -= 1
        item = stack[top]
        if type(item) is list:
            n = len(item)
            if top + n > len(stack):
                stack.extend(item)  # room, filled below
            for x in item:  # the first on top: visited first
                n -= 1
                stack[top + n] = x
            top += len(item)
        elif type(item) is str:
            width += len(item)
            if pending >= 0 and item.strip():
                if pending:
                    open_groups[pending - 1].broken = True
                pending = -1
        elif type(item) is Line:
            if item.hard:
                pending = -1  # the suffix is printed before it
                plain = False
                if depth:
                    open_groups[depth - 1].broken = True
            else:
                width += len(item.flat)
        elif type(item) is Keyword:
            width += len(item.text)
            if pending >= 0:
                if pending:
                    open_groups[pending - 1].broken = True
                pending = -1
        elif type(item) is Group:
            if item.walked:  # its flags are known
                if item.broken and depth:
                    open_groups[depth - 1].broken = True
                width += item.width
                ragged = ragged or item.width < 0
                plain = plain and item.plain
                continue
            item.walked = True
            state = width * 4 + ragged * 2 + plain
            if depth == len(open_groups):
                open_groups.append(item)
                saved.append(state)
            else:
                open_groups[depth] = item
                saved[depth] = state
            depth += 1
            width = 0
            ragged = False
            plain = True
            if top + 2 > len(stack):
                stack.extend((_CLOSE, _CLOSE))  # room
            stack[top] = _CLOSE
            stack[top + 1] = item.contents
            top += 2
        elif type(item) is Nest:
            if top == len(stack):
                stack.append(item.contents)
            else:
                stack[top] = item.contents
            top += 1
        elif item is _CLOSE:
            depth -= 1
            g = open_groups[depth]
            g.width = -1 if ragged else width
            g.plain = plain and not g.broken
            state = saved[depth]
            width += state >> 2
            ragged = bool(state & 2) or ragged
            plain = bool(state & 1) and g.plain
            if g.broken and depth:
                open_groups[depth - 1].broken = True
            if pending > depth:
                pending = depth
        elif type(item) is LineSuffix:  # a comment: text, but no width
            plain = False
            if pending >= 0:
                if pending:
                    open_groups[pending - 1].broken = True
                pending = -1
            if item.hard:
                ragged = True  # _fits must see it: it ends the line before the next text
        elif item is BREAK_PARENT or item is FRESH_LINE:
            plain = False
            if depth:
                open_groups[depth - 1].broken = True
        elif item is SUFFIX_BREAK:
            pending = depth
        elif type(item) is Verbatim or type(item) is InlineComment:
            text = item.text
            comment = type(item) is InlineComment
            if comment or "\n" in text:
                plain = False  # (a verbatim text on one line prints as any text)
            width += len(text) + comment
            if pending >= 0:
                if pending:
                    open_groups[pending - 1].broken = True
                pending = -1
            if "\n" in text:
                if comment:
                    ragged = True  # a comment breaks no group: it is measured line by line
                elif depth:
                    open_groups[depth - 1].broken = True


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
    # The commands still to measure: docs[:top] with their modes (lists
    # that never shrink, as propagate_breaks's stacks); the indentation
    # takes no part in measuring.
    docs: list[Doc] = [first[2]]
    modes: list[int] = [first[1]]
    top = 1
    rest_index = len(rest)
    # Nothing printed yet: a group that begins with a multi-line comment is
    # measured from the comment's last line, whatever the line before holds.
    fresh = True
    # A "--" comment is pending: the line ends before the next text that
    # is not closing punctuation (as the printer does).
    suffix = False
    while remaining >= 0 or fresh:
        if not top:
            if rest_index == 0:
                return True
            rest_index -= 1
            _indent, modes[0], docs[0] = rest[rest_index]
            top = 1
            continue
        top -= 1
        doc = docs[top]
        mode = modes[top]
        if type(doc) is str:
            if suffix and doc not in _CLOSERS:
                if doc.strip(" "):
                    return True
                continue  # a separating space the line break replaces
            if doc:
                remaining -= len(doc)
                before = doc
                fresh = False
        elif type(doc) is list:
            n = len(doc)
            if top + n > len(docs):
                docs.extend(doc)  # room, filled below
                modes.extend([mode] * n)
            for d in doc:  # the first on top
                n -= 1
                docs[top + n] = d
                modes[top + n] = mode
            top += len(doc)
        elif suffix and (type(doc) is Keyword or type(doc) is Verbatim or type(doc) is InlineComment):
            return True
        elif type(doc) is Keyword:
            remaining -= len(doc.text)
            before = doc.text
            fresh = False
        elif type(doc) is Group:
            if doc.broken:
                docs[top] = doc.contents  # (the group's own place: room)
                modes[top] = BREAK
                top += 1
            elif mode == FLAT and doc.width >= 0:
                remaining -= doc.width
                if doc.width:
                    before = "x"  # a group ends with a token
                    fresh = False
            else:
                docs[top] = doc.contents
                top += 1
        elif type(doc) is Nest:
            docs[top] = doc.contents
            top += 1
        elif type(doc) is Line:
            if mode == BREAK or doc.hard:
                return True
            if doc.flat:
                remaining -= len(doc.flat)
                before = doc.flat
                fresh = False
        elif type(doc) is InlineComment:
            text = doc.text
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
        elif type(doc) is Verbatim:
            text = doc.text
            if "\n" in text:
                return remaining - text.index("\n") >= 0
            remaining -= len(text)
            before = text
            fresh = False
        elif doc is FRESH_LINE:
            if mode == BREAK:
                return True
        elif type(doc) is LineSuffix:  # takes no width here
            suffix = suffix or doc.hard
        # BREAK_PARENT takes no width.
    return False


def _cased(text: str, case: int) -> str:
    return text.upper() if case == 1 else text.lower() if case == 2 else text


def _queue_suffixes(
    cmds: list[tuple[int, int, Doc]], suffixes: list[tuple[int, int, Doc]], *after: tuple[int, int, Doc]
) -> None:
    """The pending line suffixes (a trailing comment) print next, then
    ``after`` (the doc that made them end their line, re-queued); the
    pending list is emptied."""
    cmds.extend(after)
    cmds.extend(reversed(suffixes))
    suffixes.clear()


def print_doc(doc: Doc, width: int = 80, indent: int = 2, keyword_case: str = "upper") -> str:
    """Lay ``doc`` out and return the text (no trailing whitespace on any
    line, no final newline)."""
    propagate_breaks(doc)
    case = 1 if keyword_case == "upper" else 2 if keyword_case == "lower" else 0
    out: list[str] = []
    pos = 0  # column of the next character
    at_line_start = True
    need_newline = False  # a FRESH_LINE or a hard line suffix is pending
    suffixes: list[tuple[int, int, Doc]] = []
    hard_suffix = False
    cmds: list[tuple[int, int, Doc]] = [(0, BREAK, doc)]
    flat: list[Doc] = [doc]  # the docs of a plain group printed flat, still to print
    text: str

    while cmds or suffixes:
        if not cmds:  # the end: the pending line suffixes end the text
            _queue_suffixes(cmds, suffixes)
            hard_suffix = False
            continue
        ind, mode, d = cmds.pop()
        if type(d) is list:
            for x in reversed(d):
                cmds.append((ind, mode, x))
            continue
        if type(d) is Group:
            if d.broken:
                cmds.append((ind, BREAK, d.contents))
                continue
            if mode != FLAT:
                # With a line break pending, the group will start a new line.
                fresh = at_line_start or need_newline
                column = ind if need_newline and not at_line_start else pos
                before = "" if fresh or not out else out[-1][-1:]
                if not _fits((ind, FLAT, d), cmds, width - column, width, before):
                    cmds.append((ind, BREAK, d.contents))
                    continue
            if not d.plain or need_newline or suffixes:
                cmds.append((ind, FLAT, d.contents))
                continue
            # Flat and plain: its texts and the flat form of its lines, in
            # order, with nothing else to decide.
            # flat[:high]: what is still to print (a list that never shrinks)
            flat[0] = d.contents
            high = 1
            while high:
                high -= 1
                x = flat[high]
                if type(x) is list:
                    n = len(x)
                    if high + n > len(flat):
                        flat.extend(x)  # room, filled below
                    for y in x:  # the first on top
                        n -= 1
                        flat[high + n] = y
                    high += len(x)
                    continue
                if type(x) is str:
                    text = x
                elif type(x) is Keyword:
                    text = _cased(x.text, case)
                elif type(x) is Line:
                    if x.flat:
                        out.append(x.flat)
                        pos += len(x.flat)
                    continue
                elif type(x) is Group or type(x) is Nest:
                    flat[high] = x.contents  # (its own place)
                    high += 1
                    continue
                elif type(x) is Verbatim:  # on one line (else the group is not plain)
                    text = x.text
                else:  # SUFFIX_BREAK: nothing to print
                    continue
                if not text or (at_line_start and not text.strip(" ")):
                    continue  # no separating space at the start of a line
                out.append(text)
                pos += len(text)
                at_line_start = False
            continue
        if type(d) is Nest:
            cmds.append((ind + indent * d.levels, mode, d.contents))
            continue
        if type(d) is Line:
            if mode == FLAT and not d.hard and not need_newline:
                if d.flat:
                    out.append(d.flat)
                    pos += len(d.flat)
                continue
            if suffixes:
                _queue_suffixes(cmds, suffixes, (ind, mode, d))
                hard_suffix = False
                continue
            if at_line_start and need_newline:
                need_newline = False
                continue
            # Drop the spaces the printer itself put before the break (never
            # touch token text: a string literal may end a line with spaces).
            while out and out[-1] and not out[-1].strip(" "):
                out.pop()
            out.append("\n" + " " * ind)
            pos = ind
            at_line_start = True
            need_newline = False
            continue
        if type(d) is str:
            text = d
        elif type(d) is Keyword:
            text = _cased(d.text, case)
        elif type(d) is Verbatim:
            text = d.text
        elif type(d) is InlineComment:
            if suffixes and hard_suffix:  # a "--" comment ends its line first
                _queue_suffixes(cmds, suffixes, (ind, mode, d), (ind, mode, FRESH_LINE))
                hard_suffix = False
                continue
            text = d.text
            body: Doc = Verbatim(text) if "\n" in text else text
            if at_line_start or need_newline or not out or not _hugs(out[-1][-1:]):
                cmds.extend([(ind, mode, " "), (ind, mode, body)])
            else:  # closed up to the text before, as a trailing comment is
                cmds.extend([(ind, mode, body), (ind, mode, " ")])
            continue
        elif type(d) is LineSuffix:
            if suffixes and hard_suffix and d.hard:
                # Two "--" comments on one line would make the second part
                # of the first: the pending one ends its line first.
                _queue_suffixes(cmds, suffixes, (ind, mode, d), (ind, mode, FRESH_LINE))
                hard_suffix = False
                continue
            suffixes.append((ind, mode, d.contents))
            hard_suffix = hard_suffix or d.hard
            continue
        elif d is FRESH_LINE:
            if suffixes:
                # The pending line suffixes (a trailing comment) end this
                # line, before the fresh one starts.
                _queue_suffixes(cmds, suffixes, (ind, mode, d))
                hard_suffix = False
                continue
            if not at_line_start:
                need_newline = True
            continue
        elif d is BREAK_PARENT or d is SUFFIX_BREAK:
            continue
        else:
            raise TypeError(f"not a doc: {d!r}")
        # Text: a token, a keyword, verbatim text.
        if not text:
            continue
        if not text.strip(" ") and (at_line_start or need_newline or (suffixes and hard_suffix)):
            continue  # a separating space where a line break comes instead
        if suffixes and hard_suffix and text not in _CLOSERS:
            # A trailing "--" comment ends its line before more code (after
            # the code's own text: not after a separating space).
            while out and out[-1] and not out[-1].strip(" "):
                pos -= len(out.pop())
            _queue_suffixes(cmds, suffixes, (ind, mode, d), (ind, mode, FRESH_LINE))
            hard_suffix = False
            continue
        if need_newline and not at_line_start:
            while out and out[-1] and not out[-1].strip(" "):
                out.pop()
            out.append("\n" + " " * ind)
            pos = ind
        need_newline = False
        out.append(text)
        if "\n" in text:
            pos = len(text) - text.rindex("\n") - 1
        else:
            pos += len(text)
        at_line_start = False
    while out and out[-1] and not out[-1].strip(" "):
        out.pop()
    return "".join(out)
