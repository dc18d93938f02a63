"""bench/fmt_compare.py's core, with this project's formatter only (no
network, no other tool): its statements, its checks, its robustness to a
tool that fails, crashes or hangs, and its document."""

from __future__ import annotations

import shutil
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import fmt_compare as fc  # noqa: E402


def test_application_statements_are_realistic_and_accepted() -> None:
    stmts = fc.app_statements()
    assert len(stmts) >= 40
    sql = "\n".join(s.sql for s in stmts).upper()
    for feature in ("JOIN", "WITH RECURSIVE", "OVER (", "CASE", "ON CONFLICT", "CREATE TRIGGER", "CHECK ("):
        assert feature in sql, feature
    assert sum("--" in s.sql or "/*" in s.sql for s in stmts) >= 20
    acceptance = fc.Acceptance()
    try:
        rejected = [(s.sql, acceptance.error(s, s.sql)) for s in stmts if acceptance.error(s, s.sql)]
    finally:
        acceptance.close()
    assert not rejected


def test_split_script_keeps_comments_with_their_statement() -> None:
    text = "-- about one\nSELECT 1; -- after one\n\n/* about two */ SELECT 2;\nSELECT 3"
    assert fc.split_script(text) == [
        "-- about one\nSELECT 1; -- after one",
        "/* about two */ SELECT 2;",
        "SELECT 3",
    ]


def test_checks_see_what_a_formatter_breaks() -> None:
    before = "CREATE TABLE t (\n  a INT,\n  b INT -- note\n);"
    assert fc.comment_difference(before, "CREATE TABLE t (\n  a INT,\n  b INT -- note\n);\n") is None
    moved = fc.comment_difference(before, "CREATE TABLE t (a INT, b INT); -- note")
    assert moved is not None and "moved" in moved
    assert fc.comment_difference(before, "CREATE TABLE t (a INT, b INT);") is not None
    # The comment's markers may change, and a comma is not a neighbour.
    assert fc.comment_difference("SELECT a, -- x\n b", "SELECT a /* x */, b") is None
    assert fc.token_difference("select a from t;", "SELECT a\nFROM t") is None
    assert fc.token_difference("SELECT a <> 1", "SELECT a != 1") == "token 3: '<>' became '!='"
    assert fc.token_difference("SELECT count(x)", "SELECT COUNT(x)") is not None
    assert fc.token_difference("SELECT count(x)", "SELECT COUNT(x)", fold_names=True) is None
    assert fc.token_difference("SELECT 'a'", 'SELECT "a"', fold_names=True) is not None
    text = "SELECT 1\n" + "x" * 90 + "\n  'a" + "b" * 90 + "',\nSELECT " + "a" * 45 + ", " + "b" * 45
    assert fc.long_lines(text, 80) == (3, 1)  # a lone long name or string has no break point


class Scripted(fc.Tool):
    """A formatter that answers from a table, to exercise the measures."""

    name = "scripted"

    def __init__(self, answers: dict[str, fc.Answer]) -> None:
        self.answers = answers

    def format(self, sql: str, width: int) -> fc.Answer:
        return self.answers.get(sql, fc.Answer(sql, None, 0.001))


def test_measures_on_our_formatter_and_a_broken_one() -> None:
    stmts = [s for s in fc.app_statements() if s.sql.startswith(("CREATE TABLE tasks ", "SELECT\n  p.slug"))]
    assert len(stmts) == 2
    broken = {
        stmts[0].sql: fc.Answer(stmts[0].sql.replace("NOT NULL", "NOTNULL", 1), None, 0.001),
        stmts[1].sql: fc.Answer(None, "ValueError: cannot", 0.001),
    }
    ours = fc.OurFormatter(timeout=30)
    outcomes, totals = fc.run([ours, Scripted(broken)], stmts, width=80)
    mine = totals["app"]["syntaqlite"]
    assert mine.statements == mine.formatted == mine.idempotent == mine.tokens == mine.accepted == 2
    assert mine.with_comments == mine.comments == 2
    bad = totals["app"]["scripted"]
    assert (bad.formatted, bad.failures) == (1, {"ValueError": 1})
    assert bad.tokens == 0 and bad.accepted == 0
    first = outcomes["app"]["scripted"][0]
    assert first.rejected is not None and first.tokens is not None

    report = fc.Report(80, {"app": stmts}, {"syntaqlite": ours.version}, {"peer": "why"}, outcomes, totals)
    doc = fc.document(report)
    assert doc.count("### app ") == 2
    assert "Skipped syntaqlite (PyPI peer): why." in doc
    assert "failed: ValueError: cannot" in doc
    assert "| tokens kept | 2/2 (100.0%) | 0/1 (0.0%) |" in doc


FAKE_WORKER = textwrap.dedent(
    """
    import json, sys, time
    print(json.dumps({"ready": True, "version": "0"}), flush=True)
    for line in sys.stdin:
        sql = json.loads(line)["sql"]
        if sql == "hang":
            time.sleep(60)
        if sql == "crash":
            sys.exit(3)
        print(json.dumps({"out": sql.upper(), "seconds": 0.0}), flush=True)
    """
)


def test_a_worker_that_crashes_or_hangs_is_counted_and_restarted(tmp_path: Path) -> None:
    tool = fc.WorkerTool("fake", [sys.executable, "-c", FAKE_WORKER], tmp_path, timeout=2)
    try:
        assert tool.format("select 1", 80).out == "SELECT 1"
        assert (tool.format("hang", 80).error or "").startswith("timeout")
        assert tool.format("select 2", 80).out == "SELECT 2"
        assert (tool.format("crash", 80).error or "").startswith("crash")
        assert tool.format("select 3", 80).out == "SELECT 3"
        assert tool.restarts == 2
    finally:
        tool.close()


def test_a_tool_that_cannot_start_is_skipped(tmp_path: Path) -> None:
    with pytest.raises(fc.Unavailable):
        fc.WorkerTool("fake", [sys.executable, "-c", "print('{}')"], tmp_path, timeout=2)
    with pytest.raises(fc.Unavailable):
        fc.WorkerTool("fake", [str(tmp_path / "missing")], tmp_path, timeout=2)
    with pytest.raises(fc.Unavailable, match="--no-install"):
        fc.make_tool("peer", tmp_path, timeout=2, install=False)


def test_prettier_is_skipped_without_npm(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(fc.Unavailable, match="npm"):
        fc.make_tool("prettier", tmp_path, timeout=2, install=True)


def test_command_line_with_our_formatter_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = tmp_path / "app.sql"
    script.write_text("CREATE TABLE t (a INT, b TEXT); -- two columns\n\nSELECT a, b FROM t WHERE a = 1;\n")
    out = tmp_path / "compare.md"
    argv = ["--tools", "syntaqlite,peer", "--no-install", "--cache", str(tmp_path / "cache")]
    assert fc.main([*argv, "--corpus", "0", "--statements", str(script), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "skipped syntaqlite (PyPI peer): not installed" in printed
    assert "| comments kept in place | 1/1 (100.0%) |" in printed
    assert out.read_text().count("### app ") == 2
    script.write_text("SELECT 1;\nSELECT (;\n")
    assert fc.main([*argv, "--statements", str(script)]) == 2
    assert f"error: {script}:2:9: " in capsys.readouterr().err
