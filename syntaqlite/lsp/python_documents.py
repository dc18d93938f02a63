"""Python documents: the server next to the user's Python server, for the
SQL inside the module.

A ``.py`` document (or one the client opened as ``python``) is analysed as
its masked text (:func:`syntaqlite.python.mask.masked_text`: the embedded
SQL at its place, blanks elsewhere), so completion, hover, signature help,
go to definition, references and highlights work inside the SQL strings
with positions that are the module's own; the line index stays the
module's, so positions are counted in its text.  Its diagnostics are the
command line's (:func:`syntaqlite.python.check.check_modules` on the
module against the configured schema): the call's parameters, dynamic SQL
and the validator, in the order the code runs its DDL.  Requests that
would rewrite or outline the whole document (formatting, symbols,
folding, semantic tokens) are not answered for Python documents.
"""

from __future__ import annotations

from pathlib import Path

from ..config import Config
from ..diagnostics import Diagnostic
from ..python import is_python
from ..python.check import ModuleInput, check_modules
from ..python.finder import FinderOptions
from ..python.mask import masked_text
from ..syntax.target import Target
from ..validator.checker import apply_severities
from .validation import SchemaFiles

PYTHON_REQUESTS = frozenset(
    {
        "completion",
        "hover",
        "signature help",
        "definition",
        "references",
        "document highlight",
        "code actions",
    }
)
"""The requests answered inside a Python document's SQL."""

_masks: dict[str, tuple[str, str]] = {}
_schemas = SchemaFiles()


def is_python_document(uri: str, path: Path | None, language: str | None = None) -> bool:
    return language == "python" or is_python(str(path) if path is not None else uri)


def finder_options(config: Config) -> FinderOptions:
    return FinderOptions(config.python.calls, config.python.assume_sqlite)


def masked(uri: str, text: str, config: Config) -> str:
    """The masked text of a document (the same object for the same text,
    so the analysis of a version is reused)."""
    found = _masks.get(uri)
    if found is not None and found[0] is text:
        return found[1]
    mask = masked_text(text, finder_options(config))
    if len(_masks) > 64:
        _masks.clear()
    _masks[uri] = (text, mask)
    return mask


def forget(uri: str) -> None:
    _masks.pop(uri, None)


def python_diagnostics(text: str, path: Path | None, config: Config, target: Target) -> list[Diagnostic]:
    """What ``syntaqlite check`` says about the module (spans in ``text``)."""
    me = path.resolve() if path is not None else None
    files = [p for p in config.schema_files_for(path) if p.resolve() != me]
    catalog, _stamp, _digest = _schemas.catalog(files, target, config.declarations)
    import copy

    module = ModuleInput(str(path) if path is not None else "<document>", text, finder_options(config))
    (result,) = check_modules([module], copy.deepcopy(catalog), target=target)
    return apply_severities(result.diagnostics, dict(config.checks))
