"""Generate the typed node classes from ``grammar/nodes.ungram`` and check the
schema against the grammar.

Run ``python -m syntaqlite_dev.gen_nodes`` after editing the schema or the
grammar; it rewrites ``syntaqlite/syntax/nodes/generated.py``.  ``--check``
only checks (the schema against the grammar, and that the generated module is
current), as ``tests/test_node_schema.py`` does.

The schema language is described at the top of ``grammar/nodes.ungram``.  A
rule is compiled to a regular expression over a node's children, each child
written as one character (its kind's code, see ``KIND_CODES`` in the generated
module); every field is a capturing group.  At run time a node matches its
class's pattern once (lazily) and each property reads its group's span.

The grammar check expands every production of every node kind into the child
sequences it can build (spliced rules inlined, recursion unrolled a bounded
number of times, pass-through symbols standing for every kind they can pass
through) and requires each to match the kind's pattern.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SCHEMA_PATH = REPO / "grammar" / "nodes.ungram"
OUTPUT_PATH = REPO / "syntaqlite" / "syntax" / "nodes" / "generated.py"
FAMILIES = ("select", "expr", "dml", "ddl")
ANY_TOKEN = "TOKEN"


class SchemaError(Exception):
    pass


# -- the schema's syntax --------------------------------------------------


@dataclass(frozen=True)
class Leaf:
    name: str  # a token kind (is_token) or a class / fragment name
    is_token: bool


@dataclass(frozen=True)
class Seq:
    items: tuple[Rule, ...]


@dataclass(frozen=True)
class Alt:
    items: tuple[Rule, ...]


@dataclass(frozen=True)
class Rep:
    item: Rule
    low: int  # 0 or 1
    high: int | None  # 1 or unbounded


@dataclass(frozen=True)
class SepList:
    item: Rule
    sep: Rule


@dataclass(frozen=True)
class Label:
    name: str
    item: Rule
    flag: bool = False  # `name?:` -- the field says whether the item is there


Rule = Leaf | Seq | Alt | Rep | SepList | Label

_TOKEN_RE = re.compile(r"\s*(?:(//[^\n]*)|('[A-Z_]+')|([A-Za-z_][A-Za-z_0-9]*)\s*(\??:)?|([()|?*+%]))")


def _lex(text: str, where: str) -> list[str]:
    out: list[str] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN_RE.match(text, pos)
        if not m:
            raise SchemaError(f"{where}: cannot read {text[pos : pos + 20]!r}")
        pos = m.end()
        if m.group(1):
            continue
        if m.group(2):
            out.append(m.group(2))
        elif m.group(3):
            out.append(m.group(3) + (m.group(4) or ""))
        else:
            out.append(m.group(5))
    return out


class _RuleParser:
    def __init__(self, tokens: list[str], where: str) -> None:
        self.toks = tokens
        self.i = 0
        self.where = where

    def peek(self) -> str | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> str:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse(self) -> Rule:
        rule = self.alt()
        if self.peek() is not None:
            raise SchemaError(f"{self.where}: unexpected {self.peek()!r}")
        return rule

    def alt(self) -> Rule:
        items = [self.seq()]
        while self.peek() == "|":
            self.take()
            items.append(self.seq())
        return items[0] if len(items) == 1 else Alt(tuple(items))

    def seq(self) -> Rule:
        items: list[Rule] = []
        while self.peek() not in (None, "|", ")"):
            items.append(self.sep())
        if not items:
            raise SchemaError(f"{self.where}: empty alternative")
        return items[0] if len(items) == 1 else Seq(tuple(items))

    def sep(self) -> Rule:
        item = self.labelled()
        if self.peek() == "%":
            self.take()
            item = SepList(item, self.labelled())
        return item

    def labelled(self) -> Rule:
        tok = self.peek()
        if tok is not None and tok.endswith(":"):
            self.take()
            name = tok[:-1]
            if name.endswith("?"):
                return Label(name[:-1], self.postfix(), flag=True)
            return Label(name, self.postfix())
        return self.postfix()

    def postfix(self) -> Rule:
        item = self.atom()
        while self.peek() in ("?", "*", "+"):
            op = self.take()
            item = Rep(item, 1 if op == "+" else 0, 1 if op == "?" else None)
        return item

    def atom(self) -> Rule:
        tok = self.take()
        if tok == "(":
            rule = self.alt()
            if self.take() != ")":
                raise SchemaError(f"{self.where}: missing )")
            return rule
        if tok.startswith("'"):
            return Leaf(tok[1:-1], True)
        if tok == ANY_TOKEN:
            return Leaf(ANY_TOKEN, True)
        if re.fullmatch(r"[A-Za-z_]\w*", tok):
            return Leaf(tok, False)
        raise SchemaError(f"{self.where}: unexpected {tok!r}")


@dataclass
class NodeDef:
    cls: str
    kind: str
    mixin: str | None
    rule: Rule
    text: str


@dataclass
class Schema:
    fragments: dict[str, Rule]
    nodes: dict[str, NodeDef]  # by class name


_HEAD = re.compile(r"^([A-Z]\w*)(?:\((\w+)\))?(?:\s+with\s+(\w+))?\s*=(.*)$")


def read_schema(text: str) -> Schema:
    entries: list[tuple[str, int]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.split("//", 1)[0].rstrip()
        if not stripped:
            continue
        if not line[0].isspace():
            entries.append((stripped, lineno))
        elif not entries:
            raise SchemaError(f"nodes.ungram:{lineno}: continuation line without an entry")
        else:
            entries[-1] = (entries[-1][0] + " " + stripped.strip(), entries[-1][1])
    schema = Schema({}, {})
    for entry, lineno in entries:
        m = _HEAD.match(entry)
        where = f"nodes.ungram:{lineno}"
        if not m:
            raise SchemaError(f"{where}: expected `Class(kind) = rule` or `Name = rule`")
        name, kind, mixin, body = m.groups()
        rule = _RuleParser(_lex(body, where), where).parse()
        if name in schema.fragments or name in schema.nodes:
            raise SchemaError(f"{where}: {name} is defined twice")
        if kind is None:
            if mixin:
                raise SchemaError(f"{where}: a fragment has no mixin")
            schema.fragments[name] = rule
        else:
            schema.nodes[name] = NodeDef(name, kind, mixin, rule, " ".join(body.split()))
    return schema


# -- fields ---------------------------------------------------------------

INF = 10**9


@dataclass
class Field:
    name: str
    groups: list[int] = field(default_factory=list)
    token_kinds: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    any_token: bool = False
    excluded: set[str] = field(default_factory=set)  # kinds of separators and sub-fields
    max_count: int = 0
    required: bool = True
    parent: str | None = None  # for a sub-field: the field whose span it reads
    flag: bool = False


@dataclass
class Compiled:
    node: NodeDef
    pattern: str
    fields: dict[str, Field]
    fixed: dict[str, int] = field(default_factory=dict)  # field -> child index (negative: from the end)
    unique: set[str] = field(default_factory=set)  # fields whose kinds no other field can hold
    # A ``X % SEP`` list of one-child items and separators at a fixed start
    # with a fixed-width tail: field -> (start, tail); its separators are
    # ``<field>_separators``.
    strided: dict[str, tuple[int, int]] = field(default_factory=dict)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


class Compiler:
    def __init__(self, schema: Schema, token_kinds: list[str]) -> None:
        self.schema = schema
        self.kind_of = {n.cls: n.kind for n in schema.nodes.values()}
        symbols = sorted(token_kinds) + sorted(self.kind_of.values())
        self.codes = {sym: chr(0x100 + i) for i, sym in enumerate(symbols)}
        self.other_token = chr(0x100 + len(symbols))
        self.token_kinds = set(token_kinds)

    # Leaves of a rule, fragments expanded: (token kinds, classes, any token)
    def expand(self, rule: Rule) -> Rule:
        if isinstance(rule, Leaf):
            if rule.is_token or rule.name in self.kind_of:
                if rule.is_token and rule.name != ANY_TOKEN and rule.name not in self.token_kinds:
                    raise SchemaError(f"unknown token kind {rule.name!r}")
                return rule
            if rule.name in self.schema.fragments:
                return self.expand(self.schema.fragments[rule.name])
            raise SchemaError(f"unknown class or fragment {rule.name!r}")
        if isinstance(rule, Seq):
            return Seq(tuple(self.expand(r) for r in rule.items))
        if isinstance(rule, Alt):
            return Alt(tuple(self.expand(r) for r in rule.items))
        if isinstance(rule, Rep):
            return Rep(self.expand(rule.item), rule.low, rule.high)
        if isinstance(rule, SepList):
            return SepList(self.expand(rule.item), self.expand(rule.sep))
        return Label(rule.name, self.expand(rule.item), rule.flag)

    def leaves(self, rule: Rule) -> Iterator[Leaf]:
        if isinstance(rule, Leaf):
            yield rule
        elif isinstance(rule, (Seq, Alt)):
            for r in rule.items:
                yield from self.leaves(r)
        elif isinstance(rule, Rep):
            yield from self.leaves(rule.item)
        elif isinstance(rule, SepList):
            yield from self.leaves(rule.item)
            yield from self.leaves(rule.sep)
        else:
            yield from self.leaves(rule.item)

    def leaf_regex(self, leaf: Leaf) -> str:
        if leaf.name == ANY_TOKEN:
            chars = [self.codes[k] for k in sorted(self.token_kinds)] + [self.other_token]
            return "[" + "".join(chars) + "]"
        if leaf.is_token:
            return self.codes[leaf.name]
        return self.codes[self.kind_of[leaf.name]]

    def leaf_kinds(self, leaf: Leaf) -> set[str]:
        if leaf.name == ANY_TOKEN:
            return set(self.token_kinds)
        return {leaf.name} if leaf.is_token else {self.kind_of[leaf.name]}

    # Counting: the most children a rule can match (INF: unbounded)
    def max_count(self, rule: Rule) -> int:
        if isinstance(rule, Leaf):
            return 1
        if isinstance(rule, Seq):
            return min(INF, sum(self.max_count(r) for r in rule.items))
        if isinstance(rule, Alt):
            return max(self.max_count(r) for r in rule.items)
        if isinstance(rule, Rep):
            inner = self.max_count(rule.item)
            return inner if rule.high == 1 else (INF if inner else 0)
        if isinstance(rule, SepList):
            return INF
        return self.max_count(rule.item)

    def compile(self, node: NodeDef) -> Compiled:
        fields: dict[str, Field] = {}
        group_no = [0]
        where = f"{node.cls}({node.kind})"

        def add_field(name: str, item: Rule) -> int:
            group_no[0] += 1
            f = fields.setdefault(name, Field(name))
            if f.parent is not None:
                raise SchemaError(f"{where}: {name} is both a field and a sub-field")
            f.groups.append(group_no[0])
            excluded: set[str] = set()
            self.collect_subfields(item, name, fields, excluded, where)
            f.excluded |= excluded
            for leaf in self.item_leaves(item):
                if leaf.name == ANY_TOKEN:
                    f.any_token = True
                elif leaf.is_token:
                    f.token_kinds.add(leaf.name)
                else:
                    f.classes.add(leaf.name)
            overlap = (f.token_kinds | {self.kind_of[c] for c in f.classes}) & excluded
            if overlap:
                raise SchemaError(f"{where}: field {name} shares kinds {sorted(overlap)} with its sub-fields")
            return group_no[0]

        def regex(rule: Rule, labelled: bool) -> str:
            if isinstance(rule, Label):
                if labelled:
                    return regex(rule.item, True)
                g = add_field(rule.name, rule.item)
                fields[rule.name].flag = rule.flag
                return f"(?P<g{g}>{regex(rule.item, True)})"
            if isinstance(rule, Leaf):
                if labelled:
                    return self.leaf_regex(rule)
                name = f"{rule.name.lower()}_token" if rule.is_token else _snake(rule.name)
                g = add_field(name, rule)
                return f"(?P<g{g}>{self.leaf_regex(rule)})"
            if isinstance(rule, Seq):
                return "".join(regex(r, labelled) for r in rule.items)
            if isinstance(rule, Alt):
                return "(?:" + "|".join(regex(r, labelled) for r in rule.items) + ")"
            if isinstance(rule, Rep):
                if not labelled and rule.high != 1:
                    raise SchemaError(f"{where}: a repetition outside a labelled field; label it")
                op = "?" if rule.high == 1 else ("+" if rule.low else "*")
                return f"(?:{regex(rule.item, labelled)}){op}"
            if not labelled:
                raise SchemaError(f"{where}: a list (%) outside a labelled field; label it")
            item = regex(rule.item, True)
            return f"(?:{item}(?:{regex(rule.sep, True)}{item})*)"

        pattern = regex(self.expand(node.rule), False)
        self.finish_fields(node, fields, where)
        fixed = self.fixed_positions(self.expand(node.rule), fields)
        strided = self.strided_lists(self.expand(node.rule), fields)
        unique = self.unique_fields(fields)
        from syntaqlite.syntax.cst import Node

        for name in fields:
            if hasattr(Node, name) or name.startswith("_") or name == "kind":
                raise SchemaError(f"{where}: field {name} would hide Node.{name}; rename it")
        return Compiled(node, pattern, fields, fixed, unique, strided)

    # -- faster reads than the pattern, where the schema allows ------------

    def field_kinds(self, f: Field) -> set[str]:
        return f.token_kinds | {self.kind_of[c] for c in f.classes} | f.excluded

    def unique_fields(self, fields: dict[str, Field]) -> set[str]:
        """Fields whose kinds no other field of the node can hold: such a
        field is the children of those kinds, found by a scan.  A list's
        separators and sub-fields (``excluded``) are not its items: commas
        shared with another list do not keep a list of column definitions
        from being the node's column definitions (a scan, where matching the
        pattern would compile it: a third of a millisecond per class, at
        the first read in every process)."""
        if any(f.any_token for f in fields.values()):
            return set()
        top = {name: self.field_kinds(f) for name, f in fields.items() if f.parent is None}
        out: set[str] = set()
        for name, f in fields.items():
            if f.parent is None:
                others = set().union(*(k for n, k in top.items() if n != name))
                mine = top[name] - f.excluded
            else:
                parent = fields[f.parent]
                others = set().union(*(k for n, k in top.items() if n != f.parent))
                others |= parent.token_kinds | {self.kind_of[c] for c in parent.classes}
                others |= parent.excluded - self.field_kinds(f)
                mine = self.field_kinds(f)
            if not mine & others:
                out.add(name)
        return out

    def min_count(self, rule: Rule) -> int:
        if isinstance(rule, Leaf):
            return 1
        if isinstance(rule, Seq):
            return sum(self.min_count(r) for r in rule.items)
        if isinstance(rule, Alt):
            return min(self.min_count(r) for r in rule.items)
        if isinstance(rule, Rep):
            return self.min_count(rule.item) if rule.low else 0
        return self.min_count(rule.item)

    def fixed_positions(self, rule: Rule, fields: dict[str, Field]) -> dict[str, int]:
        """Required single-child fields at the same child index in every
        node (counted from the start or from the end)."""
        items: list[Rule] = list(rule.items) if isinstance(rule, Seq) else [rule]
        out: dict[str, int] = {}

        def scan(elements: list[Rule], sign: int) -> None:
            offset = 0
            for element in elements:
                lo, hi = self.min_count(element), self.max_count(element)
                name = self.field_name(element)
                f = fields.get(name) if name is not None else None
                if (
                    f is not None
                    and lo == hi == 1
                    and len(f.groups) == 1
                    and not f.flag
                    and f.name not in out
                ):
                    out[f.name] = offset if sign > 0 else -offset - 1
                if lo != hi:
                    return
                offset += lo

        scan(items, 1)
        scan(list(reversed(items)), -1)
        return out

    def strided_lists(self, rule: Rule, fields: dict[str, Field]) -> dict[str, tuple[int, int]]:
        """Separated lists whose items and separators are one child each,
        after a fixed-width head and before a fixed-width tail: every other
        child from the head on (``children[start:len - tail:2]``)."""
        items: list[Rule] = list(rule.items) if isinstance(rule, Seq) else [rule]
        out: dict[str, tuple[int, int]] = {}
        offset = 0
        for i, element in enumerate(items):
            if (
                isinstance(element, Label)
                and not element.flag
                and isinstance(element.item, SepList)
                and self.min_count(element.item.item) == self.max_count(element.item.item) == 1
                and self.min_count(element.item.sep) == self.max_count(element.item.sep) == 1
                and element.name in fields
                and f"{element.name}_separators" in fields
            ):
                rest = items[i + 1 :]
                tail = sum(self.min_count(r) for r in rest)
                if all(self.min_count(r) == self.max_count(r) for r in rest):
                    out[element.name] = (offset, tail)
                return out
            lo, hi = self.min_count(element), self.max_count(element)
            if lo != hi:
                return out
            offset += lo
        return out

    def item_leaves(self, rule: Rule) -> Iterator[Leaf]:
        """The leaves of a labelled rule that are its items: not separators,
        not sub-fields."""
        if isinstance(rule, Leaf):
            yield rule
        elif isinstance(rule, (Seq, Alt)):
            for r in rule.items:
                yield from self.item_leaves(r)
        elif isinstance(rule, (Rep, SepList)):
            yield from self.item_leaves(rule.item)

    def collect_subfields(
        self, rule: Rule, parent: str, fields: dict[str, Field], excluded: set[str], where: str
    ) -> None:
        if isinstance(rule, Label):
            self.sub_field(rule.name, rule.item, parent, fields, excluded, where)
        elif isinstance(rule, (Seq, Alt)):
            for r in rule.items:
                self.collect_subfields(r, parent, fields, excluded, where)
        elif isinstance(rule, Rep):
            self.collect_subfields(rule.item, parent, fields, excluded, where)
        elif isinstance(rule, SepList):
            self.collect_subfields(rule.item, parent, fields, excluded, where)
            self.sub_field(f"{parent}_separators", rule.sep, parent, fields, excluded, where)

    def sub_field(
        self, name: str, rule: Rule, parent: str, fields: dict[str, Field], excluded: set[str], where: str
    ) -> None:
        f = fields.setdefault(name, Field(name, parent=parent))
        if f.parent != parent:
            raise SchemaError(f"{where}: sub-field {name} is also a field")
        for leaf in self.leaves(rule):
            if leaf.is_token:
                f.token_kinds.add(leaf.name)
            else:
                f.classes.add(leaf.name)
            excluded |= self.leaf_kinds(leaf)
        f.max_count = INF
        f.required = False

    def finish_fields(self, node: NodeDef, fields: dict[str, Field], where: str) -> None:
        rule = self.expand(node.rule)
        counts = self.label_counts(rule)
        musts = self.must(rule)
        for f in fields.values():
            if f.parent is not None:
                continue
            f.max_count = counts.get(f.name, 0)
            f.required = f.name in musts

    def field_name(self, rule: Rule) -> str | None:
        if isinstance(rule, Label):
            return rule.name
        if isinstance(rule, Leaf):
            return f"{rule.name.lower()}_token" if rule.is_token else _snake(rule.name)
        return None

    def label_counts(self, rule: Rule) -> dict[str, int]:
        """For each field, the most children it can hold in one match."""
        name = self.field_name(rule)
        if name is not None:
            inner = rule.item if isinstance(rule, Label) else rule
            return {name: self.item_count(inner)}
        out: dict[str, int] = {}
        if isinstance(rule, Seq):
            for r in rule.items:
                for k, v in self.label_counts(r).items():
                    out[k] = min(INF, out.get(k, 0) + v)
        elif isinstance(rule, Alt):
            for r in rule.items:
                for k, v in self.label_counts(r).items():
                    out[k] = max(out.get(k, 0), v)
        elif isinstance(rule, Rep):
            for k, v in self.label_counts(rule.item).items():
                out[k] = v if rule.high == 1 else INF
        return out

    def item_count(self, rule: Rule) -> int:
        if isinstance(rule, Leaf):
            return 1
        if isinstance(rule, Label):
            return 0
        if isinstance(rule, Seq):
            return min(INF, sum(self.item_count(r) for r in rule.items))
        if isinstance(rule, Alt):
            return max(self.item_count(r) for r in rule.items)
        if isinstance(rule, Rep):
            inner = self.item_count(rule.item)
            return inner if rule.high == 1 else (INF if inner else 0)
        return INF

    def must(self, rule: Rule) -> set[str]:
        """Fields present in every match of ``rule``."""
        name = self.field_name(rule)
        if name is not None:
            inner = rule.item if isinstance(rule, Label) else rule
            return {name} if self.min_count(inner) > 0 else set()
        if isinstance(rule, Seq):
            return set().union(*(self.must(r) for r in rule.items))
        if isinstance(rule, Alt):
            sets = [self.must(r) for r in rule.items]
            return set.intersection(*sets)
        if isinstance(rule, Rep):
            return self.must(rule.item) if rule.low else set()
        return set()


# -- code generation ------------------------------------------------------


def _type_of(f: Field, compiler: Compiler, categories: dict[frozenset[str], str]) -> str:
    if f.flag:
        return "bool"
    parts: list[str] = []
    classes = frozenset(f.classes)
    if classes:
        if classes in categories and len(classes) > 1:
            parts.append(categories[classes])
        else:
            parts.extend(sorted(classes))
    if f.token_kinds or f.any_token:
        parts.append("Token")
    elem = " | ".join(parts)
    if f.max_count > 1:
        return f"list[{elem}]"
    return elem if f.required else f"{elem} | None"


def _mixin_modules() -> dict[str, str]:
    found: dict[str, str] = {}
    for family in FAMILIES:
        path = OUTPUT_PATH.with_name(f"{family}.py")
        for m in re.finditer(r"^class (\w+Mixin)\b", path.read_text(encoding="utf-8"), re.M):
            found[m.group(1)] = family
    return found


def generate(schema: Schema, compiler: Compiler, *, fast: bool = True) -> str:
    """The module's source.  ``fast=False`` reads every field through the
    pattern (the reference the fast reads are tested against)."""
    _KIND_SETS.clear()
    compiled = [compiler.compile(n) for n in schema.nodes.values()]
    categories: dict[frozenset[str], str] = {}
    category_members: dict[str, list[str]] = {}
    for name, rule in schema.fragments.items():
        leaves = list(compiler.leaves(compiler.expand(rule)))
        if (
            leaves
            and all(not leaf.is_token for leaf in leaves)
            and isinstance(compiler.expand(rule), (Alt, Leaf))
        ):
            members = sorted({leaf.name for leaf in leaves})
            categories.setdefault(frozenset(members), name)
            category_members[name] = members
    mixins = _mixin_modules()
    out: list[str] = [
        '"""Node classes, one per node kind: generated from grammar/nodes.ungram by',
        "``python -m syntaqlite_dev.gen_nodes``.  Do not edit: change the schema and",
        'regenerate (tests/test_node_schema.py fails while this file is stale)."""',
        "",
        "# fmt: off",
        "from __future__ import annotations",
        "",
        "from typing import TYPE_CHECKING, ClassVar",
        "",
        "from ..cst import Node",
        "from ..tokens import Token",
        "from . import layout as _l",
    ]
    by_family: dict[str, list[str]] = {}
    for n in schema.nodes.values():
        if n.mixin:
            if n.mixin not in mixins:
                raise SchemaError(
                    f"{n.cls}: mixin {n.mixin} is not defined in nodes/{{{','.join(FAMILIES)}}}.py"
                )
            by_family.setdefault(mixins[n.mixin], []).append(n.mixin)
    for family in sorted(by_family):
        names = ", ".join(sorted(set(by_family[family])))
        out.append(f"from .{family} import {names}")
    out += ["", "KIND_CODES: dict[str, str] = {"]
    for sym, code in sorted(compiler.codes.items(), key=lambda kv: kv[1]):
        out.append(f"    {sym!r}: {code!a},")
    out += ["}", f"OTHER_TOKEN = {compiler.other_token!a}", ""]
    for c in compiled:
        n = c.node
        bases = f"{n.mixin}, Node" if n.mixin else "Node"
        out += ["", f"class {n.cls}({bases}):"]
        out.append(f'    """``{n.kind}``: {_doc_rule(n.text)}"""')
        out += ["", "    __slots__ = ()", f"    kind = {n.kind!r}", f"    _PATTERN = {c.pattern!a}"]
        slots = _Slots(c, compiler) if fast else None
        if slots is not None and slots.kinds:
            out += [
                f"    _SLOTS: ClassVar[dict[str, int]] = {slots.table()!r}",
                f"    _SLOT_COUNT = {len(slots.kinds)}",
            ]
        for f in c.fields.values():
            typ = _type_of(f, compiler, categories)
            items = sorted(f.token_kinds | {compiler.kind_of[k] for k in f.classes})
            body: str | None = None  # the property's return expression, else a descriptor
            desc: str | None = None
            if f.parent is not None:
                parent = c.fields[f.parent]
                if fast and f.parent in c.strided and f.name == f"{f.parent}_separators":
                    start, tail = c.strided[f.parent]
                    body = f"self.children[{_stride(start + 1, tail)}]"
                elif slots is not None and f.name in c.unique:
                    desc = slots.read(items, "every")
                else:
                    body = f"_l.sub(self, {tuple(parent.groups)!r}, {kinds_const(items)})"
                out += _field(f.name, typ, body, desc)
                continue
            groups = tuple(f.groups)
            excluded = kinds_const(sorted(f.excluded)) if f.excluded else "None"
            if fast and f.name in c.fixed:
                desc = f"_l.Child({c.fixed[f.name]})"
            elif fast and f.name in c.strided:
                body = f"self.children[{_stride(*c.strided[f.name])}]"
            elif slots is not None and f.name in c.unique and not f.any_token:
                desc = slots.read(items, "flag" if f.flag else "every" if f.max_count > 1 else "first")
            elif f.flag:
                body = f"_l.present(self, {groups!r})"
            elif f.max_count > 1:
                body = f"_l.many(self, {groups!r}, {excluded})"
            elif f.required:
                body = f"_l.one(self, {groups!r})"
            else:
                body = f"_l.opt(self, {groups!r})"
            out += _field(f.name, typ, body, desc)
            if f.flag:
                # A flag's tokens are significant tokens too.
                if f"{f.name}_tokens" in c.fields:
                    raise SchemaError(f"{n.cls}: {f.name}_tokens is both a field and flag {f.name}'s tokens")
                if slots is not None and f.name in c.unique:
                    out += _field(f"{f.name}_tokens", "list[Token]", None, slots.read(items, "every"))
                else:
                    out += _field(f"{f.name}_tokens", "list[Token]", f"_l.many(self, {groups!r}, None)", None)
    out += ["", ""]
    for key, const in _KIND_SETS.items():
        out.append(f"{const} = {frozenset_src(list(key))}")
    out += ["", ""]
    for name, members in category_members.items():
        out.append(f"{name} = " + " | ".join(members))
    out += ["", "CLASSES: dict[str, type[Node]] = {"]
    for n in schema.nodes.values():
        out.append(f"    {n.kind!r}: {n.cls},")
    out += ["}", "", "__all__ = ["]
    exported = sorted(
        [n.cls for n in schema.nodes.values()] + list(category_members) + ["CLASSES", "KIND_CODES"]
    )
    out += [f"    {name!r}," for name in exported]
    out += ["]", ""]
    return "\n".join(out)


class _Slots:
    """The fields of a class read by kind (kinds no other field of the node
    holds): each set of kinds is a slot of the node's one pass over its
    children (``layout.slots``); a slot that some field reads as a list
    keeps every child of its kinds, any other the first."""

    def __init__(self, c: Compiled, compiler: Compiler) -> None:
        self.kinds: list[tuple[str, ...]] = []
        self.lists: set[int] = set()
        for f in c.fields.values():
            if f.name not in c.unique:
                continue
            if f.parent is not None:
                if f.parent in c.strided and f.name == f"{f.parent}_separators":
                    continue
                reads = ["every"]
            elif f.name in c.fixed or f.name in c.strided or f.any_token:
                continue
            else:
                reads = ["flag", "every"] if f.flag else ["every" if f.max_count > 1 else "first"]
            key = tuple(sorted(f.token_kinds | {compiler.kind_of[k] for k in f.classes}))
            if key not in self.kinds:
                self.kinds.append(key)
            if "every" in reads:
                self.lists.add(self.kinds.index(key))
        seen: dict[str, tuple[str, ...]] = {}
        for key in self.kinds:
            for kind in key:
                if kind in seen:
                    raise SchemaError(f"{c.node.cls}: kind {kind} is read by kind for two fields")
                seen[kind] = key

    def table(self) -> dict[str, int]:
        """Kind -> slot (``~slot`` for a list slot)."""
        out: dict[str, int] = {}
        for k, key in enumerate(self.kinds):
            for kind in key:
                out[kind] = ~k if k in self.lists else k
        return dict(sorted(out.items()))

    def read(self, items: list[str], how: str) -> str:
        """The descriptor reading slot ``items`` (``layout.Slot``): its
        ``first`` child, ``flag`` (any), ``every`` child."""
        k = self.kinds.index(tuple(items))
        if how == "flag":
            mode = "FLAG"
        elif how == "every":
            mode = "EVERY"
        else:
            mode = "FIRST_OF_LIST" if k in self.lists else "FIRST"
        return f"_l.Slot({k}, _l.{mode})"


def _field(name: str, typ: str, body: str | None, desc: str | None) -> list[str]:
    """A field: a property returning ``body``, or the descriptor ``desc``
    (compiled: a read runs no Python frame), typed as a property for mypy."""
    if desc is None:
        return ["", "    @property", f"    def {name}(self) -> {typ}:", f"        return {body}"]
    return [
        "",
        "    if TYPE_CHECKING:",
        "        @property",
        f"        def {name}(self) -> {typ}: ...",
        "    else:",
        f"        {name} = {desc}",
    ]


def _stride(start: int, tail: int) -> str:
    """The slice of every other child from ``start``, ``tail`` children
    before the end."""
    return f"{start or ''}:{-tail if tail else ''}:2"


def frozenset_src(kinds: list[str]) -> str:
    return "frozenset({" + ", ".join(repr(k) for k in kinds) + "})"


_KIND_SETS: dict[tuple[str, ...], str] = {}


def kinds_const(kinds: list[str]) -> str:
    """The name of a module-level constant holding ``kinds`` (each set is
    built once, at import, not on every field read)."""
    key = tuple(kinds)
    if key not in _KIND_SETS:
        _KIND_SETS[key] = f"_K{len(_KIND_SETS)}"
    return _KIND_SETS[key]


def _doc_rule(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"""', "'''")


# -- the grammar check ----------------------------------------------------


Productions = dict[str, list[tuple[str, list[tuple[object, ...]]]]]
"""For each node kind: its productions (as text) with the child sequences each builds."""


def grammar_sequences(max_unroll: int = 2) -> tuple[Productions, list[str]]:
    """For each node kind, its productions (as text) and the child
    sequences each can build.  A sequence item is a token kind, a node kind,
    or a frozenset of kinds (a symbol that becomes one child of any of those
    kinds); spliced rules are expanded, their recursion unrolled
    ``max_unroll`` times."""
    from lark.load_grammar import load_grammar

    from .build_tables import GRAMMAR_PATH, START, _nullable, _rule_kind, _rule_name, rule_mode

    text = GRAMMAR_PATH.read_text(encoding="utf-8")
    grammar, _ = load_grammar(text, str(GRAMMAR_PATH), [], False)
    terminals, rules, _ignore = grammar.compile([START], set())
    rules = [r for r in rules if not _rule_name(r).startswith("$")]
    token_kinds = sorted(
        {t.name for t in terminals} | {s.name for r in rules for s in r.expansion if s.is_term}
    )
    by_name: dict[str, list[Any]] = {}
    for r in rules:
        by_name.setdefault(_rule_name(r), []).append(r)

    nullable = _nullable(rules)

    def alt_nullable(r: Any) -> bool:
        return all((not s.is_term) and s.name in nullable for s in r.expansion)

    limit = 300

    def yields(name: str, depth: dict[str, int]) -> list[tuple[object, ...]]:
        """The child sequences a nonterminal contributes to its parent."""
        out: set[tuple[object, ...]] = set()
        for r in by_name[name]:
            m = rule_mode(r)
            if m == "node":
                if alt_nullable(r):
                    out.add(())
                if r.expansion:
                    out.add((_rule_kind(r),))
            elif m == "pass":
                for s in expansions(r, depth):
                    out.add(s if len(s) <= 1 else (name,))
            else:
                out.update(expansions(r, depth))
        return sorted(out, key=lambda s: (len(s), repr(s)))[:limit]

    def compress(options: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
        singles = {s[0] for s in options if len(s) == 1}
        if len(singles) < 3:
            return options
        atoms: set[object] = set()
        for s in singles:
            atoms |= s if isinstance(s, frozenset) else {s}
        return [s for s in options if len(s) != 1] + [(frozenset(atoms),)]

    def expansions(r: Any, depth: dict[str, int]) -> list[tuple[object, ...]]:
        parts: list[list[tuple[object, ...]]] = []
        for sym in r.expansion:
            if sym.is_term:
                parts.append([(sym.name,)])
                continue
            if depth.get(sym.name, 0) >= max_unroll:
                if sym.name in nullable:
                    parts.append([()])
                    continue
                return []
            inner = dict(depth)
            inner[sym.name] = inner.get(sym.name, 0) + 1
            options = compress(yields(sym.name, inner))
            if not options:
                return []
            parts.append(options)
        seqs: list[tuple[object, ...]] = []
        for combo in itertools.product(*parts):
            seqs.append(tuple(x for part in combo for x in part))
            if len(seqs) >= limit * 4:
                break
        return seqs

    result: Productions = {}
    for r in rules:
        m = rule_mode(r)
        if m == "splice":
            continue
        kind = _rule_kind(r)
        text_ = f"{_rule_name(r)}: " + " ".join(s.name for s in r.expansion)
        if r.alias:
            text_ += f" -> {r.alias}"
        seqs = [s for s in expansions(r, {}) if s]
        if m == "pass":
            seqs = [s for s in seqs if len(s) > 1]
        result.setdefault(kind, []).append((text_, seqs))
    return result, token_kinds


def check_grammar(schema: Schema, compiler: Compiler, productions: Productions) -> list[str]:
    """What in the grammar's ``productions`` (:func:`grammar_sequences`) the
    schema does not fit, one line each."""
    problems: list[str] = []
    kinds = {n.kind: n for n in schema.nodes.values()}
    driver_kinds = {"source_file", "error", "stmt"}
    productions = {k: v for k, v in productions.items() if any(seqs for _text, seqs in v)}
    for kind in sorted(set(productions) - set(kinds)):
        problems.append(
            f"node kind {kind!r} (from `{productions[kind][0][0]}`) has no entry in grammar/nodes.ungram"
        )
    for kind in sorted(set(kinds) - set(productions) - driver_kinds):
        problems.append(f"grammar/nodes.ungram has {kinds[kind].cls}({kind}), which the grammar never builds")
    for kind, prods in sorted(productions.items()):
        if kind not in kinds or kind in driver_kinds:
            continue
        pattern = re.compile(compiler.compile(kinds[kind]).pattern)
        for text, seqs in prods:
            for seq in seqs:
                bad = _first_mismatch(seq, pattern, compiler)
                if bad is not None:
                    problems.append(
                        f"grammar production `{text}` builds a {kind} with children `{bad}`, "
                        f"which its schema `{kinds[kind].cls}` does not match"
                    )
                    break
    return problems


def _first_mismatch(seq: tuple[object, ...], pattern: re.Pattern[str], compiler: Compiler) -> str | None:
    def code(x: str) -> str:
        return compiler.codes.get(x, compiler.other_token)

    base = [sorted(x)[0] if isinstance(x, frozenset) else x for x in seq]
    candidates = [list(base)]
    for i, x in enumerate(seq):
        if isinstance(x, frozenset):
            for member in sorted(x):
                alt = list(base)
                alt[i] = member
                candidates.append(alt)
    for cand in candidates:
        if not pattern.fullmatch("".join(code(str(k)) for k in cand)):
            return " ".join(str(k) for k in cand)
    return None


def build() -> tuple[str, list[str]]:
    schema = read_schema(SCHEMA_PATH.read_text(encoding="utf-8"))
    productions, token_kinds = grammar_sequences()
    compiler = Compiler(schema, token_kinds)
    source = generate(schema, compiler)
    return source, check_grammar(schema, compiler, productions)


def main(argv: list[str]) -> int:
    try:
        source, problems = build()
    except SchemaError as err:
        print(f"grammar/nodes.ungram: {err}", file=sys.stderr)
        return 1
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    if "--check" in argv:
        if OUTPUT_PATH.read_text(encoding="utf-8") != source:
            print(f"{OUTPUT_PATH} is out of date; run python -m syntaqlite_dev.gen_nodes", file=sys.stderr)
            return 1
        return 0
    OUTPUT_PATH.write_text(source, encoding="utf-8")
    print(f"wrote {OUTPUT_PATH.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
