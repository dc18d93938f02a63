"""SQL inside Python: the SQL a module sends to SQLite, found through
Python's ``ast`` (:mod:`.finder`) with an exact map back to the ``.py``
text (:mod:`.literals`), checked by the validator and against the call's
parameters (:mod:`.check`, :mod:`.params`), and formatted in place
(:mod:`.fmt`).

Imports ``syntax``, ``validator``, ``fmt``, ``diagnostics`` and ``text``;
the front ends (``cli``, ``lsp``) import it."""

from __future__ import annotations

PY_SUFFIXES = (".py",)
"""The files read as Python (by their name)."""


def is_python(path: str) -> bool:
    return path.endswith(PY_SUFFIXES)
