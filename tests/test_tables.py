"""The committed parser tables match grammar/sqlite.lark."""

from __future__ import annotations

import json
import marshal
import sys
from pathlib import Path

import pytest

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

    def load() -> dict[str, object]:
        return _tables.load(str(json_path), str(marshal_path), None)

    from_json = load()  # no marshal file
    marshal_path.write_bytes(_tables.frozen(source))
    assert load() == from_json == json.loads(source)
    # Made from other tables, by another Python, or damaged: the JSON is read.
    marshal_path.write_bytes(_tables.frozen(source.replace(b'"ANY"', b'"ALL"', 1)))
    assert load() == from_json
    marshal_path.write_bytes(_tables.frozen(source).replace(b"cpython-", b"cpython-x", 1))
    assert load() == from_json
    marshal_path.write_bytes(_tables.frozen(source)[:-100])
    assert load() == from_json


def cached(path: Path, source: bytes) -> object:
    """The tables in the marshal file ``path``, which must be tagged for ``source``."""
    blob, tag = path.read_bytes(), _tables.frozen(source).partition(b"\n")[0] + b"\n"
    assert blob.startswith(tag)
    return marshal.loads(blob[len(tag) :])


def test_without_a_current_marshal_file_the_first_load_caches_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    source = Path(_tables.JSON_PATH).read_bytes()
    json_path, cache_path = tmp_path / "tables.json", tmp_path / "__pycache__" / "tables.x.marshal"
    json_path.write_bytes(source)
    missing = str(tmp_path / "tables.marshal")
    expected = json.loads(source)
    assert _tables.load(str(json_path), missing, str(cache_path)) == expected
    assert cached(cache_path, source) == expected  # what a wheel ships, made here
    assert list(cache_path.parent.iterdir()) == [cache_path]  # no temporary file left
    # Read from the cache now: a cache for other tables is replaced, not used.
    changed = source.replace(b'"ANY"', b'"ALL"', 1)
    json_path.write_bytes(changed)
    assert _tables.load(str(json_path), missing, str(cache_path)) == json.loads(changed)
    assert cached(cache_path, changed) == json.loads(changed)


def test_the_cache_follows_the_byte_code_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = Path(_tables.JSON_PATH).read_bytes()
    json_path = tmp_path / "tables.json"
    json_path.write_bytes(source)
    missing = str(tmp_path / "tables.marshal")
    # PYTHONDONTWRITEBYTECODE (sys.dont_write_bytecode): nothing written.
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    cache_path = tmp_path / "__pycache__" / "tables.x.marshal"
    assert _tables.load(str(json_path), missing, str(cache_path)) == json.loads(source)
    assert not cache_path.parent.exists()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    # A directory that cannot be written (here: a file stands where it would be).
    (tmp_path / "blocked").write_text("")
    assert _tables.load(str(json_path), missing, str(tmp_path / "blocked" / "t.marshal")) == json.loads(
        source
    )


def test_every_node_kind_has_a_class() -> None:
    built = {kind for _lhs, _n, kind, mode, shape in _tables.RULES if mode == "node"}
    assert built <= registered_kinds()


def test_node_kinds_are_lower_case_and_token_kinds_upper_case() -> None:
    """Tree walkers compare ``child.kind`` without type tests
    (``Node.child_kind``): a node kind never equals a token kind."""
    built = {kind for _lhs, _n, kind, mode, _shape in _tables.RULES if mode == "node"}
    assert all(kind == kind.lower() for kind in built | registered_kinds())
    assert all(term == term.upper() for term in _tables.TERMINALS)
