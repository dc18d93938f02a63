"""The wheel's build hook: the compiled core, when this machine can build it.

``pip install .`` (and pipx, ``uv tool install``, ``pip install git+...``)
builds a wheel; this hook compiles the modules of
``syntaqlite._compiled.COMPILED_MODULES`` with mypyc into it (through
``syntaqlite_dev.compile``, on a copy of the package in a temporary
directory: the checkout is not touched), and the wheel is then tagged for
this Python and platform.  Without a working C compiler, the Python headers
or mypyc, or when mypyc fails, the wheel is the pure-Python package, which
is complete on its own; the reason is printed (``pip install -v`` shows
it) and ``syntaqlite --version`` says which implementation runs.

``SYNTAQLITE_COMPILE``:

* unset (or empty): compile when possible, else pure Python;
* ``0``: pure Python, without trying (CI, quick installs);
* ``1``: compile, and fail the build when that is impossible (packagers).

An editable install (``pip install -e .``) stays pure Python, so that an
edited source takes effect at once; ``python -m syntaqlite_dev.compile
--inplace`` compiles a checkout.

Every wheel, compiled or not, also gets ``syntaqlite/syntax/tables.marshal``:
the parser tables in the form this Python loads fastest (see
``syntaqlite/syntax/_tables.py``; another Python reads ``tables.json``).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompiledCore(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._out: Path | None = None
        if self.target_name != "wheel":
            return
        setting = os.environ.get("SYNTAQLITE_COMPILE", "").strip()
        if setting not in ("", "0", "1"):
            raise ValueError(
                f"SYNTAQLITE_COMPILE={setting!r}: use 1 (compile), 0 (pure Python) or leave it unset"
            )
        if version == "editable":
            self.app.display_info(
                "syntaqlite: editable install, pure Python "
                "(python -m syntaqlite_dev.compile --inplace compiles the checkout)"
            )
            return
        self._out = Path(tempfile.mkdtemp(prefix="syntaqlite-wheel-"))
        self._marshal_tables(self._out, build_data)
        if setting == "0":
            self.app.display_info("syntaqlite: SYNTAQLITE_COMPILE=0, pure Python")
            return
        sys.path.insert(0, self.root)
        try:
            from syntaqlite_dev import compile as compiler
        finally:
            sys.path.remove(self.root)
        try:
            compiler.copy_package(self._out)
            built = compiler.build(self._out)
        except compiler.CompileError as exc:
            if setting == "1":
                raise RuntimeError(f"syntaqlite: SYNTAQLITE_COMPILE=1 but {exc}") from None
            self.app.display_warning(f"syntaqlite: {exc}; the wheel is pure Python (it runs everywhere)")
            return
        for path in built:
            build_data["force_include"][str(path)] = path.relative_to(self._out).as_posix()
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        self.app.display_info(f"syntaqlite: compiled core (mypyc), {len(built)} extension files")

    def _marshal_tables(self, out: Path, build_data: dict[str, Any]) -> None:
        source = Path(self.root, "syntaqlite", "syntax", "_tables.py")
        spec = importlib.util.spec_from_file_location("_syntaqlite_build_tables", source)
        assert spec is not None and spec.loader is not None
        tables = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(tables)
        target = out / "tables.marshal"
        target.write_bytes(tables.frozen(Path(tables.JSON_PATH).read_bytes()))
        build_data["force_include"][str(target)] = "syntaqlite/syntax/tables.marshal"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if getattr(self, "_out", None) is not None:
            shutil.rmtree(str(self._out), ignore_errors=True)
