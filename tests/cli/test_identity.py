"""Telling this syntaqlite from the original one (PyPI ``syntaqlite``) in an
environment's site-packages: only the original's ``.dist-info`` counts."""

from __future__ import annotations

from pathlib import Path

from syntaqlite.cli.identity import clash_warning, peer_version


def test_only_the_originals_metadata_counts(tmp_path: Path) -> None:
    (tmp_path / "syntaqlite_py-0.1.0.dist-info").mkdir()  # this one
    (tmp_path / "syntaqlite").mkdir()
    (tmp_path / "syntaqlite-py-0.1.0.dist-info").mkdir()  # an old tool's spelling of this one
    assert peer_version(tmp_path) is None and clash_warning(tmp_path) is None
    (tmp_path / "syntaqlite-0.13.5.dist-info").mkdir()
    assert peer_version(tmp_path) == "0.13.5"
    warning = clash_warning(tmp_path)
    assert warning is not None and "PyPI 'syntaqlite' 0.13.5" in warning and "-m pip uninstall" in warning


def test_an_unreadable_directory_is_no_clash(tmp_path: Path) -> None:
    assert peer_version(tmp_path / "missing") is None
