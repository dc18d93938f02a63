"""Did-you-mean: the known name closest to a misspelled one."""

from __future__ import annotations

from collections.abc import Iterable

from ..syntax.names import normalize, unquote


def distance(a: str, b: str) -> int:
    """Edit distance counting a swap of two neighbours as one edit (optimal
    string alignment)."""
    if a == b:
        return 0
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def closest(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like ``name`` (compared case-insensitively,
    unquoted), if it is a likely typo of it: at most one edit per three
    characters (at least one), as rustc judges, and not every character."""
    wanted = normalize(name)
    if not wanted:
        return None
    limit = max(1, len(wanted) // 3)
    best: tuple[int, int, str] | None = None
    for c in candidates:
        key = normalize(c)
        if not key or key == wanted or abs(len(key) - len(wanted)) > limit:
            continue
        d = distance(wanted, key)
        # A name no letter of which survives is not a typo of it (b -> a).
        if (
            d <= limit
            and d < min(len(wanted), len(key))
            and (best is None or (d, abs(len(key) - len(wanted))) < best[:2])
        ):
            best = (d, abs(len(key) - len(wanted)), unquote(c))
    return best[2] if best is not None else None
