"""``syntaqlite check``: syntax errors and semantic diagnostics, against the
schema in the files themselves, in schema files and in configuration."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .._record import Record
from ..config import Config, ConfigError
from ..diagnostics import INTERNAL_ERROR, Diagnostic, Severity, render
from ..paths import glob_paths, has_magic
from ..python import PY_SUFFIXES, is_python
from ..syntax.target import Target
from ..text import Lines, printable
from .common import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    Common,
    cache_options,
    common_options,
    default_paths,
    discovery_options,
    make_excluder,
    make_target,
    max_size_option,
    resolve_target,
    size_limit,
    stdin_hint,
    styler,
    target_options,
)
from .discover import SQL_SUFFIXES, discover
from .files import (
    InputError,
    Snapshot,
    Source,
    WriteError,
    read_file,
    read_for_update,
    read_stdin,
    write_back,
)
from .report import FileReport, to_concise, to_github, to_json, to_sarif
from .workers import PARALLEL_FROM, SPLIT_FROM, plan_split
from .workers import plan as plan_workers

if TYPE_CHECKING:
    from ..validator.catalog import Catalog
    from ..validator.checker import CheckResult
    from ..validator.declared import Declarations
    from ..validator.rules.base import Rule
    from ..validator.stream import StreamFindings
    from .cache import ResultCache

# The validator loads when a text is checked (in the functions that check):
# a run whose files all hit the results cache loads none of it.


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
    copy to extend.  ``troubled``: the keys of schemas with syntax errors
    (reported as warnings when loaded: a check against one is not cached,
    so that a cached run says them too)."""

    def __init__(self) -> None:
        self.cache: dict[tuple[tuple[str, ...], Target, Declarations], Catalog] = {}
        self.troubled: set[tuple[tuple[str, ...], Target, Declarations]] = set()

    def get(self, files: list[Path], target: Target, declared: Declarations) -> Catalog:
        from ..validator.catalog import Catalog
        from ..validator.schema import load_files

        key = (tuple(str(p.resolve()) for p in files), target, declared)
        if key not in self.cache:

            def problem(message: str) -> None:
                self.troubled.add(key)
                click.echo(f"warning: schema {message}", err=True)

            self.cache[key] = load_files(files, target, catalog=Catalog(declared), on_problem=problem)
        return self.cache[key].snapshot()

    def clean(self, files: list[Path], target: Target, declared: Declarations) -> bool:
        """Whether the schema (loaded) had no syntax error."""
        return (tuple(str(p.resolve()) for p in files), target, declared) not in self.troubled


class _Checked:
    """What one SQL file's check gives (picklable: it comes from a worker
    process): ``error`` None and the file's diagnostics, or why it was not
    checked (``internal``: a schema syntaqlite failed on, exit 3; else a
    read, configuration or schema error, exit 2)."""

    __slots__ = ("path", "text", "diagnostics", "error", "internal", "learnt")

    def __init__(
        self,
        path: str = "",
        text: str = "",
        diagnostics: list[Diagnostic] | None = None,
        error: str | None = None,
        internal: bool = False,
        learnt: tuple[bytes, object] | None = None,
    ) -> None:
        self.path = path
        self.text = text
        self.diagnostics = diagnostics or []
        self.error = error
        self.internal = internal
        self.learnt = learnt
        """For the results cache: the fingerprint of the file's settings
        and text, and its diagnostics as plain data."""


# The job a forked worker runs (set in the parent just before the fork).
_job: Callable[[Path], _Checked] | None = None


def _run_job(path: Path) -> _Checked:
    assert _job is not None
    return _job(path)


def _can_fork() -> bool:
    """Workers are forked (they inherit the command's settings); where
    processes cannot fork (Windows), files are checked in this process."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _ignore_sigint() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C ends


def _in_workers(job: Callable[[Path], _Checked], files: list[Path], workers: int) -> Iterator[_Checked]:
    """``job`` over ``files`` in ``workers`` forked processes, the results in
    file order as they come.  Ctrl-C ends the workers at once."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _job
    _job = job
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("fork"), initializer=_ignore_sigint
    )
    try:
        futures = [pool.submit(_run_job, path) for path in files]
        for future in futures:
            yield future.result()
    except BaseException:
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        _job = None
        pool.shutdown(wait=True)


def _all_rules() -> dict[str, Rule]:
    from ..python.rules import PYTHON_RULES
    from ..validator.rules import RULES  # every check's module: only for --explain, --ignore

    return {**RULES, **PYTHON_RULES}


class _Settings(Record):
    __slots__ = ("config", "target", "severities", "schema_files")

    config: Config
    target: Target
    severities: dict[str, str]
    schema_files: list[Path]

    def __init__(
        self,
        config: Config,
        target: Target,
        severities: dict[str, str],
        schema_files: list[Path],
    ) -> None:
        self.config = config
        self.target = target
        self.severities = severities
        self.schema_files = schema_files


class _Failure(Record):
    """Why a Python source was not checked: a usage error (exit 2) or an
    internal one (exit 3)."""

    __slots__ = ("message", "internal")

    message: str
    internal: bool

    def __init__(self, message: str, internal: bool = False) -> None:
        self.message = message
        self.internal = internal


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
@click.option(
    "--python/--no-python",
    "python",
    default=None,
    help="Check the SQL in the .py files of directories too [default: the configuration's "
    "[python] check, true]; .py files named on the command line are always checked.",
)
@click.option("--ignore", multiple=True, metavar="CODE", help="Turn a check off (repeatable).")
@click.option(
    "--fix", is_flag=True, help="Apply the safe fixes (files are rewritten; stdin and -e: printed)."
)
@click.option(
    "--unsafe-fixes", is_flag=True, help="With --fix, apply the unsafe fixes too (did-you-mean renames)."
)
@click.option("--explain", metavar="CODE", help="Explain a check and exit ('all' lists them).")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Worker processes for SQL files [default: one per idle core, at most one per 4 files].",
)
@click.option(
    "--stdin-filename", metavar="PATH", help="Where stdin's text comes from (finds its configuration)."
)
@discovery_options
@target_options
@max_size_option
@cache_options
@common_options
def check_command(
    paths: tuple[str, ...],
    expr: str | None,
    schemas: tuple[str, ...],
    output: str,
    strict: bool,
    python: bool | None,
    ignore: tuple[str, ...],
    fix: bool,
    unsafe_fixes: bool,
    explain: str | None,
    jobs: int | None,
    stdin_filename: str | None,
    exclude: tuple[str, ...],
    extend_exclude: tuple[str, ...],
    force_exclude: bool,
    sqlite_version: str | None,
    sqlite_cflags: tuple[str, ...],
    max_file_size: int | None,
    no_cache: bool,
    cache_dir: str | None,
    common: Common,
) -> None:
    """Check SQL files: syntax errors, and unknown tables, columns and
    functions, wrong arity, misused aggregates ... against the schema.

    PATHS are files, directories (every *.sql and *.py below them, minus
    what .gitignore and `exclude` leave out) and glob patterns; '-' is
    standard input, and so is no path when stdin is not a terminal (on a
    terminal, no path means '.').  The schema comes from the files' own
    CREATE statements, from --schema files (SQL or SQLite databases, opened
    read-only) and from configuration (syntaqlite.toml or [tool.syntaqlite]
    in pyproject.toml: `schema` and `[schemas]`).  In .py files, the SQL
    passed to sqlite3's execute(), executemany() and executescript() (and
    aiosqlite, apsw, SQLAlchemy's text(), pandas' read_sql) is checked, with
    its parameters, against that schema plus the schema the modules create
    (--fix rewrites .sql files only).  The results of .sql files are kept
    in the results cache (.syntaqlite_cache; --no-cache, --cache-dir): a
    file checked before with the same text, settings and schema is not
    checked again, and is reported the same way.  Exit status: 0 when
    there is no error (warnings allowed unless --strict), 1 when there are
    errors, 2 on usage or I/O errors, 3 when syntaqlite itself failed on a
    statement (an internal-error diagnostic: a bug to report).
    """
    if explain is not None:
        sys.exit(_explain(explain))
    for code in ignore:
        if code not in _all_rules() and code != "syntax":
            raise click.UsageError(f"--ignore {code}: unknown check; see --explain all")
    if unsafe_fixes and not fix:
        raise click.UsageError("--unsafe-fixes goes with --fix")
    if sqlite_version is not None or sqlite_cflags:
        make_target(sqlite_version, tuple(sqlite_cflags))  # a usage error now, not per file
    cli_schema = _schema_paths(schemas)
    color = common.colored(sys.stdout) and output == "text"
    style = styler(color)
    catalogs = _Catalogs()
    status = EXIT_OK
    reports: list[FileReport] = []
    # SQL files are read when their turn comes (one in memory at a time);
    # Python files first, as they are checked together.
    sources: list[Source | InputError | Path] = []
    snapshots: dict[Path, Snapshot] = {}
    piped: set[int] = set()  # stdin and -e (by id): --fix prints their text, whatever --stdin-filename says
    if expr is not None:
        sources.append(Source("<expr>", expr))
        piped.add(id(sources[-1]))
    paths = default_paths(paths, expr, common)
    if fix and output != "text" and (expr is not None or not paths or "-" in paths):
        raise click.UsageError("--fix on stdin or -e prints the fixed text: use it with --format text")
    named = tuple(p for p in paths if p != "-")
    if "-" in paths or (expr is None and not paths):
        stdin_hint("check")
        try:
            where = Path(stdin_filename) if stdin_filename else None
            source = read_stdin(stdin_filename or "<stdin>", size_limit(max_file_size, where, common=common))
            sources.append(Source(source.path, source.text, where))
            piped.add(id(sources[-1]))
        except InputError as exc:
            sources.append(exc)
    if named:
        found = discover(
            named, make_excluder(common, exclude, extend_exclude), force_exclude, _suffixes(python)
        )
        for message in found.errors:
            click.echo(f"error: {message}", err=True)
            status = EXIT_USAGE
        if not common.quiet:
            for message in found.warnings:
                click.echo(f"warning: {message}", err=True)
        for excluded in found.excluded:
            common.debug(f"{excluded}: excluded")
        named_files: set[Path] | None = None  # made for the first .py file found
        for f in found.files:
            py = is_python(str(f))
            if py and python is None and named_files is None:
                named_files = {Path(p).resolve() for p in named if Path(p).is_file()}
            if py and python is None and f.resolve() not in (named_files or ()):
                try:
                    wanted = common.config_for(f).python.check
                except ConfigError:
                    wanted = True  # the error is reported with the file
                if not wanted:
                    common.debug(f"{f}: not checked ([python] check = false)")
                    continue
            if not py:
                sources.append(f)
                continue
            try:
                sources.append(read_file(f, size_limit(max_file_size, f, common=common)))
            except InputError as exc:
                sources.append(exc)

    def settings(source: Source) -> _Settings:
        config = common.config_for(source.file)
        if config.path not in seen_configs:
            seen_configs.add(config.path)
            common.debug(f"configuration: {config.path or 'none (defaults)'}")
        target = resolve_target(sqlite_version, tuple(sqlite_cflags), config)
        severities = dict(config.checks)
        severities.update({code: "off" for code in ignore})
        schema_files = [*config.schema_files_for(source.file), *cli_schema]
        if source.file is not None and schema_files:
            # A schema file being checked is its own schema: not twice.
            me = source.file.resolve()
            schema_files = [p for p in schema_files if p.resolve() != me]
        common.debug(f"{source.path}: schema files: {', '.join(map(str, schema_files)) or 'none'}")
        return _Settings(config, target, severities, schema_files)

    schema_digests: dict[str, bytes] = {}  # for the cache: each schema file hashed once
    # The settings' part of the keys, by configuration (kept here, so that
    # its id is not reused; it is one object per directory, or per run
    # with --no-config or --config) and schema files.
    base_keys: dict[tuple[int, tuple[str, ...]], tuple[Config, bytes]] = {}

    def cache_key(s: _Settings, shown: str) -> bytes:
        """Everything a SQL file's diagnostics depend on besides its text
        and syntaqlite's build: the name it is shown under, the target,
        the severities, each schema file (its name, as diagnostics name it,
        and its bytes) and the declarations.  Raises OSError."""
        from .cache import file_digest, settings_key

        names = tuple(map(str, s.schema_files))
        memo = base_keys.get((id(s.config), names))
        if memo is None:
            schema = []
            for p in s.schema_files:
                where = str(p.resolve())
                if where not in schema_digests:
                    schema_digests[where] = file_digest(p)
                schema.append((str(p), schema_digests[where]))
            base = settings_key("check", s.target, s.severities, schema, s.config.declarations)
            memo = base_keys[(id(s.config), names)] = (s.config, base)
        return settings_key(memo[1], shown)

    def check_sql_file(path: Path, s: _Settings | None = None) -> _Checked:
        """One SQL file (not --fix): read, its settings (``s``: already
        known), its schema, checked statement by statement."""
        from ..validator.schema import SchemaError, SchemaInternalError

        # the text and its fingerprint the results cache was asked about
        # (read once, hashed once: a dump's megabytes)
        ahead = read_ahead.pop(id(path), None)
        seen: bytes | None = None
        if ahead is not None:
            source, seen = ahead
        else:
            try:
                source = read_file(path, size_limit(max_file_size, path, common=common))
            except InputError as exc:
                return _Checked(error=str(exc))
        try:
            s = s or settings(source)
            catalog = catalogs.get(s.schema_files, s.target, s.config.declarations)
        except SchemaInternalError as exc:
            return _Checked(error=str(exc), internal=True)
        except (ConfigError, SchemaError, click.UsageError) as exc:
            return _Checked(error=str(exc))
        found: list[Diagnostic] = []
        for findings in _findings_of(source, catalog, s):
            found.extend(findings.diagnostics)
        kept = None
        if (
            cache is not None
            and catalogs.clean(s.schema_files, s.target, s.config.declarations)
            and not any(d.code == INTERNAL_ERROR for d in found)
        ):
            from .cache import encode_diagnostics, fingerprint

            try:
                if seen is None:
                    seen = fingerprint(cache_key(s, source.path), source.text)
                kept = (seen, encode_diagnostics(found))
            except OSError:
                pass  # a schema file gone meanwhile: not cached
        return _Checked(source.path, source.text, found, learnt=kept)

    me = os.getpid()

    def _findings_of(source: Source, catalog: Catalog, s: _Settings) -> Iterator[StreamFindings]:
        """A SQL file's findings piece by piece: in this process, or, for a
        large file checked here (not in a worker checking files), by worker
        processes as ``plan_split`` decides (check_split.py)."""
        from ..validator.stream import StreamChecker, check_stream

        size = len(source.text)
        if os.getpid() == me and size >= SPLIT_FROM and _can_fork():
            workers, why = plan_split(size, jobs)
            if workers > 1:
                from .check_split import check_split

                common.debug(f"{source.path}: checked in pieces by {workers} workers ({why})")
                checker = StreamChecker(catalog, source.path, s.target, s.severities)
                return check_split(source.text, checker, s.target, workers)
        return check_stream(
            source.text, catalog=catalog, path=source.path, target=s.target, severities=s.severities
        )

    def cached(path: Path) -> _Checked | _Settings | None:
        """A SQL file's result when the cache knows it; else its settings
        (None: they could not be made, which its check reports)."""
        from .cache import decode_diagnostics, fingerprint

        assert cache is not None
        try:
            source = read_file(path, size_limit(max_file_size, path, common=common))
            s = settings(source)
            key = cache_key(s, source.path)
        except (InputError, ConfigError, click.UsageError, OSError):
            return None
        seen = fingerprint(key, source.text)
        found = cache.get(os.path.abspath(source.path), seen, decode_diagnostics)
        if found is None:
            # kept for its check (the last file's only: not every text at once)
            read_ahead.clear()
            read_ahead[id(path)] = (source, seen)
            return s
        return _Checked(source.path, source.text, found)

    read_ahead: dict[int, tuple[Source, bytes]] = {}

    seen_configs: set[Path | None] = set()
    cache: ResultCache | None = None
    learnt: list[tuple[str, tuple[bytes, object]]] = []
    if not no_cache and not fix and any(isinstance(item, Path) for item in sources):
        from .cache import open_cache

        cache = open_cache("check", cache_dir, common.config_for, common.debug)
    python_results = _check_python(
        [s for s in sources if isinstance(s, Source) and is_python(s.path)], settings, catalogs
    )
    # SQL files in worker processes when there are enough of them (not with
    # --fix, which rewrites files, nor -v, whose lines would interleave).
    sql_files = [item for item in sources if isinstance(item, Path)]
    # The files the results cache knows (not with --fix), by id; the
    # settings of the others, made while looking them up.
    hits: dict[int, _Checked] = {}
    known_settings: dict[int, _Settings] = {}
    if cache is not None and not fix:
        for p in sql_files:
            found_here = cached(p)
            if isinstance(found_here, _Checked):
                hits[id(p)] = found_here
            elif found_here is not None:
                known_settings[id(p)] = found_here
        sql_files = [p for p in sql_files if id(p) not in hits]
    checked: Iterator[_Checked] | None = None
    if not fix and not common.verbose and len(sql_files) >= PARALLEL_FROM:
        size = 0
        for p in sql_files:
            try:
                size += p.stat().st_size
            except OSError:
                pass  # reported when it is read
        workers, _why = plan_workers(len(sql_files), size, jobs)
        if workers > 1 and _can_fork():
            checked = _in_workers(check_sql_file, sql_files, workers)
    elif common.verbose:
        common.debug("files checked in this process (-v)")
    counts = {"error": 0, "warning": 0, "info": 0}
    without_sql = 0
    python_fixes = 0
    internal = 0
    internal_schema = False
    fixed = 0
    fixable = {"safe": 0, "unsafe": 0}
    for item in sources:
        if isinstance(item, Path) and not fix:
            hit = hits.get(id(item))
            if hit is not None:
                done = hit
            elif checked is not None:
                done = next(checked)
            else:
                done = check_sql_file(item, known_settings.get(id(item)))
            if done.learnt is not None:
                learnt.append((done.path, done.learnt))
            if done.error is not None:
                click.echo(f"error: {done.error}", err=True)
                if done.internal:
                    internal_schema = True
                else:
                    status = EXIT_USAGE
                continue
            lines = Lines(done.text)
            shown: list[str] = []  # the file's diagnostics, written at once (an echo costs 10 µs)
            for d in done.diagnostics:
                counts[d.severity.value] += 1
                if d.replacement is not None:
                    fixable["safe" if d.fix_safe else "unsafe"] += 1
                internal += d.code == INTERNAL_ERROR
                if output == "text":
                    shown.append(render(d, lines, done.path, style=style) + "\n\n")
            if shown:
                click.echo("".join(shown), nl=False, color=color)
            reports.append(FileReport(done.path, done.diagnostics, done.text))
            continue
        if isinstance(item, Path):
            try:
                limit = size_limit(max_file_size, item, common=common)
                if fix:  # kept to check, before writing, that nothing else wrote the file
                    path, (item, snapshots[path]) = item, read_for_update(item, limit)
                else:
                    item = read_file(item, limit)
            except InputError as exc:
                item = exc
        if isinstance(item, InputError):
            click.echo(f"error: {item}", err=True)
            status = EXIT_USAGE
            continue
        source = item
        if is_python(source.path):
            outcome = python_results[id(source)]
            if isinstance(outcome, _Failure):
                click.echo(f"error: {outcome.message}", err=True)
                if outcome.internal:
                    internal_schema = True
                else:
                    status = EXIT_USAGE
                continue
            # Fixes in .py files are the editor's (code actions): --fix
            # rewrites .sql files only; stdin's text passes through as it is.
            if fix and id(source) in piped:
                sys.stdout.write(source.text)
            if outcome is None:
                without_sql += 1  # the module sends no SQL to SQLite
                continue
            python_fixes += sum(d.replacement is not None for d in outcome)
            internal += sum(d.code == INTERNAL_ERROR for d in outcome)
            reports.append(FileReport(source.path, outcome, source.text))
            for d in outcome:
                counts[d.severity.value] += 1
            if output == "text":
                lines = Lines(source.text)
                for d in outcome:
                    click.echo(
                        render(d, lines, source.path, style=style) + "\n",
                        err=fix and id(source) in piped,
                        color=color,
                    )
            continue
        from ..validator.schema import SchemaError, SchemaInternalError

        try:
            s = settings(source)
            catalog = catalogs.get(s.schema_files, s.target, s.config.declarations)
        except SchemaInternalError as exc:
            click.echo(f"error: {exc}", err=True)
            internal_schema = True
            continue
        except (ConfigError, SchemaError, click.UsageError) as exc:
            click.echo(f"error: {exc}", err=True)
            status = EXIT_USAGE
            continue
        if not fix:
            from ..validator.stream import check_stream

            # statement by statement: memory follows a piece of the file, not the file
            diagnostics: list[Diagnostic] = []
            lines = Lines(source.text)
            for findings in check_stream(
                source.text, catalog=catalog, path=source.path, target=s.target, severities=s.severities
            ):
                for d in findings.diagnostics:
                    diagnostics.append(d)
                    counts[d.severity.value] += 1
                    if d.replacement is not None:
                        fixable["safe" if d.fix_safe else "unsafe"] += 1
                    internal += d.code == INTERNAL_ERROR
                    if output == "text":
                        click.echo(render(d, lines, source.path, style=style) + "\n", color=color)
            reports.append(FileReport(source.path, diagnostics, source.text))
            continue
        run = functools.partial(
            _check_one,
            catalogs=catalogs,
            schema_files=s.schema_files,
            config=s.config,
            target=s.target,
            path=source.path,
            severities=s.severities,
        )
        result = run(source.text)
        text = source.text
        applied = 0
        for _ in range(MAX_FIX_PASSES):
            new_text, n = apply_fixes(text, result.diagnostics, unsafe_fixes)
            if n == 0:
                break
            text, applied = new_text, applied + n
            result = run(text)
        if source.file is not None and id(source) not in piped and applied:
            try:
                write_back(source.file, text, snapshots[source.file])
            except WriteError as exc:
                click.echo(f"error: {exc}", err=True)
                status = EXIT_USAGE
                continue
            except OSError as exc:
                click.echo(f"error: {printable(source.path)}: cannot write: {exc.strerror or exc}", err=True)
                status = EXIT_USAGE
                continue
            common.debug(f"{source.path}: {_plural(applied, 'fix')} applied")
        elif id(source) in piped:
            sys.stdout.write(text)  # the fixed text, as ruff does for stdin
        fixed += applied
        for d in result.diagnostics:
            if d.replacement is not None:
                fixable["safe" if d.fix_safe else "unsafe"] += 1
        internal += sum(d.code == INTERNAL_ERROR for d in result.diagnostics)
        reports.append(FileReport(source.path, result.diagnostics, text))
        for d in result.diagnostics:
            counts[d.severity.value] += 1
        if output == "text":
            lines = Lines(text)
            # The fixed text of stdin went to stdout: the diagnostics go to stderr.
            to_err = id(source) in piped
            for d in result.diagnostics:
                click.echo(render(d, lines, source.path, style=style) + "\n", err=to_err, color=color)
    if checked is not None:
        # Every result is taken: run the generator to its end, which shuts
        # the pool down now (left suspended, the pool would be shut down
        # when the generator is collected at exit, racing the interpreter's
        # own shutdown of the pool: "Bad file descriptor" on stderr).
        for _ in checked:
            pass
    if cache is not None:
        _record(cache, learnt, schema_digests)
    if output == "json":
        sys.stdout.write(to_json(reports))
    elif output == "github":
        sys.stdout.write(to_github(reports))
    elif output == "sarif":
        sys.stdout.write(to_sarif(reports))
    elif output == "concise":
        sys.stdout.write(to_concise(reports))
    if output in ("text", "concise") and not common.quiet:
        files = len(reports)
        if counts["error"] or counts["warning"]:
            parts = [f"{counts['error']} error{'s' if counts['error'] != 1 else ''}"]
            parts.append(f"{counts['warning']} warning{'s' if counts['warning'] != 1 else ''}")
            click.echo(f"Found {' and '.join(parts)} in {files} file{'s' if files != 1 else ''}.", err=True)
        elif files and not internal and not internal_schema:
            click.echo(f"All checks passed ({files} file{'s' if files != 1 else ''}).", err=True)
        elif without_sql and not internal_schema:
            plural = "s send" if without_sql != 1 else " sends"
            click.echo(f"No SQL found: {without_sql} Python file{plural} none to SQLite.", err=True)
        if fix:
            click.echo(f"Fixed {_plural(fixed, 'problem')}.", err=True)
        hint = _fix_hint(fixable, fix, unsafe_fixes)
        if hint:
            click.echo(hint, err=True)
        if fix and python_fixes:
            click.echo(
                f"{_plural(python_fixes, 'fix')} in Python files not applied: --fix rewrites .sql "
                "files only.",
                err=True,
            )
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


def _record(
    cache: ResultCache, learnt: list[tuple[str, tuple[bytes, object]]], schema: dict[str, bytes]
) -> None:
    """Keep what this run learnt, unless a schema file changed while it
    ran (its results could be the new schema's under the old one's key)."""
    from .cache import file_digest

    for where, before in schema.items():
        try:
            now = file_digest(Path(where))
        except OSError:
            now = b""
        if now != before:
            cache.debug(f"cache: {where} changed during the run: nothing learnt is kept")
            learnt = []
            break
    for path, (fp, value) in learnt:
        cache.put(os.path.abspath(path), fp, value)
    cache.save()


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
) -> dict[int, list[Diagnostic] | _Failure | None]:
    """The diagnostics of each Python source (by ``id``): a list, None when
    the module sends no SQL, or why it was not checked.  Modules with the
    same settings are checked together: one project, whose schema the
    modules build in the order given."""
    if not sources:
        return {}  # the Python front end is not loaded
    from ..python.check import ModuleInput, check_modules
    from ..python.finder import FinderOptions
    from ..validator.checker import apply_severities
    from ..validator.schema import SchemaError, SchemaInternalError

    out: dict[int, list[Diagnostic] | _Failure | None] = {}
    groups: dict[tuple[object, ...], list[tuple[Source, _Settings]]] = {}
    for source in sources:
        try:
            s = settings(source)
        except (ConfigError, click.UsageError) as exc:
            out[id(source)] = _Failure(str(exc))
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
                out[id(source)] = _Failure(str(exc), isinstance(exc, SchemaInternalError))
            continue
        py = first.config.python
        options = FinderOptions(py.calls, py.assume_sqlite)
        modules = [ModuleInput(source.path, source.text, options) for source, _ in members]
        results = check_modules(modules, catalog, target=first.target)
        for (source, s), result in zip(members, results, strict=True):
            if result.error is not None:
                click.echo(f"warning: {printable(source.path)}:{result.error}", err=True)
            failed = any(d.code == INTERNAL_ERROR for d in result.diagnostics)
            out[id(source)] = (
                apply_severities(result.diagnostics, s.severities) if result.statements or failed else None
            )
    return out


def _check_one(
    text: str,
    *,
    catalogs: _Catalogs,
    schema_files: list[Path],
    config: Config,
    target: Target,
    path: str,
    severities: dict[str, str],
) -> CheckResult:
    from ..validator.checker import check_text

    catalog = catalogs.get(schema_files, target, config.declarations)
    return check_text(text, catalog=catalog, path=path, target=target, severities=severities, model=False)


MAX_FIX_PASSES = 10  # a fix can make another one possible; never loop for ever


def apply_fixes(text: str, diagnostics: list[Diagnostic], unsafe: bool) -> tuple[str, int]:
    """``text`` with the replacements of ``diagnostics`` applied (the safe
    ones, and the unsafe ones too when ``unsafe``); where two overlap, the
    first in the text wins and the other waits for the next pass."""
    chosen: list[Diagnostic] = []
    end = -1
    for d in sorted(diagnostics, key=lambda d: (d.start, d.end)):
        if d.replacement is None or not (d.fix_safe or unsafe):
            continue
        if d.start < end:
            continue
        chosen.append(d)
        end = d.end
    for d in reversed(chosen):
        assert d.replacement is not None
        text = text[: d.start] + d.replacement + text[d.end :]
    return text, len(chosen)


def _fix_hint(fixable: dict[str, int], fix: bool, unsafe_fixes: bool) -> str | None:
    safe, unsafe = fixable["safe"], fixable["unsafe"]
    if not fix and safe:
        more = f" ({unsafe} more with --fix --unsafe-fixes)" if unsafe else ""
        return f"{_plural(safe, 'problem')} fixable with --fix{more}."
    if unsafe and not unsafe_fixes:
        return f"{_plural(unsafe, 'problem')} fixable with --fix --unsafe-fixes (did-you-mean renames: review them)."
    return None


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else ('es' if word.endswith('x') else 's')}"


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
