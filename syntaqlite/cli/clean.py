"""``syntaqlite clean``: remove the results cache (``cache.py``), as
``ruff clean`` does."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..text import printable
from .cache import CACHE_DIR_NAME, cache_root, clean
from .common import EXIT_OK, EXIT_USAGE, Common, common_options


@click.command("clean")
@click.option("--cache-dir", metavar="DIR", help="Remove this cache directory (made by syntaqlite).")
@common_options
def clean_command(cache_dir: str | None, common: Common) -> None:
    """Remove the results cache of `fmt` and `check`: the one this
    directory's runs use (--cache-dir, cache-dir in configuration,
    SYNTAQLITE_CACHE_DIR, else .syntaqlite_cache in the project's root) and
    every .syntaqlite_cache directory below the current directory.  Only a
    directory syntaqlite made (with its CACHEDIR.TAG) is removed."""
    from ..config import ConfigError

    cwd = Path.cwd()
    try:
        config = common.config_for(cwd)
        configured, root = config.cache_dir, config.root or cwd
    except ConfigError as exc:
        click.echo(f"warning: {exc}", err=True)
        configured, root = None, cwd
    chosen = cache_root(cache_dir, False, configured, root)
    candidates = [chosen] if chosen is not None else []
    for here, dirs, _files in os.walk(cwd):
        if CACHE_DIR_NAME in dirs:
            candidates.append(Path(here) / CACHE_DIR_NAME)
        dirs[:] = [d for d in dirs if d != CACHE_DIR_NAME and d not in (".git", "node_modules")]
    status = EXIT_OK
    seen: set[str] = set()
    for directory in candidates:
        where = os.path.abspath(directory)
        if where in seen or not directory.is_dir():
            continue
        seen.add(where)
        try:
            removed = clean(directory)
        except OSError as exc:
            click.echo(f"error: {printable(str(directory))}: cannot remove: {exc.strerror or exc}", err=True)
            status = EXIT_USAGE
            continue
        if removed:
            if not common.quiet:
                click.echo(f"Removed the cache at {printable(str(directory))}", err=True)
        else:
            click.echo(
                f"warning: {printable(str(directory))}: not a syntaqlite cache (no CACHEDIR.TAG of "
                "syntaqlite's): left alone",
                err=True,
            )
    sys.exit(status)
