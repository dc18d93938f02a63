"""End-to-end tests of ``syntaqlite lsp`` over stdio with pytest-lsp.

Each test module starts one server (module-scoped fixture) and uses its own
document URIs.  :func:`open_doc` / :func:`change` wait for the
``publishDiagnostics`` of the exact version they sent.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

HERE = Path(__file__).resolve().parent
SERVER = [sys.executable, "-m", "syntaqlite", "lsp"]
FAKE_SERVER = [sys.executable, str(HERE / "fake_server.py")]
TIMEOUT = 20.0

pytest.importorskip("pytest_lsp")


def _record_diagnostics(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
    client.diagnostics[params.uri] = params.diagnostics
    published(client).append(params)
    events(client).append(("diagnostics", params.uri, len(params.diagnostics)))


def _record_progress(client: LanguageClient, params: types.ProgressParams) -> None:
    DEFAULT_CLIENT_FEATURES[types.PROGRESS](client, params)  # warns for a token not created
    kind = params.value.get("kind") if isinstance(params.value, dict) else None
    events(client).append(("progress", str(params.token), str(kind)))


def events(client: LanguageClient) -> list[tuple[str, str, object]]:
    """Diagnostics published (``uri``, how many) and work-done progress
    (``token``, ``kind``), in the order they came."""
    found: list[tuple[str, str, object]] | None = getattr(client, "_events", None)
    if found is None:
        found = []
        client._events = found  # type: ignore[attr-defined]
    return found


def published(client: LanguageClient) -> list[types.PublishDiagnosticsParams]:
    """Every publishDiagnostics the client received, in order."""
    found: list[types.PublishDiagnosticsParams] | None = getattr(client, "_published", None)
    if found is None:
        found = []
        client._published = found  # type: ignore[attr-defined]
    return found


def _register_capability(client: LanguageClient, params: types.RegistrationParams) -> None:
    registrations(client).extend(params.registrations)


def registrations(client: LanguageClient) -> list[types.Registration]:
    """The capabilities the server registered dynamically."""
    found: list[types.Registration] | None = getattr(client, "_registrations", None)
    if found is None:
        found = []
        client._registrations = found  # type: ignore[attr-defined]
    return found


def make_client() -> LanguageClient:
    client = LanguageClient(converter_factory=default_converter)
    features = dict(DEFAULT_CLIENT_FEATURES)
    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = _record_diagnostics
    features[types.PROGRESS] = _record_progress
    features[types.CLIENT_REGISTER_CAPABILITY] = _register_capability
    register_lsp_features(client, features)
    published(client)
    return client


def config(command: Sequence[str] = SERVER) -> ClientServerConfig:
    return ClientServerConfig(server_command=list(command), client_factory=make_client)


def capabilities(encodings: list[str] | None = None) -> types.ClientCapabilities:
    """VS Code's capabilities, optionally offering position encodings."""
    caps = client_capabilities("visual-studio-code")
    if encodings is not None:
        caps.general = types.GeneralClientCapabilities(position_encodings=encodings)
    return caps


def init_params(
    root: Path | None = None,
    encodings: list[str] | None = None,
    options: Any = None,
    caps: types.ClientCapabilities | None = None,
) -> types.InitializeParams:
    return types.InitializeParams(
        capabilities=caps if caps is not None else capabilities(encodings),
        root_uri=root.as_uri() if root is not None else None,
        initialization_options=options,
    )


_counter = 0


def new_uri(name: str = "doc", directory: Path | None = None) -> str:
    """A fresh document URI (documents need not exist on disk)."""
    global _counter
    _counter += 1
    base = directory if directory is not None else Path("/nonexistent-syntaqlite-test")
    return (base / f"{name}-{_counter}.sql").as_uri()


async def wait_diagnostics(
    client: LanguageClient, uri: str, version: int | None = None, timeout: float = TIMEOUT
) -> list[types.Diagnostic]:
    """The diagnostics published for ``uri`` at ``version`` (or the next
    ones for ``uri`` when ``version`` is None)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    seen = len(published(client)) if version is None else 0
    while True:
        for params in published(client)[seen:]:
            if params.uri == uri and (version is None or params.version == version):
                return list(params.diagnostics)
        if loop.time() > deadline:
            raise TimeoutError(f"no diagnostics for {uri} version {version}")
        await asyncio.sleep(0.01)


async def wait_for(predicate: Callable[[], object], timeout: float = TIMEOUT) -> None:
    """Wait until ``predicate()`` is true."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise TimeoutError("condition not met in time")
        await asyncio.sleep(0.02)


async def open_doc(
    client: LanguageClient, uri: str, text: str, version: int = 1, timeout: float = TIMEOUT
) -> list[types.Diagnostic]:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="sql", version=version, text=text)
        )
    )
    return await wait_diagnostics(client, uri, version, timeout)


def pos(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


def rng(line: int, character: int, end_line: int, end_character: int) -> types.Range:
    return types.Range(start=pos(line, character), end=pos(end_line, end_character))


async def change(
    client: LanguageClient,
    uri: str,
    version: int,
    changes: list[types.TextDocumentContentChangeEvent],
    wait: bool = True,
    timeout: float = TIMEOUT,
) -> list[types.Diagnostic]:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=changes,
        )
    )
    if not wait:
        return []
    return await wait_diagnostics(client, uri, version, timeout)


def position_of(text: str, needle: str, after: bool = False, occurrence: int = 1) -> types.Position:
    """The LSP position (UTF-16, ASCII text) of ``needle`` in ``text``."""
    at = -1
    for _ in range(occurrence):
        at = text.index(needle, at + 1)
    if after:
        at += len(needle)
    line = text.count("\n", 0, at)
    return pos(line, at - (text.rfind("\n", 0, at) + 1))


def apply_edits(text: str, edits: Sequence[types.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 positions, ASCII-safe) to ``text``."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def offset(p: types.Position) -> int:
        if p.line >= len(starts):
            return len(text)
        return min(starts[p.line] + p.character, len(text))

    out = text
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        out = out[: offset(edit.range.start)] + edit.new_text + out[offset(edit.range.end) :]
    return out
