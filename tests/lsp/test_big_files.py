"""Large documents: analysed on their own thread (a request about another
document is answered meanwhile), and their syntax errors published before
they are checked."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import config, init_params, new_uri, open_doc, pos, published, wait_diagnostics

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(init_params())
    yield
    await lsp_client.shutdown_session()


def big_text(rows: int) -> str:
    """Distinct INSERTs (nothing shared by the parse cache), a syntax error
    at the end and a semantic one (an unknown column) before it."""
    head = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, v REAL);\n"
    body = "".join(f"INSERT INTO t (id, name, v) VALUES ({i}, 'name {i}', {i}.5);\n" for i in range(rows))
    return head + body + "SELECT nme FROM t;\nSELEC 1;\n"


async def test_small_document_is_answered_while_a_large_one_is_analysed(client: LanguageClient) -> None:
    await open_doc(client, new_uri("warm-up"), "SELECT 1;")  # the early start's document
    big = new_uri("big")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=big, language_id="sql", version=1, text=big_text(20_000))
        )
    )
    small = new_uri("small")
    await open_doc(client, small, "SELECT abs(1);")
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=small), position=pos(0, 8))
    )
    assert hover is not None
    assert not any(p.uri == big for p in published(client)), "the small document waited for the large one"
    # the large document: its syntax errors first, then everything
    await wait_diagnostics(client, big, 1, timeout=300)
    first = next(p for p in published(client) if p.uri == big)
    assert [d.code for d in first.diagnostics] == ["syntax"]

    def complete() -> bool:
        return any(p.uri == big and len(p.diagnostics) == 2 for p in published(client))

    while not complete():
        await wait_diagnostics(client, big, None, timeout=300)
    last = [p for p in published(client) if p.uri == big][-1]
    assert sorted(str(d.code) for d in last.diagnostics) == ["syntax", "unknown-column"]
