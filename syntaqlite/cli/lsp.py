"""``syntaqlite lsp``: the language server, over stdio.

pygls is imported only when the command runs, so the other commands start
as fast as before and work without the ``lsp`` extra.
"""

from __future__ import annotations

import importlib.util
import logging
import sys

import click

from .common import EXIT_USAGE

INSTALL_HINT = "pip install 'syntaqlite-py[lsp]'"


@click.command("lsp")
@click.option(
    "--stdio",
    is_flag=True,
    hidden=True,
    help="Accepted for editors that pass it; stdio is the only transport.",
)
def lsp_command(stdio: bool) -> None:
    """Run the language server on stdin/stdout (for editors)."""
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

    serve()
