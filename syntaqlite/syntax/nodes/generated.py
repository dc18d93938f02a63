"""Node classes, one per node kind: generated from grammar/nodes.ungram by
``python -m syntaqlite_dev.gen_nodes``.  Do not edit: change the schema and
regenerate (tests/test_node_schema.py fails while this file is stale)."""

# fmt: off
from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ..cst import Node
from ..tokens import Token
from . import layout as _l
from .ddl import AlterTableStmtMixin, TriggerHeaderMixin
from .dml import InsertStmtMixin, TargetTableMixin, UpsertClauseMixin
from .expr import BetweenExprMixin, ColumnRefMixin, FunctionCallMixin, InExprMixin, LikeExprMixin
from .select import CommonTableExpressionMixin, JoinOperatorMixin, QualifiedNameMixin

KIND_CODES: dict[str, str] = {
    'ABORT': '\u0100',
    'ACTION': '\u0101',
    'ADD': '\u0102',
    'AFTER': '\u0103',
    'ALL': '\u0104',
    'ALTER': '\u0105',
    'ALWAYS': '\u0106',
    'ANALYZE': '\u0107',
    'AND': '\u0108',
    'ANY': '\u0109',
    'AS': '\u010a',
    'ASC': '\u010b',
    'ATTACH': '\u010c',
    'AUTOINCR': '\u010d',
    'BEFORE': '\u010e',
    'BEGIN': '\u010f',
    'BETWEEN': '\u0110',
    'BITAND': '\u0111',
    'BITNOT': '\u0112',
    'BITOR': '\u0113',
    'BLOB': '\u0114',
    'BY': '\u0115',
    'CASCADE': '\u0116',
    'CASE': '\u0117',
    'CAST': '\u0118',
    'CHECK': '\u0119',
    'COLLATE': '\u011a',
    'COLUMNKW': '\u011b',
    'COMMA': '\u011c',
    'COMMIT': '\u011d',
    'CONCAT': '\u011e',
    'CONFLICT': '\u011f',
    'CONSTRAINT': '\u0120',
    'CREATE': '\u0121',
    'CTIME_KW': '\u0122',
    'CURRENT': '\u0123',
    'DATABASE': '\u0124',
    'DEFAULT': '\u0125',
    'DEFERRABLE': '\u0126',
    'DEFERRED': '\u0127',
    'DELETE': '\u0128',
    'DESC': '\u0129',
    'DETACH': '\u012a',
    'DISTINCT': '\u012b',
    'DO': '\u012c',
    'DOT': '\u012d',
    'DROP': '\u012e',
    'EACH': '\u012f',
    'ELSE': '\u0130',
    'END': '\u0131',
    'EQ': '\u0132',
    'ESCAPE': '\u0133',
    'EXCEPT': '\u0134',
    'EXCLUDE': '\u0135',
    'EXCLUSIVE': '\u0136',
    'EXISTS': '\u0137',
    'EXPLAIN': '\u0138',
    'FAIL': '\u0139',
    'FILTER': '\u013a',
    'FIRST': '\u013b',
    'FLOAT': '\u013c',
    'FOLLOWING': '\u013d',
    'FOR': '\u013e',
    'FOREIGN': '\u013f',
    'FROM': '\u0140',
    'GE': '\u0141',
    'GENERATED': '\u0142',
    'GROUP': '\u0143',
    'GROUPS': '\u0144',
    'GT': '\u0145',
    'HAVING': '\u0146',
    'ID': '\u0147',
    'IF': '\u0148',
    'IGNORE': '\u0149',
    'IMMEDIATE': '\u014a',
    'IN': '\u014b',
    'INDEX': '\u014c',
    'INDEXED': '\u014d',
    'INITIALLY': '\u014e',
    'INSERT': '\u014f',
    'INSTEAD': '\u0150',
    'INTEGER': '\u0151',
    'INTERSECT': '\u0152',
    'INTO': '\u0153',
    'IS': '\u0154',
    'ISNULL': '\u0155',
    'JOIN': '\u0156',
    'JOIN_KW': '\u0157',
    'KEY': '\u0158',
    'LAST': '\u0159',
    'LE': '\u015a',
    'LIKE_KW': '\u015b',
    'LIMIT': '\u015c',
    'LP': '\u015d',
    'LSHIFT': '\u015e',
    'LT': '\u015f',
    'MATCH': '\u0160',
    'MATERIALIZED': '\u0161',
    'MINUS': '\u0162',
    'NE': '\u0163',
    'NO': '\u0164',
    'NOT': '\u0165',
    'NOTHING': '\u0166',
    'NOTNULL': '\u0167',
    'NULL': '\u0168',
    'NULLS': '\u0169',
    'OF': '\u016a',
    'OFFSET': '\u016b',
    'ON': '\u016c',
    'OR': '\u016d',
    'ORDER': '\u016e',
    'OTHERS': '\u016f',
    'OVER': '\u0170',
    'PARTITION': '\u0171',
    'PLAN': '\u0172',
    'PLUS': '\u0173',
    'PRAGMA': '\u0174',
    'PRECEDING': '\u0175',
    'PRIMARY': '\u0176',
    'PTR': '\u0177',
    'QNUMBER': '\u0178',
    'QUERY': '\u0179',
    'RAISE': '\u017a',
    'RANGE': '\u017b',
    'RECURSIVE': '\u017c',
    'REFERENCES': '\u017d',
    'REINDEX': '\u017e',
    'RELEASE': '\u017f',
    'REM': '\u0180',
    'RENAME': '\u0181',
    'REPLACE': '\u0182',
    'RESTRICT': '\u0183',
    'RETURNING': '\u0184',
    'ROLLBACK': '\u0185',
    'ROW': '\u0186',
    'ROWS': '\u0187',
    'RP': '\u0188',
    'RSHIFT': '\u0189',
    'SAVEPOINT': '\u018a',
    'SELECT': '\u018b',
    'SEMI': '\u018c',
    'SET': '\u018d',
    'SLASH': '\u018e',
    'STAR': '\u018f',
    'STRING': '\u0190',
    'TABLE': '\u0191',
    'TEMP': '\u0192',
    'THEN': '\u0193',
    'TIES': '\u0194',
    'TO': '\u0195',
    'TRANSACTION': '\u0196',
    'TRIGGER': '\u0197',
    'UNBOUNDED': '\u0198',
    'UNION': '\u0199',
    'UNIQUE': '\u019a',
    'UPDATE': '\u019b',
    'USING': '\u019c',
    'VACUUM': '\u019d',
    'VALUES': '\u019e',
    'VARIABLE': '\u019f',
    'VIEW': '\u01a0',
    'VIRTUAL': '\u01a1',
    'WHEN': '\u01a2',
    'WHERE': '\u01a3',
    'WINDOW': '\u01a4',
    'WITH': '\u01a5',
    'WITHIN': '\u01a6',
    'WITHOUT': '\u01a7',
    'alter_table_stmt': '\u01a8',
    'analyze_stmt': '\u01a9',
    'attach_stmt': '\u01aa',
    'begin_stmt': '\u01ab',
    'between_expr': '\u01ac',
    'binary_expr': '\u01ad',
    'case_expr': '\u01ae',
    'cast_expr': '\u01af',
    'check_constraint': '\u01b0',
    'collate_constraint': '\u01b1',
    'collate_expr': '\u01b2',
    'column_def': '\u01b3',
    'column_list': '\u01b4',
    'column_name': '\u01b5',
    'column_ref': '\u01b6',
    'commit_stmt': '\u01b7',
    'common_table_expression': '\u01b8',
    'compound_operator': '\u01b9',
    'constraint_name': '\u01ba',
    'create_index_stmt': '\u01bb',
    'create_table_stmt': '\u01bc',
    'create_trigger_stmt': '\u01bd',
    'create_view_stmt': '\u01be',
    'create_virtual_table_stmt': '\u01bf',
    'default_constraint': '\u01c0',
    'defer_subclause': '\u01c1',
    'delete_stmt': '\u01c2',
    'detach_stmt': '\u01c3',
    'drop_index_stmt': '\u01c4',
    'drop_table_stmt': '\u01c5',
    'drop_trigger_stmt': '\u01c6',
    'drop_view_stmt': '\u01c7',
    'error': '\u01c8',
    'exists_expr': '\u01c9',
    'explain': '\u01ca',
    'filter_clause': '\u01cb',
    'foreign_key_clause': '\u01cc',
    'foreign_key_constraint': '\u01cd',
    'frame_bound': '\u01ce',
    'frame_exclude': '\u01cf',
    'frame_spec': '\u01d0',
    'from_clause': '\u01d1',
    'function_call': '\u01d2',
    'function_order_by': '\u01d3',
    'generated_constraint': '\u01d4',
    'group_by_clause': '\u01d5',
    'having_clause': '\u01d6',
    'in_expr': '\u01d7',
    'indexed_by': '\u01d8',
    'insert_stmt': '\u01d9',
    'is_expr': '\u01da',
    'join_group': '\u01db',
    'join_operator': '\u01dc',
    'like_expr': '\u01dd',
    'limit_clause': '\u01de',
    'literal': '\u01df',
    'module_argument': '\u01e0',
    'not_expr': '\u01e1',
    'not_null_constraint': '\u01e2',
    'null_constraint': '\u01e3',
    'null_test': '\u01e4',
    'on_clause': '\u01e5',
    'order_by_clause': '\u01e6',
    'ordering_term': '\u01e7',
    'over_clause': '\u01e8',
    'paren_expr': '\u01e9',
    'pragma_stmt': '\u01ea',
    'pragma_value': '\u01eb',
    'primary_key_constraint': '\u01ec',
    'qualified_name': '\u01ed',
    'raise_expr': '\u01ee',
    'refarg': '\u01ef',
    'reindex_stmt': '\u01f0',
    'release_stmt': '\u01f1',
    'result_column': '\u01f2',
    'returning_clause': '\u01f3',
    'rollback_stmt': '\u01f4',
    'row_value': '\u01f5',
    'savepoint_stmt': '\u01f6',
    'select': '\u01f7',
    'select_core': '\u01f8',
    'set_item': '\u01f9',
    'source_file': '\u01fa',
    'stmt': '\u01fb',
    'subquery': '\u01fc',
    'subquery_expr': '\u01fd',
    'table_function': '\u01fe',
    'table_option': '\u01ff',
    'table_ref': '\u0200',
    'target_table': '\u0201',
    'trigger_header': '\u0202',
    'type_name': '\u0203',
    'unary_expr': '\u0204',
    'unique_constraint': '\u0205',
    'update_stmt': '\u0206',
    'upsert_clause': '\u0207',
    'using_clause': '\u0208',
    'vacuum_stmt': '\u0209',
    'value_row': '\u020a',
    'values': '\u020b',
    'variable': '\u020c',
    'when_clause': '\u020d',
    'where_clause': '\u020e',
    'window': '\u020f',
    'window_clause': '\u0210',
    'window_definition': '\u0211',
    'with_clause': '\u0212',
    'within_group': '\u0213',
}
OTHER_TOKEN = '\u0214'


class SourceFile(Node):
    """``source_file``: items:(Statement | ErrorStatement | 'SEMI')*"""

    __slots__ = ()
    kind = 'source_file'
    _PATTERN = '(?P<g1>(?:(?:\u01fb|\u01c8|\u018c))*)'
    _SLOTS: ClassVar[dict[str, int]] = {'SEMI': -1, 'error': -1, 'stmt': -1}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def items(self) -> list[ErrorStatement | Statement | Token]: ...
    else:
        items = _l.Slot(0, _l.EVERY)

class ErrorStatement(Node):
    """``error``: error_tokens:TOKEN*"""

    __slots__ = ()
    kind = 'error'
    _PATTERN = '(?P<g1>(?:[\u0100\u0101\u0102\u0103\u0104\u0105\u0106\u0107\u0108\u0109\u010a\u010b\u010c\u010d\u010e\u010f\u0110\u0111\u0112\u0113\u0114\u0115\u0116\u0117\u0118\u0119\u011a\u011b\u011c\u011d\u011e\u011f\u0120\u0121\u0122\u0123\u0124\u0125\u0126\u0127\u0128\u0129\u012a\u012b\u012c\u012d\u012e\u012f\u0130\u0131\u0132\u0133\u0134\u0135\u0136\u0137\u0138\u0139\u013a\u013b\u013c\u013d\u013e\u013f\u0140\u0141\u0142\u0143\u0144\u0145\u0146\u0147\u0148\u0149\u014a\u014b\u014c\u014d\u014e\u014f\u0150\u0151\u0152\u0153\u0154\u0155\u0156\u0157\u0158\u0159\u015a\u015b\u015c\u015d\u015e\u015f\u0160\u0161\u0162\u0163\u0164\u0165\u0166\u0167\u0168\u0169\u016a\u016b\u016c\u016d\u016e\u016f\u0170\u0171\u0172\u0173\u0174\u0175\u0176\u0177\u0178\u0179\u017a\u017b\u017c\u017d\u017e\u017f\u0180\u0181\u0182\u0183\u0184\u0185\u0186\u0187\u0188\u0189\u018a\u018b\u018c\u018d\u018e\u018f\u0190\u0191\u0192\u0193\u0194\u0195\u0196\u0197\u0198\u0199\u019a\u019b\u019c\u019d\u019e\u019f\u01a0\u01a1\u01a2\u01a3\u01a4\u01a5\u01a6\u01a7\u0214])*)'

    @property
    def error_tokens(self) -> list[Token]:
        return _l.many(self, (1,), None)

class Statement(Node):
    """``stmt``: explain:Explain? body:Cmd semicolon:'SEMI'?"""

    __slots__ = ()
    kind = 'stmt'
    _PATTERN = '(?P<g1>(?:\u01ca)?)(?P<g2>(?:(?:\u01f7|\u01f8|\u020b)|\u01ab|\u01b7|\u01f4|\u01f6|\u01f1|\u01bc|\u01c5|\u01be|\u01c7|\u01c2|\u0206|\u01d9|\u01bb|\u01c4|\u0209|\u01ea|\u01bd|\u01c6|\u01aa|\u01c3|\u01f0|\u01a9|\u01a8|\u01bf))(?P<g3>(?:\u018c)?)'
    _SLOTS: ClassVar[dict[str, int]] = {'SEMI': 2, 'alter_table_stmt': 1, 'analyze_stmt': 1, 'attach_stmt': 1, 'begin_stmt': 1, 'commit_stmt': 1, 'create_index_stmt': 1, 'create_table_stmt': 1, 'create_trigger_stmt': 1, 'create_view_stmt': 1, 'create_virtual_table_stmt': 1, 'delete_stmt': 1, 'detach_stmt': 1, 'drop_index_stmt': 1, 'drop_table_stmt': 1, 'drop_trigger_stmt': 1, 'drop_view_stmt': 1, 'explain': 0, 'insert_stmt': 1, 'pragma_stmt': 1, 'reindex_stmt': 1, 'release_stmt': 1, 'rollback_stmt': 1, 'savepoint_stmt': 1, 'select': 1, 'select_core': 1, 'update_stmt': 1, 'vacuum_stmt': 1, 'values': 1}
    _SLOT_COUNT = 3

    if TYPE_CHECKING:
        @property
        def explain(self) -> Explain | None: ...
    else:
        explain = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def body(self) -> Cmd: ...
    else:
        body = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def semicolon(self) -> Token | None: ...
    else:
        semicolon = _l.Slot(2, _l.FIRST)

class Explain(Node):
    """``explain``: 'EXPLAIN' query_plan?:('QUERY' 'PLAN')?"""

    __slots__ = ()
    kind = 'explain'
    _PATTERN = '(?P<g1>\u0138)(?P<g2>(?:\u0179\u0172)?)'
    _SLOTS: ClassVar[dict[str, int]] = {'PLAN': -1, 'QUERY': -1}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def explain_token(self) -> Token: ...
    else:
        explain_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def query_plan(self) -> bool: ...
    else:
        query_plan = _l.Slot(0, _l.FLAG)

    if TYPE_CHECKING:
        @property
        def query_plan_tokens(self) -> list[Token]: ...
    else:
        query_plan_tokens = _l.Slot(0, _l.EVERY)

class BeginStmt(Node):
    """``begin_stmt``: 'BEGIN' mode:('DEFERRED' | 'IMMEDIATE' | 'EXCLUSIVE')? ('TRANSACTION' transaction_name:Name?)?"""

    __slots__ = ()
    kind = 'begin_stmt'
    _PATTERN = '(?P<g1>\u010f)(?P<g2>(?:(?:\u0127|\u014a|\u0136))?)(?:(?P<g3>\u0196)(?P<g4>(?:(?:\u0147|\u0190|\u0157|\u014d))?))?'
    _SLOTS: ClassVar[dict[str, int]] = {'DEFERRED': 0, 'EXCLUSIVE': 0, 'ID': 2, 'IMMEDIATE': 0, 'INDEXED': 2, 'JOIN_KW': 2, 'STRING': 2, 'TRANSACTION': 1}
    _SLOT_COUNT = 3

    if TYPE_CHECKING:
        @property
        def begin_token(self) -> Token: ...
    else:
        begin_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def mode(self) -> Token | None: ...
    else:
        mode = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def transaction_token(self) -> Token | None: ...
    else:
        transaction_token = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def transaction_name(self) -> Token | None: ...
    else:
        transaction_name = _l.Slot(2, _l.FIRST)

class CommitStmt(Node):
    """``commit_stmt``: keyword:('COMMIT' | 'END') ('TRANSACTION' transaction_name:Name?)?"""

    __slots__ = ()
    kind = 'commit_stmt'
    _PATTERN = '(?P<g1>(?:\u011d|\u0131))(?:(?P<g2>\u0196)(?P<g3>(?:(?:\u0147|\u0190|\u0157|\u014d))?))?'
    _SLOTS: ClassVar[dict[str, int]] = {'ID': 1, 'INDEXED': 1, 'JOIN_KW': 1, 'STRING': 1, 'TRANSACTION': 0}
    _SLOT_COUNT = 2

    if TYPE_CHECKING:
        @property
        def keyword(self) -> Token: ...
    else:
        keyword = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def transaction_token(self) -> Token | None: ...
    else:
        transaction_token = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def transaction_name(self) -> Token | None: ...
    else:
        transaction_name = _l.Slot(1, _l.FIRST)

class RollbackStmt(Node):
    """``rollback_stmt``: 'ROLLBACK' ('TRANSACTION' transaction_name:Name?)? ('TO' 'SAVEPOINT'? savepoint:Name)?"""

    __slots__ = ()
    kind = 'rollback_stmt'
    _PATTERN = '(?P<g1>\u0185)(?:(?P<g2>\u0196)(?P<g3>(?:(?:\u0147|\u0190|\u0157|\u014d))?))?(?:(?P<g4>\u0195)(?:(?P<g5>\u018a))?(?P<g6>(?:\u0147|\u0190|\u0157|\u014d)))?'
    _SLOTS: ClassVar[dict[str, int]] = {'SAVEPOINT': 2, 'TO': 1, 'TRANSACTION': 0}
    _SLOT_COUNT = 3

    if TYPE_CHECKING:
        @property
        def rollback_token(self) -> Token: ...
    else:
        rollback_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def transaction_token(self) -> Token | None: ...
    else:
        transaction_token = _l.Slot(0, _l.FIRST)

    @property
    def transaction_name(self) -> Token | None:
        return _l.opt(self, (3,))

    if TYPE_CHECKING:
        @property
        def to_token(self) -> Token | None: ...
    else:
        to_token = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def savepoint_token(self) -> Token | None: ...
    else:
        savepoint_token = _l.Slot(2, _l.FIRST)

    @property
    def savepoint(self) -> Token | None:
        return _l.opt(self, (6,))

class SavepointStmt(Node):
    """``savepoint_stmt``: 'SAVEPOINT' name:Name"""

    __slots__ = ()
    kind = 'savepoint_stmt'
    _PATTERN = '(?P<g1>\u018a)(?P<g2>(?:\u0147|\u0190|\u0157|\u014d))'

    if TYPE_CHECKING:
        @property
        def savepoint_token(self) -> Token: ...
    else:
        savepoint_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def name(self) -> Token: ...
    else:
        name = _l.Child(1)

class ReleaseStmt(Node):
    """``release_stmt``: 'RELEASE' 'SAVEPOINT'? name:Name"""

    __slots__ = ()
    kind = 'release_stmt'
    _PATTERN = '(?P<g1>\u017f)(?:(?P<g2>\u018a))?(?P<g3>(?:\u0147|\u0190|\u0157|\u014d))'
    _SLOTS: ClassVar[dict[str, int]] = {'SAVEPOINT': 0}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def release_token(self) -> Token: ...
    else:
        release_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def savepoint_token(self) -> Token | None: ...
    else:
        savepoint_token = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def name(self) -> Token: ...
    else:
        name = _l.Child(-1)

class CreateTableStmt(Node):
    """``create_table_stmt``: 'CREATE' temp?:'TEMP'? 'TABLE' if_not_exists?:IfNotExists? name:QualifiedName ( 'LP' columns:(ColumnDef % 'COMMA') ('COMMA' constraints:(TableConstraint (constraint_commas:'COMMA'? TableConstraint)*))? 'RP' options:(option_commas:'COMMA'? TableOption (option_commas:'COMMA' TableOption)*)? | 'AS' as_select:Query )"""

    __slots__ = ()
    kind = 'create_table_stmt'
    _PATTERN = '(?P<g1>\u0121)(?P<g2>(?:\u0192)?)(?P<g3>\u0191)(?P<g4>(?:\u0148\u0165\u0137)?)(?P<g5>\u01ed)(?:(?P<g6>\u015d)(?P<g7>(?:\u01b3(?:\u011c\u01b3)*))(?:(?P<g8>\u011c)(?P<g9>(?:\u01ba|\u01ec|\u0205|\u01b0|\u01cd)(?:(?:\u011c)?(?:\u01ba|\u01ec|\u0205|\u01b0|\u01cd))*))?(?P<g10>\u0188)(?P<g11>(?:(?:\u011c)?\u01ff(?:\u011c\u01ff)*)?)|(?P<g12>\u010a)(?P<g13>(?:\u01f7|\u01f8|\u020b)))'
    _SLOTS: ClassVar[dict[str, int]] = {'AS': 9, 'EXISTS': -3, 'IF': -3, 'LP': 4, 'NOT': -3, 'RP': 7, 'TABLE': 1, 'TEMP': -1, 'check_constraint': -7, 'column_def': -6, 'constraint_name': -7, 'foreign_key_constraint': -7, 'primary_key_constraint': -7, 'qualified_name': 3, 'select': 10, 'select_core': 10, 'table_option': -9, 'unique_constraint': -7, 'values': 10}
    _SLOT_COUNT = 11

    if TYPE_CHECKING:
        @property
        def create_token(self) -> Token: ...
    else:
        create_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def temp(self) -> bool: ...
    else:
        temp = _l.Slot(0, _l.FLAG)

    if TYPE_CHECKING:
        @property
        def temp_tokens(self) -> list[Token]: ...
    else:
        temp_tokens = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def table_token(self) -> Token: ...
    else:
        table_token = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def if_not_exists(self) -> bool: ...
    else:
        if_not_exists = _l.Slot(2, _l.FLAG)

    if TYPE_CHECKING:
        @property
        def if_not_exists_tokens(self) -> list[Token]: ...
    else:
        if_not_exists_tokens = _l.Slot(2, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def name(self) -> QualifiedName: ...
    else:
        name = _l.Slot(3, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token | None: ...
    else:
        lp_token = _l.Slot(4, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def columns(self) -> list[ColumnDef]: ...
    else:
        columns = _l.Slot(5, _l.EVERY)

    @property
    def columns_separators(self) -> list[Token]:
        return _l.sub(self, (7,), _K0)

    @property
    def comma_token(self) -> Token | None:
        return _l.opt(self, (8,))

    if TYPE_CHECKING:
        @property
        def constraints(self) -> list[TableConstraint]: ...
    else:
        constraints = _l.Slot(6, _l.EVERY)

    @property
    def constraint_commas(self) -> list[Token]:
        return _l.sub(self, (9,), _K0)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token | None: ...
    else:
        rp_token = _l.Slot(7, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def options(self) -> list[TableOption]: ...
    else:
        options = _l.Slot(8, _l.EVERY)

    @property
    def option_commas(self) -> list[Token]:
        return _l.sub(self, (11,), _K0)

    if TYPE_CHECKING:
        @property
        def as_token(self) -> Token | None: ...
    else:
        as_token = _l.Slot(9, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def as_select(self) -> Query | None: ...
    else:
        as_select = _l.Slot(10, _l.FIRST)

class TableOption(Node):
    """``table_option``: 'WITHOUT'? name:Name"""

    __slots__ = ()
    kind = 'table_option'
    _PATTERN = '(?:(?P<g1>\u01a7))?(?P<g2>(?:\u0147|\u0190|\u0157|\u014d))'
    _SLOTS: ClassVar[dict[str, int]] = {'WITHOUT': 0}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def without_token(self) -> Token | None: ...
    else:
        without_token = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def name(self) -> Token: ...
    else:
        name = _l.Child(-1)

class ColumnDef(Node):
    """``column_def``: name:Name type_name:TypeName? constraints:ColumnConstraint*"""

    __slots__ = ()
    kind = 'column_def'
    _PATTERN = '(?P<g1>(?:\u0147|\u0190|\u0157|\u014d))(?P<g2>(?:\u0203)?)(?P<g3>(?:(?:\u01ba|\u01ec|\u01e2|\u01e3|\u0205|\u01b0|\u01c0|\u01b1|\u01cc|\u01d4|\u01c1))*)'
    _SLOTS: ClassVar[dict[str, int]] = {'check_constraint': -2, 'collate_constraint': -2, 'constraint_name': -2, 'default_constraint': -2, 'defer_subclause': -2, 'foreign_key_clause': -2, 'generated_constraint': -2, 'not_null_constraint': -2, 'null_constraint': -2, 'primary_key_constraint': -2, 'type_name': 0, 'unique_constraint': -2}
    _SLOT_COUNT = 2

    if TYPE_CHECKING:
        @property
        def name(self) -> Token: ...
    else:
        name = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def type_name(self) -> TypeName | None: ...
    else:
        type_name = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def constraints(self) -> list[ColumnConstraint]: ...
    else:
        constraints = _l.Slot(1, _l.EVERY)

class TypeName(Node):
    """``type_name``: words:('ID' | 'STRING')+ ('LP' size:(Sign? Number) ('COMMA' second_size:(Sign? Number))? 'RP')?"""

    __slots__ = ()
    kind = 'type_name'
    _PATTERN = '(?P<g1>(?:(?:\u0147|\u0190))+)(?:(?P<g2>\u015d)(?P<g3>(?:(?:\u0173|\u0162))?(?:\u0151|\u013c))(?:(?P<g4>\u011c)(?P<g5>(?:(?:\u0173|\u0162))?(?:\u0151|\u013c)))?(?P<g6>\u0188))?'
    _SLOTS: ClassVar[dict[str, int]] = {'COMMA': 2, 'ID': -1, 'LP': 1, 'RP': 3, 'STRING': -1}
    _SLOT_COUNT = 4

    if TYPE_CHECKING:
        @property
        def words(self) -> list[Token]: ...
    else:
        words = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token | None: ...
    else:
        lp_token = _l.Slot(1, _l.FIRST)

    @property
    def size(self) -> list[Token]:
        return _l.many(self, (3,), None)

    if TYPE_CHECKING:
        @property
        def comma_token(self) -> Token | None: ...
    else:
        comma_token = _l.Slot(2, _l.FIRST)

    @property
    def second_size(self) -> list[Token]:
        return _l.many(self, (5,), None)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token | None: ...
    else:
        rp_token = _l.Slot(3, _l.FIRST)

class ConstraintName(Node):
    """``constraint_name``: 'CONSTRAINT' name:Name"""

    __slots__ = ()
    kind = 'constraint_name'
    _PATTERN = '(?P<g1>\u0120)(?P<g2>(?:\u0147|\u0190|\u0157|\u014d))'

    if TYPE_CHECKING:
        @property
        def constraint_token(self) -> Token: ...
    else:
        constraint_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def name(self) -> Token: ...
    else:
        name = _l.Child(1)

class PrimaryKeyConstraint(Node):
    """``primary_key_constraint``: 'PRIMARY' 'KEY' ( direction:('ASC' | 'DESC')? conflict:OnConflict? autoincrement:'AUTOINCR'? | 'LP' columns:(OrderingTerm % 'COMMA') autoincrement:'AUTOINCR'? 'RP' conflict:OnConflict? )"""

    __slots__ = ()
    kind = 'primary_key_constraint'
    _PATTERN = '(?P<g1>\u0176)(?P<g2>\u0158)(?:(?P<g3>(?:(?:\u010b|\u0129))?)(?P<g4>(?:\u016c\u011f(?:\u0185|\u0100|\u0139|\u0149|\u0182))?)(?P<g5>(?:\u010d)?)|(?P<g6>\u015d)(?P<g7>(?:\u01e7(?:\u011c\u01e7)*))(?P<g8>(?:\u010d)?)(?P<g9>\u0188)(?P<g10>(?:\u016c\u011f(?:\u0185|\u0100|\u0139|\u0149|\u0182))?))'
    _SLOTS: ClassVar[dict[str, int]] = {'ABORT': -2, 'ASC': 0, 'AUTOINCR': 2, 'COMMA': -6, 'CONFLICT': -2, 'DESC': 0, 'FAIL': -2, 'IGNORE': -2, 'LP': 3, 'ON': -2, 'REPLACE': -2, 'ROLLBACK': -2, 'RP': 6, 'ordering_term': -5}
    _SLOT_COUNT = 7

    if TYPE_CHECKING:
        @property
        def primary_token(self) -> Token: ...
    else:
        primary_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def key_token(self) -> Token: ...
    else:
        key_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def direction(self) -> Token | None: ...
    else:
        direction = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def conflict(self) -> list[Token]: ...
    else:
        conflict = _l.Slot(1, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def autoincrement(self) -> Token | None: ...
    else:
        autoincrement = _l.Slot(2, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token | None: ...
    else:
        lp_token = _l.Slot(3, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def columns(self) -> list[OrderingTerm]: ...
    else:
        columns = _l.Slot(4, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def columns_separators(self) -> list[Token]: ...
    else:
        columns_separators = _l.Slot(5, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token | None: ...
    else:
        rp_token = _l.Slot(6, _l.FIRST)

class UniqueConstraint(Node):
    """``unique_constraint``: 'UNIQUE' ('LP' columns:(OrderingTerm % 'COMMA') 'RP')? conflict:OnConflict?"""

    __slots__ = ()
    kind = 'unique_constraint'
    _PATTERN = '(?P<g1>\u019a)(?:(?P<g2>\u015d)(?P<g3>(?:\u01e7(?:\u011c\u01e7)*))(?P<g4>\u0188))?(?P<g5>(?:\u016c\u011f(?:\u0185|\u0100|\u0139|\u0149|\u0182))?)'
    _SLOTS: ClassVar[dict[str, int]] = {'ABORT': -5, 'COMMA': -3, 'CONFLICT': -5, 'FAIL': -5, 'IGNORE': -5, 'LP': 0, 'ON': -5, 'REPLACE': -5, 'ROLLBACK': -5, 'RP': 3, 'ordering_term': -2}
    _SLOT_COUNT = 5

    if TYPE_CHECKING:
        @property
        def unique_token(self) -> Token: ...
    else:
        unique_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token | None: ...
    else:
        lp_token = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def columns(self) -> list[OrderingTerm]: ...
    else:
        columns = _l.Slot(1, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def columns_separators(self) -> list[Token]: ...
    else:
        columns_separators = _l.Slot(2, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token | None: ...
    else:
        rp_token = _l.Slot(3, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def conflict(self) -> list[Token]: ...
    else:
        conflict = _l.Slot(4, _l.EVERY)

class CheckConstraint(Node):
    """``check_constraint``: 'CHECK' 'LP' expr:Expr 'RP' conflict:OnConflict?"""

    __slots__ = ()
    kind = 'check_constraint'
    _PATTERN = '(?P<g1>\u0119)(?P<g2>\u015d)(?P<g3>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?P<g4>\u0188)(?P<g5>(?:\u016c\u011f(?:\u0185|\u0100|\u0139|\u0149|\u0182))?)'
    _SLOTS: ClassVar[dict[str, int]] = {'ABORT': -1, 'CONFLICT': -1, 'FAIL': -1, 'IGNORE': -1, 'ON': -1, 'REPLACE': -1, 'ROLLBACK': -1}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def check_token(self) -> Token: ...
    else:
        check_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def expr(self) -> Expr: ...
    else:
        expr = _l.Child(2)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Child(3)

    if TYPE_CHECKING:
        @property
        def conflict(self) -> list[Token]: ...
    else:
        conflict = _l.Slot(0, _l.EVERY)

class NotNullConstraint(Node):
    """``not_null_constraint``: 'NOT' 'NULL' conflict:OnConflict?"""

    __slots__ = ()
    kind = 'not_null_constraint'
    _PATTERN = '(?P<g1>\u0165)(?P<g2>\u0168)(?P<g3>(?:\u016c\u011f(?:\u0185|\u0100|\u0139|\u0149|\u0182))?)'
    _SLOTS: ClassVar[dict[str, int]] = {'ABORT': -1, 'CONFLICT': -1, 'FAIL': -1, 'IGNORE': -1, 'ON': -1, 'REPLACE': -1, 'ROLLBACK': -1}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def not_token(self) -> Token: ...
    else:
        not_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def null_token(self) -> Token: ...
    else:
        null_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def conflict(self) -> list[Token]: ...
    else:
        conflict = _l.Slot(0, _l.EVERY)

class NullConstraint(Node):
    """``null_constraint``: 'NULL' conflict:OnConflict?"""

    __slots__ = ()
    kind = 'null_constraint'
    _PATTERN = '(?P<g1>\u0168)(?P<g2>(?:\u016c\u011f(?:\u0185|\u0100|\u0139|\u0149|\u0182))?)'
    _SLOTS: ClassVar[dict[str, int]] = {'ABORT': -1, 'CONFLICT': -1, 'FAIL': -1, 'IGNORE': -1, 'ON': -1, 'REPLACE': -1, 'ROLLBACK': -1}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def null_token(self) -> Token: ...
    else:
        null_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def conflict(self) -> list[Token]: ...
    else:
        conflict = _l.Slot(0, _l.EVERY)

class DefaultConstraint(Node):
    """``default_constraint``: 'DEFAULT' ( sign:Sign? value:Literal | 'LP' expr:Expr 'RP' | value:('ID' | 'INDEXED') )"""

    __slots__ = ()
    kind = 'default_constraint'
    _PATTERN = '(?P<g1>\u0125)(?:(?P<g2>(?:(?:\u0173|\u0162))?)(?P<g3>\u01df)|(?P<g4>\u015d)(?P<g5>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?P<g6>\u0188)|(?P<g7>(?:\u0147|\u014d)))'
    _SLOTS: ClassVar[dict[str, int]] = {'LP': 1, 'MINUS': 0, 'PLUS': 0, 'RP': 2}
    _SLOT_COUNT = 3

    if TYPE_CHECKING:
        @property
        def default_token(self) -> Token: ...
    else:
        default_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def sign(self) -> Token | None: ...
    else:
        sign = _l.Slot(0, _l.FIRST)

    @property
    def value(self) -> Literal | Token | None:
        return _l.opt(self, (3, 7))

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token | None: ...
    else:
        lp_token = _l.Slot(1, _l.FIRST)

    @property
    def expr(self) -> Expr | None:
        return _l.opt(self, (5,))

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token | None: ...
    else:
        rp_token = _l.Slot(2, _l.FIRST)

class CollateConstraint(Node):
    """``collate_constraint``: 'COLLATE' collation:Collation"""

    __slots__ = ()
    kind = 'collate_constraint'
    _PATTERN = '(?P<g1>\u011a)(?P<g2>(?:\u0147|\u0190))'

    if TYPE_CHECKING:
        @property
        def collate_token(self) -> Token: ...
    else:
        collate_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def collation(self) -> Token: ...
    else:
        collation = _l.Child(1)

class GeneratedConstraint(Node):
    """``generated_constraint``: ('GENERATED' 'ALWAYS')? 'AS' 'LP' expr:Expr 'RP' storage:'ID'?"""

    __slots__ = ()
    kind = 'generated_constraint'
    _PATTERN = '(?:(?P<g1>\u0142)(?P<g2>\u0106))?(?P<g3>\u010a)(?P<g4>\u015d)(?P<g5>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?P<g6>\u0188)(?P<g7>(?:\u0147)?)'
    _SLOTS: ClassVar[dict[str, int]] = {'ALWAYS': 1, 'AS': 2, 'GENERATED': 0, 'ID': 6, 'LP': 3, 'RP': 5, 'between_expr': 4, 'binary_expr': 4, 'case_expr': 4, 'cast_expr': 4, 'collate_expr': 4, 'column_ref': 4, 'exists_expr': 4, 'function_call': 4, 'in_expr': 4, 'is_expr': 4, 'like_expr': 4, 'literal': 4, 'not_expr': 4, 'null_test': 4, 'paren_expr': 4, 'raise_expr': 4, 'row_value': 4, 'subquery_expr': 4, 'unary_expr': 4, 'variable': 4}
    _SLOT_COUNT = 7

    if TYPE_CHECKING:
        @property
        def generated_token(self) -> Token | None: ...
    else:
        generated_token = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def always_token(self) -> Token | None: ...
    else:
        always_token = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def as_token(self) -> Token: ...
    else:
        as_token = _l.Slot(2, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Slot(3, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def expr(self) -> Expr: ...
    else:
        expr = _l.Slot(4, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Slot(5, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def storage(self) -> Token | None: ...
    else:
        storage = _l.Slot(6, _l.FIRST)

class ForeignKeyClause(Node):
    """``foreign_key_clause``: 'REFERENCES' table:Name columns:ColumnList? actions:Refarg*"""

    __slots__ = ()
    kind = 'foreign_key_clause'
    _PATTERN = '(?P<g1>\u017d)(?P<g2>(?:\u0147|\u0190|\u0157|\u014d))(?P<g3>(?:\u01b4)?)(?P<g4>(?:\u01ef)*)'
    _SLOTS: ClassVar[dict[str, int]] = {'column_list': 0, 'refarg': -2}
    _SLOT_COUNT = 2

    if TYPE_CHECKING:
        @property
        def references_token(self) -> Token: ...
    else:
        references_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def table(self) -> Token: ...
    else:
        table = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def columns(self) -> ColumnList | None: ...
    else:
        columns = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def actions(self) -> list[Refarg]: ...
    else:
        actions = _l.Slot(1, _l.EVERY)

class ForeignKeyConstraint(Node):
    """``foreign_key_constraint``: 'FOREIGN' 'KEY' 'LP' columns:(ColumnName % 'COMMA') 'RP' 'REFERENCES' table:Name parent_columns:ColumnList? actions:Refarg* defer:DeferSubclause?"""

    __slots__ = ()
    kind = 'foreign_key_constraint'
    _PATTERN = '(?P<g1>\u013f)(?P<g2>\u0158)(?P<g3>\u015d)(?P<g4>(?:\u01b5(?:\u011c\u01b5)*))(?P<g5>\u0188)(?P<g6>\u017d)(?P<g7>(?:\u0147|\u0190|\u0157|\u014d))(?P<g8>(?:\u01b4)?)(?P<g9>(?:\u01ef)*)(?P<g10>(?:\u01c1)?)'
    _SLOTS: ClassVar[dict[str, int]] = {'COMMA': -2, 'ID': 4, 'INDEXED': 4, 'JOIN_KW': 4, 'REFERENCES': 3, 'RP': 2, 'STRING': 4, 'column_list': 5, 'column_name': -1, 'defer_subclause': 7, 'refarg': -7}
    _SLOT_COUNT = 8

    if TYPE_CHECKING:
        @property
        def foreign_token(self) -> Token: ...
    else:
        foreign_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def key_token(self) -> Token: ...
    else:
        key_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Child(2)

    if TYPE_CHECKING:
        @property
        def columns(self) -> list[ColumnName]: ...
    else:
        columns = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def columns_separators(self) -> list[Token]: ...
    else:
        columns_separators = _l.Slot(1, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Slot(2, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def references_token(self) -> Token: ...
    else:
        references_token = _l.Slot(3, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def table(self) -> Token: ...
    else:
        table = _l.Slot(4, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def parent_columns(self) -> ColumnList | None: ...
    else:
        parent_columns = _l.Slot(5, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def actions(self) -> list[Refarg]: ...
    else:
        actions = _l.Slot(6, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def defer(self) -> DeferSubclause | None: ...
    else:
        defer = _l.Slot(7, _l.FIRST)

class Refarg(Node):
    """``refarg``: 'MATCH' match:Name | 'ON' event:('INSERT' | 'DELETE' | 'UPDATE') action:('SET' 'NULL' | 'SET' 'DEFAULT' | 'CASCADE' | 'RESTRICT' | 'NO' 'ACTION')"""

    __slots__ = ()
    kind = 'refarg'
    _PATTERN = '(?:(?P<g1>\u0160)(?P<g2>(?:\u0147|\u0190|\u0157|\u014d))|(?P<g3>\u016c)(?P<g4>(?:\u014f|\u0128|\u019b))(?P<g5>(?:\u018d\u0168|\u018d\u0125|\u0116|\u0183|\u0164\u0101)))'
    _SLOTS: ClassVar[dict[str, int]] = {'ACTION': -5, 'CASCADE': -5, 'DEFAULT': -5, 'DELETE': 3, 'ID': 1, 'INDEXED': 1, 'INSERT': 3, 'JOIN_KW': 1, 'MATCH': 0, 'NO': -5, 'NULL': -5, 'ON': 2, 'RESTRICT': -5, 'SET': -5, 'STRING': 1, 'UPDATE': 3}
    _SLOT_COUNT = 5

    if TYPE_CHECKING:
        @property
        def match_token(self) -> Token | None: ...
    else:
        match_token = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def match(self) -> Token | None: ...
    else:
        match = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def on_token(self) -> Token | None: ...
    else:
        on_token = _l.Slot(2, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def event(self) -> Token | None: ...
    else:
        event = _l.Slot(3, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def action(self) -> list[Token]: ...
    else:
        action = _l.Slot(4, _l.EVERY)

class DeferSubclause(Node):
    """``defer_subclause``: 'NOT'? 'DEFERRABLE' initially:('INITIALLY' ('DEFERRED' | 'IMMEDIATE'))?"""

    __slots__ = ()
    kind = 'defer_subclause'
    _PATTERN = '(?:(?P<g1>\u0165))?(?P<g2>\u0126)(?P<g3>(?:\u014e(?:\u0127|\u014a))?)'
    _SLOTS: ClassVar[dict[str, int]] = {'DEFERRABLE': 1, 'DEFERRED': -3, 'IMMEDIATE': -3, 'INITIALLY': -3, 'NOT': 0}
    _SLOT_COUNT = 3

    if TYPE_CHECKING:
        @property
        def not_token(self) -> Token | None: ...
    else:
        not_token = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def deferrable_token(self) -> Token: ...
    else:
        deferrable_token = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def initially(self) -> list[Token]: ...
    else:
        initially = _l.Slot(2, _l.EVERY)

class DropTableStmt(Node):
    """``drop_table_stmt``: 'DROP' 'TABLE' if_exists?:IfExists? name:QualifiedName"""

    __slots__ = ()
    kind = 'drop_table_stmt'
    _PATTERN = '(?P<g1>\u012e)(?P<g2>\u0191)(?P<g3>(?:\u0148\u0137)?)(?P<g4>\u01ed)'
    _SLOTS: ClassVar[dict[str, int]] = {'EXISTS': -1, 'IF': -1}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def drop_token(self) -> Token: ...
    else:
        drop_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def table_token(self) -> Token: ...
    else:
        table_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def if_exists(self) -> bool: ...
    else:
        if_exists = _l.Slot(0, _l.FLAG)

    if TYPE_CHECKING:
        @property
        def if_exists_tokens(self) -> list[Token]: ...
    else:
        if_exists_tokens = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def name(self) -> QualifiedName: ...
    else:
        name = _l.Child(-1)

class CreateViewStmt(Node):
    """``create_view_stmt``: 'CREATE' temp?:'TEMP'? 'VIEW' if_not_exists?:IfNotExists? name:QualifiedName columns:ColumnList? 'AS' query:Query"""

    __slots__ = ()
    kind = 'create_view_stmt'
    _PATTERN = '(?P<g1>\u0121)(?P<g2>(?:\u0192)?)(?P<g3>\u01a0)(?P<g4>(?:\u0148\u0165\u0137)?)(?P<g5>\u01ed)(?P<g6>(?:\u01b4)?)(?P<g7>\u010a)(?P<g8>(?:\u01f7|\u01f8|\u020b))'
    _SLOTS: ClassVar[dict[str, int]] = {'EXISTS': -3, 'IF': -3, 'NOT': -3, 'TEMP': -1, 'VIEW': 1, 'column_list': 4, 'qualified_name': 3}
    _SLOT_COUNT = 5

    if TYPE_CHECKING:
        @property
        def create_token(self) -> Token: ...
    else:
        create_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def temp(self) -> bool: ...
    else:
        temp = _l.Slot(0, _l.FLAG)

    if TYPE_CHECKING:
        @property
        def temp_tokens(self) -> list[Token]: ...
    else:
        temp_tokens = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def view_token(self) -> Token: ...
    else:
        view_token = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def if_not_exists(self) -> bool: ...
    else:
        if_not_exists = _l.Slot(2, _l.FLAG)

    if TYPE_CHECKING:
        @property
        def if_not_exists_tokens(self) -> list[Token]: ...
    else:
        if_not_exists_tokens = _l.Slot(2, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def name(self) -> QualifiedName: ...
    else:
        name = _l.Slot(3, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def columns(self) -> ColumnList | None: ...
    else:
        columns = _l.Slot(4, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def as_token(self) -> Token: ...
    else:
        as_token = _l.Child(-2)

    if TYPE_CHECKING:
        @property
        def query(self) -> Query: ...
    else:
        query = _l.Child(-1)

class DropViewStmt(Node):
    """``drop_view_stmt``: 'DROP' 'VIEW' if_exists?:IfExists? name:QualifiedName"""

    __slots__ = ()
    kind = 'drop_view_stmt'
    _PATTERN = '(?P<g1>\u012e)(?P<g2>\u01a0)(?P<g3>(?:\u0148\u0137)?)(?P<g4>\u01ed)'
    _SLOTS: ClassVar[dict[str, int]] = {'EXISTS': -1, 'IF': -1}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def drop_token(self) -> Token: ...
    else:
        drop_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def view_token(self) -> Token: ...
    else:
        view_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def if_exists(self) -> bool: ...
    else:
        if_exists = _l.Slot(0, _l.FLAG)

    if TYPE_CHECKING:
        @property
        def if_exists_tokens(self) -> list[Token]: ...
    else:
        if_exists_tokens = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def name(self) -> QualifiedName: ...
    else:
        name = _l.Child(-1)

class CreateIndexStmt(Node):
    """``create_index_stmt``: 'CREATE' unique?:'UNIQUE'? 'INDEX' if_not_exists?:IfNotExists? name:QualifiedName 'ON' table:Name 'LP' columns:(OrderingTerm % 'COMMA') 'RP' where:WhereClause?"""

    __slots__ = ()
    kind = 'create_index_stmt'
    _PATTERN = '(?P<g1>\u0121)(?P<g2>(?:\u019a)?)(?P<g3>\u014c)(?P<g4>(?:\u0148\u0165\u0137)?)(?P<g5>\u01ed)(?P<g6>\u016c)(?P<g7>(?:\u0147|\u0190|\u0157|\u014d))(?P<g8>\u015d)(?P<g9>(?:\u01e7(?:\u011c\u01e7)*))(?P<g10>\u0188)(?P<g11>(?:\u020e)?)'
    _SLOTS: ClassVar[dict[str, int]] = {'COMMA': -9, 'EXISTS': -3, 'ID': 5, 'IF': -3, 'INDEX': 1, 'INDEXED': 5, 'JOIN_KW': 5, 'LP': 6, 'NOT': -3, 'ON': 4, 'RP': 9, 'STRING': 5, 'UNIQUE': -1, 'ordering_term': -8, 'qualified_name': 3, 'where_clause': 10}
    _SLOT_COUNT = 11

    if TYPE_CHECKING:
        @property
        def create_token(self) -> Token: ...
    else:
        create_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def unique(self) -> bool: ...
    else:
        unique = _l.Slot(0, _l.FLAG)

    if TYPE_CHECKING:
        @property
        def unique_tokens(self) -> list[Token]: ...
    else:
        unique_tokens = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def index_token(self) -> Token: ...
    else:
        index_token = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def if_not_exists(self) -> bool: ...
    else:
        if_not_exists = _l.Slot(2, _l.FLAG)

    if TYPE_CHECKING:
        @property
        def if_not_exists_tokens(self) -> list[Token]: ...
    else:
        if_not_exists_tokens = _l.Slot(2, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def name(self) -> QualifiedName: ...
    else:
        name = _l.Slot(3, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def on_token(self) -> Token: ...
    else:
        on_token = _l.Slot(4, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def table(self) -> Token: ...
    else:
        table = _l.Slot(5, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Slot(6, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def columns(self) -> list[OrderingTerm]: ...
    else:
        columns = _l.Slot(7, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def columns_separators(self) -> list[Token]: ...
    else:
        columns_separators = _l.Slot(8, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Slot(9, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def where(self) -> WhereClause | None: ...
    else:
        where = _l.Slot(10, _l.FIRST)

class DropIndexStmt(Node):
    """``drop_index_stmt``: 'DROP' 'INDEX' if_exists?:IfExists? name:QualifiedName"""

    __slots__ = ()
    kind = 'drop_index_stmt'
    _PATTERN = '(?P<g1>\u012e)(?P<g2>\u014c)(?P<g3>(?:\u0148\u0137)?)(?P<g4>\u01ed)'
    _SLOTS: ClassVar[dict[str, int]] = {'EXISTS': -1, 'IF': -1}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def drop_token(self) -> Token: ...
    else:
        drop_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def index_token(self) -> Token: ...
    else:
        index_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def if_exists(self) -> bool: ...
    else:
        if_exists = _l.Slot(0, _l.FLAG)

    if TYPE_CHECKING:
        @property
        def if_exists_tokens(self) -> list[Token]: ...
    else:
        if_exists_tokens = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def name(self) -> QualifiedName: ...
    else:
        name = _l.Child(-1)

class CreateTriggerStmt(Node):
    """``create_trigger_stmt``: 'CREATE' header:TriggerHeader 'BEGIN' body:(TriggerCmd semicolons:'SEMI')+ 'END'"""

    __slots__ = ()
    kind = 'create_trigger_stmt'
    _PATTERN = '(?P<g1>\u0121)(?P<g2>\u0202)(?P<g3>\u010f)(?P<g4>(?:(?:(?:\u01f7|\u01f8|\u020b)|\u01c2|\u01d9|\u0206)\u018c)+)(?P<g5>\u0131)'
    _SLOTS: ClassVar[dict[str, int]] = {'SEMI': -2, 'delete_stmt': -1, 'insert_stmt': -1, 'select': -1, 'select_core': -1, 'update_stmt': -1, 'values': -1}
    _SLOT_COUNT = 2

    if TYPE_CHECKING:
        @property
        def create_token(self) -> Token: ...
    else:
        create_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def header(self) -> TriggerHeader: ...
    else:
        header = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def begin_token(self) -> Token: ...
    else:
        begin_token = _l.Child(2)

    if TYPE_CHECKING:
        @property
        def body(self) -> list[TriggerCmd]: ...
    else:
        body = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def semicolons(self) -> list[Token]: ...
    else:
        semicolons = _l.Slot(1, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def end_token(self) -> Token: ...
    else:
        end_token = _l.Child(-1)

class TriggerHeader(TriggerHeaderMixin, Node):
    """``trigger_header``: temp?:'TEMP'? 'TRIGGER' if_not_exists?:IfNotExists? name:QualifiedName timing_keywords:('BEFORE' | 'AFTER' | 'INSTEAD' 'OF')? event_keyword:('DELETE' | 'INSERT' | 'UPDATE') ('OF' columns:(Name % 'COMMA'))? 'ON' table:QualifiedName for_each_row:('FOR' 'EACH' 'ROW')? ('WHEN' when:Expr)?"""

    __slots__ = ()
    kind = 'trigger_header'
    _PATTERN = '(?P<g1>(?:\u0192)?)(?P<g2>\u0197)(?P<g3>(?:\u0148\u0165\u0137)?)(?P<g4>\u01ed)(?P<g5>(?:(?:\u010e|\u0103|\u0150\u016a))?)(?P<g6>(?:\u0128|\u014f|\u019b))(?:(?P<g7>\u016a)(?P<g8>(?:(?:\u0147|\u0190|\u0157|\u014d)(?:\u011c(?:\u0147|\u0190|\u0157|\u014d))*)))?(?P<g9>\u016c)(?P<g10>\u01ed)(?P<g11>(?:\u013e\u012f\u0186)?)(?:(?P<g12>\u01a2)(?P<g13>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c)))?'
    _SLOTS: ClassVar[dict[str, int]] = {'COMMA': -6, 'DELETE': 3, 'EACH': -8, 'EXISTS': -3, 'FOR': -8, 'ID': -5, 'IF': -3, 'INDEXED': -5, 'INSERT': 3, 'JOIN_KW': -5, 'NOT': -3, 'ON': 6, 'ROW': -8, 'STRING': -5, 'TEMP': -1, 'TRIGGER': 1, 'UPDATE': 3, 'WHEN': 8, 'between_expr': 9, 'binary_expr': 9, 'case_expr': 9, 'cast_expr': 9, 'collate_expr': 9, 'column_ref': 9, 'exists_expr': 9, 'function_call': 9, 'in_expr': 9, 'is_expr': 9, 'like_expr': 9, 'literal': 9, 'not_expr': 9, 'null_test': 9, 'paren_expr': 9, 'raise_expr': 9, 'row_value': 9, 'subquery_expr': 9, 'unary_expr': 9, 'variable': 9}
    _SLOT_COUNT = 10

    if TYPE_CHECKING:
        @property
        def temp(self) -> bool: ...
    else:
        temp = _l.Slot(0, _l.FLAG)

    if TYPE_CHECKING:
        @property
        def temp_tokens(self) -> list[Token]: ...
    else:
        temp_tokens = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def trigger_token(self) -> Token: ...
    else:
        trigger_token = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def if_not_exists(self) -> bool: ...
    else:
        if_not_exists = _l.Slot(2, _l.FLAG)

    if TYPE_CHECKING:
        @property
        def if_not_exists_tokens(self) -> list[Token]: ...
    else:
        if_not_exists_tokens = _l.Slot(2, _l.EVERY)

    @property
    def name(self) -> QualifiedName:
        return _l.one(self, (4,))

    @property
    def timing_keywords(self) -> list[Token]:
        return _l.many(self, (5,), None)

    if TYPE_CHECKING:
        @property
        def event_keyword(self) -> Token: ...
    else:
        event_keyword = _l.Slot(3, _l.FIRST)

    @property
    def of_token(self) -> Token | None:
        return _l.opt(self, (7,))

    if TYPE_CHECKING:
        @property
        def columns(self) -> list[Token]: ...
    else:
        columns = _l.Slot(4, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def columns_separators(self) -> list[Token]: ...
    else:
        columns_separators = _l.Slot(5, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def on_token(self) -> Token: ...
    else:
        on_token = _l.Slot(6, _l.FIRST)

    @property
    def table(self) -> QualifiedName:
        return _l.one(self, (10,))

    if TYPE_CHECKING:
        @property
        def for_each_row(self) -> list[Token]: ...
    else:
        for_each_row = _l.Slot(7, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def when_token(self) -> Token | None: ...
    else:
        when_token = _l.Slot(8, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def when(self) -> Expr | None: ...
    else:
        when = _l.Slot(9, _l.FIRST)

class DropTriggerStmt(Node):
    """``drop_trigger_stmt``: 'DROP' 'TRIGGER' if_exists?:IfExists? name:QualifiedName"""

    __slots__ = ()
    kind = 'drop_trigger_stmt'
    _PATTERN = '(?P<g1>\u012e)(?P<g2>\u0197)(?P<g3>(?:\u0148\u0137)?)(?P<g4>\u01ed)'
    _SLOTS: ClassVar[dict[str, int]] = {'EXISTS': -1, 'IF': -1}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def drop_token(self) -> Token: ...
    else:
        drop_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def trigger_token(self) -> Token: ...
    else:
        trigger_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def if_exists(self) -> bool: ...
    else:
        if_exists = _l.Slot(0, _l.FLAG)

    if TYPE_CHECKING:
        @property
        def if_exists_tokens(self) -> list[Token]: ...
    else:
        if_exists_tokens = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def name(self) -> QualifiedName: ...
    else:
        name = _l.Child(-1)

class CreateVirtualTableStmt(Node):
    """``create_virtual_table_stmt``: 'CREATE' 'VIRTUAL' 'TABLE' if_not_exists?:IfNotExists? name:QualifiedName 'USING' module:Name ('LP' arguments:(ModuleArgument? % 'COMMA') 'RP')?"""

    __slots__ = ()
    kind = 'create_virtual_table_stmt'
    _PATTERN = '(?P<g1>\u0121)(?P<g2>\u01a1)(?P<g3>\u0191)(?P<g4>(?:\u0148\u0165\u0137)?)(?P<g5>\u01ed)(?P<g6>\u019c)(?P<g7>(?:\u0147|\u0190|\u0157|\u014d))(?:(?P<g8>\u015d)(?P<g9>(?:(?:\u01e0)?(?:\u011c(?:\u01e0)?)*))(?P<g10>\u0188))?'
    _SLOTS: ClassVar[dict[str, int]] = {'COMMA': -7, 'EXISTS': -1, 'ID': 3, 'IF': -1, 'INDEXED': 3, 'JOIN_KW': 3, 'LP': 4, 'NOT': -1, 'RP': 7, 'STRING': 3, 'USING': 2, 'module_argument': -6, 'qualified_name': 1}
    _SLOT_COUNT = 8

    if TYPE_CHECKING:
        @property
        def create_token(self) -> Token: ...
    else:
        create_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def virtual_token(self) -> Token: ...
    else:
        virtual_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def table_token(self) -> Token: ...
    else:
        table_token = _l.Child(2)

    if TYPE_CHECKING:
        @property
        def if_not_exists(self) -> bool: ...
    else:
        if_not_exists = _l.Slot(0, _l.FLAG)

    if TYPE_CHECKING:
        @property
        def if_not_exists_tokens(self) -> list[Token]: ...
    else:
        if_not_exists_tokens = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def name(self) -> QualifiedName: ...
    else:
        name = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def using_token(self) -> Token: ...
    else:
        using_token = _l.Slot(2, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def module(self) -> Token: ...
    else:
        module = _l.Slot(3, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token | None: ...
    else:
        lp_token = _l.Slot(4, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def arguments(self) -> list[ModuleArgument]: ...
    else:
        arguments = _l.Slot(5, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def arguments_separators(self) -> list[Token]: ...
    else:
        arguments_separators = _l.Slot(6, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token | None: ...
    else:
        rp_token = _l.Slot(7, _l.FIRST)

class ModuleArgument(Node):
    """``module_argument``: argument_tokens:TOKEN+"""

    __slots__ = ()
    kind = 'module_argument'
    _PATTERN = '(?P<g1>(?:[\u0100\u0101\u0102\u0103\u0104\u0105\u0106\u0107\u0108\u0109\u010a\u010b\u010c\u010d\u010e\u010f\u0110\u0111\u0112\u0113\u0114\u0115\u0116\u0117\u0118\u0119\u011a\u011b\u011c\u011d\u011e\u011f\u0120\u0121\u0122\u0123\u0124\u0125\u0126\u0127\u0128\u0129\u012a\u012b\u012c\u012d\u012e\u012f\u0130\u0131\u0132\u0133\u0134\u0135\u0136\u0137\u0138\u0139\u013a\u013b\u013c\u013d\u013e\u013f\u0140\u0141\u0142\u0143\u0144\u0145\u0146\u0147\u0148\u0149\u014a\u014b\u014c\u014d\u014e\u014f\u0150\u0151\u0152\u0153\u0154\u0155\u0156\u0157\u0158\u0159\u015a\u015b\u015c\u015d\u015e\u015f\u0160\u0161\u0162\u0163\u0164\u0165\u0166\u0167\u0168\u0169\u016a\u016b\u016c\u016d\u016e\u016f\u0170\u0171\u0172\u0173\u0174\u0175\u0176\u0177\u0178\u0179\u017a\u017b\u017c\u017d\u017e\u017f\u0180\u0181\u0182\u0183\u0184\u0185\u0186\u0187\u0188\u0189\u018a\u018b\u018c\u018d\u018e\u018f\u0190\u0191\u0192\u0193\u0194\u0195\u0196\u0197\u0198\u0199\u019a\u019b\u019c\u019d\u019e\u019f\u01a0\u01a1\u01a2\u01a3\u01a4\u01a5\u01a6\u01a7\u0214])+)'

    @property
    def argument_tokens(self) -> list[Token]:
        return _l.many(self, (1,), None)

class AlterTableStmt(AlterTableStmtMixin, Node):
    """``alter_table_stmt``: 'ALTER' 'TABLE' name:QualifiedName ( verb:'RENAME' 'TO' new_name:Name | verb:'RENAME' 'COLUMNKW'? column_name:Name 'TO' new_name:Name | verb:'ADD' 'COLUMNKW'? column_def:ColumnDef | verb:'ADD' ('CONSTRAINT' constraint:Name)? 'CHECK' 'LP' check:Expr 'RP' conflict:OnConflict? | verb:'DROP' 'COLUMNKW'? column_name:Name | verb:'DROP' 'CONSTRAINT' constraint:Name | verb:'ALTER' 'COLUMNKW'? column_name:Name nullability:(('DROP' | 'SET') 'NOT' 'NULL') conflict:OnConflict? )"""

    __slots__ = ()
    kind = 'alter_table_stmt'
    _PATTERN = '(?P<g1>\u0105)(?P<g2>\u0191)(?P<g3>\u01ed)(?:(?P<g4>\u0181)(?P<g5>\u0195)(?P<g6>(?:\u0147|\u0190|\u0157|\u014d))|(?P<g7>\u0181)(?:(?P<g8>\u011b))?(?P<g9>(?:\u0147|\u0190|\u0157|\u014d))(?P<g10>\u0195)(?P<g11>(?:\u0147|\u0190|\u0157|\u014d))|(?P<g12>\u0102)(?:(?P<g13>\u011b))?(?P<g14>\u01b3)|(?P<g15>\u0102)(?:(?P<g16>\u0120)(?P<g17>(?:\u0147|\u0190|\u0157|\u014d)))?(?P<g18>\u0119)(?P<g19>\u015d)(?P<g20>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?P<g21>\u0188)(?P<g22>(?:\u016c\u011f(?:\u0185|\u0100|\u0139|\u0149|\u0182))?)|(?P<g23>\u012e)(?:(?P<g24>\u011b))?(?P<g25>(?:\u0147|\u0190|\u0157|\u014d))|(?P<g26>\u012e)(?P<g27>\u0120)(?P<g28>(?:\u0147|\u0190|\u0157|\u014d))|(?P<g29>\u0105)(?:(?P<g30>\u011b))?(?P<g31>(?:\u0147|\u0190|\u0157|\u014d))(?P<g32>(?:\u012e|\u018d)\u0165\u0168)(?P<g33>(?:\u016c\u011f(?:\u0185|\u0100|\u0139|\u0149|\u0182))?))'
    _SLOTS: ClassVar[dict[str, int]] = {'ABORT': -9, 'CHECK': 4, 'COLUMNKW': 1, 'CONFLICT': -9, 'CONSTRAINT': 3, 'FAIL': -9, 'IGNORE': -9, 'LP': 5, 'ON': -9, 'REPLACE': -9, 'ROLLBACK': -9, 'RP': 7, 'TO': 0, 'between_expr': 6, 'binary_expr': 6, 'case_expr': 6, 'cast_expr': 6, 'collate_expr': 6, 'column_def': 2, 'column_ref': 6, 'exists_expr': 6, 'function_call': 6, 'in_expr': 6, 'is_expr': 6, 'like_expr': 6, 'literal': 6, 'not_expr': 6, 'null_test': 6, 'paren_expr': 6, 'raise_expr': 6, 'row_value': 6, 'subquery_expr': 6, 'unary_expr': 6, 'variable': 6}
    _SLOT_COUNT = 9

    if TYPE_CHECKING:
        @property
        def alter_token(self) -> Token: ...
    else:
        alter_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def table_token(self) -> Token: ...
    else:
        table_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def name(self) -> QualifiedName: ...
    else:
        name = _l.Child(2)

    @property
    def verb(self) -> Token:
        return _l.one(self, (4, 7, 12, 15, 23, 26, 29))

    if TYPE_CHECKING:
        @property
        def to_token(self) -> Token | None: ...
    else:
        to_token = _l.Slot(0, _l.FIRST)

    @property
    def new_name(self) -> Token | None:
        return _l.opt(self, (6, 11))

    if TYPE_CHECKING:
        @property
        def columnkw_token(self) -> Token | None: ...
    else:
        columnkw_token = _l.Slot(1, _l.FIRST)

    @property
    def column_name(self) -> Token | None:
        return _l.opt(self, (9, 25, 31))

    if TYPE_CHECKING:
        @property
        def column_def(self) -> ColumnDef | None: ...
    else:
        column_def = _l.Slot(2, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def constraint_token(self) -> Token | None: ...
    else:
        constraint_token = _l.Slot(3, _l.FIRST)

    @property
    def constraint(self) -> Token | None:
        return _l.opt(self, (17, 28))

    if TYPE_CHECKING:
        @property
        def check_token(self) -> Token | None: ...
    else:
        check_token = _l.Slot(4, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token | None: ...
    else:
        lp_token = _l.Slot(5, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def check(self) -> Expr | None: ...
    else:
        check = _l.Slot(6, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token | None: ...
    else:
        rp_token = _l.Slot(7, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def conflict(self) -> list[Token]: ...
    else:
        conflict = _l.Slot(8, _l.EVERY)

    @property
    def nullability(self) -> list[Token]:
        return _l.many(self, (32,), None)

class AttachStmt(Node):
    """``attach_stmt``: 'ATTACH' 'DATABASE'? file:Expr 'AS' schema:Expr ('KEY' key:Expr)?"""

    __slots__ = ()
    kind = 'attach_stmt'
    _PATTERN = '(?P<g1>\u010c)(?:(?P<g2>\u0124))?(?P<g3>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?P<g4>\u010a)(?P<g5>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?:(?P<g6>\u0158)(?P<g7>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c)))?'
    _SLOTS: ClassVar[dict[str, int]] = {'AS': 1, 'DATABASE': 0, 'KEY': 2}
    _SLOT_COUNT = 3

    if TYPE_CHECKING:
        @property
        def attach_token(self) -> Token: ...
    else:
        attach_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def database_token(self) -> Token | None: ...
    else:
        database_token = _l.Slot(0, _l.FIRST)

    @property
    def file(self) -> Expr:
        return _l.one(self, (3,))

    if TYPE_CHECKING:
        @property
        def as_token(self) -> Token: ...
    else:
        as_token = _l.Slot(1, _l.FIRST)

    @property
    def schema(self) -> Expr:
        return _l.one(self, (5,))

    if TYPE_CHECKING:
        @property
        def key_token(self) -> Token | None: ...
    else:
        key_token = _l.Slot(2, _l.FIRST)

    @property
    def key(self) -> Expr | None:
        return _l.opt(self, (7,))

class DetachStmt(Node):
    """``detach_stmt``: 'DETACH' 'DATABASE'? schema:Expr"""

    __slots__ = ()
    kind = 'detach_stmt'
    _PATTERN = '(?P<g1>\u012a)(?:(?P<g2>\u0124))?(?P<g3>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))'
    _SLOTS: ClassVar[dict[str, int]] = {'DATABASE': 0}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def detach_token(self) -> Token: ...
    else:
        detach_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def database_token(self) -> Token | None: ...
    else:
        database_token = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def schema(self) -> Expr: ...
    else:
        schema = _l.Child(-1)

class VacuumStmt(Node):
    """``vacuum_stmt``: 'VACUUM' schema:Name? ('INTO' into:Expr)?"""

    __slots__ = ()
    kind = 'vacuum_stmt'
    _PATTERN = '(?P<g1>\u019d)(?P<g2>(?:(?:\u0147|\u0190|\u0157|\u014d))?)(?:(?P<g3>\u0153)(?P<g4>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c)))?'
    _SLOTS: ClassVar[dict[str, int]] = {'ID': 0, 'INDEXED': 0, 'INTO': 1, 'JOIN_KW': 0, 'STRING': 0, 'between_expr': 2, 'binary_expr': 2, 'case_expr': 2, 'cast_expr': 2, 'collate_expr': 2, 'column_ref': 2, 'exists_expr': 2, 'function_call': 2, 'in_expr': 2, 'is_expr': 2, 'like_expr': 2, 'literal': 2, 'not_expr': 2, 'null_test': 2, 'paren_expr': 2, 'raise_expr': 2, 'row_value': 2, 'subquery_expr': 2, 'unary_expr': 2, 'variable': 2}
    _SLOT_COUNT = 3

    if TYPE_CHECKING:
        @property
        def vacuum_token(self) -> Token: ...
    else:
        vacuum_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def schema(self) -> Token | None: ...
    else:
        schema = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def into_token(self) -> Token | None: ...
    else:
        into_token = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def into(self) -> Expr | None: ...
    else:
        into = _l.Slot(2, _l.FIRST)

class PragmaStmt(Node):
    """``pragma_stmt``: 'PRAGMA' name:QualifiedName ('EQ' value:PragmaValue | 'LP' value:PragmaValue 'RP')?"""

    __slots__ = ()
    kind = 'pragma_stmt'
    _PATTERN = '(?P<g1>\u0174)(?P<g2>\u01ed)(?:(?:(?P<g3>\u0132)(?P<g4>\u01eb)|(?P<g5>\u015d)(?P<g6>\u01eb)(?P<g7>\u0188)))?'
    _SLOTS: ClassVar[dict[str, int]] = {'EQ': 0, 'LP': 2, 'RP': 3, 'pragma_value': 1}
    _SLOT_COUNT = 4

    if TYPE_CHECKING:
        @property
        def pragma_token(self) -> Token: ...
    else:
        pragma_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def name(self) -> QualifiedName: ...
    else:
        name = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def eq_token(self) -> Token | None: ...
    else:
        eq_token = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def value(self) -> PragmaValue | None: ...
    else:
        value = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token | None: ...
    else:
        lp_token = _l.Slot(2, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token | None: ...
    else:
        rp_token = _l.Slot(3, _l.FIRST)

class PragmaValue(Node):
    """``pragma_value``: words:(Sign? Number | Name | 'ON' | 'DELETE' | 'DEFAULT')"""

    __slots__ = ()
    kind = 'pragma_value'
    _PATTERN = '(?P<g1>(?:(?:(?:\u0173|\u0162))?(?:\u0151|\u013c)|(?:\u0147|\u0190|\u0157|\u014d)|\u016c|\u0128|\u0125))'
    _SLOTS: ClassVar[dict[str, int]] = {'DEFAULT': -1, 'DELETE': -1, 'FLOAT': -1, 'ID': -1, 'INDEXED': -1, 'INTEGER': -1, 'JOIN_KW': -1, 'MINUS': -1, 'ON': -1, 'PLUS': -1, 'STRING': -1}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def words(self) -> list[Token]: ...
    else:
        words = _l.Slot(0, _l.EVERY)

class ReindexStmt(Node):
    """``reindex_stmt``: 'REINDEX' name:QualifiedName?"""

    __slots__ = ()
    kind = 'reindex_stmt'
    _PATTERN = '(?P<g1>\u017e)(?P<g2>(?:\u01ed)?)'
    _SLOTS: ClassVar[dict[str, int]] = {'qualified_name': 0}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def reindex_token(self) -> Token: ...
    else:
        reindex_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def name(self) -> QualifiedName | None: ...
    else:
        name = _l.Slot(0, _l.FIRST)

class AnalyzeStmt(Node):
    """``analyze_stmt``: 'ANALYZE' name:QualifiedName?"""

    __slots__ = ()
    kind = 'analyze_stmt'
    _PATTERN = '(?P<g1>\u0107)(?P<g2>(?:\u01ed)?)'
    _SLOTS: ClassVar[dict[str, int]] = {'qualified_name': 0}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def analyze_token(self) -> Token: ...
    else:
        analyze_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def name(self) -> QualifiedName | None: ...
    else:
        name = _l.Slot(0, _l.FIRST)

class Select(Node):
    """``select``: with_clause:WithClause? cores:(OneSelect (operators:CompoundOperator OneSelect)*)"""

    __slots__ = ()
    kind = 'select'
    _PATTERN = '(?P<g1>(?:\u0212)?)(?P<g2>(?:\u01f8|\u020b)(?:\u01b9(?:\u01f8|\u020b))*)'
    _SLOTS: ClassVar[dict[str, int]] = {'compound_operator': -3, 'select_core': -2, 'values': -2, 'with_clause': 0}
    _SLOT_COUNT = 3

    if TYPE_CHECKING:
        @property
        def with_clause(self) -> WithClause | None: ...
    else:
        with_clause = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def cores(self) -> list[OneSelect]: ...
    else:
        cores = _l.Slot(1, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def operators(self) -> list[CompoundOperator]: ...
    else:
        operators = _l.Slot(2, _l.EVERY)

class WithClause(Node):
    """``with_clause``: 'WITH' recursive?:'RECURSIVE'? ctes:(CommonTableExpression % 'COMMA')"""

    __slots__ = ()
    kind = 'with_clause'
    _PATTERN = '(?P<g1>\u01a5)(?P<g2>(?:\u017c)?)(?P<g3>(?:\u01b8(?:\u011c\u01b8)*))'
    _SLOTS: ClassVar[dict[str, int]] = {'COMMA': -3, 'RECURSIVE': -1, 'common_table_expression': -2}
    _SLOT_COUNT = 3

    if TYPE_CHECKING:
        @property
        def with_token(self) -> Token: ...
    else:
        with_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def recursive(self) -> bool: ...
    else:
        recursive = _l.Slot(0, _l.FLAG)

    if TYPE_CHECKING:
        @property
        def recursive_tokens(self) -> list[Token]: ...
    else:
        recursive_tokens = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def ctes(self) -> list[CommonTableExpression]: ...
    else:
        ctes = _l.Slot(1, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def ctes_separators(self) -> list[Token]: ...
    else:
        ctes_separators = _l.Slot(2, _l.EVERY)

class CommonTableExpression(CommonTableExpressionMixin, Node):
    """``common_table_expression``: name:Name columns:ColumnList? 'AS' materialization:('NOT'? 'MATERIALIZED')? 'LP' query:Query 'RP'"""

    __slots__ = ()
    kind = 'common_table_expression'
    _PATTERN = '(?P<g1>(?:\u0147|\u0190|\u0157|\u014d))(?P<g2>(?:\u01b4)?)(?P<g3>\u010a)(?P<g4>(?:(?:\u0165)?\u0161)?)(?P<g5>\u015d)(?P<g6>(?:\u01f7|\u01f8|\u020b))(?P<g7>\u0188)'
    _SLOTS: ClassVar[dict[str, int]] = {'AS': 1, 'MATERIALIZED': -3, 'NOT': -3, 'column_list': 0}
    _SLOT_COUNT = 3

    if TYPE_CHECKING:
        @property
        def name(self) -> Token: ...
    else:
        name = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def columns(self) -> ColumnList | None: ...
    else:
        columns = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def as_token(self) -> Token: ...
    else:
        as_token = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def materialization(self) -> list[Token]: ...
    else:
        materialization = _l.Slot(2, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Child(-3)

    if TYPE_CHECKING:
        @property
        def query(self) -> Query: ...
    else:
        query = _l.Child(-2)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Child(-1)

class CompoundOperator(Node):
    """``compound_operator``: words:('UNION' 'ALL'? | 'EXCEPT' | 'INTERSECT')"""

    __slots__ = ()
    kind = 'compound_operator'
    _PATTERN = '(?P<g1>(?:\u0199(?:\u0104)?|\u0134|\u0152))'
    _SLOTS: ClassVar[dict[str, int]] = {'ALL': -1, 'EXCEPT': -1, 'INTERSECT': -1, 'UNION': -1}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def words(self) -> list[Token]: ...
    else:
        words = _l.Slot(0, _l.EVERY)

class SelectCore(Node):
    """``select_core``: 'SELECT' distinct:('DISTINCT' | 'ALL')? columns:(ResultColumn % 'COMMA') from_clause:FromClause? where:WhereClause? group_by:GroupByClause? having:HavingClause? window:WindowClause? order_by:OrderByClause? limit:LimitClause?"""

    __slots__ = ()
    kind = 'select_core'
    _PATTERN = '(?P<g1>\u018b)(?P<g2>(?:(?:\u012b|\u0104))?)(?P<g3>(?:\u01f2(?:\u011c\u01f2)*))(?P<g4>(?:\u01d1)?)(?P<g5>(?:\u020e)?)(?P<g6>(?:\u01d5)?)(?P<g7>(?:\u01d6)?)(?P<g8>(?:\u0210)?)(?P<g9>(?:\u01e6)?)(?P<g10>(?:\u01de)?)'
    _SLOTS: ClassVar[dict[str, int]] = {'ALL': 0, 'COMMA': -3, 'DISTINCT': 0, 'from_clause': 3, 'group_by_clause': 5, 'having_clause': 6, 'limit_clause': 9, 'order_by_clause': 8, 'result_column': -2, 'where_clause': 4, 'window_clause': 7}
    _SLOT_COUNT = 10

    if TYPE_CHECKING:
        @property
        def select_token(self) -> Token: ...
    else:
        select_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def distinct(self) -> Token | None: ...
    else:
        distinct = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def columns(self) -> list[ResultColumn]: ...
    else:
        columns = _l.Slot(1, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def columns_separators(self) -> list[Token]: ...
    else:
        columns_separators = _l.Slot(2, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def from_clause(self) -> FromClause | None: ...
    else:
        from_clause = _l.Slot(3, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def where(self) -> WhereClause | None: ...
    else:
        where = _l.Slot(4, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def group_by(self) -> GroupByClause | None: ...
    else:
        group_by = _l.Slot(5, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def having(self) -> HavingClause | None: ...
    else:
        having = _l.Slot(6, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def window(self) -> WindowClause | None: ...
    else:
        window = _l.Slot(7, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def order_by(self) -> OrderByClause | None: ...
    else:
        order_by = _l.Slot(8, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def limit(self) -> LimitClause | None: ...
    else:
        limit = _l.Slot(9, _l.FIRST)

class Values(Node):
    """``values``: 'VALUES' rows:(ValueRow % 'COMMA')"""

    __slots__ = ()
    kind = 'values'
    _PATTERN = '(?P<g1>\u019e)(?P<g2>(?:\u020a(?:\u011c\u020a)*))'

    if TYPE_CHECKING:
        @property
        def values_token(self) -> Token: ...
    else:
        values_token = _l.Child(0)

    @property
    def rows(self) -> list[ValueRow]:
        return self.children[1::2]

    @property
    def rows_separators(self) -> list[Token]:
        return self.children[2::2]

class ValueRow(Node):
    """``value_row``: 'LP' values:(Expr % 'COMMA') 'RP'"""

    __slots__ = ()
    kind = 'value_row'
    _PATTERN = '(?P<g1>\u015d)(?P<g2>(?:(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c)(?:\u011c(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))*))(?P<g3>\u0188)'

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Child(0)

    @property
    def values(self) -> list[Expr]:
        return self.children[1:-1:2]

    @property
    def values_separators(self) -> list[Token]:
        return self.children[2:-1:2]

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Child(-1)

class ResultColumn(Node):
    """``result_column``: expr:Expr Alias? | star:'STAR' | table:Name 'DOT' star:'STAR'"""

    __slots__ = ()
    kind = 'result_column'
    _PATTERN = '(?:(?P<g1>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?:(?:(?P<g2>\u010a))?(?P<g3>(?:\u0147|\u0190|\u0157|\u014d)))?|(?P<g4>\u018f)|(?P<g5>(?:\u0147|\u0190|\u0157|\u014d))(?P<g6>\u012d)(?P<g7>\u018f))'
    _SLOTS: ClassVar[dict[str, int]] = {'AS': 1, 'DOT': 3, 'STAR': 2, 'between_expr': 0, 'binary_expr': 0, 'case_expr': 0, 'cast_expr': 0, 'collate_expr': 0, 'column_ref': 0, 'exists_expr': 0, 'function_call': 0, 'in_expr': 0, 'is_expr': 0, 'like_expr': 0, 'literal': 0, 'not_expr': 0, 'null_test': 0, 'paren_expr': 0, 'raise_expr': 0, 'row_value': 0, 'subquery_expr': 0, 'unary_expr': 0, 'variable': 0}
    _SLOT_COUNT = 4

    if TYPE_CHECKING:
        @property
        def expr(self) -> Expr | None: ...
    else:
        expr = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def as_token(self) -> Token | None: ...
    else:
        as_token = _l.Slot(1, _l.FIRST)

    @property
    def alias(self) -> Token | None:
        return _l.opt(self, (3,))

    if TYPE_CHECKING:
        @property
        def star(self) -> Token | None: ...
    else:
        star = _l.Slot(2, _l.FIRST)

    @property
    def table(self) -> Token | None:
        return _l.opt(self, (5,))

    if TYPE_CHECKING:
        @property
        def dot_token(self) -> Token | None: ...
    else:
        dot_token = _l.Slot(3, _l.FIRST)

class FromClause(Node):
    """``from_clause``: 'FROM' terms:(FromTerm (joins:JoinOperator FromTerm)*)"""

    __slots__ = ()
    kind = 'from_clause'
    _PATTERN = '(?P<g1>\u0140)(?P<g2>(?:\u0200|\u01fe|\u01fc|\u01db)(?:\u01dc(?:\u0200|\u01fe|\u01fc|\u01db))*)'
    _SLOTS: ClassVar[dict[str, int]] = {'join_group': -1, 'join_operator': -2, 'subquery': -1, 'table_function': -1, 'table_ref': -1}
    _SLOT_COUNT = 2

    if TYPE_CHECKING:
        @property
        def from_token(self) -> Token: ...
    else:
        from_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def terms(self) -> list[FromTerm]: ...
    else:
        terms = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def joins(self) -> list[JoinOperator]: ...
    else:
        joins = _l.Slot(1, _l.EVERY)

class TableRef(Node):
    """``table_ref``: name:QualifiedName Alias? indexed_by:IndexedBy? constraint:JoinConstraint?"""

    __slots__ = ()
    kind = 'table_ref'
    _PATTERN = '(?P<g1>\u01ed)(?:(?:(?P<g2>\u010a))?(?P<g3>(?:\u0147|\u0190|\u0157|\u014d)))?(?P<g4>(?:\u01d8)?)(?P<g5>(?:(?:\u01e5|\u0208))?)'
    _SLOTS: ClassVar[dict[str, int]] = {'AS': 0, 'ID': 1, 'INDEXED': 1, 'JOIN_KW': 1, 'STRING': 1, 'indexed_by': 2, 'on_clause': 3, 'using_clause': 3}
    _SLOT_COUNT = 4

    if TYPE_CHECKING:
        @property
        def name(self) -> QualifiedName: ...
    else:
        name = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def as_token(self) -> Token | None: ...
    else:
        as_token = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def alias(self) -> Token | None: ...
    else:
        alias = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def indexed_by(self) -> IndexedBy | None: ...
    else:
        indexed_by = _l.Slot(2, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def constraint(self) -> JoinConstraint | None: ...
    else:
        constraint = _l.Slot(3, _l.FIRST)

class TableFunction(Node):
    """``table_function``: name:QualifiedName 'LP' args:(Expr % 'COMMA')? 'RP' Alias? constraint:JoinConstraint?"""

    __slots__ = ()
    kind = 'table_function'
    _PATTERN = '(?P<g1>\u01ed)(?P<g2>\u015d)(?P<g3>(?:(?:(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c)(?:\u011c(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))*))?)(?P<g4>\u0188)(?:(?:(?P<g5>\u010a))?(?P<g6>(?:\u0147|\u0190|\u0157|\u014d)))?(?P<g7>(?:(?:\u01e5|\u0208))?)'
    _SLOTS: ClassVar[dict[str, int]] = {'AS': 3, 'COMMA': -2, 'ID': 4, 'INDEXED': 4, 'JOIN_KW': 4, 'RP': 2, 'STRING': 4, 'between_expr': -1, 'binary_expr': -1, 'case_expr': -1, 'cast_expr': -1, 'collate_expr': -1, 'column_ref': -1, 'exists_expr': -1, 'function_call': -1, 'in_expr': -1, 'is_expr': -1, 'like_expr': -1, 'literal': -1, 'not_expr': -1, 'null_test': -1, 'on_clause': 5, 'paren_expr': -1, 'raise_expr': -1, 'row_value': -1, 'subquery_expr': -1, 'unary_expr': -1, 'using_clause': 5, 'variable': -1}
    _SLOT_COUNT = 6

    if TYPE_CHECKING:
        @property
        def name(self) -> QualifiedName: ...
    else:
        name = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def args(self) -> list[Expr]: ...
    else:
        args = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def args_separators(self) -> list[Token]: ...
    else:
        args_separators = _l.Slot(1, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Slot(2, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def as_token(self) -> Token | None: ...
    else:
        as_token = _l.Slot(3, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def alias(self) -> Token | None: ...
    else:
        alias = _l.Slot(4, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def constraint(self) -> JoinConstraint | None: ...
    else:
        constraint = _l.Slot(5, _l.FIRST)

class Subquery(Node):
    """``subquery``: 'LP' query:Query 'RP' Alias? constraint:JoinConstraint?"""

    __slots__ = ()
    kind = 'subquery'
    _PATTERN = '(?P<g1>\u015d)(?P<g2>(?:\u01f7|\u01f8|\u020b))(?P<g3>\u0188)(?:(?:(?P<g4>\u010a))?(?P<g5>(?:\u0147|\u0190|\u0157|\u014d)))?(?P<g6>(?:(?:\u01e5|\u0208))?)'
    _SLOTS: ClassVar[dict[str, int]] = {'AS': 0, 'ID': 1, 'INDEXED': 1, 'JOIN_KW': 1, 'STRING': 1, 'on_clause': 2, 'using_clause': 2}
    _SLOT_COUNT = 3

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def query(self) -> Query: ...
    else:
        query = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Child(2)

    if TYPE_CHECKING:
        @property
        def as_token(self) -> Token | None: ...
    else:
        as_token = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def alias(self) -> Token | None: ...
    else:
        alias = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def constraint(self) -> JoinConstraint | None: ...
    else:
        constraint = _l.Slot(2, _l.FIRST)

class JoinGroup(Node):
    """``join_group``: 'LP' terms:(FromTerm (joins:JoinOperator FromTerm)*) 'RP' Alias? constraint:JoinConstraint?"""

    __slots__ = ()
    kind = 'join_group'
    _PATTERN = '(?P<g1>\u015d)(?P<g2>(?:\u0200|\u01fe|\u01fc|\u01db)(?:\u01dc(?:\u0200|\u01fe|\u01fc|\u01db))*)(?P<g3>\u0188)(?:(?:(?P<g4>\u010a))?(?P<g5>(?:\u0147|\u0190|\u0157|\u014d)))?(?P<g6>(?:(?:\u01e5|\u0208))?)'
    _SLOTS: ClassVar[dict[str, int]] = {'AS': 3, 'ID': 4, 'INDEXED': 4, 'JOIN_KW': 4, 'RP': 2, 'STRING': 4, 'join_group': -1, 'join_operator': -2, 'on_clause': 5, 'subquery': -1, 'table_function': -1, 'table_ref': -1, 'using_clause': 5}
    _SLOT_COUNT = 6

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def terms(self) -> list[FromTerm]: ...
    else:
        terms = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def joins(self) -> list[JoinOperator]: ...
    else:
        joins = _l.Slot(1, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Slot(2, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def as_token(self) -> Token | None: ...
    else:
        as_token = _l.Slot(3, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def alias(self) -> Token | None: ...
    else:
        alias = _l.Slot(4, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def constraint(self) -> JoinConstraint | None: ...
    else:
        constraint = _l.Slot(5, _l.FIRST)

class QualifiedName(QualifiedNameMixin, Node):
    """``qualified_name``: parts:(Name % 'DOT')"""

    __slots__ = ()
    kind = 'qualified_name'
    _PATTERN = '(?P<g1>(?:(?:\u0147|\u0190|\u0157|\u014d)(?:\u012d(?:\u0147|\u0190|\u0157|\u014d))*))'

    @property
    def parts(self) -> list[Token]:
        return self.children[::2]

    @property
    def parts_separators(self) -> list[Token]:
        return self.children[1::2]

class JoinOperator(JoinOperatorMixin, Node):
    """``join_operator``: comma:'COMMA' | keywords:Name* 'JOIN'"""

    __slots__ = ()
    kind = 'join_operator'
    _PATTERN = '(?:(?P<g1>\u011c)|(?P<g2>(?:(?:\u0147|\u0190|\u0157|\u014d))*)(?P<g3>\u0156))'
    _SLOTS: ClassVar[dict[str, int]] = {'COMMA': 0, 'ID': -2, 'INDEXED': -2, 'JOIN': 2, 'JOIN_KW': -2, 'STRING': -2}
    _SLOT_COUNT = 3

    if TYPE_CHECKING:
        @property
        def comma(self) -> Token | None: ...
    else:
        comma = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def keywords(self) -> list[Token]: ...
    else:
        keywords = _l.Slot(1, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def join_token(self) -> Token | None: ...
    else:
        join_token = _l.Slot(2, _l.FIRST)

class OnClause(Node):
    """``on_clause``: 'ON' expr:Expr"""

    __slots__ = ()
    kind = 'on_clause'
    _PATTERN = '(?P<g1>\u016c)(?P<g2>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))'

    if TYPE_CHECKING:
        @property
        def on_token(self) -> Token: ...
    else:
        on_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def expr(self) -> Expr: ...
    else:
        expr = _l.Child(1)

class UsingClause(Node):
    """``using_clause``: 'USING' 'LP' names:(Name % 'COMMA') 'RP'"""

    __slots__ = ()
    kind = 'using_clause'
    _PATTERN = '(?P<g1>\u019c)(?P<g2>\u015d)(?P<g3>(?:(?:\u0147|\u0190|\u0157|\u014d)(?:\u011c(?:\u0147|\u0190|\u0157|\u014d))*))(?P<g4>\u0188)'

    if TYPE_CHECKING:
        @property
        def using_token(self) -> Token: ...
    else:
        using_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Child(1)

    @property
    def names(self) -> list[Token]:
        return self.children[2:-1:2]

    @property
    def names_separators(self) -> list[Token]:
        return self.children[3:-1:2]

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Child(-1)

class IndexedBy(Node):
    """``indexed_by``: 'INDEXED' 'BY' index:Name | 'NOT' 'INDEXED'"""

    __slots__ = ()
    kind = 'indexed_by'
    _PATTERN = '(?:(?P<g1>\u014d)(?P<g2>\u0115)(?P<g3>(?:\u0147|\u0190|\u0157|\u014d))|(?P<g4>\u0165)(?P<g5>\u014d))'
    _SLOTS: ClassVar[dict[str, int]] = {'BY': 0, 'NOT': 1}
    _SLOT_COUNT = 2

    @property
    def indexed_token(self) -> Token:
        return _l.one(self, (1, 5))

    if TYPE_CHECKING:
        @property
        def by_token(self) -> Token | None: ...
    else:
        by_token = _l.Slot(0, _l.FIRST)

    @property
    def index(self) -> Token | None:
        return _l.opt(self, (3,))

    if TYPE_CHECKING:
        @property
        def not_token(self) -> Token | None: ...
    else:
        not_token = _l.Slot(1, _l.FIRST)

class WhereClause(Node):
    """``where_clause``: 'WHERE' expr:Expr"""

    __slots__ = ()
    kind = 'where_clause'
    _PATTERN = '(?P<g1>\u01a3)(?P<g2>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))'

    if TYPE_CHECKING:
        @property
        def where_token(self) -> Token: ...
    else:
        where_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def expr(self) -> Expr: ...
    else:
        expr = _l.Child(1)

class GroupByClause(Node):
    """``group_by_clause``: 'GROUP' 'BY' exprs:(Expr % 'COMMA')"""

    __slots__ = ()
    kind = 'group_by_clause'
    _PATTERN = '(?P<g1>\u0143)(?P<g2>\u0115)(?P<g3>(?:(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c)(?:\u011c(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))*))'

    if TYPE_CHECKING:
        @property
        def group_token(self) -> Token: ...
    else:
        group_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def by_token(self) -> Token: ...
    else:
        by_token = _l.Child(1)

    @property
    def exprs(self) -> list[Expr]:
        return self.children[2::2]

    @property
    def exprs_separators(self) -> list[Token]:
        return self.children[3::2]

class HavingClause(Node):
    """``having_clause``: 'HAVING' expr:Expr"""

    __slots__ = ()
    kind = 'having_clause'
    _PATTERN = '(?P<g1>\u0146)(?P<g2>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))'

    if TYPE_CHECKING:
        @property
        def having_token(self) -> Token: ...
    else:
        having_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def expr(self) -> Expr: ...
    else:
        expr = _l.Child(1)

class OrderByClause(Node):
    """``order_by_clause``: 'ORDER' 'BY' terms:(OrderingTerm % 'COMMA')"""

    __slots__ = ()
    kind = 'order_by_clause'
    _PATTERN = '(?P<g1>\u016e)(?P<g2>\u0115)(?P<g3>(?:\u01e7(?:\u011c\u01e7)*))'

    if TYPE_CHECKING:
        @property
        def order_token(self) -> Token: ...
    else:
        order_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def by_token(self) -> Token: ...
    else:
        by_token = _l.Child(1)

    @property
    def terms(self) -> list[OrderingTerm]:
        return self.children[2::2]

    @property
    def terms_separators(self) -> list[Token]:
        return self.children[3::2]

class OrderingTerm(Node):
    """``ordering_term``: expr:Expr direction:('ASC' | 'DESC')? nulls:('NULLS' ('FIRST' | 'LAST'))?"""

    __slots__ = ()
    kind = 'ordering_term'
    _PATTERN = '(?P<g1>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?P<g2>(?:(?:\u010b|\u0129))?)(?P<g3>(?:\u0169(?:\u013b|\u0159))?)'
    _SLOTS: ClassVar[dict[str, int]] = {'ASC': 0, 'DESC': 0, 'FIRST': -2, 'LAST': -2, 'NULLS': -2}
    _SLOT_COUNT = 2

    if TYPE_CHECKING:
        @property
        def expr(self) -> Expr: ...
    else:
        expr = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def direction(self) -> Token | None: ...
    else:
        direction = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def nulls(self) -> list[Token]: ...
    else:
        nulls = _l.Slot(1, _l.EVERY)

class LimitClause(Node):
    """``limit_clause``: 'LIMIT' exprs:(Expr (separator:('OFFSET' | 'COMMA') Expr)?)"""

    __slots__ = ()
    kind = 'limit_clause'
    _PATTERN = '(?P<g1>\u015c)(?P<g2>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c)(?:(?:\u016b|\u011c)(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))?)'
    _SLOTS: ClassVar[dict[str, int]] = {'COMMA': -2, 'OFFSET': -2, 'between_expr': -1, 'binary_expr': -1, 'case_expr': -1, 'cast_expr': -1, 'collate_expr': -1, 'column_ref': -1, 'exists_expr': -1, 'function_call': -1, 'in_expr': -1, 'is_expr': -1, 'like_expr': -1, 'literal': -1, 'not_expr': -1, 'null_test': -1, 'paren_expr': -1, 'raise_expr': -1, 'row_value': -1, 'subquery_expr': -1, 'unary_expr': -1, 'variable': -1}
    _SLOT_COUNT = 2

    if TYPE_CHECKING:
        @property
        def limit_token(self) -> Token: ...
    else:
        limit_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def exprs(self) -> list[Expr]: ...
    else:
        exprs = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def separator(self) -> list[Token]: ...
    else:
        separator = _l.Slot(1, _l.EVERY)

class WindowClause(Node):
    """``window_clause``: 'WINDOW' definitions:(WindowDefinition % 'COMMA')"""

    __slots__ = ()
    kind = 'window_clause'
    _PATTERN = '(?P<g1>\u01a4)(?P<g2>(?:\u0211(?:\u011c\u0211)*))'

    if TYPE_CHECKING:
        @property
        def window_token(self) -> Token: ...
    else:
        window_token = _l.Child(0)

    @property
    def definitions(self) -> list[WindowDefinition]:
        return self.children[1::2]

    @property
    def definitions_separators(self) -> list[Token]:
        return self.children[2::2]

class WindowDefinition(Node):
    """``window_definition``: name:Name 'AS' 'LP' window:Window? 'RP'"""

    __slots__ = ()
    kind = 'window_definition'
    _PATTERN = '(?P<g1>(?:\u0147|\u0190|\u0157|\u014d))(?P<g2>\u010a)(?P<g3>\u015d)(?P<g4>(?:\u020f)?)(?P<g5>\u0188)'
    _SLOTS: ClassVar[dict[str, int]] = {'window': 0}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def name(self) -> Token: ...
    else:
        name = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def as_token(self) -> Token: ...
    else:
        as_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Child(2)

    if TYPE_CHECKING:
        @property
        def window(self) -> Window | None: ...
    else:
        window = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Child(-1)

class Window(Node):
    """``window``: base:Name? ( 'PARTITION' 'BY' partition_by:(Expr % 'COMMA') order_by:OrderByClause? | 'ORDER' 'BY' order_terms:(OrderingTerm % 'COMMA') )? frame:FrameSpec?"""

    __slots__ = ()
    kind = 'window'
    _PATTERN = '(?P<g1>(?:(?:\u0147|\u0190|\u0157|\u014d))?)(?:(?:(?P<g2>\u0171)(?P<g3>\u0115)(?P<g4>(?:(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c)(?:\u011c(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))*))(?P<g5>(?:\u01e6)?)|(?P<g6>\u016e)(?P<g7>\u0115)(?P<g8>(?:\u01e7(?:\u011c\u01e7)*))))?(?P<g9>(?:\u01d0)?)'
    _SLOTS: ClassVar[dict[str, int]] = {'BY': 2, 'ID': 0, 'INDEXED': 0, 'JOIN_KW': 0, 'ORDER': 5, 'PARTITION': 1, 'STRING': 0, 'between_expr': -4, 'binary_expr': -4, 'case_expr': -4, 'cast_expr': -4, 'collate_expr': -4, 'column_ref': -4, 'exists_expr': -4, 'frame_spec': 7, 'function_call': -4, 'in_expr': -4, 'is_expr': -4, 'like_expr': -4, 'literal': -4, 'not_expr': -4, 'null_test': -4, 'order_by_clause': 4, 'ordering_term': -7, 'paren_expr': -4, 'raise_expr': -4, 'row_value': -4, 'subquery_expr': -4, 'unary_expr': -4, 'variable': -4}
    _SLOT_COUNT = 8

    if TYPE_CHECKING:
        @property
        def base(self) -> Token | None: ...
    else:
        base = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def partition_token(self) -> Token | None: ...
    else:
        partition_token = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def by_token(self) -> Token | None: ...
    else:
        by_token = _l.Slot(2, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def partition_by(self) -> list[Expr]: ...
    else:
        partition_by = _l.Slot(3, _l.EVERY)

    @property
    def partition_by_separators(self) -> list[Token]:
        return _l.sub(self, (4,), _K0)

    if TYPE_CHECKING:
        @property
        def order_by(self) -> OrderByClause | None: ...
    else:
        order_by = _l.Slot(4, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def order_token(self) -> Token | None: ...
    else:
        order_token = _l.Slot(5, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def order_terms(self) -> list[OrderingTerm]: ...
    else:
        order_terms = _l.Slot(6, _l.EVERY)

    @property
    def order_terms_separators(self) -> list[Token]:
        return _l.sub(self, (8,), _K0)

    if TYPE_CHECKING:
        @property
        def frame(self) -> FrameSpec | None: ...
    else:
        frame = _l.Slot(7, _l.FIRST)

class FrameSpec(Node):
    """``frame_spec``: unit:('RANGE' | 'ROWS' | 'GROUPS') ('BETWEEN' start_bound:FrameBound 'AND' end_bound:FrameBound | start_bound:FrameBound) exclude:FrameExclude?"""

    __slots__ = ()
    kind = 'frame_spec'
    _PATTERN = '(?P<g1>(?:\u017b|\u0187|\u0144))(?:(?P<g2>\u0110)(?P<g3>\u01ce)(?P<g4>\u0108)(?P<g5>\u01ce)|(?P<g6>\u01ce))(?P<g7>(?:\u01cf)?)'
    _SLOTS: ClassVar[dict[str, int]] = {'AND': 1, 'BETWEEN': 0, 'frame_exclude': 2}
    _SLOT_COUNT = 3

    if TYPE_CHECKING:
        @property
        def unit(self) -> Token: ...
    else:
        unit = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def between_token(self) -> Token | None: ...
    else:
        between_token = _l.Slot(0, _l.FIRST)

    @property
    def start_bound(self) -> FrameBound:
        return _l.one(self, (3, 6))

    if TYPE_CHECKING:
        @property
        def and_token(self) -> Token | None: ...
    else:
        and_token = _l.Slot(1, _l.FIRST)

    @property
    def end_bound(self) -> FrameBound | None:
        return _l.opt(self, (5,))

    if TYPE_CHECKING:
        @property
        def exclude(self) -> FrameExclude | None: ...
    else:
        exclude = _l.Slot(2, _l.FIRST)

class FrameBound(Node):
    """``frame_bound``: (unbounded:'UNBOUNDED' | expr:Expr | current:'CURRENT') direction:('PRECEDING' | 'FOLLOWING' | 'ROW')"""

    __slots__ = ()
    kind = 'frame_bound'
    _PATTERN = '(?:(?P<g1>\u0198)|(?P<g2>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))|(?P<g3>\u0123))(?P<g4>(?:\u0175|\u013d|\u0186))'
    _SLOTS: ClassVar[dict[str, int]] = {'CURRENT': 2, 'UNBOUNDED': 0, 'between_expr': 1, 'binary_expr': 1, 'case_expr': 1, 'cast_expr': 1, 'collate_expr': 1, 'column_ref': 1, 'exists_expr': 1, 'function_call': 1, 'in_expr': 1, 'is_expr': 1, 'like_expr': 1, 'literal': 1, 'not_expr': 1, 'null_test': 1, 'paren_expr': 1, 'raise_expr': 1, 'row_value': 1, 'subquery_expr': 1, 'unary_expr': 1, 'variable': 1}
    _SLOT_COUNT = 3

    if TYPE_CHECKING:
        @property
        def unbounded(self) -> Token | None: ...
    else:
        unbounded = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def expr(self) -> Expr | None: ...
    else:
        expr = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def current(self) -> Token | None: ...
    else:
        current = _l.Slot(2, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def direction(self) -> Token: ...
    else:
        direction = _l.Child(1)

class FrameExclude(Node):
    """``frame_exclude``: 'EXCLUDE' what:('NO' 'OTHERS' | 'CURRENT' 'ROW' | 'GROUP' | 'TIES')"""

    __slots__ = ()
    kind = 'frame_exclude'
    _PATTERN = '(?P<g1>\u0135)(?P<g2>(?:\u0164\u016f|\u0123\u0186|\u0143|\u0194))'
    _SLOTS: ClassVar[dict[str, int]] = {'CURRENT': -1, 'GROUP': -1, 'NO': -1, 'OTHERS': -1, 'ROW': -1, 'TIES': -1}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def exclude_token(self) -> Token: ...
    else:
        exclude_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def what(self) -> list[Token]: ...
    else:
        what = _l.Slot(0, _l.EVERY)

class ColumnList(Node):
    """``column_list``: 'LP' names:(ColumnName % 'COMMA') 'RP'"""

    __slots__ = ()
    kind = 'column_list'
    _PATTERN = '(?P<g1>\u015d)(?P<g2>(?:\u01b5(?:\u011c\u01b5)*))(?P<g3>\u0188)'

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Child(0)

    @property
    def names(self) -> list[ColumnName]:
        return self.children[1:-1:2]

    @property
    def names_separators(self) -> list[Token]:
        return self.children[2:-1:2]

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Child(-1)

class ColumnName(Node):
    """``column_name``: name:Name ('COLLATE' collation:Collation)? direction:('ASC' | 'DESC')?"""

    __slots__ = ()
    kind = 'column_name'
    _PATTERN = '(?P<g1>(?:\u0147|\u0190|\u0157|\u014d))(?:(?P<g2>\u011a)(?P<g3>(?:\u0147|\u0190)))?(?P<g4>(?:(?:\u010b|\u0129))?)'
    _SLOTS: ClassVar[dict[str, int]] = {'ASC': 1, 'COLLATE': 0, 'DESC': 1}
    _SLOT_COUNT = 2

    if TYPE_CHECKING:
        @property
        def name(self) -> Token: ...
    else:
        name = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def collate_token(self) -> Token | None: ...
    else:
        collate_token = _l.Slot(0, _l.FIRST)

    @property
    def collation(self) -> Token | None:
        return _l.opt(self, (3,))

    if TYPE_CHECKING:
        @property
        def direction(self) -> Token | None: ...
    else:
        direction = _l.Slot(1, _l.FIRST)

class Literal(Node):
    """``literal``: literal_token:('NULL' | 'FLOAT' | 'BLOB' | 'STRING' | 'INTEGER' | 'QNUMBER' | 'CTIME_KW')"""

    __slots__ = ()
    kind = 'literal'
    _PATTERN = '(?P<g1>(?:\u0168|\u013c|\u0114|\u0190|\u0151|\u0178|\u0122))'

    if TYPE_CHECKING:
        @property
        def literal_token(self) -> Token: ...
    else:
        literal_token = _l.Child(0)

class ColumnRef(ColumnRefMixin, Node):
    """``column_ref``: parts:(Name % 'DOT')"""

    __slots__ = ()
    kind = 'column_ref'
    _PATTERN = '(?P<g1>(?:(?:\u0147|\u0190|\u0157|\u014d)(?:\u012d(?:\u0147|\u0190|\u0157|\u014d))*))'

    @property
    def parts(self) -> list[Token]:
        return self.children[::2]

    @property
    def parts_separators(self) -> list[Token]:
        return self.children[1::2]

class Variable(Node):
    """``variable``: 'VARIABLE'"""

    __slots__ = ()
    kind = 'variable'
    _PATTERN = '(?P<g1>\u019f)'

    if TYPE_CHECKING:
        @property
        def variable_token(self) -> Token: ...
    else:
        variable_token = _l.Child(0)

class ParenExpr(Node):
    """``paren_expr``: 'LP' expr:Expr 'RP'"""

    __slots__ = ()
    kind = 'paren_expr'
    _PATTERN = '(?P<g1>\u015d)(?P<g2>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?P<g3>\u0188)'

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def expr(self) -> Expr: ...
    else:
        expr = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Child(2)

class RowValue(Node):
    """``row_value``: 'LP' items:(Expr % 'COMMA') 'RP'"""

    __slots__ = ()
    kind = 'row_value'
    _PATTERN = '(?P<g1>\u015d)(?P<g2>(?:(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c)(?:\u011c(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))*))(?P<g3>\u0188)'

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Child(0)

    @property
    def items(self) -> list[Expr]:
        return self.children[1:-1:2]

    @property
    def items_separators(self) -> list[Token]:
        return self.children[2:-1:2]

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Child(-1)

class BinaryExpr(Node):
    """``binary_expr``: left:Expr op:( 'AND' | 'OR' | 'LT' | 'GT' | 'GE' | 'LE' | 'EQ' | 'NE' | 'BITAND' | 'BITOR' | 'LSHIFT' | 'RSHIFT' | 'PLUS' | 'MINUS' | 'STAR' | 'SLASH' | 'REM' | 'CONCAT' | 'PTR' ) right:Expr"""

    __slots__ = ()
    kind = 'binary_expr'
    _PATTERN = '(?P<g1>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?P<g2>(?:\u0108|\u016d|\u015f|\u0145|\u0141|\u015a|\u0132|\u0163|\u0111|\u0113|\u015e|\u0189|\u0173|\u0162|\u018f|\u018e|\u0180|\u011e|\u0177))(?P<g3>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))'

    if TYPE_CHECKING:
        @property
        def left(self) -> Expr: ...
    else:
        left = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def op(self) -> Token: ...
    else:
        op = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def right(self) -> Expr: ...
    else:
        right = _l.Child(2)

class UnaryExpr(Node):
    """``unary_expr``: op:('BITNOT' | 'PLUS' | 'MINUS') operand:Expr"""

    __slots__ = ()
    kind = 'unary_expr'
    _PATTERN = '(?P<g1>(?:\u0112|\u0173|\u0162))(?P<g2>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))'

    if TYPE_CHECKING:
        @property
        def op(self) -> Token: ...
    else:
        op = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def operand(self) -> Expr: ...
    else:
        operand = _l.Child(1)

class NotExpr(Node):
    """``not_expr``: 'NOT' operand:Expr"""

    __slots__ = ()
    kind = 'not_expr'
    _PATTERN = '(?P<g1>\u0165)(?P<g2>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))'

    if TYPE_CHECKING:
        @property
        def not_token(self) -> Token: ...
    else:
        not_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def operand(self) -> Expr: ...
    else:
        operand = _l.Child(1)

class LikeExpr(LikeExprMixin, Node):
    """``like_expr``: left:Expr 'NOT'? operator:('LIKE_KW' | 'MATCH') right:Expr ('ESCAPE' escape:Expr)?"""

    __slots__ = ()
    kind = 'like_expr'
    _PATTERN = '(?P<g1>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?:(?P<g2>\u0165))?(?P<g3>(?:\u015b|\u0160))(?P<g4>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?:(?P<g5>\u0133)(?P<g6>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c)))?'
    _SLOTS: ClassVar[dict[str, int]] = {'ESCAPE': 2, 'LIKE_KW': 1, 'MATCH': 1, 'NOT': 0}
    _SLOT_COUNT = 3

    if TYPE_CHECKING:
        @property
        def left(self) -> Expr: ...
    else:
        left = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def not_token(self) -> Token | None: ...
    else:
        not_token = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def operator(self) -> Token: ...
    else:
        operator = _l.Slot(1, _l.FIRST)

    @property
    def right(self) -> Expr:
        return _l.one(self, (4,))

    if TYPE_CHECKING:
        @property
        def escape_token(self) -> Token | None: ...
    else:
        escape_token = _l.Slot(2, _l.FIRST)

    @property
    def escape(self) -> Expr | None:
        return _l.opt(self, (6,))

class BetweenExpr(BetweenExprMixin, Node):
    """``between_expr``: operand:Expr 'NOT'? 'BETWEEN' low:Expr 'AND' high:Expr"""

    __slots__ = ()
    kind = 'between_expr'
    _PATTERN = '(?P<g1>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?:(?P<g2>\u0165))?(?P<g3>\u0110)(?P<g4>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?P<g5>\u0108)(?P<g6>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))'
    _SLOTS: ClassVar[dict[str, int]] = {'NOT': 0}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def operand(self) -> Expr: ...
    else:
        operand = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def not_token(self) -> Token | None: ...
    else:
        not_token = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def between_token(self) -> Token: ...
    else:
        between_token = _l.Child(-4)

    if TYPE_CHECKING:
        @property
        def low(self) -> Expr: ...
    else:
        low = _l.Child(-3)

    if TYPE_CHECKING:
        @property
        def and_token(self) -> Token: ...
    else:
        and_token = _l.Child(-2)

    if TYPE_CHECKING:
        @property
        def high(self) -> Expr: ...
    else:
        high = _l.Child(-1)

class InExpr(InExprMixin, Node):
    """``in_expr``: left:Expr 'NOT'? 'IN' ( 'LP' (values:(Expr % 'COMMA') | query:Query)? 'RP' | table:QualifiedName ('LP' args:(Expr % 'COMMA')? 'RP')? )"""

    __slots__ = ()
    kind = 'in_expr'
    _PATTERN = '(?P<g1>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?:(?P<g2>\u0165))?(?P<g3>\u014b)(?:(?P<g4>\u015d)(?:(?:(?P<g5>(?:(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c)(?:\u011c(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))*))|(?P<g6>(?:\u01f7|\u01f8|\u020b))))?(?P<g7>\u0188)|(?P<g8>\u01ed)(?:(?P<g9>\u015d)(?P<g10>(?:(?:(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c)(?:\u011c(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))*))?)(?P<g11>\u0188))?)'
    _SLOTS: ClassVar[dict[str, int]] = {'IN': 1, 'LP': 2, 'NOT': 0, 'RP': 4, 'qualified_name': 5, 'select': 3, 'select_core': 3, 'values': 3}
    _SLOT_COUNT = 6

    if TYPE_CHECKING:
        @property
        def left(self) -> Expr: ...
    else:
        left = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def not_token(self) -> Token | None: ...
    else:
        not_token = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def in_token(self) -> Token: ...
    else:
        in_token = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token | None: ...
    else:
        lp_token = _l.Slot(2, _l.FIRST)

    @property
    def values(self) -> list[Expr]:
        return _l.many(self, (5,), _K0)

    @property
    def values_separators(self) -> list[Token]:
        return _l.sub(self, (5,), _K0)

    if TYPE_CHECKING:
        @property
        def query(self) -> Query | None: ...
    else:
        query = _l.Slot(3, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token | None: ...
    else:
        rp_token = _l.Slot(4, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def table(self) -> QualifiedName | None: ...
    else:
        table = _l.Slot(5, _l.FIRST)

    @property
    def args(self) -> list[Expr]:
        return _l.many(self, (10,), _K0)

    @property
    def args_separators(self) -> list[Token]:
        return _l.sub(self, (10,), _K0)

class IsExpr(Node):
    """``is_expr``: left:Expr 'IS' 'NOT'? ('DISTINCT' 'FROM')? right:Expr"""

    __slots__ = ()
    kind = 'is_expr'
    _PATTERN = '(?P<g1>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?P<g2>\u0154)(?:(?P<g3>\u0165))?(?:(?P<g4>\u012b)(?P<g5>\u0140))?(?P<g6>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))'
    _SLOTS: ClassVar[dict[str, int]] = {'DISTINCT': 1, 'FROM': 2, 'NOT': 0}
    _SLOT_COUNT = 3

    if TYPE_CHECKING:
        @property
        def left(self) -> Expr: ...
    else:
        left = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def is_token(self) -> Token: ...
    else:
        is_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def not_token(self) -> Token | None: ...
    else:
        not_token = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def distinct_token(self) -> Token | None: ...
    else:
        distinct_token = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def from_token(self) -> Token | None: ...
    else:
        from_token = _l.Slot(2, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def right(self) -> Expr: ...
    else:
        right = _l.Child(-1)

class NullTest(Node):
    """``null_test``: operand:Expr op:('ISNULL' | 'NOTNULL' | 'NOT' 'NULL')"""

    __slots__ = ()
    kind = 'null_test'
    _PATTERN = '(?P<g1>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?P<g2>(?:\u0155|\u0167|\u0165\u0168))'
    _SLOTS: ClassVar[dict[str, int]] = {'ISNULL': -1, 'NOT': -1, 'NOTNULL': -1, 'NULL': -1}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def operand(self) -> Expr: ...
    else:
        operand = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def op(self) -> list[Token]: ...
    else:
        op = _l.Slot(0, _l.EVERY)

class CollateExpr(Node):
    """``collate_expr``: expr:Expr 'COLLATE' collation:Collation"""

    __slots__ = ()
    kind = 'collate_expr'
    _PATTERN = '(?P<g1>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?P<g2>\u011a)(?P<g3>(?:\u0147|\u0190))'

    if TYPE_CHECKING:
        @property
        def expr(self) -> Expr: ...
    else:
        expr = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def collate_token(self) -> Token: ...
    else:
        collate_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def collation(self) -> Token: ...
    else:
        collation = _l.Child(2)

class CastExpr(Node):
    """``cast_expr``: 'CAST' 'LP' expr:Expr 'AS' type_name:TypeName? 'RP'"""

    __slots__ = ()
    kind = 'cast_expr'
    _PATTERN = '(?P<g1>\u0118)(?P<g2>\u015d)(?P<g3>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?P<g4>\u010a)(?P<g5>(?:\u0203)?)(?P<g6>\u0188)'
    _SLOTS: ClassVar[dict[str, int]] = {'type_name': 0}
    _SLOT_COUNT = 1

    if TYPE_CHECKING:
        @property
        def cast_token(self) -> Token: ...
    else:
        cast_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def expr(self) -> Expr: ...
    else:
        expr = _l.Child(2)

    if TYPE_CHECKING:
        @property
        def as_token(self) -> Token: ...
    else:
        as_token = _l.Child(3)

    if TYPE_CHECKING:
        @property
        def type_name(self) -> TypeName | None: ...
    else:
        type_name = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Child(-1)

class FunctionCall(FunctionCallMixin, Node):
    """``function_call``: name:('ID' | 'INDEXED' | 'JOIN_KW') 'LP' ( star:'STAR' | quantifier:('DISTINCT' | 'ALL')? args:(Expr % 'COMMA')? order_by:FunctionOrderBy? ) 'RP' within_group:WithinGroup? filter:FilterClause? over:OverClause?"""

    __slots__ = ()
    kind = 'function_call'
    _PATTERN = '(?P<g1>(?:\u0147|\u014d|\u0157))(?P<g2>\u015d)(?:(?P<g3>\u018f)|(?P<g4>(?:(?:\u012b|\u0104))?)(?P<g5>(?:(?:(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c)(?:\u011c(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))*))?)(?P<g6>(?:\u01d3)?))(?P<g7>\u0188)(?P<g8>(?:\u0213)?)(?P<g9>(?:\u01cb)?)(?P<g10>(?:\u01e8)?)'
    _SLOTS: ClassVar[dict[str, int]] = {'ALL': 1, 'COMMA': -4, 'DISTINCT': 1, 'RP': 5, 'STAR': 0, 'between_expr': -3, 'binary_expr': -3, 'case_expr': -3, 'cast_expr': -3, 'collate_expr': -3, 'column_ref': -3, 'exists_expr': -3, 'filter_clause': 7, 'function_call': -3, 'function_order_by': 4, 'in_expr': -3, 'is_expr': -3, 'like_expr': -3, 'literal': -3, 'not_expr': -3, 'null_test': -3, 'over_clause': 8, 'paren_expr': -3, 'raise_expr': -3, 'row_value': -3, 'subquery_expr': -3, 'unary_expr': -3, 'variable': -3, 'within_group': 6}
    _SLOT_COUNT = 9

    if TYPE_CHECKING:
        @property
        def name(self) -> Token: ...
    else:
        name = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def star(self) -> Token | None: ...
    else:
        star = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def quantifier(self) -> Token | None: ...
    else:
        quantifier = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def args(self) -> list[Expr]: ...
    else:
        args = _l.Slot(2, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def args_separators(self) -> list[Token]: ...
    else:
        args_separators = _l.Slot(3, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def order_by(self) -> FunctionOrderBy | None: ...
    else:
        order_by = _l.Slot(4, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Slot(5, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def within_group(self) -> WithinGroup | None: ...
    else:
        within_group = _l.Slot(6, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def filter(self) -> FilterClause | None: ...
    else:
        filter = _l.Slot(7, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def over(self) -> OverClause | None: ...
    else:
        over = _l.Slot(8, _l.FIRST)

class FunctionOrderBy(Node):
    """``function_order_by``: 'ORDER' 'BY' terms:(OrderingTerm % 'COMMA')"""

    __slots__ = ()
    kind = 'function_order_by'
    _PATTERN = '(?P<g1>\u016e)(?P<g2>\u0115)(?P<g3>(?:\u01e7(?:\u011c\u01e7)*))'

    if TYPE_CHECKING:
        @property
        def order_token(self) -> Token: ...
    else:
        order_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def by_token(self) -> Token: ...
    else:
        by_token = _l.Child(1)

    @property
    def terms(self) -> list[OrderingTerm]:
        return self.children[2::2]

    @property
    def terms_separators(self) -> list[Token]:
        return self.children[3::2]

class WithinGroup(Node):
    """``within_group``: 'WITHIN' 'GROUP' 'LP' 'ORDER' 'BY' expr:Expr 'RP'"""

    __slots__ = ()
    kind = 'within_group'
    _PATTERN = '(?P<g1>\u01a6)(?P<g2>\u0143)(?P<g3>\u015d)(?P<g4>\u016e)(?P<g5>\u0115)(?P<g6>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?P<g7>\u0188)'

    if TYPE_CHECKING:
        @property
        def within_token(self) -> Token: ...
    else:
        within_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def group_token(self) -> Token: ...
    else:
        group_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Child(2)

    if TYPE_CHECKING:
        @property
        def order_token(self) -> Token: ...
    else:
        order_token = _l.Child(3)

    if TYPE_CHECKING:
        @property
        def by_token(self) -> Token: ...
    else:
        by_token = _l.Child(4)

    if TYPE_CHECKING:
        @property
        def expr(self) -> Expr: ...
    else:
        expr = _l.Child(5)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Child(6)

class FilterClause(Node):
    """``filter_clause``: 'FILTER' 'LP' 'WHERE' expr:Expr 'RP'"""

    __slots__ = ()
    kind = 'filter_clause'
    _PATTERN = '(?P<g1>\u013a)(?P<g2>\u015d)(?P<g3>\u01a3)(?P<g4>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?P<g5>\u0188)'

    if TYPE_CHECKING:
        @property
        def filter_token(self) -> Token: ...
    else:
        filter_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def where_token(self) -> Token: ...
    else:
        where_token = _l.Child(2)

    if TYPE_CHECKING:
        @property
        def expr(self) -> Expr: ...
    else:
        expr = _l.Child(3)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Child(4)

class OverClause(Node):
    """``over_clause``: 'OVER' ('LP' window:Window? 'RP' | window_name:Name)"""

    __slots__ = ()
    kind = 'over_clause'
    _PATTERN = '(?P<g1>\u0170)(?:(?P<g2>\u015d)(?P<g3>(?:\u020f)?)(?P<g4>\u0188)|(?P<g5>(?:\u0147|\u0190|\u0157|\u014d)))'
    _SLOTS: ClassVar[dict[str, int]] = {'ID': 3, 'INDEXED': 3, 'JOIN_KW': 3, 'LP': 0, 'RP': 2, 'STRING': 3, 'window': 1}
    _SLOT_COUNT = 4

    if TYPE_CHECKING:
        @property
        def over_token(self) -> Token: ...
    else:
        over_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token | None: ...
    else:
        lp_token = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def window(self) -> Window | None: ...
    else:
        window = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token | None: ...
    else:
        rp_token = _l.Slot(2, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def window_name(self) -> Token | None: ...
    else:
        window_name = _l.Slot(3, _l.FIRST)

class CaseExpr(Node):
    """``case_expr``: 'CASE' operand:Expr? whens:WhenClause+ ('ELSE' else_:Expr)? 'END'"""

    __slots__ = ()
    kind = 'case_expr'
    _PATTERN = '(?P<g1>\u0117)(?P<g2>(?:(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))?)(?P<g3>(?:\u020d)+)(?:(?P<g4>\u0130)(?P<g5>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c)))?(?P<g6>\u0131)'
    _SLOTS: ClassVar[dict[str, int]] = {'ELSE': 1, 'when_clause': -1}
    _SLOT_COUNT = 2

    if TYPE_CHECKING:
        @property
        def case_token(self) -> Token: ...
    else:
        case_token = _l.Child(0)

    @property
    def operand(self) -> Expr | None:
        return _l.opt(self, (2,))

    if TYPE_CHECKING:
        @property
        def whens(self) -> list[WhenClause]: ...
    else:
        whens = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def else_token(self) -> Token | None: ...
    else:
        else_token = _l.Slot(1, _l.FIRST)

    @property
    def else_(self) -> Expr | None:
        return _l.opt(self, (5,))

    if TYPE_CHECKING:
        @property
        def end_token(self) -> Token: ...
    else:
        end_token = _l.Child(-1)

class WhenClause(Node):
    """``when_clause``: 'WHEN' condition:Expr 'THEN' result:Expr"""

    __slots__ = ()
    kind = 'when_clause'
    _PATTERN = '(?P<g1>\u01a2)(?P<g2>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))(?P<g3>\u0193)(?P<g4>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))'

    if TYPE_CHECKING:
        @property
        def when_token(self) -> Token: ...
    else:
        when_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def condition(self) -> Expr: ...
    else:
        condition = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def then_token(self) -> Token: ...
    else:
        then_token = _l.Child(2)

    if TYPE_CHECKING:
        @property
        def result(self) -> Expr: ...
    else:
        result = _l.Child(3)

class ExistsExpr(Node):
    """``exists_expr``: 'EXISTS' 'LP' query:Query 'RP'"""

    __slots__ = ()
    kind = 'exists_expr'
    _PATTERN = '(?P<g1>\u0137)(?P<g2>\u015d)(?P<g3>(?:\u01f7|\u01f8|\u020b))(?P<g4>\u0188)'

    if TYPE_CHECKING:
        @property
        def exists_token(self) -> Token: ...
    else:
        exists_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def query(self) -> Query: ...
    else:
        query = _l.Child(2)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Child(3)

class SubqueryExpr(Node):
    """``subquery_expr``: 'LP' query:Query 'RP'"""

    __slots__ = ()
    kind = 'subquery_expr'
    _PATTERN = '(?P<g1>\u015d)(?P<g2>(?:\u01f7|\u01f8|\u020b))(?P<g3>\u0188)'

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def query(self) -> Query: ...
    else:
        query = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Child(2)

class RaiseExpr(Node):
    """``raise_expr``: 'RAISE' 'LP' ('IGNORE' | action:('ROLLBACK' | 'ABORT' | 'FAIL') 'COMMA' message:Expr) 'RP'"""

    __slots__ = ()
    kind = 'raise_expr'
    _PATTERN = '(?P<g1>\u017a)(?P<g2>\u015d)(?:(?P<g3>\u0149)|(?P<g4>(?:\u0185|\u0100|\u0139))(?P<g5>\u011c)(?P<g6>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c)))(?P<g7>\u0188)'
    _SLOTS: ClassVar[dict[str, int]] = {'ABORT': 1, 'COMMA': 2, 'FAIL': 1, 'IGNORE': 0, 'ROLLBACK': 1, 'between_expr': 3, 'binary_expr': 3, 'case_expr': 3, 'cast_expr': 3, 'collate_expr': 3, 'column_ref': 3, 'exists_expr': 3, 'function_call': 3, 'in_expr': 3, 'is_expr': 3, 'like_expr': 3, 'literal': 3, 'not_expr': 3, 'null_test': 3, 'paren_expr': 3, 'raise_expr': 3, 'row_value': 3, 'subquery_expr': 3, 'unary_expr': 3, 'variable': 3}
    _SLOT_COUNT = 4

    if TYPE_CHECKING:
        @property
        def raise_token(self) -> Token: ...
    else:
        raise_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token: ...
    else:
        lp_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def ignore_token(self) -> Token | None: ...
    else:
        ignore_token = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def action(self) -> Token | None: ...
    else:
        action = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def comma_token(self) -> Token | None: ...
    else:
        comma_token = _l.Slot(2, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def message(self) -> Expr | None: ...
    else:
        message = _l.Slot(3, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token: ...
    else:
        rp_token = _l.Child(-1)

class InsertStmt(InsertStmtMixin, Node):
    """``insert_stmt``: with_clause:WithClause? ('INSERT' ('OR' conflict:Resolve)? | replace:'REPLACE') 'INTO' table:TargetTable ('LP' columns:(Name % 'COMMA') 'RP')? (source:Query upserts:UpsertClause* | 'DEFAULT' 'VALUES') returning:ReturningClause?"""

    __slots__ = ()
    kind = 'insert_stmt'
    _PATTERN = '(?P<g1>(?:\u0212)?)(?:(?P<g2>\u014f)(?:(?P<g3>\u016d)(?P<g4>(?:\u0185|\u0100|\u0139|\u0149|\u0182)))?|(?P<g5>\u0182))(?P<g6>\u0153)(?P<g7>\u0201)(?:(?P<g8>\u015d)(?P<g9>(?:(?:\u0147|\u0190|\u0157|\u014d)(?:\u011c(?:\u0147|\u0190|\u0157|\u014d))*))(?P<g10>\u0188))?(?:(?P<g11>(?:\u01f7|\u01f8|\u020b))(?P<g12>(?:\u0207)*)|(?P<g13>\u0125)(?P<g14>\u019e))(?P<g15>(?:\u01f3)?)'
    _SLOTS: ClassVar[dict[str, int]] = {'COMMA': -8, 'DEFAULT': 11, 'ID': -7, 'INDEXED': -7, 'INSERT': 1, 'INTO': 3, 'JOIN_KW': -7, 'LP': 5, 'OR': 2, 'RP': 8, 'STRING': -7, 'VALUES': 12, 'returning_clause': 13, 'select': 9, 'select_core': 9, 'target_table': 4, 'upsert_clause': -11, 'values': 9, 'with_clause': 0}
    _SLOT_COUNT = 14

    if TYPE_CHECKING:
        @property
        def with_clause(self) -> WithClause | None: ...
    else:
        with_clause = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def insert_token(self) -> Token | None: ...
    else:
        insert_token = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def or_token(self) -> Token | None: ...
    else:
        or_token = _l.Slot(2, _l.FIRST)

    @property
    def conflict(self) -> Token | None:
        return _l.opt(self, (4,))

    @property
    def replace(self) -> Token | None:
        return _l.opt(self, (5,))

    if TYPE_CHECKING:
        @property
        def into_token(self) -> Token: ...
    else:
        into_token = _l.Slot(3, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def table(self) -> TargetTable: ...
    else:
        table = _l.Slot(4, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token | None: ...
    else:
        lp_token = _l.Slot(5, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def columns(self) -> list[Token]: ...
    else:
        columns = _l.Slot(6, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def columns_separators(self) -> list[Token]: ...
    else:
        columns_separators = _l.Slot(7, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token | None: ...
    else:
        rp_token = _l.Slot(8, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def source(self) -> Query | None: ...
    else:
        source = _l.Slot(9, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def upserts(self) -> list[UpsertClause]: ...
    else:
        upserts = _l.Slot(10, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def default_token(self) -> Token | None: ...
    else:
        default_token = _l.Slot(11, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def values_token(self) -> Token | None: ...
    else:
        values_token = _l.Slot(12, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def returning(self) -> ReturningClause | None: ...
    else:
        returning = _l.Slot(13, _l.FIRST)

class UpdateStmt(Node):
    """``update_stmt``: with_clause:WithClause? 'UPDATE' ('OR' conflict:Resolve)? table:TargetTable indexed_by:IndexedBy? 'SET' assignments:(SetItem % 'COMMA') from_clause:FromClause? where:WhereClause? returning:ReturningClause? order_by:OrderByClause? limit:LimitClause?"""

    __slots__ = ()
    kind = 'update_stmt'
    _PATTERN = '(?P<g1>(?:\u0212)?)(?P<g2>\u019b)(?:(?P<g3>\u016d)(?P<g4>(?:\u0185|\u0100|\u0139|\u0149|\u0182)))?(?P<g5>\u0201)(?P<g6>(?:\u01d8)?)(?P<g7>\u018d)(?P<g8>(?:\u01f9(?:\u011c\u01f9)*))(?P<g9>(?:\u01d1)?)(?P<g10>(?:\u020e)?)(?P<g11>(?:\u01f3)?)(?P<g12>(?:\u01e6)?)(?P<g13>(?:\u01de)?)'
    _SLOTS: ClassVar[dict[str, int]] = {'ABORT': 3, 'COMMA': -9, 'FAIL': 3, 'IGNORE': 3, 'OR': 2, 'REPLACE': 3, 'ROLLBACK': 3, 'SET': 6, 'UPDATE': 1, 'from_clause': 9, 'indexed_by': 5, 'limit_clause': 13, 'order_by_clause': 12, 'returning_clause': 11, 'set_item': -8, 'target_table': 4, 'where_clause': 10, 'with_clause': 0}
    _SLOT_COUNT = 14

    if TYPE_CHECKING:
        @property
        def with_clause(self) -> WithClause | None: ...
    else:
        with_clause = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def update_token(self) -> Token: ...
    else:
        update_token = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def or_token(self) -> Token | None: ...
    else:
        or_token = _l.Slot(2, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def conflict(self) -> Token | None: ...
    else:
        conflict = _l.Slot(3, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def table(self) -> TargetTable: ...
    else:
        table = _l.Slot(4, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def indexed_by(self) -> IndexedBy | None: ...
    else:
        indexed_by = _l.Slot(5, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def set_token(self) -> Token: ...
    else:
        set_token = _l.Slot(6, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def assignments(self) -> list[SetItem]: ...
    else:
        assignments = _l.Slot(7, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def assignments_separators(self) -> list[Token]: ...
    else:
        assignments_separators = _l.Slot(8, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def from_clause(self) -> FromClause | None: ...
    else:
        from_clause = _l.Slot(9, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def where(self) -> WhereClause | None: ...
    else:
        where = _l.Slot(10, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def returning(self) -> ReturningClause | None: ...
    else:
        returning = _l.Slot(11, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def order_by(self) -> OrderByClause | None: ...
    else:
        order_by = _l.Slot(12, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def limit(self) -> LimitClause | None: ...
    else:
        limit = _l.Slot(13, _l.FIRST)

class DeleteStmt(Node):
    """``delete_stmt``: with_clause:WithClause? 'DELETE' 'FROM' table:TargetTable indexed_by:IndexedBy? where:WhereClause? returning:ReturningClause? order_by:OrderByClause? limit:LimitClause?"""

    __slots__ = ()
    kind = 'delete_stmt'
    _PATTERN = '(?P<g1>(?:\u0212)?)(?P<g2>\u0128)(?P<g3>\u0140)(?P<g4>\u0201)(?P<g5>(?:\u01d8)?)(?P<g6>(?:\u020e)?)(?P<g7>(?:\u01f3)?)(?P<g8>(?:\u01e6)?)(?P<g9>(?:\u01de)?)'
    _SLOTS: ClassVar[dict[str, int]] = {'DELETE': 1, 'FROM': 2, 'indexed_by': 4, 'limit_clause': 8, 'order_by_clause': 7, 'returning_clause': 6, 'target_table': 3, 'where_clause': 5, 'with_clause': 0}
    _SLOT_COUNT = 9

    if TYPE_CHECKING:
        @property
        def with_clause(self) -> WithClause | None: ...
    else:
        with_clause = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def delete_token(self) -> Token: ...
    else:
        delete_token = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def from_token(self) -> Token: ...
    else:
        from_token = _l.Slot(2, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def table(self) -> TargetTable: ...
    else:
        table = _l.Slot(3, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def indexed_by(self) -> IndexedBy | None: ...
    else:
        indexed_by = _l.Slot(4, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def where(self) -> WhereClause | None: ...
    else:
        where = _l.Slot(5, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def returning(self) -> ReturningClause | None: ...
    else:
        returning = _l.Slot(6, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def order_by(self) -> OrderByClause | None: ...
    else:
        order_by = _l.Slot(7, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def limit(self) -> LimitClause | None: ...
    else:
        limit = _l.Slot(8, _l.FIRST)

class TargetTable(TargetTableMixin, Node):
    """``target_table``: parts:(Name % 'DOT') ('AS' alias:Name)?"""

    __slots__ = ()
    kind = 'target_table'
    _PATTERN = '(?P<g1>(?:(?:\u0147|\u0190|\u0157|\u014d)(?:\u012d(?:\u0147|\u0190|\u0157|\u014d))*))(?:(?P<g2>\u010a)(?P<g3>(?:\u0147|\u0190|\u0157|\u014d)))?'
    _SLOTS: ClassVar[dict[str, int]] = {'AS': 1, 'DOT': -1}
    _SLOT_COUNT = 2

    @property
    def parts(self) -> list[Token]:
        return _l.many(self, (1,), _K4)

    if TYPE_CHECKING:
        @property
        def parts_separators(self) -> list[Token]: ...
    else:
        parts_separators = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def as_token(self) -> Token | None: ...
    else:
        as_token = _l.Slot(1, _l.FIRST)

    @property
    def alias(self) -> Token | None:
        return _l.opt(self, (3,))

class SetItem(Node):
    """``set_item``: (columns:Name | 'LP' columns:(Name % 'COMMA') 'RP') 'EQ' value:Expr"""

    __slots__ = ()
    kind = 'set_item'
    _PATTERN = '(?:(?P<g1>(?:\u0147|\u0190|\u0157|\u014d))|(?P<g2>\u015d)(?P<g3>(?:(?:\u0147|\u0190|\u0157|\u014d)(?:\u011c(?:\u0147|\u0190|\u0157|\u014d))*))(?P<g4>\u0188))(?P<g5>\u0132)(?P<g6>(?:\u01ac|\u01ad|\u01ae|\u01af|\u01b2|\u01b6|\u01c9|\u01d2|\u01d7|\u01da|\u01dd|\u01df|\u01e1|\u01e4|\u01e9|\u01ee|\u01f5|\u01fd|\u0204|\u020c))'
    _SLOTS: ClassVar[dict[str, int]] = {'COMMA': -3, 'ID': -1, 'INDEXED': -1, 'JOIN_KW': -1, 'LP': 1, 'RP': 3, 'STRING': -1}
    _SLOT_COUNT = 4

    if TYPE_CHECKING:
        @property
        def columns(self) -> list[Token]: ...
    else:
        columns = _l.Slot(0, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token | None: ...
    else:
        lp_token = _l.Slot(1, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def columns_separators(self) -> list[Token]: ...
    else:
        columns_separators = _l.Slot(2, _l.EVERY)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token | None: ...
    else:
        rp_token = _l.Slot(3, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def eq_token(self) -> Token: ...
    else:
        eq_token = _l.Child(-2)

    if TYPE_CHECKING:
        @property
        def value(self) -> Expr: ...
    else:
        value = _l.Child(-1)

class UpsertClause(UpsertClauseMixin, Node):
    """``upsert_clause``: 'ON' 'CONFLICT' ('LP' target:(OrderingTerm % 'COMMA') 'RP' target_where:WhereClause?)? 'DO' ('NOTHING' | 'UPDATE' 'SET' assignments:(SetItem % 'COMMA') where:WhereClause?)"""

    __slots__ = ()
    kind = 'upsert_clause'
    _PATTERN = '(?P<g1>\u016c)(?P<g2>\u011f)(?:(?P<g3>\u015d)(?P<g4>(?:\u01e7(?:\u011c\u01e7)*))(?P<g5>\u0188)(?P<g6>(?:\u020e)?))?(?P<g7>\u012c)(?:(?P<g8>\u0166)|(?P<g9>\u019b)(?P<g10>\u018d)(?P<g11>(?:\u01f9(?:\u011c\u01f9)*))(?P<g12>(?:\u020e)?))'
    _SLOTS: ClassVar[dict[str, int]] = {'DO': 3, 'LP': 0, 'NOTHING': 4, 'RP': 2, 'SET': 6, 'UPDATE': 5, 'ordering_term': -2, 'set_item': -8}
    _SLOT_COUNT = 8

    if TYPE_CHECKING:
        @property
        def on_token(self) -> Token: ...
    else:
        on_token = _l.Child(0)

    if TYPE_CHECKING:
        @property
        def conflict_token(self) -> Token: ...
    else:
        conflict_token = _l.Child(1)

    if TYPE_CHECKING:
        @property
        def lp_token(self) -> Token | None: ...
    else:
        lp_token = _l.Slot(0, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def target(self) -> list[OrderingTerm]: ...
    else:
        target = _l.Slot(1, _l.EVERY)

    @property
    def target_separators(self) -> list[Token]:
        return _l.sub(self, (4,), _K0)

    if TYPE_CHECKING:
        @property
        def rp_token(self) -> Token | None: ...
    else:
        rp_token = _l.Slot(2, _l.FIRST)

    @property
    def target_where(self) -> WhereClause | None:
        return _l.opt(self, (6,))

    if TYPE_CHECKING:
        @property
        def do_token(self) -> Token: ...
    else:
        do_token = _l.Slot(3, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def nothing_token(self) -> Token | None: ...
    else:
        nothing_token = _l.Slot(4, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def update_token(self) -> Token | None: ...
    else:
        update_token = _l.Slot(5, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def set_token(self) -> Token | None: ...
    else:
        set_token = _l.Slot(6, _l.FIRST)

    if TYPE_CHECKING:
        @property
        def assignments(self) -> list[SetItem]: ...
    else:
        assignments = _l.Slot(7, _l.EVERY)

    @property
    def assignments_separators(self) -> list[Token]:
        return _l.sub(self, (11,), _K0)

    @property
    def where(self) -> WhereClause | None:
        return _l.opt(self, (12,))

class ReturningClause(Node):
    """``returning_clause``: 'RETURNING' columns:(ResultColumn % 'COMMA')"""

    __slots__ = ()
    kind = 'returning_clause'
    _PATTERN = '(?P<g1>\u0184)(?P<g2>(?:\u01f2(?:\u011c\u01f2)*))'

    if TYPE_CHECKING:
        @property
        def returning_token(self) -> Token: ...
    else:
        returning_token = _l.Child(0)

    @property
    def columns(self) -> list[ResultColumn]:
        return self.children[1::2]

    @property
    def columns_separators(self) -> list[Token]:
        return self.children[2::2]


_K0 = frozenset({'COMMA'})
_K1 = frozenset({'SEMI'})
_K2 = frozenset({'compound_operator'})
_K3 = frozenset({'join_operator'})
_K4 = frozenset({'DOT'})
_K5 = frozenset({'COMMA', 'OFFSET'})


Expr = BetweenExpr | BinaryExpr | CaseExpr | CastExpr | CollateExpr | ColumnRef | ExistsExpr | FunctionCall | InExpr | IsExpr | LikeExpr | Literal | NotExpr | NullTest | ParenExpr | RaiseExpr | RowValue | SubqueryExpr | UnaryExpr | Variable
Query = Select | SelectCore | Values
OneSelect = SelectCore | Values
Cmd = AlterTableStmt | AnalyzeStmt | AttachStmt | BeginStmt | CommitStmt | CreateIndexStmt | CreateTableStmt | CreateTriggerStmt | CreateViewStmt | CreateVirtualTableStmt | DeleteStmt | DetachStmt | DropIndexStmt | DropTableStmt | DropTriggerStmt | DropViewStmt | InsertStmt | PragmaStmt | ReindexStmt | ReleaseStmt | RollbackStmt | SavepointStmt | Select | SelectCore | UpdateStmt | VacuumStmt | Values
TriggerCmd = DeleteStmt | InsertStmt | Select | SelectCore | UpdateStmt | Values
FromTerm = JoinGroup | Subquery | TableFunction | TableRef
JoinConstraint = OnClause | UsingClause
ColumnConstraint = CheckConstraint | CollateConstraint | ConstraintName | DefaultConstraint | DeferSubclause | ForeignKeyClause | GeneratedConstraint | NotNullConstraint | NullConstraint | PrimaryKeyConstraint | UniqueConstraint
TableConstraint = CheckConstraint | ConstraintName | ForeignKeyConstraint | PrimaryKeyConstraint | UniqueConstraint

CLASSES: dict[str, type[Node]] = {
    'source_file': SourceFile,
    'error': ErrorStatement,
    'stmt': Statement,
    'explain': Explain,
    'begin_stmt': BeginStmt,
    'commit_stmt': CommitStmt,
    'rollback_stmt': RollbackStmt,
    'savepoint_stmt': SavepointStmt,
    'release_stmt': ReleaseStmt,
    'create_table_stmt': CreateTableStmt,
    'table_option': TableOption,
    'column_def': ColumnDef,
    'type_name': TypeName,
    'constraint_name': ConstraintName,
    'primary_key_constraint': PrimaryKeyConstraint,
    'unique_constraint': UniqueConstraint,
    'check_constraint': CheckConstraint,
    'not_null_constraint': NotNullConstraint,
    'null_constraint': NullConstraint,
    'default_constraint': DefaultConstraint,
    'collate_constraint': CollateConstraint,
    'generated_constraint': GeneratedConstraint,
    'foreign_key_clause': ForeignKeyClause,
    'foreign_key_constraint': ForeignKeyConstraint,
    'refarg': Refarg,
    'defer_subclause': DeferSubclause,
    'drop_table_stmt': DropTableStmt,
    'create_view_stmt': CreateViewStmt,
    'drop_view_stmt': DropViewStmt,
    'create_index_stmt': CreateIndexStmt,
    'drop_index_stmt': DropIndexStmt,
    'create_trigger_stmt': CreateTriggerStmt,
    'trigger_header': TriggerHeader,
    'drop_trigger_stmt': DropTriggerStmt,
    'create_virtual_table_stmt': CreateVirtualTableStmt,
    'module_argument': ModuleArgument,
    'alter_table_stmt': AlterTableStmt,
    'attach_stmt': AttachStmt,
    'detach_stmt': DetachStmt,
    'vacuum_stmt': VacuumStmt,
    'pragma_stmt': PragmaStmt,
    'pragma_value': PragmaValue,
    'reindex_stmt': ReindexStmt,
    'analyze_stmt': AnalyzeStmt,
    'select': Select,
    'with_clause': WithClause,
    'common_table_expression': CommonTableExpression,
    'compound_operator': CompoundOperator,
    'select_core': SelectCore,
    'values': Values,
    'value_row': ValueRow,
    'result_column': ResultColumn,
    'from_clause': FromClause,
    'table_ref': TableRef,
    'table_function': TableFunction,
    'subquery': Subquery,
    'join_group': JoinGroup,
    'qualified_name': QualifiedName,
    'join_operator': JoinOperator,
    'on_clause': OnClause,
    'using_clause': UsingClause,
    'indexed_by': IndexedBy,
    'where_clause': WhereClause,
    'group_by_clause': GroupByClause,
    'having_clause': HavingClause,
    'order_by_clause': OrderByClause,
    'ordering_term': OrderingTerm,
    'limit_clause': LimitClause,
    'window_clause': WindowClause,
    'window_definition': WindowDefinition,
    'window': Window,
    'frame_spec': FrameSpec,
    'frame_bound': FrameBound,
    'frame_exclude': FrameExclude,
    'column_list': ColumnList,
    'column_name': ColumnName,
    'literal': Literal,
    'column_ref': ColumnRef,
    'variable': Variable,
    'paren_expr': ParenExpr,
    'row_value': RowValue,
    'binary_expr': BinaryExpr,
    'unary_expr': UnaryExpr,
    'not_expr': NotExpr,
    'like_expr': LikeExpr,
    'between_expr': BetweenExpr,
    'in_expr': InExpr,
    'is_expr': IsExpr,
    'null_test': NullTest,
    'collate_expr': CollateExpr,
    'cast_expr': CastExpr,
    'function_call': FunctionCall,
    'function_order_by': FunctionOrderBy,
    'within_group': WithinGroup,
    'filter_clause': FilterClause,
    'over_clause': OverClause,
    'case_expr': CaseExpr,
    'when_clause': WhenClause,
    'exists_expr': ExistsExpr,
    'subquery_expr': SubqueryExpr,
    'raise_expr': RaiseExpr,
    'insert_stmt': InsertStmt,
    'update_stmt': UpdateStmt,
    'delete_stmt': DeleteStmt,
    'target_table': TargetTable,
    'set_item': SetItem,
    'upsert_clause': UpsertClause,
    'returning_clause': ReturningClause,
}

__all__ = [
    'AlterTableStmt',
    'AnalyzeStmt',
    'AttachStmt',
    'BeginStmt',
    'BetweenExpr',
    'BinaryExpr',
    'CLASSES',
    'CaseExpr',
    'CastExpr',
    'CheckConstraint',
    'Cmd',
    'CollateConstraint',
    'CollateExpr',
    'ColumnConstraint',
    'ColumnDef',
    'ColumnList',
    'ColumnName',
    'ColumnRef',
    'CommitStmt',
    'CommonTableExpression',
    'CompoundOperator',
    'ConstraintName',
    'CreateIndexStmt',
    'CreateTableStmt',
    'CreateTriggerStmt',
    'CreateViewStmt',
    'CreateVirtualTableStmt',
    'DefaultConstraint',
    'DeferSubclause',
    'DeleteStmt',
    'DetachStmt',
    'DropIndexStmt',
    'DropTableStmt',
    'DropTriggerStmt',
    'DropViewStmt',
    'ErrorStatement',
    'ExistsExpr',
    'Explain',
    'Expr',
    'FilterClause',
    'ForeignKeyClause',
    'ForeignKeyConstraint',
    'FrameBound',
    'FrameExclude',
    'FrameSpec',
    'FromClause',
    'FromTerm',
    'FunctionCall',
    'FunctionOrderBy',
    'GeneratedConstraint',
    'GroupByClause',
    'HavingClause',
    'InExpr',
    'IndexedBy',
    'InsertStmt',
    'IsExpr',
    'JoinConstraint',
    'JoinGroup',
    'JoinOperator',
    'KIND_CODES',
    'LikeExpr',
    'LimitClause',
    'Literal',
    'ModuleArgument',
    'NotExpr',
    'NotNullConstraint',
    'NullConstraint',
    'NullTest',
    'OnClause',
    'OneSelect',
    'OrderByClause',
    'OrderingTerm',
    'OverClause',
    'ParenExpr',
    'PragmaStmt',
    'PragmaValue',
    'PrimaryKeyConstraint',
    'QualifiedName',
    'Query',
    'RaiseExpr',
    'Refarg',
    'ReindexStmt',
    'ReleaseStmt',
    'ResultColumn',
    'ReturningClause',
    'RollbackStmt',
    'RowValue',
    'SavepointStmt',
    'Select',
    'SelectCore',
    'SetItem',
    'SourceFile',
    'Statement',
    'Subquery',
    'SubqueryExpr',
    'TableConstraint',
    'TableFunction',
    'TableOption',
    'TableRef',
    'TargetTable',
    'TriggerCmd',
    'TriggerHeader',
    'TypeName',
    'UnaryExpr',
    'UniqueConstraint',
    'UpdateStmt',
    'UpsertClause',
    'UsingClause',
    'VacuumStmt',
    'ValueRow',
    'Values',
    'Variable',
    'WhenClause',
    'WhereClause',
    'Window',
    'WindowClause',
    'WindowDefinition',
    'WithClause',
    'WithinGroup',
]
