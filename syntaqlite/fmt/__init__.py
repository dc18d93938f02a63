"""The formatter: a Wadler-Lindig pretty printer that never changes what the
SQL means, never loses a comment, and is idempotent."""

from .format import FormatError, FormatterBug, format_result, format_sql
from .options import FormatOptions, OptionsError

__all__ = ["FormatError", "FormatOptions", "FormatterBug", "OptionsError", "format_result", "format_sql"]
