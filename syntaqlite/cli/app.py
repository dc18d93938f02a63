"""The click application: the command group, which imports each command's
module when it runs (``syntaqlite parse`` never loads the formatter), and
:func:`run`, which turns what escapes a command into an exit status and a
one-line message.  ``syntaqlite.cli.main`` loads it.
"""

from __future__ import annotations

import gc
import importlib
import sys
from types import ModuleType

import click

from .identity import clash_warning

# command name -> (module, function)
COMMANDS = {
    "check": ("syntaqlite.cli.check", "check_command"),
    "clean": ("syntaqlite.cli.clean", "clean_command"),
    "fmt": ("syntaqlite.cli.fmt", "fmt_command"),
    "generate-shell-completion": ("syntaqlite.cli.completion", "completion_command"),
    "lsp": ("syntaqlite.cli.lsp", "lsp_command"),
    "parse": ("syntaqlite.cli.parse", "parse_command"),
    "tokenize": ("syntaqlite.cli.parse", "tokenize_command"),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        from importlib.util import find_spec  # only for --help and completion

        return sorted(name for name, (module, _) in COMMANDS.items() if find_spec(module))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module, attr = entry
        try:
            command = getattr(_load(module), attr)
        except ModuleNotFoundError as exc:
            if exc.name == module:
                return None
            raise
        assert isinstance(command, click.Command)
        return command


def _load(module: str) -> ModuleType:
    """Import a command's module with the collector paused, then freeze
    everything loaded so far (see ``syntaqlite.cli``)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return importlib.import_module(module)
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """``--version``: the text is made only when asked for (it looks for
    the compiled modules on disk)."""
    if not value or ctx.resilient_parsing:
        return
    from .identity import version_text

    click.echo(version_text(), color=ctx.color)
    ctx.exit()


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-V",
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and exit.",
)
def cli() -> None:
    """SQLite's SQL, understood exactly as SQLite understands it."""


def run() -> None:
    warning = clash_warning()
    if warning is not None:
        click.echo(warning, err=True)
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
    except MemoryError:
        sys.stderr.write("error: out of memory; lower --max-file-size, or split the input\n")
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 - a bug must not look like a finding or a traceback
        from ..text import printable

        click.echo(
            f"error: internal error: {type(exc).__name__}: {printable(str(exc))} "
            "(a bug in syntaqlite; please report it)",
            err=True,
        )
        sys.exit(3)
