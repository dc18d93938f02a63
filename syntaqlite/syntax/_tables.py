"""The parser tables, loaded from ``tables.json`` (written by
``python -m syntaqlite_dev.build_tables`` from grammar/sqlite.lark).

ACTION[state] maps a terminal to a shift (the target state, >= 0), a
reduction (-1 - rule index) or ERROR_ACTION; reductions Lemon would make by
default are in DEFAULT[state] instead.  GOTO[state] maps a nonterminal to the
state after it.  RULES[i] is (left-hand side, length, node kind, tree mode,
shape of the right-hand side).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

_DATA: dict[str, Any] = json.loads(Path(__file__).with_name("tables.json").read_text(encoding="utf-8"))

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
