// VS Code client for the syntaqlite-py language server.
//
// The extension does very little on its own: it finds `syntaqlite` (the
// setting `syntaqlite-py.server.path`; else the Python extension's selected
// interpreter, the workspace's `.venv` or `venv`; else PATH), starts
// `syntaqlite lsp`, talks LSP to it over stdio, and restarts it when the
// server settings or the selected interpreter change, or when the user runs
// the "syntaqlite-py: Restart Language Server" command.
//
// Its ID (syntaqlite-py.syntaqlite-py), settings (`syntaqlite-py.*`) and
// command differ from the original syntaqlite's extension, so both can be
// installed.

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

const CLIENT_ID = 'syntaqlite-py';
const CLIENT_NAME = 'syntaqlite-py';
const CONFIG_SECTION = 'syntaqlite-py';
// The section the server asks for with workspace/configuration.
const SERVER_SECTION = 'syntaqlite';
const INSTALL_HINT =
  'install syntaqlite-py into the workspace\'s virtual environment (`.venv/bin/python -m pip install <path to a clone>`) ' +
  'or as a tool (`pipx install <path to a clone>`)';

let client: LanguageClient | undefined;
let outputChannel: vscode.LogOutputChannel | undefined;
let configWatchers: vscode.FileSystemWatcher[] = [];
// Start/stop/restart requests are chained so that two quick configuration
// changes cannot race each other and leave two servers running.
let pending: Promise<void> = Promise.resolve();

interface ServerSettings {
  command: string;
  args: string[];
  // Where the command was found, for the log and the error message.
  origin: string;
}

// The part of the Python extension's API this extension uses.
interface PythonApi {
  environments?: {
    getActiveEnvironmentPath(resource?: vscode.Uri): { path: string } | undefined;
    onDidChangeActiveEnvironmentPath?: vscode.Event<unknown>;
  };
}

async function pythonApi(): Promise<PythonApi | undefined> {
  const extension = vscode.extensions.getExtension<PythonApi>('ms-python.python');
  if (!extension) {
    return undefined;
  }
  try {
    return extension.isActive ? extension.exports : await extension.activate();
  } catch {
    return undefined;
  }
}

const EXE = process.platform === 'win32' ? 'syntaqlite.exe' : 'syntaqlite';
const BIN = process.platform === 'win32' ? 'Scripts' : 'bin';

/** `syntaqlite` in the environments of the workspace, most specific first. */
async function environmentCandidates(): Promise<{ path: string; origin: string }[]> {
  const candidates: { path: string; origin: string }[] = [];
  const folders = vscode.workspace.workspaceFolders ?? [];
  const api = await pythonApi();
  const interpreter = api?.environments?.getActiveEnvironmentPath(folders[0]?.uri)?.path;
  if (interpreter && path.isAbsolute(interpreter)) {
    candidates.push({
      path: path.join(path.dirname(interpreter), EXE),
      origin: `the Python extension's interpreter (${interpreter})`,
    });
  }
  for (const folder of folders) {
    for (const venv of ['.venv', 'venv']) {
      candidates.push({
        path: path.join(folder.uri.fsPath, venv, BIN, EXE),
        origin: `the workspace's ${venv}`,
      });
    }
  }
  return candidates;
}

async function serverSettings(): Promise<ServerSettings> {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const args = (config.get<string[]>('server.args') ?? ['lsp']).map(String);
  const configured = (config.get<string>('server.path') ?? '').trim();
  if (configured) {
    return { command: expandPath(configured), args, origin: `the setting ${CONFIG_SECTION}.server.path` };
  }
  // A workspace's own executables run only in a trusted workspace.
  if (vscode.workspace.isTrusted) {
    for (const candidate of await environmentCandidates()) {
      if (isExecutableFile(candidate.path)) {
        return { command: candidate.path, args, origin: candidate.origin };
      }
    }
  }
  return { command: 'syntaqlite', args, origin: 'PATH' };
}

function editorSettings(): { sqliteVersion: string; sqliteCflags: string[] } {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  return {
    sqliteVersion: config.get<string>('sqliteVersion') ?? 'latest',
    sqliteCflags: config.get<string[]>('sqliteCflags') ?? [],
  };
}

/** Whether the server also serves Python files (`syntaqlite-py.python.enable`). */
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
    `syntaqlite-py: could not start the language server (\`${commandLine}\`, from ${settings.origin}): ${detail} ` +
      `To fix it, ${INSTALL_HINT}, ` +
      `or set \`${CONFIG_SECTION}.server.path\` to the full path of the \`syntaqlite\` executable.`,
    openSettings,
    showOutput,
  );
  if (choice === openSettings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', `${CONFIG_SECTION}.server`);
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
  let fallback: ErrorHandler | undefined = undefined;
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
    initializationOptions: editorSettings,
    // The server asks for its settings under `syntaqlite`; they are this
    // extension's `syntaqlite-py` settings.
    middleware: {
      workspace: {
        configuration: (params, token, next) => {
          if (params.items.every((item) => item.section === SERVER_SECTION || item.section === CONFIG_SECTION)) {
            return params.items.map(() => editorSettings());
          }
          return next(params, token);
        },
      },
    },
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
      outputChannel?.appendLine(`[syntaqlite-py] initialize failed: ${message}`);
      return false;
    },
  };

  // The client id makes vscode-languageclient honour `syntaqlite-py.trace.server`.
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
  const settings = await serverSettings();
  const commandLine = [settings.command, ...settings.args].join(' ');
  outputChannel?.appendLine(`[syntaqlite-py] server: ${commandLine} (from ${settings.origin})`);
  if (!commandExists(settings.command)) {
    outputChannel?.appendLine(`[syntaqlite-py] server executable not found: ${settings.command}`);
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
    outputChannel?.appendLine(`[syntaqlite-py] started: ${commandLine}`);
    return;
  }

  outputChannel?.appendLine(`[syntaqlite-py] failed to start \`${commandLine}\`: ${failure}`);
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
      'If the executable exists, make sure it is syntaqlite-py (`syntaqlite --version` names it): ' +
      'the original syntaqlite installs a command of the same name.',
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
    outputChannel?.appendLine(`[syntaqlite-py] error while stopping the server: ${message}`);
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
  outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  configWatchers = [
    vscode.workspace.createFileSystemWatcher('**/syntaqlite.toml'),
    vscode.workspace.createFileSystemWatcher('**/pyproject.toml'),
  ];
  context.subscriptions.push(outputChannel, ...configWatchers);

  context.subscriptions.push(
    vscode.commands.registerCommand(`${CONFIG_SECTION}.restartServer`, () => restartClient()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // Other syntaqlite-py.* settings reach the running server through
      // workspace/didChangeConfiguration (synchronize.configurationSection).
      if (
        event.affectsConfiguration(`${CONFIG_SECTION}.server`) ||
        event.affectsConfiguration(`${CONFIG_SECTION}.python`)
      ) {
        void restartClient();
      }
    }),
  );

  // A different interpreter may hold a different syntaqlite.
  void pythonApi().then((api) => {
    const changed = api?.environments?.onDidChangeActiveEnvironmentPath;
    if (changed) {
      context.subscriptions.push(changed(() => void restartClient()));
    }
  });
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void restartClient()));

  return enqueue(startClient);
}

export function deactivate(): Promise<void> {
  return enqueue(stopClient);
}
