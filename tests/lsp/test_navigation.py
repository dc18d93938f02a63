"""Document highlight and go to definition (the document fallback)."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import config, init_params, new_uri, open_doc, position_of

pytestmark = pytest.mark.asyncio(loop_scope="module")

TEXT = """\
CREATE TABLE accounts (id INTEGER PRIMARY KEY, email TEXT);
WITH recent AS (SELECT id FROM accounts) SELECT a.email, r.id FROM accounts AS a JOIN recent r ON r.id = a.id;
SELECT email FROM accounts WHERE email LIKE '%x';
"""


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(init_params())
    lsp_client.uri = new_uri()  # type: ignore[attr-defined]
    await open_doc(lsp_client, lsp_client.uri, TEXT)  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


def doc(client: LanguageClient) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=client.uri)  # type: ignore[attr-defined]


async def test_highlight_every_use_of_the_column(client: LanguageClient) -> None:
    result = await client.text_document_document_highlight_async(
        types.DocumentHighlightParams(
            text_document=doc(client), position=position_of(TEXT, "email", occurrence=3)
        )
    )
    assert result is not None
    assert [h.range.start for h in result] == [
        position_of(TEXT, "email"),  # its definition
        position_of(TEXT, "email", occurrence=2),  # a.email in the second statement
        position_of(TEXT, "email", occurrence=3),
        position_of(TEXT, "email", occurrence=4),
    ]
    keyword = await client.text_document_document_highlight_async(
        types.DocumentHighlightParams(text_document=doc(client), position=position_of(TEXT, "WHERE"))
    )
    assert keyword is None


async def definition(client: LanguageClient, position: types.Position) -> list[types.Location]:
    result = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc(client), position=position)
    )
    if result is None:
        return []
    assert isinstance(result, list)
    return [r for r in result if isinstance(r, types.Location)]


async def test_definition_of_tables_columns_and_ctes(client: LanguageClient) -> None:
    found = await definition(client, position_of(TEXT, "accounts", occurrence=3))
    assert [loc.range.start for loc in found] == [position_of(TEXT, "accounts")]
    assert found[0].uri == client.uri  # type: ignore[attr-defined]
    # a.email -> the column definition
    found = await definition(client, position_of(TEXT, "a.email", after=True))
    assert [loc.range.start for loc in found] == [position_of(TEXT, "email")]
    # r.id -> recent's column? the CTE name itself for "recent"
    found = await definition(client, position_of(TEXT, "recent r"))
    assert [loc.range.start for loc in found] == [position_of(TEXT, "recent")]
    assert await definition(client, position_of(TEXT, "LIKE")) == []
