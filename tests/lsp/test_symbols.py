"""Document symbols: one per statement, columns of created tables as children."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import config, init_params, new_uri, open_doc, pos

pytestmark = pytest.mark.asyncio(loop_scope="module")

TEXT = """\
-- schema
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL
);
CREATE VIEW v(a, b) AS SELECT 1, 2;
CREATE INDEX orders_by_account ON orders (account_id);
CREATE TRIGGER tr AFTER INSERT ON accounts BEGIN SELECT 1; END;
WITH recent AS (SELECT 1) SELECT * FROM recent;
SELECT * FROM orders JOIN accounts ON 1;
SELECT 1;
INSERT INTO orders VALUES (1);
UPDATE accounts SET email = '';
DELETE FROM main.orders;
PRAGMA foreign_keys = ON;
EXPLAIN QUERY PLAN SELECT * FROM accounts;
SELECT a FORM t;
CREATE TABLE broken (a INT,
"""


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(init_params())
    yield
    await lsp_client.shutdown_session()


async def test_statements(client: LanguageClient) -> None:
    uri = new_uri()
    await open_doc(client, uri, TEXT)
    result = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert result is not None
    symbols = [s for s in result if isinstance(s, types.DocumentSymbol)]
    assert [(s.name, s.kind) for s in symbols] == [
        ("CREATE TABLE accounts", types.SymbolKind.Class),
        ("CREATE VIEW v", types.SymbolKind.Interface),
        ("CREATE INDEX orders_by_account", types.SymbolKind.Key),
        ("CREATE TRIGGER tr", types.SymbolKind.Event),
        ("WITH recent … SELECT … FROM recent", types.SymbolKind.Function),
        ("SELECT … FROM orders", types.SymbolKind.Function),
        ("SELECT 1", types.SymbolKind.Function),
        ("INSERT INTO orders", types.SymbolKind.Method),
        ("UPDATE accounts", types.SymbolKind.Method),
        ("DELETE FROM main.orders", types.SymbolKind.Method),
        ("PRAGMA foreign_keys", types.SymbolKind.Property),
        ("EXPLAIN QUERY PLAN SELECT … FROM accounts", types.SymbolKind.Function),
        ("SELECT …", types.SymbolKind.Function),
        ("CREATE TABLE broken", types.SymbolKind.Class),
    ]
    table = symbols[0]
    assert table.range.start == pos(1, 0) and table.range.end == pos(4, 1)
    assert table.selection_range == types.Range(start=pos(1, 13), end=pos(1, 21))
    assert table.children is not None
    assert [(c.name, c.kind, c.detail) for c in table.children] == [
        ("id", types.SymbolKind.Field, "INTEGER"),
        ("email", types.SymbolKind.Field, "TEXT"),
    ]
    view = symbols[1]
    assert [c.name for c in view.children or []] == ["a", "b"]
    assert symbols[2].detail == "ON orders"
    assert symbols[3].detail == "AFTER INSERT ON accounts"
    assert symbols[-1].detail == "syntax error"


async def test_empty_document(client: LanguageClient) -> None:
    uri = new_uri()
    await open_doc(client, uri, "")
    result = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert result == []
