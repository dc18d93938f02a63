"""The ``syntaqlite`` command line.  Only this package imports click.

Commands are imported when they run, so that a command pays only for what it
uses (``syntaqlite parse`` never loads the formatter).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys

import click

from .. import __version__
from .._compiled import implementation

# command name -> (module, function)
COMMANDS = {
    "check": ("syntaqlite.cli.check", "check_command"),
    "fmt": ("syntaqlite.cli.fmt", "fmt_command"),
    "lsp": ("syntaqlite.cli.lsp", "lsp_command"),
    "parse": ("syntaqlite.cli.parse", "parse_command"),
    "tokenize": ("syntaqlite.cli.parse", "tokenize_command"),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name, (module, _) in COMMANDS.items() if importlib.util.find_spec(module))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module, attr = entry
        try:
            command = getattr(importlib.import_module(module), attr)
        except ModuleNotFoundError as exc:
            if exc.name == module:
                return None
            raise
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__,
    "-V",
    "--version",
    prog_name="syntaqlite",
    message=f"%(prog)s %(version)s ({implementation()})",
)
def cli() -> None:
    """SQLite's SQL, understood exactly as SQLite understands it."""


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
