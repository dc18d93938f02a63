"""Peak memory of one enormous literal, comment or name, per byte of input.

    python bench/literal_memory.py                  # 1, 5 and 20 MB, tokenize and parse
    python bench/literal_memory.py --mb 20 --stage tokenize --stage fmt

Each measurement runs in a fresh process: it imports syntaqlite, builds the
text (``SELECT '<n characters>';`` and the other shapes below), notes its
resident set size (and resets the peak to it: Linux's ``clear_refs``),
then runs the stage and notes the peak.  The figure printed is (peak -
resident before) / input bytes: the memory the stage needed per byte of the
literal.  A token's text is a second copy of the literal, so about 1 is what
tokenizing costs, and a few more copies formatting and checking; before the
string pattern became possessive, a quoted string took 330 bytes per byte
(a 20 MB literal needed 6.6 GB).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SHAPES = {
    "string": "SELECT '{a}';",
    "string-quotes": "SELECT '{q}';",
    "unterminated-string": "SELECT '{a}",
    "quoted-name": 'SELECT "{a}";',
    "backtick-name": "SELECT `{a}`;",
    "bracket-name": "SELECT [{a}];",
    "blob": "SELECT x'{h}';",
    "block-comment": "SELECT 1 /*{a}*/;",
    "unterminated-comment": "SELECT 1 /*{a}",
    "line-comment": "SELECT 1 --{a}\n;",
    "word": "SELECT {a};",
}

WORKER = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
import syntaqlite
from syntaqlite.syntax.lexer import tokenize
shape, n, stage = sys.argv[2], int(sys.argv[3]), sys.argv[4]
text = shape.format(a="a" * n, q="a''" * (n // 3), h="ab" * (n // 2))
def status(key):
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith(key))
with open("/proc/self/clear_refs", "w") as fh:  # the peak so far counts building the text:
    fh.write("5")  # reset it to what is resident now (Linux)
before = status("VmRSS:")
if stage == "tokenize":
    tokenize(text)
elif stage == "parse":
    syntaqlite.parse(text)
elif stage == "fmt":
    try:
        syntaqlite.format_sql(text)
    except syntaqlite.FormatError:
        pass
elif stage == "check":
    syntaqlite.check(text)
after = status("VmHWM:")
print(json.dumps({"bytes": len(text.encode()), "before_kb": before, "after_kb": after}))
"""


def measure(shape: str, n: int, stage: str) -> dict[str, int]:
    out = subprocess.run(
        [sys.executable, "-c", WORKER, str(ROOT), SHAPES[shape], str(n), stage],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, int] = json.loads(out.stdout)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--mb", type=float, action="append", help="literal size in MB (repeatable; default 1 5 20)"
    )
    ap.add_argument(
        "--stage",
        action="append",
        choices=["tokenize", "parse", "fmt", "check"],
        help="what to run (repeatable; default tokenize and parse)",
    )
    ap.add_argument("--shape", action="append", choices=sorted(SHAPES), help="(repeatable; default all)")
    args = ap.parse_args()
    sizes = args.mb or [1.0, 5.0, 20.0]
    stages = args.stage or ["tokenize", "parse"]
    shapes = args.shape or list(SHAPES)
    print(f"{'shape':<22} {'stage':<9} {'MB':>6} {'peak MB':>8} {'extra/byte':>10}")
    worst = 0.0
    for shape in shapes:
        for stage in stages:
            for mb in sizes:
                r = measure(shape, int(mb * 1_000_000), stage)
                extra = max(0, r["after_kb"] - r["before_kb"]) * 1024 / r["bytes"]
                worst = max(worst, extra)
                print(f"{shape:<22} {stage:<9} {mb:>6.1f} {r['after_kb'] / 1024:>8.0f} {extra:>10.2f}")
    print(f"worst: {worst:.2f} bytes of memory per byte of input")


if __name__ == "__main__":
    main()
