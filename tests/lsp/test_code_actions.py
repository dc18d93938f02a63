"""Code actions: diagnostics with a replacement become quick fixes; the
semantic hook's own actions, references and renames reach the client."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from syntaqlite.config import Config
from syntaqlite.diagnostics import Diagnostic
from syntaqlite.lsp.documents import Analyzer
from syntaqlite.lsp.features.code_actions import code_actions
from syntaqlite.lsp.semantics import NullSemantics
from syntaqlite.syntax.target import Target

from .conftest import FAKE_SERVER, apply_edits, config, init_params, new_uri, open_doc, pos, rng

pytestmark = pytest.mark.asyncio(loop_scope="module")

TEXT = "SELECT * FROM usr;\nSELECT name FROM usr WHERE id = 1;\n"


@pytest_lsp.fixture(config=config(FAKE_SERVER), scope="module")
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(init_params())
    yield
    await lsp_client.shutdown_session()


async def test_semantic_diagnostics_are_published(client: LanguageClient) -> None:
    diags = await open_doc(client, new_uri(), TEXT + "SELEC 1;\n")
    assert [(d.code, d.severity, d.range.start.line) for d in diags] == [
        ("syntax", types.DiagnosticSeverity.Error, 2),
        ("unknown-table", types.DiagnosticSeverity.Warning, 0),
        ("unknown-table", types.DiagnosticSeverity.Warning, 1),
    ]
    assert diags[1].message == "no such table: usr\nhelp: did you mean 'users'?"


async def test_quick_fix_from_replacement(client: LanguageClient) -> None:
    uri = new_uri()
    diags = await open_doc(client, uri, TEXT)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=rng(1, 18, 1, 18),
            context=types.CodeActionContext(diagnostics=[diags[1]]),
        )
    )
    assert actions is not None
    fixes = [a for a in actions if isinstance(a, types.CodeAction) and a.title.startswith("Replace")]
    assert len(fixes) == 1
    fix = fixes[0]
    assert fix.title == "Replace 'usr' with 'users'"
    assert fix.kind == types.CodeActionKind.QuickFix
    assert fix.is_preferred
    assert fix.diagnostics is not None and fix.diagnostics[0].code == "unknown-table"
    assert fix.edit is not None and fix.edit.changes is not None
    assert apply_edits(TEXT, fix.edit.changes[uri]) == TEXT.replace("FROM usr WHERE", "FROM users WHERE")
    # the hook's own action is there too
    assert any(isinstance(a, types.CodeAction) and a.title == "Mark as checked" for a in actions)


async def test_references_and_rename_through_the_hook(client: LanguageClient) -> None:
    uri = new_uri()
    await open_doc(client, uri, TEXT)
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=pos(0, 15),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert refs is not None and [r.range.start for r in refs] == [pos(0, 14), pos(1, 17)]
    edit = await client.text_document_rename_async(
        types.RenameParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=pos(0, 15), new_name="users"
        )
    )
    assert edit is not None and edit.changes is not None
    assert apply_edits(TEXT, edit.changes[uri]) == TEXT.replace("usr", "users")
    highlights = await client.text_document_document_highlight_async(
        types.DocumentHighlightParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=pos(1, 18)
        )
    )
    assert highlights is not None and len(highlights) == 2


async def test_a_crashing_validator_does_not_stop_syntax_errors(client: LanguageClient) -> None:
    diags = await open_doc(client, new_uri(), "-- crash-the-validator\nSELEC 1;\n")
    assert [d.code for d in diags] == ["syntax"]
    assert any("the validator crashed" in m.message for m in client.log_messages)


async def test_unit_quick_fix_from_any_diagnostic_with_replacement() -> None:
    """The generic part, without a server: a diagnostic with a replacement
    (here attached by hand) gives one quick fix over its span."""
    text = "SELECT * FROM usr;"
    analysis = Analyzer("file:///t.sql").analyze(text, 1, None, Config(), Target(), "utf-16")
    analysis.semantic_diagnostics = [
        Diagnostic("unknown-table", "no such table: usr", 14, 17, replacement="users")
    ]
    actions = code_actions(analysis, 0, len(text), NullSemantics(), True)
    assert [a.title for a in actions] == ["Replace 'usr' with 'users'"]
    edit = actions[0].edit
    assert edit is not None and edit.changes is not None
    assert edit.changes["file:///t.sql"][0].range == rng(0, 14, 0, 17)
    assert code_actions(analysis, 0, 5, NullSemantics(), True) == []
