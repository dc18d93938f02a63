"""Completion from the parser's state machine, the built-in functions and
the document's own tables (the fallback semantics)."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import config, init_params, new_uri, open_doc, pos, position_of

pytestmark = pytest.mark.asyncio(loop_scope="module")

SCHEMA = """\
CREATE TABLE accounts (id INTEGER PRIMARY KEY, email TEXT NOT NULL, created_at TEXT);
CREATE TABLE orders (id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES accounts, total REAL);
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
"""


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(init_params())
    yield
    await lsp_client.shutdown_session()


async def complete(
    client: LanguageClient, text: str, marker: str = "|", trigger: str | None = None
) -> list[types.CompletionItem]:
    """Completion items at ``marker`` (removed from the text)."""
    uri = new_uri()
    at = text.index(marker)
    source = text.replace(marker, "", 1)
    await open_doc(client, uri, source)
    line = source.count("\n", 0, at)
    context = (
        types.CompletionContext(
            trigger_kind=types.CompletionTriggerKind.TriggerCharacter, trigger_character=trigger
        )
        if trigger
        else types.CompletionContext(trigger_kind=types.CompletionTriggerKind.Invoked)
    )
    result = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=pos(line, at - (source.rfind("\n", 0, at) + 1)),
            context=context,
        )
    )
    assert isinstance(result, types.CompletionList)
    return sorted(result.items, key=lambda i: i.sort_text or i.label)


def labels(items: list[types.CompletionItem]) -> list[str]:
    return [i.label for i in items]


async def test_after_from_offers_document_tables(client: LanguageClient) -> None:
    items = await complete(client, SCHEMA + "SELECT * FROM |", trigger=" ")
    names = labels(items)
    assert names[:3] == ["accounts", "big_orders", "orders"]  # tables and views first
    by_label = {i.label: i for i in items}
    assert by_label["accounts"].kind == types.CompletionItemKind.Class
    assert by_label["big_orders"].kind == types.CompletionItemKind.Interface
    assert "json_each" in names  # table-valued functions
    assert "abs" not in names  # not a scalar function here


async def test_after_select_offers_functions_and_keywords(client: LanguageClient) -> None:
    items = await complete(client, "SELECT |", trigger=" ")
    names = labels(items)
    assert {"DISTINCT", "ALL", "CASE", "CAST", "NOT", "EXISTS", "CURRENT_TIMESTAMP"} <= set(names)
    assert {"count", "substr", "coalesce", "json_extract"} <= set(names)
    assert "FROM" not in names and "LEFT" not in names
    by_label = {i.label: i for i in items}
    count = by_label["count"]
    assert count.kind == types.CompletionItemKind.Function
    assert count.detail and "count(" in count.detail
    assert count.documentation is not None
    assert by_label["DISTINCT"].kind == types.CompletionItemKind.Keyword
    # the dozen keywords sort before the ~130 functions, not buried after them
    last_keyword = max(i for i, item in enumerate(items) if item.kind == types.CompletionItemKind.Keyword)
    first_function = min(i for i, item in enumerate(items) if item.kind == types.CompletionItemKind.Function)
    assert last_keyword < first_function


async def test_expression_offers_columns_of_the_statement_tables(client: LanguageClient) -> None:
    items = await complete(client, SCHEMA + "SELECT | FROM accounts")
    fields = [i.label for i in items if i.kind == types.CompletionItemKind.Field]
    assert fields == ["created_at", "email", "id"]  # not the columns of orders
    assert labels(items)[:3] == fields


async def test_alias_dot_offers_that_tables_columns(client: LanguageClient) -> None:
    items = await complete(
        client, SCHEMA + "SELECT o.| FROM orders o JOIN accounts a ON a.id = o.account_id", trigger="."
    )
    assert labels(items) == ["account_id", "id", "total"]
    assert all(i.kind == types.CompletionItemKind.Field for i in items)
    items = await complete(client, SCHEMA + "SELECT a.| FROM orders AS o, accounts AS a", trigger=".")
    assert labels(items) == ["created_at", "email", "id"]
    items = await complete(client, SCHEMA + "SELECT big_orders.| FROM big_orders", trigger=".")
    assert labels(items) == ["id", "total"]


async def test_inside_a_broken_statement(client: LanguageClient) -> None:
    # FORM makes the statement fail at "accounts"; after WHERE an expression still comes
    names = labels(await complete(client, SCHEMA + "SELECT email FORM accounts WHERE | ORDER BY 1"))
    assert "email" in names and "abs" in names and "NOT" in names
    # an unfinished statement followed by more text
    names = labels(await complete(client, SCHEMA + "SELECT * FROM orders WHERE |\nSELECT 1;"))
    assert "total" in names
    # a later statement does not matter
    names = labels(await complete(client, SCHEMA + "SELECT * FROM | ;\nSELEC oops;"))
    assert "accounts" in names


async def test_partial_word_is_replaced(client: LanguageClient) -> None:
    text = SCHEMA + "SELECT * FR|"
    items = await complete(client, text)
    item = next(i for i in items if i.label == "FROM")
    line = SCHEMA.count("\n")
    assert isinstance(item.text_edit, types.TextEdit)
    assert item.text_edit.range == types.Range(start=pos(line, 9), end=pos(line, 11))
    assert item.text_edit.new_text == "FROM"
    # inside a word: the whole word is replaced
    items = await complete(client, SCHEMA + "SELECT * FROM acc|ounts")
    item = next(i for i in items if i.label == "accounts")
    assert isinstance(item.text_edit, types.TextEdit)
    assert item.text_edit.range == types.Range(start=pos(line, 14), end=pos(line, 22))


async def test_clause_keywords_after_a_table(client: LanguageClient) -> None:
    names = labels(await complete(client, SCHEMA + "SELECT * FROM accounts |"))
    assert {"WHERE", "GROUP BY", "ORDER BY", "LIMIT", "JOIN", "LEFT", "NATURAL", "UNION"} <= set(names)
    assert "SELECT" not in names


async def test_statement_start(client: LanguageClient) -> None:
    names = labels(await complete(client, "SELECT 1;\n|"))
    assert {"SELECT", "INSERT", "CREATE", "WITH", "PRAGMA", "EXPLAIN"} <= set(names)
    names = labels(await complete(client, "CREATE |"))
    assert {"TABLE", "VIEW", "INDEX", "TRIGGER", "TEMP", "VIRTUAL", "UNIQUE"} <= set(names)


async def test_column_lists(client: LanguageClient) -> None:
    assert labels(await complete(client, SCHEMA + "INSERT INTO orders (|")) == ["account_id", "id", "total"]
    assert labels(await complete(client, SCHEMA + "UPDATE accounts SET |"))[:3] == [
        "created_at",
        "email",
        "id",
    ]


async def test_ctes(client: LanguageClient) -> None:
    names = labels(await complete(client, SCHEMA + "WITH recent(x, y) AS (SELECT 1, 2) SELECT * FROM |"))
    assert "recent" in names
    names = labels(
        await complete(
            client, SCHEMA + "WITH recent(x, y) AS (SELECT 1, 2) SELECT r.| FROM recent r", trigger="."
        )
    )
    assert names == ["x", "y"]


async def test_nothing_in_strings_comments_and_numbers(client: LanguageClient) -> None:
    assert await complete(client, "SELECT 'abc |'", trigger=" ") == []
    assert await complete(client, "SELECT 1 -- note |", trigger=" ") == []
    assert await complete(client, "SELECT /* a | */ 1", trigger=" ") == []
    assert await complete(client, "SELECT 12|") == []


async def test_keyword_case_follows_lowercase_typing_when_preserving(client: LanguageClient) -> None:
    # default configuration: upper-case keywords
    names = labels(await complete(client, "sel|"))
    assert "SELECT" in names


async def test_trigger_body(client: LanguageClient) -> None:
    text = SCHEMA + "CREATE TRIGGER t AFTER INSERT ON orders BEGIN\n  UPDATE accounts SET |"
    assert "email" in labels(await complete(client, text))


async def test_completion_at_the_end_of_a_big_file(client: LanguageClient) -> None:
    body = "".join(f"SELECT id, total FROM orders WHERE id = {i};\n" for i in range(3000))
    text = SCHEMA + body + "SELECT * FROM orders WHERE |"
    names = labels(await complete(client, text))
    assert "total" in names


async def test_position_helper_sanity() -> None:
    assert position_of("a\nbc", "c") == pos(1, 1)
