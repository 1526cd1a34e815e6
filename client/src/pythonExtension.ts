// Optional: the interpreter selected in the Python extension (ms-python.python), if installed.
import * as vscode from "vscode";
import type { Logger } from "./logging";

const PYTHON_EXTENSION = "ms-python.python";

interface PythonApi {
  environments?: {
    getActiveEnvironmentPath(resource?: vscode.Uri): { id: string; path: string };
    resolveEnvironment(env: { id: string; path: string } | string): Promise<{ executable: { uri?: vscode.Uri } } | undefined>;
    onDidChangeActiveEnvironmentPath?: vscode.Event<unknown>;
  };
  settings?: {
    getExecutionDetails?(resource?: vscode.Uri): { execCommand: string[] | undefined };
  };
}

function withTimeout<T>(p: Thenable<T>, ms: number): Promise<T | undefined> {
  return Promise.race([Promise.resolve(p), new Promise<undefined>((r) => setTimeout(() => r(undefined), ms))]);
}

async function api(log: Logger): Promise<PythonApi | undefined> {
  const ext = vscode.extensions.getExtension<PythonApi>(PYTHON_EXTENSION);
  if (!ext) return undefined;
  try {
    return ext.isActive ? ext.exports : await withTimeout(ext.activate(), 15_000);
  } catch (e) {
    log.warn(`the Python extension did not activate: ${e}`);
    return undefined;
  }
}

/** Path of the active interpreter for `resource`, or undefined. Never throws. */
export async function activeInterpreter(resource: vscode.Uri | undefined, log: Logger): Promise<string | undefined> {
  const a = await api(log);
  if (!a) return undefined;
  try {
    if (a.environments?.getActiveEnvironmentPath) {
      const env = a.environments.getActiveEnvironmentPath(resource);
      const resolved = await withTimeout(a.environments.resolveEnvironment(env), 15_000);
      return resolved?.executable.uri?.fsPath ?? env.path;
    }
    return a.settings?.getExecutionDetails?.(resource)?.execCommand?.[0];
  } catch (e) {
    log.warn(`could not read the Python extension's interpreter: ${e}`);
    return undefined;
  }
}

export async function onInterpreterChange(log: Logger, listener: () => void): Promise<vscode.Disposable | undefined> {
  const a = await api(log);
  return a?.environments?.onDidChangeActiveEnvironmentPath?.(listener);
}
