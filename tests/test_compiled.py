"""The compiled core, as ``pip install`` builds it: the wheel's build hook
(``hatch_build.py``, which runs ``syntaqlite_dev.compile``) makes a wheel,
unpacked here in a temporary directory.  It reports itself, gives the same
trees, diagnostics and formatting as the pure-Python package on the corpus
sample, and passes a sample of the test suite.  Skipped, with the reason,
where nothing can be compiled (no C compiler, headers, mypyc or
setuptools).  Without a working compiler the hook builds the pure wheel."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hatchling.builders.wheel import WheelBuilder

from syntaqlite_dev import compile as compiler

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow

# Prints a digest of everything the compiled modules compute, for the rows
# of the committed corpus sample: token kinds and spans, tree dumps, syntax
# errors and formatted text (or the formatter's refusal), and the
# validator's diagnostics and semantic model for the sample as one file.
_DIGEST = """
import gzip, hashlib, json, re, sys
import syntaqlite
from syntaqlite.syntax.dump import dump_text
from syntaqlite.syntax.lexer import tokenize
from syntaqlite.fmt import FormatError, FormatOptions
from syntaqlite.validator.checker import check_text
h = hashlib.sha256()
rows = [json.loads(line) for line in gzip.open("tests/data/corpus-sample.jsonl.gz", "rt", encoding="utf-8")]
narrow = FormatOptions(line_width=30)
for row in rows:
    sql = row["sql"]
    h.update(repr([(t.kind, t.start, t.line, t.column) for t in tokenize(sql)]).encode())
    result = syntaqlite.parse(sql)
    h.update(dump_text(result).encode())
    h.update(repr([(d.message, d.start, d.end) for d in result.errors]).encode())
    for options in (None, narrow):
        try:
            h.update(syntaqlite.format_sql(sql, options).encode())
        except FormatError as exc:
            h.update(repr([(d.message, d.start) for d in exc.diagnostics]).encode())
checked = check_text(";\\n".join(row["sql"] for row in rows) + ";\\n")
assert len(checked.diagnostics) > 1000 and not checked.internal_errors
for d in checked.diagnostics:
    h.update(repr((d.code, d.message, d.start, d.end, d.severity, d.help, d.replacement, d.related)).encode())
for ref in checked.model.references + checked.model.definitions:
    t = ref.target  # keys made from id() differ between runs
    h.update(repr((ref.token.start, t and (t.kind, re.sub(r"\\d{9,}", "N", t.key), t.detail))).encode())
print(len(rows), h.hexdigest())
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    why = compiler.missing_toolchain()
    if why is not None:
        pytest.skip(f"compiled core not tested: {why}")
    dist = tmp_path_factory.mktemp("dist")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SYNTAQLITE_COMPILE", "1")  # compile, or fail
        (wheel,) = WheelBuilder(str(ROOT)).build(directory=str(dist), versions=["standard"])
    assert not Path(wheel).name.endswith("-none-any.whl"), wheel  # tagged for this platform
    out = tmp_path_factory.mktemp("compiled")
    with zipfile.ZipFile(wheel) as whl:
        whl.extractall(out)
    shutil.copytree(ROOT / "tests", out / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    # test_check_goldens runs bench/check_agreement.py (the compiled validator against SQLite).
    shutil.copytree(ROOT / "bench", out / "bench", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", out / "pyproject.toml")
    return out


def run(out: Path, *args: str, pure: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SYNTAQLITE_PURE"}
    env["PYTHONPATH"] = os.pathsep.join([str(out), str(ROOT)])  # ROOT: syntaqlite_dev, bench
    if pure:
        env["SYNTAQLITE_PURE"] = "1"
    return subprocess.run(
        [sys.executable, *args], cwd=out, env=env, capture_output=True, text=True, timeout=1800
    )


def test_version_says_which_runs(built: Path) -> None:
    assert "the Python syntaqlite: compiled (mypyc)," in run(built, "-m", "syntaqlite", "--version").stdout
    pure = run(built, "-m", "syntaqlite", "--version", pure=True).stdout
    assert "pure Python" in pure


def test_compiled_modules_are_loaded_unless_pure(built: Path) -> None:
    probe = "import syntaqlite.syntax.lexer as m, syntaqlite.syntax.parser as p, syntaqlite.fmt.printer as f, syntaqlite.validator.resolve.scope as s; print(m.__file__, p.__file__, f.__file__, s.__file__)"
    files = run(built, "-c", probe).stdout.split()
    assert len(files) == 4 and all(not f.endswith(".py") for f in files), files
    files = run(built, "-c", probe, pure=True).stdout.split()
    assert len(files) == 4 and all(f.endswith(".py") for f in files), files


def test_same_results_as_pure_python(built: Path) -> None:
    compiled = run(built, "-c", _DIGEST)
    pure = run(built, "-c", _DIGEST, pure=True)
    assert compiled.returncode == 0, compiled.stderr
    assert pure.returncode == 0, pure.stderr
    count, _ = compiled.stdout.split()
    assert int(count) > 1000
    assert compiled.stdout == pure.stdout


def test_sample_of_the_suite_passes_compiled(built: Path) -> None:
    tests = [
        "tests/test_fmt_goldens.py",
        "tests/test_lossless.py",
        "tests/test_parser_edges.py",
        "tests/test_imports.py",
        # The validator: its goldens, SQLite's deepest statements (compiled
        # frames are C frames, on the deep thread's stack), and the value
        # classes' equality and hashing.
        "tests/test_check_goldens.py",
        "tests/test_deep_nesting.py",
        "tests/test_compiled_values.py",
        "tests/test_record.py",
    ]
    proc = run(built, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]


def test_without_a_working_compiler_the_wheel_is_pure(tmp_path: Path) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CC", "/bin/false")  # present, but compiles nothing
        mp.delenv("SYNTAQLITE_COMPILE", raising=False)
        (wheel,) = WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
        assert Path(wheel).name.endswith("-py3-none-any.whl")
        with zipfile.ZipFile(wheel) as whl:
            assert not [n for n in whl.namelist() if n.endswith((".so", ".pyd"))]
        mp.setenv("SYNTAQLITE_COMPILE", "1")
        with pytest.raises(RuntimeError, match="SYNTAQLITE_COMPILE=1 but cannot compile"):
            list(WheelBuilder(str(ROOT)).build(directory=str(tmp_path / "strict"), versions=["standard"]))
