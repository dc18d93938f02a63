"""What is in scope at the cursor, from the validator's own name
resolution (completion's columns, aliases and tables).

The statement at the cursor is checked again with a *probe*: the validator
records, for the name at one offset, the query levels around it (their FROM
items, with subqueries' and CTEs' columns, and the result-column aliases
usable there), the pseudo-tables (new, old, excluded), the WITH frames and
the catalog of that point (:class:`~syntaqlite.validator.model.InScope`).
Where the cursor is there is usually no name yet (``SELECT r.| FROM r``),
so a placeholder name is put there first; when the statement still does
not parse, it is cut at the cursor and its open parentheses are closed.
If neither parses, there is no answer and the caller reads tokens instead.

Only the one statement is checked, against the catalog the document's
check had before it, so what is offered agrees with ``syntaqlite check``:
a table dropped earlier in the file is not there, a CTE is there only
inside its statement.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..syntax.names import normalize
from ..syntax.parser import ParseResult, parse
from ..syntax.target import Target
from ..syntax.tokens import Token
from ..validator.catalog import Catalog, Where
from ..validator.checker import run_statement
from ..validator.ddl import DdlChecker, changes_schema
from ..validator.model import InScope, SemanticModel
from ..validator.resolve import Resolver
from ..validator.resolve.scope import Source
from .scan import is_name
from .semantics import ColumnInfo, TableInfo

PLACEHOLDER = "syntaqlite_cursor_"
"""The name put at the cursor (an identifier no schema is expected to use)."""

LARGEST = 64 * 1024
"""Statements longer than this (data dumps: a VALUES list of thousands of
rows) are not checked again at every completion request: their tokens are
read instead."""


def variants(text: str, at: int, parsed: ParseResult) -> Iterator[tuple[str, ParseResult | None]]:
    """The statement text (``parsed``) with a name at ``at``: the name the
    cursor touches, as the text is (with its parse), else the placeholder
    put there; then with a name and the open parentheses' closing ones
    added at its end (``... WHERE`` unfinished after the cursor); then cut
    at the cursor, its open parentheses closed (None: parse it)."""
    tokens = parsed.tokens
    touching = any(t.start <= at <= t.end and is_name(t) for t in tokens if t.start <= at)
    base = text if touching else text[:at] + PLACEHOLDER + text[at:]
    yield base, parsed if touching else None
    yield base.rstrip().rstrip(";") + " " + PLACEHOLDER + ")" * _open(tokens, len(text)), None
    yield text[:at] + PLACEHOLDER + ")" * _open(tokens, at), None


def _open(tokens: Sequence[Token], at: int) -> int:
    """How many parentheses are open at ``at``."""
    depth = 0
    for tok in tokens:
        if tok.end > at:
            break
        if tok.kind == "LP":
            depth += 1
        elif tok.kind == "RP" and depth:
            depth -= 1
    return depth


def probe(
    text: str, parsed: ParseResult, at: int, target: Target, catalog: Catalog, where: Where
) -> InScope | None:
    """What is in scope at offset ``at`` of the statement chunk ``text``
    (``parsed``: its parse for ``target``), checked against ``catalog`` (left
    as it is); None when no variant of the text parses there."""
    if len(text) > LARGEST:
        return None
    fallback: InScope | None = None
    for variant, done in variants(text, at, parsed):
        result = done if done is not None else parse(variant, target)
        statements = [s for s in result.statements if s.start <= at]
        if not statements:
            continue
        model = SemanticModel(probe=at)
        schema = catalog.snapshot() if any(changes_schema(s.body) for s in statements) else catalog
        resolver = Resolver(schema, variant, where.path, target, lambda _d: None, model, where=where)
        ddl = DdlChecker(resolver)
        internal: list[str] = []
        for stmt in statements:
            run_statement(resolver, ddl, stmt, internal)
        found = model.in_scope
        if found is None:
            continue
        last = statements[-1]
        if not any(e.start <= last.end and e.end >= last.start for e in result.errors):
            return found
        if fallback is None:
            fallback = found
    return fallback


def _columns(src: Source, depth: int) -> list[ColumnInfo]:
    return [
        ColumnInfo(c.name, src.name, c.type, depth=depth)
        for c in src.columns or ()
        if not c.hidden and PLACEHOLDER not in c.name
    ]


def columns_in(found: InScope, qualifier: str | None) -> list[ColumnInfo]:
    """The columns a name could be at the probed place: those of the FROM
    items called ``qualifier`` (innermost query first; a pseudo-table), or,
    with no qualifier, every column, result-column alias and FROM item name
    visible there, innermost query first (``depth``)."""
    if qualifier is not None:
        key = normalize(qualifier)
        for depth, level in enumerate(found.levels):
            named = [s for s in level.sources if s.name is not None and normalize(s.name) == key]
            if named:
                return [c for s in named for c in _columns(s, depth)]
        return [c for s in found.pseudo if s.name == key for c in _columns(s, 0)]
    out: list[ColumnInfo] = []
    names: list[ColumnInfo] = []
    for depth, level in enumerate(found.levels):
        for src in level.sources:
            if not src.qualifier_only:
                out.extend(_columns(src, depth))
            if src.name is not None and PLACEHOLDER not in src.name:
                what = src.referent.detail.partition("\n")[0] if src.referent is not None else None
                names.append(ColumnInfo(src.name, None, None, what, kind="source", depth=depth))
        for alias in level.aliases or ():
            if PLACEHOLDER not in alias:
                out.append(ColumnInfo(alias, None, None, "result column alias", kind="alias", depth=depth))
    for src in found.pseudo:
        if src.name is not None:
            names.append(ColumnInfo(src.name, None, None, f"{src.name} row", kind="source"))
    return out + names


def ctes_in(found: InScope) -> list[TableInfo]:
    """The CTEs that can be named at the probed place, innermost first."""
    out: list[TableInfo] = []
    seen: set[str] = set()
    for frame in reversed(found.ctes):
        for key, cte in frame.items():
            if key in seen or PLACEHOLDER in cte.name:
                continue
            seen.add(key)
            shape = cte.shape
            known = shape.columns if shape is not None else None
            if known is not None:
                columns = tuple(ColumnInfo(c.name, cte.name, c.type) for c in known)
            elif shape is not None and shape.names is not None:
                columns = tuple(ColumnInfo(n, cte.name) for n in shape.names)
            else:
                columns = ()
            out.append(TableInfo(cte.name, "cte", None, columns))
    return out


__all__ = ["PLACEHOLDER", "columns_in", "ctes_in", "probe", "variants"]
