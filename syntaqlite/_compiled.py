"""Which implementation runs: the pure-Python modules, or some of them
compiled with mypyc (``python -m syntaqlite_dev.compile``, as black ships
its compiled wheels).  Both give identical results (tests/test_compiled.py).

``SYNTAQLITE_PURE=1`` makes every ``syntaqlite`` module load from its ``.py``
file even where a compiled one sits next to it.
"""

from __future__ import annotations

import importlib.machinery
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec
    from types import ModuleType

# The modules mypyc compiles: where profiling shows the time goes when
# parsing, formatting and checking.  (The validator's resolver.py stays
# interpreted: tests monkeypatch its Resolver.  No class of a compiled
# module is a Record: tests/test_compiled_values.py.)
COMPILED_MODULES = (
    "syntaqlite.syntax.tokens",
    "syntaqlite.syntax.cst",
    "syntaqlite.syntax.lexer",
    "syntaqlite.syntax.cut",
    "syntaqlite.syntax.parser",
    "syntaqlite.syntax.automaton",
    "syntaqlite.syntax.actions",
    "syntaqlite.syntax.memory",
    "syntaqlite.syntax.nodes.layout",
    "syntaqlite.fmt.doc",
    "syntaqlite.fmt.printer",
    "syntaqlite.fmt.context",
    "syntaqlite.fmt.comments",
    "syntaqlite.fmt.chunks",
    "syntaqlite.fmt.rules.common",
    "syntaqlite.fmt.rules.ddl",
    "syntaqlite.fmt.rules.dml",
    "syntaqlite.fmt.rules.expr",
    "syntaqlite.fmt.rules.select",
    "syntaqlite.fmt.rules.stmt",
    "syntaqlite.validator.resolve.collations",
    "syntaqlite.validator.resolve.dml",
    "syntaqlite.validator.resolve.expr",
    "syntaqlite.validator.resolve.from_clause",
    "syntaqlite.validator.resolve.functions",
    "syntaqlite.validator.resolve.query",
    "syntaqlite.validator.resolve.rowvalue",
    "syntaqlite.validator.resolve.scope",
)

PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def pure_requested() -> bool:
    return os.environ.get("SYNTAQLITE_PURE", "") not in ("", "0")


def compiled_files(module: str) -> list[str]:
    """The extension files next to ``module``'s source (none: it runs as Python)."""
    parts = module.split(".")[1:]
    base = os.path.join(PACKAGE_DIR, *parts)
    return [
        base + suffix for suffix in importlib.machinery.EXTENSION_SUFFIXES if os.path.exists(base + suffix)
    ]


def implementation() -> str:
    """What ``syntaqlite --version`` says: "compiled (mypyc)" or "pure Python"."""
    compiled = [m for m in COMPILED_MODULES if compiled_files(m)]
    if not compiled:
        return "pure Python"
    if pure_requested():
        return "pure Python (SYNTAQLITE_PURE is set; compiled modules present)"
    if len(compiled) < len(COMPILED_MODULES):
        return f"partly compiled (mypyc: {', '.join(compiled)})"
    return "compiled (mypyc)"


class _SourceOnlyFinder:
    """A meta path finder: ``syntaqlite`` modules as source files only."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if not fullname.startswith("syntaqlite."):
            return None
        import importlib.util

        name = fullname.rpartition(".")[2]
        for entry in path or []:
            package = os.path.join(entry, name)
            init = os.path.join(package, "__init__.py")
            if os.path.isfile(init):
                return importlib.util.spec_from_file_location(
                    fullname, init, submodule_search_locations=[package]
                )
            if os.path.isfile(package + ".py"):
                return importlib.util.spec_from_file_location(fullname, package + ".py")
        return None


def force_pure() -> None:
    """Load every syntaqlite module imported from now on from its source."""
    if not any(isinstance(f, _SourceOnlyFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourceOnlyFinder())
