"""The results cache of ``fmt`` and ``check`` over files, as ruff's and
black's: a second run over files that did not change reads one cache file
and hashes the files, and formats or checks none of them.

Where: ``.syntaqlite_cache/`` in the project's root (the directory of the
configuration that applies to the current directory, else the current
directory), or ``--cache-dir``, ``cache-dir`` in configuration, or
``SYNTAQLITE_CACHE_DIR`` (in that order); ``--no-cache`` or
``SYNTAQLITE_NO_CACHE=1`` turn it off; ``syntaqlite clean`` removes it.  The
directory holds ``CACHEDIR.TAG`` and a ``.gitignore`` of ``*``, and under
``v1/`` one file per command and build of syntaqlite.

What an entry may be used for: the cache file is per build, named by a hash
of syntaqlite's own files (every module, compiled extension and table; a
changed checkout is another build, an unchanged one reinstalled is the same
one), of the Python that runs them and of ``SYNTAQLITE_PURE``.  In it, one
entry per file (by absolute path), under a fingerprint: a hash of
everything the result depends on (the command's effective settings for the
file, see ``fmt.py`` and ``check.py``, the name it is shown under, and its
text).  A fingerprint that differs is a miss; the content is always hashed
(no modification time is trusted).

Robustness: a run reads the cache file once; at its end, when it learnt
something, it reads the file again, adds what it learnt and replaces the
file (a temporary file renamed over it, under an advisory lock where the
system has one), so that concurrent runs (pre-commit runs one process per
core) lose nothing and never leave a torn file.  A cache file that cannot
be read, or is not this layout, is ignored and rewritten; a directory that
cannot be written means no cache (``-v`` says why).  Entries not used for
``MAX_AGE_DAYS`` are dropped, and the files of all but the last
``KEEP_BUILDS`` builds.

Values are plain data (``marshal``: no code runs when a cache file is read,
and every value is checked before it is used).  This module loads only for
runs over files with the cache on: not for stdin, ``-e`` or ``--no-cache``.
"""

from __future__ import annotations

import marshal
import os
import sys
import time
from collections.abc import Callable, Iterable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .. import __version__
from .._record import Record

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic

try:  # a builtin module of CPython: hashlib would load OpenSSL (2 ms)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b

CACHE_DIR_NAME = ".syntaqlite_cache"
ENV_DIR = "SYNTAQLITE_CACHE_DIR"
ENV_OFF = "SYNTAQLITE_NO_CACHE"
LAYOUT = "v1"
"""The layout of the cache files; another layout's files are not read."""
MAGIC = "syntaqlite-results-cache"
MAX_AGE_DAYS = 30
MAX_ENTRIES = 200_000
KEEP_BUILDS = 4
_BUILDS_FILE = "builds"
_BUILDS_KEPT = 32

CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by syntaqlite.\n"
    "# For information about cache directory tags, see:\n"
    "#\thttps://bford.info/cachedir/\n"
)
GITIGNORE = "# Automatically created by syntaqlite.\n*\n"

PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def digest(data: bytes) -> bytes:
    return blake2b(data, digest_size=20).digest()


def canonical(value: object) -> str:
    """A text that names ``value`` exactly, for a key: records by class
    and every field (so a new field is part of every key it is in), mappings
    sorted, sets sorted, paths and enums by value.  Raises TypeError for
    what it cannot name (never a weak key)."""
    if value is None or isinstance(value, bool | int | float | str | bytes):
        return repr(value)
    if isinstance(value, Enum):
        return f"{type(value).__qualname__}.{value.value!r}"
    if isinstance(value, Path):
        return f"Path({str(value)!r})"
    if isinstance(value, Record):
        fields = value._fields()
        if not fields:
            raise TypeError(f"{type(value).__qualname__}: a record without fields cannot be a key")
        inner = ", ".join(f"{name}={canonical(getattr(value, name))}" for name in fields)
        return f"{type(value).__qualname__}({inner})"
    if isinstance(value, tuple | list):
        return "(" + ", ".join(canonical(v) for v in value) + ",)"
    if isinstance(value, dict):
        items = sorted((canonical(k), canonical(v)) for k, v in value.items())
        return "{" + ", ".join(f"{k}: {v}" for k, v in items) + "}"
    if isinstance(value, frozenset | set):
        return "{" + ", ".join(sorted(canonical(v) for v in value)) + "}"
    raise TypeError(f"cannot use a {type(value).__qualname__} in a cache key")


def settings_key(*parts: object) -> bytes:
    """The hash of a command's settings for a file (``canonical`` of the parts)."""
    return digest(canonical(parts).encode("utf-8", "surrogatepass"))


def fingerprint(settings: bytes, text: str) -> bytes:
    """What an entry is valid for: these settings and this text."""
    h = blake2b(settings, digest_size=20)
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.digest()


def file_digest(path: Path) -> bytes:
    """The hash of a file's bytes, and for a database the bytes of its
    ``-wal`` file (which a schema read includes).  Raises OSError."""
    h = blake2b(digest_size=20)
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    h.update(b"\0wal\0")
    try:
        with open(str(path) + "-wal", "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
    except OSError:
        pass  # no -wal file beside it
    return h.digest()


# ---------------------------------------------------------------- the build


def _package_stat() -> tuple[list[str], bytes, float]:
    """syntaqlite's own files (modules, extensions, tables; not
    ``__pycache__``), a hash of their names, sizes, inodes and modification
    and change times, of the Python that runs and of ``SYNTAQLITE_PURE``,
    and the latest change time.  (A change time cannot be set back: a file
    rewritten with its old size and modification time still changes it.)"""
    files: list[str] = []
    stats: list[str] = []
    latest = 0.0
    for root, dirs, names in os.walk(PACKAGE_DIR):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            full = os.path.join(root, name)
            try:
                st = os.stat(full)
            except OSError:
                continue
            files.append(full)
            stats.append(
                f"{os.path.relpath(full, PACKAGE_DIR)}\0{st.st_size}\0{st.st_ino}"
                f"\0{st.st_mtime_ns}\0{st.st_ctime_ns}"
            )
            latest = max(latest, st.st_ctime, st.st_mtime)
    head = _interpreter()
    return files, digest("\n".join([head, *stats]).encode("utf-8", "surrogatepass")), latest


def _interpreter() -> str:
    pure = os.environ.get("SYNTAQLITE_PURE", "") not in ("", "0")
    return f"syntaqlite {__version__}\0{sys.version}\0{sys.implementation.cache_tag}\0pure={pure}"


def _package_content(files: Iterable[str]) -> str:
    """The build's name: a hash of the package's files' names and bytes."""
    h = blake2b(digest_size=16)
    h.update(_interpreter().encode("utf-8", "surrogatepass"))
    for full in files:
        h.update(b"\0" + os.path.relpath(full, PACKAGE_DIR).encode("utf-8", "surrogatepass") + b"\0")
        try:
            with open(full, "rb") as fh:
                h.update(digest(fh.read()))
        except OSError:
            h.update(b"(unreadable)")
    return h.hexdigest()


RACY_SECONDS = 2.0
"""A package file changed this recently may change again within the file
system's timestamp granularity without its times changing (git's "racy"
files): the build's content hash is then not kept."""


def build_identity(layout_dir: Path | None) -> str:
    """The running build's name.  The content hash (3 ms) is kept in
    ``layout_dir`` under the hash of the files' sizes and times (1 ms), so
    that it is computed again only when a file of the package changed on
    disk; without a directory it is computed."""
    files, stat_key, latest = _package_stat()
    memo_file = layout_dir / _BUILDS_FILE if layout_dir is not None else None
    memo: dict[bytes, str] = {}
    if memo_file is not None:
        loaded = _load(memo_file)
        if isinstance(loaded, tuple) and len(loaded) == 3 and loaded[:2] == (MAGIC, "builds"):
            if isinstance(loaded[2], dict):
                memo = {k: v for k, v in loaded[2].items() if isinstance(k, bytes) and isinstance(v, str)}
        known = memo.get(stat_key)
        if known is not None and len(known) == 32:
            return known
    build = _package_content(files)
    if memo_file is not None and time.time() - latest > RACY_SECONDS:
        memo.pop(stat_key, None)
        memo[stat_key] = build
        kept = dict(list(memo.items())[-_BUILDS_KEPT:])
        try:
            _replace(memo_file, marshal.dumps((MAGIC, "builds", kept)))
        except OSError:
            pass  # no memo: computed again next time
    return build


# ---------------------------------------------------------------- where


def cache_root(option: str | None, no_cache: bool, config_dir: str | None, root: Path) -> Path | None:
    """The cache directory (None: no cache): ``--no-cache`` or
    ``SYNTAQLITE_NO_CACHE`` turn it off; else ``--cache-dir``, the
    configuration's ``cache-dir`` (already relative to its file), the
    ``SYNTAQLITE_CACHE_DIR`` variable, else ``root/.syntaqlite_cache``."""
    if no_cache or os.environ.get(ENV_OFF, "") not in ("", "0"):
        return None
    chosen = option or config_dir or os.environ.get(ENV_DIR) or None
    if chosen:
        return Path(os.path.expanduser(chosen))
    return root / CACHE_DIR_NAME


def open_cache(
    command: str, option: str | None, config_for: Callable[[Path], object], debug: Callable[[str], None]
) -> ResultCache | None:
    """The cache a run over files uses (None: off, or no usable
    directory, which ``-v`` says).  ``config_for``: the configuration of a
    place (its ``cache-dir``, and its directory as the project's root)."""
    if os.environ.get(ENV_OFF, "") not in ("", "0"):
        debug(f"cache: off ({ENV_OFF})")
        return None
    try:
        cwd = Path.cwd()
    except OSError as exc:
        debug(f"cache: off (the current directory: {exc.strerror or exc})")
        return None
    try:
        config = config_for(cwd)
    except Exception:  # noqa: BLE001 - a bad configuration is reported with the files
        config = None
    root = getattr(config, "root", None) or cwd
    directory = cache_root(option, False, getattr(config, "cache_dir", None), root)
    if directory is None:
        return None
    try:
        return ResultCache(directory, command, debug)
    except OSError as exc:
        debug(f"cache: off ({directory}: {exc.strerror or exc})")
        return None


# ---------------------------------------------------------------- the cache


Entry = tuple[bytes, int, object]  # fingerprint, day last used, value
T = TypeVar("T")


class ResultCache:
    """One command's entries for one build (see the module's docstring).
    ``debug`` receives the ``-v`` lines."""

    def __init__(self, directory: Path, command: str, debug: Callable[[str], None]) -> None:
        self.directory = directory
        self.command = command
        self.debug = debug
        self.layout_dir = directory / LAYOUT
        self.build = build_identity(self.layout_dir if self.layout_dir.is_dir() else None)
        self.file = self.layout_dir / f"{command}-{self.build}"
        self.today = int(time.time() // 86400)
        self.entries = self._read()
        self.learnt: dict[str, Entry] = {}
        self.hits = 0
        self.misses = 0

    def _read(self) -> dict[str, Entry]:
        loaded = _load(self.file)
        if loaded is None:
            return {}
        if (
            isinstance(loaded, tuple)
            and len(loaded) == 5
            and loaded[:4] == (MAGIC, LAYOUT, self.command, self.build)
            and isinstance(loaded[4], dict)
        ):
            return loaded[4]
        self.debug(f"cache: {self.file}: not a cache file of this version: ignored (it is rewritten)")
        return {}

    def get(self, key: str, fp: bytes, decode: Callable[[object], T | None]) -> T | None:
        """The value kept for ``key`` (a file's absolute path) under
        ``fp``, as ``decode`` reads it (None: a value of the wrong shape,
        a miss), else None."""
        entry: object = self.entries.get(key)
        if not (isinstance(entry, tuple) and len(entry) == 3 and entry[0] == fp):
            self.misses += 1
            return None
        value = decode(entry[2])
        if value is None:
            self.misses += 1
            return None
        self.hits += 1
        if entry[1] != self.today:  # keep it alive (written only when something else is learnt too)
            self.learnt.setdefault(key, (fp, self.today, entry[2]))
        return value

    def put(self, key: str, fp: bytes, value: object) -> None:
        self.learnt[key] = (fp, self.today, value)

    def forget(self, keys: Iterable[str]) -> None:
        for key in keys:
            self.learnt.pop(key, None)

    def save(self) -> None:
        """Merge what this run learnt into the cache file; never raises."""
        self.debug(
            f"cache: {self.hits} hit{'s' if self.hits != 1 else ''}, {self.misses} missed ({self.file})"
        )
        if not self.learnt:
            return
        try:
            self._ensure_directory()
            with _Lock(self.layout_dir / f"{self.command}.lock"):
                current = self._read()  # what other runs wrote meanwhile
                current.update(self.learnt)
                oldest = self.today - MAX_AGE_DAYS
                kept = {
                    k: e
                    for k, e in current.items()
                    if isinstance(e, tuple) and len(e) == 3 and isinstance(e[1], int) and e[1] >= oldest
                }
                if len(kept) > MAX_ENTRIES:
                    newest = sorted(kept.items(), key=lambda item: item[1][1])[-MAX_ENTRIES:]
                    kept = dict(newest)
                _replace(self.file, marshal.dumps((MAGIC, LAYOUT, self.command, self.build, kept)))
                self._prune_builds()
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.debug(f"cache: not written to {self.directory}: {reason}")

    def _ensure_directory(self) -> None:
        if not self.directory.is_dir():
            self.directory.mkdir(parents=True, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", CACHEDIR_TAG), (".gitignore", GITIGNORE)):
            tag = self.directory / name
            if not tag.exists():
                _replace(tag, text.encode())
        self.layout_dir.mkdir(exist_ok=True)

    def _prune_builds(self) -> None:
        """The files of other builds of this command: the newest
        ``KEEP_BUILDS - 1`` stay (switching between branches)."""
        others = []
        prefix = f"{self.command}-"
        for entry in os.scandir(self.layout_dir):
            if entry.name.startswith(prefix) and entry.path != str(self.file) and "." not in entry.name:
                try:
                    others.append((entry.stat().st_mtime, entry.path))
                except OSError:
                    continue
        for _mtime, path in sorted(others)[: max(0, len(others) - (KEEP_BUILDS - 1))]:
            try:
                os.unlink(path)
            except OSError:
                pass


def _load(path: Path) -> object | None:
    """A cache file's data; None when it is missing, unreadable or not
    marshal data (truncated, another tool's)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    try:
        loaded: object = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    return loaded


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: a temporary file beside it,
    renamed over it (a reader sees the old file or the new one)."""
    tmp = f"{path}.{os.getpid()}.{time.monotonic_ns()}.tmp"
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class _Lock:
    """An advisory lock on a file (``fcntl.flock``) for the merge; where
    the system has none, the merge runs unlocked (a concurrent run's
    entries may then be lost, never the file's integrity)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None

    def __enter__(self) -> _Lock:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            return self
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(self.fd, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            os.close(self.fd)  # releases the lock


def clean(directory: Path) -> bool:
    """Remove a cache directory (only one syntaqlite made: it has its
    ``CACHEDIR.TAG``); whether there was one."""
    import shutil

    tag = directory / "CACHEDIR.TAG"
    try:
        if "syntaqlite" not in tag.read_text(encoding="utf-8", errors="replace"):
            return False
    except OSError:
        return False
    shutil.rmtree(directory)
    return True


# ---------------------------------------------------------------- values


def encode_diagnostics(diagnostics: Iterable[Diagnostic]) -> tuple[object, ...]:
    """``check``'s diagnostics as plain data (every field, for every output format)."""
    out = []
    for d in diagnostics:
        out.append(
            (
                d.code,
                d.message,
                d.start,
                d.end,
                d.severity.value,
                d.help,
                d.replacement,
                d.fix_safe,
                tuple((r.message, r.start, r.end, r.path) for r in d.related),
            )
        )
    return tuple(out)


def decode_diagnostics(value: object) -> list[Diagnostic] | None:
    """The diagnostics ``encode_diagnostics`` made; None for anything else."""
    from ..diagnostics import Diagnostic, Related, Severity

    if not isinstance(value, tuple):
        return None
    out: list[Diagnostic] = []
    try:
        for item in value:
            code, message, start, end, severity, help, replacement, fix_safe, related = item
            if not (
                isinstance(code, str)
                and isinstance(message, str)
                and type(start) is int
                and type(end) is int
                and isinstance(help, str | None)
                and isinstance(replacement, str | None)
                and type(fix_safe) is bool
                and isinstance(related, tuple)
            ):
                return None
            rel = []
            for r_message, r_start, r_end, r_path in related:
                if not (
                    isinstance(r_message, str)
                    and type(r_start) is int
                    and type(r_end) is int
                    and isinstance(r_path, str | None)
                ):
                    return None
                rel.append(Related(r_message, r_start, r_end, r_path))
            out.append(
                Diagnostic(
                    code, message, start, end, Severity(severity), help, replacement, fix_safe, tuple(rel)
                )
            )
    except (TypeError, ValueError):
        return None
    return out
