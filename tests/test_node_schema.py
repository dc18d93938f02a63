"""The tree's schema (grammar/nodes.ungram) fits the grammar, the generated
classes are current, and every node of real trees fits its class."""

from __future__ import annotations

import re

import pytest

from syntaqlite import parse
from syntaqlite.syntax.cst import Node
from syntaqlite.syntax.nodes import CLASSES, KIND_CODES, OTHER_TOKEN, InExpr, layout
from syntaqlite_dev import gen_nodes
from tests.conftest import load_sample


@pytest.fixture(scope="module")
def built() -> tuple[str, list[str]]:
    return gen_nodes.build()


def test_schema_fits_every_production(built: tuple[str, list[str]]) -> None:
    _source, problems = built
    assert not problems, "\n".join(problems)


def test_generated_classes_are_current(built: tuple[str, list[str]]) -> None:
    source, _problems = built
    assert gen_nodes.OUTPUT_PATH.read_text(encoding="utf-8") == source, (
        "syntaqlite/syntax/nodes/generated.py is stale: run python -m syntaqlite_dev.gen_nodes"
    )


def _check(text: str) -> list[str]:
    schema = gen_nodes.read_schema(text)
    productions, tokens = gen_nodes.grammar_sequences()
    return gen_nodes.check_grammar(schema, gen_nodes.Compiler(schema, tokens), productions)


def test_a_schema_that_misses_a_production_is_refused_naming_it() -> None:
    text = gen_nodes.SCHEMA_PATH.read_text(encoding="utf-8")
    narrowed = text.replace(
        "left:Expr 'NOT'? operator:('LIKE_KW' | 'MATCH')", "left:Expr operator:('LIKE_KW' | 'MATCH')"
    )
    assert narrowed != text
    problems = _check(narrowed)
    assert problems
    assert all("like_expr" in p for p in problems), problems
    assert any("_likeop" in p and "NOT" in p for p in problems), problems


def test_a_kind_without_schema_entry_is_refused() -> None:
    text = gen_nodes.SCHEMA_PATH.read_text(encoding="utf-8")
    start = text.index("WhenClause(when_clause)")
    end = text.index("\n\n", start)
    missing = text[:start] + text[end:]
    with pytest.raises(gen_nodes.SchemaError, match="WhenClause"):
        _check(missing)


def test_fields_that_would_hide_node_methods_are_refused() -> None:
    text = gen_nodes.SCHEMA_PATH.read_text(encoding="utf-8")
    clashing = text.replace("'WHERE' expr:Expr\n", "'WHERE' start:Expr\n", 1)
    assert clashing != text
    with pytest.raises(gen_nodes.SchemaError, match=r"hide Node\.start"):
        _check(clashing)


def test_every_kind_has_a_class() -> None:
    from syntaqlite.syntax import _tables

    built_kinds = {kind for _lhs, _n, kind, mode, _shape in _tables.RULES if mode == "node"}
    assert built_kinds - {
        "cmd",
        "expr",
        "column_constraint",
        "trigger_cmd",
        "frame_bound_s",
        "frame_bound_e",
    } <= set(CLASSES)


def test_every_node_of_the_corpus_fits_its_class() -> None:
    seen: set[str] = set()
    for row in load_sample("real"):
        result = parse(row["sql"])
        for node in result.root.walk():
            spans = layout.match(node)  # raises SchemaMismatch when a node does not fit
            # the spans kept for the node's shape are the pattern's
            shape = "".join(KIND_CODES.get(c.kind, OTHER_TOKEN) for c in node.children)
            direct = re.fullmatch(type(node)._PATTERN, shape, re.S)  # type: ignore[attr-defined]
            assert direct is not None and spans == direct.regs, type(node).__name__
            covered: set[int] = set()
            for start, end in spans[1:]:
                if start >= 0:
                    covered.update(range(start, end))
            assert covered == set(range(len(node.children))), f"{type(node).__name__}: a child is in no field"
            seen.add(node.kind)
    assert len(seen) > 80, sorted(set(CLASSES) - seen)


def test_patterns_compile_over_an_alphabet_below_u0100() -> None:
    """Each class's pattern is compiled over local codes below U+0100 (sets
    of them are 256-bit maps, cheap to build), and it matches exactly as
    the pattern over KIND_CODES does, on every node of the corpus."""
    from syntaqlite.syntax.nodes import KIND_CODES, OTHER_TOKEN

    for cls in set(CLASSES.values()):
        pattern, codes, other = layout._compile(cls._PATTERN)  # type: ignore[attr-defined]
        assert max(pattern.pattern) < "\u0100", cls.__name__
        assert set(codes) == set(KIND_CODES)
        source: str = cls._PATTERN  # type: ignore[attr-defined]
        named = re.sub(r"\(\?P<g[0-9]+>", "(", pattern.pattern)  # the codes and the syntax around them
        for kind, code in [*KIND_CODES.items(), ("(not a kind)", OTHER_TOKEN)]:
            local = codes.get(kind, other)
            # a kind the pattern does not name has a code the pattern does not name
            assert (code in source) == (local in named), (cls.__name__, kind)
    originals = {cls: re.compile(cls._PATTERN, re.S) for cls in set(CLASSES.values())}  # type: ignore[attr-defined]
    seen = 0
    for row in load_sample("real")[:3000]:
        for node in parse(row["sql"]).root.walk():
            m = layout.match(node)
            codes = "".join(KIND_CODES.get(c.kind, OTHER_TOKEN) for c in node.children)
            original = originals[type(node)].fullmatch(codes)
            assert original is not None
            assert m == original.regs, type(node).__name__
            seen += 1
    assert seen > 10_000


def test_shapes_kept_are_bounded() -> None:
    """Lists of many lengths are many shapes: a class keeps at most
    _SHAPES_KEPT of them, and reads stay right past that."""
    for n in range(1, layout._SHAPES_KEPT + 100):
        stmt = parse(f"SELECT x IN ({', '.join(map(str, range(n)))})").statements[0]
        node = next(d for d in stmt.walk() if isinstance(d, InExpr))
        assert [v.first_token.text for v in node.values] == [str(i) for i in range(n)]
        assert len(node.values_separators) == n - 1
        assert len(layout._shapes[InExpr]) <= layout._SHAPES_KEPT


def test_fields_read_the_right_children() -> None:
    result = parse(
        "WITH c(x) AS (SELECT 1) SELECT DISTINCT a AS b, t.* FROM t AS u LEFT JOIN v USING (k) "
        "WHERE a NOT BETWEEN 1 AND 2 ORDER BY a DESC LIMIT 5 OFFSET 2;"
    )
    select = result.statements[0].body
    assert type(select).__name__ == "Select"
    core = select.cores[0]  # type: ignore[attr-defined]
    assert core.distinct.text == "DISTINCT"
    assert [c.alias.text if c.alias else None for c in core.columns] == ["b", None]
    assert core.columns[1].table.text == "t" and core.columns[1].star is not None
    assert [t.text for t in core.columns_separators] == [","]
    terms = core.from_clause.terms
    assert [t.name.value for t in terms] == ["t", "v"]
    assert terms[0].alias.text == "u"
    assert core.from_clause.joins[0].words == ["LEFT", "JOIN"]
    assert [n.text for n in terms[1].constraint.names] == ["k"]
    between = core.where.expr
    assert between.negated and [o.text(result.source) for o in between.operands] == ["a", "1", "2"]
    assert core.order_by.terms[0].direction.text == "DESC"
    assert core.limit.separator[0].text == "OFFSET"
    assert [e.text(result.source) for e in core.limit.exprs] == ["5", "2"]
    cte = select.with_clause.ctes[0]
    assert cte.name.text == "c" and [n.name.text for n in cte.columns.names] == ["x"]


def test_nodes_are_the_generated_classes() -> None:
    result = parse("SELECT 1;")
    for node in result.root.walk():
        assert isinstance(node, Node)
        assert type(node) is CLASSES[node.kind]


def test_kind_keyed_tables_of_the_parser_name_real_kinds() -> None:
    """The grammar-action hooks and the feature table name node kinds as
    strings (the driver builds nodes by kind); each must be a real one."""
    from syntaqlite.syntax.actions import HOOKS
    from syntaqlite.syntax.features import FEATURES

    assert set(HOOKS) <= set(CLASSES), set(HOOKS) - set(CLASSES)
    for feature in FEATURES:
        assert set(feature.kinds) <= set(CLASSES), (feature.key, set(feature.kinds) - set(CLASSES))


def test_fast_field_reads_agree_with_the_pattern() -> None:
    """Fields at a fixed child index, or whose kinds no other field holds,
    are read without the pattern; on real trees they must give what the
    pattern gives."""
    schema = gen_nodes.read_schema(gen_nodes.SCHEMA_PATH.read_text(encoding="utf-8"))
    _productions, tokens = gen_nodes.grammar_sequences()
    source = gen_nodes.generate(schema, gen_nodes.Compiler(schema, tokens), fast=False)
    import syntaqlite.syntax.nodes as package

    reference: dict[str, object] = {
        "__name__": "syntaqlite.syntax.nodes._reference",
        "__package__": package.__name__,
    }
    exec(compile(source, "<reference nodes>", "exec"), reference)
    ref_classes: dict[str, type[Node]] = reference["CLASSES"]  # type: ignore[assignment]
    compared = 0
    for row in load_sample("real")[:1500]:
        for node in parse(row["sql"]).root.walk():
            ref = ref_classes[node.kind](node.children)
            for name, value in vars(type(node)).items():
                if isinstance(value, (property, layout.Slot, layout.Child)):
                    assert getattr(node, name) == getattr(ref, name), (node.kind, name, row["sql"])
                    compared += 1
    assert compared > 10_000
