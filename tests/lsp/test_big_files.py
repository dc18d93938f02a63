"""Large documents: analysed on their own thread (a request about another
document is answered meanwhile), their diagnostics published progressively,
in document order, while they are parsed and checked."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import config, init_params, new_uri, open_doc, pos, published, wait_diagnostics, wait_for

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(init_params())
    yield
    await lsp_client.shutdown_session()


def big_text(rows: int) -> str:
    """Distinct INSERTs (nothing shared by the parse cache) with, at the
    start, a third, two thirds and the end, a semantic error (an unknown
    column) and a syntax error."""
    head = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, v REAL);\n"
    broken = "SELECT nme FROM t;\nSELEC 1;\n"
    body = [f"INSERT INTO t (id, name, v) VALUES ({i}, 'name {i}', {i}.5);\n" for i in range(rows)]
    for at in (2 * rows // 3, rows // 3, 0):
        body.insert(at, broken)
    return head + "".join(body) + broken


def key(d: types.Diagnostic) -> tuple[int, int, str]:
    return (d.range.start.line, d.range.start.character, str(d.code))


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

    def complete() -> bool:
        return any(p.uri == big and len(p.diagnostics) == 8 for p in published(client))

    assert not complete(), "the small document waited for the large one"
    await wait_for(complete, timeout=300)
    mine = [p for p in published(client) if p.uri == big]
    assert all(p.version == 1 for p in mine)
    final = sorted(map(key, mine[-1].diagnostics))
    assert [code for _, _, code in final] == ["unknown-column", "syntax"] * 4
    # progressively: the statements parsed so far, checked, in document
    # order (each publish has the first diagnostics of the final ones)
    assert len(mine) > 1, "published once, at the end"
    counts = []
    for p in mine:
        found = sorted(map(key, p.diagnostics))
        assert found == final[: len(found)]
        counts.append(len(found))
    assert counts == sorted(counts)


async def test_an_edit_during_the_first_analysis_keeps_what_was_parsed(client: LanguageClient) -> None:
    """An edit while a large document is first analysed: the analysis
    stops, and the next one, for the new version, publishes everything
    (the statements parsed so far are not parsed again)."""
    big = new_uri("big-edited")
    text = big_text(20_000)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=big, language_id="sql", version=1, text=text)
        )
    )
    await wait_diagnostics(client, big, 1, timeout=300)  # the first statements are in
    last_line = text.count("\n")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=big, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=pos(last_line, 0), end=pos(last_line, 0)),
                    text="SELECT zz FROM t;\n",
                )
            ],
        )
    )

    def complete() -> bool:
        return any(p.uri == big and p.version == 2 and len(p.diagnostics) == 9 for p in published(client))

    await wait_for(complete, timeout=300)
    last = [p for p in published(client) if p.uri == big][-1]
    assert last.version == 2
    codes = sorted(str(d.code) for d in last.diagnostics)
    assert codes == ["syntax"] * 4 + ["unknown-column"] * 5


async def test_a_request_at_open_leaves_the_diagnostics_progressive(client: LanguageClient) -> None:
    """Editors ask for semantic tokens as soon as they open a file: the
    request is answered after the first analysis, the publishing one, so
    the diagnostics still come as the document is parsed (before the
    answer)."""
    big = new_uri("big-requested")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=big, language_id="sql", version=1, text=big_text(20_000))
        )
    )
    tokens = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(text_document=types.TextDocumentIdentifier(uri=big))
    )
    assert tokens is not None and tokens.data
    assert any(p.uri == big for p in published(client)), "no diagnostics before the answer"

    def complete() -> bool:
        return any(p.uri == big and len(p.diagnostics) == 8 for p in published(client))

    await wait_for(complete, timeout=300)
