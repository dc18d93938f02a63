"""Configuration: ``initializationOptions`` (read in ``initialize`` by the
session), ``workspace/didChangeConfiguration`` (pushed settings, or a
``workspace/configuration`` pull when the push carries none), and
``workspace/didChangeWatchedFiles`` for ``syntaqlite.toml`` and
``pyproject.toml`` (registered dynamically when the client can; otherwise
the editor's own file watching, as the VS Code extension does, or a
didChangeConfiguration, triggers the reload).  Each reload clears the
configuration cache, re-resolves every open document's settings and
re-publishes diagnostics.

Settings: ``sqliteVersion`` (e.g. ``"3.45.0"`` or ``"latest"``) and
``sqliteCflags`` (a list), at the top level or under ``syntaqlite``.  A
project configuration file that sets ``sqlite-version``/``sqlite-cflags``
wins over the editor's settings.
"""

from __future__ import annotations

import asyncio

from lsprotocol import types

from ..protocol import SyntaqliteServer

WATCHED = ("**/syntaqlite.toml", "**/pyproject.toml", "**/*.sql", "**/*.db", "**/*.sqlite", "**/*.sqlite3")
"""Configuration files, and the files schemas come from (SQL files and
databases): a change to one re-reads the configuration and re-checks the
open documents against it."""
_SETTING_KEYS = {"syntaqlite", "sqliteVersion", "sqliteCflags", "sqlite-version", "sqlite-cflags"}


def register(server: SyntaqliteServer) -> None:
    session = server.session

    async def pull() -> None:
        try:
            values = await asyncio.wait_for(
                server.workspace_configuration_async(
                    types.ConfigurationParams(items=[types.ConfigurationItem(section="syntaqlite")])
                ),
                timeout=5.0,
            )
        except Exception as exc:  # noqa: BLE001 - a client that cannot answer
            session.log(f"syntaqlite: workspace/configuration failed: {exc}")
            return
        if values and isinstance(values[0], dict):
            session.set_editor_settings(values[0])

    @server.feature(types.INITIALIZED)
    async def initialized(params: types.InitializedParams) -> None:
        if session.client.watched_files_dynamic:
            registration = types.Registration(
                id="syntaqlite-configuration-files",
                method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=types.DidChangeWatchedFilesRegistrationOptions(
                    watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED]
                ),
            )
            try:
                await asyncio.wait_for(
                    server.client_register_capability_async(
                        types.RegistrationParams(registrations=[registration])
                    ),
                    timeout=5.0,
                )
            except Exception as exc:  # noqa: BLE001
                session.log(f"syntaqlite: could not register file watchers: {exc}")
        if session.client.configuration_pull:
            await pull()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(params: types.DidChangeConfigurationParams) -> None:
        settings = params.settings
        if isinstance(settings, dict) and _SETTING_KEYS & set(settings):
            session.set_editor_settings(settings)
        elif session.client.configuration_pull:
            await pull()
            session.reload_configuration()
        else:
            session.reload_configuration()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(params: types.DidChangeWatchedFilesParams) -> None:
        session.reload_configuration()
