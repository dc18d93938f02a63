"""Hover: built-in functions, document tables and columns; nothing on keywords."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import config, init_params, new_uri, open_doc, position_of

pytestmark = pytest.mark.asyncio(loop_scope="module")

TEXT = """\
CREATE TABLE accounts (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
SELECT substr(email, 1, 3), count(*), iif(id > 1, 'a', 'b') FROM accounts WHERE email LIKE 'a%';
"""


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(init_params(options={"sqliteVersion": "3.31.0"}))
    lsp_client.uri = new_uri()  # type: ignore[attr-defined]
    await open_doc(lsp_client, lsp_client.uri, TEXT)  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


async def hover(client: LanguageClient, needle: str, occurrence: int = 1) -> types.Hover | None:
    return await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=client.uri),  # type: ignore[attr-defined]
            position=position_of(TEXT, needle, occurrence=occurrence),
        )
    )


def value(h: types.Hover | None) -> str:
    assert h is not None
    assert isinstance(h.contents, types.MarkupContent)
    return h.contents.value


async def test_function(client: LanguageClient) -> None:
    h = await hover(client, "substr")
    text = value(h)
    assert "substr(X, Y[, Z])" in text
    assert "characters" in text
    assert h is not None and h.range == types.Range(
        start=position_of(TEXT, "substr"), end=position_of(TEXT, "substr", after=True)
    )
    assert "count(" in value(await hover(client, "count(*)"))


async def test_function_not_in_the_target_version(client: LanguageClient) -> None:
    text = value(await hover(client, "iif"))
    assert "iif(" in text
    assert "Not available in SQLite 3.31.0" in text


async def test_keywords_get_nothing(client: LanguageClient) -> None:
    assert await hover(client, "SELECT") is None
    assert await hover(client, "LIKE") is None
    assert await hover(client, "'a%'") is None


async def test_table_and_column_from_the_document(client: LanguageClient) -> None:
    text = value(await hover(client, "accounts", occurrence=2))
    assert "accounts" in text and "email TEXT" in text
    text = value(await hover(client, "email", occurrence=2))
    assert "accounts.email TEXT" in text


async def test_unopened_document(client: LanguageClient) -> None:
    result = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=new_uri()),
            position=types.Position(line=0, character=0),
        )
    )
    assert result is None
