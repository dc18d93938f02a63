"""The wheel holds what runs and nothing more: ``syntaqlite/`` with the data
files it reads at run time, never the development tooling (``syntaqlite_dev/``,
the table builder, the test oracle), the grammar or the tests."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hatchling.builders.wheel import WheelBuilder

ROOT = Path(__file__).resolve().parents[1]
RUNTIME_DATA = {"syntaqlite/syntax/tables.json", "syntaqlite/lsp/capabilities.json"}


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    out = tmp_path_factory.mktemp("wheel")
    (path,) = WheelBuilder(str(ROOT)).build(directory=str(out), versions=["standard"])
    with zipfile.ZipFile(path) as whl:
        return whl.namelist()


def test_wheel_holds_only_the_package(wheel_names: list[str]) -> None:
    tops = {name.split("/", 1)[0] for name in wheel_names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"syntaqlite"}
    for name in wheel_names:
        assert not name.startswith(("syntaqlite_dev/", "tests/", "grammar/")), name
        assert "build_tables" not in name, name
        assert "testing/" not in name, name
        assert "__pycache__" not in name and not name.endswith(".pyc"), name


def test_wheel_has_its_runtime_data(wheel_names: list[str]) -> None:
    assert set(wheel_names) >= RUNTIME_DATA
    package = [n for n in wheel_names if n.startswith("syntaqlite/")]
    assert {n for n in package if not n.endswith(".py")} == RUNTIME_DATA
    assert "syntaqlite/__init__.py" in package
