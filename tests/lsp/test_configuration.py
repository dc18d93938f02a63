"""Configuration: syntaqlite.toml next to the document, reloaded when it
changes; initializationOptions and didChangeConfiguration for the target."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import (
    apply_edits,
    config,
    init_params,
    new_uri,
    open_doc,
    pos,
    registrations,
    wait_diagnostics,
    wait_for,
)

pytestmark = pytest.mark.asyncio(loop_scope="module")

LIMIT = "SQLITE_ENABLE_UPDATE_DELETE_LIMIT"
OPTIONS = types.FormattingOptions(tab_size=8, insert_spaces=True)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("project")
    (root / "syntaqlite.toml").write_text('[format]\nkeyword-case = "lower"\nindent = 4\n', encoding="utf-8")
    (root / "sub").mkdir()
    return root


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient, project: Path):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(init_params(root=project, options={"sqliteCflags": [LIMIT]}))
    yield
    await lsp_client.shutdown_session()


async def formatted(client: LanguageClient, uri: str, text: str) -> str:
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(text_document=types.TextDocumentIdentifier(uri=uri), options=OPTIONS)
    )
    return apply_edits(text, edits or [])


async def test_watchers_are_registered(client: LanguageClient) -> None:
    await wait_for(lambda: registrations(client))
    methods = {r.method: r for r in registrations(client)}
    reg = methods["workspace/didChangeWatchedFiles"]
    options = reg.register_options
    assert isinstance(options, dict) or options is not None
    globs = str(options)
    assert "syntaqlite.toml" in globs and "pyproject.toml" in globs


async def test_project_configuration_and_reload(client: LanguageClient, project: Path) -> None:
    uri = new_uri("q", project / "sub")
    text = "select a from t where x=1;\n"
    await open_doc(client, uri, text)
    assert await formatted(client, uri, text) == "select a from t where x = 1;\n"
    # keyword case also applies to completion
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=pos(1, 0))
    )
    assert isinstance(result, types.CompletionList)
    assert "select" in {i.label for i in result.items}
    # the file changes; the client says so; the server reads it again
    (project / "syntaqlite.toml").write_text('[format]\nkeyword-case = "upper"\n', encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[
                types.FileEvent(uri=(project / "syntaqlite.toml").as_uri(), type=types.FileChangeType.Changed)
            ]
        )
    )
    await wait_diagnostics(client, uri, None)  # re-published after the reload
    assert await formatted(client, uri, text) == "SELECT a FROM t WHERE x = 1;\n"


async def test_initialization_options_set_the_target(client: LanguageClient) -> None:
    uri = new_uri()
    assert await open_doc(client, uri, "CREATE TABLE t (a);\nDELETE FROM t WHERE a = 1 LIMIT 1;") == []


async def test_did_change_configuration(client: LanguageClient) -> None:
    uri = new_uri()
    assert await open_doc(client, uri, "CREATE TABLE t (a);\nDELETE FROM t LIMIT 1;") == []
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(
            settings={"syntaqlite": {"sqliteVersion": "latest", "sqliteCflags": []}}
        )
    )
    diags = await wait_diagnostics(client, uri, None)
    assert len(diags) == 1 and "LIMIT" in diags[0].message
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"syntaqlite": {"sqliteCflags": [LIMIT]}})
    )
    assert await wait_diagnostics(client, uri, None) == []


async def test_bad_settings_are_reported_not_fatal(client: LanguageClient) -> None:
    uri = new_uri()
    await open_doc(client, uri, "SELECT 1;")
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"syntaqlite": {"sqliteVersion": "banana"}})
    )
    assert await wait_diagnostics(client, uri, None) == []
    await wait_for(lambda: any("banana" in m.message for m in client.messages))
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(
            settings={"syntaqlite": {"sqliteVersion": "latest", "sqliteCflags": [LIMIT]}}
        )
    )
    await wait_diagnostics(client, uri, None)


async def test_broken_configuration_file(client: LanguageClient, tmp_path: Path) -> None:
    (tmp_path / "syntaqlite.toml").write_text("[format\nnope", encoding="utf-8")
    uri = new_uri("b", tmp_path)
    assert len(await open_doc(client, uri, "SELEC 1;")) == 1
    await wait_for(lambda: any("invalid TOML" in m.message for m in client.messages))


async def test_project_indent_wins_over_the_editor(client: LanguageClient, project: Path) -> None:
    (project / "syntaqlite.toml").write_text("[format]\nindent = 4\n", encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[
                types.FileEvent(uri=(project / "syntaqlite.toml").as_uri(), type=types.FileChangeType.Changed)
            ]
        )
    )
    uri = new_uri("indent", project / "sub")
    text = "select a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z, aa from t;\n"
    await open_doc(client, uri, text)
    out = await formatted(client, uri, text)  # the editor says tabSize 8
    assert "\n    a,\n" in out and "\n        " not in out
