"""Placeholders of a statement against the parameters a call binds, with
what ``sqlite3`` (or apsw) would raise at run time.

Placeholders are numbered as SQLite numbers them
(``sqlite3ExprAssignVarNumber``): ``?`` takes the next number, ``?NNN``
is number NNN, a name takes the next number the first time it appears
and the same one after; ``sqlite3_bind_parameter_count`` is the largest
number, and ``sqlite3_bind_parameter_name`` the text a number was first
written with (None for a bare ``?``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..syntax.tokens import Token
from .finder import Bindings


@dataclass(frozen=True)
class Placeholders:
    count: int
    names: dict[int, str]
    """Number -> the placeholder's text (``:name``, ``?2``); a bare ``?`` has none."""
    first: dict[int, Token]
    """Number -> the token where it first appears."""


def placeholders(tokens: list[Token]) -> Placeholders:
    count = 0
    names: dict[int, str] = {}
    numbers: dict[str, int] = {}
    first: dict[int, Token] = {}
    for tok in tokens:
        if tok.kind != "VARIABLE":
            continue
        text = tok.text
        if text == "?":
            count += 1
            number = count
        elif text.startswith("?"):
            try:
                number = int(text[1:])
            except ValueError:
                continue
            if number > count:
                count = number
                names.setdefault(number, text)
            elif number not in names:
                names[number] = text
        else:
            known = numbers.get(text)
            if known is None:
                count += 1
                number = numbers[text] = count
                names[number] = text
            else:
                number = known
        first.setdefault(number, tok)
    return Placeholders(count, names, first)


@dataclass(frozen=True)
class Mismatch:
    message: str
    span: tuple[int, int]
    help: str | None = None
    warning: bool = False
    placeholder: Token | None = None
    """The placeholder the message is about (a related location)."""


def check_bindings(found: Placeholders, given: Bindings, flavour: str) -> Mismatch | None:
    """What binding ``given`` to a statement with ``found`` placeholders
    raises (None: nothing)."""
    if given.kind == "unsupported":
        return Mismatch("parameters are of unsupported type", given.span, "pass a tuple, a list or a dict")
    if given.kind in ("sequence", "string"):
        help = None
        if given.kind == "string":
            help = "a string is a sequence of characters: write (value,) for one parameter"
        if given.length != found.count:
            if flavour == "apsw":
                message = (
                    f"Incorrect number of bindings supplied.  The current statement uses {found.count} "
                    f"and there are {given.length} supplied.  Current offset is 0"
                )
            else:
                message = (
                    "Incorrect number of bindings supplied. The current statement uses "
                    f"{found.count}, and there are {given.length} supplied."
                )
            return Mismatch(message, given.span, help)
        if flavour == "sqlite3":
            for number in range(1, found.count + 1):
                name = found.names.get(number)
                if name is not None and not name.startswith("?"):
                    return Mismatch(
                        f"Binding {number} ('{name}') is a named parameter, but you supplied a sequence "
                        "which requires nameless (qmark) placeholders.",
                        given.span,
                        "a DeprecationWarning in Python 3.12 and 3.13, an error from 3.14: pass a dict",
                        warning=True,
                        placeholder=found.first.get(number),
                    )
        return None
    # A mapping.
    for number in range(1, found.count + 1):
        name = found.names.get(number)
        if name is None:
            if flavour == "apsw":
                message = f"Binding {number - 1} has no name, but you supplied a dict (which only has names)."
            else:
                message = (
                    f"Binding {number} has no name, but you supplied a dictionary (which has only names)."
                )
            return Mismatch(message, given.span, placeholder=found.first.get(number))
        if flavour == "sqlite3" and name[1:] not in given.names:
            return Mismatch(
                f"You did not supply a value for binding parameter {name}.",
                given.span,
                placeholder=found.first.get(number),
            )
    return None
