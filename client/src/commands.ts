// Palette commands. They have their own ids (ztlint.client.*): vscode-languageclient registers
// a VS Code command for every server command id (ztlint.scanWorkspace, ztlint.showRuleDocs,
// ztlint.fixAll) only while the server runs. These wrappers start the server if needed, add
// the arguments (rule id picker, active document) and show the result.
import * as vscode from "vscode";
import { ExecuteCommandRequest, LanguageClient } from "vscode-languageclient/node";
import type { Logger } from "./logging";
import type { ServerManager } from "./server";

export const DOCS_SCHEME = "ztlint-docs";

interface ScanResult {
  files: number;
  findings: number;
  cancelled: boolean;
}

class RuleDocs implements vscode.TextDocumentContentProvider {
  private readonly docs = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, markdown: string): void {
    this.docs.set(uri.toString(), markdown);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.toString()) ?? "";
  }
}

function execute<T>(client: LanguageClient, command: string, args: unknown[]): Promise<T> {
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<T>;
}

/** Rule ids of ztlint diagnostics: those under the cursor first, then the rest of the workspace. */
function ruleIdsInView(): { id: string; detail: string }[] {
  const out = new Map<string, string>();
  const editor = vscode.window.activeTextEditor;
  const add = (d: vscode.Diagnostic, where: string) => {
    const code = typeof d.code === "object" ? d.code.value : d.code;
    if (d.source === "ztlint" && code !== undefined && !out.has(String(code))) out.set(String(code), where);
  };
  if (editor) {
    const here = vscode.languages.getDiagnostics(editor.document.uri);
    for (const d of here) if (d.range.contains(editor.selection.active)) add(d, "at the cursor");
    for (const d of here) add(d, "in this file");
  }
  for (const [, diags] of vscode.languages.getDiagnostics()) for (const d of diags) add(d, "in the workspace");
  return [...out].map(([id, detail]) => ({ id, detail }));
}

export function registerCommands(context: vscode.ExtensionContext, manager: ServerManager, log: Logger): void {
  const docs = new RuleDocs();
  const reg = (id: string, fn: (...args: any[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: any[]) => {
      try {
        return await fn(...args);
      } catch (e) {
        log.error(`ztlint: ${id} failed`, e);
        void vscode.window.showErrorMessage(`ztlint: ${e instanceof Error ? e.message : String(e)}`, "Show Output").then((a) => a && log.show());
        return undefined;
      }
    }));
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, docs));

  reg("ztlint.client.showOutput", () => log.show());

  reg("ztlint.client.restartServer", () => manager.restart());

  reg("ztlint.client.scanWorkspace", async () => {
    const client = await manager.ready();
    if (!client) return undefined;
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage("ztlint: open a folder to scan it.");
      return undefined;
    }
    const r = await execute<ScanResult>(client, "ztlint.scanWorkspace", []);
    log.info(`scan: ${r.findings} finding(s) in ${r.files} file(s)${r.cancelled ? " (cancelled)" : ""}`);
    void vscode.window
      .showInformationMessage(`ztlint: ${r.findings} finding(s) in ${r.files} file(s)${r.cancelled ? " (scan cancelled)" : ""}.`, "Show Problems")
      .then((a) => a && vscode.commands.executeCommand("workbench.actions.view.problems"));
    return r;
  });

  reg("ztlint.client.showRuleDocs", async (ruleArg?: unknown) => {
    let ruleId = typeof ruleArg === "string" ? ruleArg : undefined;
    if (!ruleId) {
      const known = ruleIdsInView();
      const enter = "$(edit) Enter a rule id…";
      const picked = await vscode.window.showQuickPick(
        [...known.map((k) => ({ label: k.id, description: k.detail })), { label: enter, description: "" }],
        { placeHolder: "Show the documentation of which ztlint rule?" },
      );
      if (!picked) return undefined;
      ruleId = picked.label === enter ? (await vscode.window.showInputBox({ prompt: "ztlint rule id", placeHolder: "python-yaml-unsafe-load" }))?.trim() : picked.label;
      if (!ruleId) return undefined;
    }
    const client = await manager.ready();
    if (!client) return undefined;
    const markdown = await execute<string>(client, "ztlint.showRuleDocs", [ruleId]);
    const uri = vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/${ruleId}.md` });
    docs.set(uri, markdown);
    try {
      await vscode.commands.executeCommand("markdown.showPreview", uri);
    } catch {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: true });
    }
    return markdown;
  });

  reg("ztlint.client.fixAll", async (uriArg?: unknown) => {
    const uri = uriArg instanceof vscode.Uri ? uriArg : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage("ztlint: open a file to fix.");
      return undefined;
    }
    const client = await manager.ready();
    if (!client) return undefined;
    const r = await execute<{ applied: boolean; reason?: string }>(client, "ztlint.fixAll", [client.code2ProtocolConverter.asUri(uri)]);
    if (!r.applied) void vscode.window.showInformationMessage(`ztlint: nothing fixed${r.reason ? ` (${r.reason})` : ""}.`);
    return r;
  });
}
