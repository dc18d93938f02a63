"""``syntaqlite parse`` and ``syntaqlite tokenize``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from ..config import ConfigError
from ..diagnostics import Diagnostic, render
from ..syntax.dump import dump_lines, error_line, json_chunks, to_json
from ..syntax.lexer import tokenize
from ..syntax.memory import each_paused
from ..syntax.parser import parse
from ..syntax.stream import Piece, parse_stream
from ..syntax.target import Target
from ..text import Lines
from .common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    Common,
    common_options,
    iter_sources,
    make_target,
    max_size_option,
    resolve_target,
    stdin_hint,
    styler,
    target_options,
)
from .files import InputError, Source


def _target_for(
    source: Source, sqlite_version: str | None, sqlite_cflags: tuple[str, ...], common: Common
) -> Target:
    """The command-line target over the configuration of the file (or of
    the current directory for -e and stdin).  Raises ConfigError."""
    config = common.config_for(source.file or Path.cwd())
    common.debug(f"{source.path}: configuration: {config.path or 'none (defaults)'}")
    return resolve_target(sqlite_version, sqlite_cflags, config)


@click.command("parse")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True, readable=False))
@click.option("-e", "--expr", "expr", metavar="SQL", help="Parse this SQL instead of files.")
@click.option("--json", "as_json", is_flag=True, help="Print the tree as JSON.")
@target_options
@max_size_option
@common_options
def parse_command(
    files: tuple[str, ...],
    expr: str | None,
    as_json: bool,
    sqlite_version: str | None,
    sqlite_cflags: tuple[str, ...],
    max_file_size: int | None,
    common: Common,
) -> None:
    """Parse SQL and print its syntax tree.

    Reads FILES, or the SQL given with -e, or standard input.  The SQLite to
    parse for comes from --sqlite-version/--sqlite-cflag, else from the
    configuration (syntaqlite.toml or [tool.syntaqlite] in pyproject.toml).
    Exits 0 when everything parsed, 1 when there were syntax errors, 2 on
    usage or I/O errors.
    """
    if sqlite_version is not None or sqlite_cflags:
        make_target(sqlite_version, sqlite_cflags)  # a usage error now, not per file
    status = EXIT_OK
    documents = []
    streamed = False
    quiet = common.quiet
    color = common.colored()
    if expr is None and (not files or "-" in files):
        stdin_hint("parse")
    for source in iter_sources(files, expr, max_file_size, common):
        if isinstance(source, InputError):
            click.echo(f"error: {source}", err=True)
            status = EXIT_USAGE
            continue
        try:
            target = _target_for(source, sqlite_version, sqlite_cflags, common)
        except ConfigError as exc:
            click.echo(f"error: {exc}", err=True)
            status = EXIT_USAGE
            continue
        if quiet or not as_json:  # statement by statement: memory follows a piece
            if not quiet and files and len(files) > 1:
                click.echo(f"==> {source.path} <==")
            if _stream_dump(source, target, quiet, color):
                status = max(status, EXIT_FINDINGS)
            continue
        if len(files) <= 1:  # one document: streamed too
            streamed = True
            if _stream_json(source, target, color):
                status = max(status, EXIT_FINDINGS)
            continue
        result = parse(source.text, target)
        if result.errors and status == EXIT_OK:
            status = EXIT_FINDINGS
        for err in result.errors:
            click.echo(render(err, source.text, source.path, style=styler(color)), err=True, color=color)
        documents.append(to_json(result, source.path))
    if as_json and not quiet and not streamed:
        payload = documents[0] if len(documents) == 1 else documents
        for chunk in json_chunks(payload):  # trees can be thousands of levels deep
            sys.stdout.write(chunk)
        sys.stdout.write("\n")
    sys.exit(status)


def _echo_errors(piece: Piece, lines: Lines, source: Source, color: bool) -> list[Diagnostic]:
    """The piece's syntax errors, placed in the whole text and printed on
    stderr."""
    out = []
    for err in piece.result.errors:
        moved = err.replace(start=err.start + piece.offset, end=err.end + piece.offset)
        click.echo(render(moved, lines, source.path, style=styler(color)), err=True, color=color)
        out.append(moved)
    return out


def _next_column(text: str, column: int) -> int:
    """The column where the piece after ``text`` starts, ``text`` starting
    at ``column`` of its first line."""
    brk = max(text.rfind("\n"), text.rfind("\r"))
    return len(text) - brk if brk >= 0 else column + len(text)


def _stream_dump(source: Source, target: Target, quiet: bool, color: bool) -> bool:
    """Print the syntax errors of ``source`` (on stderr) and, unless
    ``quiet``, its tree as :func:`dump_text` prints it, parsing it piece by
    piece (``parse_stream``); whether there were errors."""
    lines = Lines(source.text)
    error_lines: list[str] = []  # the dump lists them last
    printed = found = False
    column = 1  # where the next piece starts on its first line

    def each(piece: Piece) -> None:
        nonlocal printed, found, column
        for moved in _echo_errors(piece, lines, source, color):
            found = True
            if not quiet:
                line, col = lines.position(moved.start)
                error_lines.append(error_line(line, col, moved.message))
        if not quiet:
            # in batches of lines: one statement's dump can be far larger than its text
            batch: list[str] = []
            for entry in dump_lines(piece.result, line=piece.line, column=column):
                batch.append(entry)
                if len(batch) == 4096:
                    click.echo("\n".join(batch))
                    batch.clear()
                    printed = True
            if batch:
                click.echo("\n".join(batch))
                printed = True
        column = _next_column(piece.text, column)

    # the collector off while a piece is alive (see check_stream)
    each_paused(parse_stream(source.text, target), each)
    if not quiet:
        for entry in error_lines:
            click.echo(entry)
        if not printed and not error_lines:
            click.echo("")
    return found


def _stream_json(source: Source, target: Target, color: bool) -> bool:
    """Print the syntax errors of ``source`` (on stderr) and its tree as
    JSON, what ``json_chunks(to_json(...))`` prints, parsing it piece by
    piece: the statements are written as they come, the comments and
    errors (a few) are kept for the end.  Whether there were errors."""
    lines = Lines(source.text)
    write = sys.stdout.write
    write("{\n  " + json.dumps("path") + ": " + json.dumps(source.path, ensure_ascii=False) + ",\n  ")
    write(json.dumps("statements") + ": ")
    comments: list[dict[str, Any]] = []
    errors: list[dict[str, object]] = []
    opened = False
    column = 1  # where the next piece starts on its first line

    def each(piece: Piece) -> None:
        nonlocal opened, column
        errors.extend(moved.to_dict(lines) for moved in _echo_errors(piece, lines, source, color))
        opened = _write_piece(piece, source.path, column, opened, comments)
        column = _next_column(piece.text, column)

    # the collector off while a piece is alive (see check_stream)
    each_paused(parse_stream(source.text, target), each)
    write("\n  ]" if opened else "[]")
    for key, value in (("comments", comments), ("errors", errors)):
        write(",\n  " + json.dumps(key) + ": ")
        for chunk in json_chunks(value, depth=1):
            write(chunk)
    write("\n}\n")
    return bool(errors)


def _write_piece(piece: Piece, path: str, column: int, opened: bool, comments: list[dict[str, Any]]) -> bool:
    """Write the piece's statements as JSON (``opened``: one was written
    before) and keep its comments; whether one has been written now.  (Its
    JSON goes when this returns, while the collector is off.)"""
    write = sys.stdout.write
    data = to_json(piece.result, path, offset=piece.offset, line=piece.line, column=column)
    for statement in data["statements"]:
        write(("[" if not opened else ",") + "\n    ")
        opened = True
        for chunk in json_chunks(statement, depth=2):  # trees can be thousands of levels deep
            write(chunk)
    comments.extend(data["comments"])
    return opened


@click.command("tokenize")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True, readable=False))
@click.option("-e", "--expr", "expr", metavar="SQL", help="Tokenize this SQL instead of files.")
@click.option("--json", "as_json", is_flag=True, help="Print the tokens as JSON lines.")
@target_options
@max_size_option
@common_options
def tokenize_command(
    files: tuple[str, ...],
    expr: str | None,
    as_json: bool,
    sqlite_version: str | None,
    sqlite_cflags: tuple[str, ...],
    max_file_size: int | None,
    common: Common,
) -> None:
    """Print the tokens of SQL, one per line: kind, position, text.

    Exits 0, or 1 when there is an ILLEGAL token (text SQLite cannot
    tokenize), 2 on usage or I/O errors; with -q only ILLEGAL tokens are
    printed.
    """
    if sqlite_version is not None or sqlite_cflags:
        make_target(sqlite_version, sqlite_cflags)  # a usage error now, not per file
    status = EXIT_OK
    if expr is None and (not files or "-" in files):
        stdin_hint("tokenize")
    for source in iter_sources(files, expr, max_file_size, common):
        if isinstance(source, InputError):
            click.echo(f"error: {source}", err=True)
            status = EXIT_USAGE
            continue
        try:
            target = _target_for(source, sqlite_version, sqlite_cflags, common)
        except ConfigError as exc:
            click.echo(f"error: {exc}", err=True)
            status = EXIT_USAGE
            continue
        for tok in tokenize(source.text, target.keywords, target.lex_dialect):
            if common.quiet and tok.kind != "ILLEGAL":
                continue
            if as_json:
                click.echo(
                    json.dumps(
                        {
                            "kind": tok.kind,
                            "text": tok.text,
                            "start": tok.start,
                            "line": tok.line,
                            "column": tok.column,
                        },
                        ensure_ascii=False,
                    )
                )
            else:
                click.echo(f"{tok.line}:{tok.column}\t{tok.kind}\t{json.dumps(tok.text, ensure_ascii=False)}")
            if tok.kind == "ILLEGAL" and status == EXIT_OK:
                status = EXIT_FINDINGS
    sys.exit(status)
