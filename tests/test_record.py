"""``Record``, the value classes' base (``syntaqlite/_record.py``): every
record's ``__init__`` takes its fields, in ``__slots__`` order, so that
equality, hashing, ``repr``, :meth:`Record.replace` and pickling (worker
processes) see every field."""

from __future__ import annotations

import importlib
import inspect
import pickle

import pytest

from syntaqlite._record import Record
from syntaqlite.diagnostics import Diagnostic, Related
from syntaqlite.fmt.options import FormatOptions, OptionsError
from syntaqlite.syntax.target import Target, TargetError

MODULES = [
    "syntaqlite.config",
    "syntaqlite.diagnostics",
    "syntaqlite.fmt.options",
    "syntaqlite.syntax.features",
    "syntaqlite.syntax.stream",
    "syntaqlite.syntax.target",
    "syntaqlite.validator.declared",
    "syntaqlite.cli.common",
    "syntaqlite.cli.files",
    "syntaqlite.cli.fmt",
    "syntaqlite.cli.check",
    "syntaqlite.cli.report",
    "syntaqlite.validator.builtins",
    "syntaqlite.validator.catalog",
    "syntaqlite.validator.checker",
    "syntaqlite.validator.definitions",
    "syntaqlite.validator.model",
    "syntaqlite.validator.rules.base",
    "syntaqlite.validator.stream",
    "syntaqlite.validator.vtab_modules",
]


def records() -> list[type[Record]]:
    for name in MODULES:
        importlib.import_module(name)
    out: list[type[Record]] = []
    todo = list(Record.__subclasses__())
    while todo:
        cls = todo.pop()
        out.append(cls)
        todo.extend(cls.__subclasses__())
    return sorted(out, key=lambda c: c.__qualname__)


@pytest.mark.parametrize("cls", records(), ids=lambda c: c.__qualname__)
def test_init_takes_the_fields_in_slot_order(cls: type[Record]) -> None:
    params = [p for p in inspect.signature(cls.__init__).parameters if p != "self"]
    fields = [name for name in cls.__slots__ if not name.startswith("_")]
    assert params == fields
    assert not cls.__dict__.get("__dataclass_fields__")


def test_equality_hash_replace_and_pickle() -> None:
    d = Diagnostic("syntax", "bad", 1, 4, related=(Related("here", 0, 1),))
    same = Diagnostic("syntax", "bad", 1, 4, related=(Related("here", 0, 1),))
    assert d == same and hash(d) == hash(same) and d != d.replace(end=5)
    moved = d.replace(start=2, end=6)
    assert (moved.start, moved.end, moved.message, moved.related) == (2, 6, "bad", d.related)
    assert pickle.loads(pickle.dumps(d)) == d
    assert "message='bad'" in repr(d)
    with pytest.raises(TypeError, match="no field 'nope'"):
        d.replace(nope=1)


def test_replace_runs_the_checks() -> None:
    with pytest.raises(OptionsError, match="line-width"):
        FormatOptions().replace(line_width=0)
    with pytest.raises(TargetError):
        Target().replace(cflags=frozenset({"SQLITE_NO_SUCH_OPTION"}))


def test_uncompared_fields_are_left_out() -> None:
    from syntaqlite.syntax.features import FEATURES

    feature = FEATURES[0]
    assert feature == feature.replace(test=None, token_test=None)
    assert hash(feature) == hash(feature.replace(test=None, token_test=None))
