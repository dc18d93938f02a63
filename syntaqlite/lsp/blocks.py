"""Sequences that an edit of a large document changes in one place.

A 10 MB document has 150,000 statement chunks; its analysis keeps, per
chunk, where it starts, its parse and its check.  As Python lists, an edit
would copy each of them (and shift every start after it): a reference
count touched for every item, tens of milliseconds per edit however small.
Here they are kept in blocks of at most :data:`BLOCK` items: a changed
version (:meth:`Blocks.replaced`) copies the blocks the change touches and
the list of blocks, and shares the others with the version it came from,
which stays as it was (an analysis is a snapshot).  :class:`Starts`, for
increasing offsets, keeps a base per block, so moving every offset after
an edit changes one number per block.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, chain, islice
from typing import Generic, TypeVar, overload

T = TypeVar("T")

BLOCK = 512
"""Items per block (at most; a replaced region is cut into blocks of this
size, and a block left with fewer than a quarter of it is merged with the
next)."""


def _cut(items: list[T]) -> list[list[T]]:
    return [items[k : k + BLOCK] for k in range(0, len(items), BLOCK)]


class Blocks(Sequence[T], Generic[T]):
    """An immutable sequence in blocks (see the module docstring)."""

    __slots__ = ("_blocks", "_ends")

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._blocks: list[list[T]] = _cut(list(items))
        self._ends: list[int] = list(accumulate(map(len, self._blocks)))  # items up to each block's end

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    def _locate(self, i: int) -> tuple[int, int]:
        """The block of item ``i`` and where it is in it."""
        b = bisect_right(self._ends, i)
        return b, i - (self._ends[b - 1] if b else 0)

    @overload
    def __getitem__(self, i: int) -> T: ...

    @overload
    def __getitem__(self, i: slice) -> list[T]: ...

    def __getitem__(self, i: int | slice) -> T | list[T]:
        n = len(self)
        if isinstance(i, slice):
            start, stop, step = i.indices(n)
            if step != 1:
                return list(self)[i]
            return list(islice(self.iter_from(start), max(0, stop - start)))
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("Blocks index out of range")
        b, j = self._locate(i)
        return self._blocks[b][j]

    def __iter__(self) -> Iterator[T]:
        return chain.from_iterable(self._blocks)

    def iter_from(self, i: int) -> Iterator[T]:
        """The items from the ``i``-th on (without copying the ones before)."""
        if i <= 0:
            return iter(self)
        if i >= len(self):
            return iter(())
        b, j = self._locate(i)
        return chain(islice(self._blocks[b], j, None), chain.from_iterable(self._blocks[b + 1 :]))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} items in {len(self._blocks)} blocks)"

    def _span(self, i: int, m: int) -> tuple[int, int]:
        """The blocks ``[bi, bm)`` that items ``[i, m)`` touch (with the one
        holding item ``i`` when the range is empty, and a small neighbour)."""
        blocks = self._blocks
        if not blocks:
            return 0, 0
        n = len(self)
        bi = min(bisect_right(self._ends, i), len(blocks) - 1) if i < n else len(blocks) - 1
        bm = max(bi + 1, bisect_left(self._ends, m) + 1) if m > i else bi + 1
        bm = min(bm, len(blocks))
        if bm < len(blocks) and len(blocks[bm]) < BLOCK // 4:
            bm += 1  # merge a small neighbour
        return bi, bm

    def replaced(self, i: int, m: int, new: Sequence[T]) -> Blocks[T]:
        """A copy with items ``[i, m)`` replaced by ``new``."""
        n = len(self)
        if not 0 <= i <= m <= n:
            raise IndexError(f"replaced({i}, {m}) of {n} items")
        bi, bm = self._span(i, m)
        first = self._ends[bi - 1] if bi else 0
        merged: list[T] = []
        for block in self._blocks[bi:bm]:
            merged += block
        merged[i - first : m - first] = new
        return self._rebuilt(bi, bm, _cut(merged), len(new) - (m - i))

    def _rebuilt(self, bi: int, bm: int, middle: list[list[T]], grown: int) -> Blocks[T]:
        out = object.__new__(type(self))
        out._blocks = self._blocks[:bi] + middle + self._blocks[bm:]
        ends = self._ends[:bi]
        total = ends[-1] if ends else 0
        for block in middle:
            total += len(block)
            ends.append(total)
        if grown:
            ends += map(grown.__add__, self._ends[bm:])
        else:
            ends += self._ends[bm:]
        out._ends = ends
        return out


class Starts(Blocks[int]):
    """Increasing offsets in blocks, each block's stored relative to a
    base: :meth:`moved` shifts the offsets after an edit by changing the
    bases of the blocks after it."""

    __slots__ = ("_bases", "_firsts")

    def __init__(self, items: Iterable[int] = ()) -> None:
        super().__init__(items)
        self._bases: list[int] = [0] * len(self._blocks)
        self._firsts: list[int] = [block[0] for block in self._blocks]  # absolute

    @overload
    def __getitem__(self, i: int) -> int: ...

    @overload
    def __getitem__(self, i: slice) -> list[int]: ...

    def __getitem__(self, i: int | slice) -> int | list[int]:
        if isinstance(i, slice):
            return list(self)[i] if i.step not in (None, 1) else super().__getitem__(i)
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("Starts index out of range")
        b, j = self._locate(i)
        return self._blocks[b][j] + self._bases[b]

    def __iter__(self) -> Iterator[int]:
        return chain.from_iterable(
            block if not base else map(base.__add__, block)
            for block, base in zip(self._blocks, self._bases, strict=True)
        )

    def iter_from(self, i: int) -> Iterator[int]:
        if i <= 0:
            return iter(self)
        if i >= len(self):
            return iter(())
        b, j = self._locate(i)
        base = self._bases[b]
        head = islice(self._blocks[b], j, None)
        return chain(
            head if not base else map(base.__add__, head),
            chain.from_iterable(
                block if not base else map(base.__add__, block)
                for block, base in zip(self._blocks[b + 1 :], self._bases[b + 1 :], strict=True)
            ),
        )

    def bisect_right(self, x: int) -> int:
        """As :func:`bisect.bisect_right` on the offsets."""
        b = bisect_right(self._firsts, x) - 1
        if b < 0:
            return 0
        return (self._ends[b - 1] if b else 0) + bisect_right(self._blocks[b], x - self._bases[b])

    def bisect_left(self, x: int) -> int:
        """As :func:`bisect.bisect_left` on the offsets."""
        b = bisect_left(self._firsts, x) - 1
        if b < 0:
            return 0
        return (self._ends[b - 1] if b else 0) + bisect_left(self._blocks[b], x - self._bases[b])

    def moved(self, i: int, m: int, new: Sequence[int], delta: int) -> Starts:
        """A copy with offsets ``[i, m)`` replaced by ``new`` and those after
        them moved by ``delta``."""
        n = len(self)
        if not 0 <= i <= m <= n:
            raise IndexError(f"moved({i}, {m}) of {n} offsets")
        bi, bm = self._span(i, m)
        first = self._ends[bi - 1] if bi else 0
        merged: list[int] = []
        for block, base in zip(self._blocks[bi:bm], self._bases[bi:bm], strict=True):
            merged += block if not base else map(base.__add__, block)
        tail = merged[m - first :]
        merged[i - first :] = new
        merged += tail if not delta else map(delta.__add__, tail)
        middle = _cut(merged)
        out = self._rebuilt(bi, bm, middle, len(new) - (m - i))
        assert isinstance(out, Starts)
        after = self._bases[bm:]
        out._bases = (
            self._bases[:bi] + [0] * len(middle) + (list(map(delta.__add__, after)) if delta else after)
        )
        firsts = self._firsts[bm:]
        out._firsts = (
            self._firsts[:bi]
            + [block[0] for block in middle]
            + (list(map(delta.__add__, firsts)) if delta else firsts)
        )
        return out

    def replaced(self, i: int, m: int, new: Sequence[int]) -> Starts:
        return self.moved(i, m, new, 0)


__all__ = ["BLOCK", "Blocks", "Starts"]
