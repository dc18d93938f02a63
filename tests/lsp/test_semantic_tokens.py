"""Semantic tokens: kinds from the tokens, roles from the tree."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import config, init_params, new_uri, open_doc

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    result = await lsp_client.initialize_session(init_params())
    provider = result.capabilities.semantic_tokens_provider
    assert isinstance(provider, types.SemanticTokensOptions)
    lsp_client.legend = provider.legend  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


async def tokens(client: LanguageClient, text: str) -> list[tuple[str, str, set[str]]]:
    """``(text, type, modifiers)`` of each token, decoded."""
    uri = new_uri()
    await open_doc(client, uri, text)
    result = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert result is not None
    legend: types.SemanticTokensLegend = client.legend  # type: ignore[attr-defined]
    lines = text.split("\n")
    out: list[tuple[str, str, set[str]]] = []
    line = char = 0
    data = result.data
    for i in range(0, len(data), 5):
        dl, dc, length, kind, mods = data[i : i + 5]
        line += dl
        char = dc if dl else char + dc
        names = {m for b, m in enumerate(legend.token_modifiers) if mods & (1 << b)}
        out.append((lines[line][char : char + length], legend.token_types[kind], names))
    return out


async def test_kinds_and_roles(client: LanguageClient) -> None:
    text = "SELECT count(*), a.b, 'x', 1.5, :p FROM t AS a -- note\nWHERE my_fn(b) >= 2;"
    got = {(t, kind) for t, kind, _ in await tokens(client, text)}
    assert {
        ("SELECT", "keyword"),
        ("count", "function"),
        ("a", "class"),  # the qualifier of a.b
        ("b", "property"),
        ("'x'", "string"),
        ("1.5", "number"),
        (":p", "parameter"),
        ("FROM", "keyword"),
        ("t", "class"),
        ("-- note", "comment"),
        ("my_fn", "function"),
        (">=", "operator"),
    } <= got


async def test_declarations_and_types(client: LanguageClient) -> None:
    text = "CREATE TABLE t (id INTEGER PRIMARY KEY, key TEXT);"
    toks = await tokens(client, text)
    assert ("t", "class", {"declaration"}) in toks
    assert ("id", "property", {"declaration"}) in toks
    assert ("key", "property", {"declaration"}) in toks  # a keyword used as a name
    assert ("INTEGER", "type", set()) in toks
    text = "SELECT abs(x) FROM t"
    assert ("abs", "function", {"defaultLibrary"}) in await tokens(client, text)


async def test_multiline_and_broken(client: LanguageClient) -> None:
    text = "/* one\ntwo */ SELEC x FROM;"
    toks = await tokens(client, text)
    assert ("/* one", "comment", set()) in toks
    assert ("two */", "comment", set()) in toks
    assert ("FROM", "keyword", set()) in toks
