"""``fmt/verify.py`` notices every change a formatter bug could make."""

from __future__ import annotations

import random
import re

import pytest

from syntaqlite import parse
from syntaqlite.fmt import FormatOptions, FormatterBug, format_result
from syntaqlite.fmt.verify import _same_core, difference, full_difference, same_tokens
from syntaqlite.syntax.lexer import tokenize
from syntaqlite.syntax.parser import ParseResult
from syntaqlite.syntax.parser import parse as parse_with
from syntaqlite.syntax.target import DEFAULT_TARGET, Target
from syntaqlite.syntax.tokens import KEYWORD_KINDS

SOURCE = "CREATE TABLE t (\n  a INT,\n  b INT -- note\n);\n"


def test_layout_only_is_no_difference() -> None:
    assert difference(parse(SOURCE), "create table t (a INT,\n b INT -- note\n)") is None


def test_a_comment_that_crosses_a_token_is_caught() -> None:
    problem = difference(parse(SOURCE), "CREATE TABLE t (a INT, b INT); -- note\n")
    assert problem == "comment '-- note' moved: it was after 'INT', the output has it at 1:32"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("SELECT a -- x\n, b", "SELECT a, -- x\n  b;"),  # past a comma
        ("SELECT a -- x\n;", "SELECT a; -- x"),  # past a semicolon
        ("SELECT a /* x */", "SELECT a; /* x */"),  # an added semicolon
    ],
)
def test_commas_and_semicolons_are_not_neighbours(before: str, after: str) -> None:
    assert difference(parse(before), after) is None


@pytest.mark.parametrize(
    ("before", "after", "problem"),
    [
        ("SELECT a /* x */, b", "SELECT /* x */ a, b;", "it was after 'a'"),
        ("/* x */ SELECT a", "SELECT /* x */ a;", "it was at the start"),
        ("SELECT a, b /* x */ FROM t", "SELECT a, b FROM /* x */ t;", "it was after 'b'"),
        ("SELECT a /* x */ /* y */", "SELECT a /* y */ /* x */;", "comments changed"),
        ("SELECT a /* x */", "SELECT a;", "comments changed: 1 before, 0 after"),
    ],
)
def test_moved_lost_or_reordered_comments_are_caught(before: str, after: str, problem: str) -> None:
    found = difference(parse(before), after)
    assert found is not None and problem in found


# The shortcut (same_tokens: the output lexes to the input's tokens) must
# never pass an output the full check would refuse.  Outputs of the
# formatter and mutations of them that a formatter bug could make.

_MUTATIONS = 12


def _mutants(text: str, rng: random.Random) -> list[str]:
    out = []
    words = [m for m in re.finditer(r"[A-Za-z_][A-Za-z_0-9]*", text)]
    for _ in range(_MUTATIONS):
        kind = rng.randrange(9)
        at = rng.randrange(len(text) + 1)
        if kind == 0 and words:  # a word's case changed
            m = rng.choice(words)
            out.append(text[: m.start()] + m.group().swapcase() + text[m.end() :])
        elif kind == 1 and words:  # a word's case changed, in part
            m = rng.choice(words)
            w = m.group()
            out.append(text[: m.start()] + w[0].swapcase() + w[1:] + text[m.end() :])
        elif kind == 2:  # a character lost
            out.append(text[:at] + text[at + 1 :])
        elif kind == 3:  # whitespace put anywhere (inside a token, a string, a comment)
            out.append(text[:at] + rng.choice([" ", "\n", "\t", "\r", "\v", "\u00a0"]) + text[at:])
        elif kind == 4:  # a semicolon put anywhere
            out.append(text[:at] + ";" + text[at:])
        elif kind == 5:  # whitespace at either end
            out.append(
                rng.choice(["", " ", "\n", "\n\n", "\v", "\f"]) + text + rng.choice(["", " ", "\n", "\r"])
            )
        elif kind == 6:  # the end cut
            out.append(text.rstrip(rng.choice(["\n", " \n", "\n;"])))
        elif kind == 7:  # a line break turned into a space (a -- comment swallows what follows)
            k = text.find("\n", at)
            if k >= 0:
                out.append(text[:k] + " " + text[k + 1 :])
        else:  # quotes changed
            out.append(text[:at] + rng.choice(["'", '"', "`", "[", "]", "/*", "*/", "--"]) + text[at:])
    return out


def test_the_shortcut_never_passes_what_the_full_check_refuses(upstream_corpus: list[dict[str, str]]) -> None:
    rng = random.Random(16)
    rows = [r["sql"] for r in upstream_corpus]
    rng.shuffle(rows)
    checked = taken = 0
    for sql in rows[:800]:
        for before_text in (sql, sql + " -- end", "/* a */ " + sql + ";\n/* open"):
            before = parse(before_text)
            if before.errors:
                continue
            try:
                formatted = format_result(before, FormatOptions())
            except FormatterBug:
                continue
            for after in [formatted, before_text, *_mutants(formatted, rng), *_mutants(before_text, rng)]:
                checked += 1
                if same_tokens(before, after):
                    taken += 1
                    assert full_difference(before, after) is None, (before_text, after)
    # the shortcut is taken for most outputs (not a check that passes by never running)
    assert checked > 5_000 and taken > checked // 5


@pytest.mark.parametrize(
    ("before", "after", "same"),
    [
        ("select a from t", "SELECT a FROM t;", False),  # an added semicolon: the full check decides
        ("select a from t;", "SELECT\n  a\nFROM t;", True),  # keywords' case
        ("SELECT a FROM t;", "SELECT A FROM t;", False),  # a name's case
        ("SELECT key FROM t;", "SELECT KEY FROM t;", False),  # a keyword read as a name
        ("SELECT 1; -- c", "SELECT 1; -- c\n", True),  # the same tokens
        ("SELECT 1; -- c\n", "\n\nSELECT 1; -- c\n\n", True),
        ("SELECT 1; -- c\n", "SELECT 1; -- c  \n", False),
        ("SELECT 1; /* c", "SELECT 1; /* c\n", False),  # an open comment runs to the end
        ("SELECT 1; /* c */", "SELECT 1; /* c */\n", True),
        ("SELECT 1; \v", "SELECT 1;", True),
        ("SELECT 1;", "\vSELECT 1;", False),  # \\v does not start whitespace
    ],
)
def test_the_shortcut_on_edges(before: str, after: str, same: bool) -> None:
    result = parse(before)
    assert same_tokens(result, after) is same
    assert difference(result, after) == full_difference(result, after)


def test_a_text_with_errors_takes_no_shortcut() -> None:
    before = parse("SELEC 1;")
    assert not same_tokens(before, "SELEC 1;")
    assert difference(before, "SELEC 1;") is not None


def _lexed_alike(before: ParseResult, after: str, target: Target) -> bool:
    """What same_tokens answers when it takes no shortcut of its own: the
    output's tokens (as ``tokenize`` makes them) against the input's."""
    lexed = tokenize(after, target.keywords, target.lex_dialect)
    return len(lexed) == len(before.tokens) and all(
        a.text == b.text
        or (a.kind == b.kind and a.kind in KEYWORD_KINDS and a.text.upper() == b.text.upper())
        for a, b in zip(lexed, before.tokens)
    )


TARGETS = [
    DEFAULT_TARGET,
    Target.from_options("3.30.0"),
    Target.from_options("3.45.0"),
    Target.from_options(
        cflags=["SQLITE_OMIT_FLOATING_POINT", "SQLITE_OMIT_TCL_VARIABLE", "SQLITE_OMIT_BLOB_LITERAL"]
    ),
]


@pytest.mark.parametrize("seed", range(3))
def test_the_output_compared_as_it_is_lexed_is_the_output_lexed(
    seed: int, upstream_corpus: list[dict[str, str]]
) -> None:
    """The shortcut compares the output's tokens as it lexes them, making
    none: its answer is the one the output's tokens give, for every target
    (older releases and build options end some tokens by hand)."""
    rng = random.Random(seed)
    rows = [r["sql"] for r in upstream_corpus]
    cases = alike = 0
    for n in range(150):
        target = TARGETS[n % len(TARGETS)]
        before_text = ";\n".join(rng.choice(rows) for _ in range(4)) + rng.choice(["; -- end", ";", " \v"])
        before = parse_with(before_text, target)
        if before.errors:
            continue
        try:
            formatted = format_result(before, FormatOptions())
        except FormatterBug:
            continue
        for after in [formatted, before_text.lower(), *_mutants(formatted, rng)]:
            cases += 1
            expected = _lexed_alike(before, after, target)
            alike += expected
            assert same_tokens(before, after, target) is (expected or _same_core(before, after)), after
    assert cases > 1_000 and cases // 5 < alike < cases


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize(
    "text",
    [
        "SELECT a->>b, a->b, 0x1g, 0x1F, 1.5e3, .5, 1_0, $a::b(c), :x, @y, #z, ?3, x'00', X'0', 'it''s';",
        'select a  ->  b , -1, 1e, 1.e5, [a b], `c`, "d" from t; -- c\n',
        "SELECT 1 \v",
        "SELECT 1 \v x",
        "SELECT 'open",
        "SELECT 1; /* open",
    ],
)
def test_the_output_compared_as_it_is_lexed_on_tokens_ended_by_hand(target: Target, text: str) -> None:
    before = parse_with(text, target)
    for after in [
        text,
        text.upper(),
        text.lower(),
        text.replace(" ", "  "),
        text.replace(" ", ""),
        text + "\n",
    ]:
        assert same_tokens(before, after, target) is (
            not before.errors and (_lexed_alike(before, after, target) or _same_core(before, after))
        ), (text, after)
