"""Statements that are not queries, data changes or schema definitions, and
the file and statement wrappers."""

from __future__ import annotations

from ..cst import Node
from ..tokens import Token
from .base import register


@register
class SourceFile(Node):
    """A whole input: statements, broken statements and stray semicolons."""

    __slots__ = ()
    kind = "source_file"


@register
class Statement(Node):
    """One statement: ``[explain] command [';']``.  The semicolon is absent
    when the input ended without one."""

    __slots__ = ()
    kind = "stmt"

    @property
    def explain(self) -> Explain | None:
        return self.child(Explain)

    @property
    def body(self) -> Node:
        """The command: a select, insert_stmt, create_table_stmt ..."""
        for c in self.children:
            if isinstance(c, Node) and not isinstance(c, Explain):
                return c
        raise AssertionError("statement without a command")

    @property
    def semicolon(self) -> Token | None:
        last = self.children[-1]
        return last if isinstance(last, Token) and last.kind == "SEMI" else None


@register
class ErrorStatement(Node):
    """A statement that did not parse: its tokens, flat, up to and including
    the semicolon that ends it."""

    __slots__ = ()
    kind = "error"


@register
class Explain(Node):
    """``EXPLAIN`` or ``EXPLAIN QUERY PLAN``."""

    __slots__ = ()
    kind = "explain"

    @property
    def query_plan(self) -> bool:
        return self.has("QUERY")


@register
class BeginStmt(Node):
    """``BEGIN [DEFERRED|IMMEDIATE|EXCLUSIVE] [TRANSACTION [name]]``."""

    __slots__ = ()
    kind = "begin_stmt"


@register
class CommitStmt(Node):
    """``COMMIT|END [TRANSACTION [name]]``."""

    __slots__ = ()
    kind = "commit_stmt"


@register
class RollbackStmt(Node):
    """``ROLLBACK [TRANSACTION [name]] [TO [SAVEPOINT] name]``."""

    __slots__ = ()
    kind = "rollback_stmt"

    @property
    def savepoint(self) -> Token | None:
        if self.has("TO"):
            last = self.children[-1]
            return last if isinstance(last, Token) else None
        return None


@register
class SavepointStmt(Node):
    """``SAVEPOINT name``."""

    __slots__ = ()
    kind = "savepoint_stmt"

    @property
    def name(self) -> Token:
        return self.children[1]  # type: ignore[return-value]


@register
class ReleaseStmt(Node):
    """``RELEASE [SAVEPOINT] name``."""

    __slots__ = ()
    kind = "release_stmt"

    @property
    def name(self) -> Token:
        return self.children[-1]  # type: ignore[return-value]


@register
class AttachStmt(Node):
    """``ATTACH [DATABASE] expr AS expr [KEY expr]``."""

    __slots__ = ()
    kind = "attach_stmt"

    @property
    def file(self) -> Node:
        return self.nodes()[0]

    @property
    def schema(self) -> Node:
        return self.nodes()[1]


@register
class DetachStmt(Node):
    """``DETACH [DATABASE] expr``."""

    __slots__ = ()
    kind = "detach_stmt"


@register
class VacuumStmt(Node):
    """``VACUUM [schema] [INTO expr]``."""

    __slots__ = ()
    kind = "vacuum_stmt"


@register
class PragmaStmt(Node):
    """``PRAGMA qualified_name [= pragma_value | (pragma_value)]``."""

    __slots__ = ()
    kind = "pragma_stmt"

    @property
    def name(self) -> Node:
        return self.nodes()[0]

    @property
    def value(self) -> PragmaValue | None:
        return self.child(PragmaValue)


@register
class PragmaValue(Node):
    """A pragma's argument: a signed number, a name, a string, ON, DELETE or
    DEFAULT."""

    __slots__ = ()
    kind = "pragma_value"


@register
class ReindexStmt(Node):
    """``REINDEX [qualified_name]``."""

    __slots__ = ()
    kind = "reindex_stmt"


@register
class AnalyzeStmt(Node):
    """``ANALYZE [qualified_name]``."""

    __slots__ = ()
    kind = "analyze_stmt"


__all__ = [
    "AnalyzeStmt",
    "AttachStmt",
    "BeginStmt",
    "CommitStmt",
    "DetachStmt",
    "ErrorStatement",
    "Explain",
    "PragmaStmt",
    "PragmaValue",
    "ReindexStmt",
    "ReleaseStmt",
    "RollbackStmt",
    "SavepointStmt",
    "SourceFile",
    "Statement",
    "VacuumStmt",
]
