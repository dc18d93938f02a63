"""Node classes: one per node kind of ``grammar/sqlite.lark``.

This package is the documented schema of the syntax tree.  Each class names
its kind (the grammar rule or alias that builds it), describes its children
in its docstring and offers typed accessors.  Families follow the grammar's
sections: :mod:`.stmt`, :mod:`.select`, :mod:`.expr`, :mod:`.dml`,
:mod:`.ddl`.
"""

from __future__ import annotations

from ..cst import Node
from .base import node_class, registered_kinds
from .ddl import *
from .dml import *
from .expr import *
from .select import *
from .stmt import *

__all__ = ["Node", "node_class", "registered_kinds"]
__all__ += [name for name in dir() if name[:1].isupper() and name != "Node"]
