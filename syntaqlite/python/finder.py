"""Where a Python module sends SQL to SQLite, found through Python's own
``ast``: a string is SQL because of where it goes, never because of what
it looks like.

The places (*sinks*):

* ``.execute``, ``.executemany`` and ``.executescript`` calls (``sqlite3``
  and ``aiosqlite`` connections and cursors, ``apsw`` cursors and
  connections) in a module that uses SQLite: it imports ``sqlite3``,
  ``aiosqlite``, ``apsw``, ``sqlite_utils`` ..., or names a ``sqlite:``
  database URL, or the configuration says every module does
  (``[python] assume-sqlite = true``);
* SQLAlchemy's ``text(...)`` and pandas' ``read_sql`` / ``read_sql_query``
  in such a module;
* calls configured in ``[python] calls`` (``"query"`` matches ``query(...)``
  and ``x.query(...)``; ``"db.query"`` a call written so);
* a string on the line after a ``# syntaqlite: sql`` comment (the value
  of an assignment, a ``return`` or an expression statement), or on the
  line of a trailing one.

The SQL argument may be a literal or a name bound to one (see
:mod:`.scopes`): a local or module constant, a class attribute through
``self.X``; ``+``, ``%``, ``.format`` and f-strings are followed, their
constant parts joined and their other parts left as holes.
"""

from __future__ import annotations

import ast
import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..syntax.memory import gc_paused
from .literals import Hole, LiteralError, Piece, decode_literals, format_holes, percent_holes
from .scopes import Binding, Scopes
from .source import PySource

EXECUTE_METHODS = {"execute": "execute", "executemany": "executemany", "executescript": "executescript"}
SQLITE_MODULES = frozenset(
    {"sqlite3", "aiosqlite", "apsw", "sqlite_utils", "pysqlite2", "pysqlite3", "sqlean", "sqlcipher3"}
)
_SQL_KEYWORDS = ("sql", "statements", "sql_script", "query")
_PARAM_KEYWORDS = ("parameters", "bindings", "params", "seq_of_parameters", "sequenceofbindings")
_MARKER = re.compile(r"#\s*syntaqlite:\s*sql\b")
_PLACEHOLDER_TEXT = re.compile(r"[?,\s]*")
_MAX_DEPTH = 50


@dataclass(frozen=True)
class FinderOptions:
    calls: tuple[str, ...] = ()
    """More calls whose first argument is SQLite SQL (``[python] calls``)."""
    assume_sqlite: bool = False
    """Every module's ``.execute`` calls are SQLite's (``[python] assume-sqlite``)."""


@dataclass(frozen=True)
class Bindings:
    """Parameters a call passes, as far as the literal shows them."""

    kind: str
    """"sequence", "mapping", "string" (a str is a sequence of characters)
    or "unsupported" (a number ...)."""
    span: tuple[int, int]
    length: int = 0
    names: frozenset[str] = frozenset()


@dataclass
class Embedded:
    """One place SQL goes to SQLite."""

    piece: Piece
    sink: str
    """"execute", "executemany", "executescript", "text", "read_sql", "call" or "marked"."""
    call: str
    """How the call is written (``cur.execute``), or the marker."""
    span: tuple[int, int]
    """The call (or the marked statement)."""
    flavour: str = "sqlite3"
    """Whose binding rules apply: "sqlite3" (also aiosqlite) or "apsw"."""
    params: Bindings | None = None
    """The parameters of an execute-like call (None: not literal or not known)."""
    params_known: bool = False
    """Whether ``params`` tells everything (no parameters passed counts as
    an empty sequence; a non-literal expression as unknown)."""
    rows: list[Bindings] | None = None
    """executemany: each literal row (None: not a literal list)."""


@dataclass
class ModuleSql:
    """What a module sends to SQLite."""

    source: PySource
    found: list[Embedded] = field(default_factory=list)
    uses_sqlite: bool = False


class PythonSyntaxError(Exception):
    """The module is not valid Python; ``offset`` is where."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


Imported = Callable[[int, str, str], "str | int | None"]
"""A project's constants: (level, module, name) of a ``from module import
name`` in this module -> that module's constant string or integer (None:
not one, or not a module of the project)."""


def find_sql(
    text: str, options: FinderOptions = FinderOptions(), imported: Imported | None = None
) -> ModuleSql:
    """The SQL a module's text sends to SQLite, in source order.  Raises
    :class:`PythonSyntaxError` when the text is not Python.  ``imported``
    gives the constants the module imports from the project's other
    modules (folded into f-strings, ``%``, ``.format`` and ``+``)."""
    source = PySource(text)
    if not _may_send_sql(text, options):
        return ModuleSql(source)
    # A byte-order mark, which Python drops when it reads a file (PySource
    # counts it in line 1's columns).
    parsed = text[1:] if text.startswith("\ufeff") else text
    try:
        with warnings.catch_warnings(), gc_paused():  # invalid escapes ...: the module's business
            warnings.simplefilter("ignore")
            tree = ast.parse(parsed)
    except SyntaxError as exc:
        line = exc.lineno or 1
        offset = source.starts[min(line, len(source.starts)) - 1] + max((exc.offset or 1) - 1, 0)
        raise PythonSyntaxError(exc.msg, min(offset, len(text))) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise PythonSyntaxError(str(exc), 0) from None
    with gc_paused():  # the tree and the scopes hold no cycles worth collecting
        return Finder(source, tree, options, imported).run()


def constants_of(text: str, imported: Imported | None = None) -> Finder:
    """A module read for its constants only (:meth:`Finder.constant`).
    Raises :class:`PythonSyntaxError` when the text is not Python."""
    try:
        with warnings.catch_warnings(), gc_paused():
            warnings.simplefilter("ignore")
            tree = ast.parse(text[1:] if text.startswith("\ufeff") else text)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise PythonSyntaxError(str(exc), 0) from None
    return Finder(PySource(text), tree, FinderOptions(), imported)


def _may_send_sql(text: str, options: FinderOptions) -> bool:
    """Whether a module can have a sink at all, by its text: a SQLite
    module's import names its driver (every name in SQLITE_MODULES has
    "sqlite", "apsw", "sqlean" or "sqlcipher" in it), a ``sqlite:`` URL
    says "sqlite", a configured call or a marker is written out.  A module
    without any of them is not parsed."""
    if options.assume_sqlite or "sqlite" in text or "apsw" in text or "sqlean" in text or "sqlcipher" in text:
        return True
    if any(call.rsplit(".", 1)[-1] in text for call in options.calls):
        return True
    return _MARKER.search(text) is not None


class Finder:
    def __init__(
        self, source: PySource, tree: ast.Module, options: FinderOptions, imported: Imported | None = None
    ) -> None:
        self.source = source
        self.tree = tree
        self.options = options
        self.imported = imported
        self.from_imports: dict[str, tuple[int, str, str]] = {}  # local name -> (level, module, name)
        self.star_imports: list[tuple[int, str]] = []
        self.imports: set[str] = set()
        self.text_names: set[str] = set()  # local names of sqlalchemy.text
        self.pandas_names: set[str] = set()  # local names of read_sql / read_sql_query
        self.module_aliases: dict[str, str] = {}  # local name -> module
        self.calls: list[ast.Call] = []
        self.statements: dict[int, ast.stmt] = {}  # first statement of each line
        self.sqlite_url = False
        self._walk()

    @cached_property
    def scopes(self) -> Scopes:
        return Scopes(self.tree)

    # -- the module ------------------------------------------------------

    def _walk(self) -> None:
        """One pass over the tree: imports, calls, statements by line."""
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call):
                self.calls.append(node)
            elif isinstance(node, ast.stmt):
                line = node.lineno
                known = self.statements.get(line)
                if known is None or (node.lineno, node.col_offset) < (known.lineno, known.col_offset):
                    self.statements[line] = node
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    self._import(node)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                if node.value.startswith(("sqlite:", "sqlite+")):
                    self.sqlite_url = True
        self.calls.sort(key=lambda c: (c.lineno, c.col_offset))

    def _import(self, node: ast.Import | ast.ImportFrom) -> None:
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                self.imports.add(top)
                self.module_aliases[alias.asname or top] = alias.name if alias.asname else top
        else:
            for alias in node.names:
                if alias.name == "*":
                    self.star_imports.append((node.level, node.module or ""))
                else:
                    self.from_imports[alias.asname or alias.name] = (
                        node.level,
                        node.module or "",
                        alias.name,
                    )
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            top = node.module.split(".")[0]
            self.imports.add(top)
            for alias in node.names:
                local = alias.asname or alias.name
                if top == "sqlalchemy" and alias.name == "text":
                    self.text_names.add(local)
                elif top == "pandas" and alias.name in ("read_sql", "read_sql_query"):
                    self.pandas_names.add(local)
                elif top in SQLITE_MODULES or top in ("sqlalchemy", "pandas"):
                    self.module_aliases[local] = f"{node.module}.{alias.name}"

    def _uses_sqlite(self) -> bool:
        return self.options.assume_sqlite or bool(self.imports & SQLITE_MODULES) or self.sqlite_url

    def _flavour(self) -> str:
        if "apsw" in self.imports and not self.imports & {"sqlite3", "aiosqlite", "pysqlite2", "pysqlite3"}:
            return "apsw"
        return "sqlite3"

    def run(self) -> ModuleSql:
        out = ModuleSql(self.source, uses_sqlite=self._uses_sqlite())
        flavour = self._flavour()
        if not out.uses_sqlite and not self.options.calls and _MARKER.search(self.source.text) is None:
            return out
        places: list[tuple[tuple[int, int], ast.AST]] = [
            ((stmt.lineno, stmt.col_offset), stmt)
            for line in self._markers()
            if (stmt := self.statements.get(line))
        ]
        places.extend(((c.lineno, c.col_offset), c) for c in self.calls)
        places.sort(key=lambda p: p[0])
        for _, node in places:
            found = self._call(node, out.uses_sqlite, flavour) if isinstance(node, ast.Call) else None
            if isinstance(node, ast.stmt):
                found = self._marked(node)
            if found is not None:
                out.found.append(found)
        return out

    # -- sinks -----------------------------------------------------------

    def _call(self, node: ast.Call, uses_sqlite: bool, flavour: str) -> Embedded | None:
        func = node.func
        written = _dotted(func)
        sink: str | None = None
        if written is not None and self._configured(written):
            sink = "call"
        elif not uses_sqlite:
            return None
        elif isinstance(func, ast.Attribute) and func.attr in EXECUTE_METHODS:
            sink = EXECUTE_METHODS[func.attr]
        elif self._is_text(func):
            sink = "text"
        elif self._is_read_sql(func):
            sink = "read_sql"
        if sink is None:
            return None
        sql_arg = _argument(node, 0, _SQL_KEYWORDS)
        if sql_arg is None:
            return None
        piece = self.piece_of(sql_arg)
        if piece is None:
            return None
        found = Embedded(piece, sink, written or "call", self.source.span(node), flavour)
        if sink in ("execute", "executemany"):
            params = _argument(node, 1, _PARAM_KEYWORDS)
            if sink == "execute":
                if params is None:
                    found.params = Bindings("sequence", self.source.span(node), 0)
                    found.params_known = True
                else:
                    found.params = self.bindings_of(params)
                    found.params_known = found.params is not None
            elif params is not None:
                found.rows = self._rows(params)
        elif sink == "read_sql":
            params = _argument(node, 4, ("params",))
            if params is not None:
                found.params = self.bindings_of(params)
                found.params_known = found.params is not None
        return found

    def _configured(self, written: str) -> bool:
        for call in self.options.calls:
            if "." in call:
                if written == call or written.endswith("." + call):
                    return True
            elif written == call or written.endswith("." + call):
                return True
        return False

    def _is_text(self, func: ast.expr) -> bool:
        if isinstance(func, ast.Name):
            return func.id in self.text_names
        if isinstance(func, ast.Attribute) and func.attr == "text":
            base = _dotted(func.value)
            if base is None:
                return False
            module = self.module_aliases.get(base.split(".")[0], "")
            return module.split(".")[0] == "sqlalchemy"
        return False

    def _is_read_sql(self, func: ast.expr) -> bool:
        if isinstance(func, ast.Name):
            return func.id in self.pandas_names
        if isinstance(func, ast.Attribute) and func.attr in ("read_sql", "read_sql_query"):
            base = _dotted(func.value)
            return base is not None and self.module_aliases.get(base, "").split(".")[0] == "pandas"
        return False

    def _markers(self) -> set[int]:
        """Lines whose statement is marked: the line after a comment-only
        marker line (past blank lines), or the line of a trailing marker."""
        lines: set[int] = set()
        text = self.source.text
        starts = self.source.starts
        for m in _MARKER.finditer(text):
            line = self.source.line_of(m.start())
            start = starts[line - 1]
            if text[start : m.start()].strip():
                lines.add(line)
                continue
            following = line + 1
            while following <= len(starts):
                end = starts[following] if following < len(starts) else len(text)
                if text[starts[following - 1] : end].strip():
                    break
                following += 1
            lines.add(following)
        return lines

    def _marked(self, stmt: ast.stmt) -> Embedded | None:
        value: ast.expr | None = None
        if isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.Return, ast.Expr)):
            value = stmt.value
        if value is None:
            return None
        piece = self.piece_of(value)
        if piece is None:
            return None
        return Embedded(piece, "marked", "# syntaqlite: sql", self.source.span(stmt), self._flavour())

    # -- values ----------------------------------------------------------

    def piece_of(self, expr: ast.expr, depth: int = 0) -> Piece | None:
        """The SQL ``expr`` evaluates to, with holes where it is not
        constant (None: not a string this module spells out)."""
        if depth > _MAX_DEPTH:
            return None
        if isinstance(expr, ast.Constant):
            if not isinstance(expr.value, str):
                return None
            piece = self._decode(expr)
            return piece if piece is not None and piece.text == expr.value else None
        if isinstance(expr, ast.JoinedStr):
            piece = self._decode(expr)
            return None if piece is None else self._fold_fields(expr, piece, depth)
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            left = self.piece_of(expr.left, depth + 1)
            right = self.piece_of(expr.right, depth + 1)
            if left is None and right is None:
                return None
            out = Piece(origin=self.source.span(expr))
            for part, operand in ((left, expr.left), (right, expr.right)):
                external = self._external(operand, numbers=False) if part is None else None
                if external is not None:
                    start, end = self.source.span(operand)
                    out.add(external, start, end)
                elif part is None:
                    out.hole(self._hole(operand, "+"))
                else:
                    out.extend(part)
            return out
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Mod):
            left = self.piece_of(expr.left, depth + 1)
            if left is None:
                return None
            out = percent_holes(left)
            out.origin = self.source.span(expr)
            return self._values(out, _percent_values(out, expr.right), depth)
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "format":
            base = self.piece_of(expr.func.value, depth + 1)
            if base is None:
                return None
            out = format_holes(base)
            out.origin = self.source.span(expr)
            return self._values(out, _format_values(out, expr), depth)
        chain = self._chain(expr)
        if chain is None:
            return None
        joined: Piece | None = None
        for binding in chain:
            assert binding.value is not None
            part = self.piece_of(binding.value, depth + 1)
            if part is None:
                return None
            if joined is None:
                joined = part
            else:
                longer = Piece(origin=joined.origin)
                longer.extend(joined)
                longer.extend(part)
                joined = longer
        return joined

    def _chain(self, expr: ast.expr) -> list[Binding] | None:
        """The bindings of a name or a class attribute (None: unknown)."""
        if isinstance(expr, ast.Name):
            return self.scopes.binding_at(expr.id, expr)
        if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name):
            owner = expr.value.id
            cls: ast.ClassDef | None = None
            if owner in ("self", "cls"):
                cls = self.scopes.enclosing_class(expr)
            elif owner in self.scopes.classes:
                cls = self.scopes.classes[owner]
            if cls is not None:
                return self.scopes.class_attribute(cls, expr.attr)
        return None

    def _decode(self, expr: ast.expr) -> Piece | None:
        start, end = self.source.span(expr)
        try:
            return decode_literals(self.source.text, start, end)
        except (LiteralError, ValueError, KeyError):
            return None

    def _fold_fields(self, expr: ast.JoinedStr, piece: Piece, depth: int) -> Piece:
        """An f-string with each field whose value is a constant string
        (no conversion, no format spec) replaced by that string, and the
        others kept as holes."""
        fields = [v for v in expr.values if isinstance(v, ast.FormattedValue)]
        if len(fields) != len(piece.holes):
            return piece
        out = Piece(origin=piece.origin)
        last = 0
        for hole, value in zip(piece.holes, fields, strict=True):
            _copy_range(piece, last, hole.at, out)
            folded = None
            if value.conversion == -1 and value.format_spec is None:
                folded = self.piece_of(value.value, depth + 1)
                if folded is not None and folded.holes:
                    folded = None
            number = self._number(value.value) if folded is None and value.format_spec is None else None
            external = (
                self._external(value.value)
                if folded is None and number is None and value.format_spec is None and value.conversion == -1
                else None
            )
            if folded is not None:
                out.extend(folded)
            elif number is not None and value.conversion in (-1, ord("s"), ord("r")):
                out.add(number, hole.start, hole.end)
            elif external is not None:
                out.add(external, hole.start, hole.end)
            else:
                out.hole(Hole(hole.start, hole.end, 0, hole.expr, hole.how, _placeholders_only(value.value)))
            last = hole.at + 1
        _copy_range(piece, last, len(piece.text), out)
        return out

    def _values(self, piece: Piece, values: list[tuple[ast.expr, bool] | None], depth: int) -> Piece:
        """``piece`` (holes from % or .format) with each hole's value:
        folded in when it is a constant string converted plainly (the
        bool), else named in the hole."""
        out = Piece(origin=piece.origin)
        last = 0
        for hole, value in zip(piece.holes, values, strict=True):
            _copy_range(piece, last, hole.at, out)
            last = hole.at + 1
            if value is None:
                out.hole(hole)
                continue
            expr, plain = value
            folded = self.piece_of(expr, depth + 1) if plain else None
            if folded is not None and not folded.holes:
                out.extend(folded)
                continue
            number = self._number(expr)
            if number is not None and (plain or hole.expr in ("%d", "%i")):
                out.add(number, hole.start, hole.end)
                continue
            external = self._external(expr) if plain else None
            if external is not None:
                out.add(external, hole.start, hole.end)
                continue
            start, end = self.source.span(expr)
            out.hole(
                Hole(hole.start, hole.end, 0, self.source.text[start:end], hole.how, _placeholders_only(expr))
            )
        _copy_range(piece, last, len(piece.text), out)
        return out

    def _external(self, expr: ast.expr, numbers: bool = True) -> str | None:
        """The text of a constant string (or integer, with ``numbers``)
        another module of the project defines and this one imports by name
        (None: not one)."""
        if self.imported is None or not isinstance(expr, ast.Name):
            return None
        name = expr.id
        scope = self.scopes.enclosing_scope(expr)
        while not isinstance(scope, ast.Module):
            if not isinstance(scope, ast.ClassDef) and name in self.scopes.bindings.get(id(scope), {}):
                return None
            scope = self.scopes.enclosing_scope(scope)
        bound = self.scopes.bindings.get(id(self.tree), {}).get(name)
        value: str | int | None = None
        if bound:
            if len(bound) == 1 and isinstance(bound[0].stmt, ast.ImportFrom) and name in self.from_imports:
                value = self.imported(*self.from_imports[name])
        else:
            for level, module in self.star_imports:
                value = self.imported(level, module, name)
                if value is not None:
                    break
        if value is None or (isinstance(value, int) and not numbers):
            return None
        return str(value)

    def constant(self, name: str) -> str | int | None:
        """This module's constant ``name``: a string with no dynamic part,
        or an integer (None: not one)."""
        chain = self.scopes.module_constant(name)
        if chain is None:
            return None
        if len(chain) == 1 and chain[0].value is not None:
            number = self._number(chain[0].value)
            if number is not None:
                return int(number)
        joined = ""
        for binding in chain:
            assert binding.value is not None
            piece = self.piece_of(binding.value, 1)
            if piece is None or piece.holes:
                return None
            joined += piece.text
        return joined

    def _number(self, expr: ast.expr) -> str | None:
        """The text of an integer constant, written or bound to a name in
        this module (None: not one)."""
        if isinstance(expr, ast.UnaryOp) and isinstance(expr.op, ast.USub):
            inner = self._number(expr.operand)
            return None if inner is None or inner.startswith("-") else "-" + inner
        if isinstance(expr, ast.Constant):
            value = expr.value
            return str(value) if isinstance(value, int) and not isinstance(value, bool) else None
        chain = self._chain(expr)
        if chain is not None and len(chain) == 1 and chain[0].value is not None:
            value_expr = chain[0].value
            if isinstance(value_expr, (ast.Constant, ast.UnaryOp)):
                return self._number(value_expr)
        return None

    def _hole(self, operand: ast.expr, how: str) -> Hole:
        start, end = self.source.span(operand)
        return Hole(start, end, 0, self.source.text[start:end], how, _placeholders_only(operand))

    # -- parameters --------------------------------------------------------

    def bindings_of(self, expr: ast.expr, depth: int = 0) -> Bindings | None:
        span = self.source.span(expr)
        if isinstance(expr, (ast.Tuple, ast.List)):
            if any(isinstance(e, ast.Starred) for e in expr.elts):
                return None
            return Bindings("sequence", span, len(expr.elts))
        if isinstance(expr, ast.Dict):
            keys = []
            for key in expr.keys:
                if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                    return None
                keys.append(key.value)
            return Bindings("mapping", span, len(keys), frozenset(keys))
        if (
            isinstance(expr, ast.Call)
            and isinstance(expr.func, ast.Name)
            and expr.func.id == "dict"
            and not expr.args
            and self.scopes.binding_at("dict", expr) is None
            and "dict" not in self.scopes.bindings.get(id(self.tree), {})
        ):
            if any(k.arg is None for k in expr.keywords):
                return None
            names = frozenset(k.arg for k in expr.keywords if k.arg is not None)
            return Bindings("mapping", span, len(names), names)
        if isinstance(expr, ast.Constant):
            if isinstance(expr.value, str):
                return Bindings("string", span, len(expr.value))
            if expr.value is None:
                return None
            return Bindings("unsupported", span)
        if isinstance(expr, ast.Name) and depth < _MAX_DEPTH:
            chain = self.scopes.binding_at(expr.id, expr)
            # Only a tuple is followed through a name: a list or dict may
            # have been changed in between.
            if chain is not None and len(chain) == 1 and isinstance(chain[0].value, ast.Tuple):
                found = self.bindings_of(chain[0].value, depth + 1)
                return None if found is None else Bindings(found.kind, span, found.length, found.names)
        return None

    def _rows(self, expr: ast.expr) -> list[Bindings] | None:
        if not isinstance(expr, (ast.List, ast.Tuple)):
            return None
        rows = []
        for element in expr.elts:
            if isinstance(element, ast.Starred):
                return None
            row = self.bindings_of(element)
            if row is None:
                return None
            rows.append(row)
        return rows


def _percent_values(piece: Piece, right: ast.expr) -> list[tuple[ast.expr, bool] | None]:
    """The value of each % conversion of ``piece`` (None: not known)."""
    convs = [h.expr for h in piece.holes]
    if len(convs) == 1 and not isinstance(right, (ast.Tuple, ast.Dict)):
        return [(right, convs[0] == "%s")]
    if isinstance(right, ast.Tuple) and len(right.elts) == len(convs):
        if not any(isinstance(e, ast.Starred) for e in right.elts):
            return [(e, c == "%s") for e, c in zip(right.elts, convs, strict=True)]
    if isinstance(right, ast.Dict):
        keyed = {
            k.value: v for k, v in zip(right.keys, right.values, strict=True) if isinstance(k, ast.Constant)
        }
        out: list[tuple[ast.expr, bool] | None] = []
        for c in convs:
            m = re.match(r"%\(([^)]*)\)(.*)", c)
            value = keyed.get(m.group(1)) if m else None
            out.append(None if value is None or m is None else (value, m.group(2) == "s"))
        return out
    return [None] * len(convs)


def _format_values(piece: Piece, call: ast.Call) -> list[tuple[ast.expr, bool] | None]:
    """The value of each ``str.format`` field of ``piece`` (None: not known)."""
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        return [None] * len(piece.holes)
    keywords = {k.arg: k.value for k in call.keywords if k.arg is not None}
    out: list[tuple[ast.expr, bool] | None] = []
    auto = 0
    for hole in piece.holes:
        m = re.fullmatch(r"\{([^!:{}]*)(![rsa])?(:.*)?\}", hole.expr, re.S)
        if m is None:
            out.append(None)
            continue
        name = m.group(1)
        plain = m.group(2) is None and m.group(3) is None
        value: ast.expr | None = None
        if name == "":
            value = call.args[auto] if auto < len(call.args) else None
            auto += 1
        elif name.isdigit():
            index = int(name)
            value = call.args[index] if index < len(call.args) else None
        elif name.isidentifier():
            value = keywords.get(name)
        out.append(None if value is None else (value, plain))
    return out


def _copy_range(piece: Piece, start: int, end: int, out: Piece) -> None:
    """Append piece's characters start..end (and the holes among them) to ``out``."""
    part = Piece(
        piece.text[start:end],
        piece.starts[start:end],
        piece.ends[start:end],
        [
            Hole(h.start, h.end, h.at - start, h.expr, h.how, h.placeholders_only)
            for h in piece.holes
            if start <= h.at < end
        ],
    )
    out.extend(part)


def _placeholders_only(expr: ast.expr) -> bool:
    """Whether ``expr`` can only make a list of ``?`` placeholders: every
    string in it is made of ``?``, commas and spaces, one has a ``?``, and
    it formats nothing (``",".join("?" * len(ids))``)."""
    strings = []
    for node in ast.walk(expr):
        if isinstance(node, (ast.JoinedStr, ast.FormattedValue)):
            return False
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            return False
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            strings.append(node.value)
    return (
        bool(strings)
        and all(_PLACEHOLDER_TEXT.fullmatch(s) for s in strings)
        and any("?" in s for s in strings)
    )


def _argument(call: ast.Call, position: int, keywords: Sequence[str]) -> ast.expr | None:
    if any(isinstance(a, ast.Starred) for a in call.args[: position + 1]):
        return None
    if len(call.args) > position:
        return call.args[position]
    for kw in call.keywords:
        if kw.arg in keywords:
            return kw.value
    return None


def _dotted(expr: ast.expr) -> str | None:
    """``a.b.c`` for a chain of names and attributes (a call in the chain
    is written ``a()``); None for anything else."""
    parts: list[str] = []
    node: ast.expr = expr
    while True:
        if isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Call):
            inner = _dotted(node.func)
            if inner is None:
                return None
            parts.append(inner + "()")
            break
        elif isinstance(node, ast.Name):
            parts.append(node.id)
            break
        else:
            return None
    return ".".join(reversed(parts))
