"""Reading and writing the user's files: clear errors, atomic writes."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from .._record import Record
from ..text import printable

DEFAULT_MAX_BYTES = 100_000_000
"""The largest input read: ``max-file-size`` in configuration, ``--max-file-size``."""


class InputError(Exception):
    """A file that cannot be read as SQL text; the message says where."""


def show_size(n: int) -> str:
    """``n`` bytes for people: "100 MB", "1.5 GB", "512 bytes" (decimal units)."""
    for unit, size in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= size:
            return f"{n / size:.3g} {unit}"
    return f"{n} byte{'' if n == 1 else 's'}"


def _too_big(shown: str, what: str, limit: int) -> InputError:
    return InputError(
        f"{shown}: too large: {what}; the limit is {show_size(limit)} "
        "(raise it with --max-file-size or max-file-size in syntaqlite.toml)"
    )


def read_bounded(stream: BinaryIO, shown: str, limit: int, size: int | None = None) -> bytes:
    """Every byte of ``stream``, or an InputError when there are more than
    ``limit`` (never more than limit + 1 bytes are read: /dev/zero, an
    endless pipe).  ``size``: what the file system says the file holds."""
    if size is not None and size > limit:
        exact = f"{size:,} bytes"
        shown_size = show_size(size)
        raise _too_big(shown, exact if shown_size.endswith("bytes") else f"{shown_size} ({exact})", limit)
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_big(shown, f"more than {limit:,} bytes read", limit)
    return data


class Source(Record):
    __slots__ = ("path", "text", "file")

    path: str  # as shown to the user
    text: str
    file: Path | None  # None for stdin and -e

    def __init__(self, path: str, text: str, file: Path | None = None) -> None:
        self.path = path
        self.text = text
        self.file = file


_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32 (big-endian)"),
    (b"\xff\xfe\x00\x00", "UTF-32 (little-endian)"),
    (b"\xfe\xff", "UTF-16 (big-endian)"),
    (b"\xff\xfe", "UTF-16 (little-endian)"),
)


def _wide_encoding(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 encoding of ``data``: by its byte-order mark,
    or, without one, by the zero bytes ASCII text has in those encodings."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    head = data[:4096]
    if len(head) >= 4 and head[1:2] != b"\x00" and head[0:1] != b"\x00":
        return None
    for width, name in ((4, "UTF-32"), (2, "UTF-16")):
        units = [head[i : i + width] for i in range(0, len(head) - width + 1, width)]
        if not units:
            continue
        if all(u[1:] == b"\x00" * (width - 1) and u[:1] != b"\x00" for u in units):
            return f"{name} (little-endian)"
        if all(u[:-1] == b"\x00" * (width - 1) and u[-1:] != b"\x00" for u in units):
            return f"{name} (big-endian)"
    return None


def _not_wide(data: bytes, path: str) -> None:
    wide = _wide_encoding(data)
    if wide is not None:
        encoding = wide.split()[0]
        raise InputError(
            f"{printable(path)}: the file is {wide} text; syntaqlite reads SQL files as UTF-8 "
            f"(convert it, e.g. iconv -f {encoding} -t UTF-8)"
        )


def decode(data: bytes, path: str) -> str:
    """``data`` as UTF-8 text; a UTF-16 or UTF-32 file is named as such
    (without a byte-order mark, ASCII in those encodings is valid UTF-8
    full of NUL characters)."""
    if b"\x00" in data:
        _not_wide(data, path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        shown = printable(path)
        _not_wide(data, path)
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise InputError(
            f"{shown}:{line}:{col}: not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
            "syntaqlite reads SQL files as UTF-8"
        ) from None


def _read_error(shown: str, exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError(f"{shown}: no such file")
    if isinstance(exc, IsADirectoryError):
        return InputError(f"{shown}: is a directory")
    if isinstance(exc, PermissionError):
        return InputError(f"{shown}: permission denied")
    return InputError(f"{shown}: cannot read: {exc.strerror or exc}")


def read_file(path: Path, limit: int = DEFAULT_MAX_BYTES) -> Source:
    return read_for_update(path, limit)[0]


class Snapshot(Record):
    """What a file was when it was read: a write replaces it only if it is
    still exactly this."""

    __slots__ = ("data", "device", "inode", "size", "mtime_ns")

    data: bytes
    device: int
    inode: int
    size: int
    mtime_ns: int

    def __init__(self, data: bytes, device: int, inode: int, size: int, mtime_ns: int) -> None:
        self.data = data
        self.device = device
        self.inode = inode
        self.size = size
        self.mtime_ns = mtime_ns


def read_for_update(path: Path, limit: int = DEFAULT_MAX_BYTES) -> tuple[Source, Snapshot]:
    """The file's text and what it was on disk when read (an InputError
    for a file larger than ``limit`` bytes)."""
    shown = printable(str(path))
    try:
        with path.open("rb") as fh:
            st = os.fstat(fh.fileno())
            if stat.S_ISDIR(st.st_mode):
                raise IsADirectoryError(errno.EISDIR, "Is a directory")
            data = read_bounded(fh, shown, limit, st.st_size if stat.S_ISREG(st.st_mode) else None)
    except OSError as exc:
        raise _read_error(shown, exc) from None
    snapshot = Snapshot(data, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
    return Source(str(path), decode(data, str(path)), path), snapshot


def read_stdin(name: str = "<stdin>", limit: int = DEFAULT_MAX_BYTES) -> Source:
    return Source(name, decode(read_bounded(sys.stdin.buffer, name, limit), name))


class WriteError(Exception):
    """A file that was not written; the message says which and why (the
    file is as it was, or as another program left it)."""


def _owner_kept(tmp: str, st: os.stat_result) -> bool:
    """Give the temporary file the original's owner and group; False when
    that is not allowed (then the original is rewritten in place)."""
    if not hasattr(os, "chown"):  # Windows: no owner to give
        return True
    if (st.st_uid, st.st_gid) == (os.geteuid(), os.getegid()):
        return True
    try:
        os.chown(tmp, st.st_uid, st.st_gid)
    except OSError:
        return False
    return True


def _unchanged(target: str, snapshot: Snapshot) -> bool:
    try:
        st = os.stat(target)
        if (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns) != (
            snapshot.device,
            snapshot.inode,
            snapshot.size,
            snapshot.mtime_ns,
        ):
            return False
        with open(target, "rb") as fh:
            return fh.read() == snapshot.data
    except OSError:
        return False


def write_back(path: Path, text: str, snapshot: Snapshot) -> str:
    """Replace the contents of ``path`` (read as ``snapshot``) with ``text``,
    the way a careful editor saves, and return how (``"replaced"`` or
    ``"in place"``).  Raises :class:`WriteError` and leaves the file alone
    when it is read-only, or when it changed on disk since it was read.

    A symlink is followed: its target is written and the link stays a link.
    The new text goes to a temporary file beside the target, which gets the
    target's mode, owner and group, and is renamed over it (atomically: a
    crash leaves the old or the new file, never half).  A file with other
    hard links, or whose owner could not be given to the new file, is
    rewritten in place instead, so that it stays the same file (the one
    case that is not atomic)."""
    shown = printable(str(path))
    target = os.path.realpath(path)
    try:
        st = os.stat(target)
    except OSError as exc:
        raise WriteError(f"{shown}: cannot write: {exc.strerror or exc}") from None
    if not stat.S_IMODE(st.st_mode) & 0o222 or not os.access(target, os.W_OK):
        reason = "read-only" if not stat.S_IMODE(st.st_mode) & 0o222 else "permission denied"
        raise WriteError(f"{shown}: {reason} (mode {stat.S_IMODE(st.st_mode):04o}); not reformatted")
    if not _unchanged(target, snapshot):
        raise WriteError(f"{shown}: changed on disk while it was being formatted; left as it is now")
    data = text.encode("utf-8")
    if st.st_nlink > 1:
        _write_in_place(target, data, snapshot, shown)
        return "in place"
    directory = os.path.dirname(target)
    import tempfile  # only when writing: it costs milliseconds at start-up

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=directory)
    except OSError:
        # A directory we may not create files in, but the file is writable.
        _write_in_place(target, data, snapshot, shown)
        return "in place"
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if not _owner_kept(tmp, st):
            os.unlink(tmp)
            _write_in_place(target, data, snapshot, shown)
            return "in place"
        if not _unchanged(target, snapshot):
            raise WriteError(f"{shown}: changed on disk while it was being formatted; left as it is now")
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return "replaced"


def _write_in_place(target: str, data: bytes, snapshot: Snapshot, shown: str) -> None:
    with open(target, "r+b") as fh:
        if fh.read() != snapshot.data:
            raise WriteError(f"{shown}: changed on disk while it was being formatted; left as it is now")
        fh.seek(0)
        fh.write(data)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())
