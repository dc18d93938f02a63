"""Signature help for built-in function calls."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import config, init_params, new_uri, open_doc, pos

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(init_params())
    yield
    await lsp_client.shutdown_session()


async def help_at(client: LanguageClient, text: str) -> types.SignatureHelp | None:
    uri = new_uri()
    at = text.index("|")
    source = text.replace("|", "")
    await open_doc(client, uri, source)
    return await client.text_document_signature_help_async(
        types.SignatureHelpParams(text_document=types.TextDocumentIdentifier(uri=uri), position=pos(0, at))
    )


async def test_active_parameter(client: LanguageClient) -> None:
    h = await help_at(client, "SELECT substr(name, |")
    assert h is not None
    assert [s.label for s in h.signatures] == ["substr(X, Y[, Z])"]
    assert h.active_parameter == 1
    params = h.signatures[0].parameters or []
    assert len(params) == 3
    h = await help_at(client, "SELECT substr(name, 1, |) FROM t")
    assert h is not None and h.active_parameter == 2


async def test_nested_calls(client: LanguageClient) -> None:
    h = await help_at(client, "SELECT coalesce(a, lower(|), b)")
    assert h is not None and h.signatures[0].label.startswith("lower(")
    assert h.active_parameter == 0
    h = await help_at(client, "SELECT coalesce(a, lower(x), |")
    assert h is not None and h.signatures[0].label.startswith("coalesce(")
    assert h.active_parameter == 2


async def test_overloads(client: LanguageClient) -> None:
    h = await help_at(client, "SELECT max(a, |")
    assert h is not None
    assert len(h.signatures) == 2
    assert h.signatures[h.active_signature or 0].label.count(",") >= 1


async def test_outside_a_call(client: LanguageClient) -> None:
    assert await help_at(client, "SELECT a, |") is None
    assert await help_at(client, "SELECT * FROM t WHERE a IN (1, |") is None
    assert await help_at(client, "SELECT lower(a), |") is None
    assert await help_at(client, "SELECT my_function(a, |") is None
