"""The validator in the editor: semantic diagnostics against the project's
schema files, completion from them, hover, go to definition (into schema
files too), references, rename with prepareRename, quick fixes, and the
schema followed when its file changes."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import apply_edits, config, init_params, new_uri, open_doc, position_of, wait_diagnostics

pytestmark = pytest.mark.asyncio(loop_scope="module")

SCHEMA = """\
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT);
CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), total REAL);
"""

TEXT = """\
CREATE TABLE notes (id INTEGER PRIMARY KEY, user_id INTEGER, body TEXT);
SELECT u.name, n.body FROM users AS u JOIN notes AS n ON n.user_id = u.id;
WITH big AS (SELECT user_id, sum(total) AS spent FROM orders GROUP BY user_id)
SELECT big.spent, users.emial FROM big JOIN users ON users.id = big.user_id;
SELECT body FROM notes WHERE id = 1;
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("project")
    (root / "syntaqlite.toml").write_text('schema = ["db/schema.sql"]\n', encoding="utf-8")
    (root / "db").mkdir()
    (root / "db" / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    return root


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient, project: Path):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(init_params(root=project))
    lsp_client.uri = new_uri("queries", project)  # type: ignore[attr-defined]
    lsp_client.opened = await open_doc(lsp_client, lsp_client.uri, TEXT)  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


def doc(client: LanguageClient) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=client.uri)  # type: ignore[attr-defined]


async def test_diagnostics_against_the_schema_files(client: LanguageClient) -> None:
    diags = client.opened  # type: ignore[attr-defined]
    assert [(d.code, d.severity, d.range.start) for d in diags] == [
        ("unknown-column", types.DiagnosticSeverity.Error, position_of(TEXT, "emial")),
    ]
    assert diags[0].message == "no such column: users.emial\nhelp: did you mean 'email'?"
    assert diags[0].source == "syntaqlite"


async def test_related_information(client: LanguageClient) -> None:
    text = "CREATE TABLE t (a);\nSELECT a FROM t;\nCREATE TABLE t (b);\n"
    diags = await open_doc(client, new_uri(), text)
    (d,) = diags
    assert d.code == "already-exists" and d.range.start == position_of(text, "t (b)")
    assert d.related_information is not None
    (rel,) = d.related_information
    assert rel.message == "first defined here"
    assert rel.location.range.start == position_of(text, "t (a)")


async def test_quick_fix_for_did_you_mean(client: LanguageClient) -> None:
    diags = client.opened  # type: ignore[attr-defined]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=doc(client),
            range=diags[0].range,
            context=types.CodeActionContext(diagnostics=diags),
        )
    )
    assert actions is not None
    fixes = [
        a for a in actions if isinstance(a, types.CodeAction) and a.kind == types.CodeActionKind.QuickFix
    ]
    assert [f.title for f in fixes] == ["Replace 'emial' with 'email'"]
    assert fixes[0].edit is not None and fixes[0].edit.changes is not None
    fixed = apply_edits(TEXT, fixes[0].edit.changes[client.uri])  # type: ignore[attr-defined]
    assert "users.email FROM big" in fixed


async def completion_labels(client: LanguageClient, text: str, needle: str) -> list[str]:
    uri = new_uri("complete", Path(client.uri.removeprefix("file://")).parent)  # type: ignore[attr-defined]
    await open_doc(client, uri, text)
    result = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=position_of(text, needle, after=True),
        )
    )
    assert result is not None
    items = result.items if isinstance(result, types.CompletionList) else result
    return [i.label for i in sorted(items, key=lambda i: i.sort_text or i.label)]


async def test_completion_offers_the_schema_files_tables_and_columns(client: LanguageClient) -> None:
    labels = await completion_labels(client, "SELECT * FROM ", "FROM ")
    assert labels.index("users") < labels.index("sqlite_schema")
    assert "orders" in labels
    labels = await completion_labels(client, "SELECT o. FROM orders AS o", "o.")
    assert labels[:3] == ["id", "total", "user_id"]
    labels = await completion_labels(client, "SELECT  FROM users", "SELECT ")
    assert {"id", "name", "email"} <= set(labels)


async def hover_text(client: LanguageClient, needle: str, occurrence: int = 1) -> str:
    result = await client.text_document_hover_async(
        types.HoverParams(
            text_document=doc(client), position=position_of(TEXT, needle, occurrence=occurrence)
        )
    )
    assert result is not None and isinstance(result.contents, types.MarkupContent)
    return result.contents.value


async def test_hover(client: LanguageClient) -> None:
    text = await hover_text(client, "users AS u")
    assert "table users (id INTEGER, name TEXT, email TEXT)" in text
    assert "db/schema.sql" in text
    text = await hover_text(client, "name", occurrence=1)
    assert "users.name TEXT" in text and "column of table users" in text
    text = await hover_text(client, "spent", occurrence=2)
    assert "sum(total) AS spent" in text or "big.spent" in text
    text = await hover_text(client, "u.id", occurrence=1)
    assert "alias of table users" in text


async def definitions(client: LanguageClient, needle: str, occurrence: int = 1) -> list[types.Location]:
    result = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=doc(client), position=position_of(TEXT, needle, occurrence=occurrence)
        )
    )
    assert isinstance(result, list)
    return [r for r in result if isinstance(r, types.Location)]


async def test_definition_in_the_document_and_in_schema_files(client: LanguageClient, project: Path) -> None:
    (loc,) = await definitions(client, "notes AS n")
    assert loc.uri == client.uri and loc.range.start == position_of(TEXT, "notes")  # type: ignore[attr-defined]
    (loc,) = await definitions(client, "users AS u")
    assert loc.uri == (project / "db" / "schema.sql").as_uri()
    assert loc.range.start == position_of(SCHEMA, "users")
    (loc,) = await definitions(client, "n.body", occurrence=1)  # the alias n
    assert loc.range.start == position_of(TEXT, "notes AS ", after=True)
    (loc,) = await definitions(client, "big.spent")
    assert loc.range.start == position_of(TEXT, "big")


async def test_references_across_statements(client: LanguageClient) -> None:
    result = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc(client),
            position=position_of(TEXT, "body", occurrence=2),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert result is not None
    assert [r.range.start for r in result] == [
        position_of(TEXT, "body", occurrence=1),
        position_of(TEXT, "body", occurrence=2),
        position_of(TEXT, "body", occurrence=3),
    ]


async def rename(client: LanguageClient, needle: str, new_name: str, occurrence: int = 1) -> str | None:
    position = position_of(TEXT, needle, occurrence=occurrence)
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=doc(client), position=position)
    )
    if prepared is None:
        return None
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=doc(client), position=position, new_name=new_name)
    )
    assert edit is not None and edit.changes is not None
    return apply_edits(TEXT, edit.changes[client.uri])  # type: ignore[attr-defined]


async def test_rename_table_cte_and_alias(client: LanguageClient) -> None:
    renamed = await rename(client, "notes AS n", "memos")
    assert renamed is not None
    assert renamed.count("memos") == 3 and "notes" not in renamed
    renamed = await rename(client, "big", "top spenders", occurrence=2)
    assert renamed is not None
    assert renamed.count('"top spenders"') == 4 and "big" not in renamed
    renamed = await rename(client, "u.name", "who")
    assert renamed is not None
    assert "SELECT who.name, n.body FROM users AS who JOIN notes AS n ON n.user_id = who.id;" in renamed


async def test_rename_refused_for_schema_file_tables(client: LanguageClient) -> None:
    assert await rename(client, "users AS u", "people") is None
    with pytest.raises(Exception, match="nothing here can be renamed"):
        await client.text_document_rename_async(
            types.RenameParams(
                text_document=doc(client), position=position_of(TEXT, "users AS u"), new_name="people"
            )
        )


async def test_schema_file_changes_are_followed(client: LanguageClient, project: Path) -> None:
    schema = project / "db" / "schema.sql"
    uri = new_uri("follow", project)
    text = "SELECT phone FROM users;\n"
    diags = await open_doc(client, uri, text)
    assert [d.code for d in diags] == ["unknown-column"]
    schema.write_text(SCHEMA.replace("email TEXT)", "email TEXT, phone TEXT)"), encoding="utf-8")
    try:
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=schema.as_uri(), type=types.FileChangeType.Changed)]
            )
        )
        assert await wait_diagnostics(client, uri, None) == []
    finally:
        schema.write_text(SCHEMA, encoding="utf-8")


async def test_completion_after_excluded_new_and_old(client: LanguageClient) -> None:
    text = "INSERT INTO users (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET name = excluded."
    assert await completion_labels(client, text, "excluded.") == ["email", "id", "name"]
    text = "CREATE TRIGGER t AFTER DELETE ON orders BEGIN SELECT old. ; END;"
    assert await completion_labels(client, text, "old.") == ["id", "total", "user_id"]
