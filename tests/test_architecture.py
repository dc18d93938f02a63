"""Layering: data flows one way, and only the edges import their frameworks.

* ``syntaqlite.syntax`` imports nothing else of ours (and never Lark: the
  table builder lives in ``syntaqlite_dev``);
* ``fmt`` and ``validator`` import only ``syntax`` (and ``diagnostics``/``text``);
* only ``cli`` imports click; only ``lsp`` imports pygls/lsprotocol;
* nothing in ``syntaqlite`` imports ``syntaqlite_dev`` or a library that only
  development and the tests need.
"""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "syntaqlite"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    module = ".".join(path.relative_to(PKG.parent).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module.rsplit(".__init__", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.add(name)
    return found


def files_in(sub: str) -> list[Path]:
    return sorted((PKG / sub).rglob("*.py")) if (PKG / sub).is_dir() else []


def ours(names: set[str]) -> set[str]:
    return {n for n in names if n == "syntaqlite" or n.startswith("syntaqlite.")}


def test_syntax_imports_nothing_else_of_ours() -> None:
    for path in files_in("syntax"):
        bad = {n for n in ours(imports_of(path)) if not n.startswith("syntaqlite.syntax")}
        bad -= {"syntaqlite.diagnostics"}
        assert not bad, f"{path.name} imports {bad}"


def test_fmt_and_validator_import_only_syntax() -> None:
    allowed = ("syntaqlite.syntax", "syntaqlite.diagnostics", "syntaqlite.text")
    for sub in ("fmt", "validator"):
        assert files_in(sub), sub
        for path in files_in(sub):
            bad = {n for n in ours(imports_of(path)) if not n.startswith((*allowed, f"syntaqlite.{sub}"))}
            assert not bad, f"{sub}/{path.name} imports {bad}"


def test_frameworks_stay_at_the_edges() -> None:
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG).parts
        names = imports_of(path)
        if rel[0] != "cli":
            assert not {n for n in names if n.split(".")[0] == "click"}, path
        if rel[0] != "lsp":
            assert not {n for n in names if n.split(".")[0] in ("pygls", "lsprotocol")}, path


DEV_ONLY = ("syntaqlite_dev", "apsw", "lark", "hypothesis", "pytest", "hatchling")


def test_product_never_imports_dev_only_code() -> None:
    paths = sorted(PKG.rglob("*.py"))
    assert paths
    for path in paths:
        bad = {n for n in imports_of(path) if n.split(".")[0] in DEV_ONLY}
        assert not bad, f"{path.relative_to(PKG.parent)} imports {bad}"
