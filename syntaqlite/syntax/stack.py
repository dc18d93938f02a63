"""Running an analysis that recurses as deep as SQLite lets SQL nest.

Parsing, the formatter's layout and the printer walk trees iteratively, but
the validator follows SQLite's own recursion (a subquery in FROM resolves
its FROM clause, a CTE resolves the CTE it names ...), several Python frames
a level.  SQLite accepts 415 FROM subqueries nested in each other, 999 CTEs
each reading the one before and expressions 1000 deep, which is more than
Python's default recursion limit of 1000 frames allows.

:func:`deep_call` runs a function in a thread of its own with a large stack
(``STACK_BYTES``, reserved address space: pages are used only as deep as the
recursion goes) while the interpreter's recursion limit is raised to
``RECURSION_LIMIT`` (it is one setting for every thread, so it is raised
while any deep call runs and put back after the last).  A call made from a
deep thread runs in place.  The thread costs about 0.2 ms, paid once per
checked text, not per statement.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

STACK_BYTES = 64 * 1024 * 1024
"""The deep thread's stack (Python-to-Python calls use little of it; C
calls in between use more): ``tests/test_deep_nesting.py`` checks SQLite's
deepest statements with a sixteenth of it."""
RECURSION_LIMIT = 100_000
"""Python frames a deep thread may stack; SQLite's deepest statements use
about 6,000 (999 CTEs, each reading the one before)."""

_lock = threading.Lock()
_active = 0
_saved_limit = 0
_local = threading.local()


def in_deep_thread() -> bool:
    """Whether the caller runs inside :func:`deep_call`."""
    return bool(getattr(_local, "deep", False))


def _enter() -> None:
    global _active, _saved_limit
    with _lock:
        if _active == 0:
            _saved_limit = sys.getrecursionlimit()
            sys.setrecursionlimit(max(_saved_limit, RECURSION_LIMIT))
        _active += 1


def _leave() -> None:
    global _active
    with _lock:
        _active -= 1
        if _active == 0:
            sys.setrecursionlimit(_saved_limit)


def deep_call(fn: Callable[[], T]) -> T:
    """``fn()``, run on a thread with a ``STACK_BYTES`` stack and a raised
    recursion limit; its result is returned and its exception raised here."""
    if in_deep_thread():
        return fn()
    result: list[T] = []
    error: list[BaseException] = []

    def run() -> None:
        _local.deep = True
        try:
            result.append(fn())
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            error.append(exc)

    thread = threading.Thread(target=run, name="syntaqlite-deep", daemon=True)
    _enter()
    try:
        with _lock:
            previous = threading.stack_size(STACK_BYTES)
            try:
                thread.start()
            finally:
                threading.stack_size(previous)
        thread.join()
    finally:
        _leave()
    if error:
        raise error[0]
    return result[0]


__all__ = ["RECURSION_LIMIT", "STACK_BYTES", "deep_call", "in_deep_thread"]
