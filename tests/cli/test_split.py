"""One large file formatted by worker processes, piece by piece (cli/split.py):
the output is byte for byte what one process makes of it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from syntaqlite.cli import split, workers
from syntaqlite.cli.fmt import Outcome, _verify, format_text, shifted
from syntaqlite.diagnostics import Diagnostic
from syntaqlite.fmt import FormatOptions, FormatterBug
from syntaqlite.fmt.format import StreamFormatter
from syntaqlite.syntax.parser import parse
from syntaqlite.syntax.stream import Piece
from syntaqlite.syntax.target import DEFAULT_TARGET
from tests.test_stream import STATEMENTS, _young_at_collections

SEPARATORS = [
    ";\n",
    "; -- trailing\n",
    ";\n\n",
    ";\n\n\n-- lead\n\n",
    ";  /* x */\n",
    ";\n-- fmt: off\n",
    ";\n-- fmt: on\n",
    ";\n;\n; -- stray\n",
    ";\n/* a\nb */\n",
    ";\r\n",
]
TAILS = ["", ";", ";\n", ";\n-- the end\n", ";\n\n/* open", " /* open;", "\n;\n;\n", ";\n-- fmt: off\n"]


def _text(rng: random.Random, count: int) -> str:
    body = "".join(rng.choice(STATEMENTS) + rng.choice(SEPARATORS) for _ in range(count))
    return rng.choice(["", "\n\n", "-- head\n\n", ";\n"]) + body.rstrip(";\n ") + rng.choice(TAILS)


def _split_parts(text: str, options: FormatOptions, size: int) -> tuple[str, list[Diagnostic]] | str:
    """What _format_text does with workers, but with pieces of ``size``."""
    formatter = StreamFormatter(options)
    parts: list[str] = []

    def emit(piece: Piece | None, part: str) -> None:
        if piece is not None:
            _verify(piece, part, DEFAULT_TARGET)
        parts.append(part)

    try:
        errors = split.format_split(text, options, DEFAULT_TARGET, 2, formatter, emit, shifted, size=size)
        if not errors:
            for done, part in formatter.finish():
                emit(done, part)
    except FormatterBug as exc:
        return f"bug: {exc}"
    return ("" if errors else "".join(parts)), errors  # with errors, nothing is printed


def _one_process(text: str, options: FormatOptions, size: int) -> tuple[str, list[Diagnostic]] | str:
    from syntaqlite.syntax.stream import parse_stream

    formatter = StreamFormatter(options)
    parts: list[str] = []
    errors: list[Diagnostic] = []
    try:
        for piece in parse_stream(text, DEFAULT_TARGET, size=size):
            if piece.result.errors:
                errors.extend(shifted(d, piece.offset) for d in piece.result.errors)
            elif not errors:
                for done, part in formatter.feed(piece):
                    _verify(done, part, DEFAULT_TARGET)
                    parts.append(part)
        if not errors:
            for done, part in formatter.finish():
                _verify(done, part, DEFAULT_TARGET)
                parts.append(part)
    except FormatterBug as exc:
        return f"bug: {exc}"
    return ("" if errors else "".join(parts)), errors  # with errors, nothing is printed


@pytest.mark.parametrize("seed", range(3))
def test_pieces_formatted_by_workers_are_the_one_process_output(seed: int) -> None:
    rng = random.Random(seed)
    checked = 0
    for _ in range(12):
        text = _text(rng, rng.randint(5, 60))
        for size in (1, 200, 3000):
            for options in (FormatOptions(), FormatOptions(line_width=40, keyword_case="lower")):
                expected = _one_process(text, options, size)
                assert _split_parts(text, options, size) == expected, (text, size)
                checked += not isinstance(expected, str) and not expected[1]
    assert checked > 10  # most texts parse and format


def _outcome(o: Outcome) -> tuple[str, str, str | None]:
    return o.status, o.message, o.new_text


def test_a_large_file_with_workers_is_the_file_in_one_process() -> None:
    rng = random.Random(7)
    good = [s for s in STATEMENTS[:600] if not parse(s).errors]
    text = "".join(rng.choice(good) + rng.choice(SEPARATORS) for _ in range(6000))
    assert len(text) > 4 * 64_000  # several pieces
    options = FormatOptions()
    alone = format_text(text, "big.sql", options, DEFAULT_TARGET, False)
    assert alone.status == "changed"
    assert _outcome(format_text(text, "big.sql", options, DEFAULT_TARGET, False, workers=2)) == _outcome(
        alone
    )
    crlf = text.replace("\r\n", "\n").replace("\n", "\r\n")
    assert _outcome(format_text(crlf, "big.sql", options, DEFAULT_TARGET, False, workers=2)) == _outcome(
        format_text(crlf, "big.sql", options, DEFAULT_TARGET, False)
    )


def test_syntax_errors_are_reported_for_every_piece_as_in_one_process() -> None:
    text = "SELECT 1;\nSELEC 2;\n" + "SELECT 3;\n" * 50 + "SELECT (;\n" + "SELECT 4;\n" * 50
    for size in (1, 100):
        result = _split_parts(text, FormatOptions(), size)
        assert not isinstance(result, str)
        assert result == _one_process(text, FormatOptions(), size)
        assert len(result[1]) == 2


def test_a_piece_a_worker_cannot_verify_is_done_again_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """The workers (forked after the patch) reject every output: every
    piece is formatted again in this process, with the same result."""
    monkeypatch.setattr(split, "difference", lambda before, after, target: "rejected")
    text = "".join(s + ";\n\n" for s in STATEMENTS[:80])
    expected = _one_process(text, FormatOptions(), 500)
    assert _split_parts(text, FormatOptions(), 500) == expected


def test_a_worker_that_raises_leaves_the_piece_to_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("broken")

    monkeypatch.setattr(split, "piece_body", broken)
    text = "SELECT 1;\n" * 300
    assert _split_parts(text, FormatOptions(), 400) == _one_process(text, FormatOptions(), 400)


def test_semicolons_false_is_formatted_in_one_process() -> None:
    text = "SELECT 1;\n" * 2_000
    options = FormatOptions(semicolons=False)
    out = format_text(text, "x.sql", options, DEFAULT_TARGET, False, workers=2)
    assert out.status == "changed" and out.new_text is not None and out.new_text.endswith("SELECT 1\n")


def test_fmt_splits_a_large_file_and_writes_what_one_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from syntaqlite.cli.fmt import fmt_command

    monkeypatch.setattr(workers, "SPLIT_FROM", 100_000)  # the command, in this process
    rng = random.Random(3)
    good = [s for s in STATEMENTS[:300] if not parse(s).errors]
    text = "".join(rng.choice(good) + rng.choice(SEPARATORS) for _ in range(2500))
    assert len(text.encode()) > workers.SPLIT_FROM
    one, two = tmp_path / "one.sql", tmp_path / "two.sql"
    one.write_text(text, encoding="utf-8", newline="")
    two.write_text(text, encoding="utf-8", newline="")
    done = CliRunner().invoke(fmt_command, ["-v", "-j", "2", str(two)])
    assert "formatted in pieces by 2 workers (--jobs 2)" in done.output, done.output
    assert done.exit_code == 0 and "1 file reformatted" in done.output
    assert CliRunner().invoke(fmt_command, ["-j", "1", str(one)]).exit_code == 0
    assert two.read_bytes() == one.read_bytes() != text.encode()


def test_workers_end_with_the_command_however_it_ends(tmp_path: Path) -> None:
    """Killed outright (no handler runs), the command leaves no worker behind."""
    import os
    import signal
    import subprocess
    import sys
    import time

    big = tmp_path / "big.sql"
    big.write_text("select 1;\n" * (workers.SPLIT_FROM // 10 + 10_000))
    proc = subprocess.Popen(
        [sys.executable, "-m", "syntaqlite", "fmt", "--check", "-j", "2", str(big)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the workers are found by it
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = subprocess.run(["ps", "-o", "pid=", "--ppid", str(proc.pid)], capture_output=True, text=True)
        if len(found.stdout.split()) >= 2:
            break
        time.sleep(0.05)
    else:
        proc.kill()
        pytest.fail("no workers started")
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    pytest.fail("a worker outlived the command")


def test_a_long_statement_is_formatted_here_from_the_tokens_of_the_cut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A dump's INSERT of many rows: no worker lexes it again (none starts
    for a text of long statements only), and the output is the same."""

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker process was started")

    monkeypatch.setattr(split, "ProcessPoolExecutor", no_pool)
    rows = ",\n".join(f"  ({i}, 'name {i}', {i}.5)" for i in range(3000))
    text = f"INSERT INTO t (a, b, c) VALUES\n{rows};\nINSERT INTO u VALUES\n{rows};\n"
    result = _split_parts(text, FormatOptions(), 2000)
    assert result == _one_process(text, FormatOptions(), 2000)
    assert not isinstance(result, str) and result[0].count("INSERT INTO") == 2


def test_no_collection_walks_a_long_statement_formatted_here() -> None:
    """A long INSERT is lexed, parsed, formatted and verified here with the
    collector off, and freed before it is on again: a collection finds few
    young objects, not its 24,000 tokens and its tree."""
    rows = ",\n".join(f"({i}, 'v{i}', NULL)" for i in range(4_000))
    text = f"INSERT INTO t VALUES {rows};\nSELECT 1;\n"
    result: list[tuple[str, list[Diagnostic]] | str] = []
    young = _young_at_collections(lambda: result.append(_split_parts(text, FormatOptions(), 2_000)))
    assert young < 3_000
    assert result == [(format_text(text, "t.sql", FormatOptions(), DEFAULT_TARGET, False).new_text, [])]
