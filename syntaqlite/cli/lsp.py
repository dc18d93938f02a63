"""``syntaqlite lsp``: the language server, over stdio.

pygls and lsprotocol are dependencies of the base install; they are
imported only when the command runs, so the other commands start fast.  An
environment that lacks them (a broken install) gets the command that
installs them into the environment this program runs from.

``--sqlite-version`` and ``--sqlite-cflag`` give the target SQLite for
editors that configure the server by its command line: they are the base of
the editor settings (``initializationOptions`` and later configuration
changes override them key by key; a project's ``syntaqlite.toml`` wins over
both).
"""

from __future__ import annotations

import importlib.util
import logging
import shlex
import sys
from pathlib import Path

import click

from .common import EXIT_USAGE, make_target, target_options

REQUIREMENTS = ("pygls>=2.0,<3", "lsprotocol>=2025.0.0")


def install_hint() -> str:
    """The command that installs the server's dependencies next to this
    syntaqlite: its own interpreter's pip, whatever PATH says (uv's pip,
    aimed at this interpreter, where the environment has no pip, as
    ``uv tool`` environments do)."""
    if importlib.util.find_spec("pip") is not None:
        words = [sys.executable, "-m", "pip", "install", *REQUIREMENTS]
    else:
        words = ["uv", "pip", "install", "--python", sys.executable, *REQUIREMENTS]
    return " ".join(shlex.quote(w) for w in words)


@click.command("lsp")
@click.option(
    "--stdio",
    is_flag=True,
    hidden=True,
    help="Accepted for editors that pass it; stdio is the only transport.",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="Use this configuration file for every document (instead of each one's nearest).",
)
@click.option("--no-config", "--isolated", "isolated", is_flag=True, help="Read no configuration file.")
@click.option(
    "-v", "--verbose", is_flag=True, help="Log more (on stderr, which editors show as the server's log)."
)
@click.option("-q", "--quiet", is_flag=True, help="Log errors only.")
@target_options
def lsp_command(
    stdio: bool,
    config_file: str | None,
    isolated: bool,
    verbose: bool,
    quiet: bool,
    sqlite_version: str | None,
    sqlite_cflags: tuple[str, ...],
) -> None:
    """Run the language server on stdin/stdout (for editors).

    It reads each file's configuration as the other commands do (the
    nearest syntaqlite.toml or pyproject.toml), or --config's file, or none
    with --no-config.
    """
    if config_file and isolated:
        raise click.UsageError("--config and --no-config cannot be used together")
    if config_file:
        from ..config import ConfigError, load

        try:
            load(Path(config_file))  # a usage error now, not in the editor
        except ConfigError as exc:
            raise click.UsageError(str(exc)) from None
    if sqlite_version is not None or sqlite_cflags:
        make_target(sqlite_version, sqlite_cflags)  # a usage error now, not in the editor
    missing = [name for name in ("pygls", "lsprotocol") if importlib.util.find_spec(name) is None]
    if missing:
        click.echo(
            f"syntaqlite lsp needs {' and '.join(missing)}, which are not installed.\n"
            f"Install them with: {install_hint()}",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    logging.basicConfig(
        level=logging.INFO if verbose else logging.ERROR if quiet else logging.WARNING,
        stream=sys.stderr,
        format="syntaqlite lsp: %(levelname)s %(name)s: %(message)s",
    )
    from ..lsp import serve
    from ..lsp.settings import EditorSettings

    serve(EditorSettings(sqlite_version, tuple(sqlite_cflags), config_file, isolated))
