"""Semantic tokens (whole document): keywords, names, strings, numbers,
operators, comments, parameters, plus roles from the tree where the
statement parsed: function names, table names, column names, type names,
declarations (CREATE TABLE names, column definitions, CTEs, aliases).
Keywords that the parser read as names are already names (kind ID).  The
answer is LSP's JSON (no lsprotocol here: the front door, :mod:`..fast`,
answers with it before the server is loaded)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...syntax.names import unquote
from ...syntax.nodes import (
    CastExpr,
    ColumnDef,
    ColumnName,
    ColumnRef,
    CommonTableExpression,
    CreateIndexStmt,
    CreateTableStmt,
    CreateViewStmt,
    CreateVirtualTableStmt,
    ForeignKeyClause,
    FunctionCall,
    QualifiedName,
    ResultColumn,
    Statement,
    TableFunction,
    TableRef,
    TargetTable,
    TypeName,
)
from ...syntax.tokens import KEYWORD_KINDS, Token
from ...validator.builtins import lookup
from ..documents import Analysis, Chunk
from ..scan import OPERATOR_KINDS

if TYPE_CHECKING:
    from lsprotocol import types

    from ..protocol import SyntaqliteServer

TOKEN_TYPES = [
    "keyword",
    "variable",
    "string",
    "number",
    "operator",
    "comment",
    "parameter",
    "function",
    "type",
    "class",
    "property",
]
TOKEN_MODIFIERS = ["declaration", "defaultLibrary"]

_T = {name: i for i, name in enumerate(TOKEN_TYPES)}
_DECL = 1
_LIB = 2
_BY_KIND = {
    "STRING": _T["string"],
    "INTEGER": _T["number"],
    "FLOAT": _T["number"],
    "QNUMBER": _T["number"],
    "BLOB": _T["number"],
    "VARIABLE": _T["parameter"],
    "COMMENT": _T["comment"],
    "ID": _T["variable"],
}
_MEMO = "semantic_tokens"


def _roles(stmt: Statement) -> dict[int, tuple[int, int]]:
    """id(token) -> (type, modifiers) for the tokens whose role the tree tells."""
    roles: dict[int, tuple[int, int]] = {}

    def mark(tok: Token | None, kind: str, mods: int = 0) -> None:
        if tok is not None and tok.kind not in ("DOT", "STAR"):
            roles[id(tok)] = (_T[kind], mods)

    for node in stmt.walk():
        if isinstance(node, FunctionCall):
            mark(node.name, "function", _LIB if lookup(unquote(node.name.text)) else 0)
        elif isinstance(node, TableFunction):
            mark(node.name.name, "function", _LIB if lookup(unquote(node.name.name.text)) else 0)
            mark(node.alias, "variable", _DECL)
        elif isinstance(node, TableRef):
            mark(node.name.name, "class")
            mark(node.alias, "variable", _DECL)
        elif isinstance(node, (CreateTableStmt, CreateViewStmt, CreateVirtualTableStmt)):
            mark(node.name.name, "class", _DECL)
        elif isinstance(node, CreateIndexStmt):
            mark(node.table, "class")
        elif isinstance(node, TargetTable):
            mark(node.name, "class")
            mark(node.alias, "variable", _DECL)
        elif isinstance(node, ForeignKeyClause):
            mark(node.table, "class")
        elif isinstance(node, QualifiedName) and id(node.name) not in roles:
            mark(node.name, "class")
        elif isinstance(node, ColumnDef):
            mark(node.name, "property", _DECL)
        elif isinstance(node, ColumnName):
            mark(node.name, "property")
        elif isinstance(node, ColumnRef):
            parts = node.parts
            if len(parts) == 1 and parts[0].text.upper() in ("TRUE", "FALSE"):
                mark(parts[0], "keyword")
            else:
                mark(node.name, "property")
                for part in parts[:-1]:
                    mark(part, "class")
        elif isinstance(node, CommonTableExpression):
            mark(node.name, "class", _DECL)
        elif isinstance(node, ResultColumn):
            mark(node.alias, "variable", _DECL)
        elif isinstance(node, TypeName):
            for tok in node.words:
                mark(tok, "type")
        elif isinstance(node, CastExpr) and node.type_name is not None:
            for tok in node.type_name.words:
                mark(tok, "type")
    return roles


def chunk_tokens(chunk: Chunk) -> list[tuple[int, int, int, int]]:
    """``(start, end, type, modifiers)`` for the chunk's tokens, relative to it."""
    cached = chunk.data.memo.get(_MEMO)
    if cached is not None:
        return cached  # type: ignore[return-value]
    roles: dict[int, tuple[int, int]] = {}
    for stmt in chunk.statements():
        if isinstance(stmt, Statement):
            roles.update(_roles(stmt))
    out: list[tuple[int, int, int, int]] = []
    toks = chunk.result.tokens
    for i, tok in enumerate(toks):
        role = roles.get(id(tok))
        if role is None:
            kind = tok.kind
            if kind == "ID" and i + 1 < len(toks) and toks[i + 1].kind == "LP":
                role = (_T["function"], 0)
            elif kind in _BY_KIND:
                role = (_BY_KIND[kind], 0)
            elif kind in KEYWORD_KINDS:
                role = (_T["keyword"], 0)
            elif kind in OPERATOR_KINDS:
                role = (_T["operator"], 0)
            else:
                continue
        out.append((tok.start, tok.end, role[0], role[1]))
    chunk.data.memo[_MEMO] = out
    return out


def semantic_tokens(analysis: Analysis) -> dict[str, Any]:
    """The document's ``SemanticTokens``, as JSON."""
    index = analysis.index
    data: list[int] = []
    prev_line = 0
    prev_char = 0
    for chunk in analysis.chunks:
        base = chunk.start
        for start, end, kind, mods in chunk_tokens(chunk):
            for line, char, length in index.segments(start + base, end + base):
                if length <= 0:
                    continue
                delta_line = line - prev_line
                delta_char = char - prev_char if delta_line == 0 else char
                data.extend((delta_line, delta_char, length, kind, mods))
                prev_line, prev_char = line, char
    return {"data": data}


def register(server: SyntaqliteServer) -> None:
    from lsprotocol import types

    session = server.session
    legend = types.SemanticTokensLegend(token_types=TOKEN_TYPES, token_modifiers=TOKEN_MODIFIERS)

    @server.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL, legend)
    async def full(params: types.SemanticTokensParams) -> dict[str, Any] | None:
        return await session.request(params.text_document.uri, "semantic tokens", semantic_tokens, None)
