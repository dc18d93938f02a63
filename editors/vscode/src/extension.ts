// VS Code client for the syntaqlite language server.
//
// The extension does very little on its own: it starts `syntaqlite lsp`
// (configurable through `syntaqlite.server.path` / `syntaqlite.server.args`),
// talks LSP to it over stdio, and restarts it when the server settings change
// or when the user runs the "syntaqlite: Restart Language Server" command.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ErrorHandler,
  Executable,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';

const CLIENT_ID = 'syntaqlite';
const CLIENT_NAME = 'syntaqlite';
const CONFIG_SECTION = 'syntaqlite';
const INSTALL_HINT = "pip install 'syntaqlite-py[lsp]'";

let client: LanguageClient | undefined;
let outputChannel: vscode.OutputChannel | undefined;
let configWatchers: vscode.FileSystemWatcher[] = [];
// Start/stop/restart requests are chained so that two quick configuration
// changes cannot race each other and leave two servers running.
let pending: Promise<void> = Promise.resolve();

interface ServerSettings {
  command: string;
  args: string[];
}

function serverSettings(): ServerSettings {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const rawPath = (config.get<string>('server.path') ?? '').trim() || 'syntaqlite';
  const args = config.get<string[]>('server.args') ?? ['lsp'];
  return { command: expandPath(rawPath), args: args.map(String) };
}

function initializationOptions(): { sqliteVersion: string; sqliteCflags: string[] } {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  return {
    sqliteVersion: config.get<string>('sqliteVersion') ?? 'latest',
    sqliteCflags: config.get<string[]>('sqliteCflags') ?? [],
  };
}

/** Whether the server also serves Python files (`syntaqlite.python.enable`). */
function pythonEnabled(): boolean {
  return vscode.workspace.getConfiguration(CONFIG_SECTION).get<boolean>('python.enable') ?? true;
}

function firstWorkspaceFolder(): string | undefined {
  const folders = vscode.workspace.workspaceFolders;
  return folders && folders.length > 0 ? folders[0].uri.fsPath : undefined;
}

/** Expands `~` and `${workspaceFolder}`; resolves relative paths against the workspace. */
function expandPath(value: string): string {
  let result = value;
  const workspace = firstWorkspaceFolder();
  if (workspace) {
    result = result.replace(/\$\{workspaceFolder\}/g, workspace);
  }
  if (result === '~' || result.startsWith('~/') || result.startsWith('~\\')) {
    result = path.join(os.homedir(), result.slice(1));
  }
  const looksLikePath = result.includes('/') || result.includes('\\');
  if (looksLikePath && !path.isAbsolute(result) && workspace) {
    result = path.resolve(workspace, result);
  }
  return result;
}

function isExecutableFile(candidate: string): boolean {
  try {
    if (!fs.statSync(candidate).isFile()) {
      return false;
    }
    if (process.platform !== 'win32') {
      fs.accessSync(candidate, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns true when `command` can plausibly be spawned: either it is a path to
 * an executable file, or a bare name found on PATH.
 */
function commandExists(command: string): boolean {
  const extensions =
    process.platform === 'win32'
      ? ['', ...(process.env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean)]
      : [''];
  if (command.includes('/') || command.includes('\\') || path.isAbsolute(command)) {
    return extensions.some((ext) => isExecutableFile(command + ext));
  }
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return dirs.some((dir) => extensions.some((ext) => isExecutableFile(path.join(dir, command + ext))));
}

async function showStartError(settings: ServerSettings, detail: string): Promise<void> {
  const openSettings = 'Open Settings';
  const showOutput = 'Show Output';
  const commandLine = [settings.command, ...settings.args].join(' ');
  const choice = await vscode.window.showErrorMessage(
    `syntaqlite: could not start the language server (\`${commandLine}\`): ${detail} ` +
      `Install it with \`${INSTALL_HINT}\` in the Python environment on your PATH, ` +
      'or set `syntaqlite.server.path` to the full path of the `syntaqlite` executable.',
    openSettings,
    showOutput,
  );
  if (choice === openSettings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'syntaqlite.server');
  } else if (choice === showOutput) {
    outputChannel?.show(true);
  }
}

function createClient(settings: ServerSettings): LanguageClient {
  // Until the first successful start, a server that exits is not restarted:
  // it would only fail again (missing `lsp` command, broken install, ...), and
  // startClient() reports the failure itself. After that, the library's
  // default policy applies (restart a crashed server a few times).
  let started = false;
  let fallback: ErrorHandler | undefined;
  const errorHandler: ErrorHandler = {
    error: (error, message, count) =>
      fallback ? fallback.error(error, message, count) : { action: ErrorAction.Shutdown },
    closed: () =>
      started && fallback
        ? fallback.closed()
        : { action: CloseAction.DoNotRestart, handled: true },
  };

  const cwd = firstWorkspaceFolder();
  const executable: Executable = {
    command: settings.command,
    args: settings.args,
    // No `transport` on purpose: the server talks LSP over its stdin/stdout
    // either way, but `TransportKind.stdio` would also append `--stdio` to
    // the arguments, which `syntaqlite lsp` does not need.
    options: cwd ? { cwd } : undefined,
  };
  const serverOptions: ServerOptions = executable;

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'sql' },
      { scheme: 'file', language: 'sqlite' },
      { scheme: 'untitled', language: 'sql' },
      { scheme: 'untitled', language: 'sqlite' },
      // SQL inside Python (next to the Python extension's server).
      ...(pythonEnabled() ? [{ scheme: 'file', language: 'python' }] : []),
    ],
    // A function, so that every (re)start sends the current settings.
    initializationOptions,
    synchronize: {
      configurationSection: CONFIG_SECTION,
      fileEvents: configWatchers,
    },
    outputChannel,
    errorHandler,
    // Log a failed `initialize` instead of showing the library's generic
    // notification; startClient() shows a more useful one.
    initializationFailedHandler: (error) => {
      const message = error instanceof Error ? error.message : String(error);
      outputChannel?.appendLine(`[syntaqlite] initialize failed: ${message}`);
      return false;
    },
  };

  // The client id makes vscode-languageclient honour `syntaqlite.trace.server`.
  const newClient = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  fallback = newClient.createDefaultErrorHandler();
  newClient.onDidChangeState((event) => {
    if (event.newState === State.Running) {
      started = true;
    }
  });
  return newClient;
}

async function startClient(): Promise<void> {
  const settings = serverSettings();
  const commandLine = [settings.command, ...settings.args].join(' ');
  if (!commandExists(settings.command)) {
    outputChannel?.appendLine(`[syntaqlite] server executable not found: ${settings.command}`);
    void showStartError(settings, 'the executable was not found.');
    return;
  }

  const newClient = createClient(settings);
  client = newClient;
  let failure: string | undefined;
  try {
    await newClient.start();
    // start() can resolve even though the server exited during
    // initialization, so check the state as well.
    if (!newClient.isRunning()) {
      failure = 'the server exited while starting';
    }
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }

  if (failure === undefined) {
    outputChannel?.appendLine(`[syntaqlite] started: ${commandLine}`);
    return;
  }

  outputChannel?.appendLine(`[syntaqlite] failed to start \`${commandLine}\`: ${failure}`);
  if (client === newClient) {
    client = undefined;
  }
  try {
    await newClient.dispose(2000);
  } catch {
    // The server never came up, so there is nothing left to stop.
  }
  void showStartError(
    settings,
    `${failure} (its messages are in the syntaqlite output). ` +
      'If the executable exists, make sure it has the `lsp` command (the `[lsp]` extra).',
  );
}

async function stopClient(): Promise<void> {
  const current = client;
  client = undefined;
  if (!current) {
    return;
  }
  try {
    await current.dispose(2000);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outputChannel?.appendLine(`[syntaqlite] error while stopping the server: ${message}`);
  }
}

function enqueue(task: () => Promise<void>): Promise<void> {
  pending = pending.then(task, task);
  return pending;
}

function restartClient(): Promise<void> {
  return enqueue(async () => {
    await stopClient();
    await startClient();
  });
}

export function activate(context: vscode.ExtensionContext): Promise<void> {
  outputChannel = vscode.window.createOutputChannel(CLIENT_NAME);
  configWatchers = [
    vscode.workspace.createFileSystemWatcher('**/syntaqlite.toml'),
    vscode.workspace.createFileSystemWatcher('**/pyproject.toml'),
  ];
  context.subscriptions.push(outputChannel, ...configWatchers);

  context.subscriptions.push(
    vscode.commands.registerCommand('syntaqlite.restartServer', () => restartClient()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // Other syntaqlite.* settings reach the running server through
      // workspace/didChangeConfiguration (synchronize.configurationSection).
      if (
        event.affectsConfiguration(`${CONFIG_SECTION}.server`) ||
        event.affectsConfiguration(`${CONFIG_SECTION}.python`)
      ) {
        void restartClient();
      }
    }),
  );

  return enqueue(startClient);
}

export function deactivate(): Promise<void> {
  return enqueue(stopClient);
}
