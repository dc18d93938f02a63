"""Document symbols: one per statement (parsed or not), named by what it
does ("CREATE TABLE accounts", "SELECT … FROM orders", "INSERT INTO
customers"), with the columns of created tables and views as children."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ...syntax.cst import Node
from ...syntax.nodes import (
    AttachStmt,
    BeginStmt,
    ColumnRef,
    CommitStmt,
    CreateIndexStmt,
    CreateTableStmt,
    CreateTriggerStmt,
    CreateViewStmt,
    CreateVirtualTableStmt,
    DeleteStmt,
    DetachStmt,
    ErrorStatement,
    FromClause,
    InsertStmt,
    Literal,
    PragmaStmt,
    QualifiedName,
    Query,
    ReleaseStmt,
    RollbackStmt,
    SavepointStmt,
    Select,
    SelectCore,
    Statement,
    TableRef,
    TriggerHeader,
    UpdateStmt,
    Values,
)
from ...syntax.tokens import KEYWORD_KINDS, Token
from ..convert import LineIndex
from ..documents import Analysis, Chunk

if TYPE_CHECKING:
    from lsprotocol import types

    from ..protocol import SyntaqliteServer


class K:
    """LSP's SymbolKind values used here (tests compare them with lsprotocol's)."""

    Module = 2
    Class = 5
    Method = 6
    Property = 7
    Field = 8
    Interface = 11
    Function = 12
    Object = 19
    Key = 20
    Event = 24


_KINDS: dict[type[Node], int] = {
    CreateTableStmt: K.Class,
    CreateVirtualTableStmt: K.Class,
    CreateViewStmt: K.Interface,
    CreateIndexStmt: K.Key,
    CreateTriggerStmt: K.Event,
    Select: K.Function,
    SelectCore: K.Function,
    Values: K.Function,
    InsertStmt: K.Method,
    UpdateStmt: K.Method,
    DeleteStmt: K.Method,
    PragmaStmt: K.Property,
    AttachStmt: K.Module,
    DetachStmt: K.Module,
    BeginStmt: K.Event,
    CommitStmt: K.Event,
    RollbackStmt: K.Event,
    SavepointStmt: K.Event,
    ReleaseStmt: K.Event,
}
_FIRST_WORD_KINDS = {
    "SELECT": K.Function,
    "VALUES": K.Function,
    "WITH": K.Function,
    "INSERT": K.Method,
    "REPLACE": K.Method,
    "UPDATE": K.Method,
    "DELETE": K.Method,
    "PRAGMA": K.Property,
    "ATTACH": K.Module,
    "DETACH": K.Module,
    "BEGIN": K.Event,
    "COMMIT": K.Event,
    "END": K.Event,
    "ROLLBACK": K.Event,
    "SAVEPOINT": K.Event,
    "RELEASE": K.Event,
}
MAX_WORDS = 6
ELLIPSIS = "…"


@dataclass
class Spec:
    """A symbol with offsets relative to its chunk."""

    name: str
    kind: int  # LSP's SymbolKind
    start: int
    end: int
    sel_start: int
    sel_end: int
    detail: str | None = None
    children: list[Spec] = field(default_factory=list)


def _words(tokens: list[Token]) -> tuple[str, Token | None]:
    """Leading keywords then the first name (qualified): "CREATE TABLE IF
    NOT EXISTS main.accounts"; and the name's last token."""
    words: list[str] = []
    name_tok: Token | None = None
    i = 0
    while i < len(tokens) and len(words) < MAX_WORDS:
        tok = tokens[i]
        if tok.kind in KEYWORD_KINDS:
            words.append(tok.text.upper())
            i += 1
            continue
        if tok.kind == "ID":
            name = tok.text
            name_tok = tok
            while (
                i + 2 < len(tokens)
                and tokens[i + 1].kind == "DOT"
                and tokens[i + 2].kind in ("ID", *KEYWORD_KINDS)
            ):
                name += "." + tokens[i + 2].text
                name_tok = tokens[i + 2]
                i += 2
            words.append(name)
        break
    return " ".join(words), name_tok


def _qtext(name: QualifiedName) -> str:
    return "".join(t.text for t in name.tokens())


def _query_name(query: Node, explain: str) -> tuple[str, Token | None]:
    prefix = explain
    core: Node | None = query
    if isinstance(query, Select):
        with_clause = query.with_clause
        if with_clause is not None:
            prefix += "WITH " + ", ".join(c.name.text for c in with_clause.ctes) + f" {ELLIPSIS} "
        cores = query.cores
        core = cores[0] if cores else None
    if isinstance(core, SelectCore):
        from_clause = core.from_clause
        if isinstance(from_clause, FromClause):
            for term in from_clause.terms:
                if isinstance(term, TableRef):
                    return f"{prefix}SELECT {ELLIPSIS} FROM {_qtext(term.name)}", term.name.name
            return f"{prefix}SELECT {ELLIPSIS} FROM {ELLIPSIS}", None
        cols = core.columns
        if len(cols) == 1 and isinstance(cols[0].expr, (Literal, ColumnRef)):
            return f"{prefix}SELECT {cols[0].expr.first_token.text}", None
        return f"{prefix}SELECT {ELLIPSIS}", None
    return f"{prefix}VALUES {ELLIPSIS}", None


def _spec(stmt: Statement | ErrorStatement) -> Spec:
    tokens = list(stmt.tokens())
    first = tokens[0]
    last = tokens[-1] if tokens[-1].kind != "SEMI" or len(tokens) == 1 else tokens[-2]
    start, end = first.start, last.end
    if isinstance(stmt, ErrorStatement):
        name, name_tok = _words(tokens)
        if first.kind in ("SELECT", "VALUES", "WITH"):
            name, name_tok = f"{first.text.upper()} {ELLIPSIS}", None
        kind = _FIRST_WORD_KINDS.get(first.kind, K.Object)
        words = name.split()
        if len(words) >= 2 and words[0] == "CREATE":
            kind = {"TABLE": K.Class, "VIEW": K.Interface, "INDEX": K.Key, "TRIGGER": K.Event}.get(
                next((w for w in words[1:] if w in ("TABLE", "VIEW", "INDEX", "TRIGGER")), ""), K.Object
            )
        sel = name_tok or first
        return Spec(name or first.text, kind, start, end, sel.start, sel.end, "syntax error")
    body = stmt.body
    explain = (
        " ".join(t.text.upper() for t in stmt.explain.tokens()) + " " if stmt.explain is not None else ""
    )
    kind = _KINDS.get(type(body), K.Object)
    detail: str | None = None
    children: list[Spec] = []
    if isinstance(body, Query):
        name, name_tok = _query_name(body, explain)
    else:
        lead = list(body.tokens())
        if isinstance(body, (InsertStmt, UpdateStmt, DeleteStmt)) and body.with_clause is not None:
            after_with = body.with_clause.end
            lead = [t for t in lead if t.start >= after_with]
        name, name_tok = _words(lead)
        name = explain + name
    if isinstance(body, CreateTableStmt):
        for col in body.columns:
            type_name = col.type_name
            children.append(
                Spec(
                    col.name.text,
                    K.Field,
                    col.start,
                    col.end,
                    col.name.start,
                    col.name.end,
                    " ".join(t.text for t in type_name.tokens()) if type_name is not None else None,
                )
            )
        detail = f"{len(children)} columns" if body.as_select is None else "AS SELECT"
    elif isinstance(body, CreateViewStmt) and body.columns is not None:
        for cn in body.columns.names:
            children.append(Spec(cn.name.text, K.Field, cn.start, cn.end, cn.name.start, cn.name.end))
    elif isinstance(body, CreateVirtualTableStmt):
        detail = f"USING {body.module.text}"
    elif isinstance(body, CreateIndexStmt):
        detail = f"ON {body.table.text}"
    elif isinstance(body, CreateTriggerStmt) and isinstance(body.header, TriggerHeader):
        header = body.header
        timing = f"{header.timing} " if header.timing else ""
        detail = f"{timing}{header.event} ON {_qtext(header.table)}"
    sel = name_tok or first
    return Spec(name, kind, start, end, sel.start, sel.end, detail, children)


_MEMO = "symbols"


def chunk_specs(chunk: Chunk) -> list[Spec]:
    cached = chunk.data.memo.get(_MEMO)
    if cached is None:
        cached = [_spec(s) for s in chunk.statements()]
        chunk.data.memo[_MEMO] = cached
    return cached  # type: ignore[return-value]


def _symbol(spec: Spec, base: int, index: LineIndex) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": spec.name,
        "kind": spec.kind,
        "range": index.range_json(spec.start + base, spec.end + base),
        "selectionRange": index.range_json(spec.sel_start + base, spec.sel_end + base),
    }
    if spec.detail is not None:
        out["detail"] = spec.detail
    if spec.children:
        out["children"] = [_symbol(c, base, index) for c in spec.children]
    return out


def document_symbols(analysis: Analysis, hierarchical: bool) -> list[dict[str, Any]]:
    """The document's symbols as JSON: ``DocumentSymbol`` objects when the
    client takes them (``hierarchical``), else ``SymbolInformation``."""
    index = analysis.index
    if hierarchical:
        return [_symbol(spec, chunk.start, index) for chunk in analysis.chunks for spec in chunk_specs(chunk)]
    flat: list[dict[str, Any]] = []
    for chunk in analysis.chunks:
        for spec in chunk_specs(chunk):
            rng = index.range_json(spec.start + chunk.start, spec.end + chunk.start)
            flat.append(
                {"name": spec.name, "kind": spec.kind, "location": {"uri": analysis.uri, "range": rng}}
            )
            for child in spec.children:
                rng = index.range_json(child.start + chunk.start, child.end + chunk.start)
                flat.append(
                    {
                        "name": child.name,
                        "kind": child.kind,
                        "location": {"uri": analysis.uri, "range": rng},
                        "containerName": spec.name,
                    }
                )
    return flat


def register(server: SyntaqliteServer) -> None:
    from lsprotocol import types

    session = server.session

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    async def symbols(params: types.DocumentSymbolParams) -> list[dict[str, Any]] | None:
        def run(analysis: Analysis) -> list[dict[str, Any]]:
            return document_symbols(analysis, session.client.hierarchical_symbols)

        return await session.request(params.text_document.uri, "document symbols", run, None)
