"""The hook between the language server and the semantic model (the
validator in :mod:`syntaqlite.validator`).

The features ask a :class:`Semantics` object for everything that needs to
know what names mean: semantic diagnostics, the tables and columns to offer
in completion, hover text for names, go-to-definition, references, rename
and extra code actions.  The server holds one instance, created in
:func:`syntaqlite.lsp.server.default_semantics` (one line to change when the
validator's implementation lands).

Rules for an implementation:

* Every method gets the :class:`SqlDocument` being edited: ``uri``, ``path``
  (None for an unsaved buffer), ``text``, ``version``, ``config`` (the
  project's :class:`~syntaqlite.config.Config`: schema files, check levels),
  ``target`` and the statement ``chunks`` (each with its
  :class:`~syntaqlite.syntax.parser.ParseResult`, offsets relative to
  ``chunk.start``, and a ``memo`` dict that lives as long as that exact
  statement text does: cache per-statement work there, keyed by your own
  names, and only statements the user edits are re-analysed).
* Positions in and out are offsets into ``doc.text`` (code points), never
  LSP positions: :mod:`syntaqlite.lsp.convert` does that.  A :class:`Place`
  or :class:`Edit` with a ``path`` points into another file (offsets into
  that file's text).
* Methods run on the server's analysis thread, one call at a time, after
  parsing; ``diagnostics`` runs after every edit (debounced), so it should
  reuse per-statement work through ``chunk.memo``.  Exceptions are caught
  and logged; the feature then answers with an error or nothing.
* A :class:`~syntaqlite.diagnostics.Diagnostic` whose ``replacement`` is set
  becomes a quick fix (replace its span) without further work; ``help``
  goes into the message.

:class:`NullSemantics` answers nothing.  :class:`DocumentSemantics` (the
default until the validator is plugged in) knows what the document itself
declares: tables and views from CREATE TABLE/VIEW/VIRTUAL TABLE, their
columns (column definitions, ALTER TABLE ADD COLUMN, view column lists and
result columns), the current statement's CTEs and table aliases.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..diagnostics import Diagnostic
from ..syntax.cst import Node
from ..syntax.names import fold_case, unquote
from ..syntax.names import quote as quote_name
from ..syntax.nodes import (
    AlterTableStmt,
    ColumnDef,
    ColumnRef,
    CommonTableExpression,
    CreateTableStmt,
    CreateViewStmt,
    CreateVirtualTableStmt,
    ModuleArgument,
    Select,
    SelectCore,
    Statement,
    WithClause,
)
from ..syntax.tokens import Token
from .documents import Analysis as SqlDocument
from .documents import Chunk
from .scan import is_identifier, is_name, name_key, significant, word_index_at

__all__ = [
    "ColumnInfo",
    "DocumentSemantics",
    "Edit",
    "Fix",
    "HoverInfo",
    "NullSemantics",
    "Place",
    "Semantics",
    "SqlDocument",
    "TableInfo",
]


# -- what the hook returns ------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A span: in this document (``path`` None) or in another file."""

    start: int
    end: int
    path: str | None = None


@dataclass(frozen=True)
class ColumnInfo:
    name: str
    table: str | None = None
    type: str | None = None
    """The declared type, as written."""
    detail: str | None = None
    place: Place | None = None
    kind: str = "column"
    """``column``, ``alias`` (a result column's AS name) or ``source`` (the
    name of a FROM item, or new/old/excluded: a qualifier)."""
    depth: int = 0
    """0: of the query at the place; 1: of the query around it ..."""


@dataclass(frozen=True)
class TableInfo:
    name: str
    kind: str = "table"
    """``table``, ``view``, ``virtual``, ``cte`` or ``builtin``."""
    detail: str | None = None
    columns: tuple[ColumnInfo, ...] = ()
    place: Place | None = None


@dataclass(frozen=True)
class HoverInfo:
    markdown: str
    start: int | None = None
    end: int | None = None
    """The span the hover is about (None: the word under the cursor)."""


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    new_text: str
    path: str | None = None


@dataclass(frozen=True)
class Fix:
    """A code action: a titled set of edits, optionally fixing a diagnostic."""

    title: str
    edits: tuple[Edit, ...]
    diagnostic: Diagnostic | None = None
    preferred: bool = False


class Semantics(Protocol):
    """What the features ask the semantic model.  All offsets are into
    ``doc.text``; empty answers are always allowed."""

    def diagnostics(self, doc: SqlDocument) -> Sequence[Diagnostic]:
        """Semantic diagnostics for the whole document, merged with the
        syntax errors and published with them."""
        ...

    def tables_at(self, doc: SqlDocument, offset: int) -> Sequence[TableInfo]:
        """Tables, views and CTEs that can be named at ``offset``
        (completion in FROM, JOIN, INTO, UPDATE ...)."""
        ...

    def columns_at(self, doc: SqlDocument, offset: int, qualifier: str | None) -> Sequence[ColumnInfo]:
        """Columns that can be named at ``offset``; ``qualifier`` is the
        table, alias or schema typed before a dot (``a.|``), unquoted."""
        ...

    def hover_at(self, doc: SqlDocument, offset: int) -> HoverInfo | None:
        """Markdown about the name at ``offset`` (functions and keywords
        are handled by the server)."""
        ...

    def definition_at(self, doc: SqlDocument, offset: int) -> Sequence[Place]:
        """Where the name at ``offset`` is defined."""
        ...

    def references_at(self, doc: SqlDocument, offset: int, include_declaration: bool) -> Sequence[Place]:
        """Every use of the thing named at ``offset``.  Also used for
        document highlights (the places in this document)."""
        ...

    def prepare_rename_at(self, doc: SqlDocument, offset: int) -> Place | None:
        """The span of the renameable name at ``offset``; None: nothing
        there can be renamed."""
        ...

    def rename_at(self, doc: SqlDocument, offset: int, new_name: str) -> Sequence[Edit] | None:
        """Edits that rename the thing at ``offset``; None: nothing to
        rename there."""
        ...

    def code_actions(self, doc: SqlDocument, start: int, end: int) -> Sequence[Fix]:
        """Code actions for the span (beyond the quick fixes that
        ``Diagnostic.replacement`` gives)."""
        ...

    def forget(self, uri: str) -> None:
        """The document was closed: drop what is kept for it."""
        ...


class NullSemantics:
    """Knows nothing."""

    def diagnostics(self, doc: SqlDocument) -> Sequence[Diagnostic]:
        return ()

    def tables_at(self, doc: SqlDocument, offset: int) -> Sequence[TableInfo]:
        return ()

    def columns_at(self, doc: SqlDocument, offset: int, qualifier: str | None) -> Sequence[ColumnInfo]:
        return ()

    def hover_at(self, doc: SqlDocument, offset: int) -> HoverInfo | None:
        return None

    def definition_at(self, doc: SqlDocument, offset: int) -> Sequence[Place]:
        return ()

    def references_at(self, doc: SqlDocument, offset: int, include_declaration: bool) -> Sequence[Place]:
        return ()

    def prepare_rename_at(self, doc: SqlDocument, offset: int) -> Place | None:
        return None

    def rename_at(self, doc: SqlDocument, offset: int, new_name: str) -> Sequence[Edit] | None:
        return None

    def code_actions(self, doc: SqlDocument, start: int, end: int) -> Sequence[Fix]:
        return ()

    def forget(self, uri: str) -> None:
        return None


# -- the fallback: what the document declares ---------------------------------------------


_MEMO = "semantics.declared"


def _declared_in(chunk: Chunk) -> list[TableInfo]:
    """Tables and views a chunk creates, and columns it adds (as tables of
    kind ``alter``), offsets relative to the chunk; memoized per chunk."""
    cached = chunk.data.memo.get(_MEMO)
    if cached is not None:
        return cached  # type: ignore[return-value]
    out: list[TableInfo] = []
    for stmt in chunk.statements():
        if not isinstance(stmt, Statement):
            continue
        body = stmt.body
        if isinstance(body, CreateTableStmt):
            name = body.name.name
            table = name_key(name)
            if body.as_select is not None:
                columns = [_column(t, table, None) for t in _result_names(body.as_select)]
            else:
                columns = [_column_of(c, table) for c in body.columns]
            out.append(TableInfo(_plain(name), "table", None, tuple(columns), Place(name.start, name.end)))
        elif isinstance(body, CreateViewStmt):
            name = body.name.name
            table = name_key(name)
            listed = body.columns
            names = [c.name for c in listed.names] if listed is not None else _result_names(body.query)
            columns = [_column(t, table, None) for t in names]
            out.append(TableInfo(_plain(name), "view", None, tuple(columns), Place(name.start, name.end)))
        elif isinstance(body, CreateVirtualTableStmt):
            name = body.name.name
            table = name_key(name)
            columns = [_column(t, table, None) for t in _module_columns(body.arguments)]
            detail = f"virtual table using {body.module.text}"
            out.append(
                TableInfo(_plain(name), "virtual", detail, tuple(columns), Place(name.start, name.end))
            )
        elif isinstance(body, AlterTableStmt) and body.column_def is not None:
            name = body.name.name
            column = _column_of(body.column_def, name_key(name))
            out.append(TableInfo(_plain(name), "alter", None, (column,), None))
    chunk.data.memo[_MEMO] = out
    return out


def _plain(tok: Token) -> str:
    return unquote(tok.text)


def _column(tok: Token, table: str, type_: str | None) -> ColumnInfo:
    return ColumnInfo(_plain(tok), table, type_, None, Place(tok.start, tok.end))


def _column_of(col: ColumnDef, table: str) -> ColumnInfo:
    type_name = col.type_name
    type_text = " ".join(t.text for t in type_name.tokens()) if type_name is not None else None
    return _column(col.name, table, type_text)


def _result_names(query: Node) -> list[Token]:
    """The names of a query's result columns that have one (an alias or a
    column reference), from its first SELECT."""
    core: Node | None = query
    if isinstance(query, Select):
        cores = query.cores
        core = cores[0] if cores else None
    if not isinstance(core, SelectCore):
        return []
    out: list[Token] = []
    for rc in core.columns:
        if rc.alias is not None:
            out.append(rc.alias)
        elif isinstance(rc.expr, ColumnRef):
            out.append(rc.expr.name)
    return out


def _module_columns(args: list[ModuleArgument]) -> list[Token]:
    """Column names among a virtual table's module arguments: arguments that
    start with a name and have no ``=`` (fts5 and rtree style)."""
    out: list[Token] = []
    for arg in args:
        toks = list(arg.tokens())
        if toks and is_name(toks[0]) and not any(t.kind == "EQ" for t in toks):
            out.append(toks[0])
    return out


def _shift(place: Place | None, by: int) -> Place | None:
    return Place(place.start + by, place.end + by, place.path) if place is not None else None


class DocumentSemantics(NullSemantics):
    """What the document itself declares (see the module docstring)."""

    # -- the model -----------------------------------------------------------------

    def declared(self, doc: SqlDocument) -> dict[str, TableInfo]:
        """Tables and views declared anywhere in the document, by name key,
        with document offsets."""
        tables: dict[str, TableInfo] = {}
        for chunk in doc.chunks:
            for info in _declared_in(chunk):
                key = fold_case(info.name)
                columns = tuple(
                    ColumnInfo(c.name, info.name, c.type, c.detail, _shift(c.place, chunk.start))
                    for c in info.columns
                )
                if info.kind == "alter":
                    if key in tables:
                        old = tables[key]
                        tables[key] = TableInfo(
                            old.name, old.kind, old.detail, old.columns + columns, old.place
                        )
                    continue
                if key not in tables:
                    tables[key] = TableInfo(
                        info.name, info.kind, info.detail, columns, _shift(info.place, chunk.start)
                    )
        return tables

    def ctes_at(self, doc: SqlDocument, offset: int) -> dict[str, TableInfo]:
        """The CTEs of the statement at ``offset`` (also while it does not
        parse: read from its tokens)."""
        chunk = doc.chunk_at(offset)
        if chunk is None:
            return {}
        out: dict[str, TableInfo] = {}
        for stmt in chunk.statements():
            if isinstance(stmt, Statement):
                for node in stmt.walk():
                    if isinstance(node, WithClause):
                        for cte in node.ctes:
                            info = _cte_info(cte, chunk.start)
                            out.setdefault(name_key(cte.name), info)
        for name_tok, cols in _ctes_from_tokens(significant(chunk.result.tokens)):
            key = name_key(name_tok)
            if key not in out:
                columns = tuple(
                    ColumnInfo(
                        _plain(c),
                        _plain(name_tok),
                        None,
                        None,
                        Place(c.start + chunk.start, c.end + chunk.start),
                    )
                    for c in cols
                )
                out[key] = TableInfo(
                    _plain(name_tok),
                    "cte",
                    None,
                    columns,
                    Place(name_tok.start + chunk.start, name_tok.end + chunk.start),
                )
        return out

    def known_at(self, doc: SqlDocument, offset: int) -> dict[str, TableInfo]:
        known = self.declared(doc)
        known.update(self.ctes_at(doc, offset))
        return known

    def aliases_at(self, doc: SqlDocument, offset: int, known: dict[str, TableInfo]) -> dict[str, str]:
        """Alias (name key) -> table (name key) in the statement at
        ``offset``: ``FROM accounts a``, ``JOIN orders AS o``."""
        chunk = doc.chunk_at(offset)
        if chunk is None:
            return {}
        toks = significant(chunk.result.tokens)
        out: dict[str, str] = {}
        for i, tok in enumerate(toks):
            if not is_name(tok) or i + 1 >= len(toks):
                continue
            key = name_key(tok)
            if key not in known or (
                i > 0 and toks[i - 1].kind == "DOT" and i + 1 < len(toks) and toks[i + 1].kind == "DOT"
            ):
                continue
            nxt = toks[i + 1]
            if nxt.kind == "AS" and i + 2 < len(toks) and is_name(toks[i + 2]):
                out.setdefault(name_key(toks[i + 2]), key)
            elif is_identifier(nxt):
                out.setdefault(name_key(nxt), key)
        return out

    def referenced_at(self, doc: SqlDocument, offset: int, known: dict[str, TableInfo]) -> list[TableInfo]:
        """The known tables named in the statement at ``offset``."""
        chunk = doc.chunk_at(offset)
        if chunk is None:
            return []
        seen: dict[str, TableInfo] = {}
        for tok in significant(chunk.result.tokens):
            if is_name(tok):
                key = name_key(tok)
                if key in known and key not in seen:
                    seen[key] = known[key]
        return list(seen.values())

    def resolve(self, doc: SqlDocument, offset: int, qualifier: str) -> TableInfo | None:
        known = self.known_at(doc, offset)
        key = fold_case(qualifier)
        aliases = self.aliases_at(doc, offset, known)
        target = aliases.get(key, key)
        return known.get(target)

    # -- the hook --------------------------------------------------------------------

    def tables_at(self, doc: SqlDocument, offset: int) -> Sequence[TableInfo]:
        return list(self.known_at(doc, offset).values())

    def columns_at(self, doc: SqlDocument, offset: int, qualifier: str | None) -> Sequence[ColumnInfo]:
        if qualifier is not None:
            table = self.resolve(doc, offset, qualifier)
            return table.columns if table is not None else ()
        known = self.known_at(doc, offset)
        out: list[ColumnInfo] = []
        seen: set[str] = set()
        for table in self.referenced_at(doc, offset, known):
            for col in table.columns:
                key = fold_case(col.name)
                if key not in seen:
                    seen.add(key)
                    out.append(col)
        return out

    def _named_at(
        self, doc: SqlDocument, offset: int
    ) -> tuple[TableInfo | None, ColumnInfo | None, Token | None]:
        """The table or column the name at ``offset`` refers to, if the
        document declares it."""
        chunk = doc.chunk_at(offset)
        if chunk is None:
            return None, None, None
        toks = significant(chunk.result.tokens)
        i = word_index_at(toks, offset - chunk.start)
        if i is None or not is_name(toks[i]):
            return None, None, None
        tok = toks[i]
        key = name_key(tok)
        known = self.known_at(doc, offset)
        if i >= 2 and toks[i - 1].kind == "DOT" and is_name(toks[i - 2]):
            table = self.resolve(doc, offset, _plain(toks[i - 2]))
            if table is not None:
                for col in table.columns:
                    if fold_case(col.name) == key:
                        return table, col, tok
            return None, None, tok
        followed_by_dot = i + 1 < len(toks) and toks[i + 1].kind == "DOT"
        if key in known:
            return known[key], None, tok
        if followed_by_dot:
            aliases = self.aliases_at(doc, offset, known)
            if key in aliases and aliases[key] in known:
                return known[aliases[key]], None, tok
            return None, None, tok
        matches = [
            (table, col)
            for table in self.referenced_at(doc, offset, known)
            for col in table.columns
            if fold_case(col.name) == key
        ]
        if len(matches) == 1:
            return matches[0][0], matches[0][1], tok
        return None, None, tok

    def hover_at(self, doc: SqlDocument, offset: int) -> HoverInfo | None:
        table, column, tok = self._named_at(doc, offset)
        if table is None or tok is None:
            return None
        chunk = doc.chunk_at(offset)
        base = chunk.start if chunk is not None else 0
        span = (tok.start + base, tok.end + base)
        if column is not None:
            type_text = f" {column.type}" if column.type else ""
            text = f"```sql\n{quote_name(table.name)}.{quote_name(column.name)}{type_text}\n```\ncolumn of {table.kind} `{table.name}`"
            return HoverInfo(text, *span)
        cols = ", ".join(quote_name(c.name) + (f" {c.type}" if c.type else "") for c in table.columns)
        kind = "table" if table.kind in ("table", "virtual") else table.kind
        text = f"```sql\n{kind} {quote_name(table.name)}({cols})\n```"
        if table.detail:
            text += f"\n{table.detail}"
        return HoverInfo(text, *span)

    def definition_at(self, doc: SqlDocument, offset: int) -> Sequence[Place]:
        table, column, _tok = self._named_at(doc, offset)
        if column is not None and column.place is not None:
            return [column.place]
        if table is not None and table.place is not None:
            return [table.place]
        return ()


def _cte_info(cte: CommonTableExpression, base: int) -> TableInfo:
    name = cte.name
    listed = cte.columns
    names = [c.name for c in listed.names] if listed is not None else _result_names(cte.query)
    columns = tuple(
        ColumnInfo(_plain(t), _plain(name), None, None, Place(t.start + base, t.end + base)) for t in names
    )
    return TableInfo(_plain(name), "cte", None, columns, Place(name.start + base, name.end + base))


def _ctes_from_tokens(toks: list[Token]) -> Iterable[tuple[Token, list[Token]]]:
    """``WITH [RECURSIVE] name [(col, ...)] AS [NOT] [MATERIALIZED] (...)``,
    read from tokens."""
    for w, tok in enumerate(toks):
        if tok.kind != "WITH":
            continue
        i = w + 1
        if i < len(toks) and toks[i].kind == "RECURSIVE":
            i += 1
        while i < len(toks) and is_name(toks[i]):
            name = toks[i]
            i += 1
            cols: list[Token] = []
            if i < len(toks) and toks[i].kind == "LP":
                i += 1
                while i < len(toks) and toks[i].kind != "RP":
                    if is_name(toks[i]):
                        cols.append(toks[i])
                    i += 1
                i += 1
            if i >= len(toks) or toks[i].kind != "AS":
                break
            yield name, cols
            i += 1
            while i < len(toks) and toks[i].kind in ("NOT", "MATERIALIZED"):
                i += 1
            if i >= len(toks) or toks[i].kind != "LP":
                break
            depth = 0
            while i < len(toks):
                if toks[i].kind == "LP":
                    depth += 1
                elif toks[i].kind == "RP":
                    depth -= 1
                    if depth == 0:
                        break
                i += 1
            i += 1
            if i < len(toks) and toks[i].kind == "COMMA":
                i += 1
                continue
            break
