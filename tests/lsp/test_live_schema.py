"""A schema file's text in the editor counts: unsaved edits to an open
schema file, saving it, closing it, and watched-file events re-check the
open documents that use it, which are re-published without being edited."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import change, config, init_params, open_doc, published, rng, wait_for

pytestmark = pytest.mark.asyncio(loop_scope="module")

SCHEMA = "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);\n"
WITH_PHONE = "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, phone TEXT);\n"
QUERY = "SELECT phone FROM users;\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("live-schema")
    (root / "syntaqlite.toml").write_text('schema = ["schema.sql"]\n', encoding="utf-8")
    (root / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    return root


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient, project: Path):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(init_params(root=project))
    yield
    await lsp_client.shutdown_session()


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return [str(d.code) for d in diagnostics]


async def next_publish(client: LanguageClient, uri: str, seen: int) -> list[str]:
    """The codes of the first diagnostics published for ``uri`` after the
    first ``seen`` publications."""
    await wait_for(lambda: any(p.uri == uri for p in published(client)[seen:]))
    return codes(next(list(p.diagnostics) for p in published(client)[seen:] if p.uri == uri))


async def test_schema_edits_in_the_editor(client: LanguageClient, project: Path) -> None:
    schema_uri = (project / "schema.sql").as_uri()
    query_uri = (project / "query.sql").as_uri()
    assert codes(await open_doc(client, query_uri, QUERY)) == ["unknown-column"]
    await open_doc(client, schema_uri, SCHEMA)

    # an unsaved edit to the open schema file re-checks the query
    seen = len(published(client))
    await change(
        client,
        schema_uri,
        2,
        [types.TextDocumentContentChangePartial(range=rng(0, 54, 0, 54), text=", phone TEXT")],
    )
    assert await next_publish(client, query_uri, seen) == []

    # closing it unsaved: the file on disk counts again
    seen = len(published(client))
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=schema_uri))
    )
    assert await next_publish(client, query_uri, seen) == ["unknown-column"]

    # saved: re-opened, the file written and didSave sent
    await open_doc(client, schema_uri, SCHEMA, version=3)
    (project / "schema.sql").write_text(WITH_PHONE, encoding="utf-8")
    await change(client, schema_uri, 4, [types.TextDocumentContentChangeWholeDocument(text=WITH_PHONE)])
    seen = len(published(client))
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=schema_uri))
    )
    assert await next_publish(client, query_uri, seen) == []
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=schema_uri))
    )


async def test_watched_file_event(client: LanguageClient, project: Path) -> None:
    query_uri = (project / "other.sql").as_uri()
    (project / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[
                types.FileEvent(uri=(project / "schema.sql").as_uri(), type=types.FileChangeType.Changed)
            ]
        )
    )
    assert codes(await open_doc(client, query_uri, QUERY)) == ["unknown-column"]
    (project / "schema.sql").write_text(WITH_PHONE, encoding="utf-8")
    seen = len(published(client))
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[
                types.FileEvent(uri=(project / "schema.sql").as_uri(), type=types.FileChangeType.Changed)
            ]
        )
    )
    assert await next_publish(client, query_uri, seen) == []
