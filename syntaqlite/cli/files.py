"""Reading and writing the user's files: clear errors, atomic writes."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

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


@dataclass(frozen=True)
class Source:
    path: str  # as shown to the user
    text: str
    file: Path | None = None  # None for stdin and -e


def decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise InputError(
            f"{path}:{line}:{col}: not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
            "syntaqlite reads SQL files as UTF-8"
        ) from None


def read_file(path: Path, limit: int = DEFAULT_MAX_BYTES) -> Source:
    shown = str(path)
    try:
        with path.open("rb") as fh:
            st = os.fstat(fh.fileno())
            data = read_bounded(fh, shown, limit, st.st_size if stat.S_ISREG(st.st_mode) else None)
    except FileNotFoundError:
        raise InputError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{shown}: is a directory") from None
    except PermissionError:
        raise InputError(f"{shown}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{shown}: cannot read: {exc.strerror}") from None
    return Source(shown, decode(data, shown), path)


def read_stdin(name: str = "<stdin>", limit: int = DEFAULT_MAX_BYTES) -> Source:
    return Source(name, decode(read_bounded(sys.stdin.buffer, name, limit), name))


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` atomically: write a temporary file in
    the same directory, give it the original's mode, then rename it over the
    original.  A crash leaves either the old or the new file, never half."""
    directory = path.parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
