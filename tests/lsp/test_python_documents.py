"""The server on a Python document: the CLI's diagnostics at the module's
positions, and completion, hover, signature help and go to definition
inside the SQL strings; nothing that would rewrite the module."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import config, init_params, position_of, wait_diagnostics

pytestmark = pytest.mark.asyncio(loop_scope="module")

TEXT = '''\
import sqlite3

SCHEMA = """
CREATE TABLE accounts (id INTEGER PRIMARY KEY, email TEXT NOT NULL, "naïve 😀" TEXT);
"""


def init(con):
    con.executescript(SCHEMA)


def find(con, uid, extra):
    con.execute("SELECT emial FROM accounts WHERE id = ?", (uid, extra))  # 😀 😀
    con.execute(
        "SELECT email, length(email) "
        "FROM accounts\\t"
        "WHERE id = :id", {"id": uid})
    con.execute("SELECT '😀', nope FROM accounts")
    return con.execute(f"SELECT * FROM accounts WHERE email = '{extra}'")
'''

URI = "file:///nonexistent-syntaqlite-test/app.py"


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(init_params())
    lsp_client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=URI, language_id="python", version=1, text=TEXT)
        )
    )
    lsp_client.first = await wait_diagnostics(lsp_client, URI, 1)  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


def utf16(needle: str) -> tuple[int, int]:
    """Line and UTF-16 column of ``needle`` in TEXT."""
    at = TEXT.index(needle)
    start = TEXT.rfind("\n", 0, at) + 1
    return TEXT.count("\n", 0, at), len(TEXT[start:at].encode("utf-16-le")) // 2


def doc() -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=URI)


async def test_diagnostics_are_the_command_lines_at_the_modules_positions(client: LanguageClient) -> None:
    found = {(d.code, d.range.start.line, d.range.start.character) for d in client.first}  # type: ignore[attr-defined]
    assert ("unknown-column", *utf16("emial")) in found
    assert ("parameter-mismatch", *utf16("(uid, extra)")) in found
    assert ("dynamic-sql", *utf16("{extra}")) in found
    assert ("unknown-column", *utf16("nope")) in found  # after a character of two UTF-16 units
    assert all(d.source == "syntaqlite" for d in client.first)  # type: ignore[attr-defined]


async def test_hover_and_definition_inside_sql(client: LanguageClient) -> None:
    h = await client.text_document_hover_async(
        types.HoverParams(text_document=doc(), position=position_of(TEXT, "length("))
    )
    assert h is not None and "length(X)" in str(h.contents)
    places = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc(), position=position_of(TEXT, "accounts\\t"))
    )
    assert places
    first = places[0] if isinstance(places, list) else places
    assert isinstance(first, types.Location) and first.uri == URI
    assert first.range.start == position_of(TEXT, "accounts (id")


async def test_completion_and_signature_help(client: LanguageClient) -> None:
    items = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc(), position=position_of(TEXT, "email, length", after=False))
    )
    labels = {i.label for i in (items.items if isinstance(items, types.CompletionList) else items or [])}
    assert {"email", "id"} <= labels
    sig = await client.text_document_signature_help_async(
        types.SignatureHelpParams(text_document=doc(), position=position_of(TEXT, "length(", after=True))
    )
    assert sig is not None and "length(" in sig.signatures[0].label


async def test_nothing_that_rewrites_the_module(client: LanguageClient) -> None:
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=doc(), options=types.FormattingOptions(tab_size=4, insert_spaces=True)
        )
    )
    assert not edits
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=doc())
    )
    assert not symbols
