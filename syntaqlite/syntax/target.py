"""Which SQLite the SQL is judged against: a release and its build options.

The default is the newest release in SQLite's default build.  A target
decides which words are keywords (the lexer's table), how the tokenizer
reads numbers, operators and parameters, which syntax the grammar actions
let through (:mod:`syntaqlite.syntax.features`), and how deep the parser
stack may grow.  Releases come from :mod:`syntaqlite.syntax.versions`,
compile-time options from :mod:`syntaqlite.syntax.cflags`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from .._record import Record
from . import cflags as _cflags
from .lexer import LexDialect
from .tokens import KEYWORDS
from .versions import (
    KEYWORD_SINCE,
    LATEST,
    RELEASE_SET,
    Version,
    describe_releases,
    format_version,
    parse_version,
)

if TYPE_CHECKING:
    from .features import Feature

__all__ = ["DEFAULT_TARGET", "KNOWN_CFLAGS", "LATEST", "Target", "TargetError"]

KNOWN_CFLAGS = _cflags.KNOWN_CFLAGS

_ORDERED_SET = "SQLITE_ENABLE_ORDERED_SET_AGGREGATES"
_UDL = "SQLITE_ENABLE_UPDATE_DELETE_LIMIT"

# Parser stack: a fixed 100 entries before 3.46.0, unbounded from 3.46.0,
# limited by SQLITE_LIMIT_PARSER_DEPTH (2500 by default) from 3.52.0.
_GROWABLE_STACK: Version = (3, 46, 0)
_PARSER_DEPTH_LIMIT: Version = (3, 52, 0)


class TargetError(ValueError):
    """An unknown SQLite version or compile-time option."""


def unknown_version_message(version: object) -> str:
    return (
        f"unknown SQLite version {str(version)!r}: not a release; "
        f"valid versions are 'latest' and {describe_releases()}"
    )


def unknown_option_message(names: Iterable[str]) -> str:
    names = sorted(names)
    listed = ", ".join(sorted(KNOWN_CFLAGS))
    which = "option" if len(names) == 1 else "options"
    return f"unknown compile-time {which} {', '.join(names)}; known options: {listed}"


class Target(Record):
    """The SQLite a text is read as: a release and its compile-time options."""

    __slots__ = ("version", "cflags", "__dict__")  # __dict__: the cached properties

    version: Version
    cflags: frozenset[str]

    def __init__(self, version: Version = LATEST, cflags: frozenset[str] = frozenset()) -> None:
        self.version = version
        self.cflags = cflags
        if self.version not in RELEASE_SET:
            raise TargetError(unknown_version_message(format_version(self.version)))
        unknown = set(self.cflags) - KNOWN_CFLAGS
        if unknown:
            raise TargetError(unknown_option_message(unknown))

    @classmethod
    def from_options(cls, version: str | None = None, cflags: Iterable[str] = ()) -> Target:
        """The target for a version text (``"3.45.1"``, ``"3.45"`` for
        ``3.45.0``, ``"latest"`` or None) and option names (case does not
        matter; a leading ``-D`` is dropped).  Raises :class:`TargetError`."""
        parsed = LATEST
        if version is not None and str(version).strip().lower() not in ("", "latest"):
            try:
                parsed = parse_version(str(version))
            except ValueError:
                raise TargetError(unknown_version_message(version)) from None
            if parsed not in RELEASE_SET:
                raise TargetError(unknown_version_message(version))
        if isinstance(cflags, str):
            cflags = [cflags]
        flags = set()
        for flag in cflags:
            name = str(flag).strip().upper()
            if name.startswith("-D"):
                name = name[2:]
            name = name.split("=", 1)[0]
            flags.add(name)
        unknown = flags - KNOWN_CFLAGS
        if unknown:
            raise TargetError(unknown_option_message(unknown))
        if cls is not Target:
            return cls(parsed, frozenset(flags))
        return _shared(parsed, frozenset(flags))

    # -- what the target is ------------------------------------------------

    @property
    def version_string(self) -> str:
        return format_version(self.version)

    @property
    def is_default(self) -> bool:
        """The newest release in its default build (no options given)."""
        return self.version == LATEST and not self.cflags

    @property
    def update_delete_limit(self) -> bool:
        return _UDL in self.cflags

    # -- how it reads and parses SQL ---------------------------------------

    @cached_property
    def keywords(self) -> dict[str, str]:
        """Keyword text -> token kind for this release and build."""
        if self.is_default:
            return KEYWORDS
        table = dict(KEYWORDS)
        for word, since in KEYWORD_SINCE.items():
            if self.version < since:
                table.pop(word, None)
        for word in _cflags.omitted_keywords(self.cflags):
            table.pop(word, None)
        if _ORDERED_SET in self.cflags and self.version >= KEYWORD_SINCE["WITHIN"]:
            table["WITHIN"] = "WITHIN"
        return table

    @cached_property
    def lex_dialect(self) -> LexDialect | None:
        """How the tokenizer differs from the newest default build (None:
        it does not)."""
        flags = self.cflags
        dialect = LexDialect(
            bom_is_space=self.version >= (3, 36, 0),
            ptr_operator=self.version >= (3, 38, 0),
            digit_separators=self.version >= (3, 46, 0),
            hex_integers="SQLITE_OMIT_HEX_INTEGER" not in flags,
            floating_point="SQLITE_OMIT_FLOATING_POINT" not in flags,
            tcl_variables="SQLITE_OMIT_TCL_VARIABLE" not in flags,
            blob_literals="SQLITE_OMIT_BLOB_LITERAL" not in flags,
        )
        return None if dialect == LexDialect() else dialect

    @cached_property
    def missing_features(self) -> tuple[Feature, ...]:
        """The features of :mod:`~syntaqlite.syntax.features` this target
        lacks.  (The table loads here: the default target needs none of it.)"""
        from .features import FEATURES

        return tuple(f for f in FEATURES if f.message(self.version, self.cflags) is not None)

    @cached_property
    def gated_features(self) -> tuple[Feature, ...]:
        """The missing features the parser checks in grammar actions: those
        of node kinds whose syntax the keyword table and the tokenizer leave
        reachable.  (A feature that only needs an option never is: its
        keyword exists only with the option.)"""
        return tuple(
            f
            for f in self.missing_features
            if f.kinds
            and not (f.requires is not None and f.message(self.version, self.cflags | {f.requires}) is None)
        )

    @cached_property
    def non_fallback(self) -> frozenset[str]:
        """Keywords that may not fall back to an identifier in this build."""
        return _cflags.non_fallback_keywords(self.cflags)

    @property
    def stack_limit(self) -> int | None:
        """Entries of the parser stack (None: no limit)."""
        if self.version < _GROWABLE_STACK:
            return 100
        if self.version < _PARSER_DEPTH_LIMIT:
            return None
        return 2500

    @cached_property
    def reference(self) -> Target | None:
        """The newest release with this target's options minus those that
        remove syntax: the grammar to explain this target's syntax errors
        with (None when that is this target)."""
        keep = {f for f in self.cflags if f not in _cflags.SYNTAX_OPTIONS or not f.startswith("SQLITE_OMIT_")}
        keep.add(_ORDERED_SET)
        ref = Target(LATEST, frozenset(keep))
        return None if ref == self else ref


@lru_cache(maxsize=256)
def _shared(version: Version, cflags: frozenset[str]) -> Target:
    """One instance per target, so that what it derives (keywords, grammar
    actions) is computed once however often the API is called with it."""
    return Target(version, cflags)


DEFAULT_TARGET = _shared(LATEST, frozenset())
