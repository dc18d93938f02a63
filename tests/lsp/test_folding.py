"""Folding ranges: multi-line statements, parentheses, CASE, comments."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import config, init_params, new_uri, open_doc

pytestmark = pytest.mark.asyncio(loop_scope="module")

TEXT = """\
/* A block comment
   on two lines. */
SELECT a,
       CASE
         WHEN b THEN 1
       END
FROM t;
-- one
-- two
-- three
WITH x AS (
  SELECT 1
)
SELECT * FROM x;
SELECT 1;
"""


@pytest_lsp.fixture(config=config(), scope="module")
async def client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    await lsp_client.initialize_session(init_params())
    yield
    await lsp_client.shutdown_session()


async def test_ranges(client: LanguageClient) -> None:
    uri = new_uri()
    await open_doc(client, uri, TEXT)
    result = await client.text_document_folding_range_async(
        types.FoldingRangeParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert result is not None
    found = {(r.start_line, r.end_line, r.kind) for r in result}
    comment = types.FoldingRangeKind.Comment
    assert (0, 1, comment) in found  # block comment
    assert (2, 6, None) in found  # the first SELECT
    assert (3, 4, None) in found  # CASE ... END (END stays visible)
    assert (7, 9, comment) in found  # three line comments
    assert (10, 13, None) in found  # WITH ... SELECT
    assert (10, 11, None) in found  # the CTE's parentheses
    assert not any(start == 14 for start, _, _ in found)  # one-line statement
