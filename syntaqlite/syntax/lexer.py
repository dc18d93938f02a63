"""Text -> tokens, exactly as SQLite's tokenizer (src/tokenize.c) reads it.

The lexer is lossless: every character of the input belongs either to a
token (comments included, kind ``COMMENT``) or to the whitespace between two
tokens, so the input is the tokens' texts with the gaps between them.  Text SQLite cannot
tokenize becomes an ``ILLEGAL`` token; the lexer itself never fails.

SQLite works on UTF-8 bytes and treats every byte >= 0x80 as part of an
identifier; on a Python string that means every character >= U+0080, except
the byte-order mark U+FEFF, which SQLite skips as whitespace.
"""

from __future__ import annotations

import re
from typing import Final

from .tokens import COMMENT, ILLEGAL, KEYWORDS, Token

_IDCHAR = r"A-Za-z0-9_$\x80-\U0010ffff"

# Leading whitespace, then one alternative per token shape; the group number
# says which matched.  Whitespace gets no token: it is exactly the gap
# between two tokens.  (SQLite's whitespace run starts with a space, tab,
# newline, form feed or carriage return and may continue with a vertical tab;
# a byte-order mark is whitespace of its own.)
_PATTERN = re.compile(
    r"(?:[ \t\n\f\r][ \t\n\v\f\r]*+|\ufeff)*+(?:"
    + "|".join(
        [
            r"(--[^\n]*)",  # 1 line comment
            r"(/\*(?=[\s\S])[\s\S]*?(?:\*/|\Z))",  # 2 block comment (may be unterminated)
            r"([xX]'[^']*(?:'|\Z))",  # 3 blob literal, checked below
            rf"([A-Za-z_\x80-\ufefe\uff00-\U0010ffff][{_IDCHAR}]*)",  # 4 word
            r"((?:0[xX][0-9a-fA-F][0-9a-fA-F_]*|(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)"
            rf"(?:[eE][+-]?[0-9][0-9_]*)?)([{_IDCHAR}]*))",  # 5 number, 6 trailing junk
            r"('(?:[^']|'')*')",  # 7 string
            r'("(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\])',  # 8 quoted identifier
            r"""(['"`\[][\s\S]*)""",  # 9 unterminated quote
            r"(\?[0-9]*)",  # 10 numbered parameter
            r"([$@#:])",  # 11 named parameter, scanned by hand
            r"(->>|->|\|\||<=|<>|<<|>=|>>|==|!=|[-|<>=(),;+*/%&~.])",  # 12 operator
            r"([\s\S])",  # 13 anything else
        ]
    )
    + ")"
)

_OPERATORS: Final[dict[str, str]] = {
    "-": "MINUS",
    "->": "PTR",
    "->>": "PTR",
    "|": "BITOR",
    "||": "CONCAT",
    "<": "LT",
    "<=": "LE",
    "<>": "NE",
    "<<": "LSHIFT",
    ">": "GT",
    ">=": "GE",
    ">>": "RSHIFT",
    "=": "EQ",
    "==": "EQ",
    "!=": "NE",
    "(": "LP",
    ")": "RP",
    ",": "COMMA",
    ";": "SEMI",
    "+": "PLUS",
    "*": "STAR",
    "/": "SLASH",
    "%": "REM",
    "&": "BITAND",
    "~": "BITNOT",
    ".": "DOT",
}

_HEX_BLOB = re.compile(r"[xX]'(?:[0-9a-fA-F][0-9a-fA-F])*'\Z")
_PARAM_NAME = re.compile(rf"(?:[{_IDCHAR}]|::)*")
_PARAM_ARG = re.compile(r"\([^\s)]*\)?")


def _scan_parameter(text: str, start: int) -> tuple[str, int]:
    """A ``$name``, ``@name``, ``:name`` or ``#name`` parameter (with TCL's
    ``::`` and ``(...)`` suffixes), as sqlite3GetToken scans it."""
    m = _PARAM_NAME.match(text, start + 1)
    assert m is not None
    end = m.end()
    name = m.group()
    # SQLite skips "::" without counting it towards the name's length.
    n = len(name) - 2 * name.count("::")
    kind = "VARIABLE"
    if n > 0 and end < len(text) and text[end] == "(":
        arg = _PARAM_ARG.match(text, end)
        assert arg is not None
        end = arg.end()
        if not arg.group().endswith(")"):
            kind = ILLEGAL
    if n == 0:
        kind = ILLEGAL
    return kind, end


def tokenize(text: str, keywords: dict[str, str] = KEYWORDS) -> list[Token]:
    """Split ``text`` into tokens: the significant ones and comments (kind
    ``COMMENT``), in order.  Whitespace is the text between tokens.

    ``keywords`` maps upper-case keyword text to token kind; callers pass a
    different table to model other SQLite versions and build options.
    """
    tokens: list[Token] = []
    append = tokens.append
    line = 1
    line_start = 0
    pos = 0
    end = len(text)
    match = _PATTERN.match
    count = text.count
    while pos < end:
        m = match(text, pos)
        if m is None:  # only whitespace is left
            break
        group = m.lastindex
        start = m.start(group)  # type: ignore[arg-type]
        stop = m.end()
        if start != pos:
            newlines = count("\n", pos, start)
            if newlines:
                line += newlines
                line_start = text.rindex("\n", pos, start) + 1
        if group == 4:
            word = m.group(4)
            kind = "ID"
            if word.isascii():  # no keyword has digits, '$' or non-ASCII letters
                kind = keywords.get(word.upper(), "ID")
        elif group == 12:
            kind = _OPERATORS[m.group(12)]
        elif group == 5 or group == 6:
            number = m.group(5)
            if m.group(6):
                kind = ILLEGAL
            elif "_" in number:
                kind = "QNUMBER"
            elif number[:2] in ("0x", "0X"):
                kind = "INTEGER"
            elif "." in number or "e" in number or "E" in number:
                kind = "FLOAT"
            else:
                kind = "INTEGER"
        elif group == 7:
            kind = "STRING"
        elif group == 8:
            kind = "ID"
        elif group == 1 or group == 2:
            kind = COMMENT
        elif group == 3:
            kind = "BLOB" if _HEX_BLOB.match(m.group(3)) else ILLEGAL
        elif group == 10:
            kind = "VARIABLE"
        elif group == 11:
            kind, stop = _scan_parameter(text, start)
        else:  # 9 unterminated quote, 13 unknown character
            kind = ILLEGAL
        piece = text[start:stop]
        append(Token(kind, piece, start, line, start - line_start + 1, len(tokens)))
        if "\n" in piece:
            line += piece.count("\n")
            line_start = start + piece.rindex("\n") + 1
        pos = stop
    return tokens
