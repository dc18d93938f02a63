"""The parser tables, loaded from ``tables.json`` (written by
``python -m syntaqlite_dev.build_tables`` from grammar/sqlite.lark).

ACTION[state] maps a terminal to a shift (the target state, >= 0), a
reduction (-1 - rule index) or ERROR_ACTION; reductions Lemon would make by
default are in DEFAULT[state] instead.  GOTO[state] maps a nonterminal to the
state after it.  RULES[i] is (left-hand side, length, node kind, tree mode,
shape of the right-hand side).

An installed wheel also holds ``tables.marshal``, the same data in
:mod:`marshal`'s format, written by the wheel's build hook
(``hatch_build.py``, :func:`frozen`) for the Python that builds it: it loads
in a fifth of the time and needs no JSON decoder.  Its first line names the
Python (marshal's format is only promised within one) and the exact
``tables.json`` it was made from; with any other, the JSON is read.

Where no current ``tables.marshal`` came with the package (a checkout, an
editable install, a wheel built by another Python), the first load writes
one into ``__pycache__`` (``tables.<cache tag>.marshal``), the way Python
caches byte-code, and later loads read that: the same tag check, the same
rules (not with ``PYTHONDONTWRITEBYTECODE``; a directory that cannot be
written is left alone).
"""

from __future__ import annotations

import binascii
import marshal
import os
import sys
from typing import Any

_HERE = os.path.dirname(os.path.abspath(__file__))
JSON_PATH = os.path.join(_HERE, "tables.json")
MARSHAL_PATH = os.path.join(_HERE, "tables.marshal")
CACHE_PATH: str | None = (
    os.path.join(_HERE, "__pycache__", f"tables.{sys.implementation.cache_tag}.marshal")
    if sys.implementation.cache_tag
    else None
)


def _tag(source: bytes) -> bytes:
    """What ``tables.marshal`` must start with to stand for ``source``
    (the bytes of tables.json) under this Python."""
    return (
        f"syntaqlite-tables {sys.implementation.cache_tag} {len(source)} {binascii.crc32(source)}\n".encode()
    )


def frozen(source: bytes) -> bytes:
    """``tables.marshal`` for ``source``, the bytes of tables.json."""
    import json

    return _tag(source) + marshal.dumps(json.loads(source))


def _read_current(path: str, tag: bytes) -> dict[str, Any] | None:
    """The tables in the marshal file ``path`` if it starts with ``tag``."""
    try:
        with open(path, "rb") as fh:
            blob = fh.read()
    except OSError:
        return None
    if not blob.startswith(tag):
        return None
    try:
        data = marshal.loads(blob[len(tag) :])
    except (EOFError, ValueError, TypeError):
        return None
    return data if isinstance(data, dict) else None


def _write_cache(path: str, tag: bytes, data: dict[str, Any]) -> None:
    """Write ``path`` whole or not at all (a temporary file renamed over it:
    a process loading at the same moment reads the old file or the new)."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as fh:
            fh.write(tag + marshal.dumps(data))
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass


def load(
    json_path: str = JSON_PATH, marshal_path: str = MARSHAL_PATH, cache_path: str | None = CACHE_PATH
) -> dict[str, Any]:
    """The tables: from ``marshal_path`` or else ``cache_path`` when it was
    made from ``json_path`` by this Python, else from ``json_path`` (and
    then ``cache_path`` is written for the next time)."""
    with open(json_path, "rb") as fh:
        source = fh.read()
    tag = _tag(source)
    for path in (marshal_path, cache_path):
        if path is not None:
            data = _read_current(path, tag)
            if data is not None:
                return data
    import json

    loaded: dict[str, Any] = json.loads(source)
    if cache_path is not None and not sys.dont_write_bytecode:
        _write_cache(cache_path, tag, loaded)
    return loaded


_DATA = load()

GRAMMAR_SHA256: str = _DATA["grammar_sha256"]
ERROR_ACTION: int = _DATA["error_action"]
WILDCARD: str | None = _DATA["wildcard"]
FALLBACK: frozenset[str] = frozenset(_DATA["fallback"])
TERMINALS: list[str] = _DATA["terminals"]
STMT_END: frozenset[int] = frozenset(_DATA["stmt_end"])
RULES: list[tuple[str, int, str, str, str]] = [tuple(r) for r in _DATA["rules"]]  # type: ignore[misc]
DEFAULT: list[int | None] = _DATA["default"]
ACTION: list[dict[str, int]] = _DATA["action"]
GOTO: list[dict[str, int]] = _DATA["goto"]
del _DATA
