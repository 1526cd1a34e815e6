// Status bar item: server state and the number of ztlint findings in the workspace.
import * as vscode from "vscode";

export type ServerState = "starting" | "installing" | "running" | "restarting" | "stopped" | "failed" | "disabled";

const ICONS: Record<ServerState, string> = {
  starting: "$(sync~spin)",
  installing: "$(sync~spin)",
  running: "$(shield)",
  restarting: "$(sync~spin)",
  stopped: "$(circle-slash)",
  failed: "$(error)",
  disabled: "$(circle-slash)",
};

const DESCRIPTIONS: Record<ServerState, string> = {
  starting: "starting the language server",
  installing: "installing the bundled language server (offline, first run only)",
  running: "running",
  restarting: "restarting after a crash",
  stopped: "stopped",
  failed: "not running (see the ztlint output)",
  disabled: "disabled (ztlint.enable is off)",
};

export class Status implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private state: ServerState = "starting";
  private detail = "";
  private findings = 0;
  private restricted = false;
  private countTimer: NodeJS.Timeout | undefined;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.item = vscode.window.createStatusBarItem("ztlint.status", vscode.StatusBarAlignment.Left, 50);
    this.item.name = "ztlint";
    this.subscription = vscode.languages.onDidChangeDiagnostics(() => this.scheduleCount());
    this.render();
    this.item.show();
  }

  setState(state: ServerState, detail = ""): void {
    this.state = state;
    this.detail = detail;
    this.render();
  }

  setRestricted(restricted: boolean): void {
    this.restricted = restricted;
    this.render();
  }

  get current(): ServerState {
    return this.state;
  }

  private scheduleCount(): void {
    if (this.countTimer) return;
    this.countTimer = setTimeout(() => {
      this.countTimer = undefined;
      let n = 0;
      for (const [, diags] of vscode.languages.getDiagnostics()) {
        for (const d of diags) if (d.source === "ztlint") n++;
      }
      if (n !== this.findings) {
        this.findings = n;
        this.render();
      }
    }, 250);
  }

  private render(): void {
    const count = this.state === "running" ? ` ${this.findings}` : "";
    this.item.text = `${ICONS[this.state]} ztlint${count}`;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**ztlint**: ${DESCRIPTIONS[this.state]}`);
    if (this.detail) tip.appendText(` — ${this.detail}`);
    if (this.state === "running") tip.appendMarkdown(`\n\n${this.findings} finding(s) in the Problems panel`);
    if (this.restricted) tip.appendMarkdown("\n\n$(workspace-untrusted) Restricted Mode: only the bundled rules run");
    tip.appendMarkdown(this.state === "failed" || this.state === "stopped" ? "\n\nClick to restart the server" : "\n\nClick to show the ztlint output");
    this.item.tooltip = tip;
    this.item.command = this.state === "failed" || this.state === "stopped" ? "ztlint.client.restartServer" : "ztlint.client.showOutput";
    this.item.backgroundColor = this.state === "failed" ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
    this.item.accessibilityInformation = { label: `ztlint ${DESCRIPTIONS[this.state]}${count ? `, ${this.findings} findings` : ""}` };
  }

  dispose(): void {
    if (this.countTimer) clearTimeout(this.countTimer);
    this.subscription.dispose();
    this.item.dispose();
  }
}
