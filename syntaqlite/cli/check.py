"""``syntaqlite check``: syntax errors and semantic diagnostics, against the
schema in the files themselves, in schema files and in configuration."""

from __future__ import annotations

import copy
import glob
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click

from ..config import Config, ConfigError, find_config, load
from ..diagnostics import Diagnostic, Severity, render
from ..python import PY_SUFFIXES, is_python
from ..syntax.target import Target
from ..text import Lines
from ..validator.catalog import Catalog
from ..validator.checker import apply_severities, check_text
from ..validator.declared import Declarations
from ..validator.rules import RULES
from ..validator.rules.base import Rule
from ..validator.schema import SchemaError, load_files
from .common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, make_target, resolve_target, target_options, use_color
from .discover import SQL_SUFFIXES, discover
from .files import InputError, Source, read_file, read_stdin
from .report import FileReport, to_concise, to_github, to_json, to_sarif


def _schema_paths(patterns: tuple[str, ...]) -> list[Path]:
    out: list[Path] = []
    for pattern in patterns:
        if glob.has_magic(pattern):
            matches = sorted(glob.glob(pattern, recursive=True))
            if not matches:
                raise click.UsageError(f"--schema {pattern}: no file matches this pattern")
            out.extend(Path(m) for m in matches)
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


def _all_rules() -> dict[str, Rule]:
    from ..python.rules import PYTHON_RULES

    return {**RULES, **PYTHON_RULES}


@dataclass(frozen=True)
class _Settings:
    config: Config
    target: Target
    severities: dict[str, str]
    schema_files: list[Path]


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
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
@click.option(
    "--python/--no-python",
    "python",
    default=None,
    help="Check the SQL in the .py files of directories too [default: the configuration's "
    "[python] check, true]; .py files named on the command line are always checked.",
)
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
    python: bool | None,
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
    `[schemas]`).  In .py files, the SQL passed to sqlite3's execute(),
    executemany() and executescript() (and aiosqlite, apsw, SQLAlchemy's
    text(), pandas' read_sql) is checked, with its parameters, against that
    schema plus the schema the modules create.  Exit status: 0 when there is no error (warnings allowed
    unless --strict), 1 when there are errors, 2 on usage or I/O errors.
    """
    if explain is not None:
        sys.exit(_explain(explain))
    for code in ignore:
        if code not in _all_rules() and code != "syntax":
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
    if paths and paths != ("-",):
        found = discover(paths, _suffixes(python))
        for message in found.errors:
            click.echo(f"error: {message}", err=True)
            status = EXIT_USAGE
        for message in found.warnings:
            click.echo(f"warning: {message}", err=True)
        named = {Path(p).resolve() for p in paths if Path(p).is_file()}
        for f in found.files:
            if is_python(str(f)) and python is None and f.resolve() not in named:
                try:
                    wanted = (
                        load(Path(config_file)) or Config() if config_file else find_config(f)
                    ).python.check
                except ConfigError:
                    wanted = True  # the error is reported with the file
                if not wanted:
                    continue
            try:
                sources.append(read_file(f))
            except InputError as exc:
                sources.append(exc)
    elif expr is None or paths == ("-",):
        try:
            source = read_stdin(stdin_filename or "<stdin>")
            sources.append(Source(source.path, source.text, Path(stdin_filename) if stdin_filename else None))
        except InputError as exc:
            sources.append(exc)

    def settings(source: Source) -> _Settings:
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
        return _Settings(config, target, severities, schema_files)

    python_results = _check_python(
        [s for s in sources if isinstance(s, Source) and is_python(s.path)], settings, catalogs
    )
    counts = {"error": 0, "warning": 0, "info": 0}
    without_sql = 0
    for item in sources:
        if isinstance(item, InputError):
            click.echo(f"error: {item}", err=True)
            status = EXIT_USAGE
            continue
        source = item
        diagnostics: list[Diagnostic]
        if is_python(source.path):
            outcome = python_results[id(source)]
            if isinstance(outcome, str):
                click.echo(f"error: {outcome}", err=True)
                status = EXIT_USAGE
                continue
            if outcome is None:
                without_sql += 1  # the module sends no SQL to SQLite
                continue
            diagnostics = outcome
        else:
            try:
                s = settings(source)
                catalog = catalogs.get(s.schema_files, s.target, s.config.declarations)
            except (ConfigError, SchemaError, click.UsageError) as exc:
                click.echo(f"error: {exc}", err=True)
                status = EXIT_USAGE
                continue
            result = check_text(
                source.text,
                catalog=catalog,
                path=source.path,
                target=s.target,
                severities=s.severities,
                model=False,
            )
            for message in result.internal_errors:
                click.echo(f"warning: {source.path}:{message}", err=True)
            diagnostics = result.diagnostics
        reports.append(FileReport(source.path, diagnostics, source.text))
        for d in diagnostics:
            counts[d.severity.value] += 1
        if output == "text":
            lines = Lines(source.text)
            for d in diagnostics:
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
        elif files:
            click.echo(f"All checks passed ({files} file{'s' if files != 1 else ''}).", err=True)
        elif without_sql:
            plural = "s send" if without_sql != 1 else " sends"
            click.echo(f"No SQL found: {without_sql} Python file{plural} none to SQLite.", err=True)
    if status == EXIT_OK and (counts["error"] or (strict and counts["warning"])):
        status = EXIT_FINDINGS
    sys.exit(status)


def _suffixes(python: bool | None) -> tuple[str, ...]:
    """What a directory's walk collects: .sql files, and .py files unless
    --no-python (the configuration of each .py file decides otherwise)."""
    if python is False:
        return SQL_SUFFIXES
    return (*SQL_SUFFIXES, *PY_SUFFIXES)


def _check_python(
    sources: list[Source],
    settings: Callable[[Source], _Settings],
    catalogs: _Catalogs,
) -> dict[int, list[Diagnostic] | str | None]:
    """The diagnostics of each Python source (by ``id``): a list, None when
    the module sends no SQL, or the message of a usage error.  Modules with
    the same settings are checked together: one project, whose schema the
    modules build in the order given."""
    from ..python.check import ModuleInput, check_modules
    from ..python.finder import FinderOptions

    out: dict[int, list[Diagnostic] | str | None] = {}
    groups: dict[tuple[object, ...], list[tuple[Source, _Settings]]] = {}
    for source in sources:
        try:
            s = settings(source)
        except (ConfigError, click.UsageError) as exc:
            out[id(source)] = str(exc)
            continue
        key = (
            tuple(str(p.resolve()) for p in s.schema_files),
            s.target,
            s.config.declarations,
            s.config.python,
        )
        groups.setdefault(key, []).append((source, s))
    for members in groups.values():
        first = members[0][1]
        try:
            catalog = catalogs.get(first.schema_files, first.target, first.config.declarations)
        except SchemaError as exc:
            for source, _ in members:
                out[id(source)] = str(exc)
            continue
        py = first.config.python
        options = FinderOptions(py.calls, py.assume_sqlite)
        modules = [ModuleInput(source.path, source.text, options) for source, _ in members]
        results = check_modules(modules, catalog, target=first.target)
        for (source, s), result in zip(members, results, strict=True):
            if result.error is not None:
                click.echo(f"warning: {source.path}:{result.error}", err=True)
            for message in result.internal_errors:
                click.echo(f"warning: {source.path}: {message}", err=True)
            out[id(source)] = (
                apply_severities(result.diagnostics, s.severities) if result.statements else None
            )
    return out


def _explain(code: str) -> int:
    rules = _all_rules()
    if code in ("all", "list"):
        width = max(len(c) for c in rules)
        for c, rule in sorted(rules.items()):
            click.echo(f"{c:<{width}}  {rule.severity.value:<7}  {rule.summary}")
        return EXIT_OK
    found = rules.get(code)
    if found is None:
        click.echo(f"error: unknown check {code!r}; `syntaqlite check --explain all` lists them", err=True)
        return EXIT_USAGE
    level = "error" if found.severity is Severity.ERROR else found.severity.value
    click.echo(f"{found.code} ({level} by default)\n\n{found.summary}\n\n{found.explanation}")
    return EXIT_OK
