"""Tokens and SQLite's keyword table.

Token kinds are the names of SQLite's ``TK_`` codes (``SELECT``, ``ID``,
``LP`` ...), which are also the terminal names of ``grammar/sqlite.lark``.
Two extra kinds never reach the parser: ``SPACE`` and ``COMMENT`` (trivia).
``ILLEGAL`` marks text SQLite's tokenizer cannot read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

COMMENT: Final = "COMMENT"
ILLEGAL: Final = "ILLEGAL"
TRIVIA: Final = frozenset({COMMENT})


LINE_BREAK = re.compile(r"\r\n?|\n")
"""Where a line ends: ``\\n``, ``\\r\\n`` or a lone ``\\r`` (as editors count
lines; ``syntaqlite.text.Lines`` counts the same way)."""


class _TokenSlots:
    """The fields of a :class:`Token` and the constructor that fills them.

    Token itself refuses attribute assignment; a token is made as an
    instance of this class and then becomes a Token (``tok.__class__ =
    Token``, what :func:`make_token` does).  Measured on CPython 3.11, that
    costs about 35 ns a token over a plain mutable slots class (150 ns), where
    a frozen dataclass, or a ``__setattr__`` that raises and fields set with
    ``object.__setattr__``, costs 450 to 530 ns more, and a named tuple is as
    cheap to make but makes every attribute read 2.7 times slower.
    """

    __slots__ = ("kind", "text", "start", "line", "column", "index")

    kind: str
    text: str
    start: int
    line: int
    column: int
    index: int

    def __init__(self, kind: str, text: str, start: int, line: int, column: int, index: int = -1) -> None:
        self.kind = kind
        self.text = text
        self.start = start
        self.line = line
        self.column = column
        self.index = index  # position in the full token list, trivia included

    @property
    def end(self) -> int:
        """Offset just past the last character (computed: a dump's tokens
        are a large part of its memory, and an offset costs 36 bytes a
        token to keep)."""
        return self.start + len(self.text)


class Token(_TokenSlots):
    """One token of the input, with its exact place in the source.
    Immutable: assigning an attribute raises :class:`AttributeError`.

    ``start`` and ``end`` are offsets into the source string (``end``
    exclusive); ``line`` and ``column`` are 1-based, the column counted in
    characters.  ``kind`` is the SQLite token code name (``SELECT``, ``ID``,
    ``LP`` ...).  A keyword the parser reads as a name is a different token
    of kind ID (:meth:`as_name`), which replaces the keyword in the parse
    result's token list at the same ``index``.  Tokens compare by identity.
    """

    __slots__ = ()

    def __new__(cls, kind: str, text: str, start: int, line: int, column: int, index: int = -1) -> Token:
        tok = _TokenSlots(kind, text, start, line, column, index)
        tok.__class__ = cls
        return tok  # type: ignore[return-value]

    if TYPE_CHECKING:

        def __init__(
            self, kind: str, text: str, start: int, line: int, column: int, index: int = -1
        ) -> None: ...

    else:
        # The fields are set by __new__; object's __init__ ignores the
        # arguments (and costs nothing).
        __init__ = object.__init__

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Token is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Token is immutable: cannot delete {name!r}")

    def __reduce__(self) -> tuple[type[Token], tuple[str, str, int, int, int, int]]:
        return Token, (self.kind, self.text, self.start, self.line, self.column, self.index)

    def as_name(self) -> Token:
        """The same text at the same place, as an identifier (kind ID): a
        keyword that the parser reads as a name."""
        return make_token("ID", self.text, self.start, self.line, self.column, self.index)

    @property
    def end_line(self) -> int:
        text = self.text
        if "\r" in text:
            return self.line + len(LINE_BREAK.findall(text))
        return self.line + text.count("\n")

    @property
    def end_column(self) -> int:
        """1-based column just past the token's last character."""
        text = self.text
        if "\r" in text:
            breaks = [m.end() for m in LINE_BREAK.finditer(text)]
            return len(text) - breaks[-1] + 1 if breaks else self.column + len(text)
        if "\n" in text:
            return len(text) - text.rindex("\n")
        return self.column + len(text)

    @property
    def is_trivia(self) -> bool:
        return self.kind in TRIVIA

    @property
    def is_keyword(self) -> bool:
        return self.kind in KEYWORD_KINDS

    def __repr__(self) -> str:
        return f"Token({self.kind}, {self.text!r}, {self.line}:{self.column})"


def make_token(kind: str, text: str, start: int, line: int, column: int, index: int = -1) -> Token:
    """``Token(...)`` without the cost of ``Token.__new__`` (the lexer's
    way of making tokens)."""
    tok = _TokenSlots(kind, text, start, line, column, index)
    tok.__class__ = Token
    return tok  # type: ignore[return-value]


# Keyword text -> token kind, as in SQLite's tool/mkkeywordhash.c (default
# build).  WITHIN is a keyword only with SQLITE_ENABLE_ORDERED_SET_AGGREGATES;
# the lexer adds it when asked.
KEYWORDS: Final[dict[str, str]] = {
    word: word
    for word in """
    ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC ATTACH BEFORE BEGIN
    BETWEEN BY CASCADE CASE CAST CHECK COLLATE COMMIT CONFLICT CONSTRAINT CREATE
    CURRENT DATABASE DEFAULT DEFERRED DEFERRABLE DELETE DESC DETACH DISTINCT DO DROP
    END EACH ELSE ESCAPE EXCEPT EXCLUSIVE EXCLUDE EXISTS EXPLAIN FAIL FILTER FIRST
    FOLLOWING FOR FOREIGN FROM GENERATED GROUP GROUPS HAVING IF IGNORE IMMEDIATE IN
    INDEX INDEXED INITIALLY INSERT INSTEAD INTERSECT INTO IS ISNULL JOIN KEY LAST
    LIMIT MATCH MATERIALIZED NO NOT NOTHING NOTNULL NULL NULLS OF OFFSET ON OR ORDER
    OTHERS OVER PARTITION PLAN PRAGMA PRECEDING PRIMARY QUERY RAISE RANGE RECURSIVE
    REFERENCES REINDEX RELEASE RENAME REPLACE RESTRICT RETURNING ROLLBACK ROW ROWS
    SAVEPOINT SELECT SET TABLE TEMP THEN TIES TO TRANSACTION TRIGGER UNBOUNDED UNION
    UNIQUE UPDATE USING VACUUM VALUES VIEW VIRTUAL WHEN WHERE WINDOW WITH WITHOUT
    """.split()
}
KEYWORDS.update(
    {
        "AUTOINCREMENT": "AUTOINCR",
        "COLUMN": "COLUMNKW",
        "TEMPORARY": "TEMP",
        "CROSS": "JOIN_KW",
        "FULL": "JOIN_KW",
        "INNER": "JOIN_KW",
        "LEFT": "JOIN_KW",
        "NATURAL": "JOIN_KW",
        "OUTER": "JOIN_KW",
        "RIGHT": "JOIN_KW",
        "GLOB": "LIKE_KW",
        "LIKE": "LIKE_KW",
        "REGEXP": "LIKE_KW",
        "CURRENT_DATE": "CTIME_KW",
        "CURRENT_TIME": "CTIME_KW",
        "CURRENT_TIMESTAMP": "CTIME_KW",
    }
)

KEYWORD_KINDS: Final = frozenset(KEYWORDS.values()) | {"WITHIN"}

# Kinds that name the same thing in every spelling: used for messages.
KIND_DESCRIPTIONS: Final[dict[str, str]] = {
    "ID": "an identifier",
    "STRING": "a string",
    "INTEGER": "a number",
    "FLOAT": "a number",
    "QNUMBER": "a number",
    "BLOB": "a blob literal",
    "VARIABLE": "a parameter",
    "JOIN_KW": "a join keyword",
    "LIKE_KW": "LIKE",
    "CTIME_KW": "CURRENT_TIMESTAMP",
    "AUTOINCR": "AUTOINCREMENT",
    "COLUMNKW": "COLUMN",
    "LP": "'('",
    "RP": "')'",
    "SEMI": "';'",
    "COMMA": "','",
    "DOT": "'.'",
    "PLUS": "'+'",
    "MINUS": "'-'",
    "STAR": "'*'",
    "SLASH": "'/'",
    "REM": "'%'",
    "CONCAT": "'||'",
    "PTR": "'->'",
    "BITAND": "'&'",
    "BITOR": "'|'",
    "BITNOT": "'~'",
    "LSHIFT": "'<<'",
    "RSHIFT": "'>>'",
    "EQ": "'='",
    "NE": "'!='",
    "LT": "'<'",
    "LE": "'<='",
    "GT": "'>'",
    "GE": "'>='",
    "$END": "end of input",
}


def describe_kind(kind: str) -> str:
    """How an error message names a token kind."""
    return KIND_DESCRIPTIONS.get(kind, kind)
