// Entry point: wires the output channel, the status bar item, the server manager, the palette
// commands and the listeners that restart or reconfigure the server.
import * as vscode from "vscode";
import { registerCommands } from "./commands";
import { Logger } from "./logging";
import * as pythonExtension from "./pythonExtension";
import { ServerManager } from "./server";
import { RESTART_KEYS } from "./settings";
import { Status } from "./status";

let manager: ServerManager | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = new Logger();
  const status = new Status();
  status.setRestricted(!vscode.workspace.isTrusted);
  manager = new ServerManager(context, log, status);
  const m = manager;
  context.subscriptions.push(log, status, m);
  log.info(`ztlint extension ${context.extension.packageJSON.version} (VS Code ${vscode.version}, ${process.platform}-${process.arch})`);
  // Codespaces, dev containers, SSH and code-server: the extension host where the files are
  const kind = context.extension.extensionKind === vscode.ExtensionKind.Workspace ? "workspace" : "ui";
  log.info(`running as a ${kind} extension${vscode.env.remoteName ? ` in the ${vscode.env.remoteName} remote` : ""} (extension host: ${process.platform}-${process.arch})`);
  registerCommands(context, m, log);

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration("ztlint")) return;
      if (e.affectsConfiguration("ztlint.enable")) {
        const on = vscode.workspace.getConfiguration("ztlint").get<boolean>("enable", true);
        log.info(`ztlint.enable changed to ${on}`);
        void (on ? m.start() : m.stop().then(() => status.setState("disabled")));
      } else if (RESTART_KEYS.some((k) => e.affectsConfiguration(k))) {
        log.info("ztlint.path / ztlint.interpreter changed: restarting the server");
        void m.restart();
      } else {
        m.configurationChanged();
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      log.info("workspace trusted: restarting with the repository's rules and settings");
      status.setRestricted(false);
      void m.restart();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      log.info("workspace folders changed: restarting the server");
      void m.restart();
    }),
  );

  void m.start(); // not awaited: a first-run install must not hold up activation

  if (vscode.workspace.isTrusted && vscode.extensions.getExtension("ms-python.python")) {
    const sub = await pythonExtension.onInterpreterChange(log, () => {
      if (m.source === "pythonExtension" || m.source === "privateEnv") {
        log.info("the Python extension's interpreter changed: restarting the server");
        void m.restart();
      }
    });
    if (sub) context.subscriptions.push(sub);
  }
}

export async function deactivate(): Promise<void> {
  await manager?.shutdown();
  manager = undefined;
}
