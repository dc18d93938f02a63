"""initialize: the capabilities the server advertises, and the command."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import config, init_params

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    lsp_client.initialize_result = await lsp_client.initialize_session(init_params())  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


async def test_capabilities(client: LanguageClient) -> None:
    result: types.InitializeResult = client.initialize_result  # type: ignore[attr-defined]
    assert result.server_info is not None and result.server_info.name == "syntaqlite"
    caps = result.capabilities
    assert caps.position_encoding == types.PositionEncodingKind.Utf16
    sync = caps.text_document_sync
    assert isinstance(sync, types.TextDocumentSyncOptions)
    assert sync.change == types.TextDocumentSyncKind.Incremental
    assert sync.open_close
    assert caps.completion_provider is not None
    assert set(caps.completion_provider.trigger_characters or []) == {".", " "}
    assert caps.hover_provider
    assert caps.signature_help_provider is not None
    assert "(" in (caps.signature_help_provider.trigger_characters or [])
    assert caps.document_symbol_provider
    assert caps.folding_range_provider
    assert caps.document_formatting_provider
    assert caps.document_range_formatting_provider
    assert caps.definition_provider
    assert caps.references_provider
    assert caps.document_highlight_provider
    assert caps.rename_provider
    assert caps.code_action_provider
    tokens = caps.semantic_tokens_provider
    assert isinstance(tokens, types.SemanticTokensOptions)
    assert tokens.full
    assert {"keyword", "function", "string", "number", "comment", "operator", "parameter"} <= set(
        tokens.legend.token_types
    )
