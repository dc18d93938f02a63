"""Equality and hashing of the classes of the modules mypyc compiles are the
same compiled as pure.  ``tests/test_compiled.py`` runs this file against the
compiled build too.

A compiled class ignores ``__slots__``; ``Record`` (``syntaqlite/_record.py``)
compares, hashes and prints the fields its class's ``__slots__`` names, so
a compiled record would find none there but ``Record``'s own empty one:
every instance would compare equal to every other of its class, with one
hash, and no error anywhere.  So no class of a compiled module is a record,
and the resolver's working state (``validator/resolve/scope.py``) compares
by identity, which is what the resolver relies on (it tells scopes, sources
and CTEs apart with ``is``)."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable

import pytest

from syntaqlite._compiled import COMPILED_MODULES
from syntaqlite._record import Record
from syntaqlite.syntax.nodes import CommonTableExpression
from syntaqlite.syntax.parser import parse
from syntaqlite.validator.catalog import Column, Table
from syntaqlite.validator.model import Referent
from syntaqlite.validator.resolve import scope as sc


def classes_of(module_name: str) -> list[type]:
    module = importlib.import_module(module_name)
    return [cls for _, cls in inspect.getmembers(module, inspect.isclass) if cls.__module__ == module_name]


@pytest.mark.parametrize("module_name", COMPILED_MODULES)
def test_no_compiled_class_is_a_record(module_name: str) -> None:
    records = [cls.__qualname__ for cls in classes_of(module_name) if issubclass(cls, Record)]
    assert records == [], f"{module_name}: records in a compiled module: {records}"


def working_state() -> list[tuple[object, object]]:
    """Two instances of each class of scope.py, made from the same arguments."""
    table = Table("t", "main", columns=[Column("a", "INTEGER"), Column("b")])
    referent = Referent("table", "table:main.t", "t")
    root = parse("WITH c AS (SELECT 1) SELECT * FROM c").root
    assert root is not None
    cte = next(n for n in root.walk() if isinstance(n, CommonTableExpression))
    scope = sc.Scope([])
    makers: list[Callable[[], object]] = [
        lambda: sc.Source.of_table(table, referent, None),
        lambda: sc.Source("excluded", None, qualifier_only=True),
        lambda: sc.Scope([], None, phase="FROM"),
        lambda: sc.Ctx(scope, clause="WHERE"),
        lambda: sc.ResultItem("a", None),
        lambda: sc.Core(scope, []),
        lambda: sc.Shape(["a"], None),
        lambda: sc.Cte("c", cte, None, referent),
        lambda: sc.StatementState(),
    ]
    return [(make(), make()) for make in makers]


@pytest.mark.parametrize("a,b", working_state(), ids=lambda v: type(v).__name__)
def test_working_state_compares_and_hashes_by_identity(a: object, b: object) -> None:
    assert type(a) is type(b)
    assert a == a
    assert (a != a) is False
    assert a != b
    assert (a == b) is False
    assert hash(a) == hash(a) and hash(a) != hash(b)
    assert len({a, b}) == 2
    assert a in [b, a] and a not in [b]
    assert repr(a).startswith(("<syntaqlite.validator.resolve.scope.", f"<{type(a).__name__} "))


def test_every_class_of_scope_is_covered() -> None:
    covered = {type(a) for a, _ in working_state()}
    assert covered == set(classes_of("syntaqlite.validator.resolve.scope"))


def test_records_still_compare_by_value() -> None:
    """The control: a record (the catalog's, interpreted) compares by its
    fields, and each record class names its fields (a compiled one would
    name none: ``tests/test_record.py`` checks every record's)."""
    assert Column("a", "INTEGER") == Column("a", "INTEGER") != Column("a", "TEXT")
    assert hash(Referent("table", "k", "t")) == hash(Referent("table", "k", "t"))
    assert Column("a")._fields()[:2] == ("name", "type")
