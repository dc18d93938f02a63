"""Checks for the editor integrations under editors/.

These tests only read the files (and, in the slow test, build the VS Code
extension in a scratch copy); they never start an editor or the server.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EDITORS = ROOT / "editors"
VSCODE = EDITORS / "vscode"


def _load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def package_json() -> dict[str, Any]:
    data = _load_json(VSCODE / "package.json")
    assert isinstance(data, dict)
    return data


# --------------------------------------------------------------------- VS Code


# The original syntaqlite's extension is syntaqlite.syntaqlite with `syntaqlite.*`
# settings: this one must differ in all of them so both can be installed.
PEER_ID = "syntaqlite.syntaqlite"


def test_vscode_package_metadata(package_json: dict[str, Any]) -> None:
    assert package_json["name"] == "syntaqlite-py"
    assert package_json["publisher"] == "syntaqlite-py"
    assert f"{package_json['publisher']}.{package_json['name']}" != PEER_ID
    assert package_json["license"] == "Apache-2.0" and (VSCODE / "LICENSE").is_file()
    assert package_json["engines"]["vscode"].startswith("^1.")
    assert package_json["main"] == "./out/extension.js"
    assert set(package_json["activationEvents"]) >= {"onLanguage:sql", "onLanguage:sqlite"}
    trust = package_json["capabilities"]["untrustedWorkspaces"]
    assert trust["supported"] == "limited"
    assert "syntaqlite-py.server.path" in trust["restrictedConfigurations"]


def test_vscode_languages(package_json: dict[str, Any]) -> None:
    languages = {lang["id"]: lang for lang in package_json["contributes"]["languages"]}
    assert {"sql", "sqlite"} <= set(languages)
    assert ".sql" in languages["sql"]["extensions"]
    assert "SQLite" in languages["sqlite"]["aliases"]
    assert languages["sqlite"]["extensions"]
    # The sqlite language has a language configuration and a grammar.
    config = _load_json(VSCODE / languages["sqlite"]["configuration"])
    assert config["comments"] == {"lineComment": "--", "blockComment": ["/*", "*/"]}
    assert ["(", ")"] in config["brackets"]
    assert {"open": "(", "close": ")"} in config["autoClosingPairs"]
    (grammar,) = package_json["contributes"]["grammars"]
    assert grammar["language"] == "sqlite"
    tm = _load_json(VSCODE / grammar["path"])
    assert tm["scopeName"] == grammar["scopeName"]
    for include in tm["patterns"]:
        assert include["include"].lstrip("#") in tm["repository"]


def test_vscode_grammar_keywords_are_sqlites() -> None:
    from syntaqlite.syntax.tokens import KEYWORDS

    tm = _load_json(VSCODE / "syntaxes" / "sqlite.tmLanguage.json")
    (rule,) = tm["repository"]["keywords"]["patterns"]
    match = re.fullmatch(r"\(\?i\)\\b\(\?:(.*)\)\\b", rule["match"])
    assert match, rule["match"]
    assert set(match.group(1).split("|")) == set(KEYWORDS) | {"WITHIN"}
    # Longest first, so that an alternation never stops at a prefix.
    words = match.group(1).split("|")
    assert [len(w) for w in words] == sorted((len(w) for w in words), reverse=True)


def test_vscode_configuration(package_json: dict[str, Any]) -> None:
    props = package_json["contributes"]["configuration"]["properties"]
    assert all(key.startswith("syntaqlite-py.") for key in props)
    assert props["syntaqlite-py.server.path"]["type"] == "string"
    assert props["syntaqlite-py.server.path"]["default"] == ""  # found in the environments, then PATH
    assert props["syntaqlite-py.server.args"]["type"] == "array"
    assert props["syntaqlite-py.server.args"]["items"]["type"] == "string"
    assert props["syntaqlite-py.server.args"]["default"] == ["lsp"]
    assert props["syntaqlite-py.sqliteVersion"]["type"] == "string"
    assert props["syntaqlite-py.sqliteVersion"]["default"] == "latest"
    assert props["syntaqlite-py.sqliteCflags"]["type"] == "array"
    assert props["syntaqlite-py.sqliteCflags"]["items"]["type"] == "string"
    assert props["syntaqlite-py.trace.server"]["enum"] == ["off", "messages", "verbose"]


def test_vscode_restart_command(package_json: dict[str, Any]) -> None:
    commands = {c["command"] for c in package_json["contributes"]["commands"]}
    assert commands == {"syntaqlite-py.restartServer"}


def test_vscode_scripts_and_dependencies(package_json: dict[str, Any]) -> None:
    scripts = package_json["scripts"]
    assert scripts["compile"] == "tsc -p ./"
    assert scripts["lint"] == "eslint src"
    assert scripts["bundle"].startswith("esbuild src/extension.ts --bundle")
    assert "--external:vscode" in scripts["bundle"]
    assert scripts["vscode:prepublish"] == "npm run bundle"
    assert "watch" in scripts
    assert scripts["package"].startswith("vsce package")
    assert _major_minor(package_json["dependencies"]["vscode-languageclient"]) >= (11, 0)
    assert {"typescript", "@types/vscode", "@types/node", "@vscode/vsce", "esbuild", "eslint"} <= set(
        package_json["devDependencies"]
    )


def _major_minor(spec: str) -> tuple[int, int]:
    match = re.search(r"(\d+)\.(\d+)", spec)
    assert match, spec
    return int(match.group(1)), int(match.group(2))


def test_vscode_types_not_newer_than_engine(package_json: dict[str, Any]) -> None:
    # vsce refuses to package when @types/vscode is newer than engines.vscode.
    engine = _major_minor(package_json["engines"]["vscode"])
    types = _major_minor(package_json["devDependencies"]["@types/vscode"])
    assert types <= engine


def test_vscode_lockfile_matches_package_json(package_json: dict[str, Any]) -> None:
    lock = _load_json(VSCODE / "package-lock.json")
    assert lock["name"] == package_json["name"]
    root = lock["packages"][""]
    assert root.get("dependencies", {}) == package_json.get("dependencies", {})
    assert root.get("devDependencies", {}) == package_json.get("devDependencies", {})


def test_vscode_extension_source() -> None:
    source = (VSCODE / "src" / "extension.ts").read_text(encoding="utf-8")
    assert "vscode-languageclient/node" in source
    assert "const CONFIG_SECTION = 'syntaqlite-py';" in source
    assert "${CONFIG_SECTION}.restartServer" in source
    assert "initializationOptions" in source
    assert "configurationSection" in source
    for pattern in ("**/syntaqlite.toml", "**/pyproject.toml"):
        assert pattern in source
    assert "showErrorMessage" in source
    assert "pip install" in source
    # The server is looked for in the workspace's environments before PATH.
    assert "ms-python.python" in source and "getActiveEnvironmentPath" in source
    assert "['.venv', 'venv']" in source
    assert (VSCODE / "tsconfig.json").is_file()
    ignored = (VSCODE / ".vscodeignore").read_text(encoding="utf-8").split()
    assert {"node_modules/**", "src/**"} <= set(ignored)  # the bundle holds the code


# --------------------------------------------------------------------- Helix


def test_helix_languages_toml() -> None:
    with (EDITORS / "helix" / "languages.toml").open("rb") as fh:
        data = tomllib.load(fh)
    server = data["language-server"]["syntaqlite"]
    assert server["command"] == "syntaqlite"
    assert server["args"] == ["lsp"]
    sql = [lang for lang in data["language"] if lang["name"] == "sql"]
    assert len(sql) == 1
    lang = sql[0]
    assert lang["scope"] == "source.sql"
    assert lang["file-types"] == ["sql"]
    assert lang["roots"] == ["syntaqlite.toml", "pyproject.toml"]
    assert "syntaqlite" in lang["language-servers"]


# Helix's documented keys (https://docs.helix-editor.com/languages.html).
HELIX_SERVER_KEYS = {"command", "args", "config", "timeout", "environment", "required-root-patterns"}
HELIX_LANGUAGE_KEYS = {
    "name", "language-id", "scope", "injection-regex", "file-types", "shebangs", "roots",
    "auto-format", "diagnostic-severity", "comment-tokens", "comment-token", "block-comment-tokens",
    "indent", "grammar", "language-servers", "formatter", "soft-wrap", "text-width",
    "workspace-lsp-roots", "persistent-diagnostic-sources", "rulers", "auto-pairs",
}  # fmt: skip


def test_helix_keys_are_documented_ones() -> None:
    with (EDITORS / "helix" / "languages.toml").open("rb") as fh:
        data = tomllib.load(fh)
    assert set(data) <= {"language-server", "language", "grammar"}
    for server in data["language-server"].values():
        assert set(server) <= HELIX_SERVER_KEYS, set(server) - HELIX_SERVER_KEYS
        assert isinstance(server["command"], str) and all(isinstance(a, str) for a in server["args"])
    for lang in data["language"]:
        assert set(lang) <= HELIX_LANGUAGE_KEYS, set(lang) - HELIX_LANGUAGE_KEYS
        for name in lang.get("language-servers", []):
            assert (name if isinstance(name, str) else name["name"]) in data["language-server"]


# --------------------------------------------------------------------- Zed


def test_zed_keys_are_documented_ones() -> None:
    # https://zed.dev/docs/configuring-languages: lsp.<server>.{binary, initialization_options,
    # settings}, binary.{path, arguments, env}, languages.<Language>.language_servers.
    data = _load_json(EDITORS / "zed" / "settings.json")
    assert set(data) <= {"lsp", "languages"}
    for server in data["lsp"].values():
        assert set(server) <= {"binary", "initialization_options", "settings"}
        assert set(server["binary"]) <= {"path", "arguments", "env", "ignore_system_version"}
        assert all(isinstance(a, str) for a in server["binary"]["arguments"])
    for language in data["languages"].values():
        servers = language["language_servers"]
        assert all(isinstance(s, str) for s in servers)
        assert all(s == "..." or s.lstrip("!") in data["lsp"] for s in servers)


def test_zed_settings_snippet() -> None:
    data = _load_json(EDITORS / "zed" / "settings.json")
    binary = data["lsp"]["syntaqlite"]["binary"]
    assert binary["path"] == "syntaqlite"
    assert binary["arguments"] == ["lsp"]
    servers = data["languages"]["SQL"]["language_servers"]
    assert servers[0] == "syntaqlite"
    assert "..." in servers


# --------------------------------------------------------------------- Neovim


def test_neovim_lua() -> None:
    text = (EDITORS / "neovim" / "syntaqlite.lua").read_text(encoding="utf-8")
    assert "syntaqlite" in text
    assert "lsp" in text
    assert "vim.lsp.start" in text
    assert "lspconfig.configs" in text
    assert "vim.lsp.config" in text
    assert "vim.lsp.enable" in text
    for marker in ("syntaqlite.toml", "pyproject.toml", ".git"):
        assert marker in text


# --------------------------------------------------------------------- Docs


@pytest.mark.parametrize("folder", ["vscode", "neovim", "helix", "zed"])
def test_each_editor_has_readme_linked_from_overview(folder: str) -> None:
    assert (EDITORS / folder / "README.md").is_file()
    overview = (EDITORS / "README.md").read_text(encoding="utf-8")
    assert f"{folder}/" in overview


# --------------------------------------------------------------------- Build


@pytest.mark.slow
def test_vscode_extension_builds_lints_and_bundles(tmp_path: Path) -> None:
    """The extension's own type check, lint and bundle, and a .vsix of the
    bundle alone (npm ci needs the npm registry or its cache)."""
    if os.environ.get("SYNTAQLITE_SKIP_NPM") == "1":
        pytest.skip("SYNTAQLITE_SKIP_NPM=1")
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not on PATH: the VS Code extension is not built")

    work = tmp_path / "vscode"
    # Build in a scratch copy so the repository tree stays clean; leave out
    # anything a local build may have left behind.
    shutil.copytree(VSCODE, work, ignore=shutil.ignore_patterns("node_modules", "out", "*.vsix"))
    env = {
        **os.environ,
        "npm_config_audit": "false",
        "npm_config_fund": "false",
        "npm_config_update_notifier": "false",
    }

    vsix = tmp_path / "extension.vsix"
    steps = [
        ["ci"],
        ["run", "compile"],
        ["run", "lint"],
        ["run", "bundle"],
        ["exec", "--", "vsce", "package", "--allow-missing-repository", "-o", str(vsix)],
    ]
    for args in steps:
        result = subprocess.run(
            [npm, *args],
            cwd=work,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        assert result.returncode == 0, (
            f"npm {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )

    assert (work / "out" / "extension.js").is_file()
    with zipfile.ZipFile(vsix) as z:
        names = set(z.namelist())
    assert "extension/out/extension.js" in names
    assert "extension/syntaxes/sqlite.tmLanguage.json" in names
    assert "extension/language-configuration.json" in names
    assert not any("node_modules" in n or n.endswith(".ts") for n in names), sorted(names)
    assert vsix.stat().st_size < 300_000
