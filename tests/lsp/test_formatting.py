"""Formatting and range formatting through the formatter."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

from syntaqlite import format_sql
from syntaqlite.fmt import FormatOptions

from .conftest import apply_edits, config, init_params, new_uri, open_doc, pos, rng

pytestmark = pytest.mark.asyncio(loop_scope="module")

OPTIONS = types.FormattingOptions(tab_size=4, insert_spaces=True)


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(init_params())
    yield
    await lsp_client.shutdown_session()


async def format_doc(client: LanguageClient, text: str) -> str:
    uri = new_uri()
    await open_doc(client, uri, text)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(text_document=types.TextDocumentIdentifier(uri=uri), options=OPTIONS)
    )
    return apply_edits(text, edits or [])


async def test_document(client: LanguageClient) -> None:
    text = "-- report\nselect a,b from t where x=1;\n\n\nselect count(*) from orders group by customer_id\n"
    assert await format_doc(client, text) == format_sql(text)
    assert (await format_doc(client, text)).startswith("-- report\nSELECT a, b FROM t WHERE x = 1;\n\nSELECT")


async def test_already_formatted_gives_no_edit(client: LanguageClient) -> None:
    uri = new_uri()
    text = "SELECT a FROM t;\n"
    await open_doc(client, uri, text)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(text_document=types.TextDocumentIdentifier(uri=uri), options=OPTIONS)
    )
    assert edits is not None and list(edits) == []


async def test_edit_covers_only_changed_lines(client: LanguageClient) -> None:
    uri = new_uri()
    text = "SELECT 1;\nselect  2;\nSELECT 3;\n"
    await open_doc(client, uri, text)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(text_document=types.TextDocumentIdentifier(uri=uri), options=OPTIONS)
    )
    assert edits is not None and len(edits) == 1
    assert edits[0].range == rng(1, 0, 2, 0)
    assert edits[0].new_text == "SELECT 2;\n"


async def test_crlf_is_kept(client: LanguageClient) -> None:
    text = "select 1;\r\nselect 2;\r\n"
    uri = new_uri()
    await open_doc(client, uri, text)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(text_document=types.TextDocumentIdentifier(uri=uri), options=OPTIONS)
    )
    assert edits is not None
    assert all("\n" not in e.new_text.replace("\r\n", "") for e in edits)
    assert "SELECT 1;\r\nSELECT 2;\r\n" in "".join(e.new_text for e in edits)


async def test_broken_file_is_refused(client: LanguageClient) -> None:
    uri = new_uri()
    await open_doc(client, uri, "select 1;\nselect a form t;\n")
    with pytest.raises(JsonRpcException) as info:
        await client.text_document_formatting_async(
            types.DocumentFormattingParams(
                text_document=types.TextDocumentIdentifier(uri=uri), options=OPTIONS
            )
        )
    assert info.value.code == -32803  # RequestFailed
    assert "syntax error" in info.value.message
    assert "line 2:15" in info.value.message


async def range_format(client: LanguageClient, text: str, selection: types.Range) -> str:
    uri = new_uri()
    await open_doc(client, uri, text)
    edits = await client.text_document_range_formatting_async(
        types.DocumentRangeFormattingParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=selection, options=OPTIONS
        )
    )
    return apply_edits(text, edits or [])


async def test_range_formats_only_the_statements_it_touches(client: LanguageClient) -> None:
    text = "select  1;\nselect a,b from t; -- keep\nselect  3;\n"
    out = await range_format(client, text, rng(1, 8, 1, 9))
    assert out == "select  1;\nSELECT a, b FROM t; -- keep\nselect  3;\n"
    # two statements
    out = await range_format(client, text, rng(0, 2, 1, 2))
    assert out == "SELECT 1;\nSELECT a, b FROM t; -- keep\nselect  3;\n"


async def test_range_keeps_semicolons_between_statements(client: LanguageClient) -> None:
    text = "select 1; select  2; select 3"
    out = await range_format(client, text, rng(0, 12, 0, 13))
    assert out == "select 1; SELECT 2; select 3"


async def test_range_over_a_broken_statement_is_refused(client: LanguageClient) -> None:
    with pytest.raises(JsonRpcException):
        await range_format(client, "select 1;\nselect a form t;\n", rng(1, 0, 1, 3))
    # a range that only touches a good statement is fine
    out = await range_format(client, "select 1;\nselect a form t;\n", rng(0, 0, 0, 3))
    assert out.startswith("SELECT 1;\n")


async def test_range_without_statements(client: LanguageClient) -> None:
    text = "-- just a comment\n\nselect 1;\n"
    assert await range_format(client, text, types.Range(start=pos(0, 0), end=pos(0, 5))) == text


LONG = (
    "select customer_id, sum(amount) as total, count(*) as orders, max(created_at) as latest, "
    "'a\n    multi-line string' as note from orders where status = 'paid' group by customer_id;\n"
)


async def format_with(client: LanguageClient, text: str, options: types.FormattingOptions) -> str:
    uri = new_uri()
    await open_doc(client, uri, text)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(text_document=types.TextDocumentIdentifier(uri=uri), options=options)
    )
    return apply_edits(text, edits or [])


async def test_editor_tab_size_when_the_project_sets_no_indent(client: LanguageClient) -> None:
    options = types.FormattingOptions(tab_size=4, insert_spaces=True)
    expected = format_sql(LONG, FormatOptions(indent=4))
    assert "\n    sum(amount)" in expected  # indented, by four spaces
    assert await format_with(client, LONG, options) == expected


async def test_editor_tabs(client: LanguageClient) -> None:
    options = types.FormattingOptions(tab_size=4, insert_spaces=False)
    spaced = format_sql(LONG, FormatOptions(indent=4))
    tabbed = await format_with(client, LONG, options)
    assert "\n\tsum(amount)" in tabbed
    assert "'a\n    multi-line string'" in tabbed  # inside a string: left alone
    assert tabbed.replace("\t", "    ") == spaced


async def test_byte_order_mark_is_kept(client: LanguageClient) -> None:
    text = "\ufeffselect a,b from t;\n"
    assert await format_doc(client, text) == "\ufeffSELECT a, b FROM t;\n"
