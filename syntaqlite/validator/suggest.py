"""Did-you-mean: the known name closest to a misspelled one."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from ..syntax.names import normalize, unquote


def distance(a: str, b: str, limit: int | None = None) -> int:
    """Edit distance counting a swap of two neighbours as one edit (optimal
    string alignment).  With ``limit``, any distance above it comes back as
    ``limit + 1`` (only a band of the table is computed, and the work stops
    as soon as every path is over the limit)."""
    if a == b:
        return 0
    n, m = len(a), len(b)
    big = (limit + 1) if limit is not None else n + m
    if abs(n - m) >= big:
        return big
    band = big if limit is not None else max(n, m)
    prev2: list[int] = []
    prev = [j if j < big else big for j in range(m + 1)]
    for i in range(1, n + 1):
        ca = a[i - 1]
        lo = max(1, i - band)
        hi = min(m, i + band)
        cur = [big] * (m + 1)
        cur[0] = i if i < big else big
        best = cur[0]
        for j in range(lo, hi + 1):
            cb = b[j - 1]
            v = prev[j - 1] + (ca != cb)
            if prev[j] + 1 < v:
                v = prev[j] + 1
            if cur[j - 1] + 1 < v:
                v = cur[j - 1] + 1
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb and prev2[j - 2] + 1 < v:
                v = prev2[j - 2] + 1
            cur[j] = v if v < big else big
            if v < best:
                best = v
        if limit is not None and best >= big:
            return big
        prev2, prev = prev, cur
    return prev[m] if prev[m] < big else big


def closest(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like ``name`` (compared case-insensitively,
    unquoted), if it is a likely typo of it: at most one edit per three
    characters (at least one), as rustc judges, and not every character."""
    return _closest(normalize(name), tuple(candidates))


@lru_cache(maxsize=4096)
def _closest(wanted: str, candidates: tuple[str, ...]) -> str | None:
    # One letter is never a typo of another name: the edit would replace it all.
    if len(wanted) < 2:
        return None
    limit = max(1, len(wanted) // 3)
    letters = frozenset(wanted)
    best: tuple[int, int, str] | None = None
    for c in candidates:
        key, key_letters = _key(c)
        if not key or key == wanted or abs(len(key) - len(wanted)) > limit:
            continue
        # Each edit brings at most one letter the other name lacks: a cheap
        # bound that spares the table for most candidates.
        if len(letters - key_letters) > limit or len(key_letters - letters) > limit:
            continue
        d = distance(wanted, key, limit)
        # A name no letter of which survives is not a typo of it (b -> a).
        if (
            d <= limit
            and d < min(len(wanted), len(key))
            and (best is None or (d, abs(len(key) - len(wanted))) < best[:2])
        ):
            best = (d, abs(len(key) - len(wanted)), unquote(c))
    return best[2] if best is not None else None


@lru_cache(maxsize=65536)
def _key(candidate: str) -> tuple[str, frozenset[str]]:
    key = normalize(candidate)
    return key, frozenset(key)
