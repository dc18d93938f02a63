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
from bisect import bisect_right
from typing import Final

from .tokens import (
    COMMENT,
    COMPILED,
    ILLEGAL,
    KEYWORD_KINDS,
    KEYWORDS,
    LINE_BREAK,
    Token,
    _TokenSlots,
    make_token,
)

# Character classes are written as the complement of their ASCII part: the
# same sets as ``[A-Za-z0-9_$\x80-\U0010ffff]`` and the like, but a class
# with a range beyond U+FFFF makes ``re.compile`` walk 65,536 code points in
# Python, which costs milliseconds at every start of the command line.
_IDCHAR = r"[^\x00-#%-/:-@\[-^`{-\x7f]"  # A-Za-z0-9_$ and U+0080 onwards


# Leading whitespace, then one alternative per token shape; the group number
# says which matched.  Whitespace gets no token: it is exactly the gap
# between two tokens.  (SQLite's whitespace run starts with a space, tab,
# newline, form feed or carriage return and may continue with a vertical tab;
# since 3.36.0 a byte-order mark is whitespace of its own, before that it
# starts an identifier.)
def _compile(bom_is_space: bool) -> re.Pattern[str]:
    space = (
        r"(?:[ \t\n\f\r][ \t\n\v\f\r]*+|\ufeff)*+" if bom_is_space else r"(?:[ \t\n\f\r][ \t\n\v\f\r]*+)*+"
    )
    # A-Za-z_ and U+0080 onwards.  Where a byte-order mark is whitespace the
    # possessive run of whitespace before a token has taken every one, so
    # no token starts with it and the class need not leave it out (a class
    # reaching beyond U+00FF makes ``re.compile`` fill a 65,536-entry map:
    # 0.16 ms at every start).
    word_start = r"[^\x00-@\[-^`{-\x7f]"
    return re.compile(
        space
        + "(?:"
        + "|".join(
            [
                # (most frequent first, where two cannot start the same token:
                # a blob before a word, comments before operators, a number
                # before '.', complete quotes before an unterminated one)
                r"([xX]'[^']*(?:'|\Z))",  # 1 blob literal, checked below
                rf"({word_start}{_IDCHAR}*)",  # 2 word
                r"((?:0[xX][0-9a-fA-F][0-9a-fA-F_]*|(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)"
                rf"(?:[eE][+-]?[0-9][0-9_]*)?)({_IDCHAR}*))",  # 3 number, 4 trailing junk
                # strings and quoted names: possessive runs, so that a literal of
                # n characters costs O(1) regex memory (an alternation repeated
                # per character kept a backtracking frame per character)
                r"('[^']*+(?:''[^']*+)*+')",  # 5 string
                r"(--[^\n]*)",  # 6 line comment
                r"(/\*(?=[\s\S])[\s\S]*?(?:\*/|\Z))",  # 7 block comment (may be unterminated)
                r"(->>|->|\|\||<=|<>|<<|>=|>>|==|!=|[-|<>=(),;+*/%&~.])",  # 8 operator
                r'("[^"]*+(?:""[^"]*+)*+"|`[^`]*+(?:``[^`]*+)*+`|\[[^\]]*+\])',  # 9 quoted identifier
                r"""(['"`\[][\s\S]*)""",  # 10 unterminated quote
                r"(\?[0-9]*)",  # 11 numbered parameter
                r"([$@#:])",  # 12 named parameter, scanned by hand
                r"([\s\S])",  # 13 anything else
            ]
        )
        + ")"
    )


_PATTERN = _compile(bom_is_space=True)
_LEGACY_BOM_PATTERN: re.Pattern[str] | None = None  # before 3.36.0; compiled when first needed


class LexDialect:
    """How an older SQLite, or one built with tokenizer options, reads text
    differently from the newest default build (whose reading is
    ``LexDialect()``, and what :func:`tokenize` does without one)."""

    __slots__ = (
        "bom_is_space",
        "ptr_operator",
        "digit_separators",
        "hex_integers",
        "floating_point",
        "tcl_variables",
        "blob_literals",
    )

    bom_is_space: bool
    """3.36.0+: a byte-order mark at the start of a token is whitespace."""
    ptr_operator: bool
    """3.38.0+: ``->`` and ``->>`` are operators (before: ``-`` then ``>``/``>>``)."""
    digit_separators: bool
    """3.46.0+: ``_`` between digits; a hex literal followed by a letter is one
    bad token.  Before, ``0x1g`` was the number ``0x1`` and the name ``g``."""
    hex_integers: bool
    """Not SQLITE_OMIT_HEX_INTEGER."""
    floating_point: bool
    """Not SQLITE_OMIT_FLOATING_POINT: ``1.5``, ``.5`` and ``1e5`` are numbers."""
    tcl_variables: bool
    """Not SQLITE_OMIT_TCL_VARIABLE: ``$a::b`` and ``$a(x)`` parameters."""
    blob_literals: bool
    """Not SQLITE_OMIT_BLOB_LITERAL: ``X'00'`` is a blob."""

    def __init__(
        self,
        bom_is_space: bool = True,
        ptr_operator: bool = True,
        digit_separators: bool = True,
        hex_integers: bool = True,
        floating_point: bool = True,
        tcl_variables: bool = True,
        blob_literals: bool = True,
    ) -> None:
        self.bom_is_space = bom_is_space
        self.ptr_operator = ptr_operator
        self.digit_separators = digit_separators
        self.hex_integers = hex_integers
        self.floating_point = floating_point
        self.tcl_variables = tcl_variables
        self.blob_literals = blob_literals

    def _key(self) -> tuple[bool, ...]:
        return (
            self.bom_is_space,
            self.ptr_operator,
            self.digit_separators,
            self.hex_integers,
            self.floating_point,
            self.tcl_variables,
            self.blob_literals,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LexDialect) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        changed = [f"{name}={value}" for name, value in zip(self.__slots__, self._key()) if not value]
        return f"LexDialect({', '.join(changed)})"

    @property
    def modern_numbers(self) -> bool:
        return self.digit_separators and self.hex_integers and self.floating_point


def _is_idchar(c: str) -> bool:
    return not c.isascii() or c.isalnum() or c in "_$"


_HEX = frozenset("0123456789abcdefABCDEF")
_DEC = frozenset("0123456789")


def _scan_number(text: str, start: int, d: LexDialect) -> tuple[str, int]:
    """A number at ``text[start]`` (a digit, or '.' before a digit) as the
    tokenizer of the release and build ``d`` describes reads it: (kind, end)."""
    n = len(text)

    def at(i: int) -> str:
        return text[i] if i < n else ""

    if text[start] == "." and not d.floating_point:
        return "DOT", start + 1
    kind = "INTEGER"
    i = start
    if d.hex_integers and text[i] == "0" and at(i + 1) in ("x", "X") and at(i + 2) in _HEX:
        i += 3
        if not d.digit_separators:
            # before 3.46.0 a hex literal ended at its last hex digit
            while at(i) in _HEX:
                i += 1
            return kind, i
        while at(i) in _HEX or at(i) == "_":
            if at(i) == "_":
                kind = "QNUMBER"
            i += 1
    else:
        sep = d.digit_separators

        def digits(i: int, kind: str) -> tuple[int, str]:
            while at(i) in _DEC or (sep and at(i) == "_"):
                if at(i) == "_":
                    kind = "QNUMBER"
                i += 1
            return i, kind

        i, kind = digits(i, kind)
        if d.floating_point:
            if at(i) == ".":
                if kind == "INTEGER":
                    kind = "FLOAT"
                i, kind = digits(i + 1, kind)
            if at(i) in ("e", "E") and (at(i + 1) in _DEC or (at(i + 1) in ("+", "-") and at(i + 2) in _DEC)):
                if kind == "INTEGER":
                    kind = "FLOAT"
                i, kind = digits(i + 2, kind)
    while i < n and _is_idchar(text[i]):
        kind = ILLEGAL
        i += 1
    return kind, i


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

# The patterns of blobs and named parameters are compiled when a text first
# has one: re.compile takes 30 to 50 us for each, at every start otherwise.
_hex_blob: re.Pattern[str] | None = None
_parameter: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None = None


def _hex_blob_pattern() -> re.Pattern[str]:
    global _hex_blob
    if _hex_blob is None:
        _hex_blob = re.compile(r"[xX]'[0-9a-fA-F]*+'\Z")  # and an even number of digits
    return _hex_blob


def _parameter_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(name with TCL's ``::``, plain name, TCL's ``(...)`` suffix)."""
    global _parameter
    if _parameter is None:
        _parameter = (
            re.compile(rf"(?:{_IDCHAR}|::)*"),
            re.compile(rf"{_IDCHAR}*"),
            re.compile(r"\([^\s)]*\)?"),
        )
    return _parameter


def _scan_parameter(text: str, start: int, tcl: bool = True) -> tuple[str, int]:
    """A ``$name``, ``@name``, ``:name`` or ``#name`` parameter (with TCL's
    ``::`` and ``(...)`` suffixes unless ``tcl`` is off), as sqlite3GetToken
    scans it."""
    tcl_name, plain_name, tcl_arg = _parameter or _parameter_patterns()
    m = (tcl_name if tcl else plain_name).match(text, start + 1)
    assert m is not None
    end = m.end()
    name = m.group()
    # SQLite skips "::" without counting it towards the name's length.
    n = len(name) - 2 * name.count("::")
    kind = "VARIABLE"
    if tcl and n > 0 and end < len(text) and text[end] == "(":
        arg = tcl_arg.match(text, end)
        assert arg is not None
        end = arg.end()
        if not arg.group().endswith(")"):
            kind = ILLEGAL
    if n == 0:
        kind = ILLEGAL
    return kind, end


_SETTLED = 64
"""Characters between a token and the last token of a text, at least, for
``tokenize(resume=...)`` to keep it (far more than any token's lookahead)."""


def settled(tokens: list[Token]) -> int:
    """How many of ``tokens`` (of a text that may go on) no text after it
    could change: all but the last one and those that end less than
    ``_SETTLED`` characters before it starts (a token's match looks only a
    character or two past its end; one that more text could make longer, a
    number, a blob, a comment, a quote left open, ends where the text does,
    or runs into the last token).  Lexing the text from the end of the last
    of them gives the tokens after them."""
    if not tokens:
        return 0
    limit = tokens[-1].start - _SETTLED
    keep = len(tokens) - 1
    while keep and tokens[keep - 1].end > limit:
        keep -= 1
    return keep


def _pattern_of(dialect: LexDialect | None) -> re.Pattern[str]:
    """The token pattern for ``dialect``: where a byte-order mark is not
    whitespace (before 3.36.0), one compiled for that on first need."""
    if dialect is None or dialect.bom_is_space:
        return _PATTERN
    global _LEGACY_BOM_PATTERN
    if _LEGACY_BOM_PATTERN is None:
        _LEGACY_BOM_PATTERN = _compile(bom_is_space=False)
    return _LEGACY_BOM_PATTERN


def tokenize(
    text: str,
    keywords: dict[str, str] = KEYWORDS,
    dialect: LexDialect | None = None,
    *,
    resume: list[Token] | None = None,
) -> list[Token]:
    """Split ``text`` into tokens: the significant ones and comments (kind
    ``COMMENT``), in order.  Whitespace is the text between tokens.

    ``keywords`` maps upper-case keyword text to token kind; callers pass a
    different table to model other SQLite versions and build options, and a
    ``dialect`` for the ways older releases and some builds read numbers,
    operators, parameters and byte-order marks (``Target.lex_dialect``).

    ``resume``: the tokens of a prefix of ``text`` (from this function, with
    the same keywords and dialect), for a text that grows at its end.  The
    tokens that more text could change (the last one, and any that ends
    less than a few characters before it starts: a number, a blob or a
    comment cut short) are dropped, and the list is extended from there in
    place and returned: the same tokens as ``text`` lexed afresh, without
    lexing the prefix again.
    """
    tokens: list[Token] = []
    line = 1
    line_start = 0
    pos = 0
    end = len(text)
    if resume and text.count("\r") == text.count("\r\n"):  # (lone CRs: counted after the loop)
        keep = settled(resume)
        if keep:
            tokens = resume
            del tokens[keep:]
            last = tokens[-1]
            pos = last.end
            piece = last.text
            if "\n" in piece:
                line = last.line + piece.count("\n")
                line_start = last.start + piece.rindex("\n") + 1
            else:
                line = last.line
                line_start = last.start - last.column + 1
    append = tokens.append
    pattern = _pattern_of(dialect)
    numbers = None if dialect is None or dialect.modern_numbers else dialect
    find = text.find
    native = COMPILED
    # the next line break at or after pos (end: none): lines are counted by
    # stepping over the breaks as tokens pass them, one comparison a token
    nl = find("\n", pos)
    if nl < 0:
        nl = end
    while pos < end:
        # every match starts where the one before ended (the pattern matches
        # at any place but in whitespace that ends the text), so one scan
        # goes on until a token ends elsewhere than its match (scanned by
        # hand): a new scan starts there
        for m in pattern.finditer(text, pos):
            group: int = m.lastindex  # type: ignore[assignment]
            start, stop = m.span(group)  # (the token's group ends the match)
            mend = stop
            piece = text[start:stop]
            if group == 2:
                kind = "ID"
                if piece.isascii():  # no keyword has digits, '$' or non-ASCII letters
                    kind = keywords.get(piece.upper(), "ID")
            elif group == 8:
                kind = _OPERATORS[piece]
                if kind == "PTR" and dialect is not None and not dialect.ptr_operator:
                    kind, stop = "MINUS", start + 1  # before 3.38.0: '-' then '>' or '>>'
            elif group == 3:
                if numbers is not None:
                    kind, stop = _scan_number(text, start, numbers)
                elif m.group(4):
                    kind = ILLEGAL
                elif "_" in piece:
                    kind = "QNUMBER"
                elif piece[:2] in ("0x", "0X"):
                    kind = "INTEGER"
                elif "." in piece or "e" in piece or "E" in piece:
                    kind = "FLOAT"
                else:
                    kind = "INTEGER"
            elif group == 5:
                kind = "STRING"
            elif group == 9:
                kind = "ID"
            elif group == 6 or group == 7:
                kind = COMMENT
            elif group == 1:
                if dialect is not None and not dialect.blob_literals:
                    kind, stop = "ID", start + 1  # the name X, then a string
                else:
                    kind = (
                        "BLOB"
                        if len(piece) % 2 == 1 and (_hex_blob or _hex_blob_pattern()).match(piece)
                        else ILLEGAL
                    )
            elif group == 11:
                kind = "VARIABLE"
            elif group == 12:
                kind, stop = _scan_parameter(text, start, dialect is None or dialect.tcl_variables)
            else:  # 10 unterminated quote, 13 unknown character
                if m.start() != pos:
                    # the scan searched past whitespace that ends the text and
                    # found a vertical tab in it (which only continues a run)
                    pos = end
                    break
                kind = ILLEGAL
            if stop != mend:
                piece = text[start:stop]
            while nl < start:  # line breaks before the token
                line += 1
                line_start = nl + 1
                nl = find("\n", line_start)
                if nl < 0:
                    nl = end
            # make_token, inlined
            if native:  # a C call
                append(Token(kind, piece, start, line, start - line_start + 1, len(tokens)))
            else:  # a mutable token becomes an immutable Token
                tok = _TokenSlots(kind, piece, start, line, start - line_start + 1, len(tokens))
                tok.__class__ = Token
                append(tok)
            while nl < stop:  # line breaks inside it
                line += 1
                line_start = nl + 1
                nl = find("\n", line_start)
                if nl < 0:
                    nl = end
            pos = stop
            if stop != mend:
                break
        else:
            break  # only whitespace is left
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        _count_lone_cr(tokens, text)
    return tokens


def _classify(
    m: re.Match[str],
    group: int,
    text: str,
    start: int,
    stop: int,
    keywords: dict[str, str],
    dialect: LexDialect | None,
    numbers: LexDialect | None,
) -> tuple[str, int]:
    """The kind and end of the token ``m`` matched (its group ``group``
    spans ``start``-``stop``), as :func:`tokenize` decides them."""
    if group == 2:
        word = text[start:stop]
        return (keywords.get(word.upper(), "ID") if word.isascii() else "ID"), stop
    if group == 8:
        kind = _OPERATORS[text[start:stop]]
        if kind == "PTR" and dialect is not None and not dialect.ptr_operator:
            return "MINUS", start + 1
        return kind, stop
    if group == 3:
        number = text[start:stop]
        if numbers is not None:
            return _scan_number(text, start, numbers)
        if m.group(4):
            return ILLEGAL, stop
        if "_" in number:
            return "QNUMBER", stop
        if number[:2] in ("0x", "0X"):
            return "INTEGER", stop
        if "." in number or "e" in number or "E" in number:
            return "FLOAT", stop
        return "INTEGER", stop
    if group == 5:
        return "STRING", stop
    if group == 9:
        return "ID", stop
    if group == 6 or group == 7:
        return COMMENT, stop
    if group == 1:
        if dialect is not None and not dialect.blob_literals:
            return "ID", start + 1
        blob = text[start:stop]
        return (
            "BLOB" if len(blob) % 2 == 1 and (_hex_blob or _hex_blob_pattern()).match(blob) else ILLEGAL
        ), stop
    if group == 11:
        return "VARIABLE", stop
    if group == 12:
        return _scan_parameter(text, start, dialect is None or dialect.tcl_variables)
    return ILLEGAL, stop


def lexes_as(
    text: str, expected: list[Token], keywords: dict[str, str] = KEYWORDS, dialect: LexDialect | None = None
) -> bool:
    """Whether ``text`` lexes to ``expected``'s tokens one for one, each with
    the same text, or, for a keyword (a kind of ``KEYWORD_KINDS``), the same
    kind and the same text but for case: what comparing ``tokenize(text)``
    with them so answers, without making a token (the formatter's
    verification; memory does not grow with the text)."""
    pattern = _pattern_of(dialect)
    numbers = None if dialect is None or dialect.modern_numbers else dialect
    # the groups whose token is not simply the match (an older release or a
    # build option, parameters, blobs; an unterminated quote, an unknown
    # character): their end is decided as tokenize decides it
    by_hand = {1, 10, 12, 13}
    if numbers is not None:
        by_hand.add(3)
    if dialect is not None and not dialect.ptr_operator:
        by_hand.add(8)
    total = len(expected)
    i = 0
    pos = 0
    end = len(text)
    while pos < end:
        for m in pattern.finditer(text, pos):  # (see tokenize)
            group: int = m.lastindex  # type: ignore[assignment]
            start, stop = m.span(group)
            mend = stop
            kind = ""
            if group in by_hand:
                if (group == 10 or group == 13) and m.start() != pos:
                    return i == total  # whitespace ends the text
                kind, stop = _classify(m, group, text, start, stop, keywords, dialect, numbers)
            if i == total:
                return False
            want = expected[i].text
            if stop - start != len(want) or not text.startswith(want, start):
                # another text: only a keyword's case may differ
                if not kind:
                    kind, stop = _classify(m, group, text, start, stop, keywords, dialect, numbers)
                b = expected[i]
                if not (
                    kind == b.kind and kind in KEYWORD_KINDS and text[start:stop].upper() == want.upper()
                ):
                    return False
            i += 1
            pos = stop
            if stop != mend:
                break
        else:
            break
    return i == total


def _count_lone_cr(tokens: list[Token], text: str) -> None:
    """Place the tokens of a text with lone carriage returns, which end
    lines as ``\\n`` does (the loop above counts ``\\n`` only, the common
    case at no cost): each is replaced by one at its line and column."""
    starts = [0, *(m.end() for m in LINE_BREAK.finditer(text))]
    for k, tok in enumerate(tokens):
        line = bisect_right(starts, tok.start)
        column = tok.start - starts[line - 1] + 1
        if line != tok.line or column != tok.column:
            tokens[k] = make_token(tok.kind, tok.text, tok.start, line, column, tok.index)
