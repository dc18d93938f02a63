"""Does ``syntaqlite check`` stay quiet on real applications' SQL?  SQLite is the oracle.

    python bench/real_schemas.py                    # every project whose mirror is here
    python bench/real_schemas.py --project anki --show 5
    python bench/real_schemas.py --mirrors DIR      # default /work/.mirror

The projects are public applications that ship their SQLite SQL as ``.sql``
files: schemas, migrations and queries of browser profiles, note-taking and
e-book apps, sync engines, chat servers, password managers, and advent-of-code
solutions written in SQLite.  Nothing of theirs is copied here: each
:class:`Project` names a repository, a commit (HEAD if the mirror lacks it),
the globs of its SQL files, and what the application registers on its
connections (functions, collations, virtual-table modules) written as
syntaqlite declarations (``[check.functions]`` and friends).  Besides globs,
a database lists ``sql:STATEMENT`` entries for what the application itself
runs between two files (an ATTACH, a temporary table made in code), and the
placeholders its migration runner substitutes (Flyway's ``${name}``,
Synapse's ``$%AUTO_INCREMENT_PRIMARY_KEY%$``).  SQL embedded in code is read
only where the convention is unambiguous (Joplin's migrations: string
literals pushed onto ``queries``, see :func:`js_statements`).  The files are
read from a local bare mirror, ``MIRRORS/owner+name/repo`` (the layout the
``fetch`` tool makes); a project whose mirror is missing is reported as
skipped, with what to fetch.

Each :class:`Database` of a project is a fresh in-memory apsw connection on
which the declared functions (dummy callables of the declared arity) and
collations are registered, so that SQLite prepares what the application's
connection would.  Its files are replayed in order, statement by statement
(split with ``apsw.complete``); parameters are bound to NULL.  A statement
SQLite refuses (while preparing it) is counted and skipped, not replayed
into syntaqlite's catalog; one SQLite prepares is judged:
syntaqlite's ``check_text`` runs on it alone against the catalog built so far
(``Catalog(declared)``, extended by every statement SQLite ran, as
``bench/sqlite_suite_agreement.py --catalog replay`` does).  CREATE VIEW and
CREATE TRIGGER are judged with the error SQLite gives when the view is first
used or the trigger fires (``SELECT * FROM v``, ``INSERT INTO t DEFAULT
VALUES``... prepared, not run, right after).

* false alarm: SQLite prepared it, syntaqlite reports an error (the number
  that must be zero);
* missed: SQLite refused it for a semantic reason (not a syntax error),
  syntaqlite is silent;
* warnings: warnings syntaqlite gives on statements SQLite prepared (counted,
  not judged).

A view or trigger SQLite refuses at that first use but accepts at the end of
its database (its body names a table or column a later statement creates) is
listed apart, with syntaqlite's verdict on it: SQLite errs only on a use
before that.  A statement that fails while running (a constraint, a
statement interrupted after its time bound) was prepared, so it is judged,
but its schema change is not kept.  Statements SQLite refuses are mostly replay artefacts: tables made
by application code between two files, another dialect's statements in a
shared file, query fragments the application completes at run time.
"""

from __future__ import annotations

import argparse
import fnmatch
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import apsw  # noqa: E402
from apsw_replay import CREATES_DEFERRED, error_message, first_use, table_columns  # noqa: E402

from syntaqlite.diagnostics import Severity  # noqa: E402
from syntaqlite.validator.catalog import Catalog  # noqa: E402
from syntaqlite.validator.checker import check_text  # noqa: E402
from syntaqlite.validator.declared import Declarations, parse_declarations  # noqa: E402
from syntaqlite_dev.verdicts import classify  # noqa: E402

# ---------------------------------------------------------------- projects


@dataclass(frozen=True)
class Database:
    """One fresh database: the files matching ``globs`` replayed in order
    (each glob's files in natural order of ``key``: "path", or "delta" for
    (directory name, file name), the order of numbered delta directories)."""

    name: str
    globs: tuple[str, ...]
    key: str = "path"
    exclude: tuple[str, ...] = ()
    each_file: bool = False
    """Every file on a database of its own (standalone scripts)."""
    min_delta: int = 0
    """With key "delta": only the delta directories numbered from this on."""
    substitute: tuple[tuple[str, str], ...] = ()
    """Placeholders the application's migration runner replaces in the text."""
    literals: bool = False
    """The files are JavaScript/TypeScript: the SQL is the string literals of
    the migration convention (see :func:`js_statements`), not the text."""
    sqldelight: bool = False
    """The files are SQLDelight ``.sq`` files (see :func:`sqldelight_statements`):
    every file's schema statements first, then every file's labelled queries."""


@dataclass(frozen=True)
class Project:
    name: str
    repo: str
    commit: str
    databases: tuple[Database, ...]
    functions: dict[str, object] = field(default_factory=dict)
    collations: tuple[str, ...] = ()
    modules: dict[str, object] = field(default_factory=dict)
    tokenizers: tuple[str, ...] = ()
    """FTS5 tokenizers the application registers (replayed as unicode61;
    nothing to declare to syntaqlite)."""
    note: str = ""


PROJECTS: tuple[Project, ...] = (
    Project(
        "zotero",
        "zotero/zotero",
        "f2a42bec150fa8b947ffde57afd72a22e805f085",
        (
            Database(
                "zotero.sqlite",
                (
                    "resource/schema/system.sql",
                    "resource/schema/userdata.sql",
                    "resource/schema/triggers.sql",
                ),
            ),
        ),
        note="reference manager: system, user data and trigger schemas (Zotero.Schema)",
    ),
    Project(
        "calibre",
        "kovidgoyal/calibre",
        "ea9ccaf487197d70a9dc354a547dea6ff2ca29b6",
        (
            Database(
                "metadata.db",
                (
                    "resources/metadata_sqlite.sql",
                    "sql:ATTACH DATABASE ':memory:' AS notes_db",  # src/calibre/db/notes/connect.py
                    "resources/notes_sqlite.sql",
                    "sql:ATTACH DATABASE ':memory:' AS fts_db",  # src/calibre/db/fts/connect.py
                    "resources/fts_sqlite.sql",
                    "resources/fts_triggers.sql",
                ),
            ),
        ),
        # src/calibre/db/backend.py: Connection.__init__
        functions={
            "title_sort": "any",
            "author_to_author_sort": 1,
            "uuid4": 0,
            "books_list_filter": 1,
            "sortconcat": {"args": 2, "kind": "aggregate"},
            "sortconcat_bar": {"args": 2, "kind": "aggregate"},
            "sortconcat_amper": {"args": 2, "kind": "aggregate"},
            "identifiers_concat": {"args": 2, "kind": "aggregate"},
            "concat": {"args": 1, "kind": "aggregate"},
            "aum_sortconcat": {"args": 4, "kind": "aggregate"},
        },
        collations=("PYNOCASE", "icucollate"),
        tokenizers=("calibre",),  # its sqlite_extension
        note="e-book manager: library, notes and full-text-search databases",
    ),
    Project(
        "anki",
        "ankitects/anki",
        "c32cb2913d6f4d21e06876265634c55d9d55ee69",
        (
            Database(
                "collection.anki2",
                (
                    "rslib/src/storage/schema11.sql",
                    "rslib/src/storage/upgrades/schema*_upgrade.sql",
                    "rslib/src/storage/revlog/v2_upgrade.sql",
                    # temporary tables the queries read, made before them
                    "rslib/src/storage/**_setup.sql",
                    "rslib/src/storage/dbcheck/invalid_ids_create.sql",
                    "sql:create temporary table active_decks (id integer not null unique)",  # deck/mod.rs
                    "rslib/src/storage/**.sql",
                    "rslib/src/search/*.sql",
                ),
                exclude=(
                    "rslib/src/storage/upgrades/*_downgrade.sql",
                    "rslib/src/storage/dbcheck/invalid_ids_drop.sql",
                ),
            ),
            Database("media sync (client)", ("rslib/src/sync/media/database/client/*.sql",)),
            Database(
                "media sync (server)",
                (
                    "rslib/src/sync/media/database/server/schema_v3.sql",
                    "rslib/src/sync/media/database/server/schema_v4.sql",
                    "rslib/src/sync/media/database/server/**.sql",
                ),
            ),
        ),
        # rslib/src/storage/sqlite.rs: open_or_create_collection_db
        functions={
            "field_at_index": 2,
            "process_text": 2,
            "fnvhash": "any",
            "regexp": 2,
            "regexp_fields": "any",
            "regexp_tags": 2,
            "extract_original_position": 1,
            "extract_custom_data": 2,
            "extract_fsrs_variable": 2,
            "extract_fsrs_retrievability": 6,
            "extract_fsrs_relative_retrievability": 6,
        },
        collations=("unicase",),
        note="flashcards: schema 11, its upgrades, then the queries of rslib/src/**.sql",
    ),
    Project(
        "firefox-places",
        "mozilla/application-services",
        "2de6bfb571327183d5ac30459737e524c4746501",
        (
            Database(
                "places.sqlite",
                (
                    "components/places/sql/create_shared_schema.sql",
                    "components/places/sql/create_shared_temp_tables.sql",
                    "components/places/sql/create_shared_triggers.sql",
                    "components/places/sql/create_main_triggers.sql",
                    "components/places/sql/create_sync_temp_tables.sql",
                    "components/places/sql/create_sync_triggers.sql",
                ),
            ),
            Database(
                "autofill.db",
                (
                    "components/autofill/sql/create_shared_schema.sql",
                    "components/autofill/sql/create_shared_triggers.sql",
                    "components/autofill/sql/create_sync_temp_tables.sql",
                ),
            ),
            Database(
                "webext-storage.db",
                (
                    "components/webext-storage/sql/create_schema.sql",
                    "components/webext-storage/sql/create_sync_temp_tables.sql",
                ),
            ),
            Database("push.db", ("components/push/src/internal/storage/schema.sql",)),
            Database("breach-alerts.db", ("components/breach-alerts/sql/create_schema.sql",)),
            Database("test fixtures", ("components/*/sql/tests/*.sql",), each_file=True),
        ),
        # components/places/src/db/db.rs, autofill/src/db/schema.rs, webext-storage/src/schema.rs
        functions={
            "get_prefix": 1,
            "get_host_and_port": 1,
            "strip_prefix_and_userinfo": 1,
            "reverse_host": 1,
            "autocomplete_match": 10,
            "hash": "any",
            "generate_guid": 0,
            "note_bookmarks_sync_change": 0,
            "now": 0,
            "throw": 1,
        },
        note="Firefox's browser profile (places: history and bookmarks), form autofill, extension storage",
    ),
    Project(
        "synapse",
        "element-hq/synapse",
        "a58ad44eb0ce3cc14153f921206f322e17339dc5",
        (
            Database(
                "homeserver.db",
                (
                    "synapse/storage/schema/common/full_schemas/72/full.sql.sqlite",
                    "synapse/storage/schema/main/full_schemas/72/full.sql.sqlite",
                    "synapse/storage/schema/state/full_schemas/72/full.sql.sqlite",
                    "synapse/storage/schema/*/delta/*/*.sql",
                    "synapse/storage/schema/*/delta/*/*.sql.sqlite",
                ),
                key="delta",
                min_delta=73,  # synapse/storage/prepare_database.py: deltas after the full schema
                # synapse/storage/engines/sqlite.py: convert_param_style
                substitute=(("$%AUTO_INCREMENT_PRIMARY_KEY%$", "INTEGER PRIMARY KEY AUTOINCREMENT"),),
            ),
        ),
        note="Matrix homeserver: the v72 full schemas, then every delta (generic and SQLite-only) by version",
    ),
    Project(
        "komga",
        "gotson/komga",
        "cba53ed3750fcc7b333293e093a6bfaa6afa3a26",
        (
            Database(
                "database.sqlite",
                ("komga/src/flyway/resources/db/migration/sqlite/*.sql",),
                # Flyway placeholders, komga/src/main/resources/application.yml (defaults)
                substitute=(
                    ("${library-file-hashing}", "true"),
                    ("${library-scan-startup}", "false"),
                    ("${delete-empty-collections}", "true"),
                    ("${delete-empty-read-lists}", "true"),
                ),
            ),
            Database("tasks.sqlite", ("komga/src/flyway/resources/tasks/migration/sqlite/*.sql",)),
        ),
        note="comics and e-book server: Flyway migrations",
    ),
    Project(
        "vaultwarden",
        "dani-garcia/vaultwarden",
        "46d71107f5094460dd5ecbe1dbac6e6c71e5189a",
        (Database("db.sqlite3", ("migrations/sqlite/*/up.sql",)),),
        note="password manager server: Diesel migrations",
    ),
    Project(
        "memos",
        "usememos/memos",
        "76a762924306e782871204f131f4033be5e8e41a",
        (
            Database("memos_prod.db (fresh)", ("store/migration/sqlite/LATEST.sql",)),
            Database("memos_prod.db (upgrades)", ("store/migration/sqlite/0.*/*.sql",)),
        ),
        note="note-taking: the latest schema, and the upgrade scripts in version order",
    ),
    Project(
        "trilium",
        "zadam/trilium",
        "82a437f2a83fc10299f3205713f7dcb04e2d047c",
        (Database("document.db", ("db/schema.sql",)),),
        note="note-taking: the schema (its migrations start from an older schema that is not shipped)",
    ),
    Project(
        "atuin",
        "atuinsh/atuin",
        "824c8716d82bed774ee6a83c683087ae77715814",
        (
            Database("history.db", ("crates/atuin-client/migrations/*.sql",)),
            Database("records.db", ("crates/atuin-client/record-migrations/*.sql",)),
            Database("meta.db", ("crates/atuin-client/meta-migrations/*.sql",)),
            Database("kv.db", ("crates/atuin-kv/migrations/*.up.sql",)),
            Database("scripts.db", ("crates/atuin-scripts/migrations/*.up.sql",)),
            Database("ai.db", ("crates/atuin-ai/migrations/*.sql",)),
            Database("server.db", ("crates/atuin-server-sqlite/migrations/*.sql",)),
        ),
        note="shell history sync engine: sqlx migrations of the client, the record store and the server",
    ),
    Project(
        "joplin",
        "laurent22/joplin",
        "db966f919ea51f5f32fa454a10c7a64957a4e9de",
        (
            Database(
                "database.sqlite",
                ("packages/lib/JoplinDatabase.ts", "packages/lib/services/database/migrations/*.ts"),
                literals=True,
            ),
        ),
        modules={"spellfix1": True},  # the spellfix extension it builds and loads (packages/tools/gulp)
        note="note-taking: the schema and migrations, SQL string literals in TypeScript",
    ),
    Project(
        "karakeep",
        "karakeep-app/karakeep",
        "7ca5ee236b96cd659096b1530c5be3fdcd8e4470",
        (Database("db.db", ("packages/db/drizzle/*.sql",)),),
        note="bookmark and read-it-later app: Drizzle migrations",
    ),
    Project(
        "syncthing",
        "syncthing/syncthing",
        "328d910aee822178f55442c76bc7e35ce34d68cc",
        (
            Database(
                "main database",
                ("internal/db/sqlite/sql/schema/common/*.sql", "internal/db/sqlite/sql/schema/main/*.sql"),
            ),
            Database(
                "folder database",
                ("internal/db/sqlite/sql/schema/common/*.sql", "internal/db/sqlite/sql/schema/folder/*.sql"),
            ),
        ),
        note="file sync engine: the schemas of its main and per-folder databases",
    ),
    Project(
        "tivi",
        "chrisbanes/tivi",
        "a0c62c2c763c83e3a0ecf79b283224374bb06c4a",
        (
            Database(
                "tivi.db",
                ("data/db-sqldelight/src/commonMain/sqldelight/app/tivi/data/*.sq",),
                sqldelight=True,
            ),
        ),
        note="TV-show tracker (Android, iOS, desktop): SQLDelight schema and named queries",
    ),
    Project(
        "grocy",
        "grocy/grocy",
        "acd061e2cde09fc5bc4e34673021039b25ab7067",
        (
            Database(
                "grocy.db",
                (
                    # services/DatabaseMigrationService.php
                    "sql:CREATE TABLE IF NOT EXISTS migrations (migration INTEGER NOT NULL PRIMARY KEY UNIQUE, "
                    "execution_time_timestamp DATETIME DEFAULT (datetime('now', 'localtime')))",
                    "migrations/*.sql",
                ),
            ),
        ),
        # services/DatabaseService.php: PDO::createFunction (any number of arguments)
        functions={"regexp": "any", "grocy_user_setting": "any", "ceil": "any"},
        note="household management (stock, chores, recipes): its migrations, views and triggers",
    ),
    Project(
        "stash",
        "stashapp/stash",
        "cf3489efdc450dc2812367e8c4d61fd1c9bf3051",
        (Database("stash-go.sqlite", ("pkg/sqlite/migrations/*.up*.sql",)),),
        # pkg/sqlite/driver.go: the ConnectHook
        functions={"regexp": 2, "durationToTinyInt": 1, "basename": 1, "phash_distance": 2},
        collations=("NATURAL_CI",),
        note="media organizer: golang-migrate migrations",
    ),
    Project(
        "roundcube",
        "roundcube/roundcubemail",
        "28b44419ee44c8749a85e7183325055c2cf68a4d",
        (Database("roundcube.db", ("SQL/sqlite.initial.sql",)),),
        note="webmail: the SQLite schema (its upgrade scripts start from schemas not shipped)",
    ),
    Project(
        "pi-hole",
        "pi-hole/pi-hole",
        "1837b754b945eeab6ad5976443b38b983eb96e6e",
        (Database("gravity.db", ("advanced/Templates/gravity.db.sql",)),),
        note="DNS ad blocker: the gravity database (tables, views, triggers)",
    ),
    Project(
        "matrix-rust-sdk",
        "matrix-org/matrix-rust-sdk",
        "64b12e0b808969c284c94f0ea239f37d6746d6e2",
        (
            Database("crypto store", ("crates/matrix-sdk-sqlite/migrations/crypto_store/*.sql",)),
            Database("state store", ("crates/matrix-sdk-sqlite/migrations/state_store/*.sql",)),
            Database("event cache", ("crates/matrix-sdk-sqlite/migrations/event_cache_store/*.sql",)),
            Database("media store", ("crates/matrix-sdk-sqlite/migrations/media_store/*.sql",)),
        ),
        note="Matrix client (Element X) stores: migrations",
    ),
    Project(
        "shiori",
        "go-shiori/shiori",
        "585ea341aa59219b0477f991eadb545d24e3a121",
        (Database("shiori.db", ("internal/database/migrations/sqlite/*.up.sql",)),),
        note="bookmark manager: migrations",
    ),
    Project(
        "aoc2020-sqlite",
        "anthonywritescode/aoc2020",
        "85fcad20d334b3a43357814331239a0d23d1b5e1",
        (Database("each solution", ("*/*.sqlite.sql",), each_file=True),),
        # the sqlite3 shell's fileio extension
        functions={"readfile": 1},
        note="advent of code 2020 solved in SQLite (run with the sqlite3 shell)",
    ),
    Project(
        "aoc2021-sqlite",
        "anthonywritescode/aoc2021",
        "ff3f13a1f9c8068a6680c0698056eca43a315b3d",
        (Database("each solution", ("*/*.sqlite.sql",), each_file=True),),
        functions={"readfile": 1},
        note="advent of code 2021 solved in SQLite (run with the sqlite3 shell)",
    ),
)

# ------------------------------------------------------------------ files


def git(mirror: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(mirror), *args], capture_output=True)


def _natural(text: str) -> list[object]:
    return [int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", text)]


def _sort_key(path: str, key: str) -> list[object]:
    if key == "delta":
        parts = path.split("/")
        return [_natural(parts[-2]), _natural(parts[-1])]
    return _natural(path)


def _matches(path: str, pattern: str) -> bool:
    if "**" in pattern:
        head, _, tail = pattern.partition("**")
        return path.startswith(head) and fnmatch.fnmatch(path[len(head) :], "*" + tail)
    return fnmatch.fnmatch(path, pattern) and path.count("/") == pattern.count("/")


def select_files(paths: list[str], db: Database) -> list[str]:
    """The files of ``db``: each glob's matches in order, each file once
    (an entry ``sql:STATEMENT`` stands for itself: what the application runs
    itself between two files, e.g. an ATTACH)."""
    chosen: list[str] = []
    seen: set[str] = set()
    for pattern in db.globs:
        if pattern.startswith("sql:"):
            chosen.append(pattern)
            continue
        hits = [p for p in paths if _matches(p, pattern) and p not in seen]
        if db.min_delta:
            hits = [p for p in hits if "/delta/" not in p or int(p.split("/")[-2]) >= db.min_delta]
        hits = [p for p in hits if not any(_matches(p, x) for x in db.exclude)]
        if db.key == "delta" and chosen and "*" in pattern:
            # the deltas of all globs interleave by version: sort them together
            hits = sorted(hits + [p for p in chosen if "/delta/" in p], key=lambda p: _sort_key(p, db.key))
            chosen = [p for p in chosen if "/delta/" not in p]
        else:
            hits.sort(key=lambda p: _sort_key(p, db.key))
        chosen.extend(hits)
        seen.update(hits)
    return chosen


def split_sql(sql: str) -> list[tuple[int, str]]:
    """(offset, statement) for the statements of ``sql``, as
    ``sqlite3_complete`` delimits them."""
    stmts: list[tuple[int, str]] = []
    start = 0
    pos = sql.find(";")
    while pos != -1:
        chunk = sql[start : pos + 1]
        if apsw.complete(chunk):
            stmts.append((start, chunk))
            start = pos + 1
        pos = sql.find(";", pos + 1)
    tail = sql[start:]
    if tail.strip():
        stmts.append((start, tail))
    return stmts


_JS_EVENT = re.compile(
    r"const\s+structureSql\s*=\s*(?=`)|queries\.push\(\s*(?=['\"`])|\{\s*sql:\s*(?=['\"`])"
    r"|(?:queries\.push\(|\{\s*sql:)\s*sqlStringToLines\((\w+)\)\[0\]"
)
_JS_CONST = re.compile(r"const\s+(\w+)\s*=\s*`")
_JS_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}


def _js_literal(text: str, i: int) -> tuple[str | None, int]:
    """The value of the JavaScript string literal at ``text[i]`` (None if
    it interpolates ``${...}``) and the offset after it."""
    quote = text[i]
    out: list[str] = []
    j = i + 1
    while j < len(text):
        ch = text[j]
        if ch == "\\" and j + 1 < len(text):
            out.append(_JS_ESCAPES.get(text[j + 1], text[j + 1]))
            j += 2
            continue
        if ch == quote:
            return "".join(out), j + 1
        if quote == "`" and text.startswith("${", j):
            end = text.find("`", j)
            return None, (end + 1 if end != -1 else len(text))
        out.append(ch)
        j += 1
    return None, len(text)


def js_statements(text: str) -> list[tuple[int, str]]:
    """(offset, SQL) of the statements of a migration written in JavaScript
    or TypeScript with Joplin's convention, in source order: the template
    literal ``const structureSql = `...```, every literal passed straight to
    ``queries.push(...)`` or given as ``{ sql: ... }``, and for
    ``queries.push(sqlStringToLines(NAME)[0])`` the first statement of the
    template literal ``const NAME = `...``` defined last before it.  Literals
    that interpolate (``${...}``) are skipped: their SQL is built at run time."""
    consts: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for m in _JS_CONST.finditer(text):
        value, _end = _js_literal(text, m.end() - 1)
        if value is not None:
            consts[m.group(1)].append((m.end(), value))
    out: list[tuple[int, str]] = []
    for m in _JS_EVENT.finditer(text):
        if m.group(1):
            before = [c for c in consts.get(m.group(1), []) if c[0] < m.start()]
            found = before[-1] if before else None
            if found is not None:
                stmts = split_sql(found[1])
                if stmts:
                    out.append((found[0] + stmts[0][0], stmts[0][1]))
            continue
        value, _end = _js_literal(text, m.end())
        if value is not None:
            out.extend((m.end() + 1 + off, sql) for off, sql in split_sql(value))
    return out


_LEADING = re.compile(r"(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/)*", re.S)

_SQ_IMPORT = re.compile(r"^[ \t]*import[ \t][^\n]*;", re.M)
_SQ_LABEL = re.compile(r"^[ \t]*\w+[ \t]*:[ \t]*$", re.M)
_SQ_TYPE = re.compile(r"\b(?:INTEGER|TEXT|REAL|BLOB)\s+(AS\s+(?:@[\w.]+\s+)*[\w.]+(?:<[^>\n]*>)?)", re.I)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def _blank_type(m: re.Match[str]) -> str:
    whole = m.group(0)
    return whole[: m.start(1) - m.start(0)] + " " * len(m.group(1))


def sqldelight_statements(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The schema statements and the queries of a SQLDelight ``.sq`` file,
    as SQLite sees them: ``import`` lines and the Kotlin type of a column
    (``INTEGER AS kotlin.Int``) blanked out, and a statement after a label
    (``name:``) is a query.  Offsets are kept (blanks replace what goes)."""
    text = _SQ_IMPORT.sub(_blank, text)
    ends = [m.end() for m in _SQ_LABEL.finditer(text)]
    text = _SQ_LABEL.sub(_blank, text)
    schema: list[tuple[int, str]] = []
    queries: list[tuple[int, str]] = []
    for offset, stmt in split_sql(text):
        lead = _LEADING.match(stmt)
        start = offset + (lead.end() if lead else 0)
        if any(offset <= end <= start for end in ends):
            queries.append((offset, stmt))
        else:
            schema.append((offset, _SQ_TYPE.sub(_blank_type, stmt)))
    return schema, queries


# ----------------------------------------------------------------- replay


def _dummy(nargs: int) -> Callable[..., None]:
    return lambda *_a: None


class _Aggregate:
    def step(self, *_args: object) -> None:
        pass

    def final(self) -> None:
        return None


class Connection:
    """An in-memory apsw connection with the project's registrations."""

    def __init__(self, project: Project, seconds: float) -> None:
        self.con = apsw.Connection(":memory:")
        self.seconds = seconds
        self.deadline = 0.0
        self.con.set_progress_handler(lambda: time.monotonic() > self.deadline, 1000)
        for name, spec in project.functions.items():
            args, kind = (
                (spec.get("args", "any"), spec.get("kind", "scalar"))
                if isinstance(spec, dict)
                else (spec, "scalar")
            )
            counts = args if isinstance(args, list) else [args]
            for count in counts:
                n = -1 if count == "any" or not isinstance(count, int) else count
                if kind == "aggregate":
                    self.con.create_aggregate_function(name, _Aggregate, n)
                else:
                    self.con.create_scalar_function(name, _dummy(n), n)
        for name in project.collations:
            self.con.create_collation(name, lambda a, b: (a > b) - (a < b))
        for name in project.tokenizers:
            self.con.register_fts5_tokenizer(name, lambda con, _args: con.fts5_tokenizer("unicode61", []))

    def prepare(self, sql: str, triggers: bool = True) -> str | None:
        """SQLite's error preparing ``sql`` (None: it prepares); nothing runs."""
        if not triggers:
            self.con.config(apsw.SQLITE_DBCONFIG_ENABLE_TRIGGER, 0)
        try:
            return self._prepare(sql)
        finally:
            if not triggers:
                self.con.config(apsw.SQLITE_DBCONFIG_ENABLE_TRIGGER, 1)

    def _prepare(self, sql: str) -> str | None:
        self.deadline = time.monotonic() + self.seconds
        bindings: list[None] | None = None
        for _attempt in range(2):
            cur = self.con.cursor()
            cur.exec_trace = lambda *_args: False
            try:
                cur.execute(sql, bindings, can_cache=False)
                return None
            except apsw.ExecTraceAbort:
                return None
            except apsw.BindingsError:
                bindings = [None] * cur.bindings_count  # parameters are bound to NULL
            except (apsw.Error, TypeError, ValueError) as exc:
                return error_message(exc)
        return None

    def run(self, stmt: str) -> tuple[str, str | None]:
        """("prepare-error" | "runtime-error" | "ok" | "empty", message)."""
        prepared = False

        def tracer(*_args: object) -> bool:
            nonlocal prepared
            prepared = True
            return True

        bindings: list[None] | None = None
        self.deadline = time.monotonic() + self.seconds
        for _attempt in range(2):
            cur = self.con.cursor()
            cur.exec_trace = tracer
            try:
                for _ in cur.execute(stmt, bindings):
                    pass
            except apsw.BindingsError as exc:
                if prepared or bindings is not None:
                    return "runtime-error", error_message(exc)
                bindings = [None] * cur.bindings_count  # parameters are bound to NULL
                continue
            except apsw.InterruptError as exc:
                return ("runtime-error" if prepared else "prepare-error"), error_message(exc)
            except (apsw.Error, TypeError, ValueError, OverflowError, MemoryError) as exc:
                return ("runtime-error" if prepared else "prepare-error"), error_message(exc)
            break
        return ("ok" if prepared else "empty"), None

    def close(self) -> None:
        try:
            self.con.close(True)
        except apsw.Error:
            pass


@dataclass
class Example:
    where: str
    sql: str
    said: str


@dataclass
class Tally:
    counts: Counter[str] = field(default_factory=Counter)
    false_alarms: dict[str, list[Example]] = field(default_factory=lambda: defaultdict(list))
    missed: dict[str, list[Example]] = field(default_factory=lambda: defaultdict(list))
    refused: dict[str, list[Example]] = field(default_factory=lambda: defaultdict(list))
    warnings: Counter[str] = field(default_factory=Counter)
    pending: list[tuple[str, str, Example]] = field(default_factory=list)
    """Views and triggers SQLite refused at first use: the use, SQLite's
    error, and syntaqlite's first error ("" if silent)."""
    forward: list[Example] = field(default_factory=list)


def family(message: str) -> str:
    head = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`|\[[^\]]*\]", "X", message.split(": ", 1)[0])
    head = re.sub(
        r"\b(table|column|index|view|trigger|function|collation sequence|module)\s+[\w.$]+", r"\1 X", head
    )
    return re.sub(r"\b\d+\b", "N", head).strip()[:90]


def ours(sql: str, catalog: Catalog) -> tuple[list[tuple[str, str]], list[str], bool]:
    """syntaqlite's errors (code, message), its warnings' codes, and whether
    it crashed; ``catalog`` is extended with the statement's schema change."""
    try:
        result = check_text(sql, catalog=catalog, model=False)
    except Exception as exc:  # noqa: BLE001 - a crash is a finding, not a stop
        return [("crash", f"{type(exc).__name__}: {exc}")], [], True
    errors = [(d.code, d.message) for d in result.errors]
    warnings = [d.code for d in result.diagnostics if d.severity is Severity.WARNING]
    return errors, warnings, bool(result.internal_errors)


def fresh_catalog(declared: Declarations) -> Catalog:
    catalog = Catalog(declared)
    for db in catalog.databases.values():
        db.known = True  # the whole schema is what the replay created
    return catalog


def replay(
    files: list[tuple[str, str]],
    project: Project,
    declared: Declarations,
    tally: Tally,
    seconds: float,
    reader: str = "sql",
) -> None:
    con = Connection(project, seconds)
    catalog = fresh_catalog(declared)
    try:
        plan: list[tuple[str, str, list[tuple[int, str]]]] = []  # (path, text, statements)
        later: list[tuple[str, str, list[tuple[int, str]]]] = []
        for path, text in files:
            if path.startswith("sql:"):
                plan.append((path, "", [(0, path[4:])]))
            elif reader == "js":
                plan.append((path, text, js_statements(text)))
            elif reader == "sqldelight":
                schema, queries = sqldelight_statements(text)
                plan.append((path, text, schema))
                later.append((path, text, queries))
            else:
                plan.append((path, text, split_sql(text)))
        for path, text, stmts in plan + later:
            if path.startswith("sql:"):
                catalog = judge_statement(con, catalog, "(the application)", path[4:], tally)
                continue
            for offset, stmt in stmts:
                lead = _LEADING.match(stmt)
                start = offset + (lead.end() if lead else 0)
                where = f"{path}:{text.count(chr(10), 0, start) + 1}"
                catalog = judge_statement(con, catalog, where, stmt, tally)
        # A view or trigger SQLite refused at first use is judged now: if
        # SQLite accepts its use at the end, its body names what a later
        # statement creates (or changes), and it is set apart.
        for use, use_error, example in tally.pending:
            if con.prepare(use) is None:
                tally.counts["forward references"] += 1
                if example.said:
                    tally.counts["forward references syntaqlite reports"] += 1
                    tally.forward.append(example)
            elif example.said:
                tally.counts["sqlite errors we also report"] += 1
            else:
                tally.counts["missed"] += 1
                tally.missed["[first use] " + family(use_error)].append(
                    Example(example.where, example.sql, use_error)
                )
        tally.pending.clear()
    finally:
        con.close()


def judge_statement(con: Connection, catalog: Catalog, where: str, stmt: str, tally: Tally) -> Catalog:
    """Run ``stmt`` on SQLite, judge syntaqlite on it; the catalog after it."""
    short = " ".join(stmt.split())[:200]
    use = (
        first_use(stmt, lambda table: table_columns(con.con, table)) if CREATES_DEFERRED.match(stmt) else None
    )
    use_before = con.prepare(use) if use is not None else None
    outcome, message = con.run(stmt)
    if outcome == "empty":
        return catalog
    tally.counts["statements"] += 1
    snap = catalog.snapshot()
    if outcome == "prepare-error":
        assert message is not None
        tally.counts["sqlite errors (skipped)"] += 1
        kind = classify(message, stmt)
        if kind == "syntax" or con.prepare(stmt, triggers=False) is None:
            tally.refused[
                "syntax: " + family(message) if kind == "syntax" else "in a trigger it fires"
            ].append(Example(where, short, message))
            return catalog
        tally.refused[family(message)].append(Example(where, short, message))
        errors, _warnings, crashed = ours(stmt, snap)
        tally.counts["crashes"] += crashed
        if errors:
            tally.counts["sqlite errors we also report"] += 1
        else:
            tally.counts["missed"] += 1
            tally.missed[family(message)].append(Example(where, short, message))
        return catalog
    use_error = None
    if use is not None:
        use_error = con.prepare(use)
        if use_error is not None and (use_error == use_before or classify(use_error, use) == "syntax"):
            use_error = None
    errors, warnings, crashed = ours(stmt, snap)
    tally.counts["crashes"] += crashed
    tally.counts["warnings"] += len(warnings)
    tally.warnings.update(warnings)
    if outcome == "runtime-error":
        assert message is not None
        tally.counts["runtime errors (prepared, judged)"] += 1
        tally.refused["[running] " + family(message)].append(Example(where, short, message))
    if use_error is not None:
        assert use is not None
        tally.counts["sqlite errors at first use"] += 1
        tally.refused["[first use] " + family(use_error)].append(Example(where, short, use_error))
        tally.pending.append((use, use_error, Example(where, short, errors[0][1] if errors else "")))
    elif errors:
        tally.counts["false alarms"] += 1
        code, text = errors[0]
        tally.false_alarms[f"{code}: {family(text)}"].append(Example(where, short, text))
    else:
        tally.counts["agree"] += 1
    return catalog if outcome == "runtime-error" else snap


# ------------------------------------------------------------------ report

KEYS = (
    "files",
    "statements",
    "sqlite errors (skipped)",
    "false alarms",
    "missed",
    "warnings",
    "agree",
)


def show_groups(title: str, groups: dict[str, list[Example]], show: int, indent: str = "  ") -> None:
    total = sum(len(v) for v in groups.values())
    if not total:
        return
    print(f"{indent}{title}: {total}")
    for fam, examples in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"{indent}  {len(examples):5d}  {fam}")
        for ex in examples[:show]:
            print(f"{indent}         {ex.where}: {ex.sql}")
            print(f"{indent}           -> {ex.said}")


def mirror_of(mirrors: Path, repo: str) -> Path | None:
    base = mirrors / repo.replace("/", "+")
    for candidate in (base / "repo", base):
        if (candidate / "HEAD").exists() or (candidate / ".git").exists():
            return candidate
    return None


def run_project(project: Project, mirrors: Path, args: argparse.Namespace, total: Tally) -> None:
    mirror = mirror_of(mirrors, project.repo)
    print(f"\n== {project.name} ({project.repo}) — {project.note}")
    if mirror is None:
        print(
            f"  skipped: no mirror at {mirrors / project.repo.replace('/', '+')}; fetch github:{project.repo}"
        )
        total.counts["projects skipped"] += 1
        return
    commit = project.commit
    if git(mirror, "cat-file", "-e", commit + "^{commit}").returncode != 0:
        commit = "HEAD"
    sha = git(mirror, "rev-parse", commit).stdout.decode().strip()
    paths = git(mirror, "ls-tree", "-r", "--name-only", sha).stdout.decode("utf-8", "replace").split("\n")
    declared = parse_declarations(project.functions, list(project.collations), project.modules)
    tally = Tally()
    for db in project.databases:
        reader = "js" if db.literals else "sqldelight" if db.sqldelight else "sql"
        chosen = select_files(paths, db)
        files: list[tuple[str, str]] = []
        for path in chosen:
            if path.startswith("sql:"):
                files.append((path, ""))
                continue
            blob = git(mirror, "show", f"{sha}:{path}")
            if blob.returncode == 0:
                text = blob.stdout.decode("utf-8", "replace")
                for placeholder, value in db.substitute:
                    text = text.replace(placeholder, value)
                files.append((path, text))
        print(f"  {db.name}: {sum(not p.startswith('sql:') for p, _t in files)} files")
        groups = [[f] for f in files] if db.each_file else [files]
        for group in groups:
            tally.counts["files"] += sum(not p.startswith("sql:") for p, _t in group)
            replay(group, project, declared, tally, args.seconds, reader)
    print(
        f"  commit {sha[:12]}"
        + ("" if commit != "HEAD" or project.commit == sha else " (HEAD: pinned commit absent)")
    )
    c = tally.counts
    print("  " + ", ".join(f"{k} {c[k]}" for k in KEYS))
    if tally.warnings:
        print("  warnings: " + ", ".join(f"{code} {n}" for code, n in tally.warnings.most_common()))
    show_groups("FALSE ALARMS (SQLite prepared, syntaqlite error)", tally.false_alarms, args.show)
    show_groups("MISSED (SQLite semantic error, syntaqlite silent)", tally.missed, args.show)
    if tally.forward:
        print(
            f"  VIEWS/TRIGGERS NAMING WHAT IS MADE LATER, syntaqlite reports an error: {len(tally.forward)} "
            "(SQLite errs on a use before that, not after)"
        )
        for ex in tally.forward[: args.show]:
            print(f"         {ex.where}: {ex.sql}")
            print(f"           syntaqlite: {ex.said}")
    if args.refused:
        show_groups("SQLite refused (skipped)", tally.refused, args.refused)
    total.counts["projects"] += 1
    total.counts.update(c)
    total.warnings.update(tally.warnings)
    for src, dst in ((tally.false_alarms, total.false_alarms), (tally.missed, total.missed)):
        for fam, examples in src.items():
            dst[fam].extend(examples)
    total.forward.extend(tally.forward)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--mirrors", default="/work/.mirror", help="directory of owner+name/repo git mirrors")
    ap.add_argument("--project", action="append", help="only these projects (repeatable)")
    ap.add_argument("--show", type=int, default=3, help="examples per family")
    ap.add_argument("--refused", type=int, default=0, help="also list what SQLite refused (N examples)")
    ap.add_argument("--seconds", type=float, default=1.0, help="time bound to run one statement")
    args = ap.parse_args()
    started = time.monotonic()
    if hasattr(apsw, "hard_heap_limit"):
        apsw.hard_heap_limit(1 << 30)
    total = Tally()
    for project in PROJECTS:
        if args.project and project.name not in args.project:
            continue
        run_project(project, Path(args.mirrors), args, total)
    c = total.counts
    print("\n== totals")
    print(f"  projects {c['projects']} (skipped, no mirror: {c['projects skipped']})")
    for key in (
        *KEYS,
        "sqlite errors at first use",
        "sqlite errors we also report",
        "runtime errors (prepared, judged)",
        "forward references",
        "forward references syntaqlite reports",
        "crashes",
    ):
        print(f"  {key:36s} {c[key]:7d}")
    prepared = c["agree"] + c["false alarms"]
    if prepared:
        print(f"  false-alarm rate on prepared statements: {c['false alarms'] / prepared:.2%}")
    if total.warnings:
        print("  warnings: " + ", ".join(f"{code} {n}" for code, n in total.warnings.most_common()))
    show_groups("false alarms by family", dict(total.false_alarms), 0)
    show_groups("missed by family", dict(total.missed), 0)
    if total.forward:
        families = Counter(family(ex.said) for ex in total.forward)
        print(
            "  views/triggers naming what is created later, syntaqlite reports: "
            + ", ".join(f"{f} {n}" for f, n in families.most_common())
        )
    print(f"time {time.monotonic() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
