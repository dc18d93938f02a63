"""Check the SQL of Python modules: every statement through the validator,
against the project's schema plus the schema the modules themselves
create, and every call's parameters against its placeholders.  Results
are diagnostics with spans in the ``.py`` files.

The schema a project's code creates is collected first, in file order
(the modules as given, each in source order): every embedded text with a
CREATE, ALTER, DROP ... is checked then, against the catalog as it stands,
and changes it.  Every other text (queries, DML) is checked afterwards,
against the whole schema: a function that queries a table may well come
before the one that creates it.

A text reached twice (a module constant executed in two places) is
checked once; each call's parameters are checked at the call.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Related, Severity
from ..syntax.memory import gc_paused
from ..syntax.nodes import ErrorStatement, Select, SelectCore, Statement, Values
from ..syntax.parser import ParseResult, parse
from ..syntax.target import DEFAULT_TARGET, Target
from ..text import Lines
from ..validator.catalog import Catalog, Where
from ..validator.checker import INTERNAL_ERROR, apply_severities, internal_error, run_statement
from ..validator.ddl import DdlChecker, changes_schema
from ..validator.model import SemanticModel
from ..validator.resolve import Resolver
from ..validator.rules import already_exists
from .finder import (
    Embedded,
    Finder,
    FinderOptions,
    Imported,
    ModuleSql,
    PythonSyntaxError,
    constants_of,
    find_sql,
)
from .literals import Piece
from .params import check_bindings, placeholders
from .rules import dynamic_sql, multiple_statements, parameter_mismatch


@dataclass
class ModuleInput:
    path: str
    text: str
    options: FinderOptions = field(default_factory=FinderOptions)


@dataclass
class ModuleResult:
    path: str
    text: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    statements: int = 0
    """How many SQL texts were found (0: the module sends none)."""
    error: str | None = None
    """Why the module could not be read as Python (``line:col: message``)."""
    internal_errors: list[str] = field(default_factory=list)
    """Exceptions in the checker (each also an ``internal-error`` diagnostic)."""
    texts: list[CheckedText] = field(default_factory=list)
    """Each distinct SQL text of the module and what the validator said."""


@dataclass(frozen=True)
class CheckedText:
    """One embedded text: its SQL, its parse, whether it changes the schema,
    and the validator's diagnostics (spans in ``sql``; none when the text is
    dynamic and its skeleton does not parse)."""

    piece: Piece
    parsed: ParseResult
    schema: bool
    checked: bool
    diagnostics: tuple[Diagnostic, ...]


@dataclass
class _Text:
    """One embedded text to validate, and where it came from."""

    module: int
    piece: Piece
    key: str
    parsed: ParseResult
    checkable: bool


def check_modules(
    modules: Sequence[ModuleInput],
    catalog: Catalog | None = None,
    *,
    target: Target = DEFAULT_TARGET,
    severities: Mapping[str, str] | None = None,
) -> list[ModuleResult]:
    """Check ``modules`` together (one project: the schema one creates, the
    others see).  ``catalog`` (the configured schema) is extended."""
    catalog = catalog if catalog is not None else Catalog()
    results = [ModuleResult(m.path, m.text) for m in modules]
    found: list[ModuleSql | None] = []
    project = _Project(modules)
    for m, result in zip(modules, results, strict=True):
        try:
            found.append(find_sql(m.text, m.options, project.imported_by(m.path)))
        except PythonSyntaxError as exc:
            line, column = Lines(m.text).position(exc.offset)
            result.error = f"{line}:{column}: not checked: invalid Python: {exc}"
            found.append(None)
        except Exception as exc:  # noqa: BLE001 - one odd module must not stop the rest
            reason = f"{type(exc).__name__}: {exc}"
            result.internal_errors.append(f"internal error while reading the module: {reason}")
            result.diagnostics.append(
                Diagnostic(
                    INTERNAL_ERROR,
                    f"internal error while reading the module ({reason}); its SQL is not checked",
                    0,
                    0,
                    help="this is a bug in syntaqlite: please report it with the module",
                )
            )
            found.append(None)
    texts: list[_Text] = []
    seen: dict[tuple[int, tuple[int, int], str], _Text] = {}
    per_call: list[tuple[int, Embedded, _Text]] = []
    for index, module in enumerate(found):
        if module is None:
            continue
        for item in module.found:
            key = (index, item.piece.origin, item.piece.text)
            text = seen.get(key)
            if text is None:
                parsed = parse(item.piece.text, target)
                text = _Text(
                    index,
                    item.piece,
                    f"{modules[index].path}#sql{len(texts) + 1}",
                    parsed,
                    checkable=not item.piece.holes or parsed.ok,
                )
                seen[key] = text
                texts.append(text)
                results[index].diagnostics.extend(_dynamic(item.piece))
            results[index].statements += 1
            per_call.append((index, item, text))
    by_key = {t.key: t for t in texts}
    raw: dict[str, list[Diagnostic]] = {}
    schema_texts = [
        t for t in texts if t.checkable and any(changes_schema(s.body) for s in t.parsed.statements)
    ]
    schema_ids = {id(t) for t in schema_texts}
    other_texts = [t for t in texts if t.checkable and id(t) not in schema_ids]
    py_lines = [Lines(m.text) for m in modules]

    def run(text: _Text, on: Catalog, internal: list[str]) -> list[Diagnostic]:
        owner = modules[text.module]
        where = Where(owner.path, text.key, PieceLines(text.piece, py_lines[text.module]))
        found_here: list[Diagnostic] = []
        resolver = Resolver(
            on,
            text.piece.text,
            owner.path,
            target,
            found_here.append,
            SemanticModel(),
            keep_model=False,
            where=where,
        )
        ddl = DdlChecker(resolver)
        for stmt in text.parsed.statements:
            before = len(internal)
            run_statement(resolver, ddl, stmt, internal)
            if len(internal) > before:  # the statement's diagnostics are incomplete
                found_here.append(internal_error(stmt, internal[-1]))
        return found_here

    clash = already_exists.RULE.code
    with gc_paused():
        for text in [*schema_texts, *other_texts]:
            internal = results[text.module].internal_errors
            found_here = [*text.parsed.errors, *(d for d in run(text, catalog, internal) if d.code != clash)]
            if id(text) in schema_ids:
                # An object created twice, first by another text (another
                # call, the configured schema): whether both run on one
                # database is not known.  A clash inside one text (one
                # script) is certain: the text alone, on an empty schema.
                alone = run(text, Catalog(catalog.declared), [])  # its exceptions are the run's above
                found_here.extend(d for d in alone if d.code == clash)
            raw[text.key] = found_here
    for text in texts:
        results[text.module].texts.append(
            CheckedText(
                text.piece, text.parsed, id(text) in schema_ids, text.checkable, tuple(raw.get(text.key, ()))
            )
        )
        for d in raw.get(text.key, ()):
            results[text.module].diagnostics.append(_mapped(d, text, by_key, modules[text.module].text))
    for index, item, text in per_call:
        if text.checkable and text.parsed.ok and not item.piece.holes:
            results[index].diagnostics.extend(_call_checks(item, text))
    for result in results:
        result.diagnostics = _unique(apply_severities(result.diagnostics, severities))
    return results


class _Project:
    """The modules checked together, by the dotted names they can be
    imported as (every suffix of the path: ``pkg/a/consts.py`` is
    ``pkg.a.consts``, ``a.consts`` and ``consts``), for the constants one
    imports from another."""

    def __init__(self, modules: Sequence[ModuleInput]) -> None:
        self.modules = {m.path: m for m in modules}
        self.by_name: dict[str, str] = {}
        for m in modules:
            parts = m.path.replace("\\", "/").removesuffix(".py").split("/")
            if parts[-1] == "__init__":
                parts.pop()
            for i in range(len(parts)):
                self.by_name.setdefault(".".join(parts[i:]), m.path)
        self._finders: dict[str, Finder | None] = {}
        self._busy: set[tuple[str, str]] = set()

    def imported_by(self, path: str) -> Imported:
        def imported(level: int, module: str, name: str) -> str | int | None:
            target = self._resolve(path, level, module)
            if target is None or (target, name) in self._busy:
                return None
            finder = self._finder(target)
            if finder is None:
                return None
            self._busy.add((target, name))  # an import cycle ends here
            try:
                return finder.constant(name)
            finally:
                self._busy.discard((target, name))

        return imported

    def _resolve(self, path: str, level: int, module: str) -> str | None:
        if level == 0:
            return self.by_name.get(module)
        base = path.replace("\\", "/").split("/")[:-1]
        if level > 1:
            base = base[: len(base) - (level - 1)]
        dotted = "/".join([*base, *module.split(".")]) if module else "/".join(base)
        for candidate in (dotted + ".py", dotted + "/__init__.py"):
            if candidate in self.modules:
                return candidate
        return None

    def _finder(self, path: str) -> Finder | None:
        if path not in self._finders:
            self._finders[path] = None
            try:
                self._finders[path] = constants_of(self.modules[path].text, self.imported_by(path))
            except PythonSyntaxError:
                pass
        return self._finders[path]


class PieceLines(Lines):
    """Lines and columns of an embedded text's offsets, in its ``.py``
    file: what a message naming a definition in another module shows."""

    __slots__ = ("piece", "py")

    def __init__(self, piece: Piece, py: Lines) -> None:
        super().__init__(piece.text)
        self.piece = piece
        self.py = py

    def position(self, offset: int) -> tuple[int, int]:
        return self.py.position(self.piece.source_span(offset, offset)[0])


def _unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    seen: set[tuple[str, str, int, int]] = set()
    for d in diagnostics:
        key = (d.code, d.message, d.start, d.end)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def _dynamic(piece: Piece) -> list[Diagnostic]:
    return [
        Diagnostic(
            dynamic_sql.RULE.code,
            dynamic_sql.message(hole.expr, hole.how),
            hole.start,
            hole.end,
            dynamic_sql.RULE.severity,
            help=dynamic_sql.HELP,
        )
        for hole in piece.holes
        if not hole.placeholders_only
    ]


def _mapped(d: Diagnostic, text: _Text, by_key: Mapping[str, _Text], source: str) -> Diagnostic:
    """``d`` (spans in the embedded SQL) with spans in the ``.py`` file."""
    piece = text.piece
    start, end = piece.source_span(d.start, d.end)
    replacement = d.replacement
    if replacement is not None and (
        not piece.is_verbatim(d.start, d.end, source) or not _splices(replacement)
    ):
        replacement = None
    related: list[Related] = []
    for r in d.related:
        if r.path is None or r.path == text.key:
            s, e = piece.source_span(r.start, r.end)
            related.append(Related(r.message, s, e))
        elif r.path in by_key:
            other = by_key[r.path]
            s, e = other.piece.source_span(r.start, r.end)
            same = other.module == text.module
            related.append(Related(r.message, s, e, None if same else r.path.rsplit("#", 1)[0]))
        else:
            related.append(r)
    return d.replace(start=start, end=end, replacement=replacement, related=tuple(related))


_UNSAFE_IN_A_LITERAL = frozenset("\\'\"{}\r\n")


def _splices(replacement: str) -> bool:
    """Whether ``replacement`` means the same written into any Python string
    literal (no quote, backslash, line break, or f-string brace)."""
    return not _UNSAFE_IN_A_LITERAL.intersection(replacement)


def _call_checks(item: Embedded, text: _Text) -> list[Diagnostic]:
    """What the call itself gets wrong: several statements for execute,
    a query for executemany, parameters that do not fit."""
    out: list[Diagnostic] = []
    piece = text.piece
    everything = text.parsed.root.items
    first_at = next((i for i, c in enumerate(everything) if isinstance(c, (Statement, ErrorStatement))), None)
    items = [c for c in everything if isinstance(c, (Statement, ErrorStatement))]
    # sqlite3 skips semicolons before the statement; anything but comments
    # after it (a stray semicolon too) is another statement.
    rest = everything[first_at + 1 :] if first_at is not None else []
    if item.sink in ("execute", "executemany") and item.flavour == "sqlite3" and rest:
        s, e = piece.source_span(rest[0].start, rest[-1].end)
        out.append(
            Diagnostic(
                multiple_statements.RULE.code,
                "You can only execute one statement at a time.",
                s,
                e,
                multiple_statements.RULE.severity,
                help="use executescript() for a script, or one execute() per statement",
            )
        )
        return out
    if not items:
        return out
    first = items[0]
    if (
        item.sink == "executemany"
        and item.flavour == "sqlite3"
        and isinstance(first, Statement)
        and first.explain is None
        and isinstance(first.body, (Select, SelectCore, Values))
    ):
        s, e = piece.source_span(first.start, first.end)
        out.append(
            Diagnostic(
                multiple_statements.RULE.code,
                "executemany() can only execute DML statements.",
                s,
                e,
                multiple_statements.RULE.severity,
                help="executemany() runs INSERT, UPDATE, DELETE or REPLACE once per row",
            )
        )
        return out
    if len(items) > 1:  # apsw spreads the bindings over the statements
        return out
    found = placeholders(text.parsed.tokens)
    given = [item.params] if item.params_known and item.params is not None else []
    given.extend(item.rows or [])
    for bindings in given:
        problem = check_bindings(found, bindings, item.flavour)
        if problem is None:
            continue
        related: tuple[Related, ...] = ()
        if problem.placeholder is not None:
            s, e = piece.source_span(problem.placeholder.start, problem.placeholder.end)
            related = (Related(f"placeholder {problem.placeholder.text}", s, e),)
        elif found.count:
            s, e = piece.source_span(0, len(piece.text))
            related = (
                Related(
                    f"the statement has {found.count} placeholder{'s' if found.count != 1 else ''}", s, e
                ),
            )
        out.append(
            Diagnostic(
                parameter_mismatch.RULE.code,
                problem.message,
                problem.span[0],
                problem.span[1],
                Severity.WARNING if problem.warning else parameter_mismatch.RULE.severity,
                help=problem.help,
                related=related,
            )
        )
    return out
