"""The validator's checks, one module each: its code, severity, summary and
explanation (the module docstring, in the form *What it does* / *Why is this
bad?* / *Example* / *Use instead*), and the functions that report it (its
wording, span, help and replacement; see :class:`.base.Reporter`).
``syntaqlite check --explain CODE`` prints the explanation.

A new check is a module here, an entry in ``RULES``, the code that finds
it (calling the module's report function) and a golden case in
``tests/check/``."""

from __future__ import annotations

from . import (
    already_exists,
    ambiguous_column,
    builtin_table,
    circular_cte,
    compound_column_count,
    conflict_clause,
    cte_column_count,
    double_quoted_string,
    drop_wrong_kind,
    duplicate_column,
    generated_column,
    having_without_group,
    index_on_view,
    insert_column_count,
    join_on_right_table,
    misuse_aggregate,
    misuse_window,
    modify_view,
    natural_join,
    no_tables,
    non_aggregate_clause,
    order_by_term,
    raise_outside_trigger,
    row_value_size,
    subquery_column_count,
    table_function_call,
    trigger_target,
    unknown_column,
    unknown_database,
    unknown_function,
    unknown_qualifier,
    unknown_table,
    unknown_window,
    update_from_target,
    upsert_target,
    using_column,
    values_row_length,
    wrong_arity,
)
from .base import Rule

RULES: dict[str, Rule] = {
    already_exists.RULE.code: already_exists.RULE,
    ambiguous_column.RULE.code: ambiguous_column.RULE,
    builtin_table.RULE.code: builtin_table.RULE,
    circular_cte.RULE.code: circular_cte.RULE,
    compound_column_count.RULE.code: compound_column_count.RULE,
    conflict_clause.RULE.code: conflict_clause.RULE,
    cte_column_count.RULE.code: cte_column_count.RULE,
    double_quoted_string.RULE.code: double_quoted_string.RULE,
    drop_wrong_kind.RULE.code: drop_wrong_kind.RULE,
    duplicate_column.RULE.code: duplicate_column.RULE,
    generated_column.RULE.code: generated_column.RULE,
    having_without_group.RULE.code: having_without_group.RULE,
    index_on_view.RULE.code: index_on_view.RULE,
    insert_column_count.RULE.code: insert_column_count.RULE,
    join_on_right_table.RULE.code: join_on_right_table.RULE,
    misuse_aggregate.RULE.code: misuse_aggregate.RULE,
    misuse_window.RULE.code: misuse_window.RULE,
    modify_view.RULE.code: modify_view.RULE,
    natural_join.RULE.code: natural_join.RULE,
    no_tables.RULE.code: no_tables.RULE,
    non_aggregate_clause.RULE.code: non_aggregate_clause.RULE,
    order_by_term.RULE.code: order_by_term.RULE,
    raise_outside_trigger.RULE.code: raise_outside_trigger.RULE,
    row_value_size.RULE.code: row_value_size.RULE,
    subquery_column_count.RULE.code: subquery_column_count.RULE,
    table_function_call.RULE.code: table_function_call.RULE,
    trigger_target.RULE.code: trigger_target.RULE,
    unknown_column.RULE.code: unknown_column.RULE,
    unknown_database.RULE.code: unknown_database.RULE,
    unknown_function.RULE.code: unknown_function.RULE,
    unknown_qualifier.RULE.code: unknown_qualifier.RULE,
    unknown_table.RULE.code: unknown_table.RULE,
    unknown_window.RULE.code: unknown_window.RULE,
    update_from_target.RULE.code: update_from_target.RULE,
    upsert_target.RULE.code: upsert_target.RULE,
    using_column.RULE.code: using_column.RULE,
    values_row_length.RULE.code: values_row_length.RULE,
    wrong_arity.RULE.code: wrong_arity.RULE,
}

__all__ = ["RULES", "Rule"]
