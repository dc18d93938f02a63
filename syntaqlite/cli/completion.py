"""``syntaqlite generate-shell-completion SHELL``: the script that makes a
shell complete syntaqlite's commands and options (click's completion, as
ruff's command of the same name)."""

from __future__ import annotations

import click
from click.shell_completion import get_completion_class

SHELLS = ("bash", "zsh", "fish")


@click.command("generate-shell-completion")
@click.argument("shell", type=click.Choice(SHELLS))
def completion_command(shell: str) -> None:
    """Print the completion script for SHELL.

    bash:  eval "$(syntaqlite generate-shell-completion bash)"   (in ~/.bashrc)
    zsh:   eval "$(syntaqlite generate-shell-completion zsh)"    (in ~/.zshrc)
    fish:  syntaqlite generate-shell-completion fish > ~/.config/fish/completions/syntaqlite.fish
    """
    from .app import cli

    cls = get_completion_class(shell)
    assert cls is not None  # every SHELLS entry is one click knows
    click.echo(cls(cli, {}, "syntaqlite", "_SYNTAQLITE_COMPLETE").source())
