"""``syntaqlite fmt``: format files in place (atomically), check them, or
show the diff; stdin to stdout when no path is given."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .._record import Record
from ..config import Config, ConfigError
from ..diagnostics import Diagnostic, render
from ..fmt import FormatOptions
from ..syntax.target import Target
from ..text import Lines, printable
from .common import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
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
    size_limit,
    stdin_hint,
    styler,
    target_options,
)
from .discover import SQL_SUFFIXES, discover
from .files import InputError, WriteError, read_file, read_for_update, read_stdin, write_back
from .workers import PARALLEL_FROM, plan_split
from .workers import plan as plan_workers

if TYPE_CHECKING:
    from ..syntax.stream import Piece
    from .cache import ResultCache

# The formatter, the parser and the verifier load when a text is formatted
# (in the function that formats it): a run whose files all hit the results
# cache loads none of them.

PROGRESS_FROM = 10  # files; a progress bar on a terminal from this many


class Overrides(Record):
    """Settings given on the command line; None: take the configuration's."""

    __slots__ = (
        "line_width",
        "indent",
        "keyword_case",
        "semicolons",
        "sqlite_version",
        "sqlite_cflags",
        "common",
        "column_names",
        "python",
        "max_file_size",
    )

    line_width: int | None
    indent: int | None
    keyword_case: str | None
    semicolons: bool | None
    sqlite_version: str | None
    sqlite_cflags: tuple[str, ...]
    common: Common
    column_names: str | None
    python: bool | None
    """--python/--no-python (None: the configuration's ``[format] python``)."""
    max_file_size: int | None
    """--max-file-size (None: the configuration's ``max-file-size``)."""

    def __init__(
        self,
        line_width: int | None = None,
        indent: int | None = None,
        keyword_case: str | None = None,
        semicolons: bool | None = None,
        sqlite_version: str | None = None,
        sqlite_cflags: tuple[str, ...] = (),
        common: Common | None = None,
        column_names: str | None = None,
        python: bool | None = None,
        max_file_size: int | None = None,
    ) -> None:
        self.line_width = line_width
        self.indent = indent
        self.keyword_case = keyword_case
        self.semicolons = semicolons
        self.sqlite_version = sqlite_version
        self.sqlite_cflags = sqlite_cflags
        self.common = Common() if common is None else common
        self.column_names = column_names
        self.python = python
        self.max_file_size = max_file_size

    def apply(self, config: Config) -> tuple[FormatOptions, Target]:
        options = self.options(config)
        if self.sqlite_version is not None or self.sqlite_cflags:
            target = make_target(*self.target_inputs(config))
        else:
            target = config.target()
        return options, target

    def target_inputs(self, config: Config) -> tuple[str | None, tuple[str, ...]]:
        """The SQLite version and compile options the target is made of."""
        return self.sqlite_version or config.sqlite_version, self.sqlite_cflags or config.sqlite_cflags

    def options(self, config: Config) -> FormatOptions:
        options = config.format
        changes: dict[str, Any] = {}
        if self.line_width is not None:
            changes["line_width"] = self.line_width
        if self.indent is not None:
            changes["indent"] = self.indent
        if self.keyword_case is not None:
            changes["keyword_case"] = self.keyword_case
        if self.semicolons is not None:
            changes["semicolons"] = self.semicolons
        if self.column_names is not None:
            changes["column_names"] = self.column_names
        if changes:
            options = options.replace(**changes)
        return options

    def config_for(self, path: Path) -> Config:
        return self.common.config_for(path)


class Outcome:
    __slots__ = ("path", "status", "message", "diff", "new_text", "notes", "learnt")

    path: str
    status: str  # "unchanged", "changed", "failed", "error", "internal", "skipped" (interrupted)
    message: str  # diagnostics (failed) or the error (error)
    diff: str
    new_text: str | None
    notes: tuple[str, ...]  # warnings that do not fail the file (SQL strings left as they are)
    learnt: tuple[bytes, tuple[bool, tuple[str, ...]]] | None
    """For the results cache: a fingerprint of the file's settings and text
    (the text read, or written), and whether that text is formatted, with
    the notes."""

    def __init__(
        self,
        path: str,
        status: str,
        message: str = "",
        diff: str = "",
        new_text: str | None = None,
        notes: tuple[str, ...] = (),
    ) -> None:
        self.path = path
        self.status = status
        self.message = message
        self.diff = diff
        self.new_text = new_text
        self.notes = notes
        self.learnt = None


def _line_ending(text: str) -> str:
    """ "\\r\\n" when every line of ``text`` ends with it, "\\r" when
    every line ends with a lone carriage return, else "\\n"."""
    crlf = text.count("\r\n")
    if crlf and crlf == text.count("\n"):
        return "\r\n"
    if "\n" not in text and "\r" in text:
        return "\r"
    return "\n"


def format_text(
    text: str, shown: str, options: FormatOptions, target: Target, color: bool, workers: int = 1
) -> Outcome:
    """Format one text (``workers``: processes that format its pieces, see
    split.py); never raises: an exception is an internal error."""
    try:
        return _format_text(text, shown, options, target, color, workers)
    except Exception as exc:  # noqa: BLE001 - a bug must not stop the run or pass as success
        return Outcome(
            shown,
            "internal",
            f"{printable(shown)}: internal error while formatting, file left unchanged: "
            f"{type(exc).__name__}: {printable(str(exc))} (a bug in syntaqlite; please report it)",
        )


def _format_text(
    text: str, shown: str, options: FormatOptions, target: Target, color: bool, workers: int = 1
) -> Outcome:
    """The text is parsed, formatted and verified piece by piece
    (``parse_stream``): memory follows a piece, not the file."""
    from ..fmt import FormatterBug
    from ..fmt.format import StreamFormatter
    from ..syntax.memory import each_paused
    from ..syntax.stream import parse_stream

    ending = _line_ending(text)
    source = text.replace("\r\n", "\n") if ending == "\r\n" else text
    formatter = StreamFormatter(options)
    parts: list[str] = []
    errors: list[Diagnostic] = []

    def emit(piece: Piece | None, part: str) -> None:
        if piece is not None:  # else verified by the worker that formatted it
            _verify(piece, part, target)
        parts.append(part)

    try:
        if workers > 1 and options.semicolons:
            from .split import format_split

            errors = format_split(source, options, target, workers, formatter, emit, shifted)
        else:

            def feed(piece: Piece) -> None:
                if piece.result.errors:
                    errors.extend(shifted(d, piece.offset) for d in piece.result.errors)
                elif not errors:
                    for done, part in formatter.feed(piece):
                        emit(done, part)

            each_paused(parse_stream(source, target), feed)  # (no collection walks a piece)
        if errors:
            lines = Lines(source)
            shown_errors = "\n".join(render(e, lines, shown, style=styler(color)) for e in errors)
            return Outcome(shown, "failed", shown_errors)
        for done, part in formatter.finish():
            emit(done, part)
    except FormatterBug as exc:
        return Outcome(shown, "error", f"{shown}: formatter bug, file left unchanged: {exc}")
    formatted = "".join(parts)
    if ending == "\r\n":
        formatted = formatted.replace("\n", "\r\n")
    elif ending == "\r":
        # SQLite ends a -- comment at \n only: the lone-CR text must still
        # read as the same tokens (a text without a line feed is one piece
        # for the stream: parsed whole here too).
        formatted = formatted.replace("\n", "\r")
        from ..fmt.verify import difference
        from ..syntax.parser import parse

        if difference(parse(source, target), formatted, target) is not None:
            return Outcome(
                shown,
                "error",
                f"{printable(shown)}: its lines end with a lone CR, which does not end a -- comment "
                "for SQLite: formatted with CR endings it would read differently; file left unchanged "
                "(convert it to LF or CRLF endings)",
            )
    if formatted == text:
        return Outcome(shown, "unchanged")
    return Outcome(shown, "changed", new_text=formatted)


def shifted(d: Diagnostic, offset: int) -> Diagnostic:
    """A piece's syntax error at its offset in the whole text."""
    return d.replace(start=d.start + offset, end=d.end + offset) if offset else d


def _verify(piece: Piece, formatted: str, target: Target) -> None:
    """Raise FormatterBug when ``formatted`` is not ``piece`` reformatted
    (tokens, comments); the line says where the piece starts."""
    from ..fmt import FormatterBug
    from ..fmt.verify import difference

    problem = difference(piece.result, formatted, target)
    if problem is not None:
        raise FormatterBug(f"{problem} (in the statements from line {piece.line})")


def format_python_text(
    text: str, shown: str, options: FormatOptions, target: Target, config: Config
) -> Outcome:
    """Format the SQL strings of a Python module; never raises: an
    exception is an internal error."""
    from ..python.finder import FinderOptions
    from ..python.fmt import PythonFormatError, format_python

    finder = FinderOptions(config.python.calls, config.python.assume_sqlite)
    try:
        result = format_python(text, options, target, finder)
    except PythonFormatError as exc:
        return Outcome(shown, "error", f"{printable(shown)}: {exc}")
    except Exception as exc:  # noqa: BLE001 - a bug must not stop the run or pass as success
        return Outcome(
            shown,
            "internal",
            f"{printable(shown)}: internal error while formatting, file left unchanged: "
            f"{type(exc).__name__}: {printable(str(exc))} (a bug in syntaqlite; please report it)",
        )
    notes = tuple(f"{printable(shown)}:{reason} (left as it is)" for reason in result.skipped)
    if result.text == text:
        return Outcome(shown, "unchanged", notes=notes)
    return Outcome(shown, "changed", new_text=result.text, notes=notes)


def _python_enabled(path: str, overrides: Overrides, config: Config) -> bool:
    from ..python import is_python

    if not is_python(path):
        return False
    return overrides.python if overrides.python is not None else config.python.format


def _diff(old: str, new: str, name: str) -> str:
    import difflib  # only for --diff

    return "".join(
        difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), name, name)
    )


Task = tuple[str, Overrides, str, bool, "bytes | None"]
"""A file to format: its name, the options, the mode, colour, and its
settings' key for the results cache (None: not cached)."""


def _cache_key(name: str, overrides: Overrides, config: Config) -> bytes | None:
    """Everything a file's formatting depends on besides its text and
    syntaqlite's build (which names the cache file): the effective format
    options, the target's inputs, whether it is read as Python and then the
    ``[python]`` settings, and its name (the notes name it).  None: a file
    that is not cached (a .py file without --python, an error)."""
    from .cache import settings_key

    python = _python_enabled(name, overrides, config)
    if name.endswith(".py") and not python:
        return None
    memo = _base_keys.get((id(overrides), id(config), python))
    if memo is None:
        base = settings_key(
            "fmt",
            overrides.options(config),
            overrides.target_inputs(config),
            python,
            config.python if python else None,
        )
        memo = _base_keys[(id(overrides), id(config), python)] = (overrides, config, base)
    return settings_key(memo[2], name)


# The settings' part of the keys, by the objects they are made of (kept
# here, so that their ids are not reused; a configuration is one object
# per directory, or per run with --no-config or --config).
_base_keys: dict[tuple[int, int, bool], tuple[Overrides, Config, bytes]] = {}


def _verdict(value: object) -> tuple[bool, tuple[str, ...]] | None:
    """A cached verdict (formatted or not, the notes); None for anything else."""
    if (
        isinstance(value, tuple)
        and len(value) == 2
        and type(value[0]) is bool
        and isinstance(value[1], tuple)
        and all(isinstance(note, str) for note in value[1])
    ):
        return value
    return None


def _cached(
    name: str, overrides: Overrides, mode: str, cache: ResultCache
) -> tuple[bytes | None, Outcome | None]:
    """A file's settings key, and its outcome when the cache knows it: "this
    text is formatted under these settings" (every mode), or, for --check,
    "it would be reformatted"."""
    from .cache import fingerprint

    path = Path(name)
    try:
        config = overrides.config_for(path)
        key = _cache_key(name, overrides, config)
        if key is None:
            return None, None
        source = read_file(path, size_limit(overrides.max_file_size, path, config))
    except (InputError, ConfigError, click.UsageError, OSError):
        return None, None  # the file's run reports it
    value = cache.get(os.path.abspath(name), fingerprint(key, source.text), _verdict)
    if value is None:
        return key, None
    formatted, notes = value
    if formatted:
        return key, Outcome(name, "unchanged", notes=notes)
    if mode == "check":
        return key, Outcome(name, "changed", notes=notes)
    return key, None


def _process(args: Task, split: Common | None = None, jobs: int | None = None) -> Outcome:
    """Format one file (in a worker process or here; ``split``: here, a
    large file by worker processes, as ``jobs`` and ``plan_split`` decide,
    with the decision shown through it)."""
    name, overrides, mode, color, key = args
    path = Path(name)
    try:
        config = overrides.config_for(path)
        options, target = overrides.apply(config)
        source, snapshot = read_for_update(path, size_limit(overrides.max_file_size, path, config))
    except (InputError, ConfigError, click.UsageError) as exc:
        return Outcome(name, "error", str(exc))
    except OSError as exc:  # the configuration's directory cannot be searched
        return Outcome(name, "error", f"{printable(name)}: {exc.strerror or exc}")
    python = _python_enabled(name, overrides, config)
    if not python and name.endswith(".py"):
        return Outcome(
            name,
            "error",
            f"{printable(name)}: a Python file: formatting its SQL needs --python or [format] python = true",
        )

    def run(text: str, workers: int = 1) -> Outcome:
        if python:
            return format_python_text(text, name, options, target, config)
        return format_text(text, name, options, target, color, workers)

    workers = 1
    if split is not None and options.semicolons and not python:
        workers, why = plan_split(len(source.text), jobs)
        if workers > 1:
            split.debug(f"{printable(name)}: formatted in pieces by {workers} workers ({why})")
    outcome = run(source.text, workers)
    if key is not None and (
        outcome.status == "unchanged" or (outcome.status == "changed" and mode != "write")
    ):
        from .cache import fingerprint

        outcome.learnt = (fingerprint(key, source.text), (outcome.status == "unchanged", outcome.notes))
    if outcome.status != "changed":
        return outcome
    assert outcome.new_text is not None
    if mode == "diff":
        outcome.diff = _diff(source.text, outcome.new_text, name)
    elif mode == "write":
        _writing.active = True
        try:
            write_back(path, outcome.new_text, snapshot)
        except WriteError as exc:
            return Outcome(name, "error", str(exc))
        except OSError as exc:
            return Outcome(name, "error", f"{printable(name)}: cannot write: {exc.strerror or exc}")
        finally:
            _writing.active = False
            if _writing.exit_code is not None:
                os._exit(_writing.exit_code)
        if key is not None:
            # The written text is recorded as formatted only when formatting
            # it again leaves it as it is (a formatter that is not idempotent
            # on it must not make the next run skip it).
            from .cache import fingerprint

            again = run(outcome.new_text, workers)
            if again.status == "unchanged":
                outcome.learnt = (fingerprint(key, outcome.new_text), (True, again.notes))
    outcome.new_text = None
    return outcome


class _Writing:
    """Whether this process is writing a file: a signal that ends the
    process waits for the write to finish (``exit_code``)."""

    active = False
    exit_code: int | None = None


_writing = _Writing()
_stop: Any = None  # the run's multiprocessing Event, in a worker process


def _exit_after_write(code: int) -> None:
    if _writing.active:
        _writing.exit_code = code
    else:
        os._exit(code)


def _worker_init(stop: Any) -> None:
    """A worker process: Ctrl-C is the parent's business (it stops giving
    out files); SIGTERM ends the worker, after the write in progress."""
    import signal

    global _stop
    _stop = stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda signum, frame: _exit_after_write(128 + signal.SIGTERM))


def _process_batch(batch: list[Task]) -> list[Outcome]:
    """Format files in a worker, none once the run is interrupted."""
    out = []
    for task in batch:
        if _stop is not None and _stop.is_set():
            out.append(Outcome(task[0], "skipped"))
        else:
            out.append(_process(task))
    return out


class _Interrupt:
    """SIGINT during a run: the first stops giving out files (those being
    written are finished, atomically), the second ends the process at once
    (after a write in progress here, which takes milliseconds)."""

    def __init__(self) -> None:
        self.requested = False
        self.stop: Any = None  # the workers' Event
        self.workers: list[int] = []
        self._previous: Any = None

    def __enter__(self) -> _Interrupt:
        import signal  # files only: formatting stdin does not load it

        self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        import signal

        if not self.requested:  # else a second Ctrl-C still ends the process at once
            signal.signal(signal.SIGINT, self._previous)

    def _handle(self, signum: int, frame: object) -> None:
        if self.requested:
            os.write(2, b"\ninterrupted again: stopping now\n")
            _end_workers(self.workers)
            _exit_after_write(EXIT_INTERRUPTED)
            return
        self.requested = True
        if self.stop is not None:
            self.stop.set()
        os.write(2, b"\ninterrupted: finishing the files in progress (Ctrl-C again to stop at once)\n")


def _end_workers(pids: list[int], grace: float = 0.5) -> None:
    """End the worker processes: SIGTERM (each finishes the write it is
    doing, which takes milliseconds), then SIGKILL after ``grace`` seconds
    for any still there, so that none outlives the command."""
    import signal
    import time

    for pid in pids:
        try:
            os.kill(pid, signal.SIGTERM)
        except OSError:
            pass
    deadline = time.monotonic() + grace
    left = list(pids) if hasattr(os, "WNOHANG") else []
    while left and time.monotonic() < deadline:
        for pid in list(left):
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done = pid  # already reaped
            if done:
                left.remove(pid)
        if left:
            time.sleep(0.01)
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def _run_parallel(
    tasks: list[Task], workers: int, interrupt: _Interrupt, progress: _Progress
) -> list[Outcome]:
    """Format ``tasks`` in worker processes, a few small batches in flight
    at a time, so that an interruption leaves little to finish."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    size = max(1, min(8, len(tasks) // (workers * 8)))
    batches = [tasks[i : i + size] for i in range(0, len(tasks), size)]
    context = multiprocessing.get_context()
    interrupt.stop = context.Event()
    outcomes: list[Outcome] = []
    pending: set[Future[list[Outcome]]] = set()
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_worker_init, initargs=(interrupt.stop,)
    ) as pool:
        queue = iter(batches)
        while True:
            while not interrupt.requested and len(pending) < workers * 2:
                batch = next(queue, None)
                if batch is None:
                    break
                pending.add(pool.submit(_process_batch, batch))
                interrupt.workers = list(pool._processes)
            if not pending:
                break
            done, pending = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            for future in done:
                for outcome in future.result():
                    outcomes.append(outcome)
                    progress.step()
    if interrupt.requested:
        seen = {o.path for o in outcomes}
        outcomes.extend(Outcome(task[0], "skipped") for task in tasks if task[0] not in seen)
    return outcomes


class _Progress:
    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.done = 0
        self.enabled = enabled

    def step(self) -> None:
        self.done += 1
        if self.enabled:
            width = 30
            filled = width * self.done // self.total
            sys.stderr.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {self.done}/{self.total}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 60 + "\r")
            sys.stderr.flush()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@click.command("fmt")
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True, readable=False))
@click.option("-e", "--expr", "expr", metavar="SQL", help="Format this SQL and print it (instead of files).")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 and list the files that would change.")
@click.option("--diff", "show_diff", is_flag=True, help="Write nothing; print a unified diff of the changes.")
@click.option("--line-width", type=click.IntRange(min=1), help="Maximum line width [default: 80].")
@click.option("--indent", type=click.IntRange(0, 16), help="Spaces per indentation level [default: 2].")
@click.option(
    "--keyword-case", type=click.Choice(["upper", "lower", "preserve"]), help="Keyword case [default: upper]."
)
@click.option(
    "--semicolons/--no-semicolons",
    default=None,
    help="End every statement with ';' [default], or leave the last one without.",
)
@click.option(
    "--column-names",
    type=click.Choice(["preserve", "reformat"]),
    help="Unaliased result columns named after their text: copy as written [default: preserve], or reformat.",
)
@click.option(
    "--stdin-filename", metavar="PATH", help="Where stdin's text comes from (finds its configuration)."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Worker processes [default: one per idle core, at most one per 4 files, or per MB of one "
    "large file formatted in pieces; -v says how many].",
)
@click.option("--print-doc", is_flag=True, help="Print the formatter's document for stdin and exit.")
@click.option(
    "--python/--no-python",
    "python",
    default=None,
    help="Format the SQL in triple-quoted strings of .py files too (found as `check` finds it) "
    "[default: the configuration's [format] python, false].",
)
@discovery_options
@target_options
@max_size_option
@cache_options
@common_options
def fmt_command(
    paths: tuple[str, ...],
    expr: str | None,
    check: bool,
    show_diff: bool,
    line_width: int | None,
    indent: int | None,
    keyword_case: str | None,
    semicolons: bool | None,
    column_names: str | None,
    stdin_filename: str | None,
    jobs: int | None,
    print_doc: bool,
    python: bool | None,
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
    """Format SQL files in place (and, with --python, the SQL strings of
    Python files).

    PATHS are files, directories (every *.sql below them, and *.py with
    --python, minus what .gitignore and `exclude` leave out) and glob
    patterns.  With '-', or
    without PATHS when stdin is not a terminal, formats standard input to
    standard output (on a terminal, no PATHS means '.'); -e formats the SQL
    given.  A file that does not parse is reported and left untouched.

    Files are written as a careful editor saves them: a read-only file is
    reported and left alone; a symlink's target is formatted (the link stays
    a link); mode, owner and group are kept; a file with other hard links is
    rewritten in place; a file that changed on disk while it was formatted
    is left as it is now and reported.  A file the results cache
    (.syntaqlite_cache; --no-cache, --cache-dir) knows to be formatted with
    the same settings is not formatted again.  Ctrl-C stops giving out files (those
    being written are finished) and exits 130; a second Ctrl-C exits at
    once.

    Exit status: 0 when all is well, 1 when (with --check/--diff) a file
    would change, 2 when a file failed to parse and on usage or I/O errors,
    3 on an internal error (a bug in syntaqlite: the file is left
    unchanged), 130 when interrupted.  In a Python file, only
    triple-quoted strings that hold SQL are rewritten; everything else in
    the file stays as it is (checked against the module's ``ast``).
    """
    if check and show_diff:
        raise click.UsageError("--check and --diff cannot be used together")
    overrides = Overrides(
        line_width,
        indent,
        keyword_case,
        semicolons,
        sqlite_version,
        tuple(sqlite_cflags),
        common,
        column_names,
        python,
        max_file_size,
    )
    if sqlite_version is not None or sqlite_cflags:
        make_target(sqlite_version, tuple(sqlite_cflags))  # a usage error now, not per file
    color = common.colored()
    if expr is not None:
        if paths:
            raise click.UsageError("-e and PATHS cannot be used together")
        sys.exit(
            _format_text_arg(expr, "<expr>", overrides, stdin_filename, check, show_diff, print_doc, color)
        )
    if "-" in paths and len(paths) > 1:
        raise click.UsageError(
            "'-' (standard input, formatted to standard output) cannot be combined with file paths"
        )
    paths = default_paths(paths, expr, common)
    if not paths or paths == ("-",):
        sys.exit(_format_stdin(overrides, stdin_filename, check, show_diff, print_doc, color))
    if print_doc:
        raise click.UsageError("--print-doc reads standard input or -e only")
    mode = "check" if check else "diff" if show_diff else "write"

    found = discover(
        paths, make_excluder(common, exclude, extend_exclude), force_exclude, _suffixes(overrides)
    )
    status = EXIT_OK
    for message in found.errors:
        click.echo(f"error: {message}", err=True)
        status = EXIT_USAGE
    if not common.quiet:
        for message in found.warnings:
            click.echo(f"warning: {message}", err=True)
    for excluded in found.excluded:
        common.debug(f"{excluded}: excluded")
    if not found.files:
        # Nothing to do is not a failure (as ruff, and as check): a warning.
        if not found.errors and not found.warnings and not found.excluded and not common.quiet:
            click.echo("warning: no SQL files to format", err=True)
        sys.exit(status)
    quiet = common.quiet
    if common.verbose:
        used: dict[str, int] = {}
        for p in found.files:
            try:
                where = str(common.config_for(p).path or "none (defaults)")
            except ConfigError as exc:
                where = f"unreadable ({exc})"
            used[where] = used.get(where, 0) + 1
        for where, n in used.items():
            common.debug(f"configuration: {where} ({_plural(n, 'file')})")

    cache: ResultCache | None = None
    if not no_cache:
        from .cache import open_cache

        cache = open_cache("fmt", cache_dir, common.config_for, common.debug)
    # Files the cache knows are done here (in file order); the others are
    # formatted, by workers when there are enough of them.
    known: dict[int, Outcome] = {}
    tasks: list[Task] = []
    for i, p in enumerate(found.files):
        key = None
        if cache is not None:
            key, hit = _cached(str(p), overrides, mode, cache)
            if hit is not None:
                known[i] = hit
                continue
        tasks.append((str(p), overrides, mode, color, key))
    progress = _Progress(len(tasks), sys.stderr.isatty() and len(tasks) >= PROGRESS_FROM and not quiet)
    size = 0
    for task in tasks:
        try:
            size += os.stat(task[0]).st_size
        except OSError:
            pass  # reported when it is read
    workers, why = plan_workers(len(tasks), size, jobs)
    if tasks:
        common.debug(f"workers: {workers} ({why})")
    outcomes: list[Outcome] = []
    with _Interrupt() as interrupt:
        if len(tasks) >= PARALLEL_FROM and workers > 1:
            outcomes = [*known.values(), *_run_parallel(tasks, workers, interrupt, progress)]
        else:
            queue = iter(tasks)
            for i in range(len(found.files)):
                if i in known:
                    outcomes.append(known[i])
                    continue
                task = next(queue)
                if interrupt.requested:
                    outcomes.append(Outcome(task[0], "skipped"))
                    continue
                outcomes.append(_process(task, common, jobs))
                progress.step()
    progress.close()
    if cache is not None:
        for outcome in outcomes:
            if outcome.learnt is not None:
                fp, value = outcome.learnt
                cache.put(os.path.abspath(outcome.path), fp, value)
        cache.save()

    counts = {"changed": 0, "unchanged": 0, "failed": 0, "error": 0, "internal": 0, "skipped": 0}
    for outcome in outcomes:
        counts[outcome.status] += 1
        for note in outcome.notes:
            click.echo(f"warning: {note}", err=True)
        if outcome.status == "failed":
            click.echo(outcome.message, err=True, color=color)
            status = max(status, EXIT_USAGE)  # ruff's code for a file that does not parse
        elif outcome.status in ("error", "internal"):
            click.echo(f"error: {outcome.message}", err=True)
            status = EXIT_INTERNAL if outcome.status == "internal" else max(status, EXIT_USAGE)
        elif outcome.status == "changed":
            if mode == "check":
                if not quiet:
                    click.echo(f"would reformat: {printable(outcome.path)}")
                status = max(status, EXIT_FINDINGS)
            elif mode == "diff":
                click.echo(outcome.diff, nl=False)
                status = max(status, EXIT_FINDINGS)
    if not quiet or interrupt.requested:
        summary = []
        if mode == "write":
            summary.append(f"{_plural(counts['changed'], 'file')} reformatted")
            summary.append(f"{counts['unchanged']} unchanged")
        else:
            summary.append(f"{_plural(counts['changed'], 'file')} would be reformatted")
            summary.append(f"{counts['unchanged']} already formatted")
        if counts["failed"]:
            summary.append(f"{counts['failed']} failed to parse")
        if counts["error"]:
            summary.append(f"{counts['error']} could not be processed")
        if counts["internal"]:
            summary.append(f"{counts['internal']} hit an internal error")
        if counts["skipped"]:
            summary.append(f"{counts['skipped']} not started")
        prefix = "interrupted: " if interrupt.requested else ""
        click.echo(prefix + ", ".join(summary), err=True)
    if interrupt.requested:
        # Exit now: at interpreter shutdown SIGINT would be SIG_DFL again.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(EXIT_INTERRUPTED)
    sys.exit(status)


def _suffixes(overrides: Overrides) -> tuple[str, ...]:
    """What a directory's walk collects: .sql files, and .py files when
    Python formatting is on (--python, or the configuration in force here)."""
    from ..python import PY_SUFFIXES

    if overrides.python is None:
        try:
            wanted = overrides.config_for(Path.cwd()).python.format
        except ConfigError:
            wanted = False  # reported with each file
    else:
        wanted = overrides.python
    return (*SQL_SUFFIXES, *PY_SUFFIXES) if wanted else SQL_SUFFIXES


def _format_stdin(
    overrides: Overrides,
    stdin_filename: str | None,
    check: bool,
    show_diff: bool,
    print_doc: bool,
    color: bool,
) -> int:
    name = stdin_filename or "<stdin>"
    stdin_hint("fmt")
    try:
        config = overrides.config_for(Path(stdin_filename) if stdin_filename else Path.cwd())
    except ConfigError:
        config = None  # reported when the text is formatted
    try:
        text = read_stdin(name, size_limit(overrides.max_file_size, None, config)).text
    except InputError as exc:
        click.echo(f"error: {exc}", err=True)
        return EXIT_USAGE
    return _format_text_arg(text, name, overrides, stdin_filename, check, show_diff, print_doc, color)


def _format_text_arg(
    text: str,
    name: str,
    overrides: Overrides,
    stdin_filename: str | None,
    check: bool,
    show_diff: bool,
    print_doc: bool,
    color: bool,
) -> int:
    """Format text given on stdin or with -e: the result goes to stdout."""
    try:
        config = overrides.config_for(Path(stdin_filename) if stdin_filename else Path.cwd())
        options, target = overrides.apply(config)
    except ConfigError as exc:
        click.echo(f"error: {exc}", err=True)
        return EXIT_USAGE
    if print_doc:
        from ..fmt.debug import print_docs
        from ..syntax.parser import parse

        result = parse(text, target)
        if result.errors:
            for e in result.errors:
                click.echo(render(e, text, name, style=styler(color)), err=True, color=color)
            return EXIT_USAGE
        click.echo(print_docs(result, options), nl=False)
        return EXIT_OK
    if stdin_filename and _python_enabled(stdin_filename, overrides, config):
        outcome = format_python_text(text, name, options, target, config)
    else:
        outcome = format_text(text, name, options, target, color)
    for note in outcome.notes:
        click.echo(f"warning: {note}", err=True)
    if outcome.status in ("failed", "error", "internal"):
        click.echo(
            outcome.message if outcome.status == "failed" else f"error: {outcome.message}",
            err=True,
            color=color,
        )
        return EXIT_INTERNAL if outcome.status == "internal" else EXIT_USAGE
    new_text = outcome.new_text if outcome.status == "changed" else text
    assert new_text is not None
    if check:
        if outcome.status == "changed":
            click.echo(f"would reformat: {name}", err=True)
            return EXIT_FINDINGS
        return EXIT_OK
    if show_diff:
        if outcome.status == "changed":
            sys.stdout.write(_diff(text, new_text, name))
            return EXIT_FINDINGS
        return EXIT_OK
    sys.stdout.write(new_text)
    return EXIT_OK
