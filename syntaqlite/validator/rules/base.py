"""What every check has: a stable code, a default severity, a one-line
summary and an explanation (the module's docstring) for
``syntaqlite check --explain CODE``."""

from __future__ import annotations

import inspect
from dataclasses import dataclass

from ...diagnostics import Severity


@dataclass(frozen=True)
class Rule:
    code: str
    summary: str
    severity: Severity = Severity.ERROR
    module: str = ""

    @property
    def explanation(self) -> str:
        import importlib

        doc = inspect.getdoc(importlib.import_module(self.module)) if self.module else None
        return doc or self.summary
