"""The formatter's options: one value class, as black's ``Mode``."""

from __future__ import annotations

from typing import Any

from .._record import Record

KEYWORD_CASES = ("upper", "lower", "preserve")
COLUMN_NAMES = ("preserve", "reformat")


class OptionsError(ValueError):
    """A format option with a bad value; the message names it."""


class FormatOptions(Record):
    """Every option, checked when set.

    * ``line_width``: lines longer than this are broken where the SQL allows.
    * ``indent``: spaces per indentation level.
    * ``keyword_case``: ``upper``, ``lower`` or ``preserve`` (as written).
    * ``semicolons``: end every statement with ``;``.  When false, the last
      statement keeps no semicolon (the others need theirs to stay separate
      statements).
    * ``column_names``: ``preserve``: a result column without an alias whose
      name SQLite takes from its source text (``SELECT a+b`` names its column
      ``a+b``), where that name can be seen, is copied as written, so that the
      name does not change.  ``reformat``: such columns are formatted like any
      expression (for code that reads every column it uses by an alias or by
      position).
    """

    __slots__ = ("line_width", "indent", "keyword_case", "semicolons", "column_names")

    def __init__(
        self,
        line_width: int = 80,
        indent: int = 2,
        keyword_case: str = "upper",
        semicolons: bool = True,
        column_names: str = "preserve",
    ) -> None:
        self.line_width = line_width
        self.indent = indent
        self.keyword_case = keyword_case
        self.semicolons = semicolons
        self.column_names = column_names
        self._check()

    def _check(self) -> None:
        # bool is an int in Python, not a width: `line-width = true` is refused.
        if not isinstance(self.line_width, int) or isinstance(self.line_width, bool) or self.line_width < 1:
            raise OptionsError(f"line-width must be a positive integer, not {self.line_width!r}")
        if not isinstance(self.indent, int) or isinstance(self.indent, bool) or not 0 <= self.indent <= 16:
            raise OptionsError(f"indent must be an integer from 0 to 16, not {self.indent!r}")
        if not isinstance(self.keyword_case, str) or self.keyword_case not in KEYWORD_CASES:
            raise OptionsError(
                f"keyword-case must be one of {', '.join(KEYWORD_CASES)}, not {self.keyword_case!r}"
            )
        if self.column_names not in COLUMN_NAMES:
            raise OptionsError(
                f"column-names must be one of {', '.join(COLUMN_NAMES)}, not {self.column_names!r}"
            )
        if not isinstance(self.semicolons, bool):
            raise OptionsError(f"semicolons must be true or false, not {self.semicolons!r}")

    @classmethod
    def from_mapping(cls, data: dict[str, Any], base: FormatOptions | None = None) -> FormatOptions:
        """Options from a ``[format]`` table (keys ``line-width``, ``indent``,
        ``keyword-case``, ``semicolons``, ``column-names``) over ``base``."""
        known = {name.replace("_", "-"): name for name in cls.__slots__}
        changes: dict[str, Any] = {}
        for key, value in data.items():
            name = known.get(key) or known.get(key.replace("_", "-"))
            if name is None:
                raise OptionsError(f"unknown format option {key!r}; known: {', '.join(sorted(known))}")
            changes[name] = value
        return (base or cls()).replace(**changes)
