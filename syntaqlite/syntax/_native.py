"""``mypyc_attr``, the decorator that tells mypyc how to compile a class
(``@mypyc_attr(allow_interpreted_subclasses=True)``), without
``mypy_extensions`` at run time.

mypyc recognizes the decorator by its full name, which the type checker
resolves through the import below; a compiled class never calls it.  This
module is never compiled, so when the module that uses it runs as Python,
the decorator is the one defined here, which returns the class unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mypy_extensions import mypyc_attr as mypyc_attr
else:

    def mypyc_attr(*args: object, **kwargs: object) -> Any:
        return lambda cls: cls
