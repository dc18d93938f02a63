"""Schema statements: CREATE, DROP and ALTER, with columns and constraints."""

from __future__ import annotations

from ..cst import Node
from ..tokens import Token
from .base import register
from .select import ColumnList, QualifiedName


class _Named(Node):
    __slots__ = ()

    @property
    def name(self) -> QualifiedName:
        q = self.child(QualifiedName)
        assert q is not None
        return q

    @property
    def temp(self) -> bool:
        return self.has("TEMP")

    @property
    def if_not_exists(self) -> bool:
        return self.has("IF") and self.has("NOT")

    @property
    def if_exists(self) -> bool:
        return self.has("IF")


@register
class CreateTableStmt(_Named):
    """``CREATE [TEMP] TABLE [IF NOT EXISTS] qualified_name (column_def, ...
    [, table constraint ...]) [table_option, ...]`` or ``... AS select``."""

    __slots__ = ()
    kind = "create_table_stmt"

    @property
    def columns(self) -> list[ColumnDef]:
        return self.children_of(ColumnDef)

    @property
    def constraints(self) -> list[Node]:
        return [c for c in self.children if isinstance(c, TABLE_CONSTRAINTS)]

    @property
    def options(self) -> list[TableOption]:
        return self.children_of(TableOption)

    @property
    def as_select(self) -> Node | None:
        if not self.has("AS"):
            return None
        return self.children[-1]  # type: ignore[return-value]


@register
class TableOption(Node):
    """``WITHOUT ROWID`` or ``STRICT``."""

    __slots__ = ()
    kind = "table_option"


@register
class ColumnDef(Node):
    """``name [type_name] [column constraint ...]``."""

    __slots__ = ()
    kind = "column_def"

    @property
    def name(self) -> Token:
        return self.children[0]  # type: ignore[return-value]

    @property
    def type_name(self) -> Node | None:
        second = self.children[1] if len(self.children) > 1 else None
        return second if isinstance(second, Node) and second.kind == "type_name" else None

    @property
    def constraints(self) -> list[Node]:
        return [c for c in self.children[1:] if isinstance(c, Node) and c.kind != "type_name"]


@register
class ConstraintName(Node):
    """``CONSTRAINT name``, naming the constraint that follows."""

    __slots__ = ()
    kind = "constraint_name"


@register
class PrimaryKeyConstraint(Node):
    """Column: ``PRIMARY KEY [ASC|DESC] [ON CONFLICT ...] [AUTOINCREMENT]``;
    table: ``PRIMARY KEY (ordering_term, ... [AUTOINCREMENT]) [ON CONFLICT ...]``."""

    __slots__ = ()
    kind = "primary_key_constraint"


@register
class UniqueConstraint(Node):
    """Column: ``UNIQUE [ON CONFLICT ...]``; table: ``UNIQUE (ordering_term,
    ...) [ON CONFLICT ...]``."""

    __slots__ = ()
    kind = "unique_constraint"


@register
class CheckConstraint(Node):
    """``CHECK (expr) [ON CONFLICT ...]``."""

    __slots__ = ()
    kind = "check_constraint"


@register
class NotNullConstraint(Node):
    """``NOT NULL [ON CONFLICT ...]``."""

    __slots__ = ()
    kind = "not_null_constraint"


@register
class NullConstraint(Node):
    """``NULL [ON CONFLICT ...]``."""

    __slots__ = ()
    kind = "null_constraint"


@register
class DefaultConstraint(Node):
    """``DEFAULT literal|(expr)|+literal|-literal|name``."""

    __slots__ = ()
    kind = "default_constraint"


@register
class CollateConstraint(Node):
    """``COLLATE name``."""

    __slots__ = ()
    kind = "collate_constraint"


@register
class GeneratedConstraint(Node):
    """``[GENERATED ALWAYS] AS (expr) [STORED|VIRTUAL]``."""

    __slots__ = ()
    kind = "generated_constraint"


@register
class ForeignKeyClause(Node):
    """Column: ``REFERENCES table [column_list] [refarg ...]``."""

    __slots__ = ()
    kind = "foreign_key_clause"

    @property
    def table(self) -> Token:
        return self.children[1]  # type: ignore[return-value]

    @property
    def columns(self) -> ColumnList | None:
        return self.child(ColumnList)


@register
class ForeignKeyConstraint(Node):
    """Table: ``FOREIGN KEY (column_name, ...) REFERENCES table [column_list]
    [refarg ...] [defer_subclause]``."""

    __slots__ = ()
    kind = "foreign_key_constraint"

    @property
    def table(self) -> Token:
        i = next(i for i, c in enumerate(self.children) if getattr(c, "kind", None) == "REFERENCES")
        return self.children[i + 1]  # type: ignore[return-value]


@register
class Refarg(Node):
    """``ON DELETE|UPDATE|INSERT action`` or ``MATCH name``."""

    __slots__ = ()
    kind = "refarg"


@register
class DeferSubclause(Node):
    """``[NOT] DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE]``."""

    __slots__ = ()
    kind = "defer_subclause"


TABLE_CONSTRAINTS = (
    ConstraintName,
    PrimaryKeyConstraint,
    UniqueConstraint,
    CheckConstraint,
    ForeignKeyConstraint,
)


@register
class DropTableStmt(_Named):
    """``DROP TABLE [IF EXISTS] qualified_name``."""

    __slots__ = ()
    kind = "drop_table_stmt"


@register
class CreateViewStmt(_Named):
    """``CREATE [TEMP] VIEW [IF NOT EXISTS] qualified_name [column_list] AS select``."""

    __slots__ = ()
    kind = "create_view_stmt"

    @property
    def columns(self) -> ColumnList | None:
        return self.child(ColumnList)

    @property
    def query(self) -> Node:
        return self.children[-1]  # type: ignore[return-value]


@register
class DropViewStmt(_Named):
    """``DROP VIEW [IF EXISTS] qualified_name``."""

    __slots__ = ()
    kind = "drop_view_stmt"


@register
class CreateIndexStmt(_Named):
    """``CREATE [UNIQUE] INDEX [IF NOT EXISTS] qualified_name ON table
    (ordering_term, ...) [where_clause]``."""

    __slots__ = ()
    kind = "create_index_stmt"

    @property
    def unique(self) -> bool:
        return self.has("UNIQUE")

    @property
    def table(self) -> Token:
        i = next(i for i, c in enumerate(self.children) if getattr(c, "kind", None) == "ON")
        return self.children[i + 1]  # type: ignore[return-value]


@register
class DropIndexStmt(_Named):
    """``DROP INDEX [IF EXISTS] qualified_name``."""

    __slots__ = ()
    kind = "drop_index_stmt"


@register
class CreateTriggerStmt(Node):
    """``CREATE trigger_header BEGIN statement; ... END``."""

    __slots__ = ()
    kind = "create_trigger_stmt"

    @property
    def header(self) -> TriggerHeader:
        return self.children[1]  # type: ignore[return-value]

    @property
    def body(self) -> list[Node]:
        return [c for c in self.children[3:] if isinstance(c, Node)]


@register
class TriggerHeader(Node):
    """``[TEMP] TRIGGER [IF NOT EXISTS] qualified_name [BEFORE|AFTER|INSTEAD
    OF] DELETE|INSERT|UPDATE [OF name, ...] ON qualified_name [FOR EACH ROW]
    [WHEN expr]``."""

    __slots__ = ()
    kind = "trigger_header"

    @property
    def name(self) -> QualifiedName:
        return self.children_of(QualifiedName)[0]

    @property
    def table(self) -> QualifiedName:
        return self.children_of(QualifiedName)[1]

    @property
    def if_not_exists(self) -> bool:
        return self.has("IF")

    @property
    def event(self) -> str:
        tok = self.token("DELETE", "INSERT", "UPDATE")
        assert tok is not None
        return tok.kind

    @property
    def timing(self) -> str | None:
        tok = self.token("BEFORE", "AFTER", "INSTEAD")
        return tok.kind if tok is not None else None

    @property
    def columns(self) -> list[Token]:
        """The names after ``UPDATE OF`` (empty: any column)."""
        kinds = [getattr(c, "kind", None) for c in self.children]
        if "UPDATE" not in kinds:
            return []
        i = kinds.index("UPDATE") + 1
        if i >= len(kinds) or kinds[i] != "OF":
            return []
        names: list[Token] = []
        for c in self.children[i + 1 :]:
            if not isinstance(c, Token) or c.kind == "ON":
                break
            if c.kind != "COMMA":
                names.append(c)
        return names

    @property
    def when(self) -> Node | None:
        if not self.has("WHEN"):
            return None
        return self.children[-1]  # type: ignore[return-value]


@register
class DropTriggerStmt(_Named):
    """``DROP TRIGGER [IF EXISTS] qualified_name``."""

    __slots__ = ()
    kind = "drop_trigger_stmt"


@register
class CreateVirtualTableStmt(_Named):
    """``CREATE VIRTUAL TABLE [IF NOT EXISTS] qualified_name USING module
    [(module_argument, ...)]``."""

    __slots__ = ()
    kind = "create_virtual_table_stmt"

    @property
    def module(self) -> Token:
        i = next(i for i, c in enumerate(self.children) if getattr(c, "kind", None) == "USING")
        return self.children[i + 1]  # type: ignore[return-value]

    @property
    def arguments(self) -> list[ModuleArgument]:
        return self.children_of(ModuleArgument)


@register
class ModuleArgument(Node):
    """One free-form argument of a virtual table module: its tokens."""

    __slots__ = ()
    kind = "module_argument"


@register
class AlterTableStmt(_Named):
    """``ALTER TABLE qualified_name`` followed by RENAME TO, RENAME [COLUMN],
    ADD [COLUMN] column_def, DROP [COLUMN], DROP CONSTRAINT, ALTER [COLUMN]
    ... DROP NOT NULL / SET NOT NULL, or ADD [CONSTRAINT name] CHECK."""

    __slots__ = ()
    kind = "alter_table_stmt"

    @property
    def action(self) -> str:
        """``rename_table``, ``rename_column``, ``add_column``, ``drop_column``,
        ``drop_constraint``, ``drop_not_null``, ``set_not_null`` or ``add_check``."""
        words = [c.kind for c in self.children[3:] if isinstance(c, Token)]
        first = words[0] if words else ""
        if first == "RENAME":
            return "rename_table" if words[1] == "TO" else "rename_column"
        if first == "ADD":
            return "add_check" if ("CHECK" in words or "CONSTRAINT" in words) else "add_column"
        if first == "DROP":
            return "drop_constraint" if words[1:2] == ["CONSTRAINT"] else "drop_column"
        return "set_not_null" if "SET" in words else "drop_not_null"

    @property
    def column_def(self) -> ColumnDef | None:
        return self.child(ColumnDef)


__all__ = [
    "TABLE_CONSTRAINTS",
    "AlterTableStmt",
    "CheckConstraint",
    "CollateConstraint",
    "ColumnDef",
    "ConstraintName",
    "CreateIndexStmt",
    "CreateTableStmt",
    "CreateTriggerStmt",
    "CreateViewStmt",
    "CreateVirtualTableStmt",
    "DefaultConstraint",
    "DeferSubclause",
    "DropIndexStmt",
    "DropTableStmt",
    "DropTriggerStmt",
    "DropViewStmt",
    "ForeignKeyClause",
    "ForeignKeyConstraint",
    "GeneratedConstraint",
    "ModuleArgument",
    "NotNullConstraint",
    "NullConstraint",
    "PrimaryKeyConstraint",
    "Refarg",
    "TableOption",
    "TriggerHeader",
    "UniqueConstraint",
]
