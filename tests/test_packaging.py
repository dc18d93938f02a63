"""Packaging, as a user meets it: the wheel and the sdist are built in a
temporary directory, the wheel is installed into a fresh virtual environment
and its command run from there; the sdist's tests run from the unpacked
sdist.

The wheel holds what runs and nothing more: ``syntaqlite/`` with the data
files it reads at run time and its ``py.typed`` marker, never the
development tooling (``syntaqlite_dev/``, the table builder, the test
oracle), the grammar or the tests.

The fresh environment gets the wheel alone (``--no-deps --no-index``: the
tests run offline); its dependencies are reached through a ``.pth`` line
naming the directory this interpreter has them in, after the environment's
own site-packages, so ``syntaqlite`` is imported from the installed wheel.
``SYNTAQLITE_SDIST_FULL=1`` runs the whole suite from the unpacked sdist
(minutes); by default a quick part of it runs there.
"""

from __future__ import annotations

import email
import json
import os
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from hatchling.builders.sdist import SdistBuilder
from hatchling.builders.wheel import WheelBuilder

ROOT = Path(__file__).resolve().parents[1]
RUNTIME_DATA = {"syntaqlite/syntax/tables.json", "syntaqlite/lsp/capabilities.json", "syntaqlite/py.typed"}


@dataclass(frozen=True)
class Built:
    wheel: Path
    sdist: Path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    # The pure-Python wheel (the build hook compiles nothing with
    # SYNTAQLITE_COMPILE=0); tests/test_compiled.py builds the compiled one.
    out = tmp_path_factory.mktemp("dist")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SYNTAQLITE_COMPILE", "0")
        (wheel,) = WheelBuilder(str(ROOT)).build(directory=str(out), versions=["standard"])
        (sdist,) = SdistBuilder(str(ROOT)).build(directory=str(out), versions=["standard"])
    return Built(Path(wheel), Path(sdist))


@pytest.fixture(scope="module")
def wheel_names(built: Built) -> list[str]:
    with zipfile.ZipFile(built.wheel) as whl:
        return whl.namelist()


@pytest.fixture(scope="module")
def metadata(built: Built) -> email.message.Message:
    with zipfile.ZipFile(built.wheel) as whl:
        (name,) = [n for n in whl.namelist() if n.endswith(".dist-info/METADATA")]
        return email.message_from_bytes(whl.read(name))


def test_wheel_holds_only_the_package(wheel_names: list[str]) -> None:
    tops = {name.split("/", 1)[0] for name in wheel_names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"syntaqlite"}
    for name in wheel_names:
        assert not name.startswith(("syntaqlite_dev/", "tests/", "grammar/")), name
        assert "build_tables" not in name, name
        assert "testing/" not in name, name
        assert "__pycache__" not in name and not name.endswith(".pyc"), name


def test_pure_wheel_is_for_every_platform(built: Built, wheel_names: list[str]) -> None:
    assert built.wheel.name.endswith("-py3-none-any.whl")
    assert not any(n.endswith((".so", ".pyd")) for n in wheel_names)


def test_sdist_has_the_build_hook(built: Built) -> None:
    with tarfile.open(built.sdist) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
    assert {"hatch_build.py", "syntaqlite_dev/compile.py"} <= names


def test_wheel_has_its_runtime_data_and_types_marker(wheel_names: list[str]) -> None:
    assert set(wheel_names) >= RUNTIME_DATA
    package = [n for n in wheel_names if n.startswith("syntaqlite/")]
    # tables.marshal: the parser tables for the Python that built the wheel.
    assert {n for n in package if not n.endswith(".py")} == RUNTIME_DATA | {
        "syntaqlite/syntax/tables.marshal"
    }
    assert "syntaqlite/__init__.py" in package


def test_wheel_metadata(wheel_names: list[str], metadata: email.message.Message) -> None:
    assert metadata["Name"] == "syntaqlite-py"
    assert metadata["License-Expression"] == "Apache-2.0"
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in wheel_names)
    assert "Typing :: Typed" in metadata.get_all("Classifier", [])
    # The language server is in the base install; [lsp] stays as an alias.
    base = [r for r in metadata.get_all("Requires-Dist", []) if "extra ==" not in r]
    assert {r.split(">", 1)[0].split("<", 1)[0] for r in base} >= {"click", "pathspec", "pygls", "lsprotocol"}
    assert "lsp" in metadata.get_all("Provides-Extra", [])
    # A real project URL or none: never a placeholder.
    assert "example.invalid" not in metadata.as_string()
    for url in metadata.get_all("Project-URL", []):
        assert "example" not in url, url


def test_no_placeholder_urls_in_what_ships() -> None:
    for path in [
        ROOT / "pyproject.toml",
        ROOT / "README.md",
        ROOT / "syntaqlite" / "cli" / "report.py",
        ROOT / "editors" / "vscode" / "package.json",
    ]:
        assert "example.invalid/syntaqlite" not in path.read_text(encoding="utf-8"), path


# ------------------------------------------------------------- fresh venv


@dataclass(frozen=True)
class Venv:
    root: Path
    python: Path
    site: Path

    def run(
        self, *args: str, cwd: Path | None = None, stdin: bytes | None = None
    ) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env["NO_COLOR"] = "1"
        return subprocess.run(
            [str(self.root / "bin" / "syntaqlite"), *args],
            cwd=cwd or self.root,
            input=stdin.decode() if stdin is not None else None,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )


@pytest.fixture(scope="module")
def venv(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Venv:
    if sys.platform == "win32":
        pytest.skip("the venv layout below is POSIX's")
    root = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True, timeout=120)
    python = root / "bin" / "python"
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index"]
    proc = subprocess.run([*install, str(built.wheel)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # The dependencies, from where this interpreter has them (after the
    # environment's own site-packages in sys.path).
    (site / "zz_dependencies.pth").write_text(str(Path(click.__file__).resolve().parents[1]) + "\n")
    return Venv(root, python, site)


def test_installed_command_runs_from_the_venv(venv: Venv) -> None:
    proc = venv.run("--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("syntaqlite 0.")
    assert "syntaqlite-py" in proc.stdout
    assert str(venv.site / "syntaqlite") in proc.stdout  # the installed copy, not this checkout
    assert proc.stderr == ""


def test_installed_parser_tables_load_without_json(venv: Venv) -> None:
    probe = "import sys, syntaqlite.syntax._tables as t; print(len(t.ACTION), 'json' in sys.modules)"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    proc = subprocess.run(
        [str(venv.python), "-c", probe], capture_output=True, text=True, env=env, cwd=venv.root, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    count, json_loaded = proc.stdout.split()
    assert int(count) > 100 and json_loaded == "False"  # tables.marshal, made for this Python


def test_installed_check_on_the_examples(venv: Venv) -> None:
    proc = venv.run("check", str(ROOT / "examples"))
    assert proc.returncode == 1, proc.stderr
    assert "Found 6 errors and 0 warnings in 3 files." in proc.stderr


def test_installed_language_server_answers(venv: Venv) -> None:
    messages = [
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {"processId": None, "capabilities": {}},
        },
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None},
        {"jsonrpc": "2.0", "method": "exit", "params": None},
    ]
    frames = b""
    for m in messages:
        body = json.dumps(m).encode()
        frames += b"Content-Length: %d\r\n\r\n" % len(body) + body
    proc = venv.run("lsp", stdin=frames)
    assert proc.returncode == 0, proc.stderr
    assert '"serverInfo"' in proc.stdout


def test_users_mypy_strict_sees_the_types(venv: Venv, tmp_path: Path) -> None:
    user = tmp_path / "user.py"
    user.write_text(
        "import syntaqlite\n\n"
        "result = syntaqlite.parse('SELECT 1')\n"
        "reveal_type(result)\n"
        "n: int = result.statements\n"  # a deliberate type error mypy must see
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--python-executable",
            str(venv.python),
            "--follow-imports=silent",
            str(user),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    assert "missing library stubs or py.typed marker" not in proc.stdout, proc.stdout
    assert 'Revealed type is "syntaqlite.syntax.parser.ParseResult"' in proc.stdout, proc.stdout
    assert 'Incompatible types in assignment (expression has type "list[' in proc.stdout, proc.stdout


def test_the_other_syntaqlite_beside_it_is_reported(venv: Venv) -> None:
    # The original syntaqlite's metadata, as pip leaves it after installing it
    # into this environment (its files would have overwritten ours).
    peer = venv.site / "syntaqlite-0.13.5.dist-info"
    peer.mkdir()
    try:
        (peer / "METADATA").write_text("Metadata-Version: 2.1\nName: syntaqlite\nVersion: 0.13.5\n")
        proc = venv.run("check", "-e", "SELECT 1")
        assert proc.returncode == 0
        assert "the original syntaqlite (PyPI 'syntaqlite' 0.13.5) is installed in the same environment" in (
            proc.stderr
        )
        assert "Keep one per environment" in proc.stderr
    finally:
        for f in peer.iterdir():
            f.unlink()
        peer.rmdir()
    assert "original syntaqlite" not in venv.run("check", "-e", "SELECT 1").stderr


# ------------------------------------------------------------------ sdist


@pytest.fixture(scope="module")
def unpacked_sdist(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sdist")
    with tarfile.open(built.sdist) as tar:
        tar.extractall(out, filter="data")
    (top,) = out.iterdir()
    return top


def test_sdist_holds_what_its_tests_read(unpacked_sdist: Path) -> None:
    for name in [
        "pyproject.toml",
        "LICENSE",
        "README.md",
        ".pre-commit-hooks.yaml",
        "examples/schema.sql",
        "examples/syntaqlite.toml",
        "editors/vscode/package.json",
        "editors/neovim/syntaqlite.lua",
        "grammar/sqlite.lark",
        "syntaqlite_dev/build_tables.py",
        "tests/conftest.py",
        "tests/data/corpus-sample.jsonl.gz",
    ]:
        assert (unpacked_sdist / name).is_file(), name
    assert not list(unpacked_sdist.rglob("node_modules"))


def _pytest_in(directory: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(directory), "SYNTAQLITE_SKIP_NPM": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=directory,
        capture_output=True,
        text=True,
        env=env,
        timeout=3600,
    )


def test_sdist_tests_pass_from_the_unpacked_sdist(unpacked_sdist: Path) -> None:
    if os.environ.get("SYNTAQLITE_SDIST_FULL") == "1":
        proc = _pytest_in(unpacked_sdist)
    else:
        collected = _pytest_in(unpacked_sdist, "--collect-only")
        assert collected.returncode == 0, collected.stdout[-3000:] + collected.stderr[-3000:]
        proc = _pytest_in(
            unpacked_sdist,
            "tests/test_editors.py",
            "tests/test_check_goldens.py",
            "tests/cli/test_parse_cli.py",
            "tests/test_node_schema.py",
        )
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-3000:]
