"""``syntaqlite fmt``: format files in place (atomically), check them, or
show the diff; stdin to stdout when no path is given."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import click

from ..config import Config, ConfigError, find_config, load
from ..diagnostics import render
from ..fmt import FormatOptions, FormatterBug, format_result
from ..fmt.verify import difference
from ..syntax.parser import parse
from ..syntax.target import Target
from .common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, make_target, target_options, use_color
from .discover import discover
from .files import InputError, decode, read_file, write_atomic

PARALLEL_FROM = 4  # files; fewer are formatted in this process
PROGRESS_FROM = 10  # files; a progress bar on a terminal from this many


@dataclass(frozen=True)
class Overrides:
    """Settings given on the command line; None: take the configuration's."""

    line_width: int | None = None
    indent: int | None = None
    keyword_case: str | None = None
    semicolons: bool | None = None
    sqlite_version: str | None = None
    sqlite_cflags: tuple[str, ...] = ()
    config_file: str | None = None

    def apply(self, config: Config) -> tuple[FormatOptions, Target]:
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
        if changes:
            options = replace(options, **changes)
        if self.sqlite_version is not None or self.sqlite_cflags:
            target = make_target(
                self.sqlite_version or config.sqlite_version, self.sqlite_cflags or config.sqlite_cflags
            )
        else:
            target = config.target()
        return options, target

    def config_for(self, path: Path) -> Config:
        if self.config_file:
            return load(Path(self.config_file)) or Config()
        return find_config(path)


@dataclass
class Outcome:
    path: str
    status: str  # "unchanged", "changed", "failed", "error"
    message: str = ""  # diagnostics (failed) or the error (error)
    diff: str = ""
    new_text: str | None = None


def _line_ending(text: str) -> str:
    """ "\\r\\n" when every line of ``text`` ends with it, else "\\n"."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf == text.count("\n") else "\n"


def format_text(text: str, shown: str, options: FormatOptions, target: Target, color: bool) -> Outcome:
    """Format one text; never raises."""
    ending = _line_ending(text)
    source = text.replace("\r\n", "\n") if ending == "\r\n" else text
    result = parse(source, target)
    if result.errors:
        shown_errors = "\n".join(render(e, source, shown, color=color) for e in result.errors)
        return Outcome(shown, "failed", shown_errors)
    try:
        formatted = format_result(result, options)
    except FormatterBug as exc:
        return Outcome(shown, "error", f"{shown}: formatter bug, file left unchanged: {exc}")
    problem = difference(result, formatted, target)
    if problem is not None:
        return Outcome(shown, "error", f"{shown}: formatter bug, file left unchanged: {problem}")
    if ending == "\r\n":
        formatted = formatted.replace("\n", "\r\n")
    if formatted == text:
        return Outcome(shown, "unchanged")
    return Outcome(shown, "changed", new_text=formatted)


def _diff(old: str, new: str, name: str) -> str:
    import difflib  # only for --diff

    return "".join(
        difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), name, name)
    )


def _process(args: tuple[str, Overrides, str, bool]) -> Outcome:
    """Format one file (in a worker process or here)."""
    name, overrides, mode, color = args
    path = Path(name)
    try:
        source = read_file(path)
        options, target = overrides.apply(overrides.config_for(path))
    except (InputError, ConfigError, click.UsageError) as exc:
        return Outcome(name, "error", str(exc))
    outcome = format_text(source.text, name, options, target, color)
    if outcome.status != "changed":
        return outcome
    assert outcome.new_text is not None
    if mode == "diff":
        outcome.diff = _diff(source.text, outcome.new_text, name)
    elif mode == "write":
        try:
            write_atomic(path, outcome.new_text)
        except OSError as exc:
            return Outcome(name, "error", f"{name}: cannot write: {exc.strerror}")
    outcome.new_text = None
    return outcome


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
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
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
    "--stdin-filename", metavar="PATH", help="Where stdin's text comes from (finds its configuration)."
)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Use this configuration file.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes [default: one per core].")
@click.option("--print-doc", is_flag=True, help="Print the formatter's document for stdin and exit.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
@target_options
def fmt_command(
    paths: tuple[str, ...],
    check: bool,
    show_diff: bool,
    line_width: int | None,
    indent: int | None,
    keyword_case: str | None,
    semicolons: bool | None,
    stdin_filename: str | None,
    config_file: str | None,
    jobs: int | None,
    print_doc: bool,
    quiet: bool,
    sqlite_version: str | None,
    sqlite_cflags: tuple[str, ...],
) -> None:
    """Format SQL files in place.

    PATHS are files, directories (every *.sql below them, minus what
    .gitignore excludes) and glob patterns.  Without PATHS, or with '-',
    formats standard input to standard output.  A file that does not parse is
    reported and left untouched.  Exit status: 0 when all is well, 1 when a
    file failed to parse or (with --check/--diff) would change, 2 on usage or
    I/O errors.
    """
    if check and show_diff:
        raise click.UsageError("--check and --diff cannot be used together")
    overrides = Overrides(
        line_width, indent, keyword_case, semicolons, sqlite_version, tuple(sqlite_cflags), config_file
    )
    if sqlite_version is not None or sqlite_cflags:
        make_target(sqlite_version, tuple(sqlite_cflags))  # a usage error now, not per file
    color = use_color()
    if not paths or paths == ("-",):
        sys.exit(_format_stdin(overrides, stdin_filename, check, show_diff, print_doc, color))
    if print_doc:
        raise click.UsageError("--print-doc reads standard input only")
    mode = "check" if check else "diff" if show_diff else "write"

    found = discover(paths)
    status = EXIT_OK
    for message in found.errors:
        click.echo(f"error: {message}", err=True)
        status = EXIT_USAGE
    for message in found.warnings:
        click.echo(f"warning: {message}", err=True)
    if not found.files:
        if not found.errors:
            click.echo("error: no SQL files to format", err=True)
        sys.exit(EXIT_USAGE)

    tasks = [(str(p), overrides, mode, color) for p in found.files]
    progress = _Progress(len(tasks), sys.stderr.isatty() and len(tasks) >= PROGRESS_FROM and not quiet)
    workers = jobs or os.cpu_count() or 1
    outcomes: list[Outcome] = []
    if len(tasks) >= PARALLEL_FROM and workers > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(workers, len(tasks))) as pool:
            for outcome in pool.map(_process, tasks, chunksize=max(1, len(tasks) // (workers * 8))):
                outcomes.append(outcome)
                progress.step()
    else:
        for task in tasks:
            outcomes.append(_process(task))
            progress.step()
    progress.close()

    counts = {"changed": 0, "unchanged": 0, "failed": 0, "error": 0}
    for outcome in outcomes:
        counts[outcome.status] += 1
        if outcome.status == "failed":
            click.echo(outcome.message, err=True)
            status = max(status, EXIT_FINDINGS)
        elif outcome.status == "error":
            click.echo(f"error: {outcome.message}", err=True)
            status = EXIT_USAGE
        elif outcome.status == "changed":
            if mode == "check":
                if not quiet:
                    click.echo(f"would reformat: {outcome.path}")
                status = max(status, EXIT_FINDINGS)
            elif mode == "diff":
                click.echo(outcome.diff, nl=False)
                status = max(status, EXIT_FINDINGS)
    if not quiet:
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
        click.echo(", ".join(summary), err=True)
    sys.exit(status)


def _format_stdin(
    overrides: Overrides,
    stdin_filename: str | None,
    check: bool,
    show_diff: bool,
    print_doc: bool,
    color: bool,
) -> int:
    name = stdin_filename or "<stdin>"
    try:
        text = decode(sys.stdin.buffer.read(), name)
        config = overrides.config_for(Path(stdin_filename) if stdin_filename else Path.cwd())
        options, target = overrides.apply(config)
    except (InputError, ConfigError) as exc:
        click.echo(f"error: {exc}", err=True)
        return EXIT_USAGE
    if print_doc:
        from ..fmt.debug import print_docs

        result = parse(text, target)
        if result.errors:
            for e in result.errors:
                click.echo(render(e, text, name, color=color), err=True)
            return EXIT_FINDINGS
        click.echo(print_docs(result, options), nl=False)
        return EXIT_OK
    outcome = format_text(text, name, options, target, color)
    if outcome.status in ("failed", "error"):
        click.echo(outcome.message, err=True)
        return EXIT_FINDINGS if outcome.status == "failed" else EXIT_USAGE
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
