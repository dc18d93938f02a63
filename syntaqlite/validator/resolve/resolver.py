"""The resolver: what its parts share (the catalog, the text, reporting,
the semantic model, the current statement's state) and where a statement
starts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ...diagnostics import Diagnostic, Related, Severity
from ...syntax.cst import Node
from ...syntax.names import fold_case, normalize, unquote
from ...syntax.nodes import CreateViewStmt, DeleteStmt, InsertStmt, Select, SelectCore, UpdateStmt, Values
from ...syntax.parser import parse
from ...syntax.target import Target as SqliteTarget
from ...syntax.tokens import Token
from ...text import Lines
from .. import builtins, rules
from ..catalog import Catalog, Table, Where, is_builtin_name
from ..model import InScope, Level, Reference, Referent, SemanticModel
from ..rules import Rule
from ..suggest import closest
from .collations import CollationChecker
from .dml import DmlResolver
from .expr import ExprResolver
from .from_clause import FromResolver
from .functions import FunctionResolver
from .query import QueryResolver
from .rowvalue import RowValues
from .scope import Cte, Scope, Shape, StatementState, pseudo_sources

VIEW_ERRORS = frozenset(
    rules.code(module)
    for module in (
        "ambiguous_column",
        "broken_view",
        "circular_cte",
        "compound_column_count",
        "cte_column_count",
        "misuse_aggregate",
        "misuse_window",
        "order_by_term",
        "schema_definition",
        "subquery_column_count",
        "table_function_call",
        "unknown_column",
        "unknown_database",
        "unknown_function",
        "unknown_qualifier",
        "unknown_table",
        "unknown_window",
        "using_column",
        "values_row_length",
        "wrong_arity",
    )
)
"""The checks of what SQLite finds while it resolves a view's query where the
view is used (sqlite3ViewGetColumnNames, sqlite3SelectPrep): names, widths,
aggregates; not what is found only when the query is coded."""


class Resolver:
    """Resolves one statement at a time against a catalog, reporting
    diagnostics and filling a semantic model.

    Its parts, each a collaborator that reaches the others through it:
    ``queries`` (SELECT, compounds, VALUES, CTEs), ``from_clause`` (FROM
    items and joins), ``exprs`` (expressions and column names),
    ``functions`` (function calls, aggregates, windows), ``rows`` (row
    values: widths) and ``dml`` (INSERT, UPDATE, DELETE)."""

    def __init__(
        self,
        catalog: Catalog,
        source: str,
        path: str | None,
        target: SqliteTarget,
        report: Callable[[Diagnostic], None],
        model: SemanticModel,
        *,
        keep_model: bool = True,
        where: Where | None = None,
    ) -> None:
        self.catalog = catalog
        self.source = source
        self.path = path
        self.where = where if where is not None else Where(path, lines=Lines(source))
        self.sqlite = target
        self.report_diagnostic = report
        self.model = model
        self.keep_model = keep_model  # False: only diagnostics are wanted
        self.probe = model.probe  # an offset whose scope the model wants (see ``in_scope``)
        self.state = StatementState()
        self.cte_counter = 0  # numbers CTEs for their referents' keys, across the text
        self.muted = 0  # >0: diagnostics are dropped (an unused CTE's body)
        self.errors = 0  # how many errors were reported
        self._table_referents: dict[int, tuple[Table, Referent]] = {}
        self._object_names: dict[str, list[str]] = {}  # did-you-mean names by kind (``object_names``)
        # The views whose query is being resolved where they are used
        # (database key, view key), and whether one of them was met again.
        self.expanding: frozenset[tuple[str, str]] = frozenset()
        self.met_expanding = False
        self.queries = QueryResolver(self)
        self.from_clause = FromResolver(self)
        self.exprs = ExprResolver(self)
        self.functions = FunctionResolver(self)
        self.rows = RowValues(self)
        self.dml = DmlResolver(self)
        self.collations = CollationChecker(self)
        # What resolves each kind of statement body, by its class.
        self.statements: dict[type[Node], Callable[[Any], object]] = {
            Select: self.query_statement,
            SelectCore: self.query_statement,
            Values: self.query_statement,
            InsertStmt: self.dml.insert_stmt,
            UpdateStmt: self.dml.update_stmt,
            DeleteStmt: self.dml.delete_stmt,
        }

    # -- statements -------------------------------------------------------------

    def begin_statement(self, stmt: Node | None = None) -> None:
        """Forget what the previous statement left (its CTEs, trigger,
        upsert): call before each top-level statement ``stmt``."""
        self.state = StatementState()
        self.collations.begin_statement(self.source, stmt)

    @contextmanager
    def trigger_body(self, table: Table | None, event: str) -> Iterator[None]:
        """Resolve, inside, the WHEN and body of a trigger on ``table``
        (None: unknown) for ``event``: new/old are in scope, RAISE is allowed."""
        state = self.state
        saved = state.trigger
        state.trigger = (table, event)
        try:
            yield
        finally:
            state.trigger = saved

    @contextmanager
    def quiet(self, when: bool = True) -> Iterator[None]:
        """Resolve, inside, what SQLite never checks (``when``): names are
        recorded, nothing is reported."""
        if when:
            self.muted += 1
        try:
            yield
        finally:
            if when:
                self.muted -= 1

    @contextmanager
    def definition(self, kind: str, name: str, db: str | None) -> Iterator[None]:
        """Resolve, inside, the query of a view or the WHEN and body of a
        trigger (``kind``) called ``name`` in database ``db`` (None: unknown):
        no parameters, and unless it is temp, every table it names is one of
        ``db``'s (SQLite's DbFixer)."""
        state = self.state
        saved = state.definition, state.fixed_db, state.definition_db
        state.definition = (kind, name)
        state.definition_db = db
        state.fixed_db = db if db is not None and normalize(db) != "temp" else None
        try:
            yield
        finally:
            state.definition, state.fixed_db, state.definition_db = saved

    def fixed_schema(self, schema_tok: Token | None, name_tok: Token) -> tuple[bool, str | None]:
        """Inside a view or trigger of a database other than temp, a table
        it names: whether the name is allowed (a database other than the
        object's is reported), and the database to look it up in."""
        state = self.state
        fixed = state.fixed_db
        if fixed is None:
            return True, unquote(schema_tok.text) if schema_tok is not None else None
        if schema_tok is None:
            return True, fixed
        schema = unquote(schema_tok.text)
        if normalize(schema) == normalize(fixed):
            return True, schema
        assert state.definition is not None
        kind, name = state.definition
        rules.unknown_database.report_cross_database(self, schema_tok, kind, name, schema)
        self.refer(name_tok, None)
        return False, schema

    def circular_view(self, schema: str | None, name_tok: Token) -> bool:
        """Whether a table named in a view's query is the view itself (a
        view's query reads its own database first); reported as SQLite
        does when the view is used."""
        state = self.state
        definition = state.definition
        if definition is None or definition[0] != "view" or state.definition_db is None:
            return False
        name = definition[1]
        if normalize(unquote(name_tok.text)) != normalize(name):
            return False
        if schema is not None and normalize(schema) != normalize(state.definition_db):
            return False
        rules.schema_definition.report_circular_view(self, name_tok, name)
        self.refer(name_tok, None)
        return True

    def view_query(self, stmt: CreateViewStmt, name: str, schema: str) -> Shape:
        """Resolve the query of view ``name`` of database ``schema`` (read
        as a table where the view is used)."""
        state = self.state
        state.schema_body = True
        try:
            with self.definition("view", name, schema):
                shape = self.queries.query(stmt.query, None)
                self.collations.table_columns(stmt.query)
        finally:
            state.schema_body = False
        return shape

    def view_used(self, view: Table, tok: Token) -> bool:
        """A view is used at ``tok`` (read in FROM, or changed): SQLite
        resolves its query again, against the schema as it is now; an error
        there is the error of the statement using it.  True if reported."""
        if self.muted or view.sql is None or view.rewritten:
            return False
        message = self.view_error(view)
        if message is None:
            return False
        rules.broken_view.report(self, tok, view.name, message)
        return True

    def view_error(self, view: Table) -> str | None:
        """The first error SQLite finds in ``view``'s query now (None:
        none), remembered for the catalog's generation unless it depends on
        the views being expanded around it (a cycle)."""
        key = (normalize(view.schema), view.key)
        if key in self.expanding:
            self.met_expanding = True
            return f"view {view.name} is circularly defined"
        catalog = self.catalog
        cached = view._view_verdict
        # A query that resolved cleanly still does while the names in use
        # keep their meaning (only objects under new names were added): a
        # chain of views created one over another is resolved once, not
        # again under every later CREATE.
        if cached is not None and (
            cached[0] == catalog.generation or (cached[2] is None and cached[1] == catalog.shape)
        ):
            return cached[2]
        message, cyclic = self._expand_view(view, key)
        if cyclic:
            self.met_expanding = True
        else:
            view._view_verdict = (catalog.generation, catalog.shape, message)
        return message

    def _expand_view(self, view: Table, key: tuple[str, str]) -> tuple[str | None, bool]:
        """Resolve ``view``'s query as SQLite does where the view is used:
        its first error (of ``VIEW_ERRORS``), and whether a view being
        expanded was met."""
        assert view.sql is not None
        parsed = parse(view.sql, self.sqlite)
        statements = parsed.statements
        if parsed.errors or len(statements) != 1 or not isinstance(statements[0].body, CreateViewStmt):
            return None, False
        stmt = statements[0]
        body = statements[0].body
        assert isinstance(body, CreateViewStmt)
        first: list[str] = []

        def keep(d: Diagnostic) -> None:
            if not first and d.severity is Severity.ERROR and d.code in VIEW_ERRORS:
                first.append(d.message)

        nested = Resolver(self.catalog, view.sql, None, self.sqlite, keep, SemanticModel(), keep_model=False)
        nested.expanding = self.expanding | {key}
        nested.begin_statement(stmt)
        shape = nested.view_query(body, view.name, view.schema)
        listed = body.columns
        if listed is not None and shape.width is not None and shape.width != len(listed.names):
            rules.cte_column_count.report_view(
                nested, body.name.name, listed, view.name, len(listed.names), shape.width
            )
        return (first[0] if first else None), nested.met_expanding

    def statement(self, body: Node) -> None:
        """Resolve a statement's body (a query or INSERT/UPDATE/DELETE; the
        schema statements are :mod:`..ddl`'s)."""
        handler = self.statements.get(type(body))
        if handler is not None:
            handler(body)

    def query_statement(self, body: Select | SelectCore | Values) -> None:
        self.queries.query(body, None)

    def schema_changed(self) -> None:
        """The catalog's tables may have changed: forget their referents and
        names."""
        self._table_referents.clear()
        self._object_names.clear()
        self.catalog.changed()

    # -- reporting --------------------------------------------------------------

    def report(
        self,
        rule: Rule,
        first: Token | Node,
        message: str,
        *,
        last: Token | Node | None = None,
        help: str | None = None,
        replacement: str | None = None,
        fix_safe: bool = False,
        severity: Severity | None = None,
        related: tuple[Related, ...] = (),
    ) -> None:
        if self.muted:
            return
        if (severity or rule.severity) is Severity.ERROR:
            self.errors += 1
        last = last or first
        start_tok = first.first_token if isinstance(first, Node) else first
        end_tok = last.last_token if isinstance(last, Node) else last
        self.report_diagnostic(
            Diagnostic(
                code=rule.code,
                message=message,
                start=start_tok.start,
                end=end_tok.end,
                severity=severity or rule.severity,
                help=help,
                replacement=replacement,
                fix_safe=fix_safe,
                related=related,
            )
        )

    def refer(self, tok: Token, referent: Referent | None) -> None:
        if self.keep_model:
            self.model.references.append(Reference(tok, referent))

    def define(self, tok: Token, referent: Referent) -> None:
        if self.keep_model:
            self.model.definitions.append(Reference(tok, referent))

    def in_scope(self, tok: Token, scope: Scope | None, *, table_position: bool) -> None:
        """Record in the model what is in scope at ``tok``, the name at the
        offset it probes: called where column and table names are looked up,
        only when ``self.probe`` is within ``tok``."""
        levels: list[Level] = []
        while scope is not None:
            aliases = scope.aliases
            levels.append(Level(list(scope.sources), tuple(aliases) if aliases is not None else None))
            scope = scope.parent
        self.record_in_scope(tok, levels, table_position=table_position)

    def record_in_scope(self, tok: Token, levels: list[Level], *, table_position: bool) -> None:
        """Record in the model that ``levels`` are in scope at ``tok``."""
        self.model.in_scope = InScope(
            tok.start,
            table_position,
            levels,
            pseudo_sources(self.state, self.table_referent),
            list(self.state.ctes),
            self.catalog.snapshot(),
        )

    # -- tables -----------------------------------------------------------------

    def table_referent(self, table: Table) -> Referent:
        """What a table's name means (cached until a schema statement)."""
        cached = self._table_referents.get(id(table))
        if cached is not None and cached[0] is table:
            return cached[1]
        referent = self._table_referent(table)
        self._table_referents[id(table)] = (table, referent)
        return referent

    def _table_referent(self, table: Table) -> Referent:
        kind = "view" if table.kind == "view" else "table"
        cols = ", ".join(c.name + (f" {c.type}" if c.type else "") for c in table.visible_columns[:12])
        more = "" if len(table.visible_columns) <= 12 else ", ..."
        detail = (
            f"{kind} {table.schema}.{table.name}" if table.schema not in ("main",) else f"{kind} {table.name}"
        )
        if table.columns_known:
            detail += f" ({cols}{more})"
        return Referent(kind, f"table:{normalize(table.schema)}.{table.key}", detail, table.location)

    def find_cte(self, name: str) -> Cte | None:
        key = normalize(name)
        for frame in reversed(self.state.ctes):
            if key in frame:
                return frame[key]
        return None

    def unknown_table(self, tok: Token, name: str, schema: str | None, kind: str = "table") -> None:
        """Report a table (``kind``: or view, index, trigger) the schema
        lacks, with the closest name it has."""
        known = (
            self.catalog.known(schema) if schema else self.catalog.known("main") or self.catalog.known("temp")
        )
        candidates = self.object_names(kind)
        if kind not in ("index", "trigger"):
            candidates = candidates + [c.name for frame in self.state.ctes for c in frame.values()]
        rules.unknown_table.report(self, tok, name, schema, kind, closest(name, candidates), known=known)
        self.refer(tok, None)

    def object_names(self, kind: str) -> list[str]:
        """The names of the catalog's objects of ``kind`` (index, trigger,
        view, table: tables and views), made once until a schema statement."""
        names = self._object_names.get(kind)
        if names is not None:
            return names
        databases = self.catalog.databases.values()
        if kind == "index":
            names = [ix.name for db in databases for ix in db.indexes.values()]
        elif kind == "trigger":
            names = [tr.name for db in databases for tr in db.triggers.values()]
        else:
            names = [
                t.name
                for t in self.catalog.all_tables()
                if (t.kind != "builtin" or is_builtin_name(t.name)) and (kind == "table" or t.kind == kind)
            ]
        self._object_names[kind] = names
        return names

    def indexed_by(self, ix_tok: Token, table: Table) -> None:
        """INDEXED BY names an index of ``table`` (sqlite3IndexedByLookup:
        a view has none).  The automatic indexes of PRIMARY KEY and UNIQUE
        constraints are not in the catalog: sqlite_autoindex_T_N, N from 1 to
        the number of such constraints of T (at most: SQLite merges identical
        ones), is accepted when T is the table (a view has none)."""
        name = unquote(ix_tok.text)
        if normalize(name).startswith("sqlite_autoindex_"):
            table_name, _, number = name[len("sqlite_autoindex_") :].rpartition("_")
            if (not table.uniques_known and table.kind != "view") or (
                fold_case(table_name) == table.key
                and number.isdigit()
                and number[0] != "0"
                and int(number) <= table.autoindexes
            ):
                return
            rules.unknown_table.report_index(self, ix_tok, name, known=True)
            return
        index = self.catalog.find_index(name, table.schema)
        if index is None or fold_case(index.table) != table.key:
            rules.unknown_table.report_index(self, ix_tok, name, known=self.catalog.known(table.schema))

    def check_schema(
        self, schema_tok: Token | None, *, lookup: tuple[str, Token] | None = None, quiet: bool = False
    ) -> bool:
        """A schema qualifier names a database: main, temp or attached.  An
        unknown one is reported as SQLite does: for a ``lookup`` of an
        existing object (kind, name token) as that object missing, else as an
        unknown database; both warnings while no schema is known, since the
        application may attach it."""
        if schema_tok is None:
            return True
        schema = unquote(schema_tok.text)
        if self.catalog.database(schema) is not None:
            self.refer(
                schema_tok, Referent("database", f"database:{normalize(schema)}", f"{schema}\ndatabase")
            )
            return True
        if quiet:
            return False
        known = self.catalog.known(None)
        if lookup is not None:
            kind, name_tok = lookup
            rules.unknown_table.report_in_unknown_database(
                self, schema_tok, name_tok, kind, schema, unquote(name_tok.text), known=known
            )
        else:
            rules.unknown_database.report(self, schema_tok, schema, known=known)
        return False

    def module_available(self, name: str) -> bool:
        """Whether the target SQLite has the virtual-table module ``name``."""
        return builtins.module_available(name, self.sqlite.cflags, self.sqlite.is_default)

    def known_modules(self) -> list[str]:
        return [m for m in builtins.MODULES if self.module_available(m)]

    def available(self, fn: builtins.Function) -> bool:
        """Whether the target SQLite has ``fn``: its release, and its build
        options (``requires`` must be among them, or usually enabled when
        nothing was said about the build: the default target)."""
        target = self.sqlite
        return builtins.available_in(fn, target.version, target.cflags, usual=target.is_default)
