"""``syntaqlite lsp``: the language server, over stdio.

pygls is imported only when the command runs, so the other commands start
as fast as before and work without the ``lsp`` extra.

``--sqlite-version`` and ``--sqlite-cflag`` give the target SQLite for
editors that configure the server by its command line: they are the base of
the editor settings (``initializationOptions`` and later configuration
changes override them key by key; a project's ``syntaqlite.toml`` wins over
both).
"""

from __future__ import annotations

import importlib.util
import logging
import sys

import click

from .common import EXIT_USAGE, make_target, target_options

INSTALL_HINT = "pip install 'syntaqlite-py[lsp]'"


@click.command("lsp")
@click.option(
    "--stdio",
    is_flag=True,
    hidden=True,
    help="Accepted for editors that pass it; stdio is the only transport.",
)
@target_options
def lsp_command(stdio: bool, sqlite_version: str | None, sqlite_cflags: tuple[str, ...]) -> None:
    """Run the language server on stdin/stdout (for editors)."""
    if sqlite_version is not None or sqlite_cflags:
        make_target(sqlite_version, sqlite_cflags)  # a usage error now, not in the editor
    missing = [name for name in ("pygls", "lsprotocol") if importlib.util.find_spec(name) is None]
    if missing:
        click.echo(
            f"syntaqlite lsp needs {' and '.join(missing)}, which are not installed.\n"
            f"Install the language server with: {INSTALL_HINT}",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="syntaqlite lsp: %(levelname)s %(name)s: %(message)s"
    )
    from ..lsp import serve
    from ..lsp.settings import EditorSettings

    serve(EditorSettings(sqlite_version, tuple(sqlite_cflags)))
