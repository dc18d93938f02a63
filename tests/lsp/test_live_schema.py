"""A schema file's text in the editor counts: unsaved edits to an open
schema file, saving it, closing it, and watched-file events re-check the
open documents that use it, which are re-published without being edited."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import change, config, events, init_params, open_doc, published, rng, wait_for

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


def big_query(rows: int) -> str:
    """Distinct statements with, at the start, a third, two thirds and the
    end, a query of ``phone`` (unknown until the schema has it) and a
    syntax error."""
    broken = "SELECT phone FROM users;\nSELEC 1;\n"
    body = [f"INSERT INTO users (id, email) VALUES ({i}, 'e{i}');\n" for i in range(rows)]
    for at in (2 * rows // 3, rows // 3, 0):
        body.insert(at, broken)
    return "".join(body) + broken


async def test_a_schema_change_rechecks_a_large_document_progressively(
    client: LanguageClient, project: Path
) -> None:
    """A large document is checked again after its schema changes,
    publishing what is checked so far (the rest keeps its diagnostics until
    it is reached) inside work-done progress, whose end follows the last
    publish; a second change stops the re-check of the first."""
    schema_uri = (project / "schema.sql").as_uri()
    big = (project / "big.sql").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=schema_uri, language_id="sql", version=1, text=SCHEMA)
        )
    )
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=big, language_id="sql", version=1, text=big_query(30_000)
            )
        )
    )

    def count(uri: str, n: int, since: int) -> bool:
        return any(p.uri == uri and len(p.diagnostics) == n for p in published(client)[since:])

    await wait_for(lambda: count(big, 8, 0), timeout=300)
    old = next(p for p in reversed(published(client)) if p.uri == big).diagnostics
    old_lines = sorted(d.range.start.line for d in old if d.code == "unknown-column")
    assert len(old_lines) == 4

    def edit_schema(version: int, text: str) -> None:
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=schema_uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    # two changes in a row: the re-check for the first one stops
    seen, seen_events = len(published(client)), len(events(client))
    edit_schema(2, SCHEMA.replace("email TEXT", "email TEXT, name TEXT"))
    await wait_for(lambda: any(p.uri == big for p in published(client)[seen:]), timeout=300)
    edit_schema(3, WITH_PHONE)

    def ended() -> bool:  # every progress begun since has ended
        kinds = [e[2] for e in events(client)[seen_events:] if e[0] == "progress"]
        return kinds.count("begin") == kinds.count("end")

    await wait_for(lambda: count(big, 4, seen) and ended(), timeout=300)

    mine = [p for p in published(client)[seen:] if p.uri == big]
    assert all(p.version == 1 for p in mine)
    assert len(mine) > 2, "not progressive"
    final = mine[-1].diagnostics
    assert sorted(str(d.code) for d in final) == ["syntax"] * 4
    # each publish: the syntax errors, and the unknown columns after the
    # point reached (those of the old schema, or of the first change)
    for p in mine:
        assert sorted(str(d.code) for d in p.diagnostics if d.code == "syntax") == ["syntax"] * 4
        lines = sorted(d.range.start.line for d in p.diagnostics if d.code == "unknown-column")
        assert lines == old_lines[len(old_lines) - len(lines) :]
    # work-done progress: begun, ended once each, the final publish inside
    # the last one (the ones before its end are partial)
    mine_events = [e for e in events(client)[seen_events:] if e[0] == "progress" or e[1] == big]
    kinds = [(e[1], e[2]) for e in mine_events if e[0] == "progress"]
    tokens = {token for token, _ in kinds}
    assert len(tokens) >= 1
    for token in tokens:
        steps = [kind for t, kind in kinds if t == token]
        assert steps[0] == "begin" and steps[-1] == "end" and steps.count("end") == 1
        assert set(steps[1:-1]) <= {"report"}
    # the last re-check: its partial publishes (held until the begin) and
    # then its complete one, all inside its progress
    last_begin = max(i for i, e in enumerate(mine_events) if e[0] == "progress" and e[2] == "begin")
    last_end = max(i for i, e in enumerate(mine_events) if e[0] == "progress" and e[2] == "end")
    inside = [e for e in mine_events[last_begin:last_end] if e[0] == "diagnostics"]
    after = [e for e in mine_events[last_end:] if e[0] == "diagnostics"]
    assert len(inside) > 1 and not after
    assert inside[-1][2] == 4  # the complete one
