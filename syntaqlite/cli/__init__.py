"""The ``syntaqlite`` command line (the click application: ``app.py``; one
module per command).  Only this package imports click.

Loading modules allocates a hundred thousand objects that live as long as
the process.  The cyclic garbage collector would walk them several times
while they load and once more at exit, about a fifth of a short command's
run: :func:`main` pauses it while click and the application load, and
``app._load`` while a command's modules load, and each then moves what was
loaded out of its reach (``gc.freeze``).  Objects made later are collected
as usual.  Importing this package does neither.
"""

from __future__ import annotations

import gc


def main() -> None:
    """The ``syntaqlite`` console script."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        from .app import run
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
    run()
