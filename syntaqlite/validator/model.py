"""The semantic model: what each name in the text refers to.

The resolver records a :class:`Reference` for every table, column, CTE,
alias, function and window name it resolves (or fails to), and a
definition (also a :class:`Reference`) for everything the text itself
defines; each points at a :class:`Referent`, what the name means.  The
language server answers hover, go to definition, find references, rename
and highlights from this; the diagnostics come out of the same pass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._record import Record
from ..syntax.tokens import Token
from .catalog import Catalog, Location

if TYPE_CHECKING:
    from .resolve.scope import Cte, Source


class Referent(Record):
    """What a name means: its kind, a key that is the same for every name
    meaning the same thing, a description for hover, and where it is
    defined (None for built-ins and unknown names).  (Not the SQLite build
    a text is checked for: that is :class:`syntaqlite.syntax.target.Target`.)"""

    __slots__ = ("kind", "key", "detail", "location")

    kind: str  # table, view, column, cte, alias, function, window, database
    key: str
    detail: str  # first line: how it reads in SQL (a signature); more lines: prose
    location: Location | None

    def __init__(self, kind: str, key: str, detail: str, location: Location | None = None) -> None:
        self.kind = kind
        self.key = key
        self.detail = detail
        self.location = location


class Reference(Record):
    __slots__ = ("token", "target")

    token: Token
    target: Referent | None  # None: the name resolved to nothing

    def __init__(self, token: Token, target: Referent | None) -> None:
        self.token = token
        self.target = target


class Level(Record):
    """One query level around a place, innermost first: its FROM items and
    the result-column aliases usable there (None: none)."""

    __slots__ = ("sources", "aliases")

    sources: list[Source]
    aliases: tuple[str, ...] | None

    def __init__(self, sources: list[Source], aliases: tuple[str, ...] | None) -> None:
        self.sources = sources
        self.aliases = aliases


class InScope(Record):
    """What a name at a place could mean, as the resolver saw it there:
    the query levels around it, the pseudo-tables (new, old, excluded), the
    WITH frames in scope (innermost last) and the catalog of that point of
    the text.  Recorded only for the offset :attr:`SemanticModel.probe`
    asks about (the language server's completion)."""

    __slots__ = ("offset", "table_position", "levels", "pseudo", "ctes", "catalog")

    offset: int
    table_position: bool  # a table name (FROM, JOIN ...), not a column name
    levels: list[Level]
    pseudo: list[Source]
    ctes: list[dict[str, Cte]]
    catalog: Catalog

    def __init__(
        self,
        offset: int,
        table_position: bool,
        levels: list[Level],
        pseudo: list[Source],
        ctes: list[dict[str, Cte]],
        catalog: Catalog,
    ) -> None:
        self.offset = offset
        self.table_position = table_position
        self.levels = levels
        self.pseudo = pseudo
        self.ctes = ctes
        self.catalog = catalog


class SemanticModel(Record):
    __slots__ = ("references", "definitions", "details", "probe", "in_scope")

    references: list[Reference]
    definitions: list[Reference]
    details: dict[str, str]
    """Fuller descriptions learnt after a name was recorded, by referent
    key (a CTE's columns, known once its body is resolved)."""
    probe: int | None
    """An offset to record :attr:`in_scope` for (None: nothing is recorded)."""
    in_scope: InScope | None

    def __init__(
        self,
        references: list[Reference] | None = None,
        definitions: list[Reference] | None = None,
        details: dict[str, str] | None = None,
        probe: int | None = None,
        in_scope: InScope | None = None,
    ) -> None:
        self.references = [] if references is None else references
        self.definitions = [] if definitions is None else definitions
        self.details = {} if details is None else details
        self.probe = probe
        self.in_scope = in_scope

    def detail(self, target: Referent) -> str:
        """The fullest description of ``target``."""
        return self.details.get(target.key, target.detail)

    def at(self, offset: int) -> Reference | None:
        """The reference or definition whose name covers ``offset``."""
        for ref in self.references + self.definitions:
            if ref.token.start <= offset <= ref.token.end:
                return ref
        return None

    def same_target(self, target: Referent) -> list[Reference]:
        return [
            r
            for r in self.references + self.definitions
            if r.target is not None and r.target.key == target.key
        ]
