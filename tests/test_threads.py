"""Parsing shares no mutable state: eight threads parsing the corpus sample
at once, for different targets, get exactly what one thread gets (the tree,
token for token, and every diagnostic)."""

from __future__ import annotations

import random
import sys
import threading

from syntaqlite import parse
from syntaqlite.syntax.dump import dump_text
from syntaqlite.syntax.target import DEFAULT_TARGET, Target
from tests.conftest import load_sample

THREADS = 8

# The newest default build, an older release (its grammar actions reject
# newer syntax, and plain syntax errors are explained by a second parse for
# the newest release), and an old release with options that remove syntax
# and keywords.
TARGETS = (
    DEFAULT_TARGET,
    Target.from_options("3.30.0"),
    Target.from_options("3.24.0", ["SQLITE_OMIT_CTE", "SQLITE_OMIT_WINDOWFUNC", "SQLITE_OMIT_TRIGGER"]),
)


def outcome(sql: str, target: Target) -> str:
    result = parse(sql, target=target)
    kinds = " ".join(t.kind for t in result.tokens)
    return dump_text(result) + kinds + "\n" + repr(result.errors)


def test_concurrent_parses_match_a_single_thread() -> None:
    rows = load_sample("real")[::5] + load_sample("mutants")[::5]
    sqls = [row["sql"] for row in rows]
    expected = {target: [outcome(sql, target) for sql in sqls] for target in TARGETS}
    assert any("error" in text for text in expected[TARGETS[1]])

    mismatches: list[tuple[int, int]] = []
    failures: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def work(k: int) -> None:
        try:
            order = list(range(len(sqls)))
            random.Random(k).shuffle(order)
            start.wait()
            for n, i in enumerate(order):
                # every thread mixes the targets, each statement for one of them
                target = TARGETS[(k + n) % len(TARGETS)]
                if outcome(sqls[i], target) != expected[target][i]:
                    mismatches.append((k, i))
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            failures.append(exc)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-4)  # switch threads often
    try:
        threads = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    assert not failures, failures[0]
    assert not mismatches, [sqls[i] for _k, i in mismatches[:5]]
