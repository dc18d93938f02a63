"""Which syntaqlite runs, and whether the other one shares its environment.

Two distributions install a ``syntaqlite`` command and a ``syntaqlite``
import package: this one (``syntaqlite-py``, pure Python) and the original
syntaqlite (PyPI ``syntaqlite``, written in Rust).  In one environment the
second one installed overwrites the first one's files, and uninstalling
either removes the command both use; pip does not notice.  ``--version``
says which one runs, and every command warns when the other one's metadata
is beside this package.
"""

from __future__ import annotations

import os
import sys

from .. import __version__

DISTRIBUTION = "syntaqlite-py"
PEER = "syntaqlite"
_PEER_PREFIX = "syntaqlite-"  # its .dist-info directory: syntaqlite-<version>.dist-info
_DIST_INFO = ".dist-info"


def package_dir() -> str:
    """The directory of the running ``syntaqlite`` package.  (``os.path``,
    not ``pathlib``: ``--version`` loads no more than it needs.)"""
    return os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def peer_version(site: str | os.PathLike[str] | None = None) -> str | None:
    """The version of the original syntaqlite installed where this package
    is (its ``.dist-info`` beside ours), or None.  One directory listing:
    cheap enough for every start."""
    if site is None:
        site = os.path.dirname(package_dir())
    try:
        names = os.listdir(site)
    except OSError:
        return None
    for name in names:
        if name.startswith(_PEER_PREFIX) and name.endswith(_DIST_INFO):
            version = name[len(_PEER_PREFIX) : -len(_DIST_INFO)]
            if version[:1].isdigit():  # not syntaqlite-py-... written by an old tool
                return version
    return None


def version_text() -> str:
    from .._compiled import implementation

    return f"syntaqlite {__version__} ({DISTRIBUTION}, the Python syntaqlite: {implementation()}, in {package_dir()})"


def clash_warning(site: str | os.PathLike[str] | None = None) -> str | None:
    version = peer_version(site)
    if version is None:
        return None
    import shlex

    return (
        f"warning: the original syntaqlite (PyPI '{PEER}' {version}) is installed in the same "
        f"environment as {DISTRIBUTION}; both install the 'syntaqlite' command and import package, "
        "so one has overwritten the other's files. Keep one per environment: "
        f"'{shlex.quote(sys.executable)} -m pip uninstall {PEER} {DISTRIBUTION}', then reinstall the one "
        "you want (pipx and 'uv tool' give each tool its own environment)."
    )
