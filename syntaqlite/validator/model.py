"""The semantic model: what each name in the text refers to.

The resolver records a :class:`Reference` for every table, column, CTE,
alias, function and window name it resolves (or fails to), and a
definition (also a :class:`Reference`) for everything the text itself
defines; each points at a :class:`Referent`, what the name means.  The
language server answers hover, go to definition, find references, rename
and highlights from this; the diagnostics come out of the same pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..syntax.tokens import Token
from .catalog import Catalog, Location

if TYPE_CHECKING:
    from .resolve.scope import Cte, Source


@dataclass(frozen=True)
class Referent:
    """What a name means: its kind, a key that is the same for every name
    meaning the same thing, a description for hover, and where it is
    defined (None for built-ins and unknown names).  (Not the SQLite build
    a text is checked for: that is :class:`syntaqlite.syntax.target.Target`.)"""

    kind: str  # table, view, column, cte, alias, function, window, database
    key: str
    detail: str  # first line: how it reads in SQL (a signature); more lines: prose
    location: Location | None = None


@dataclass(frozen=True)
class Reference:
    token: Token
    target: Referent | None  # None: the name resolved to nothing


@dataclass
class Level:
    """One query level around a place, innermost first: its FROM items and
    the result-column aliases usable there (None: none)."""

    sources: list[Source]
    aliases: tuple[str, ...] | None


@dataclass
class InScope:
    """What a name at a place could mean, as the resolver saw it there:
    the query levels around it, the pseudo-tables (new, old, excluded), the
    WITH frames in scope (innermost last) and the catalog of that point of
    the text.  Recorded only for the offset :attr:`SemanticModel.probe`
    asks about (the language server's completion)."""

    offset: int
    table_position: bool  # a table name (FROM, JOIN ...), not a column name
    levels: list[Level]
    pseudo: list[Source]
    ctes: list[dict[str, Cte]]
    catalog: Catalog


@dataclass
class SemanticModel:
    references: list[Reference] = field(default_factory=list)
    definitions: list[Reference] = field(default_factory=list)
    details: dict[str, str] = field(default_factory=dict)
    """Fuller descriptions learnt after a name was recorded, by referent
    key (a CTE's columns, known once its body is resolved)."""
    probe: int | None = None
    """An offset to record :attr:`in_scope` for (None: nothing is recorded)."""
    in_scope: InScope | None = None

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
