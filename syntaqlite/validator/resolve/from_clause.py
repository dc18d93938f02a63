"""FROM clauses: their items as sources (tables, views, CTEs, subqueries,
parenthesized joins, table-valued functions), the columns NATURAL and USING
joins share, ON clauses (which may not look right of an outer join), and
the arguments of table-valued functions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...syntax.cst import Node
from ...syntax.names import normalize, unquote
from ...syntax.tokens import Token
from .. import builtins
from ..catalog import Column, Where, location_of
from ..model import Referent
from ..rules import circular_cte, join_on_right_table, unknown_table, using_column
from .scope import Ctx, Scope, Source
from .tree import TERM_KINDS, rp_index, term_alias

if TYPE_CHECKING:
    from .resolver import Resolver


class FromResolver:
    def __init__(self, r: Resolver) -> None:
        self.r = r

    def from_items(self, items: Sequence[Node | Token], scope: Scope, outer: Scope | None) -> None:
        """Build the sources of a FROM clause (flattening parenthesized
        joins), then resolve ON clauses, USING lists and table-function
        arguments."""
        r = self.r
        pending: list[tuple[Node, Source | None, int]] = []  # (term, its source, index of first source)
        join_ops: list[Node | None] = []
        last_op: Node | None = None
        for item in items:
            if isinstance(item, Node) and item.kind == "join_operator":
                last_op = item
                continue
            if isinstance(item, Node) and item.kind in TERM_KINDS:
                first_index = len(scope.sources)
                src = self.term(item, scope, outer)
                pending.append((item, src, first_index))
                join_ops.append(last_op)
                last_op = None
        # Joins: NATURAL and USING make shared columns one.  The ON clause of
        # an outer join, or of any join in a FROM with a RIGHT or FULL join,
        # may not look at tables to its right.
        words_of = [
            {t.text.upper() for t in op.children if isinstance(t, Token)} if op is not None else set()
            for op in join_ops
        ]
        any_right = any(words & {"RIGHT", "FULL"} for words in words_of)
        ends = [first for _t, _s, first in pending[1:]] + [len(scope.sources)]
        for (term, _src, first_index), op, words, end in zip(pending, join_ops, words_of, ends):
            if op is not None and op.kind == "join_operator":
                right = bool(words & {"RIGHT", "FULL"})
                outer_join = bool(words & {"LEFT", "RIGHT", "FULL"}) or any_right
                left_sources = scope.sources[:first_index]
                mine = scope.sources[first_index:end]
                if "NATURAL" in words:
                    left_cols = {c.key for s in left_sources if s.columns for c in s.columns if not c.hidden}
                    for s in mine:
                        if s.columns:
                            s.using |= {c.key for c in s.columns if c.key in left_cols and not c.hidden}
                for s in mine:
                    s.right_join = right
            else:
                outer_join = False
                left_sources = scope.sources[:first_index]
                mine = scope.sources[first_index:end]
            constraint = term.children[-1]
            if isinstance(constraint, Node) and constraint.kind == "using_clause":
                for name_tok in constraint.children[2:-1]:
                    if not isinstance(name_tok, Token) or name_tok.kind == "COMMA":
                        continue
                    key = normalize(name_tok.text)
                    left_has = any(s.columns is None or s.column(name_tok.text) for s in left_sources)
                    right_has = any(s.columns is None or s.column(name_tok.text) for s in mine)
                    if not (left_has and right_has):
                        using_column.report(r, name_tok, unquote(name_tok.text))
                    for s in mine:
                        s.using.add(key)
                    src_for_ref = next((s for s in left_sources if s.column(name_tok.text)), None)
                    if src_for_ref is not None:
                        col = src_for_ref.column(name_tok.text)
                        assert col is not None
                        r.refer(name_tok, src_for_ref.column_referent(col))
            elif isinstance(constraint, Node) and constraint.kind == "on_clause":
                ctx = Ctx(scope, clause="ON")
                before = len(r.state.resolved)
                r.exprs.expr(constraint.children[1], ctx)  # type: ignore[arg-type]
                r.rows.scalar_context(constraint.children[1], ctx)  # type: ignore[arg-type]
                if outer_join:
                    self.check_on_right(before, scope.sources[end:])
        for term, _src, _first in pending:
            if term.kind == "table_function":
                ctx = Ctx(scope, clause="table function")
                for arg in term.children:
                    if isinstance(arg, Node) and arg.kind not in (
                        "qualified_name",
                        "on_clause",
                        "using_clause",
                    ):
                        r.exprs.expr(arg, ctx)

    def check_on_right(self, first: int, right: list[Source]) -> None:
        """Report the first reference, since ``first``, to a source in ``right``."""
        mine = {id(src) for src in right}
        for ref, src in self.r.state.resolved[first:]:
            if id(src) in mine:
                join_on_right_table.report(self.r, ref)
                return

    def term(self, node: Node, scope: Scope, outer: Scope | None) -> Source | None:
        """Add the sources of one FROM term to ``scope``."""
        r = self.r
        position = len(scope.sources)
        kind = node.kind
        alias_tok = term_alias(node)
        alias = unquote(alias_tok.text) if alias_tok is not None else None
        if kind == "table_ref":
            qn = node.children[0]
            assert isinstance(qn, Node)
            schema_tok = qn.children[0] if len(qn.children) == 3 else None
            name_tok = qn.children[-1]
            assert isinstance(name_tok, Token)
            name = unquote(name_tok.text)
            src = self.table_source(
                name_tok, name, schema_tok if isinstance(schema_tok, Token) else None, alias, position
            )
            indexed = node.child_kind("indexed_by")
            if indexed is not None and len(indexed.children) == 3 and src.table is not None:
                ix_tok = indexed.children[2]
                assert isinstance(ix_tok, Token)
                if r.catalog.find_index(unquote(ix_tok.text), src.table.schema) is None:
                    unknown_table.report_index(
                        r, ix_tok, unquote(ix_tok.text), known=r.catalog.known(src.table.schema)
                    )
        elif kind == "table_function":
            qn = node.children[0]
            assert isinstance(qn, Node)
            name_tok = qn.children[-1]
            assert isinstance(name_tok, Token)
            src = self.function_source(name_tok, alias, position)
        elif kind == "subquery":
            shape = r.queries.query(node.children[1], outer)  # type: ignore[arg-type]
            cols = [Column(n) for n in shape.names] if shape.names is not None else None
            src = self.named_source(node, alias_tok, cols, position, "subquery in FROM")
        else:  # join_group: a parenthesized join
            inner = Scope([], outer)
            self.from_items(node.children[1 : rp_index(node.children)], inner, outer)
            if alias is None:
                for s in inner.sources:
                    s.position = len(scope.sources)
                    scope.sources.append(s)
                return None
            cols = (
                None
                if any(s.columns is None for s in inner.sources)
                else [c for s in inner.sources for c in (s.columns or []) if not c.hidden]
            )
            src = self.named_source(node, alias_tok, cols, position, "parenthesized join")
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
        return src

    def named_source(
        self, node: Node, alias_tok: Token | None, cols: list[Column] | None, position: int, what: str
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
        schema = unquote(schema_tok.text) if schema_tok is not None else None
        if schema is None:
            cte = r.find_cte(name)
            if cte is not None:
                r.refer(name_tok, cte.referent)
                if cte.state == "pending":
                    r.queries.resolve_cte(cte)
                if cte.state == "busy" and (cte.shape is None or name_tok.start not in cte.direct):
                    circular_cte.report(r, name_tok, cte.name, recursive=cte.recursing)
                    return Source(alias or name, None, position=position, referent=cte.referent)
                assert cte.shape is not None
                cols = (
                    [Column(n, location=cte.referent.location) for n in cte.shape.names]
                    if cte.shape.names is not None
                    else None
                )
                return Source(alias or name, cols, position=position, referent=cte.referent)
        if schema_tok is not None and r.catalog.database(schema) is None:
            assert schema is not None
            unknown_table.report_in_unknown_database(r, name_tok, name_tok, "table", schema, name)
            r.refer(name_tok, None)
            return Source(alias or name, None, schema=schema, position=position)
        if schema_tok is not None:
            r.check_schema(schema_tok)
        table = r.catalog.find_table(name, schema)
        if table is None:
            fn = builtins.lookup(name)
            if schema is None and any(f.kind == "table" for f in fn):
                return self.function_source(name_tok, alias, position)
            r.unknown_table(name_tok, name, schema)
            return Source(alias or name, None, schema=schema, position=position)
        referent = r.table_referent(table)
        r.refer(name_tok, referent)
        return Source.of_table(table, referent, alias, position=position)

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
        return Source(alias or name, cols, position=position, referent=referent, rowid=False)


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
