"""What the application registers on its connections at run time, declared
in configuration so that the validator knows it: SQL functions
(``sqlite3_create_function``), collating sequences
(``sqlite3_create_collation``) and virtual-table modules
(``sqlite3_create_module``).

The front ends read ``[check.functions]``, ``[check.collations]`` and
``[check.modules]`` (see :mod:`syntaqlite.config`) and hand the validator a
:class:`Declarations`; the catalog carries it, like the schema.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING

from .._record import Record
from ..syntax.names import normalize

if TYPE_CHECKING:
    from .builtins import Function

BUILTIN_COLLATIONS: frozenset[str] = frozenset({"binary", "nocase", "rtrim"})
"""The collating sequences every SQLite connection has."""

DECLARED_SINCE = (0, 0, 0)
"""The release a declared function is available from: every release."""

KINDS = ("scalar", "aggregate", "window")
"""The kinds a declared function may have (as ``builtins.Function.kind``)."""


class DeclarationError(ValueError):
    """A declaration that cannot be used; the message says which and why."""


class FunctionDecl(Record):
    """A function the application registers: ``max_args`` None for any
    number of arguments from ``min_args``."""

    __slots__ = ("name", "min_args", "max_args", "kind", "signature", "deterministic")

    name: str
    min_args: int
    max_args: int | None
    kind: str
    signature: str
    # Registered with SQLITE_DETERMINISTIC (Python's create_function(...,
    # deterministic=True)): only then may index expressions, partial-index
    # WHERE clauses and generated columns call it.
    deterministic: bool

    def __init__(
        self,
        name: str,
        min_args: int,
        max_args: int | None,
        kind: str = "scalar",
        signature: str = "",
        deterministic: bool = False,
    ) -> None:
        self.name = name
        self.min_args = min_args
        self.max_args = max_args
        self.kind = kind
        self.signature = signature
        self.deterministic = deterministic


class Module(Record):
    """A virtual-table module the application registers.  ``columns`` None:
    its tables' columns are not declared (any column name is accepted)."""

    __slots__ = ("name", "columns", "hidden")

    name: str
    columns: tuple[str, ...] | None
    hidden: tuple[str, ...]

    def __init__(
        self, name: str, columns: tuple[str, ...] | None = None, hidden: tuple[str, ...] = ()
    ) -> None:
        self.name = name
        self.columns = columns
        self.hidden = hidden


class Declarations(Record):
    """Hashable (a cache key for schemas read with it); made by :func:`build`."""

    __slots__ = (
        "function_entries",
        "collations",
        "module_entries",
        "__dict__",
    )  # __dict__: cached properties

    function_entries: tuple[FunctionDecl, ...]
    """Declared functions, one entry per name, kind and argument span."""
    collations: frozenset[str]
    """Declared collation names, case-folded."""
    module_entries: tuple[Module, ...]

    def __init__(
        self,
        function_entries: tuple[FunctionDecl, ...] = (),
        collations: frozenset[str] = frozenset(),
        module_entries: tuple[Module, ...] = (),
    ) -> None:
        self.function_entries = function_entries
        self.collations = collations
        self.module_entries = module_entries

    @cached_property
    def functions(self) -> dict[str, tuple[Function, ...]]:
        """Declared functions by case-folded name, as the validator's
        function entries."""
        from .builtins import Function

        out: dict[str, tuple[Function, ...]] = {}
        for d in self.function_entries:
            key = normalize(d.name)
            summary = f"An application-defined {d.kind} function (declared in configuration)."
            fn = Function(
                d.name,
                d.min_args,
                d.max_args,
                d.kind,
                DECLARED_SINCE,
                d.signature,
                summary,
                deterministic=d.deterministic,
            )
            out[key] = (*out.get(key, ()), fn)
        return out

    @cached_property
    def modules(self) -> dict[str, Module]:
        return {normalize(m.name): m for m in self.module_entries}

    def function(self, name: str) -> tuple[Function, ...]:
        return self.functions.get(normalize(name), ())

    def has_collation(self, name: str) -> bool:
        key = normalize(name)
        return key in BUILTIN_COLLATIONS or key in self.collations

    def module(self, name: str) -> Module | None:
        return self.modules.get(normalize(name))

    def collation_names(self) -> list[str]:
        return sorted(BUILTIN_COLLATIONS | self.collations)


NO_DECLARATIONS = Declarations()


def declared_function(
    name: str, args: object, kind: str = "scalar", deterministic: object = False
) -> tuple[FunctionDecl, ...]:
    """The entries for a function ``name`` taking ``args`` arguments: a
    count, ``"any"``, a list of counts, or ``[min, max]`` written as
    ``"min..max"`` (``"1.."`` for at least one)."""
    if kind not in KINDS:
        raise DeclarationError(f"function {name}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if not isinstance(deterministic, bool):
        raise DeclarationError(f"function {name}: deterministic must be true or false, not {deterministic!r}")
    spans = [_arity(name, args)] if not isinstance(args, list) else [_arity(name, a) for a in args]
    if not spans:
        raise DeclarationError(f"function {name}: give at least one argument count")
    sig = f"{name}({_signature(spans)})"
    return tuple(FunctionDecl(name, lo, hi, kind, sig, deterministic) for lo, hi in spans)


def _arity(name: str, value: object) -> tuple[int, int | None]:
    if isinstance(value, bool):
        raise DeclarationError(f"function {name}: an argument count must be a number, not {value!r}")
    if isinstance(value, int):
        if not 0 <= value <= 1000:  # SQLITE_MAX_FUNCTION_ARG's hard limit
            raise DeclarationError(f"function {name}: {value} arguments is out of range (0 to 1000)")
        return value, value
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("any", "*", "-1"):
            return 0, None
        lo_text, dots, hi_text = text.partition("..")
        if dots and lo_text.isdigit() and (hi_text.isdigit() or not hi_text):
            lo = int(lo_text)
            hi = int(hi_text) if hi_text else None
            if hi is None or lo <= hi:
                return lo, hi
    raise DeclarationError(
        f'function {name}: arguments must be a count, "any", "MIN..MAX", "MIN.." or a list of those, not {value!r}'
    )


def _signature(spans: list[tuple[int, int | None]]) -> str:
    lo = min(s[0] for s in spans)
    hi = None if any(s[1] is None for s in spans) else max(s[1] or 0 for s in spans)
    required = [f"arg{i + 1}" for i in range(lo)]
    if hi is None:
        return ", ".join([*required, "..."])
    optional = [f"[arg{i + 1}]" for i in range(lo, hi)]
    return ", ".join(required + optional)


def build(
    functions: Iterable[FunctionDecl] = (),
    collations: Iterable[str] = (),
    modules: Iterable[Module] = (),
) -> Declarations:
    return Declarations(tuple(functions), frozenset(normalize(c) for c in collations), tuple(modules))


def parse_declarations(
    functions: object = None, collations: object = None, modules: object = None
) -> Declarations:
    """Declarations from configuration values (TOML or Python):

    * ``functions``: name -> argument count (see :func:`declared_function`)
      or ``{"args": ..., "kind": "scalar" | "aggregate" | "window",
      "deterministic": bool}``;
    * ``collations``: a list of names (or a table of name -> true);
    * ``modules``: name -> a list of column names, ``True`` (columns not
      declared) or ``{"columns": [...], "hidden": [...]}``; or a list of
      names.
    """
    decls: list[FunctionDecl] = []
    functions = {} if functions is None else functions
    if not isinstance(functions, dict):
        raise DeclarationError("functions must be a table of name = argument count")
    for name, spec in functions.items():
        args, kind, deterministic = spec, "scalar", False
        if isinstance(spec, dict):
            extra = sorted(set(spec) - {"args", "kind", "deterministic"})
            if extra:
                raise DeclarationError(
                    f"function {name}: unknown key {extra[0]!r} (use args, kind, deterministic)"
                )
            args, kind = spec.get("args", "any"), spec.get("kind", "scalar")
            deterministic = spec.get("deterministic", False)
        decls.extend(
            declared_function(str(name), args, kind if isinstance(kind, str) else repr(kind), deterministic)
        )
    collations = [] if collations is None else collations
    if isinstance(collations, dict):
        names = [str(name) for name, on in collations.items() if on is not False]
    elif isinstance(collations, (list, tuple, set, frozenset)) and all(
        isinstance(c, str) for c in collations
    ):
        names = list(collations)
    else:
        raise DeclarationError("collations must be a list of collation names")
    modules = {} if modules is None else modules
    if isinstance(modules, (list, tuple)) and all(isinstance(m, str) for m in modules):
        modules = dict.fromkeys(modules, True)
    if not isinstance(modules, dict):
        raise DeclarationError("modules must be a table of module = [columns] or true")
    mods = [_module(str(name), spec) for name, spec in modules.items()]
    return build(decls, names, mods)


def _module(name: str, spec: object) -> Module:
    columns: object = spec
    hidden: object = []
    if isinstance(spec, dict):
        extra = sorted(set(spec) - {"columns", "hidden"})
        if extra:
            raise DeclarationError(f"module {name}: unknown key {extra[0]!r} (use columns, hidden)")
        columns, hidden = spec.get("columns", True), spec.get("hidden", [])
    if not (isinstance(hidden, (list, tuple)) and all(isinstance(c, str) for c in hidden)):
        raise DeclarationError(f"module {name}: hidden must be a list of column names")
    if columns is True:
        return Module(name, None, tuple(hidden))
    if isinstance(columns, (list, tuple)) and all(isinstance(c, str) for c in columns):
        return Module(name, tuple(columns), tuple(hidden))
    raise DeclarationError(f"module {name} must be a list of column names or true")
