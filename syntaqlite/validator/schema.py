"""Schemas from files: SQL files of DDL, and existing SQLite databases.

A database file is opened read-only (immutable: no lock, no file made
beside it) and its ``sqlite_schema`` read; the SQL
of each object feeds the catalog as if it were in a schema file.  Problems in
a schema file are not reported (it is not the file being checked) unless
asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic
from ..syntax.names import normalize
from ..syntax.parser import parse
from ..syntax.stack import deep_call
from ..syntax.target import DEFAULT_TARGET, Target
from ..text import Lines
from .catalog import Catalog, Column
from .checker import run_statement
from .ddl import DdlChecker
from .model import SemanticModel
from .resolve import Resolver

if TYPE_CHECKING:
    import sqlite3  # loaded by load_database only: `check` without a database does not need it

SQLITE_HEADER = b"SQLite format 3\x00"


class SchemaError(Exception):
    """A schema file that cannot be read; the message says which and why."""


class SchemaInternalError(SchemaError):
    """An exception inside syntaqlite while it read a schema statement: the
    schema would be incomplete, so it is not used (a bug to report)."""


def is_database(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


def load_sql(
    catalog: Catalog, text: str, path: str | None, target: Target = DEFAULT_TARGET, *, stored: bool = False
) -> list[Diagnostic]:
    """Apply the schema statements of ``text`` to ``catalog``; what it
    would report if checked (its syntax errors first: a statement that does
    not parse adds nothing to the schema).  ``stored``: the SQL a database
    keeps in sqlite_schema, read as SQLite reads it (db->init.busy: names
    starting with sqlite_, as ANALYZE's sqlite_stat1, are not refused).
    Runs on a deep stack, as :func:`~syntaqlite.validator.checker.check_text`
    does; raises :class:`SchemaInternalError` when the checker fails on a
    statement."""
    if not stored:
        return deep_call(lambda: _load_sql(catalog, text, path, target))
    saved = catalog.writable_schema
    catalog.writable_schema = True
    try:
        return deep_call(lambda: _load_sql(catalog, text, path, target))
    finally:
        catalog.writable_schema = saved


def _load_sql(catalog: Catalog, text: str, path: str | None, target: Target) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    resolver = Resolver(catalog, text, path, target, found.append, SemanticModel())
    ddl = DdlChecker(resolver)
    internal: list[str] = []
    result = parse(text, target)
    for stmt in result.statements:
        run_statement(resolver, ddl, stmt, internal)
        if internal:
            line, column = Lines(text).position(stmt.start)
            reason = internal[0].split(": internal error while checking: ", 1)[-1]
            raise SchemaInternalError(
                f"{path or '<schema>'}:{line}:{column}: internal error while reading this schema "
                f"statement ({reason}); a bug in syntaqlite, please report it"
            )
    return [*result.errors, *found]


def load_database(catalog: Catalog, path: Path, target: Target = DEFAULT_TARGET) -> None:
    """Read the schema of an existing database file, creating no file
    beside it (see :func:`_read_only`)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="syntaqlite-") as scratch:
        _load_database(catalog, path, target, Path(scratch))


def _read_only(path: Path, scratch: Path) -> sqlite3.Connection:
    """A read-only connection to the database ``path`` that leaves nothing
    beside it, also in a read-only directory.  Opened as immutable, SQLite
    takes no lock and makes no ``-shm`` or ``-wal`` file; but it then reads
    the main file only, so a WAL database whose ``-wal`` file holds
    transactions not yet copied back is read from a copy of both files
    in ``scratch``."""
    import shutil
    import sqlite3

    resolved = path.resolve()
    wal = resolved.with_name(resolved.name + "-wal")
    try:
        pending = wal.stat().st_size > 0
    except OSError:
        pending = False
    if pending:
        copy = scratch / "schema.db"
        shutil.copyfile(resolved, copy)
        shutil.copyfile(wal, scratch / "schema.db-wal")
        return sqlite3.connect(copy.as_uri() + "?mode=ro", uri=True)
    return sqlite3.connect(resolved.as_uri() + "?mode=ro&immutable=1", uri=True)


def _load_database(catalog: Catalog, path: Path, target: Target, scratch: Path) -> None:
    import sqlite3

    try:
        con = _read_only(path, scratch)
    except (sqlite3.Error, OSError) as exc:
        raise SchemaError(f"{path}: cannot open as a SQLite database: {exc}") from None
    try:
        rows = con.execute(
            "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type = 'table' DESC, rowid"
        ).fetchall()
        for _kind, _name, sql in rows:
            load_sql(catalog, sql + ";", str(path), target, stored=True)
        # Virtual tables: ask SQLite for their columns when it knows the module.
        for table in catalog.databases["main"].tables.values():
            if table.kind == "virtual" and not table.columns_known:
                try:
                    info = con.execute(
                        f'PRAGMA main.table_xinfo("{table.name.replace(chr(34), chr(34) * 2)}")'
                    ).fetchall()
                except sqlite3.Error:
                    continue
                table.columns = [Column(r[1], r[2] or None, hidden=bool(r[6])) for r in info]
                table.columns_known = bool(info)
    except sqlite3.Error as exc:
        raise SchemaError(f"{path}: cannot read its schema: {exc}") from None
    finally:
        con.close()
    catalog.databases["main"].known = True


def load_files(
    paths: Iterable[Path],
    target: Target = DEFAULT_TARGET,
    catalog: Catalog | None = None,
    on_problem: Callable[[str], None] | None = None,
) -> Catalog:
    """A catalog from schema files (SQL or databases), in order.  A schema
    file's syntax errors leave the schema incomplete: each is passed to
    ``on_problem`` as ``path:line:col: message``."""
    paths = list(paths)
    if not paths:  # nothing to parse: no deep thread to start (check's usual case)
        return catalog if catalog is not None else Catalog()
    return deep_call(lambda: _load_files(paths, target, catalog, on_problem))


def _load_files(
    paths: Iterable[Path],
    target: Target,
    catalog: Catalog | None,
    on_problem: Callable[[str], None] | None,
) -> Catalog:
    catalog = catalog if catalog is not None else Catalog()
    for path in paths:
        if is_database(path):
            load_database(catalog, path, target)
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise SchemaError(f"{path}: no such schema file") from None
        except UnicodeDecodeError:
            raise SchemaError(f"{path}: not valid UTF-8 and not a SQLite database") from None
        except OSError as exc:
            raise SchemaError(f"{path}: cannot read: {exc.strerror}") from None
        problems = load_sql(catalog, text, str(path), target)
        if on_problem is not None:
            lines = Lines(text)
            for d in problems:
                if d.code == "syntax":
                    line, column = lines.position(d.start)
                    on_problem(
                        f"{path}:{line}:{column}: {d.message} (this statement is left out of the schema)"
                    )
        catalog.databases["main"].known = True
    return catalog


def table_names(catalog: Catalog) -> list[str]:
    return sorted(normalize(t.name) for t in catalog.all_tables())
