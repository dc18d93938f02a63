"""``syntaqlite check``: syntax errors and semantic diagnostics, against the
schema in the files themselves, in schema files and in configuration."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import click

from ..config import Config, ConfigError, find_config, load
from ..diagnostics import Severity, render
from ..paths import glob_paths, has_magic
from ..syntax.target import Target
from ..text import Lines, printable
from ..validator.catalog import Catalog
from ..validator.checker import INTERNAL_ERROR, check_text
from ..validator.declared import Declarations
from ..validator.rules import RULES
from ..validator.schema import SchemaError, SchemaInternalError, load_files
from .common import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    make_target,
    resolve_target,
    target_options,
    use_color,
)
from .discover import discover
from .files import InputError, Source, read_file, read_stdin
from .report import FileReport, to_concise, to_github, to_json, to_sarif


def _schema_paths(patterns: tuple[str, ...]) -> list[Path]:
    out: list[Path] = []
    for pattern in patterns:
        if has_magic(pattern):
            matches = glob_paths(pattern)
            if matches.problems:
                raise click.UsageError(f"--schema {printable(pattern)}: {matches.problems[0]}")
            if not matches.paths:
                raise click.UsageError(f"--schema {printable(pattern)}: no file matches this pattern")
            out.extend(matches.paths)
        else:
            out.append(Path(pattern))
    return out


class _Catalogs:
    """Loaded schemas, by (files, target, declarations): each file gets a
    copy to extend."""

    def __init__(self) -> None:
        self.cache: dict[tuple[tuple[str, ...], Target, Declarations], Catalog] = {}

    def get(self, files: list[Path], target: Target, declared: Declarations) -> Catalog:
        key = (tuple(str(p.resolve()) for p in files), target, declared)
        if key not in self.cache:
            self.cache[key] = load_files(
                files,
                target,
                catalog=Catalog(declared),
                on_problem=lambda m: click.echo(f"warning: schema {m}", err=True),
            )
        return copy.deepcopy(self.cache[key])


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True, readable=False))
@click.option("-e", "--expr", "expr", metavar="SQL", help="Check this SQL instead of files.")
@click.option(
    "--schema",
    "schemas",
    multiple=True,
    metavar="FILE",
    help="Schema file (.sql or a SQLite database; globs; repeatable).",
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "concise", "json", "github", "sarif"]),
    default="text",
    help="Output format: text (rustc-style), concise (one line each), json, github, sarif [default: text].",
)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--ignore", multiple=True, metavar="CODE", help="Turn a check off (repeatable).")
@click.option("--explain", metavar="CODE", help="Explain a check and exit ('all' lists them).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Use this configuration file.")
@click.option(
    "--stdin-filename", metavar="PATH", help="Where stdin's text comes from (finds its configuration)."
)
@target_options
def check_command(
    paths: tuple[str, ...],
    expr: str | None,
    schemas: tuple[str, ...],
    output: str,
    strict: bool,
    ignore: tuple[str, ...],
    explain: str | None,
    config_file: str | None,
    stdin_filename: str | None,
    sqlite_version: str | None,
    sqlite_cflags: tuple[str, ...],
) -> None:
    """Check SQL files: syntax errors, and unknown tables, columns and
    functions, wrong arity, misused aggregates ... against the schema.

    The schema comes from the files' own CREATE statements, from --schema
    files (SQL or SQLite databases, opened read-only) and from configuration
    (syntaqlite.toml or [tool.syntaqlite] in pyproject.toml: `schema` and
    `[schemas]`).  Exit status: 0 when there is no error (warnings allowed
    unless --strict), 1 when there are errors, 2 on usage or I/O errors, 3
    when syntaqlite itself failed on a statement (an internal-error
    diagnostic: a bug to report).
    """
    if explain is not None:
        sys.exit(_explain(explain))
    for code in ignore:
        if code not in RULES and code != "syntax":
            raise click.UsageError(f"--ignore {code}: unknown check; see --explain all")
    if sqlite_version is not None or sqlite_cflags:
        make_target(sqlite_version, tuple(sqlite_cflags))  # a usage error now, not per file
    cli_schema = _schema_paths(schemas)
    color = use_color(sys.stdout) and output == "text"
    catalogs = _Catalogs()
    status = EXIT_OK
    reports: list[FileReport] = []
    sources: list[Source | InputError] = []
    if expr is not None:
        sources.append(Source("<expr>", expr))
    named = tuple(p for p in paths if p != "-")
    if "-" in paths or (expr is None and not paths):
        try:
            source = read_stdin(stdin_filename or "<stdin>")
            sources.append(Source(source.path, source.text, Path(stdin_filename) if stdin_filename else None))
        except InputError as exc:
            sources.append(exc)
    if named:
        found = discover(named)
        for message in found.errors:
            click.echo(f"error: {message}", err=True)
            status = EXIT_USAGE
        for message in found.warnings:
            click.echo(f"warning: {message}", err=True)
        for f in found.files:
            try:
                sources.append(read_file(f))
            except InputError as exc:
                sources.append(exc)
    counts = {"error": 0, "warning": 0, "info": 0}
    internal = 0
    internal_schema = False
    for item in sources:
        if isinstance(item, InputError):
            click.echo(f"error: {item}", err=True)
            status = EXIT_USAGE
            continue
        source = item
        try:
            config = (
                load(Path(config_file)) or Config() if config_file else find_config(source.file or Path.cwd())
            )
            target = resolve_target(sqlite_version, tuple(sqlite_cflags), config)
            severities = dict(config.checks)
            severities.update({code: "off" for code in ignore})
            schema_files = [*config.schema_files_for(source.file), *cli_schema]
            if source.file is not None:
                # A schema file being checked is its own schema: not twice.
                me = source.file.resolve()
                schema_files = [p for p in schema_files if p.resolve() != me]
            catalog = catalogs.get(schema_files, target, config.declarations)
        except SchemaInternalError as exc:
            click.echo(f"error: {exc}", err=True)
            internal_schema = True
            continue
        except (ConfigError, SchemaError, click.UsageError) as exc:
            click.echo(f"error: {exc}", err=True)
            status = EXIT_USAGE
            continue
        result = check_text(
            source.text, catalog=catalog, path=source.path, target=target, severities=severities, model=False
        )
        internal += sum(d.code == INTERNAL_ERROR for d in result.diagnostics)
        reports.append(FileReport(source.path, result.diagnostics, source.text))
        for d in result.diagnostics:
            counts[d.severity.value] += 1
        if output == "text":
            lines = Lines(source.text)
            for d in result.diagnostics:
                click.echo(render(d, lines, source.path, color=color) + "\n")
    if output == "json":
        sys.stdout.write(to_json(reports))
    elif output == "github":
        sys.stdout.write(to_github(reports))
    elif output == "sarif":
        sys.stdout.write(to_sarif(reports))
    elif output == "concise":
        sys.stdout.write(to_concise(reports))
    if output in ("text", "concise"):
        files = len(reports)
        if counts["error"] or counts["warning"]:
            parts = [f"{counts['error']} error{'s' if counts['error'] != 1 else ''}"]
            parts.append(f"{counts['warning']} warning{'s' if counts['warning'] != 1 else ''}")
            click.echo(f"Found {' and '.join(parts)} in {files} file{'s' if files != 1 else ''}.", err=True)
        elif files and not internal and not internal_schema:
            click.echo(f"All checks passed ({files} file{'s' if files != 1 else ''}).", err=True)
    if internal:
        click.echo(
            f"error: internal error while checking {internal} statement{'s' if internal != 1 else ''}: "
            "their diagnostics are incomplete (a bug in syntaqlite; please report it)",
            err=True,
        )
        status = EXIT_INTERNAL
    if internal_schema:
        status = EXIT_INTERNAL
    if status == EXIT_OK and (counts["error"] or (strict and counts["warning"])):
        status = EXIT_FINDINGS
    sys.exit(status)


def _explain(code: str) -> int:
    if code in ("all", "list"):
        width = max(len(c) for c in RULES)
        for c, rule in sorted(RULES.items()):
            click.echo(f"{c:<{width}}  {rule.severity.value:<7}  {rule.summary}")
        return EXIT_OK
    found = RULES.get(code)
    if found is None:
        click.echo(f"error: unknown check {code!r}; `syntaqlite check --explain all` lists them", err=True)
        return EXIT_USAGE
    level = "error" if found.severity is Severity.ERROR else found.severity.value
    click.echo(f"{found.code} ({level} by default)\n\n{found.summary}\n\n{found.explanation}")
    return EXIT_OK
