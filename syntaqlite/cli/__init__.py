"""The ``syntaqlite`` command line.  Only this package imports click."""

from __future__ import annotations

import sys

import click

from .. import __version__
from .parse import parse_command, tokenize_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="syntaqlite")
def cli() -> None:
    """SQLite's SQL, understood exactly as SQLite understands it."""


cli.add_command(parse_command)
cli.add_command(tokenize_command)


def main() -> None:
    try:
        cli.main(prog_name="syntaqlite", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("aborted", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
