"""Build the compiled core: the modules of ``syntaqlite._compiled.COMPILED_MODULES``
compiled with mypyc (the code is mypy-strict), the way black ships its
compiled wheels.

    python -m syntaqlite_dev.compile OUT      # a copy of the package in OUT, compiled
    python -m syntaqlite_dev.compile --inplace  # extension modules next to the sources
    python -m syntaqlite_dev.compile --clean    # remove the in-place ones

``OUT`` then holds a complete ``syntaqlite`` package (every ``.py`` file and
data file, plus the extension modules): ``PYTHONPATH=OUT syntaqlite
--version`` says "compiled (mypyc)".  With ``--inplace`` the checkout itself
runs compiled until ``--clean``; rebuild after editing a compiled module (the
extension module, not the edited source, is what Python imports).
``SYNTAQLITE_PURE=1`` runs the sources in either case.

Needs a C compiler, the Python headers, mypy (which ships mypyc) and
setuptools; without them it stops with a message and nothing changes: the
pure-Python package is complete on its own.  The compiler is the one
setuptools uses (``CC``, else Python's own build's), and it is tried on a
file that includes ``Python.h`` before mypyc starts.

``pip install`` of the project runs the same build through the wheel's
build hook (``hatch_build.py``, ``SYNTAQLITE_COMPILE``).
"""

from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "syntaqlite"
GROUP = "syntaqlite._mypyc"  # the shared library lands in the package: syntaqlite/_mypyc__mypyc*.so


class CompileError(Exception):
    pass


def compiled_modules() -> tuple[str, ...]:
    sys.path.insert(0, str(ROOT))
    try:
        from syntaqlite._compiled import COMPILED_MODULES
    finally:
        sys.path.remove(str(ROOT))
    return COMPILED_MODULES


def missing_toolchain() -> str | None:
    """Why nothing can be compiled here, or None."""
    for module, package in (("mypyc", "mypy"), ("setuptools", "setuptools")):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed (pip install {package})"
    command = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()
    if not command or shutil.which(command[0]) is None:
        return f"no C compiler ({command[0] if command else 'CC'!r} is not on PATH)"
    include = sysconfig.get_paths().get("include")
    if not include or not Path(include, "Python.h").exists():
        return "the Python headers (Python.h) are not installed"
    with tempfile.TemporaryDirectory(prefix="syntaqlite-cc-") as tmp:
        probe = Path(tmp, "probe.c")
        probe.write_text(
            "#include <Python.h>\nint probe(void) { return PY_MAJOR_VERSION; }\n", encoding="ascii"
        )
        try:
            proc = subprocess.run(
                [*command, "-I", include, "-c", str(probe), "-o", str(Path(tmp, "probe.o"))],
                capture_output=True,
                text=True,
                timeout=120,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"the C compiler {' '.join(command)!r} cannot run: {exc}"
        if proc.returncode != 0:
            detail = (proc.stderr or proc.stdout).strip().splitlines()[:1]
            return f"the C compiler {' '.join(command)!r} cannot compile a file that includes Python.h" + (
                f": {detail[0]}" if detail else f" (exit {proc.returncode})"
            )
    return None


def extension_files(root: Path) -> list[Path]:
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return sorted(p for p in (root / PACKAGE).rglob("*") if p.name.endswith(suffixes))


def copy_package(out: Path) -> None:
    target = out / PACKAGE
    if target.exists():
        shutil.rmtree(target)
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    shutil.copytree(
        ROOT / PACKAGE,
        target,
        ignore=lambda _d, names: [n for n in names if n == "__pycache__" or n.endswith(suffixes)],
    )


def build(root: Path, *, quiet: bool = True) -> list[Path]:
    """Compile the modules of the package under ``root`` in place; returns
    the extension files written."""
    why = missing_toolchain()
    if why is not None:
        raise CompileError(f"cannot compile: {why}")
    sources = [str(root / (m.replace(".", "/") + ".py")) for m in compiled_modules()]
    with tempfile.TemporaryDirectory(prefix="syntaqlite-mypyc-") as tmp:
        # mypy reads the project's settings ([tool.mypy]) from a copy: the
        # copy's name keeps setuptools from reading it as project metadata.
        config = Path(tmp, "mypy.toml")
        config.write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8")
        script = (
            "import sys\n"
            "from setuptools import setup\n"
            "from mypyc.build import mypycify\n"
            "sources, config, group, tmp = sys.argv[1].split('|'), sys.argv[2], sys.argv[3], sys.argv[4]\n"
            "setup(name='syntaqlite-compiled', py_modules=[],\n"
            "      script_args=['-q', 'build_ext', '--inplace', '-t', tmp + '/temp', '-b', tmp + '/lib'],\n"
            "      ext_modules=mypycify(['--config-file', config, *sources], opt_level='3',\n"
            "                           group_name=group, target_dir=tmp + '/c'))\n"
        )
        env = dict(os.environ)
        env.pop("SYNTAQLITE_PURE", None)
        env["PYTHONPATH"] = os.pathsep.join([str(root), *filter(None, [env.get("PYTHONPATH")])])
        proc = subprocess.run(
            [sys.executable, "-c", script, "|".join(sources), str(config), GROUP, tmp],
            cwd=root,
            env=env,
            capture_output=quiet,
            text=True,
        )
    if proc.returncode != 0:
        detail = (proc.stdout + proc.stderr)[-4000:] if quiet else ""
        raise CompileError(f"mypyc failed (exit {proc.returncode}){':' if detail else ''}\n{detail}")
    return extension_files(root)


def clean(root: Path) -> list[Path]:
    removed = extension_files(root)
    for path in removed:
        path.unlink()
    return removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m syntaqlite_dev.compile",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("out", nargs="?", type=Path, help="directory to hold the compiled copy of the package")
    where.add_argument("--inplace", action="store_true", help="compile next to the sources of this checkout")
    where.add_argument("--clean", action="store_true", help="remove the extension modules of this checkout")
    parser.add_argument("--verbose", action="store_true", help="show the compiler's output")
    args = parser.parse_args(argv)

    if args.clean:
        for path in clean(ROOT):
            print(f"removed {path.relative_to(ROOT)}")
        return 0
    root = ROOT
    if args.out is not None:
        root = args.out.resolve()
        if root == ROOT:
            parser.error("OUT is this checkout: use --inplace")
        root.mkdir(parents=True, exist_ok=True)
        copy_package(root)
    try:
        built = build(root, quiet=not args.verbose)
    except CompileError as exc:
        print(f"syntaqlite_dev.compile: {exc}", file=sys.stderr)
        print("the pure-Python package is unchanged and complete", file=sys.stderr)
        return 1
    for path in built:
        print(f"built {path}")
    print(f"PYTHONPATH={root} syntaqlite --version  # says which implementation runs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
