"""Completion and navigation from the validator's scopes, through the real
protocol: columns after any qualifier (table, alias, CTE, subquery),
result-column aliases, FROM item names after ON, the innermost query's
names first, keywords before functions, nothing the file has dropped;
definition and hover for the columns of CTEs and subqueries and for
result-column aliases; references that include a schema file's
declaration."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import apply_edits, config, init_params, new_uri, open_doc, pos, position_of

pytestmark = pytest.mark.asyncio(loop_scope="module")

SCHEMA = """\
CREATE TABLE accounts (id INTEGER PRIMARY KEY, email TEXT NOT NULL, created_at TEXT);
CREATE TABLE orders (id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES accounts, total REAL);
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("scopes")
    (root / "syntaqlite.toml").write_text('schema = ["schema.sql"]\n', encoding="utf-8")
    (root / "schema.sql").write_text(SCHEMA, encoding="utf-8")
    return root


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient, project: Path):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(init_params(root=project))
    lsp_client.project = project  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


async def opened(client: LanguageClient, text: str) -> tuple[str, list[types.Diagnostic]]:
    uri = new_uri("q", client.project)  # type: ignore[attr-defined]
    return uri, await open_doc(client, uri, text)


async def complete(client: LanguageClient, text: str, marker: str = "|") -> list[types.CompletionItem]:
    """The completion items at ``marker`` (removed from the text), in the
    order of their sortText (as editors show them on an empty prefix)."""
    at = text.index(marker)
    source = text.replace(marker, "", 1)
    uri, _ = await opened(client, source)
    result = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=pos(source.count("\n", 0, at), at - (source.rfind("\n", 0, at) + 1)),
        )
    )
    assert isinstance(result, types.CompletionList)
    return sorted(result.items, key=lambda i: (i.sort_text or i.label, i.label))


def labels(items: list[types.CompletionItem]) -> list[str]:
    return [i.label for i in items]


# -- completion ---------------------------------------------------------------------


async def test_columns_after_a_cte_qualifier(client: LanguageClient) -> None:
    items = await complete(client, "WITH r AS (SELECT id, total FROM orders) SELECT r.| FROM r;")
    assert labels(items) == ["id", "total"]
    assert [i.detail for i in items] == ["r.id INTEGER", "r.total REAL"]  # types through the CTE


async def test_columns_on_a_function_name(client: LanguageClient) -> None:
    """The cursor on a function's name is an expression's place: the
    columns in scope are offered next to the functions."""
    items = await complete(client, "SELECT sub|str(email, 1, 2) FROM accounts WHERE id = 1;")
    assert "email" in labels(items) and "substr" in labels(items)


async def test_columns_after_a_cte_with_a_column_list(client: LanguageClient) -> None:
    items = await complete(client, "WITH r(a, b) AS (SELECT id, email FROM accounts) SELECT r.| FROM r;")
    assert labels(items) == ["a", "b"]
    assert [i.detail for i in items] == ["r.a INTEGER", "r.b TEXT"]


async def test_columns_after_a_subquery_alias(client: LanguageClient) -> None:
    items = await complete(client, "SELECT s.| FROM (SELECT id, total * 2 AS doubled FROM orders) AS s;")
    assert labels(items) == ["doubled", "id"]


async def test_columns_after_a_table_alias_while_typing(client: LanguageClient) -> None:
    items = await complete(client, "SELECT o.to| FROM orders AS o")
    assert labels(items) == ["account_id", "id", "total"]  # the editor filters by the prefix


async def test_result_aliases_in_order_by(client: LanguageClient) -> None:
    items = await complete(client, "SELECT email AS mail, count(*) AS n FROM accounts ORDER BY |")
    names = labels(items)
    assert names[:3] == ["created_at", "email", "id"]
    assert names[3:5] == ["mail", "n"]
    by_label = {i.label: i for i in items}
    assert by_label["mail"].kind == types.CompletionItemKind.Variable


async def test_aliases_after_on(client: LanguageClient) -> None:
    items = await complete(client, "SELECT * FROM accounts AS a JOIN orders AS o ON |")
    names = labels(items)
    assert {"a", "o"} <= set(names)
    assert {i.label: i for i in items}["o"].kind == types.CompletionItemKind.Module
    # the columns of both, then the aliases, then keywords, then functions
    assert names.index("total") < names.index("a") < names.index("NOT") < names.index("abs")


async def test_inner_query_names_come_first(client: LanguageClient) -> None:
    items = await complete(
        client, "SELECT * FROM accounts AS a WHERE EXISTS (SELECT 1 FROM orders AS o WHERE |)"
    )
    names = labels(items)
    assert names.index("total") < names.index("email")  # orders (inner) before accounts (outer)
    assert names.index("account_id") < names.index("created_at")


async def test_keywords_are_not_buried_after_functions(client: LanguageClient) -> None:
    items = await complete(client, "SELECT * FROM accounts WHERE |")
    kinds = [i.kind for i in items]
    keyword = types.CompletionItemKind.Keyword
    function = types.CompletionItemKind.Function
    assert kinds.count(function) > 100
    assert max(i for i, k in enumerate(kinds) if k == keyword) < min(
        i for i, k in enumerate(kinds) if k == function
    )
    assert labels(items)[:3] == ["created_at", "email", "id"]


async def test_a_dropped_table_is_not_offered(client: LanguageClient) -> None:
    text = "CREATE TABLE gone (x);\nDROP TABLE gone;\nSELECT * FROM |;\nCREATE TABLE later (y);\n"
    names = labels(await complete(client, text))
    assert "gone" not in names and "later" not in names  # as `check` sees them there
    assert {"accounts", "orders"} <= set(names)
    # ... and check agrees
    _, diags = await opened(client, text.replace("|", "gone"))
    assert [d.message for d in diags] == ["no such table: gone"]
    # nor where the statement does not parse yet (the tokens are read, against the same catalog)
    names = labels(await complete(client, text.replace("SELECT * FROM |", "INSERT INTO |")))
    assert "gone" not in names and "later" not in names and "orders" in names
    # columns neither: the dropped table is not a source
    names = labels(await complete(client, "CREATE TABLE gone (x);\nDROP TABLE gone;\nSELECT | FROM gone;"))
    assert "x" not in names


async def test_ctes_offered_as_tables_only_in_their_statement(client: LanguageClient) -> None:
    text = "WITH recent AS (SELECT id FROM orders) SELECT * FROM |;\nSELECT * FROM orders;\n"
    names = labels(await complete(client, text))
    assert names[0] == "recent"
    names = labels(await complete(client, text.replace("|", "").replace("FROM orders;", "FROM |;")))
    assert "recent" not in names


async def test_a_statement_that_does_not_parse_yet(client: LanguageClient) -> None:
    # completed at the end (a name, parentheses closed): still the validator's answer
    text = (
        "SELECT * FROM orders AS o WHERE o.id IN (SELECT x.| FROM (SELECT total AS t FROM orders) AS x WHERE"
    )
    assert labels(await complete(client, text)) == ["t"]
    # cut at the cursor, parentheses closed: the outer query's names
    text = "SELECT * FROM accounts AS a WHERE a.id IN (SELECT | + + FROM orders"
    names = labels(await complete(client, text))
    assert names[:4] == ["created_at", "email", "id", "a"]
    # nothing parses: the tokens are read (the alias still resolves)
    names = labels(await complete(client, "SELECT o.| FORM orders AS o WHERE"))
    assert names == ["account_id", "id", "total"]


# -- navigation ---------------------------------------------------------------------


async def definition(
    client: LanguageClient, uri: str, text: str, needle: str, occurrence: int = 1
) -> list[types.Location]:
    result = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=position_of(text, needle, occurrence=occurrence),
        )
    )
    assert isinstance(result, list)
    return [r for r in result if isinstance(r, types.Location)]


async def hover(client: LanguageClient, uri: str, text: str, needle: str, occurrence: int = 1) -> str:
    result = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=position_of(text, needle, occurrence=occurrence),
        )
    )
    assert result is not None and isinstance(result.contents, types.MarkupContent)
    return result.contents.value


NAV = """\
SELECT 1;
WITH r AS (SELECT id, total AS amount FROM orders)
SELECT r.amount, r.id FROM r;
SELECT s.doubled FROM (SELECT total * 2 AS doubled FROM orders) AS s;
SELECT email AS mail FROM accounts ORDER BY mail;
WITH pairs(a, b) AS (SELECT id, email FROM accounts) SELECT b FROM pairs;
"""


async def test_definition_of_cte_subquery_and_alias_columns(client: LanguageClient) -> None:
    uri, diags = await opened(client, NAV)
    assert diags == []
    (loc,) = await definition(client, uri, NAV, "amount, r.id")
    assert loc.uri == uri and loc.range.start == position_of(NAV, "amount FROM")
    (loc,) = await definition(client, uri, NAV, "id FROM r")
    assert loc.range.start == position_of(NAV, "id, total")
    (loc,) = await definition(client, uri, NAV, "doubled FROM (")
    assert loc.range.start == position_of(NAV, "doubled FROM orders")
    (loc,) = await definition(client, uri, NAV, "mail;")  # a result alias used in ORDER BY
    assert loc.range.start == position_of(NAV, "mail FROM")
    (loc,) = await definition(client, uri, NAV, "b FROM pairs")  # a CTE's column list
    assert loc.range.start == position_of(NAV, "b) AS")


async def test_hover_on_a_cte_shows_its_columns_and_types(client: LanguageClient) -> None:
    uri, _ = await opened(client, NAV)
    text = await hover(client, uri, NAV, "r AS")
    assert "r(id INTEGER, amount REAL)" in text and "common table expression" in text
    text = await hover(client, uri, NAV, "r;\nSELECT s")
    assert "r(id INTEGER, amount REAL)" in text  # also where it is used
    text = await hover(client, uri, NAV, "amount, r.id")
    assert "r.amount REAL" in text
    text = await hover(client, uri, NAV, "doubled FROM (")
    assert "s.doubled" in text and "column of s" in text
    text = await hover(client, uri, NAV, "b FROM pairs")
    assert "pairs.b TEXT" in text


async def test_references_include_the_schema_files_declaration(client: LanguageClient) -> None:
    text = "SELECT total FROM orders;\nSELECT id FROM orders;\n"
    uri, _ = await opened(client, text)
    schema_uri = (client.project / "schema.sql").as_uri()  # type: ignore[attr-defined]
    for include, expected in ((True, 3), (False, 2)):
        result = await client.text_document_references_async(
            types.ReferenceParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=position_of(text, "orders"),
                context=types.ReferenceContext(include_declaration=include),
            )
        )
        assert result is not None and len(result) == expected
        if include:
            assert (result[0].uri, result[0].range.start) == (schema_uri, position_of(SCHEMA, "orders"))
        assert [r.uri for r in result[-2:]] == [uri, uri]
    # a column too
    result = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=position_of(text, "total"),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert result is not None
    assert (result[0].uri, result[0].range.start) == (schema_uri, position_of(SCHEMA, "total"))


async def test_rename_a_result_alias_renames_its_uses(client: LanguageClient) -> None:
    text = "SELECT email AS mail FROM accounts WHERE mail LIKE '%@x' ORDER BY mail;\n"
    uri, _ = await opened(client, text)
    edit = await client.text_document_rename_async(
        types.RenameParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=position_of(text, "mail", occurrence=3),
            new_name="address",
        )
    )
    assert edit is not None and edit.changes is not None
    assert apply_edits(text, edit.changes[uri]) == (
        "SELECT email AS address FROM accounts WHERE address LIKE '%@x' ORDER BY address;\n"
    )


async def test_result_names_in_a_compounds_order_by(client: LanguageClient) -> None:
    items = await complete(
        client, "SELECT email AS contact FROM accounts UNION SELECT total FROM orders ORDER BY |"
    )
    assert labels(items)[0] == "contact"  # its result columns: no FROM clause is in scope there
    assert "email" not in labels(items)


async def test_new_and_old_in_a_trigger_body(client: LanguageClient) -> None:
    text = "CREATE TRIGGER t AFTER UPDATE ON accounts BEGIN UPDATE orders SET total = 0 WHERE account_id = | ; END;"
    names = labels(await complete(client, text))
    assert names[:3] == ["account_id", "id", "total"]  # the UPDATE's table
    assert {"new", "old", "orders"} <= set(names)
    names = labels(await complete(client, text.replace("= |", "= new.|")))
    assert names == ["created_at", "email", "id"]


async def test_cursor_before_an_existing_name(client: LanguageClient) -> None:
    # the name after the cursor is probed as it is: no placeholder glued to it
    names = labels(await complete(client, "SELECT * FROM orders AS o WHERE |o.total > 1 AND o.id = 2"))
    assert names[:4] == ["account_id", "id", "total", "o"]
