"""The virtual-table modules SQLite ships, as far as the catalog needs
them: the columns a ``CREATE VIRTUAL TABLE ... USING module(args)`` gets
(visible and hidden) and the real *shadow tables* the module creates beside
it (``x_content``, ``x_segdir`` ... for FTS3/4, ``x_data`` ... for FTS5,
``x_node`` ... for R*Tree), which queries may read and which DROP TABLE of
the virtual table removes.

The argument parsing follows the modules' own C code: ext/fts3/fts3.c
(``fts3InitVtab``), ext/fts5/fts5_config.c (``sqlite3Fts5ConfigParse``) and
ext/rtree/rtree.c; the shadow tables' columns are those the modules write
in their CREATE TABLE statements (``SELECT sql FROM sqlite_schema``)."""

from __future__ import annotations

from collections.abc import Callable

from .._record import Record
from ..syntax.names import unquote


class Shadow(Record):
    """A real table a module creates: its name's suffix (after
    ``<table>_``), its columns and whether it is WITHOUT ROWID."""

    __slots__ = ("suffix", "columns", "without_rowid")

    suffix: str
    columns: tuple[str, ...]
    without_rowid: bool

    def __init__(self, suffix: str, columns: tuple[str, ...], without_rowid: bool = False) -> None:
        self.suffix = suffix
        self.columns = columns
        self.without_rowid = without_rowid


class ModuleTable(Record):
    """What a virtual table of a known module looks like: its columns as
    (name, hidden) (None: unknown) and its shadow tables."""

    __slots__ = ("columns", "shadows")

    columns: list[tuple[str, bool]] | None
    shadows: list[Shadow]

    def __init__(self, columns: list[tuple[str, bool]] | None, shadows: list[Shadow] | None = None) -> None:
        self.columns = columns
        self.shadows = [] if shadows is None else shadows


ContentColumns = Callable[[str], "list[str] | None"]
"""The visible columns of a table named in ``content=`` (None: unknown)."""


def _fts_id_char(c: str) -> bool:
    """sqlite3Fts3IsIdChar."""
    return not c.isascii() or c.isalnum() or c in "_$"


def fts3_next_token(z: str) -> str | None:
    """The first token of ``z`` (sqlite3Fts3NextToken), as written."""
    i = 0
    n = len(z)
    while i < n:
        c = z[i]
        if c in "'\"`":
            j = i + 1
            while j < n:
                if z[j] == c:
                    if j + 1 < n and z[j + 1] == c:
                        j += 2
                        continue
                    j += 1
                    break
                j += 1
            return z[i:j]
        if c == "[":
            j = z.find("]", i + 1)
            return z[i : (j + 1 if j >= 0 else n)]
        if _fts_id_char(c):
            j = i + 1
            while j < n and _fts_id_char(z[j]):
                j += 1
            return z[i:j]
        i += 1
    return None


def _fts_dequote(z: str) -> str:
    if z[:1] in ("'", '"', "`", "["):
        return unquote(z)
    return z


FTS4_OPTIONS = (
    "matchinfo",
    "prefix",
    "compress",
    "uncompress",
    "order",
    "content",
    "languageid",
    "notindexed",
)


def fts3(fts4: bool, args: list[str], table_name: str, content_columns: ContentColumns) -> ModuleTable:
    """fts3InitVtab: which arguments are columns, which options."""
    cols: list[str] = []
    tokenizer = False
    content: str | None = None
    languageid: str | None = None
    no_docsize = False
    for z in args:
        if not tokenizer and len(z) > 8 and z[:8].lower() == "tokenize" and not _fts_id_char(z[8]):
            tokenizer = True
        elif fts4 and "=" in z:
            key, value = z.split("=", 1)
            value = _fts_dequote(value)
            key = key.lower()
            if key == "content":
                content = value
            elif key == "languageid":
                languageid = value
            elif key == "matchinfo":
                no_docsize = True
            elif key not in FTS4_OPTIONS:
                return ModuleTable(None)  # SQLite refuses it: unrecognized parameter
        else:
            tok = fts3_next_token(z)
            cols.append(_fts_dequote(tok) if tok is not None else "")
    if content is not None and not cols:
        # The columns of the content table (less the language id column).
        found = content_columns(content) if content else None
        if found is None:
            return ModuleTable(None)
        cols = [c for c in found if languageid is None or c.lower() != languageid.lower()]
    if not cols:
        cols = ["content"]
    visible = [(c, False) for c in cols]
    hidden = [(table_name, True), ("docid", True), (languageid or "__langid", True)]
    shadows = []
    if content is None:
        data = ("docid", *[f"c{i}{c}" for i, c in enumerate(cols)])
        if languageid is not None:
            data += ("langid",)
        shadows.append(Shadow("content", data))
    shadows.append(Shadow("segments", ("blockid", "block")))
    shadows.append(Shadow("segdir", ("level", "idx", "start_block", "leaves_end_block", "end_block", "root")))
    if fts4 and not no_docsize:
        shadows.append(Shadow("docsize", ("docid", "size")))
    if fts4:
        shadows.append(Shadow("stat", ("id", "value")))
    return ModuleTable(visible + hidden, shadows)


def _fts5_word(z: str, i: int) -> tuple[str | None, int]:
    """fts5ConfigGobbleWord: a bare word or a quoted one, from ``i``."""
    n = len(z)
    if i >= n:
        return None, i
    c = z[i]
    if c in "'\"`[":
        close = "]" if c == "[" else c
        j = i + 1
        while j < n:
            if z[j] == close:
                if close != "]" and j + 1 < n and z[j + 1] == close:
                    j += 2
                    continue
                return unquote(z[i : j + 1]), j + 1
            j += 1
        return None, n
    j = i
    while j < n and (z[j].isalnum() or z[j] == "_" or not z[j].isascii()):
        j += 1
    if j == i:
        return None, i
    return z[i:j], j


def fts5(args: list[str], table_name: str) -> ModuleTable:
    """sqlite3Fts5ConfigParse: columns (``name [UNINDEXED]``) and
    ``key = value`` options."""
    cols: list[str] = []
    unindexed: list[bool] = []
    content = "normal"  # normal, none, external
    columnsize = True
    contentless_delete = False
    contentless_unindexed = False
    locale = False
    for z in args:
        one, i = _fts5_word(z, len(z) - len(z.lstrip()))
        if one is None:
            return ModuleTable(None)
        rest = z[i:].lstrip()
        if rest.startswith("="):
            key = one.lower()
            value, _ = _fts5_word(rest[1:], len(rest[1:]) - len(rest[1:].lstrip()))
            value = value or ""
            if key == "content":
                content = "external" if value else "none"
            elif key == "columnsize":
                columnsize = value != "0"
            elif key == "contentless_delete":
                contentless_delete = value == "1"
            elif key == "contentless_unindexed":
                contentless_unindexed = value == "1"
            elif key == "locale":
                locale = value == "1"
        else:
            second, _ = _fts5_word(rest, 0)
            cols.append(one)
            unindexed.append(second is not None and second.lower() == "unindexed")
    columns = [(c, False) for c in cols] + [(table_name, True), ("rank", True)]
    shadows = [
        Shadow("data", ("id", "block")),
        Shadow("idx", ("segid", "term", "pgno"), without_rowid=True),
    ]
    if content == "normal" or (content == "none" and contentless_unindexed):
        data = ["id"]
        data += [f"c{i}" for i in range(len(cols)) if content == "normal" or unindexed[i]]
        if locale:
            data += [f"l{i}" for i in range(len(cols)) if not unindexed[i]]
        shadows.append(Shadow("content", tuple(data)))
    if columnsize:
        shadows.append(Shadow("docsize", ("id", "sz", "origin") if contentless_delete else ("id", "sz")))
    shadows.append(Shadow("config", ("k", "v"), without_rowid=True))
    return ModuleTable(columns, shadows)


def rtree(args: list[str]) -> ModuleTable:
    """rtreeInit: the id, the coordinates, and ``+aux`` columns."""
    cols = []
    for a in args:
        tok = a.strip().split()[0] if a.strip() else ""
        cols.append(unquote(tok.lstrip("+")))
    n_aux = sum(1 for a in args if a.strip().startswith("+"))
    rowid = ("rowid", "nodeno", *[f"a{i}" for i in range(n_aux)])
    shadows = [
        Shadow("node", ("nodeno", "data")),
        Shadow("parent", ("nodeno", "parentnode")),
        Shadow("rowid", rowid),
    ]
    return ModuleTable([(c, False) for c in cols], shadows)


MODULE_FUNCTIONS: dict[str, tuple[str, ...]] = {
    "fts3": ("matchinfo", "offsets", "optimize", "snippet", "fts3_tokenizer"),
    "fts4": ("matchinfo", "offsets", "optimize", "snippet", "fts3_tokenizer"),
    "fts5": (
        "bm25",
        "highlight",
        "snippet",
        "fts5",
        "fts5_source_id",
        "fts5_locale",
        "fts5_get_locale",
        "fts5_insttoken",
    ),
    "rtree": ("rtreecheck", "rtreedepth", "rtreenode"),
    "rtree_i32": ("rtreecheck", "rtreedepth", "rtreenode"),
}
"""The SQL functions a module registers when SQLite is built with it (its
auxiliary functions, overloaded by its virtual tables): a virtual table
of the module shows that the build has them."""
