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
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from typing import Any

_HERE = os.path.dirname(os.path.abspath(__file__))
JSON_PATH = os.path.join(_HERE, "tables.json")
MARSHAL_PATH = os.path.join(_HERE, "tables.marshal")


def _tag(source: bytes) -> bytes:
    """What ``tables.marshal`` must start with to stand for ``source``
    (the bytes of tables.json) under this Python."""
    return f"syntaqlite-tables {sys.implementation.cache_tag} {len(source)} {zlib.crc32(source)}\n".encode()


def frozen(source: bytes) -> bytes:
    """``tables.marshal`` for ``source``, the bytes of tables.json."""
    import json

    return _tag(source) + marshal.dumps(json.loads(source))


def load(json_path: str = JSON_PATH, marshal_path: str = MARSHAL_PATH) -> dict[str, Any]:
    """The tables: from ``marshal_path`` when it was made from
    ``json_path`` by this Python, else from ``json_path``."""
    with open(json_path, "rb") as fh:
        source = fh.read()
    try:
        with open(marshal_path, "rb") as fh:
            blob = fh.read()
    except OSError:
        blob = b""
    tag = _tag(source)
    if blob.startswith(tag):
        try:
            data = marshal.loads(blob[len(tag) :])
        except (EOFError, ValueError, TypeError):
            data = None
        if isinstance(data, dict):
            return data
    import json

    loaded: dict[str, Any] = json.loads(source)
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
