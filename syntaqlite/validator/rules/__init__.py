"""The validator's checks, one module each: its code, severity, summary and
explanation (the module docstring, in the form *What it does* / *Why is this
bad?* / *Example* / *Use instead*), and the functions that report it (its
wording, span, help and replacement; see :class:`.base.Reporter`).
``syntaqlite check --explain CODE`` prints the explanation.

A check's code is its module's name with dashes (``unknown_table`` reports
``unknown-table``).  A check's module loads when something first reports it
or asks for it: checking a file without findings loads only the few whose
helpers the checker consults (``rules.unknown_table`` is an attribute of
this package that imports its module on first use; ``RULES``, every check
by code, imports them all).

A new check is a module here, its name in ``MODULES``, the code that finds
it (calling the module's report function) and a golden case in
``tests/check/``."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .base import Rule

if TYPE_CHECKING:
    # the modules, for mypy; they load on first use (__getattr__)
    from . import already_exists as already_exists
    from . import alter_table as alter_table
    from . import ambiguous_column as ambiguous_column
    from . import broken_view as broken_view
    from . import builtin_table as builtin_table
    from . import circular_cte as circular_cte
    from . import column_definition as column_definition
    from . import compound_column_count as compound_column_count
    from . import cte_column_count as cte_column_count
    from . import double_quoted_string as double_quoted_string
    from . import drop_wrong_kind as drop_wrong_kind
    from . import duplicate_column as duplicate_column
    from . import foreign_key as foreign_key
    from . import function_argument as function_argument
    from . import generated_column as generated_column
    from . import having_without_group as having_without_group
    from . import hex_literal as hex_literal
    from . import index_on_view as index_on_view
    from . import insert_column_count as insert_column_count
    from . import join_on_right_table as join_on_right_table
    from . import misuse_aggregate as misuse_aggregate
    from . import misuse_window as misuse_window
    from . import modify_view as modify_view
    from . import natural_join as natural_join
    from . import no_tables as no_tables
    from . import non_aggregate_clause as non_aggregate_clause
    from . import order_by_term as order_by_term
    from . import primary_key as primary_key
    from . import prohibited_expression as prohibited_expression
    from . import raise_outside_trigger as raise_outside_trigger
    from . import reindex_target as reindex_target
    from . import row_value_size as row_value_size
    from . import schema_definition as schema_definition
    from . import subquery_column_count as subquery_column_count
    from . import table_function_call as table_function_call
    from . import temp_object as temp_object
    from . import trigger_target as trigger_target
    from . import unknown_collation as unknown_collation
    from . import unknown_column as unknown_column
    from . import unknown_database as unknown_database
    from . import unknown_function as unknown_function
    from . import unknown_module as unknown_module
    from . import unknown_qualifier as unknown_qualifier
    from . import unknown_table as unknown_table
    from . import unknown_window as unknown_window
    from . import update_from_target as update_from_target
    from . import upsert_target as upsert_target
    from . import using_column as using_column
    from . import values_row_length as values_row_length
    from . import window_definition as window_definition
    from . import wrong_arity as wrong_arity

    RULES: dict[str, Rule]

MODULES: tuple[str, ...] = (
    "temp_object",
    "prohibited_expression",
    "primary_key",
    "foreign_key",
    "column_definition",
    "already_exists",
    "alter_table",
    "ambiguous_column",
    "broken_view",
    "builtin_table",
    "circular_cte",
    "compound_column_count",
    "cte_column_count",
    "double_quoted_string",
    "drop_wrong_kind",
    "duplicate_column",
    "function_argument",
    "generated_column",
    "having_without_group",
    "hex_literal",
    "index_on_view",
    "insert_column_count",
    "join_on_right_table",
    "misuse_aggregate",
    "misuse_window",
    "modify_view",
    "natural_join",
    "no_tables",
    "non_aggregate_clause",
    "order_by_term",
    "raise_outside_trigger",
    "reindex_target",
    "row_value_size",
    "schema_definition",
    "subquery_column_count",
    "table_function_call",
    "trigger_target",
    "unknown_collation",
    "unknown_column",
    "unknown_database",
    "unknown_function",
    "unknown_module",
    "unknown_qualifier",
    "unknown_table",
    "unknown_window",
    "update_from_target",
    "upsert_target",
    "using_column",
    "values_row_length",
    "window_definition",
    "wrong_arity",
)
"""The checks' modules, in the order ``RULES`` lists them."""

_MODULES = frozenset(MODULES)


def code(module: str) -> str:
    """The code of the check in ``module`` (one of ``MODULES``)."""
    if module not in _MODULES:
        raise KeyError(f"no check module {module!r}")
    return module.replace("_", "-")


def __getattr__(name: str) -> object:
    if name in _MODULES:
        return importlib.import_module(f"{__name__}.{name}")  # and now an attribute here
    if name == "RULES":
        rules: dict[str, Rule] = {}
        for module in MODULES:
            rule = importlib.import_module(f"{__name__}.{module}").RULE
            rules[rule.code] = rule
        globals()["RULES"] = rules
        return rules
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["MODULES", "RULES", "Rule", "code"]
