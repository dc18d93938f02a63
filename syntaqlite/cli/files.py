"""Reading and writing the user's files: clear errors, atomic writes."""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path


class InputError(Exception):
    """A file that cannot be read as SQL text; the message says where."""


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


def read_file(path: Path) -> Source:
    shown = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{shown}: is a directory") from None
    except PermissionError:
        raise InputError(f"{shown}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{shown}: cannot read: {exc.strerror}") from None
    return Source(shown, decode(data, shown), path)


def read_stdin(name: str = "<stdin>") -> Source:
    data = sys.stdin.buffer.read()
    return Source(name, decode(data, name))


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` atomically: write a temporary file in
    the same directory, give it the original's mode, then rename it over the
    original.  A crash leaves either the old or the new file, never half."""
    directory = path.parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o644
    import tempfile  # only when writing: it costs milliseconds at start-up

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
