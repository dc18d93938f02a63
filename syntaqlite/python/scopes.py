"""What a name means where it is used, as far as one module tells: the
assignment that binds it, when exactly one does on every path.

Only what is certain is answered.  In a function (or at module level), a
name read at a place means the nearest assignment before it in the same
scope, provided that assignment *dominates* the place (it sits in a block
that encloses the place, earlier): ``sql = "..."`` then ``if x: sql +=
"..."`` leaves ``sql`` unknown after the ``if``.  A function reads a
module constant when every module-level binding of the name is a plain
assignment at the top level (the last one wins: functions run later).
``self.X``, ``cls.X`` and ``Class.X`` read the class body's last
assignment of ``X``.  Anything else (parameters, loops, imports,
``global``) is unknown.
"""

from __future__ import annotations

import ast
from bisect import bisect_left
from dataclasses import dataclass

_SCOPES = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
_NEW_SCOPE = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.Lambda,
    ast.ListComp,
    ast.SetComp,
    ast.DictComp,
    ast.GeneratorExp,
)


@dataclass(frozen=True)
class Binding:
    """One binding of a name: the statement, and the value when the
    statement is ``name = value`` (``value`` None: unknown) or ``name +=
    value`` (``augmented``)."""

    stmt: ast.AST
    value: ast.expr | None
    augmented: bool = False

    @property
    def position(self) -> tuple[int, int]:
        node = self.stmt.target if isinstance(self.stmt, ast.comprehension) else self.stmt
        return node.lineno, node.col_offset  # type: ignore[attr-defined]


class Scopes:
    """Parents, scopes and the bindings of every scope of a module."""

    def __init__(self, tree: ast.Module) -> None:
        self.tree = tree
        self.parent: dict[int, tuple[ast.AST, str]] = {}
        self.scope_of: dict[int, ast.AST] = {}
        self.bindings: dict[int, dict[str, list[Binding]]] = {}
        self.classes: dict[str, ast.ClassDef] = {}
        self.index_in: dict[int, int] = {}  # a statement's index in its statement list
        self._index(tree)
        for names in self.bindings.values():
            for found in names.values():
                found.sort(key=_position)
        for stmt in tree.body:
            if isinstance(stmt, ast.ClassDef):
                self.classes[stmt.name] = stmt

    def _index(self, tree: ast.Module) -> None:
        stack: list[tuple[ast.AST, ast.AST]] = [(tree, tree)]
        self.bindings[id(tree)] = {}
        while stack:
            node, scope = stack.pop()
            inner = node if isinstance(node, _NEW_SCOPE) and node is not scope else scope
            if inner is not scope:
                self.bindings.setdefault(id(inner), {})
                self._bind_definition(node, scope)
                if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                    for arg in _arguments(inner.args):
                        self._add(inner, arg.arg, Binding(inner, None))
            self._bind(node, inner)
            for name, value in ast.iter_fields(node):
                children = value if isinstance(value, list) else [value]
                for i, child in enumerate(children):
                    if isinstance(child, ast.AST):
                        self.index_in[id(child)] = i
                        self.parent[id(child)] = (node, name)
                        # Decorators, defaults and bases run in the outer scope.
                        outer = isinstance(node, _NEW_SCOPE) and name in (
                            "decorator_list",
                            "bases",
                            "keywords",
                            "returns",
                        )
                        owner = scope if outer or (isinstance(node, ast.arguments)) else inner
                        self.scope_of[id(child)] = owner
                        stack.append((child, owner))

    def _add(self, scope: ast.AST, name: str, binding: Binding) -> None:
        self.bindings.setdefault(id(scope), {}).setdefault(name, []).append(binding)

    def _bind_definition(self, node: ast.AST, scope: ast.AST) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            self._add(scope, node.name, Binding(node, None))

    def _bind(self, node: ast.AST, scope: ast.AST) -> None:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self._add(scope, target.id, Binding(node, node.value))
                else:
                    for name in _names(target):
                        self._add(scope, name, Binding(node, None))
        elif isinstance(node, ast.AnnAssign):
            if isinstance(node.target, ast.Name):
                self._add(scope, node.target.id, Binding(node, node.value))
        elif isinstance(node, ast.AugAssign):
            if isinstance(node.target, ast.Name):
                plus = isinstance(node.op, ast.Add)
                self._add(scope, node.target.id, Binding(node, node.value if plus else None, augmented=plus))
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            for name in _names(node.target):
                self._add(scope, name, Binding(node, None))
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if item.optional_vars is not None:
                    for name in _names(item.optional_vars):
                        self._add(scope, name, Binding(node, None))
        elif isinstance(node, ast.NamedExpr):
            self._add(scope, node.target.id, Binding(node, None))
        elif isinstance(node, ast.ExceptHandler) and node.name:
            self._add(scope, node.name, Binding(node, None))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                self._add(scope, (alias.asname or alias.name).split(".")[0], Binding(node, None))
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            for name in node.names:
                self._add(scope, name, Binding(node, None))
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            self._add(scope, node.name, Binding(node, None))

    # -- questions ---------------------------------------------------------

    def enclosing_scope(self, node: ast.AST) -> ast.AST:
        return self.scope_of.get(id(node), self.tree)

    def statement_of(self, node: ast.AST) -> ast.AST:
        while not isinstance(node, ast.stmt):
            up = self.parent.get(id(node))
            if up is None:
                return node
            node = up[0]
        return node

    def dominates(self, stmt: ast.AST, use: ast.AST) -> bool:
        """Whether ``stmt`` runs before ``use`` on every path: it is in a
        statement list that holds (an ancestor of) ``use`` after it."""
        where = self.parent.get(id(stmt))
        if where is None:
            return False
        owner, field = where
        if not isinstance(getattr(owner, field), list):
            return False
        index = self.index_in[id(stmt)]
        node = use
        while True:
            up = self.parent.get(id(node))
            if up is None:
                return False
            if up[0] is owner and up[1] == field:
                return self.index_in[id(node)] > index
            node = up[0]

    def binding_at(self, name: str, use: ast.AST) -> list[Binding] | None:
        """The chain of bindings that give ``name`` its value at ``use``:
        a plain assignment, preceded by the ``+=`` that extend it
        (None: not certain)."""
        scope = self.enclosing_scope(use)
        own = self.bindings.get(id(scope), {}).get(name)
        if own:
            return self._nearest(own, use)
        if scope is self.tree:
            return None
        if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            # A closure's variable: only the module level is followed.
            parent_scope = self.enclosing_scope(scope)
            while not isinstance(parent_scope, ast.Module):
                if name in self.bindings.get(id(parent_scope), {}) and not isinstance(
                    parent_scope, ast.ClassDef
                ):
                    return None
                parent_scope = self.enclosing_scope(parent_scope)
        return self.module_constant(name)

    def _nearest(self, bindings: list[Binding], use: ast.AST) -> list[Binding] | None:
        here = (use.lineno, use.col_offset)  # type: ignore[attr-defined]
        statement = self.statement_of(use)
        i = bisect_left(bindings, here, key=_position)  # sorted by position
        while i > 0 and bindings[i - 1].stmt is statement:
            i -= 1
        if i == 0:
            return None
        last = bindings[i - 1]
        if last.value is None or not self.dominates(last.stmt, use):
            return None
        if last.augmented:
            rest = self._nearest(bindings, last.stmt)
            return None if rest is None else [*rest, last]
        return [last]

    def module_constant(self, name: str) -> list[Binding] | None:
        found = self.bindings.get(id(self.tree), {}).get(name)
        if not found:
            return None
        for b in found:
            if b.value is None or self.parent.get(id(b.stmt), (None, ""))[0] is not self.tree:
                return None
        chain: list[Binding] = []
        for b in sorted(found, key=lambda b: b.position):
            chain = [*chain, b] if b.augmented else [b]
        return chain if chain and not chain[0].augmented else None

    def class_attribute(self, cls: ast.ClassDef, name: str) -> list[Binding] | None:
        found = self.bindings.get(id(cls), {}).get(name)
        if not found:
            return None
        for b in found:
            if b.value is None or self.parent.get(id(b.stmt), (None, ""))[0] is not cls:
                return None
        chain: list[Binding] = []
        for b in sorted(found, key=lambda b: b.position):
            chain = [*chain, b] if b.augmented else [b]
        return chain if chain and not chain[0].augmented else None

    def enclosing_class(self, node: ast.AST) -> ast.ClassDef | None:
        """The class whose method ``node`` is in."""
        scope = self.enclosing_scope(node)
        while not isinstance(scope, ast.Module):
            if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
                outer = self.enclosing_scope(scope)
                if isinstance(outer, ast.ClassDef):
                    return outer
            scope = self.enclosing_scope(scope)
        return None


def _position(binding: Binding) -> tuple[int, int]:
    return binding.position


def _arguments(args: ast.arguments) -> list[ast.arg]:
    out = [*args.posonlyargs, *args.args, *args.kwonlyargs]
    if args.vararg:
        out.append(args.vararg)
    if args.kwarg:
        out.append(args.kwarg)
    return out


def _names(target: ast.AST) -> list[str]:
    return [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]
