"""A Python module seen as SQL for an editor: the text of the same length
where every character of embedded SQL stays at its place and everything
else is blank, so that an offset in one is the same offset in the other.

What the language server analyses for a ``.py`` document (completion,
hover, signature help, go to definition inside the SQL strings): the SQL
written between the quotes, at its place.  Characters written as an
escape become the character they stand for followed by spaces (a
newline stays a newline); a hole (an f-string field, a ``%`` or
``.format`` conversion, a non-constant ``+`` operand) becomes ``?`` and
spaces; quotes, prefixes and what lies between implicitly concatenated
literals become spaces; each SQL text ends with ``;`` where its last
closing quote is, so that texts are separate statements.  (Literals joined
without a space, ``"SELECT a" "FROM t"``, read there as two words; the
diagnostics, from :mod:`.check`, read the exact value.)
"""

from __future__ import annotations

from .finder import FinderOptions, PythonSyntaxError, find_sql


def masked_text(text: str, options: FinderOptions | None = None) -> str:
    """``text`` with only its embedded SQL left (see the module docstring).
    A module that is not valid Python masks to blanks."""
    out = [c if c in "\r\n" else " " for c in text]
    try:
        module = find_sql(text, options or FinderOptions())
    except PythonSyntaxError:
        return "".join(out)
    done: set[tuple[int, int]] = set()
    for item in module.found:
        piece = item.piece
        if piece.origin in done or not piece.text:
            continue
        done.add(piece.origin)
        holes = {h.at for h in piece.holes}
        last = -1
        for i, ch in enumerate(piece.text):
            s, e = piece.starts[i], piece.ends[i]
            if s < last:  # a hole's or an escape's other characters
                continue
            if i in holes:
                out[s] = "?"
            elif e - s == 1 and text[s] == ch:
                out[s] = ch
            else:
                out[s] = ch if ch.isprintable() or ch in "\n\t" else " "
            last = s + 1 if i not in holes else e
        end = piece.ends[-1]  # the closing quote (or what follows the last part)
        if end < len(text) and out[end] == " ":
            out[end] = ";"
    return "".join(out)
