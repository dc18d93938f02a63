"""Statement by statement: parse_stream, check_stream and StreamFormatter
give what the whole-text functions give, in bounded memory."""

from __future__ import annotations

import gc
import gzip
import io
import json
import random
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from syntaqlite.fmt import FormatOptions, FormatterBug, format_result
from syntaqlite.fmt.format import StreamFormatter, format_stream
from syntaqlite.syntax import cut as cut_module
from syntaqlite.syntax import lexer, stream
from syntaqlite.syntax.dump import dump_lines, dump_text, error_line
from syntaqlite.syntax.lexer import tokenize
from syntaqlite.syntax.parser import _COMPLETE, _COMPLETE_CLASS, _WORDLIKE, parse
from syntaqlite.syntax.stream import parse_stream
from syntaqlite.syntax.target import DEFAULT_TARGET, Target
from syntaqlite.syntax.tokens import Token
from syntaqlite.text import Lines
from syntaqlite.validator.checker import check_text
from syntaqlite.validator.stream import check_stream

CORPUS = Path("/work/shared/corpus/sqlite-upstream.jsonl.gz")
SEPARATORS = [
    ";\n",
    "; -- trailing\n",
    ";\n\n",
    ";  /* x */\n",
    ";\n-- fmt: off\n",
    ";\n-- fmt: on\n",
    ";;\n",
    "; ",
    ";\n/* a\nb */\n",
    ";\n\n\n-- lead\n",
    ";\r\n",
]
FALLBACK = [
    "SELECT a, b FROM t WHERE c = 'x;\ny'",
    "CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT 1; UPDATE t SET a = 2; END",
    "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT)",
    "INSERT INTO t VALUES (1, 'a'), (2, 'b')",
    "SELECT [x;\n] FROM t",
    "SELEC 1",
    "CREATE TABLE t(a)",
]


def _statements() -> list[str]:
    if not CORPUS.exists():
        return FALLBACK
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        return FALLBACK + [s for s in (json.loads(line)["sql"] for line in fh) if s.strip()]


STATEMENTS = _statements()


def _texts(seed: int, count: int) -> list[tuple[str, int]]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        text = "".join(rng.choice(STATEMENTS) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, 25)))
        if rng.random() < 0.3:
            text = text.rstrip(";\n ")
        out.append((text, rng.choice([1, 40, 300, 5000])))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_pieces_are_the_whole_parse(seed: int) -> None:
    for text, size in _texts(seed, 60):
        whole = parse(text)
        pieces = list(parse_stream(text, size=size))
        assert "".join(p.text for p in pieces) == text
        from_file = [(p.offset, p.line, p.text) for p in parse_stream(io.StringIO(text), size=size)]
        assert from_file == [(p.offset, p.line, p.text) for p in pieces]
        errors = [
            e.replace(start=e.start + p.offset, end=e.end + p.offset) for p in pieces for e in p.result.errors
        ]
        assert errors == whole.errors
        kinds = [
            (t.kind, t.text, t.start + p.offset, t.line + p.line - 1, t.column)
            for p in pieces
            for t in p.result.tokens
        ]
        assert kinds == [(t.kind, t.text, t.start, t.line, t.column) for t in whole.tokens]
        assert sum(len(p.result.statements) for p in pieces) == len(whole.statements)


@pytest.mark.parametrize("seed", range(2))
def test_the_dump_piece_by_piece_is_the_whole_dump(seed: int) -> None:
    """What ``syntaqlite parse`` prints, streamed: each piece's lines at its
    place in the whole text, then the errors."""
    for text, size in _texts(300 + seed, 60):
        whole = parse(text)
        lines: list[str] = []
        column = 1
        for piece in parse_stream(text, size=size):
            lines += dump_lines(piece.result, line=piece.line, column=column)
            brk = max(piece.text.rfind("\n"), piece.text.rfind("\r"))
            column = len(piece.text) - brk if brk >= 0 else column + len(piece.text)
        index = Lines(text)
        lines += [error_line(*index.position(e.start), e.message) for e in whole.errors]
        assert "\n".join(lines) + "\n" == dump_text(whole)


def test_a_dump_shifted_to_where_its_text_starts() -> None:
    result = parse("SELECT a;\n  SELECT b;")
    shifted = list(dump_lines(result, line=5, column=7))
    assert shifted[0] == "stmt 5:7-5:16" and shifted[2] == '    SELECT "SELECT" 5:7'
    assert "stmt 6:3-6:12" in shifted


@pytest.mark.parametrize("seed", range(4))
def test_check_stream_is_check_text(seed: int) -> None:
    for text, size in _texts(100 + seed, 40):
        streamed = [d for found in check_stream(text, size=size) for d in found.diagnostics]
        assert streamed == check_text(text, model=False).diagnostics


@pytest.mark.parametrize("seed", range(4))
def test_stream_formatter_is_format_result(seed: int) -> None:
    formatted = 0
    for text, size in _texts(200 + seed, 60):
        whole = parse(text)
        if whole.errors:
            continue
        for options in (FormatOptions(), FormatOptions(semicolons=False)):
            try:
                expected = format_result(whole, options)
            except FormatterBug:
                continue
            formatter = StreamFormatter(options)
            parts = []
            for piece in parse_stream(text, size=size):
                parts += [part for _piece, part in formatter.feed(piece)]
            parts += [part for _piece, part in formatter.finish()]
            assert "".join(parts) == expected
            formatted += 1
    assert formatted > 20


def test_a_piece_never_cuts_a_statement() -> None:
    text = "CREATE TRIGGER r AFTER INSERT ON t BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\nSELECT 'a;\nb';\nSELECT 3; -- c\nSELECT 4;\n"
    pieces = [p.text for p in parse_stream(text, size=1)]
    assert pieces == [
        "CREATE TRIGGER r AFTER INSERT ON t BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;",
        "\nSELECT 'a;\nb';",
        "\nSELECT 3; -- c",
        "\nSELECT 4;\n",
    ]


def test_format_stream_reports_where_in_the_whole_text() -> None:
    text = "SELECT 1;\n" * 50 + "SELEC 2;\n"
    with pytest.raises(Exception) as info:
        "".join(format_stream(text))
    assert str(info.value).startswith("51:1: ")
    (d,) = info.value.diagnostics  # type: ignore[attr-defined]
    assert text[d.start : d.end] == "SELEC"


def _peak_streaming(statements: int) -> int:
    text = "SELECT 1;\n" * statements
    tracemalloc.start()
    try:
        parsed = sum(len(piece.result.statements) for piece in parse_stream(text, size=2_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert parsed == statements
    return peak


def test_memory_follows_the_piece_not_the_text() -> None:
    """Parsing a text whole holds every tree at once (about 1.2 kB a
    statement here); streamed, one piece's: four times the statements, the
    same peak."""
    small, large = _peak_streaming(5_000), _peak_streaming(20_000)
    assert large < 1.5 * small
    assert large < 20_000 * 100


def _lexed(tokens: list[Token]) -> list[tuple[str, str, int, int, int, int]]:
    return [(t.kind, t.text, t.start, t.line, t.column, t.index) for t in tokens]


@pytest.mark.parametrize("seed", range(3))
def test_lexing_resumed_is_lexing_afresh(seed: int) -> None:
    """``tokenize(resume=...)`` (the stream looking further into one long
    statement) gives what lexing the longer text afresh gives, wherever the
    shorter text was cut: inside numbers, blobs, strings, comments, CR LF."""
    rng = random.Random(seed)
    tails = [
        "1.5e+3",
        "x'0a1b'",
        "'it''s'",
        "/* c */",
        "-- c\r\n",
        "$a::b(c)",
        "[x y]",
        "1_000",
        "->>",
        "\r\n",
    ]
    targets = [DEFAULT_TARGET, Target.from_options("3.30.0"), Target.from_options("3.20.0")]
    for _ in range(150):
        text = "".join(rng.choice(STATEMENTS + tails) + rng.choice([" ", "\n", ";\n", ""]) for _ in range(6))
        target = rng.choice(targets)
        whole = _lexed(tokenize(text, target.keywords, target.lex_dialect))
        cuts = sorted(rng.sample(range(len(text) + 1), min(4, len(text) + 1)))
        tokens: list[Token] | None = None
        for cut in [*cuts, len(text)]:
            tokens = tokenize(text[:cut], target.keywords, target.lex_dialect, resume=tokens)
        assert tokens is not None
        assert _lexed(tokens) == whole


def test_a_long_statement_is_lexed_once() -> None:
    """The window over one statement longer than a piece grows without
    lexing what it held again."""
    text = "INSERT INTO t VALUES\n" + ",\n".join(f"({i}, 'v{i}')" for i in range(3_000)) + ";\n"
    calls = []
    real = lexer.tokenize

    def counting(chunk: str, *args: object, **kwargs: object) -> list[Token]:
        kept = kwargs.get("resume")
        calls.append(len(chunk) - (kept[-1].end if isinstance(kept, list) and kept else 0))
        return real(chunk, *args, **kwargs)  # type: ignore[arg-type]

    stream.tokenize = counting  # type: ignore[assignment]
    try:
        (piece,) = parse_stream(text, size=1_000)
    finally:
        stream.tokenize = real
    assert len(calls) > 5 and sum(calls) < 1.2 * len(text)
    assert _lexed(piece.result.tokens) == _lexed(parse(text).tokens)


def _long_texts(seed: int, count: int) -> list[tuple[str, int]]:
    """Texts with statements longer than the piece size, ending in all the
    ways a cut looks at (a trailing comment, one on the next line, none)."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 6)):
            rows = ",\n".join(f"({i}, 'v;{i}') /* c */" for i in range(rng.randint(1, 400)))
            parts.append(f"INSERT INTO t VALUES {rows}" + rng.choice(SEPARATORS))
            parts.append(rng.choice(STATEMENTS) + rng.choice(SEPARATORS))
        out.append(("".join(parts), rng.choice([1, 50, 300, 2000])))
    return out


@pytest.mark.parametrize("seed", range(3))
def test_a_growing_window_is_cut_where_a_fresh_scan_cuts_it(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cut's scan goes on where the smaller window's stopped: the pieces
    are those of a scan from the first token of every window."""
    for text, size in _long_texts(400 + seed, 25):
        resumed = [(p.offset, p.line, p.text) for p in parse_stream(text, size=size)]
        with monkeypatch.context() as m:
            m.setattr(stream, "settled", lambda tokens: 0)  # every scan from the first token
            fresh = [(p.offset, p.line, p.text) for p in parse_stream(text, size=size)]
        assert resumed == fresh
        assert "".join(t for _o, _l, t in resumed) == text


def test_a_window_that_ends_at_a_statement_end_is_cut_as_a_fresh_scan_cuts_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Piece sizes from 40 to 1,000: windows end on the tokens around the
    ends of the long statements (the semicolon, the comment after it, the
    next statement's first token) and inside a trigger's body, whose
    semicolons end no statement."""
    rows = ",".join(f"({i},'x')" for i in range(120))
    body = "".join(f"INSERT INTO t VALUES ({i});\n" for i in range(40))
    text = (
        f"INSERT INTO t VALUES {rows}; -- a\nSELECT 1;\nINSERT INTO t VALUES {rows};\n-- b\nSELECT 2;\n"
        f"CREATE TRIGGER r AFTER INSERT ON t BEGIN\n{body}END;\nSELECT 3;"
    )
    for size in range(40, 1_000, 3):
        resumed = [p.text for p in parse_stream(text, size=size)]
        with monkeypatch.context() as m:
            m.setattr(stream, "settled", lambda tokens: 0)
            assert resumed == [p.text for p in parse_stream(text, size=size)], size


def _step(state: int, tok: Token) -> int:
    """``sqlite3_complete``'s state after ``tok``."""
    if tok.kind == "COMMENT":
        return state
    word = tok.text.upper() if tok.kind in _WORDLIKE else tok.kind
    return _COMPLETE[state][_COMPLETE_CLASS.get(word, 1)]


def _cut_one_by_one(tokens: list[Token], text: str, size: int, scan: list[int], again: int) -> int:
    """What :func:`syntaqlite.syntax.cut.cut` answers, the plain way: every
    token through the state machine, one by one (the cut jumps from
    semicolon to semicolon inside a statement)."""
    state, best = scan[1], 0
    for i in range(scan[0], len(tokens)):
        if i == again:
            scan[0], scan[1] = i, state
        tok = tokens[i]
        state = _step(state, tok)
        if state != 1 or tok.kind == "COMMENT":
            continue
        j = i + 1
        if j < len(tokens) and tokens[j].kind == "COMMENT" and tokens[j].text.startswith("--"):
            if "\n" in text[tok.end : tokens[j].start]:
                best = j
            elif j + 1 < len(tokens):
                best = j + 1
        elif j < len(tokens) and "\n" in text[tok.end : tokens[j].start]:
            best = j
        if best and tokens[best - 1].end >= size:
            break
    return best


@pytest.mark.parametrize("seed", range(3))
def test_the_cut_is_a_scan_token_by_token(seed: int) -> None:
    """The cut's jumps to the next semicolon (over ``;`` in strings,
    comments, quoted names, a trigger's body, text without one) give the
    answer and the resumption point of a scan of every token, from any
    place and state a scan can resume at, whatever the size."""
    rng = random.Random(500 + seed)
    odd = [
        "SELECT 'a;b', \"c;d\", [e;f], `g;h` /* i; */ -- j;\n FROM t",
        "CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT ';'; DELETE FROM t; END",
        "CREATE TEMP TRIGGER r BEFORE DELETE ON t BEGIN UPDATE t SET a = 'x;'; END",
        "EXPLAIN CREATE TRIGGER r AFTER INSERT ON t BEGIN SELECT 1; END",
        "INSERT INTO t VALUES " + ",\n".join(f"({i}, 'v;{i}') /* ;{i} */" for i in range(60)),
        "SELECT 'unterminated;",
        "SELECT 1 /* unterminated;",
        "-- only a comment;",
    ]
    compared = 0
    for _ in range(120):
        parts = rng.randint(1, 8)
        text = "".join(
            rng.choice(STATEMENTS + odd) + rng.choice([*SEPARATORS, " ", "\n", ""]) for _ in range(parts)
        )
        tokens = tokenize(text)
        states = [0]  # the state before each token, as a scan resumes with it
        for tok in tokens:
            states.append(_step(states[-1], tok))
        for _ in range(6):
            start = rng.randrange(len(tokens) + 1)
            again = rng.randrange(len(tokens) + 2)
            size = rng.choice([0, 1, 30, 200, len(text) // 2, 10 * len(text)])
            fast, slow = [start, states[start]], [start, states[start]]
            found = cut_module.cut(tokens, text, size, fast, again)
            assert found == _cut_one_by_one(tokens, text, size, slow, again), (text, start, size, again)
            assert fast == slow
            compared += 1
    assert compared == 720


def _young_at_collections(run: Callable[[], object]) -> int:
    """The most objects the collector's youngest generation held when a
    collection started while ``run`` ran (with the collector on)."""
    seen = [0]

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen[0] = max(seen[0], gc.get_count()[0])

    was = gc.isenabled()
    gc.enable()
    gc.callbacks.append(watch)
    try:
        run()
    finally:
        gc.callbacks.remove(watch)
        if not was:
            gc.disable()
    return seen[0]


def test_no_collection_walks_a_piece_while_it_is_checked() -> None:
    """The collector is off from a piece's first character lexed to its
    findings placed, and the piece is freed before it is on again: a
    collection finds few young objects, not the 24,000 tokens and the tree
    of a long INSERT (nor those of the 64 kB pieces around it)."""
    rows = ",\n".join(f"({i}, 'v{i}', NULL)" for i in range(4_000))
    text = "SELECT 1;\n" * 3_000 + f"INSERT INTO t VALUES {rows};\n" + "SELECT 2;\n" * 3_000
    young = _young_at_collections(lambda: [f.diagnostics for f in check_stream(text, size=8_000)])
    assert young < 3_000


def test_each_paused_frees_each_item_before_the_collector_is_on() -> None:
    """``each_paused`` (fmt's loop over pieces in one process): an item
    the body does not keep is freed while the collector is off."""
    from syntaqlite.syntax.memory import each_paused

    rows = ",\n".join(f"({i}, 'v{i}', NULL)" for i in range(4_000))
    text = "SELECT 1;\n" * 3_000 + f"INSERT INTO t VALUES {rows};\n" + "SELECT 2;\n" * 3_000
    seen: list[int] = []
    young = _young_at_collections(
        lambda: each_paused(parse_stream(text, size=8_000), lambda p: seen.append(len(p.result.tokens)))
    )
    assert young < 3_000
    assert sum(seen) == len(parse(text).tokens)
