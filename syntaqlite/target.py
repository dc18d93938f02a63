"""Re-export of :mod:`syntaqlite.syntax.target` for front ends."""

from .syntax.target import DEFAULT_TARGET, Target, TargetError

__all__ = ["DEFAULT_TARGET", "Target", "TargetError"]
