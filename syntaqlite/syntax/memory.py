"""Pausing Python's cyclic garbage collector while a large tree is built.

Parsing or checking a big file allocates a million small objects that all
stay alive; every collection of the oldest generation walks all of them, so
with the collector on, a 5,000-statement file spends a third of its time in
it and finds nothing to free (syntax trees hold no reference cycles).
``gc_paused()`` turns the collector off for the duration (nesting and
threads are counted, so it comes back on only when the last user leaves);
reference counting still frees everything as usual.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import TypeVar

T = TypeVar("T")

_lock = threading.Lock()
_users = 0
_was_enabled = False


class _GcPause:
    """The context manager (a class: entering and leaving it costs half of
    what a generator-based one does, and it runs on every parse)."""

    __slots__ = ()

    def __enter__(self) -> None:
        global _users, _was_enabled
        with _lock:
            if _users == 0:
                _was_enabled = gc.isenabled()
                gc.disable()
            _users += 1

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        global _users
        with _lock:
            _users -= 1
            if _users == 0 and _was_enabled:
                gc.enable()


_PAUSE = _GcPause()


def gc_paused() -> _GcPause:
    """``with gc_paused(): ...`` runs the block with the collector off."""
    return _PAUSE


def each_paused(items: Iterator[T], body: Callable[[T], None]) -> None:
    """``body(item)`` for each of ``items`` (pieces of a large text), the
    collector off from the moment the item is made until ``body`` is done
    with it and it is freed: a collection in between would walk every
    token and node of the item, to free nothing (``body`` keeps no
    reference to it that outlives it, or its objects are walked after all)."""
    while True:
        with _PAUSE:
            item = next(items, _END)
            if item is _END:
                return
            body(item)  # type: ignore[arg-type]
            del item


_END = object()
