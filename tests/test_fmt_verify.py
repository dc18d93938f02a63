"""``fmt/verify.py`` notices every change a formatter bug could make."""

from __future__ import annotations

import pytest

from syntaqlite import parse
from syntaqlite.fmt.verify import difference

SOURCE = "CREATE TABLE t (\n  a INT,\n  b INT -- note\n);\n"


def test_layout_only_is_no_difference() -> None:
    assert difference(parse(SOURCE), "create table t (a INT,\n b INT -- note\n)") is None


def test_a_comment_that_crosses_a_token_is_caught() -> None:
    problem = difference(parse(SOURCE), "CREATE TABLE t (a INT, b INT); -- note\n")
    assert problem == "comment '-- note' moved: it was after 'INT', the output has it at 1:32"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("SELECT a -- x\n, b", "SELECT a, -- x\n  b;"),  # past a comma
        ("SELECT a -- x\n;", "SELECT a; -- x"),  # past a semicolon
        ("SELECT a /* x */", "SELECT a; /* x */"),  # an added semicolon
    ],
)
def test_commas_and_semicolons_are_not_neighbours(before: str, after: str) -> None:
    assert difference(parse(before), after) is None


@pytest.mark.parametrize(
    ("before", "after", "problem"),
    [
        ("SELECT a /* x */, b", "SELECT /* x */ a, b;", "it was after 'a'"),
        ("/* x */ SELECT a", "SELECT /* x */ a;", "it was at the start"),
        ("SELECT a, b /* x */ FROM t", "SELECT a, b FROM /* x */ t;", "it was after 'b'"),
        ("SELECT a /* x */ /* y */", "SELECT a /* y */ /* x */;", "comments changed"),
        ("SELECT a /* x */", "SELECT a;", "comments changed: 1 before, 0 after"),
    ],
)
def test_moved_lost_or_reordered_comments_are_caught(before: str, after: str, problem: str) -> None:
    found = difference(parse(before), after)
    assert found is not None and problem in found
