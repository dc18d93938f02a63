"""The committed parser tables match grammar/sqlite.lark."""

from __future__ import annotations

import json
from pathlib import Path

from syntaqlite.syntax import _tables
from syntaqlite.syntax.nodes import registered_kinds
from syntaqlite_dev import build_tables


def test_tables_are_up_to_date() -> None:
    text = build_tables.GRAMMAR_PATH.read_text(encoding="utf-8")
    expected = build_tables.render(build_tables.build(text))
    assert build_tables.OUTPUT_PATH.read_text(encoding="utf-8") == expected, (
        "syntaqlite/syntax/tables.json is stale: run python -m syntaqlite_dev.build_tables"
    )
    assert build_tables.build(text).grammar_sha256 == _tables.GRAMMAR_SHA256


def test_marshal_form_loads_the_same_tables_and_only_when_current(tmp_path: Path) -> None:
    source = Path(_tables.JSON_PATH).read_bytes()
    json_path, marshal_path = tmp_path / "tables.json", tmp_path / "tables.marshal"
    json_path.write_bytes(source)
    from_json = _tables.load(str(json_path), str(marshal_path))  # no marshal file
    marshal_path.write_bytes(_tables.frozen(source))
    assert _tables.load(str(json_path), str(marshal_path)) == from_json == json.loads(source)
    # Made from other tables, by another Python, or damaged: the JSON is read.
    marshal_path.write_bytes(_tables.frozen(source.replace(b'"ANY"', b'"ALL"', 1)))
    assert _tables.load(str(json_path), str(marshal_path)) == from_json
    marshal_path.write_bytes(_tables.frozen(source).replace(b"cpython-", b"cpython-x", 1))
    assert _tables.load(str(json_path), str(marshal_path)) == from_json
    marshal_path.write_bytes(_tables.frozen(source)[:-100])
    assert _tables.load(str(json_path), str(marshal_path)) == from_json


def test_every_node_kind_has_a_class() -> None:
    built = {kind for _lhs, _n, kind, mode, shape in _tables.RULES if mode == "node"}
    assert built <= registered_kinds()


def test_node_kinds_are_lower_case_and_token_kinds_upper_case() -> None:
    """Tree walkers compare ``child.kind`` without type tests
    (``Node.child_kind``): a node kind never equals a token kind."""
    built = {kind for _lhs, _n, kind, mode, _shape in _tables.RULES if mode == "node"}
    assert all(kind == kind.lower() for kind in built | registered_kinds())
    assert all(term == term.upper() for term in _tables.TERMINALS)
