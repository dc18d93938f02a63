"""Completion: what the grammar accepts at the cursor, also inside a
statement that does not parse yet.

The statement's tokens before the cursor (minus the word being typed) are
fed to the parser's automaton
(:meth:`~syntaqlite.syntax.automaton.ParserState.feed`); a token it cannot
take is skipped, so ``SELECT a FORM t WHERE |`` still ends in "an expression
comes next".  :meth:`~syntaqlite.syntax.automaton.ParserState.expected` then
says which token kinds may follow:

* keyword kinds become their spellings (``JOIN_KW`` is LEFT, RIGHT, FULL,
  INNER, CROSS, NATURAL and OUTER; ``LIKE_KW`` LIKE, GLOB and REGEXP ...);
  GROUP, ORDER, PARTITION, PRIMARY, FOREIGN and INDEXED come with their
  BY/KEY;
* where an expression may start: the names in scope there (columns,
  result-column aliases, FROM item names, from the semantic hook, which asks
  the validator) and the built-in functions available in the target SQLite;
* where a table is named (after FROM, JOIN, INTO, UPDATE ...): tables,
  views and CTEs (hook) and table-valued functions;
* after ``name.``: that table's (alias's, CTE's, subquery's) columns.

Items are plain text with a text edit over the word under the cursor,
sorted: the names of the query (the innermost query's first), tables, then
keywords, then functions.  Keywords follow the configured keyword case.

The answer is built as the JSON LSP sends (no lsprotocol here): the server
sends it as it is, and the front door (:mod:`..fast`) answers a completion
that comes before the server is loaded with the same function.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ...syntax.automaton import ParserState
from ...syntax.names import fold_case, unquote
from ...syntax.target import Target
from ...syntax.tokens import COMMENT, ILLEGAL, KEYWORD_KINDS, Token
from ...validator.builtins import FUNCTIONS, Function, available_in
from ..documents import Analysis
from ..scan import is_bare_word, is_name, significant
from ..semantics import ColumnInfo, Semantics, TableInfo

if TYPE_CHECKING:
    from lsprotocol import types

    from ..protocol import SyntaqliteServer

TRIGGER_CHARACTERS = [".", " "]

# LSP's CompletionItemKind values (tests compare them with lsprotocol's).
FIELD, VARIABLE, MODULE, CLASS, INTERFACE, STRUCT, FUNCTION, KEYWORD = 5, 6, 9, 7, 8, 22, 3, 14

# Sort groups: names of the query first (columns, then result-column
# aliases, then FROM item names; the innermost query's before an outer
# one's), tables, then the keywords the grammar accepts, then functions
# (about 130 of them: keywords would be buried after them).
_COLUMN, _TABLE, _KEYWORD, _FUNCTION = "0", "1", "2", "3"
_COLUMN_KINDS = {
    "column": ("0", FIELD),
    "alias": ("1", VARIABLE),
    "source": ("2", MODULE),
}
_PAIRS = {
    "GROUP": "BY",
    "ORDER": "BY",
    "PARTITION": "BY",
    "PRIMARY": "KEY",
    "FOREIGN": "KEY",
    "INDEXED": "BY",
}
_NAME_ALTERNATIVES = ("JOIN_KW", "INDEXED")  # kinds the grammar also takes as names
_TABLE_AFTER = frozenset({"FROM", "JOIN", "INTO", "UPDATE", "REFERENCES"})
_CLAUSES = frozenset(
    {
        "FROM",
        "WHERE",
        "SELECT",
        "SET",
        "GROUP",
        "ORDER",
        "HAVING",
        "LIMIT",
        "VALUES",
        "ON",
        "USING",
        "RETURNING",
    }
)
_TABLE_KINDS = {
    "table": CLASS,
    "virtual": CLASS,
    "builtin": CLASS,
    "view": INTERFACE,
    "cte": STRUCT,
}


@lru_cache(maxsize=8)
def _spellings(target: Target) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for word, kind in target.keywords.items():
        out.setdefault(kind, []).append(word)
    return {kind: tuple(sorted(words)) for kind, words in out.items()}


def available(fn: Function, target: Target) -> bool:
    """Whether the target SQLite has ``fn`` (its release and build)."""
    return available_in(fn, target.version, target.cflags, usual=target.is_default)


@lru_cache(maxsize=8)
def _functions(target: Target) -> tuple[tuple[str, tuple[Function, ...]], ...]:
    by_name: dict[str, list[Function]] = {}
    for fn in FUNCTIONS:
        if available(fn, target):
            by_name.setdefault(fn.name, []).append(fn)
    return tuple((name, tuple(fns)) for name, fns in sorted(by_name.items()))


def parser_state(toks: list[Token]) -> ParserState:
    """The parser's configuration after ``toks``, skipping tokens it cannot
    take (panic-mode recovery, good enough to know what comes next)."""
    state = ParserState()
    for tok in toks:
        if tok.kind != ILLEGAL:
            state.feed(tok.kind)
    return state


def _is_name_here(state: ParserState, kind: str) -> bool:
    """Whether ``kind`` would be read as a name here (JOIN_KW, INDEXED)."""
    as_kind = state.copy()
    as_name = state.copy()
    if not as_kind.feed(kind) or not as_name.feed("ID"):
        return False
    return as_kind.expected() == as_name.expected()


def _clause_before(toks: list[Token]) -> str | None:
    """The nearest clause keyword before the end of ``toks`` at the same
    parenthesis depth."""
    depth = 0
    for tok in reversed(toks):
        if tok.kind == "RP":
            depth += 1
        elif tok.kind == "LP":
            if depth == 0:
                return "LP"
            depth -= 1
        elif depth == 0 and tok.kind in _CLAUSES | {"JOIN"}:
            return tok.kind
    return None


def _table_position(toks: list[Token]) -> bool:
    if not toks:
        return False
    prev = toks[-1].kind
    first = toks[0].kind
    kinds = {t.kind for t in toks}
    if prev in _TABLE_AFTER:
        return True
    if prev in ("TABLE", "VIEW") or (
        prev == "EXISTS" and len(toks) >= 3 and toks[-3].kind in ("TABLE", "VIEW")
    ):
        return first in ("DROP", "ALTER")
    if prev == "ON":
        return (
            first == "CREATE"
            and ("INDEX" in kinds or "TRIGGER" in kinds)
            and _clause_before(toks[:-1]) is None
        )
    if prev == "COMMA":
        return _clause_before(toks[:-1]) == "FROM"
    return False


def _open_paren(toks: list[Token]) -> int | None:
    """Index of the parenthesis still open at the end of ``toks``."""
    depth = 0
    for i in range(len(toks) - 1, -1, -1):
        kind = toks[i].kind
        if kind == "RP":
            depth += 1
        elif kind == "LP":
            if depth == 0:
                return i
            depth -= 1
    return None


def _column_position(toks: list[Token]) -> bool:
    """A column name (not an expression) is expected: UPDATE ... SET,
    INSERT INTO t (...), CREATE INDEX ... ON t (...), USING (...)."""
    if not toks:
        return False
    prev = toks[-1].kind
    if prev == "SET" or (prev == "COMMA" and _clause_before(toks[:-1]) == "SET"):
        return True
    if prev not in ("LP", "COMMA"):
        return False
    opener = _open_paren(toks)
    if opener is None:
        return False
    before = [t.kind for t in toks[max(0, opener - 3) : opener]]
    # "USING (", or "INTO|ON [schema.]table ("
    return before[-1:] == ["USING"] or before[-2:-1] in (["INTO"], ["ON"], ["DOT"])


def _keyword_case(config_case: str, prefix: str) -> str:
    if config_case == "lower" or (config_case == "preserve" and prefix and prefix.islower()):
        return "lower"
    return "upper"


def _doc(text: str, markdown: bool) -> dict[str, str] | str:
    return {"kind": "markdown", "value": text} if markdown else text


def function_doc(fns: Iterable[Function]) -> str:
    """Markdown about a built-in function (used by hover too)."""
    parts: list[str] = []
    for fn in fns:
        kind = "table-valued" if fn.kind == "table" else fn.kind
        line = f"`{fn.signature}` — {kind} function. {fn.summary}"
        notes: list[str] = []
        if fn.since > (3, 0, 0):
            notes.append(f"SQLite {'.'.join(map(str, fn.since))}+")
        if fn.requires:
            notes.append(f"needs {fn.requires}")
        if notes:
            line += f" ({', '.join(notes)})"
        parts.append(line)
    return "\n\n".join(parts)


class _Builder:
    def __init__(self, rng: dict[str, Any], markdown: bool) -> None:
        self.rng = rng
        self.markdown = markdown
        self.items: list[dict[str, Any]] = []
        self.seen: set[str] = set()

    def add(
        self,
        label: str,
        kind: int,
        group: str,
        detail: str | None = None,
        documentation: str | None = None,
    ) -> None:
        key = label.lower()
        if key in self.seen:
            return
        self.seen.add(key)
        item: dict[str, Any] = {"label": label, "kind": kind}
        if detail is not None:
            item["detail"] = detail
        if documentation:
            item["documentation"] = _doc(documentation, self.markdown)
        item["sortText"] = f"{group}{key}"
        item["textEdit"] = {"range": self.rng, "newText": label}
        self.items.append(item)

    def result(self) -> dict[str, Any]:
        return {"isIncomplete": False, "items": self.items}


def completions(analysis: Analysis, offset: int, semantics: Semantics, markdown: bool) -> dict[str, Any]:
    """The completion list at ``offset``, as LSP's ``CompletionList`` JSON."""
    empty: dict[str, Any] = {"isIncomplete": False, "items": []}
    chunk = analysis.chunk_at(offset)
    if chunk is None:
        return empty
    rel = offset - chunk.start
    tokens = chunk.result.tokens
    word: Token | None = None
    for tok in tokens:
        if tok.start >= rel:
            break
        if tok.end < rel:
            continue
        # tok.start < rel <= tok.end: the cursor is inside tok or just after it
        inside = rel < tok.end
        if tok.kind == COMMENT:
            closed = tok.text.startswith("/*") and len(tok.text) >= 4 and tok.text.endswith("*/")
            if inside or not closed:
                return empty
        elif tok.kind == ILLEGAL:
            return empty
        elif is_name(tok):
            if is_bare_word(tok.text[: rel - tok.start]):
                word = tok
            elif inside:
                return empty  # inside a quoted identifier
        elif tok.kind in ("INTEGER", "FLOAT", "QNUMBER", "STRING", "BLOB", "VARIABLE"):
            return empty
    cut = word.start if word is not None else rel
    context = significant([t for t in tokens if t.end <= cut])
    index = analysis.index
    start = word.start + chunk.start if word is not None else offset
    end = word.end + chunk.start if word is not None else offset
    builder = _Builder(index.range_json(start, end), markdown)
    prefix = word.text[: rel - word.start] if word is not None else ""
    target = analysis.target

    def add_columns(columns: Iterable[ColumnInfo]) -> None:
        for col in columns:
            detail = col.detail or " ".join(
                p for p in (f"{col.table}.{col.name}" if col.table else col.name, col.type) if p
            )
            rank, kind = _COLUMN_KINDS.get(col.kind, _COLUMN_KINDS["column"])
            builder.add(col.name, kind, f"{_COLUMN}{min(col.depth, 9)}{rank}", detail)

    def add_tables(tables: Iterable[TableInfo]) -> None:
        for table in tables:
            kind = _TABLE_KINDS.get(table.kind, CLASS)
            detail = table.detail or (
                f"{table.kind} ({len(table.columns)} columns)" if table.columns else table.kind
            )
            # The statement's CTEs first, SQLite's own tables after the project's.
            rank = "0" if table.kind == "cte" else "2" if table.kind == "builtin" else "1"
            builder.add(table.name, kind, _TABLE + rank, detail)

    def add_functions(table_valued: bool) -> None:
        declared = analysis.config.declarations.functions
        for name, fns in [*_functions(target), *((fns[0].name, fns) for fns in declared.values())]:
            chosen = [f for f in fns if (f.kind == "table") == table_valued]
            if chosen:
                detail = " | ".join(dict.fromkeys(f.signature for f in chosen))
                builder.add(name, FUNCTION, _FUNCTION, detail, function_doc(chosen))

    # after "name." : columns of that table (or tables of that schema)
    if context and context[-1].kind == "DOT" and len(context) >= 2 and is_name(context[-2]):
        plain = unquote(context[-2].text)
        before = context[:-2]
        if _table_position(before) or fold_case(plain) in ("main", "temp"):
            add_tables(semantics.tables_at(analysis, offset))
        else:
            add_columns(semantics.columns_at(analysis, offset, plain))
        return builder.result()

    state = parser_state(context)
    expected = state.expected()
    expected_set = set(expected)
    expression = "ID" in expected_set and ("INTEGER" in expected_set or "VARIABLE" in expected_set)
    if "ID" in expected_set:
        if expression:
            add_columns(semantics.columns_at(analysis, offset, None))
            add_functions(table_valued=False)
        elif _table_position(context):
            add_tables(semantics.tables_at(analysis, offset))
            add_functions(table_valued=True)
        elif _column_position(context):
            add_columns(semantics.columns_at(analysis, offset, None))

    case = _keyword_case(analysis.config.format.keyword_case, prefix)
    spellings = _spellings(target)
    for kind in expected:
        if kind not in KEYWORD_KINDS:
            continue
        if kind in _NAME_ALTERNATIVES and "ID" in expected_set and _is_name_here(state, kind):
            continue
        for word_text in spellings.get(kind, ()):
            label = word_text
            follow = _PAIRS.get(word_text)
            if follow is not None:
                label = f"{word_text} {follow}"
            if case == "lower":
                label = label.lower()
            builder.add(label, KEYWORD, _KEYWORD)
    return builder.result()


def answer(
    analysis: Analysis, line: int, character: int, semantics: Semantics, markdown: bool
) -> dict[str, Any]:
    """The answer to ``textDocument/completion`` at an LSP position."""
    return completions(analysis, analysis.index.offset_at(line, character), semantics, markdown)


def register(server: SyntaqliteServer) -> None:
    from lsprotocol import types

    session = server.session

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=TRIGGER_CHARACTERS, resolve_provider=False),
    )
    async def completion(params: types.CompletionParams) -> dict[str, Any] | None:
        position = params.position

        def run(analysis: Analysis) -> dict[str, Any]:
            markdown = session.client.markdown_completion
            return answer(analysis, position.line, position.character, session.semantics, markdown)

        return await session.request(params.text_document.uri, "completion", run, None)
