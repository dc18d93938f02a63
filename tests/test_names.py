"""Identifier text: one quoting rule for everything that writes a name."""

from __future__ import annotations

import pytest

from syntaqlite.syntax.names import fold_case, normalize, quote


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("users", "users"),
        ("_x1", "_x1"),
        ("order", '"order"'),  # a keyword is quoted, as hover and rename must agree
        ("Select", '"Select"'),
        ("two words", '"two words"'),
        ('say "hi"', '"say ""hi"""'),
        ("1st", '"1st"'),
        ("", '""'),
    ],
)
def test_quote(name: str, written: str) -> None:
    assert quote(name) == written
    assert normalize(written) == fold_case(name)


def test_case_folding_is_ascii_only_as_in_sqlite() -> None:
    assert fold_case("ÄbC") == "Äbc"
    assert normalize('"ÄbC"') == "Äbc"
