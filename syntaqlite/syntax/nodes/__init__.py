"""Node classes: one per node kind of ``grammar/sqlite.lark``.

The classes are generated from the tree's schema, ``grammar/nodes.ungram``,
into :mod:`.generated`: each field of a kind is a typed property (child nodes,
optional children, lists and their separators, significant tokens).  The
family modules (:mod:`.select`, :mod:`.expr`, :mod:`.dml`, :mod:`.ddl`) hold
the hand-written mixins that add values derived from several fields.  Every
stage reads trees through these properties, never by child position.
"""

from __future__ import annotations

from ..cst import Node
from . import layout as _layout
from .generated import *
from .generated import (
    CLASSES,
    KIND_CODES,
    OTHER_TOKEN,
    CheckConstraint,
    ConstraintName,
    ForeignKeyConstraint,
    JoinGroup,
    PrimaryKeyConstraint,
    Subquery,
    TableFunction,
    TableRef,
    UniqueConstraint,
)

_layout.install(KIND_CODES, OTHER_TOKEN)


# The classes of FROM terms and of table constraints, for isinstance tests.
FROM_TERMS = (TableRef, TableFunction, Subquery, JoinGroup)
TABLE_CONSTRAINTS = (
    ConstraintName,
    PrimaryKeyConstraint,
    UniqueConstraint,
    CheckConstraint,
    ForeignKeyConstraint,
)


def node_class(kind: str) -> type[Node]:
    """The class of nodes of ``kind``."""
    return CLASSES[kind]


def registered_kinds() -> set[str]:
    return set(CLASSES)


__all__ = ["Node", "node_class", "registered_kinds"]
__all__ += [name for name in dir() if name[:1].isupper() and name not in ("Node",)]
