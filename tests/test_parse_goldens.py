"""Parser golden files: tests/parse/{ok,err}/NAME.sql beside NAME.tree.

Each ``.tree`` is the ``syntaqlite parse`` dump of its ``.sql``; run
``pytest --update-goldens`` to accept changes.  Every statement of an ``ok``
file must also be accepted by SQLite, and every broken statement of an
``err`` file rejected by it: the goldens are checked against the real thing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from syntaqlite import parse
from syntaqlite.syntax.dump import dump_text
from syntaqlite.syntax.nodes import ErrorStatement, Statement
from syntaqlite_dev.oracle import judge

HERE = Path(__file__).parent / "parse"
OK = sorted((HERE / "ok").glob("*.sql"))
ERR = sorted((HERE / "err").glob("*.sql"))


def _statement_texts(source: str) -> list[tuple[bool, str]]:
    result = parse(source)
    out = []
    for node in result.root.children:
        if isinstance(node, (Statement, ErrorStatement)):
            out.append((isinstance(node, Statement), source[node.start : node.end]))
    return out


@pytest.mark.parametrize("path", OK, ids=lambda p: p.stem)
def test_ok(path: Path, golden: Callable[[Path, str], None]) -> None:
    source = path.read_text(encoding="utf-8")
    result = parse(source)
    assert not result.errors, [e.message for e in result.errors]
    golden(path.with_suffix(".tree"), dump_text(result))
    for _ok, text in _statement_texts(source):
        verdict = judge(text)
        assert verdict.kind != "syntax", f"SQLite rejects {text!r}: {verdict.message}"


@pytest.mark.parametrize("path", ERR, ids=lambda p: p.stem)
def test_err(path: Path, golden: Callable[[Path, str], None]) -> None:
    source = path.read_text(encoding="utf-8")
    result = parse(source)
    assert result.errors
    golden(path.with_suffix(".tree"), dump_text(result))
    for ok, text in _statement_texts(source):
        verdict = judge(text)
        if ok:
            assert verdict.kind != "syntax", f"SQLite rejects {text!r}: {verdict.message}"
        else:
            assert verdict.kind == "syntax", f"SQLite accepts {text!r} ({verdict.message})"


def test_goldens_exist() -> None:
    assert len(OK) >= 10 and len(ERR) >= 3
