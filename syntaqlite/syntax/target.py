"""Which SQLite the SQL is judged against: a release and its build options.

The default is the newest release in SQLite's default build.  A target
decides which words are keywords (the lexer's table) and which syntax behind
a build option the parser lets through.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .tokens import KEYWORDS

LATEST = (3, 54, 1)


class TargetError(ValueError):
    """An unknown SQLite version or compile-time option."""


KNOWN_CFLAGS = frozenset({"SQLITE_ENABLE_UPDATE_DELETE_LIMIT", "SQLITE_ENABLE_ORDERED_SET_AGGREGATES"})


@dataclass(frozen=True)
class Target:
    version: tuple[int, int, int] = LATEST
    cflags: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def from_options(cls, version: str | None = None, cflags: object = ()) -> Target:
        parsed = LATEST
        if version not in (None, "", "latest"):
            try:
                parts = tuple(int(p) for p in str(version).split("."))
            except ValueError:
                raise TargetError(f"invalid SQLite version {version!r}") from None
            if len(parts) == 2:
                parts = (*parts, 0)
            if len(parts) != 3:
                raise TargetError(f"invalid SQLite version {version!r}")
            parsed = parts  # type: ignore[assignment]
        flags = frozenset(str(f).upper() for f in cflags)  # type: ignore[attr-defined]
        unknown = flags - KNOWN_CFLAGS
        if unknown:
            raise TargetError(
                f"unknown compile-time option {sorted(unknown)[0]}; known: {', '.join(sorted(KNOWN_CFLAGS))}"
            )
        return cls(parsed, flags)

    @property
    def version_string(self) -> str:
        return ".".join(map(str, self.version))

    @property
    def update_delete_limit(self) -> bool:
        return "SQLITE_ENABLE_UPDATE_DELETE_LIMIT" in self.cflags

    @cached_property
    def keywords(self) -> dict[str, str]:
        table = dict(KEYWORDS)
        if "SQLITE_ENABLE_ORDERED_SET_AGGREGATES" in self.cflags:
            table["WITHIN"] = "WITHIN"
        return table


DEFAULT_TARGET = Target()
