"""One formatter of bench/fmt_compare.py, run in that tool's own
interpreter (its own virtual environment), never inside this project.

    python -I bench/fmt_compare_worker.py sqlfluff|sqlglot|peer CONFIG

It prints one JSON line when it is ready (``{"ready": ..., "version": ...}``),
then reads requests, one JSON line each (``{"sql": ..., "width": 80}``),
and answers each with one JSON line: ``{"out": text, "seconds": s}`` or
``{"error": message, "seconds": s}``.  Only the standard library and the
tool are imported: ``-I`` keeps this project's ``syntaqlite`` (and
PYTHONPATH) away from the peer package of the same name.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any

Formatter = Callable[[str, int], str]


def sqlfluff_formatter(config_path: str) -> tuple[str, Formatter]:
    import sqlfluff
    from sqlfluff.core import FluffConfig, Linter

    linters: dict[int, Linter] = {}

    def run(sql: str, width: int) -> str:
        if width not in linters:
            config = FluffConfig.from_root(
                extra_config_path=config_path,
                ignore_local_config=True,
                overrides={"dialect": "sqlite", "max_line_length": width},
            )
            linters[width] = Linter(config=config)
        result = linters[width].lint_string_wrapped(sql, fix=True)
        linted = result.paths[0].files[0]
        problems = [
            v for v in linted.violations if type(v).__name__ in ("SQLParseError", "SQLTemplaterError")
        ]
        if problems:
            first = problems[0]
            raise ValueError(f"{first.line_no}:{first.line_pos}: {first.desc()}")
        fixed: str = linted.fix_string()[0]
        return fixed

    return sqlfluff.__version__, run


def sqlglot_formatter(_config: str) -> tuple[str, Formatter]:
    import sqlglot

    def run(sql: str, width: int) -> str:
        parts = sqlglot.transpile(sql, read="sqlite", write="sqlite", pretty=True, max_text_width=width)
        if not parts:
            raise ValueError("no statement in the output")
        return ";\n\n".join(parts) + ";\n"

    return str(getattr(sqlglot, "__version__", "?")), run


def peer_formatter(_config: str) -> tuple[str, Formatter]:
    import syntaqlite

    if "site-packages" not in (syntaqlite.__file__ or ""):
        raise RuntimeError(f"the peer syntaqlite must come from its own venv, not {syntaqlite.__file__}")
    engine = syntaqlite.Syntaqlite()

    def run(sql: str, width: int) -> str:
        out: str = engine.format_sql(sql, line_width=width, keyword_case="upper")
        return out

    return syntaqlite.__version__, run


TOOLS: dict[str, Callable[[str], tuple[str, Formatter]]] = {
    "sqlfluff": sqlfluff_formatter,
    "sqlglot": sqlglot_formatter,
    "peer": peer_formatter,
}


def send(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main() -> int:
    name, config = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "")
    try:
        version, run = TOOLS[name](config)
    except Exception as exc:  # noqa: BLE001 - told to the parent, which skips the tool
        send({"ready": False, "error": f"{type(exc).__name__}: {exc}"})
        return 1
    send({"ready": True, "version": version})
    for line in sys.stdin:
        request = json.loads(line)
        start = time.perf_counter()
        try:
            out = run(request["sql"], request["width"])
        except Exception as exc:  # noqa: BLE001 - a tool failing on one statement is counted
            message = str(exc).strip().splitlines()
            send(
                {
                    "error": f"{type(exc).__name__}: {message[0] if message else ''}",
                    "seconds": time.perf_counter() - start,
                }
            )
            continue
        send({"out": out, "seconds": time.perf_counter() - start})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
