"""The validator behind the language server: semantic diagnostics,
completion candidates from the schema, hover, go to definition, references
and rename, all from :mod:`syntaqlite.validator`.

Incremental checking
--------------------
The document is checked statement chunk by statement chunk, in order, each
against the catalog built so far: the project's schema files (from the
configuration, cached while their modification times stay the same), then
the document's own CREATE/ALTER/DROP/ATTACH ... statements.  A chunk that
changes no schema is checked against a catalog that only the schema chunks
before it decide, so its result is kept in the chunk's memo under a
*fingerprint* of those chunks' texts and reused while they stay the same:
typing in one SELECT of a 5,000-line file re-checks that SELECT and the
schema statements (which must run again to rebuild the catalog), nothing
else.

Every chunk is checked alone, so its tokens, diagnostics and the locations
the resolver records in the catalog are spans of the chunk's text; the
resolver is told the chunk's key (:class:`~syntaqlite.validator.catalog.Where`),
so that a location names the chunk it is in, and :mod:`.placement` puts
them all at document offsets, where the chunks are now.  The
names a chunk defines and uses (its :class:`~syntaqlite.validator.model.SemanticModel`)
are found again by their target's key: a table or a table's column is the
same thing everywhere in the document, a CTE, an alias or a window only
inside its statement.
"""

from __future__ import annotations

import contextvars
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic
from ..syntax.names import is_quoted, normalize, unquote
from ..syntax.names import quote as quote_name
from ..syntax.stack import deep_call
from ..syntax.target import Target as SqliteTarget
from ..syntax.tokens import Token
from ..text import Lines
from ..validator.catalog import Catalog, Index, Table, Trigger, Where
from ..validator.checker import apply_severities, internal_error, run_statement
from ..validator.ddl import DdlChecker, changes_schema
from ..validator.declared import NO_DECLARATIONS, Declarations
from ..validator.model import InScope, Reference, Referent, SemanticModel
from ..validator.resolve import Resolver
from ..validator.schema import SchemaError, load_files, load_sql
from .blocks import Blocks
from .documents import CHECKPOINTS, STALE_EVERY, Chunk, raise_if_stale
from .in_scope import columns_in, ctes_in, probe
from .placement import chunk_starts, is_chunk_key, points_into_chunks, to_document
from .scan import is_name, significant
from .semantics import ColumnInfo, DocumentSemantics, Edit, HoverInfo, Place, SqlDocument, TableInfo

log = logging.getLogger("syntaqlite.lsp")
_MEMO = "validator.checks"
_CHANGES = "validator.changes-schema"
DOCUMENT = "\x00document"
"""The path the resolver is given for the document itself, so that a
location in it is told apart from one in a schema file."""


@dataclass
class ChunkCheck:
    """One chunk's check: diagnostics and model, relative to the chunk."""

    diagnostics: list[Diagnostic]
    model: SemanticModel
    internal: list[str]
    after: int = 0  # the schema's digest after the chunk
    # At document offsets, by where the chunk starts.
    placed: dict[int, list[Diagnostic]] = field(default_factory=dict)
    points: bool = field(init=False)  # a diagnostic has a related location in another chunk

    def __post_init__(self) -> None:
        self.points = any(points_into_chunks(d) for d in self.diagnostics)


@dataclass
class Checked:
    """A document version, checked."""

    version: int
    text: str
    stamp: tuple[object, ...]  # the schema files it was checked against
    checks_config: tuple[tuple[str, str], ...]
    checks: Blocks[ChunkCheck]
    catalog: Catalog  # the schema after the last chunk
    diagnostics: list[Diagnostic]
    snapshots: dict[int, Catalog] = field(
        default_factory=dict
    )  # by fingerprint: the schema before those chunks
    tables: dict[str, TableInfo] | None = None
    states: Blocks[int] = field(default_factory=Blocks)  # the schema's digest before each chunk
    flagged: list[int] = field(default_factory=list)  # the chunks with diagnostics
    points: bool = False  # a diagnostic has a related location in another chunk


class SchemaFiles:
    """Catalogs of the configured schema files, cached by file, size and
    modification time, with the digest of what each holds.  A schema file
    that cannot be read, or has statements that do not parse, is reported
    once per version of it, in the server's log.

    A schema file open in the editor counts as its text there, unsaved
    edits included (:meth:`set_open_text`)."""

    def __init__(self) -> None:
        self._cache: dict[tuple[object, ...], tuple[Catalog, int]] = {}
        self._open: dict[str, str] = {}  # resolved path -> text; replaced whole, never mutated

    def set_open_text(self, path: Path, text: str | None) -> None:
        """The text of ``path`` as open in the editor (None: closed, the
        file on disk counts again).  Called from the event loop while the
        analysis threads read: the mapping is replaced, not changed."""
        key = str(path.resolve())
        opened = dict(self._open)
        if text is None:
            opened.pop(key, None)
        else:
            opened[key] = text
        self._open = opened

    def catalog(
        self, files: Sequence[Path], target: SqliteTarget, declared: Declarations = NO_DECLARATIONS
    ) -> tuple[Catalog, tuple[object, ...], int]:
        """The catalog, its stamp (what it was read from, with the declared
        functions, collations and modules) and its digest."""
        opened = self._open
        stamp: list[object] = [target, declared]
        texts: list[str | None] = []
        for f in files:
            resolved = str(f.resolve())
            text = opened.get(resolved)
            texts.append(text)
            if text is not None:
                stamp.append((resolved, "open", text))
                continue
            try:
                st = os.stat(f)
                stamp.append((resolved, st.st_mtime_ns, st.st_size))
            except OSError:
                stamp.append((str(f), None, None))
        key = tuple(stamp)
        found = self._cache.get(key)
        if found is None:
            problems: list[str] = []
            catalog = Catalog(declared)
            for f, text in zip(files, texts, strict=True):
                try:
                    if text is None:
                        load_files([f], target, catalog=catalog, on_problem=problems.append)
                    else:
                        _load_open(catalog, f, text, target, problems)
                except SchemaError as exc:
                    problems.append(str(exc))
            for problem in problems:
                log.warning("schema: %s", problem)
            if len(self._cache) > 8:
                self._cache.clear()
            found = self._cache[key] = (catalog, hash((hash(key), digest(catalog))))
        return found[0], key, found[1]


def _load_open(catalog: Catalog, path: Path, text: str, target: SqliteTarget, problems: list[str]) -> None:
    """Add the schema in ``text``, the editor's text of ``path``."""
    lines = Lines(text)
    for d in load_sql(catalog, text, str(path), target):
        if d.code == "syntax":
            line, column = lines.position(d.start)
            problems.append(f"{path}:{line}:{column}: {d.message} (this statement is left out of the schema)")
    catalog.databases["main"].known = True


def digest(catalog: Catalog, before: Catalog | None = None, before_digest: int = 0) -> int:
    """A digest of what the catalog holds (tables with their columns,
    indexes, triggers, databases), the same for equal contents.  It is a sum
    (XOR) over the entries, so from ``before`` and its digest only the
    entries that changed (dictionaries share unchanged ones, see
    :meth:`Catalog.snapshot`) are hashed again."""
    value = before_digest if before is not None else 0
    if (before is not None and before.writable_schema) != catalog.writable_schema:
        value ^= hash("writable_schema")
    if catalog.savepoints or (before is not None and before.savepoints):
        value ^= _savepoints(catalog) ^ (_savepoints(before) if before is not None else 0)
    old_dbs = before.databases if before is not None else {}
    if (before is not None and before.writable_schema) != catalog.writable_schema:
        value ^= hash("writable_schema")
    for key in old_dbs.keys() | catalog.databases.keys():
        a, b = old_dbs.get(key), catalog.databases.get(key)
        if a is not None and b is not None and a.known == b.known:
            pass
        else:
            value ^= hash(("db", key, a.known)) if a is not None else 0
            value ^= hash(("db", key, b.known)) if b is not None else 0
        for part in ("tables", "indexes", "triggers"):
            x: dict[str, object] = getattr(a, part) if a is not None else {}
            y: dict[str, object] = getattr(b, part) if b is not None else {}
            for name in x.keys() | y.keys() if x else y.keys():
                u, v = x.get(name), y.get(name)
                if u is v:
                    continue
                if u is not None:
                    value ^= hash((key, part, name, _entry(u)))
                if v is not None:
                    value ^= hash((key, part, name, _entry(v)))
    return value


def _savepoints(catalog: Catalog) -> int:
    """A digest of the open transaction: what a ROLLBACK would go back to."""
    if not catalog.savepoints:
        return 0
    return hash(tuple((name and normalize(name), digest(saved)) for name, saved in catalog.savepoints))


def _entry(item: object) -> object:
    """What counts of a table, index or trigger (not where it was defined)."""
    if isinstance(item, Table):
        cols = tuple((c.key, c.type, c.hidden) for c in item.columns)
        return (item.key, item.kind, item.columns_known, item.without_rowid, item.autoincrement, cols)
    if isinstance(item, Index):
        return (normalize(item.name), normalize(item.table))
    if isinstance(item, Trigger):
        return (normalize(item.name), normalize(item.table), item.timing, item.event, item.columns)
    raise TypeError(f"not a catalog entry: {item!r}")


def is_global(target: Referent) -> bool:
    """Whether a name means the same thing in every statement: a table or
    view, a column of one, a database.  CTEs, aliases, windows and the
    columns of subqueries belong to their statement."""
    if target.key.startswith(("table:", "database:", "function:")):
        return True
    return target.key.startswith("column:") and ":" not in target.key[len("column:") :]


class ValidatorSemantics(DocumentSemantics):
    """The :class:`~syntaqlite.lsp.semantics.Semantics` of the language
    server, from the validator (with :class:`DocumentSemantics`, which reads
    tokens, for statements that do not parse yet)."""

    def __init__(self) -> None:
        self.schemas = SchemaFiles()
        self._checked: dict[str, Checked] = {}
        self._tables: dict[int, tuple[Catalog, dict[str, TableInfo]]] = {}

    # -- checking ---------------------------------------------------------------------

    def checked(self, doc: SqlDocument) -> Checked:
        """The document checked (cached for its version, while the schema
        files stay as they were)."""
        base, stamp, state = self.schemas.catalog(self.schema_files(doc), doc.target, doc.config.declarations)
        found = self._checked.get(doc.uri)
        if (
            found is None
            or found.version != doc.version
            or found.text is not doc.text
            or found.stamp != stamp
            or found.checks_config != doc.config.checks
        ):
            # On a deep stack, as check_text: SQL nests as deep as SQLite
            # allows; in this context (the job's STALE and CHECKPOINTS).
            context = contextvars.copy_context()
            found = deep_call(lambda: context.run(self._check, doc, base, stamp, state))
            self._checked[doc.uri] = found
        return found

    def schema_files(self, doc: SqlDocument) -> list[Path]:
        """The configured schema files for the document, but itself."""
        me = doc.path.resolve() if doc.path is not None else None
        return [p for p in doc.config.schema_files_for(doc.path) if p.resolve() != me]

    def forget(self, uri: str) -> None:
        self._checked.pop(uri, None)

    def _check(self, doc: SqlDocument, base: Catalog, stamp: tuple[object, ...], state: int) -> Checked:
        """Check every chunk, reusing what the previous check of this
        document found where it still holds (see the module docstring).

        After an edit, the chunks before the edited ones (the same chunks,
        checked against the same schema) keep their checks as a whole, and
        so do the chunks after them when the schema there is as before:
        only the edited chunks are visited."""
        previous = self._checked.get(doc.uri)
        old = previous.snapshots if previous is not None and previous.stamp == stamp else {}
        snapshots: dict[int, Catalog] = {state: base}
        # The checks and states of the chunks visited, from ``first`` on; the
        # previous check's are kept before them and, from ``tail``, after.
        checks: list[ChunkCheck] = []
        states: list[int] = []
        flagged: list[int] = []
        kept: Checked | None = None
        tail: int | None = None
        chunks = doc.chunks
        n = len(chunks)
        first, back = 0, 0
        if (
            previous is not None
            and old
            and previous.checks_config == doc.config.checks
            and doc.reused is not None
            and doc.reused[0] is previous.text
            and not previous.points
        ):
            first, back = doc.reused[1], doc.reused[2]
            snapshots = dict(old)
            kept = previous
            if first:
                flagged = [j for j in previous.flagged if j < first]
                state = previous.checks[first - 1].after
        present: set[str] | None = None
        end = n - back
        k = first
        checkpoints = CHECKPOINTS.get()

        def check_at(j: int) -> ChunkCheck:
            return checks[j - first] if j >= first or kept is None else kept.checks[j]

        while k < n:
            if k == end and kept is not None and k < n:
                # the chunks after the edited ones: the same schema as last time?
                was = len(kept.checks) - back
                if kept.states[was] == state:
                    shift = k - was
                    flagged.extend(j + shift for j in kept.flagged if j >= was)
                    state = kept.checks[-1].after
                    tail = was
                    break
            chunk = chunks[k]
            if k % STALE_EVERY == STALE_EVERY - 1:
                raise_if_stale()  # what was checked stays in the chunks' memos
                if checkpoints is not None and checkpoints.due():  # the chunks before this one
                    points = any(check_at(j).points for j in flagged)
                    checkpoints(chunk.start, self._assemble(doc, check_at, flagged, points))
            memo = chunk.data.memo.get(_MEMO)
            if memo is None:
                memo = chunk.data.memo[_MEMO] = {}
                chunk.data.memo[_CHANGES] = any(changes_schema(stmt.body) for stmt in chunk.result.statements)
            assert isinstance(memo, dict)
            changes = chunk.data.memo[_CHANGES]
            check = memo.get(state)
            if check is not None and check.points:
                if present is None:
                    present = {c.data.key for c in chunks}
                if _points_to_gone(check, present):
                    check = None
            if check is None or (changes and check.after not in snapshots and check.after not in old):
                before = snapshots[state]
                # A schema statement changes a copy; the others only read.
                catalog = before.snapshot() if changes else before
                check = self._check_chunk(doc, chunk, catalog)
                if changes:
                    check.after = digest(catalog, before, state)
                    snapshots.setdefault(check.after, catalog if check.after != state else before)
                else:
                    check.after = state
                if len(memo) > 4:
                    memo.clear()
                memo[state] = check
            elif changes and check.after not in snapshots:
                snapshots[check.after] = old[check.after]  # the same schema as last time
            states.append(state)
            if check.diagnostics:
                flagged.append(k)
            state = check.after
            checks.append(check)
            k += 1
        all_checks: Blocks[ChunkCheck]
        all_states: Blocks[int]
        if kept is not None:  # the visited ones in place of the previous ones
            stop = tail if tail is not None else len(kept.checks)
            all_checks = kept.checks.replaced(first, stop, checks)
            all_states = kept.states.replaced(first, stop, states)
        else:
            all_checks, all_states = Blocks(checks), Blocks(states)
        if len(snapshots) > 18 and len(snapshots) > 2 * len(set(all_states)) + 16:
            keep = set(all_states) | {state}  # states no chunk has any more: dropped
            snapshots = {key: cat for key, cat in snapshots.items() if key in keep}
        points = any(all_checks[j].points for j in flagged)
        return Checked(
            doc.version,
            doc.text,
            stamp,
            doc.config.checks,
            all_checks,
            snapshots[state],
            self._assemble(doc, all_checks.__getitem__, flagged, points),
            snapshots,
            states=all_states,
            flagged=flagged,
            points=points,
        )

    def _assemble(
        self, doc: SqlDocument, check_at: Callable[[int], ChunkCheck], flagged: list[int], points: bool
    ) -> list[Diagnostic]:
        """The diagnostics of the chunks that have some (``flagged``; the
        check of chunk ``j`` is ``check_at(j)``), at their place in the
        document now."""
        starts = chunk_starts((chunk.data.key, chunk.start) for chunk in doc.chunks) if points else {}
        out: list[Diagnostic] = []
        for j in flagged:
            chunk, check = doc.chunks[j], check_at(j)
            # Placed diagnostics are kept by the chunk's start (a chunk's text
            # may sit at several places); those with related locations in
            # chunks (which may have moved) are placed every time.
            placed = check.placed.get(chunk.start)
            if placed is None:
                placed = [to_document(d, chunk.start, starts) for d in check.diagnostics]
                if len(check.placed) > 8:
                    check.placed.clear()
                check.placed[chunk.start] = placed
            elif check.points:
                placed = [
                    to_document(d, chunk.start, starts) if points_into_chunks(d) else p
                    for d, p in zip(check.diagnostics, placed, strict=True)
                ]
            out.extend(placed)
        severities = dict(doc.config.checks)
        if not severities:
            out.sort(key=lambda d: (d.start, d.end))
            return out
        return apply_severities(out, severities)

    def _check_chunk(self, doc: SqlDocument, chunk: Chunk, catalog: Catalog) -> ChunkCheck:
        found: list[Diagnostic] = []
        model = SemanticModel()
        where = Where(DOCUMENT, chunk.data.key)
        resolver = Resolver(catalog, chunk.text, DOCUMENT, doc.target, found.append, model, where=where)
        ddl = DdlChecker(resolver)
        internal: list[str] = []
        for stmt in chunk.result.statements:
            before = len(internal)
            run_statement(resolver, ddl, stmt, internal)
            if len(internal) > before:  # shown, not dropped: the chunk's diagnostics are incomplete
                found.append(internal_error(stmt, internal[-1]))
        return ChunkCheck(found, model, internal)

    def diagnostics(self, doc: SqlDocument) -> Sequence[Diagnostic]:
        return self.checked(doc).diagnostics

    # -- names at a place -------------------------------------------------------------

    def reference_at(self, doc: SqlDocument, offset: int) -> tuple[int, Reference] | None:
        """The chunk index and the reference (or definition) at ``offset``."""
        chunk = doc.chunk_at(offset)
        if chunk is None:
            return None
        i = doc.index_of(chunk)
        checked = self.checked(doc)
        ref = checked.checks[i].model.at(offset - chunk.start)
        return (i, ref) if ref is not None else None

    def occurrences(
        self,
        doc: SqlDocument,
        where: int,
        target: Referent,
        *,
        definitions: bool = True,
        references: bool = True,
    ) -> list[tuple[int, Reference]]:
        """Every place the document names ``target``: in all chunks for a
        global name, in chunk ``where`` for a statement's own."""
        checked = self.checked(doc)
        chunks = range(len(doc.chunks)) if is_global(target) else [where]
        found: list[tuple[int, Reference]] = []
        for i in chunks:
            model = checked.checks[i].model
            pools = ([model.definitions] if definitions else []) + ([model.references] if references else [])
            for pool in pools:
                found.extend((i, r) for r in pool if r.target is not None and r.target.key == target.key)
        found.sort(key=lambda item: doc.chunks[item[0]].start + item[1].token.start)
        return found

    def _place(self, doc: SqlDocument, i: int, tok: Token) -> Place:
        start = doc.chunks[i].start
        return Place(start + tok.start, start + tok.end)

    # -- the hook --------------------------------------------------------------------

    def catalog_before(self, doc: SqlDocument, chunk: Chunk) -> Catalog:
        """The catalog the check of ``chunk`` started from: the schema files
        and the document's schema statements before it."""
        checked = self.checked(doc)
        i = doc.index_of(chunk)
        if i == 0:
            return self.schemas.catalog(self.schema_files(doc), doc.target, doc.config.declarations)[0]
        return checked.snapshots[checked.checks[i - 1].after]

    def tables_before(self, doc: SqlDocument, chunk: Chunk) -> dict[str, TableInfo]:
        """The tables of :meth:`catalog_before` by name key, SQLite's own last."""
        catalog = self.catalog_before(doc, chunk)
        cached = self._tables.get(id(catalog))
        if cached is not None and cached[0] is catalog:
            return cached[1]
        tables: dict[str, TableInfo] = {}
        for builtin in (False, True):
            for table in catalog.all_tables():
                if (table.kind == "builtin") == builtin:
                    tables.setdefault(table.key, _table_info(table))
        if len(self._tables) > 16:
            self._tables.clear()
        self._tables[id(catalog)] = (catalog, tables)
        return tables

    def in_scope_at(self, doc: SqlDocument, offset: int) -> InScope | None:
        """What the validator finds in scope at ``offset`` (see :mod:`.in_scope`)."""
        chunk = doc.chunk_at(offset)
        if chunk is None:
            return None
        catalog = self.catalog_before(doc, chunk)
        where = Where(DOCUMENT, chunk.data.key)
        return probe(chunk.text, chunk.result, offset - chunk.start, doc.target, catalog, where)

    def known_at(self, doc: SqlDocument, offset: int) -> dict[str, TableInfo]:
        """For statements that do not parse: the statement's CTEs (read from
        its tokens), then the tables of the catalog before it."""
        known = self.ctes_at(doc, offset)
        chunk = doc.chunk_at(offset)
        if chunk is not None:
            for key, info in self.tables_before(doc, chunk).items():
                known.setdefault(key, info)
        return known

    def tables_at(self, doc: SqlDocument, offset: int) -> Sequence[TableInfo]:
        found = self.in_scope_at(doc, offset)
        if found is None:
            return list(self.known_at(doc, offset).values())
        chunk = doc.chunk_at(offset)
        assert chunk is not None
        ctes = ctes_in(found)
        shadowed = {normalize(t.name) for t in ctes}
        return ctes + [t for key, t in self.tables_before(doc, chunk).items() if key not in shadowed]

    def columns_at(self, doc: SqlDocument, offset: int, qualifier: str | None) -> Sequence[ColumnInfo]:
        found = self.in_scope_at(doc, offset)
        if found is not None and not found.table_position:
            columns = columns_in(found, qualifier)
            if columns or qualifier is None:
                return columns
            # A qualifier the validator did not see (the statement was cut at
            # the cursor to parse): read the whole statement's tokens.
        pseudo = self.pseudo_table(doc, offset, qualifier) if qualifier is not None else None
        if pseudo is not None:
            table = self.known_at(doc, offset).get(pseudo)
            return table.columns if table is not None else ()
        return super().columns_at(doc, offset, qualifier)

    def pseudo_table(self, doc: SqlDocument, offset: int, qualifier: str) -> str | None:
        """The table (name key) that ``excluded.`` (in an upsert: the INSERT's
        table) or ``new.``/``old.`` (in a trigger: the trigger's table) stand
        for at ``offset``, read from the statement's tokens."""
        key = normalize(qualifier)
        if key not in ("excluded", "new", "old"):
            return None
        chunk = doc.chunk_at(offset)
        if chunk is None:
            return None
        toks = significant(chunk.result.tokens)
        words = [t.kind for t in toks]
        if key == "excluded" and "INTO" in words:
            i = words.index("INTO") + 1
        elif key != "excluded" and "TRIGGER" in words and "ON" in words:
            i = words.index("ON") + 1
        else:
            return None
        if i + 2 < len(toks) and toks[i + 1].kind == "DOT":
            i += 2  # schema.table
        return normalize(toks[i].text) if i < len(toks) and is_name(toks[i]) else None

    def hover_at(self, doc: SqlDocument, offset: int) -> HoverInfo | None:
        found = self.reference_at(doc, offset)
        if found is None or found[1].target is None:
            return super().hover_at(doc, offset)
        i, ref = found
        target = ref.target
        assert target is not None
        place = self._place(doc, i, ref.token)
        signature, _, prose = self.checked(doc).checks[i].model.detail(target).partition("\n")
        text = f"```sql\n{signature}\n```" + (f"\n{prose}" if prose else "")
        loc = target.location
        if loc is not None and loc.path not in (None, DOCUMENT):
            position = loc.position()
            text += f"\ndefined in `{loc.path}`" + (f" at line {position[0]}" if position is not None else "")
        return HoverInfo(text, place.start, place.end)

    def definition_at(self, doc: SqlDocument, offset: int) -> Sequence[Place]:
        found = self.reference_at(doc, offset)
        if found is None or found[1].target is None:
            return super().definition_at(doc, offset)
        i, ref = found
        target = ref.target
        assert target is not None
        here = self.occurrences(doc, i, target, references=False)
        if here:
            return [self._place(doc, j, r.token) for j, r in here]
        place = self.declared_at(doc, target)
        return [place] if place is not None else ()

    def declared_at(self, doc: SqlDocument, target: Referent) -> Place | None:
        """Where ``target`` is defined by its location: in a schema file, or
        in a chunk of this document (a CTE's or subquery's column: its
        result column)."""
        loc = target.location
        if loc is None:
            return None
        if loc.path != DOCUMENT:
            return Place(loc.start, loc.end, loc.path) if loc.path is not None else None
        for chunk in doc.chunks:
            if chunk.data.key == loc.piece:
                return Place(chunk.start + loc.start, chunk.start + loc.end)
        return None

    def references_at(self, doc: SqlDocument, offset: int, include_declaration: bool) -> Sequence[Place]:
        found = self.reference_at(doc, offset)
        if found is None or found[1].target is None:
            return ()
        i, ref = found
        target = ref.target
        assert target is not None
        places = [
            self._place(doc, j, r.token)
            for j, r in self.occurrences(doc, i, target, definitions=include_declaration)
        ]
        loc = target.location
        if include_declaration and loc is not None and loc.path not in (None, DOCUMENT):
            places.insert(0, Place(loc.start, loc.end, loc.path))  # in a schema file
        return places

    def rename_target(self, doc: SqlDocument, offset: int) -> tuple[int, Reference] | None:
        """The renameable name at ``offset``: a table or view defined in this
        document, a CTE, an alias."""
        found = self.reference_at(doc, offset)
        if found is None or found[1].target is None:
            return None
        i, ref = found
        target = ref.target
        assert target is not None
        if target.kind in ("table", "view"):
            if not self.occurrences(doc, i, target, references=False):
                return None  # defined in a schema file (or by SQLite): not ours to rename
            return found
        if target.kind in ("cte", "alias"):
            return found
        return None

    def prepare_rename_at(self, doc: SqlDocument, offset: int) -> Place | None:
        found = self.rename_target(doc, offset)
        if found is None:
            return None
        return self._place(doc, found[0], found[1].token)

    def rename_at(self, doc: SqlDocument, offset: int, new_name: str) -> Sequence[Edit] | None:
        found = self.rename_target(doc, offset)
        if found is None or not new_name.strip():
            return None
        i, ref = found
        assert ref.target is not None
        text = quote_name(unquote(new_name) if is_quoted(new_name) else new_name)
        edits: dict[int, Edit] = {}
        for j, r in self.occurrences(doc, i, ref.target):
            place = self._place(doc, j, r.token)
            edits[place.start] = Edit(place.start, place.end, text)
        return sorted(edits.values(), key=lambda e: e.start)


def _points_to_gone(check: ChunkCheck, present: set[str]) -> bool:
    """Whether a diagnostic of ``check`` has a related location in a chunk
    no longer in the document (its check must be made again to find where
    that name is defined now)."""
    return any(is_chunk_key(r.path) and r.path not in present for d in check.diagnostics for r in d.related)


def _table_info(table: Table) -> TableInfo:
    place = None
    loc = table.location
    if loc is not None and loc.path not in (None, DOCUMENT):
        place = Place(loc.start, loc.end, loc.path)
    columns = tuple(ColumnInfo(c.name, table.name, c.type, None, None) for c in table.columns if not c.hidden)
    kind = table.kind if table.kind in ("table", "view", "virtual", "builtin") else "table"
    detail = None
    if loc is not None and loc.path not in (None, DOCUMENT):
        detail = f"{kind} from {Path(loc.path).name}"
    return TableInfo(table.name, kind, detail, columns, place)


__all__ = ["DOCUMENT", "ChunkCheck", "Checked", "SchemaFiles", "ValidatorSemantics", "is_global"]
