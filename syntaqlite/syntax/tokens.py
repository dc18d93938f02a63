"""Tokens and SQLite's keyword table.

Token kinds are the names of SQLite's ``TK_`` codes (``SELECT``, ``ID``,
``LP`` ...), which are also the terminal names of ``grammar/sqlite.lark``.
Two extra kinds never reach the parser: ``SPACE`` and ``COMMENT`` (trivia).
``ILLEGAL`` marks text SQLite's tokenizer cannot read.
"""

from __future__ import annotations

import re
from types import MemberDescriptorType
from typing import Any, Final, cast

COMMENT: Final = "COMMENT"
ILLEGAL: Final = "ILLEGAL"
TRIVIA: Final = frozenset({COMMENT})


LINE_BREAK = re.compile(r"\r\n?|\n")
"""Where a line ends: ``\\n``, ``\\r\\n`` or a lone ``\\r`` (as editors count
lines; ``syntaqlite.text.Lines`` counts the same way)."""


_FIELDS: Final = ("kind", "text", "start", "line", "column", "index")


class Token:
    """One token of the input, with its exact place in the source.
    Immutable: assigning an attribute raises :class:`AttributeError`.

    ``start`` and ``end`` are offsets into the source string (``end``
    exclusive); ``line`` and ``column`` are 1-based, the column counted in
    characters.  ``kind`` is the SQLite token code name (``SELECT``, ``ID``,
    ``LP`` ...).  A keyword the parser reads as a name is a different token
    of kind ID (:meth:`as_name`), which replaces the keyword in the parse
    result's token list at the same ``index``.  Tokens compare by identity.
    """

    # Compiled (mypyc), a Token is a native object whose Final fields have no
    # setter: making one is a C call, and assigning or deleting a field
    # raises AttributeError.  Interpreted, the slots below hold the fields
    # and _freeze_interpreted() makes the class refuse assignment.
    __slots__ = _FIELDS

    kind: Final[str]
    text: Final[str]
    start: Final[int]
    line: Final[int]
    column: Final[int]
    index: Final[int]  # position in the full token list, trivia included

    def __init__(self, kind: str, text: str, start: int, line: int, column: int, index: int = -1) -> None:
        self.kind = kind
        self.text = text
        self.start = start
        self.line = line
        self.column = column
        self.index = index

    def __reduce__(self) -> tuple[type[Token], tuple[str, str, int, int, int, int]]:
        return Token, (self.kind, self.text, self.start, self.line, self.column, self.index)

    def as_name(self) -> Token:
        """The same text at the same place, as an identifier (kind ID): a
        keyword that the parser reads as a name."""
        return make_token("ID", self.text, self.start, self.line, self.column, self.index)

    @property
    def end(self) -> int:
        """Offset just past the last character (computed: a dump's tokens
        are a large part of its memory, and an offset costs 36 bytes a
        token to keep)."""
        return self.start + len(self.text)

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


COMPILED: Final = not isinstance(vars(Token)["kind"], MemberDescriptorType)
"""Whether this module runs compiled: then a field of Token is a read-only
descriptor of mypyc's, not a slot."""

_TokenSlots: Any = None
"""Interpreted only (:func:`_freeze_interpreted`): a mutable subclass of
Token, whose objects become Tokens by ``tok.__class__ = Token``."""


def make_token(kind: str, text: str, start: int, line: int, column: int, index: int = -1) -> Token:
    """``Token(...)``, the cheapest way this build has (what the lexer's loop
    does inline)."""
    if COMPILED:
        return Token(kind, text, start, line, column, index)
    tok = _TokenSlots(kind, text, start, line, column, index)
    tok.__class__ = Token
    return cast(Token, tok)


def _refuse_set(self: Token, name: str, value: object) -> None:
    raise AttributeError(f"Token is immutable: cannot set {name!r}")


def _refuse_delete(self: Token, name: str) -> None:
    raise AttributeError(f"Token is immutable: cannot delete {name!r}")


def _init_interpreted(
    self: Token, kind: str, text: str, start: int, line: int, column: int, index: int = -1
) -> None:
    for name, value in zip(_FIELDS, (kind, text, start, line, column, index)):
        object.__setattr__(self, name, value)


def _freeze_interpreted() -> None:
    """Interpreted, Token refuses assignment by a ``__setattr__`` of its
    own.  The lexer makes a mutable ``_TokenSlots`` (a subclass with the
    constructor above and plain assignment) and turns it into a Token by
    assigning ``__class__``: measured on CPython 3.11, that costs about 35
    ns a token over a plain mutable slots class (150 ns), where a frozen
    dataclass, or a ``__setattr__`` that raises and fields set with
    ``object.__setattr__`` (what ``Token(...)`` does here), costs 450 to 530
    ns more, and a named tuple is as cheap to make but makes every
    attribute read 2.7 times slower.  (From a subclass with no slots of its
    own, the class assignment is a quick check; between two unrelated
    classes CPython compares their slots, 40 ns more.)"""
    global _TokenSlots
    _TokenSlots = type(
        "_TokenSlots",
        (Token,),
        {
            "__slots__": (),
            "__init__": vars(Token)["__init__"],
            "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__,
        },
    )
    replaced: dict[str, object] = {
        "__setattr__": _refuse_set,
        "__delattr__": _refuse_delete,
        "__init__": _init_interpreted,
    }
    for name, value in replaced.items():
        setattr(Token, name, value)


if not COMPILED:
    _freeze_interpreted()


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
