"""Did-you-mean: the banded edit distance equals the textbook one, and
suggestions are typos, not any name."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from syntaqlite.validator.suggest import closest, distance

words = st.text(alphabet="abcd", max_size=9)


def reference(a: str, b: str) -> int:
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


@given(words, words, st.integers(min_value=0, max_value=4))
def test_distance_matches_reference(a: str, b: str, limit: int) -> None:
    exact = reference(a, b)
    assert distance(a, b) == exact
    assert distance(a, b, limit) == (exact if exact <= limit else limit + 1)


def test_closest() -> None:
    names = ["users", "orders", "order_items", "email", "id", "name"]
    assert closest("usres", names) == "users"  # a swap is one edit
    assert closest("ORDRS", names) == "orders"
    assert closest('"emial"', names) == "email"
    assert closest("idd", names) == "id"
    assert closest("x", names) is None  # no letter in common with any
    assert closest("frobnicate", ["concat", "format"]) is None
    assert closest("users", names) is None  # itself is not a suggestion
