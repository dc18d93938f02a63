"""The checks of SQL embedded in Python (one module each, like the
validator's): what is reported about the *call*, beside what the
validator reports about each statement."""

from __future__ import annotations

from ...validator.rules.base import Rule
from . import dynamic_sql, multiple_statements, parameter_mismatch

PYTHON_RULES: dict[str, Rule] = {
    m.RULE.code: m.RULE for m in (dynamic_sql, multiple_statements, parameter_mismatch)
}
