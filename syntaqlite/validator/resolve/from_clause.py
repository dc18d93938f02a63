"""FROM clauses: their items as sources (tables, views, CTEs, subqueries,
parenthesized joins, table-valued functions), the columns NATURAL and USING
joins share, ON clauses (which may not look right of an outer join), and
the arguments of table-valued functions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...syntax.cst import Node
from ...syntax.names import normalize, unquote
from ...syntax.nodes import (
    ColumnRef,
    ExistsExpr,
    Expr,
    FromTerm,
    IsExpr,
    JoinGroup,
    JoinOperator,
    Literal,
    NullTest,
    OnClause,
    ParenExpr,
    Select,
    SelectCore,
    Subquery,
    SubqueryExpr,
    TableFunction,
    TableRef,
    UsingClause,
    Values,
)
from ...syntax.tokens import Token
from .. import builtins, rules
from ..catalog import Column, Where, location_of
from ..model import Referent
from .scope import ROWID_NAMES, Ctx, Scope, Source

if TYPE_CHECKING:
    from .resolver import Resolver

_RIGHT = frozenset({"RIGHT", "FULL"})
_LEFT_FULL = frozenset({"LEFT", "FULL"})
_OUTER = frozenset({"LEFT", "RIGHT", "FULL"})


class FromResolver:
    def __init__(self, r: Resolver) -> None:
        self.r = r

    def from_items(
        self, terms: list[FromTerm], joins: list[JoinOperator], scope: Scope, outer: Scope | None
    ) -> None:
        """Build the sources of a FROM clause's ``terms`` (flattening
        parenthesized joins), the ``joins`` between them, then resolve ON
        clauses, USING lists and table-function arguments."""
        r = self.r
        firsts: list[int] = []  # the index of each term's first source
        for term in terms:
            firsts.append(len(scope.sources))
            self.term(term, scope, outer)
        # Joins: NATURAL and USING make shared columns one.  The ON clause of
        # an outer join, or of any join in a FROM with a RIGHT or FULL join,
        # may not look at tables to its right.
        words_of = [set(op.words) for op in joins]
        any_right = any(words & _RIGHT for words in words_of)
        ends = [*firsts[1:], len(scope.sources)]
        # The sources an outer join may fill with NULLs (EP_CanBeNull).
        nullable: set[int] = set()
        for i in range(1, len(terms)):
            if words_of[i - 1] & _LEFT_FULL:
                nullable.update(id(s) for s in scope.sources[firsts[i] : ends[i]])
            if words_of[i - 1] & _RIGHT:
                nullable.update(id(s) for s in scope.sources[: firsts[i]])
        for i, term in enumerate(terms):
            first_index, end = firsts[i], ends[i]
            mine = scope.sources[first_index:end]
            outer_join = False
            if i > 0:
                words = words_of[i - 1]
                right = bool(words & _RIGHT)
                outer_join = bool(words & _OUTER) or any_right
                if "NATURAL" in words:
                    left_sources = scope.sources[:first_index]
                    left_cols = {c.key for s in left_sources if s.columns for c in s.columns if not c.hidden}
                    for s in mine:
                        if s.columns:
                            s.using |= {c.key for c in s.columns if c.key in left_cols and not c.hidden}
                for s in mine:
                    s.right_join = right
            constraint = term.constraint
            if i > 0 and constraint is not None and "NATURAL" in words_of[i - 1]:
                rules.natural_join.report(r, constraint)
            if i > 0 and any_right and not any(isinstance(t, JoinGroup) for t in terms):
                self.ambiguous_using(scope.sources[:first_index], mine, constraint, joins[i - 1])
            if isinstance(constraint, UsingClause):
                left_sources = scope.sources[:first_index]
                for name_tok in constraint.names:
                    key = normalize(name_tok.text)
                    left_has = any(s.columns is None or s.column(name_tok.text) for s in left_sources)
                    right_has = any(s.columns is None or s.column(name_tok.text) for s in mine)
                    if not (left_has and right_has):
                        rules.using_column.report(r, name_tok, unquote(name_tok.text))
                    for s in mine:
                        s.using |= {key}
                    src_for_ref = next((s for s in left_sources if s.column(name_tok.text)), None)
                    if src_for_ref is not None:
                        col = src_for_ref.column(name_tok.text)
                        assert col is not None
                        r.refer(name_tok, src_for_ref.column_referent(col))
            elif isinstance(constraint, OnClause):
                ctx = Ctx(scope, clause="ON")
                before = len(r.state.resolved)
                aliases_before = len(r.state.on_aliases)
                r.exprs.expr(constraint.expr, ctx)
                r.rows.scalar_context(constraint.expr, ctx)
                if outer_join:
                    folded = _null_tested(constraint.expr)
                    right_sources = scope.sources[end:]
                    if not self.check_on_right(before, right_sources, folded, nullable):
                        self.check_on_aliases(aliases_before, scope.sources, right_sources, folded, nullable)
        for term in terms:
            if isinstance(term, TableFunction):
                ctx = Ctx(scope, clause="table function")
                for arg in term.args:
                    r.exprs.expr(arg, ctx)

    def ambiguous_using(
        self, left: list[Source], mine: list[Source], constraint: object, join: JoinOperator
    ) -> None:
        """In a FROM with a RIGHT or FULL join, each column a USING or
        NATURAL join shares must be in one table on its left, or every
        further one must have been joined by it (sqlite3ProcessJoin)."""
        names: list[tuple[Token | None, str, str]]
        if isinstance(constraint, UsingClause):
            names = [(tok, normalize(tok.text), unquote(tok.text)) for tok in constraint.names]
        elif "NATURAL" in set(join.words):
            names = [(None, c.key, c.name) for s in mine for c in s.columns or () if c.key in s.using]
        else:
            return
        if any(s.columns is None for s in left):
            return
        for tok, key, shown in names:
            having = [
                s
                for s in left
                if not s.qualifier_only
                and (c := s.column(key)) is not None
                and not (tok is None and c.hidden)
            ]
            if any(key not in s.using for s in having[1:]):
                rules.using_column.report_ambiguous(self.r, tok or join, shown)
                return

    def check_on_right(self, first: int, right: list[Source], folded: set[int], nullable: set[int]) -> bool:
        """Report the first reference, since ``first``, to a source in
        ``right`` (not a column tested for NULL, ``folded``, that SQLite may
        take for one that cannot be NULL); True if there is one."""
        mine = {id(src) for src in right}
        for ref, src in self.r.state.resolved[first:]:
            if id(src) in mine and not (id(ref) in folded and _cannot_be_null(ref, src, nullable)):
                rules.join_on_right_table.report(self.r, ref)
                return True
        return False

    def check_on_aliases(
        self, first: int, sources: list[Source], right: list[Source], folded: set[int], nullable: set[int]
    ) -> None:
        """A result-column alias used in the ON clause stands for its
        expression, resolved there: report the first alias (used since
        ``first``) whose expression names a column of a source in ``right``
        (only the columns of the FROM clause's sources that name one
        source for certain are looked at; not an alias of a column tested
        for NULL: ``folded``)."""
        mine = {id(src) for src in right}
        for ref, expr in self.r.state.on_aliases[first:]:
            plain = _unparen(expr)
            if id(ref) in folded and isinstance(plain, ColumnRef):
                src = _only_source(plain, sources)
                if src is None or _cannot_be_null(plain, src, nullable):
                    continue
            stack: list[Node] = [expr]
            while stack:
                item = stack.pop()
                if isinstance(item, ColumnRef):
                    src = _only_source(item, sources)
                    if src is not None and id(src) in mine:
                        rules.join_on_right_table.report(self.r, ref)
                        return
                elif not isinstance(item, (SubqueryExpr, ExistsExpr, Select, SelectCore, Values)):
                    stack.extend(c for c in item.children if isinstance(c, Node))

    def term(self, node: FromTerm, scope: Scope, outer: Scope | None) -> None:
        """Add the sources of one FROM term to ``scope``."""
        r = self.r
        position = len(scope.sources)
        alias_tok = node.alias
        alias = unquote(alias_tok.text) if alias_tok is not None else None
        if isinstance(node, TableRef):
            qn = node.name
            name_tok = qn.name
            src = self.table_source(name_tok, unquote(name_tok.text), qn.schema, alias, position)
            indexed = node.indexed_by
            ix_tok = indexed.index if indexed is not None else None
            if ix_tok is not None and src.table is not None:
                r.indexed_by(ix_tok, src.table)
        elif isinstance(node, TableFunction):
            src = self.table_function(node, alias, position)
        elif isinstance(node, Subquery):
            shape = r.queries.query(node.query, outer)
            r.collations.table_columns(node.query)
            names = shape.names
            known = shape.columns if r.keep_model else None
            if names is None:
                cols = None
            elif known is not None and len(known) == len(names):
                # For the semantic model: where each column is defined, its type.
                cols = [Column(n, c.type, location=c.location) for n, c in zip(names, known, strict=True)]
            else:
                cols = [Column(n) for n in names]
            src = self.named_source(node, alias_tok, cols, position, "subquery in FROM")
        else:  # a parenthesized join
            inner = Scope([], outer)
            self.from_items(node.terms, node.joins, inner, outer)
            if alias is None:
                for s in inner.sources:
                    s.position = len(scope.sources)
                    scope.sources.append(s)
                return
            cols = (
                None
                if any(s.columns is None for s in inner.sources)
                else [c for s in inner.sources for c in (s.columns or []) if not c.hidden]
            )
            src = self.named_source(node, alias_tok, cols, position, "parenthesized join")
            # Its tables stay reachable as table.column (SQLite's nested FROM).
            for s in inner.sources:
                s.position = len(scope.sources)
                s.qualifier_only = True
                scope.sources.append(s)
        if alias_tok is not None and src.referent is not None:
            if src.table is not None or src.referent.kind == "cte":
                # An alias of a table is a name of its own (renamed alone).
                src.alias_referent = table_alias(f"alias:{id(node)}", alias_tok, src.referent, r.where)
                r.define(alias_tok, src.alias_referent)
            else:
                r.define(
                    alias_tok,
                    Referent("alias", src.referent.key, src.referent.detail, location_of(alias_tok, r.where)),
                )
        scope.sources.append(src)

    def named_source(
        self, node: FromTerm, alias_tok: Token | None, cols: list[Column] | None, position: int, what: str
    ) -> Source:
        """A FROM item that only its alias names (a subquery, a parenthesized join)."""
        alias = unquote(alias_tok.text) if alias_tok is not None else None
        where = location_of(alias_tok, self.r.where) if alias_tok is not None else None
        referent = Referent("alias", f"subquery:{id(node)}", f"{alias or 'subquery'}\n{what}", where)
        return Source(alias, cols, position=position, referent=referent)

    def table_source(
        self, name_tok: Token, name: str, schema_tok: Token | None, alias: str | None, position: int
    ) -> Source:
        """A FROM item (or ``x IN t``) naming a CTE, table, view or
        table-valued function."""
        r = self.r
        probe = r.probe
        if probe is not None and name_tok.start <= probe <= name_tok.end:
            r.in_scope(name_tok, None, table_position=True)
        schema = unquote(schema_tok.text) if schema_tok is not None else None
        if schema is None:
            cte = r.find_cte(name)
            if cte is not None:
                r.refer(name_tok, cte.referent)
                if cte.state == "pending":
                    r.queries.resolve_cte(cte)
                if cte.state == "busy" and (cte.shape is None or name_tok.start not in cte.direct):
                    rules.circular_cte.report(r, name_tok, cte.name, recursive=cte.recursing)
                    return Source(alias or name, None, position=position, referent=cte.referent)
                assert cte.shape is not None
                names = cte.shape.names
                known = cte.shape.columns
                if names is None:
                    cols = None
                elif known is not None and len(known) == len(names):
                    cols = [Column(c.name, c.type, location=c.location) for c in known]
                else:
                    cols = [Column(n, location=cte.referent.location) for n in names]
                return Source(alias or name, cols, position=position, referent=cte.referent)
        lookup_schema = schema
        if r.state.definition is not None:  # in a view or trigger
            if r.state.fixed_db is not None:
                allowed, lookup_schema = r.fixed_schema(schema_tok, name_tok)
                if not allowed:
                    return Source(alias or name, None, schema=schema, position=position)
            if r.circular_view(schema, name_tok):
                return Source(alias or name, None, schema=schema, position=position)
        if schema_tok is not None and r.catalog.database(schema) is None:
            assert schema is not None
            rules.unknown_table.report_in_unknown_database(
                r, name_tok, name_tok, "table", schema, name, known=r.catalog.known(None)
            )
            r.refer(name_tok, None)
            return Source(alias or name, None, schema=schema, position=position)
        if schema_tok is not None:
            r.check_schema(schema_tok)
        table = r.catalog.find_table(name, lookup_schema)
        if table is None:
            fn = builtins.lookup(name)
            if any(f.kind == "table" for f in fn):  # eponymous: in every schema
                return self.function_source(name_tok, alias, position)
            r.unknown_table(name_tok, name, lookup_schema)
            return Source(alias or name, None, schema=lookup_schema, position=position)
        referent = r.table_referent(table)
        r.refer(name_tok, referent)
        if table.kind == "view":
            r.view_used(table, name_tok)
        return Source.of_table(table, referent, alias, position=position)

    def table_function(self, node: TableFunction, alias: str | None, position: int) -> Source:
        """``name(args)`` in FROM, as SQLite's selectExpander: a CTE, table or
        view there "is not a function"; a virtual table (eponymous, such as
        json_each, or one of the schema) takes at most one argument per
        hidden column."""
        r = self.r
        qn = node.name
        name_tok = qn.name
        name = unquote(name_tok.text)
        schema_tok = qn.schema
        args = node.args
        if schema_tok is None and r.find_cte(name) is not None:
            rules.table_function_call.report_not_a_function(r, name_tok, name)
            return Source(alias or name, None, position=position)
        schema = unquote(schema_tok.text) if schema_tok is not None else None
        if schema_tok is not None and not r.check_schema(schema_tok):
            return Source(alias or name, None, schema=schema, position=position)
        table = r.catalog.find_table(name, schema)
        if table is not None:
            referent = r.table_referent(table)
            r.refer(name_tok, referent)
            if table.kind != "virtual":
                rules.table_function_call.report_not_a_function(r, name_tok, name)
                return Source(alias or name, None, schema=table.schema, position=position)
            if table.columns_known:
                most = sum(1 for c in table.columns if c.hidden)
                if len(args) > most:
                    rules.table_function_call.report_too_many(r, args[most], table.name, most)
            return Source.of_table(table, referent, alias, position=position)
        src = self.function_source(name_tok, alias, position)
        fns = [f for f in builtins.lookup(name) if f.kind == "table" and r.available(f)]
        bounds = builtins.arity_at(fns[0], r.sqlite.version) if fns else None
        limit = bounds[1] if bounds is not None else None
        if limit is not None and len(args) > limit:
            rules.table_function_call.report_too_many(r, args[limit], fns[0].name, limit)
        return src

    def function_source(self, name_tok: Token, alias: str | None, position: int) -> Source:
        r = self.r
        name = unquote(name_tok.text)
        fns = [f for f in builtins.lookup(name) if f.kind == "table" and r.available(f)]
        if not fns:
            # A table-valued function syntaqlite does not know: maybe an
            # extension's; its columns are unknown.
            r.unknown_table(name_tok, name, None)
            return Source(alias or name, None, position=position)
        fn = fns[0]
        referent = Referent(
            "function", f"function:{normalize(name)}", f"{fn.signature}\ntable-valued function: {fn.summary}"
        )
        r.refer(name_tok, referent)
        cols = [Column(c) for c in fn.columns] + [Column(c, hidden=True) for c in fn.hidden_columns]
        # Every table-valued function SQLite ships is a virtual table with a rowid.
        return Source(alias or name, cols, schema="main", position=position, referent=referent, rowid=True)


def table_alias(key: str, alias_tok: Token, referent: Referent | None, where: Where) -> Referent:
    """What the alias of a table (view, CTE) means: a name of its own,
    renamed alone, described as the alias of what it stands for."""
    return Referent(
        "alias",
        key,
        f"{unquote(alias_tok.text)}\nalias"
        + (f" of {referent.detail.partition(chr(10))[0]}" if referent is not None else ""),
        location_of(alias_tok, where),
    )


def _only_source(ref: ColumnRef, sources: list[Source]) -> Source | None:
    """The one source among ``sources`` a column reference names (None: none,
    several, or one of unknown columns)."""
    parts = ref.parts
    if len(parts) > 2:
        return None
    qualifier = normalize(parts[0].text) if len(parts) == 2 else None
    found: Source | None = None
    for src in sources:
        if src.columns is None or src.qualifier_only:
            return None
        if qualifier is not None and (src.name is None or normalize(src.name) != qualifier):
            continue
        if src.column(parts[-1].text) is None:
            continue
        if found is not None:
            return None
        found = src
    return found


def _null_tested(expr: Expr) -> set[int]:
    """The ids of the column references in ``expr`` that are tested for
    NULL (``x IS [NOT] NULL``, ``x ISNULL``, ``x NOTNULL``).  SQLite turns
    such a test of a column that cannot be NULL (a rowid, a NOT NULL column
    of a table no outer join fills with NULLs) in a WHERE or ON clause into a
    constant while it resolves names (resolve.c, NOT NULL strength
    reduction): the column is then no longer referenced
    (:func:`_cannot_be_null`)."""
    out: set[int] = set()
    stack: list[Node] = [expr]
    while stack:
        item = stack.pop()
        operand: Expr | None = None
        if isinstance(item, NullTest):
            operand = item.operand
        elif isinstance(item, IsExpr):
            right = _unparen(item.right)
            if isinstance(right, Literal) and right.literal_token.kind == "NULL":
                operand = item.left
        if operand is not None and isinstance(_unparen(operand), ColumnRef):
            out.add(id(_unparen(operand)))
        stack.extend(c for c in item.children if isinstance(c, Node))
    return out


def _cannot_be_null(ref: ColumnRef, src: Source, nullable: set[int]) -> bool:
    """Whether SQLite may take ``ref`` (of ``src``) for a column that cannot
    be NULL: True unless it is certainly nullable (a column of a table with
    no NOT NULL constraint, not its rowid, or one of a source an outer join
    fills with NULLs: ``nullable`` holds those sources' ids)."""
    if id(src) in nullable:
        return False
    table = src.table
    if table is not None and table.kind == "view":
        return False  # names are resolved before a view is flattened: its columns may be NULL
    if table is None or table.kind != "table" or src.columns is None:
        return True  # (a subquery's, a CTE's, a module's: not followed)
    name = ref.parts[-1].text
    column = src.column(name)
    if column is None:
        return normalize(name) in ROWID_NAMES
    return column.not_null or table.rowid_column == column.key


def _unparen(node: Expr) -> Expr:
    while isinstance(node, ParenExpr):
        node = node.expr
    return node
