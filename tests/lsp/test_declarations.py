"""What the application registers, declared in syntaqlite.toml, in the
editor: no diagnostics for declared functions, collations and modules;
declared functions completed, hovered and signature-helped; undeclared ones
reported with how to declare them."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import config, init_params, new_uri, open_doc, position_of

pytestmark = pytest.mark.asyncio(loop_scope="module")

CONFIG = """\
[check]
collations = ["natsort"]
[check.functions]
slugify = "1..2"
[check.modules]
vec0 = ["embedding", "distance"]
"""

TEXT = """\
CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT COLLATE natsort);
CREATE VIRTUAL TABLE vectors USING vec0 (embedding, distance);
SELECT slugify(title, '-') FROM notes ORDER BY title COLLATE natsort;
SELECT embedding FROM vectors WHERE distance < 0.5;
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("declaring")
    (root / "syntaqlite.toml").write_text(CONFIG, encoding="utf-8")
    return root


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient, project: Path):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(init_params(root=project))
    yield
    await lsp_client.shutdown_session()


async def test_declared_names_are_known(client: LanguageClient, project: Path) -> None:
    uri = new_uri("app", project)
    assert await open_doc(client, uri, TEXT) == []
    wrong = TEXT + "SELECT slugify(), nearest FROM vectors ORDER BY 1 COLLATE natsrot;\n"
    diags = await open_doc(client, new_uri("wrong", project), wrong)
    assert sorted(d.code for d in diags) == ["unknown-collation", "unknown-column", "wrong-arity"]  # type: ignore[type-var]


async def test_undeclared_function_says_how_to_declare(client: LanguageClient, project: Path) -> None:
    text = "SELECT regexp('a', 'b');\n"
    (d,) = await open_doc(client, new_uri("undeclared", project), text)
    assert d.code == "unknown-function"
    assert "[check.functions] regexp = 2" in d.message


async def test_completion_hover_and_signature_of_declared_functions(
    client: LanguageClient, project: Path
) -> None:
    uri = new_uri("complete", project)
    text = "SELECT slu FROM notes;\nSELECT slugify(title, ) FROM notes;\n"
    await open_doc(client, uri, text)
    ident = types.TextDocumentIdentifier(uri=uri)
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=ident, position=position_of(text, "slu", after=True))
    )
    assert result is not None
    items = result.items if isinstance(result, types.CompletionList) else result
    (item,) = [i for i in items if i.label == "slugify"]
    assert item.detail == "slugify(arg1, [arg2])"
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=ident, position=position_of(text, "slugify"))
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert "slugify(arg1, [arg2])" in hover.contents.value
    help_ = await client.text_document_signature_help_async(
        types.SignatureHelpParams(text_document=ident, position=position_of(text, "title, ", after=True))
    )
    assert help_ is not None
    assert help_.signatures[0].label == "slugify(arg1, [arg2])"
    assert help_.active_parameter == 1
