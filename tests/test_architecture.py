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
        bad -= {"syntaqlite.diagnostics", "syntaqlite.text", "syntaqlite._record"}
        assert not bad, f"{path.name} imports {bad}"


def test_shared_leaves_import_nothing_of_ours() -> None:
    """``text`` (line index, escaping) and ``_record`` (the value classes'
    base) are used by every layer, so they use none."""
    for name in ("text.py", "_record.py"):
        assert not ours(imports_of(PKG / name)), name


def test_fmt_and_validator_import_only_syntax() -> None:
    allowed = ("syntaqlite.syntax", "syntaqlite.diagnostics", "syntaqlite.text", "syntaqlite._record")
    for sub in ("fmt", "validator"):
        assert files_in(sub), sub
        for path in files_in(sub):
            bad = {n for n in ours(imports_of(path)) if not n.startswith((*allowed, f"syntaqlite.{sub}"))}
            assert not bad, f"{sub}/{path.name} imports {bad}"


def test_python_embedding_imports_only_the_core() -> None:
    """``python`` (SQL inside Python) is a consumer of syntax, validator and
    fmt, used by the front ends; it never imports them."""
    allowed = ("syntaqlite.syntax", "syntaqlite.validator", "syntaqlite.fmt", "syntaqlite.python")
    allowed_modules = {"syntaqlite.diagnostics", "syntaqlite.text", "syntaqlite._record"}
    assert files_in("python")
    for path in files_in("python"):
        bad = {n for n in ours(imports_of(path)) if not n.startswith(allowed) and n not in allowed_modules}
        assert not bad, f"python/{path.name} imports {bad}"


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


# -- every stage reads the tree through its typed API --------------------

STAGES = ("fmt", "validator", "lsp", "cli", "python")


def _node_kinds() -> set[str]:
    from syntaqlite.syntax.nodes import CLASSES

    return set(CLASSES)


def _strings(node: ast.AST) -> list[str]:
    """The string constants of an expression that is a string or a tuple,
    list or set of strings."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [s for elt in node.elts for s in _strings(elt)]
    return []


def positional_tree_reads(path: Path) -> list[str]:
    """Where a module reads a tree by child position or by node-kind name
    instead of through the node classes' fields."""
    kinds = _node_kinds()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        shown = path.relative_to(PKG.parent) if path.is_relative_to(PKG.parent) else path
        where = f"{shown}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute):
            if node.value.attr == "children":
                found.append(f"{where}: .children[...]")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in ("child_kind", "children_of_kind"):
                found.append(f"{where}: {node.func.attr}()")
        elif isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(isinstance(s, ast.Attribute) and s.attr == "kind" for s in sides):
                named = {s for side in sides for s in _strings(side)} & kinds
                if named:
                    found.append(f"{where}: node kind compared with {sorted(named)}")
        elif isinstance(node, ast.Dict):
            # "error" is a node kind and an everyday word: a status record
            # keyed by it is no kind-keyed table.
            named = {s for key in node.keys if key is not None for s in _strings(key)} & (kinds - {"error"})
            if named:
                found.append(f"{where}: a table keyed by node kinds {sorted(named)[:3]}")
    return found


def test_stages_read_trees_through_fields() -> None:
    found: list[str] = []
    for stage in STAGES:
        for path in files_in(stage):
            found.extend(positional_tree_reads(path))
    assert not found, "read the tree through the node classes' fields:\n" + "\n".join(found)


def test_the_positional_read_detector_detects(tmp_path: Path) -> None:
    sample = (
        "def f(node):\n"
        "    a = node.children[0]\n"
        "    b = node.child_kind('where_clause')\n"
        "    if node.kind in ('select_core', 'values'):\n"
        "        pass\n"
        "    if tok.kind == 'COMMA':\n"
        "        pass\n"
        "    return {'binary_expr': 1}\n"
    )
    path = tmp_path / "sample.py"
    path.write_text(sample, encoding="utf-8")
    found = positional_tree_reads(path)
    assert len(found) == 4, found
