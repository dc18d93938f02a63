"""The block sequences behind a large document's analysis behave as lists:
replacing a range gives the list with that range replaced (and, for the
offsets, the ones after it moved), and the version replaced is unchanged."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from syntaqlite.lsp import blocks
from syntaqlite.lsp.blocks import Blocks, Starts

edits = st.lists(
    st.tuples(
        st.floats(0, 1), st.floats(0, 1), st.lists(st.integers(1, 50), max_size=40), st.integers(-30, 30)
    ),
    max_size=25,
)


def check_starts(seq: Starts, model: list[int]) -> None:
    assert list(seq) == model and len(seq) == len(model)
    for k in range(0, len(model), max(1, len(model) // 37)):
        assert seq[k] == model[k]
        assert list(seq.iter_from(k)) == model[k:]
        assert seq[k : k + 9] == model[k : k + 9]
    for x in {-1, 0, *model[:: max(1, len(model) // 23)], (model[-1] + 1) if model else 5}:
        assert seq.bisect_right(x) == bisect_right(model, x)
        assert seq.bisect_left(x) == bisect_left(model, x)
        assert bisect_right(seq, x) == bisect_right(model, x)  # as a sequence too


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(1, 50), max_size=3000), edits, st.sampled_from([2, 8, 512]))
def test_starts_edits_are_the_lists(
    lengths: list[int], changes: list[tuple[float, float, list[int], int]], block: int
) -> None:
    old_block = blocks.BLOCK
    blocks.BLOCK = block
    try:
        model = list(accumulate([0, *lengths]))[:-1] if lengths else []
        seq = Starts(model)
        versions = [(seq, model[:])]
        for a, b, new_lengths, delta in changes:
            n = len(model)
            i = int(a * n)
            m = i + int(b * (n - i))
            base = model[i - 1] + 1 if i else 0
            new = list(accumulate([base, *new_lengths]))[:-1] if new_lengths else []
            low = (new[-1] + 1) if new else base
            after = model[m:]
            shift = max(delta, low - after[0]) if after else delta  # stays increasing
            model = model[:i] + new + [x + shift for x in after]
            seq = seq.moved(i, m, new, shift)
            versions.append((seq, model[:]))
            check_starts(seq, model)
        for version, was in versions:  # persistent: every version as it was
            assert list(version) == was
    finally:
        blocks.BLOCK = old_block


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(), max_size=2000), edits, st.sampled_from([2, 8, 512]))
def test_blocks_edits_are_the_lists(
    items: list[int], changes: list[tuple[float, float, list[int], int]], block: int
) -> None:
    old_block = blocks.BLOCK
    blocks.BLOCK = block
    try:
        model = items[:]
        seq = Blocks(model)
        versions = [(seq, model[:])]
        for a, b, new, _ in changes:
            i = int(a * len(model))
            m = i + int(b * (len(model) - i))
            model = model[:i] + new + model[m:]
            seq = seq.replaced(i, m, new)
            versions.append((seq, model[:]))
            assert list(seq) == model and len(seq) == len(model)
            for k in range(0, len(model), max(1, len(model) // 31)):
                assert seq[k] == model[k] and seq[-1 - k] == model[-1 - k]
                assert list(seq.iter_from(k)) == model[k:]
        for version, was in versions:
            assert list(version) == was
    finally:
        blocks.BLOCK = old_block
