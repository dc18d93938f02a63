"""Write tests/data/corpus-sample.jsonl.gz: a fixed random sample of both
corpus files, so that the test suite can measure fidelity where
../shared/corpus/ is not available (a fresh clone in CI).

    python bench/make_corpus_sample.py
"""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "tests" / "data" / "corpus-sample.jsonl.gz"
PER_FILE = 2500


def main() -> None:
    rows = []
    for name, source in (("real", "sqlite-upstream.jsonl.gz"), ("mutants", "sqlite-mutants.jsonl.gz")):
        with gzip.open(CORPUS / source, "rt", encoding="utf-8") as fh:
            data = [json.loads(line) for line in fh]
        for row in random.Random(20261127).sample(data, PER_FILE):
            rows.append(
                {"set": name, "sql": row["sql"], "v3_54_1": row["v3_54_1"], "err_3_54_1": row["err_3_54_1"]}
            )
    with gzip.open(OUT, "wt", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} statements")


if __name__ == "__main__":
    main()
