"""Reports an INSERT whose rows do not have one value per column (the columns listed, or
all the table's columns when there is no list).

Why is this bad?
SQLite stops with `table t has N columns but M values were supplied` or `M values for N columns`.

Example:
    INSERT INTO users (id, name) VALUES (1);

Use instead:
    INSERT INTO users (id, name) VALUES (1, 'Ann');
"""

from ...diagnostics import Severity
from .base import Rule

RULE = Rule(
    code="insert-column-count",
    summary="INSERT supplies a different number of values than columns.",
    severity=Severity.ERROR,
    module=__name__,
)
