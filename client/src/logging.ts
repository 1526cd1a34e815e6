// One output channel, "ztlint", for the extension's own messages, the server's stderr and
// window/logMessage, and the LSP trace (ztlint.trace.server).
import * as vscode from "vscode";

export class Logger implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;

  constructor() {
    this.channel = vscode.window.createOutputChannel("ztlint", { log: true });
  }

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string, detail?: unknown): void {
    this.channel.error(detail === undefined ? message : `${message}\n${describe(detail)}`);
  }

  /** Multi-line tool output (pip, venv), indented under a heading. */
  block(heading: string, text: string): void {
    const body = text.trim();
    this.channel.info(body ? `${heading}\n${body.split(/\r?\n/).map((l) => `    ${l}`).join("\n")}` : heading);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

export function describe(e: unknown): string {
  if (e instanceof Error) return e.stack || `${e.name}: ${e.message}`;
  return typeof e === "string" ? e : JSON.stringify(e);
}
