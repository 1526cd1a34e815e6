// Start, stop and restart the language server; turn every failure into a notification with
// a way out, and restart after crashes with a backoff.
import { promises as fs } from "node:fs";
import * as vscode from "vscode";
import {
  CloseAction,
  CloseHandlerResult,
  DidChangeConfigurationNotification,
  ErrorAction,
  ErrorHandlerResult,
  LanguageClient,
  LanguageClientOptions,
  ResponseError,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from "vscode-languageclient/node";
import { CrashPolicy } from "./backoff";
import { documentSelector } from "./languages";
import type { Logger } from "./logging";
import { isMusl, vsixTarget } from "./platform";
import { discoverServer, Launch, nodeDiscoveryDeps, pythonLaunch } from "./python";
import * as pythonExtension from "./pythonExtension";
import { initializationOptions, launchSettings, SECTION, toServerSettings } from "./settings";
import type { Status } from "./status";
import { bundledWheelsFit, createEnv, EnvError, readManifest, readyEnvPython } from "./venv";

/**
 * vscode-languageclient pops up its own "couldn't create connection to server" and similar
 * errors. This extension reports failures itself (one notification with a way out, details in
 * the output channel), so the library's messages go to the output channel only.
 */
class ZtlintLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, _showNotification: boolean | "force" = true): void {
    super.error(message, data, false);
  }
}

export class ServerManager implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private launch: Launch | undefined;
  private readonly policy = new CrashPolicy();
  private queue: Promise<unknown> = Promise.resolve();
  private restartTimer: NodeJS.Timeout | undefined;
  private generation = 0;
  private readonly warned = new Set<string>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Logger,
    private readonly status: Status,
  ) {}

  // -- public API (each step runs after the previous one finished) ------------------------
  start(): Promise<void> {
    return this.enqueue(() => this.doStart());
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.doStop("stopped"));
  }

  /** A restart the user asked for (or a settings change): forget earlier crashes. */
  restart(): Promise<void> {
    return this.enqueue(async () => {
      this.policy.reset();
      await this.doStop("stopped");
      await this.doStart();
    });
  }

  /** The running client, starting the server first if needed; undefined if it cannot run. */
  async ready(): Promise<LanguageClient | undefined> {
    if (!this.client || this.client.state !== State.Running) {
      if (!this.enabled()) {
        void vscode.window.showWarningMessage("ztlint is disabled (ztlint.enable).", "Enable").then((a) => {
          if (a) void vscode.workspace.getConfiguration(SECTION).update("enable", true, vscode.ConfigurationTarget.Global);
        });
        return undefined;
      }
      await this.start();
    }
    return this.client?.state === State.Running ? this.client : undefined;
  }

  get source(): Launch["source"] | undefined {
    return this.launch?.source;
  }

  /** Settings that the server pulls changed: tell it to pull them again. */
  configurationChanged(): void {
    if (this.client?.state === State.Running) {
      void this.client.sendNotification(DidChangeConfigurationNotification.type, { settings: null }).catch((e) => this.log.warn(`didChangeConfiguration: ${e}`));
    }
  }

  // -- internals --------------------------------------------------------------------------
  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.queue.then(step).catch((e) => this.log.error("ztlint: unexpected error", e));
    this.queue = next;
    return next;
  }

  private enabled(): boolean {
    return vscode.workspace.getConfiguration(SECTION).get<boolean>("enable", true);
  }

  private async doStart(): Promise<void> {
    if (this.restartTimer) {
      clearTimeout(this.restartTimer);
      this.restartTimer = undefined;
    }
    if (this.client) {
      if (this.client.state !== State.Stopped) return; // running or starting already
      await this.disposeClient(); // left over from a crash: free its command registrations first
    }
    if (!this.enabled()) {
      this.status.setState("disabled");
      this.log.info("ztlint.enable is off: the server is not started");
      return;
    }
    this.status.setState("starting");
    const launch = await this.resolveLaunch();
    if (!launch) return;
    this.launch = launch;
    await this.startClient(launch);
  }

  private async doStop(state: "stopped"): Promise<void> {
    if (this.restartTimer) {
      clearTimeout(this.restartTimer);
      this.restartTimer = undefined;
    }
    await this.disposeClient();
    this.status.setState(state);
  }

  private async disposeClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.generation++; // closing on purpose is not a crash
    if (!client) return;
    try {
      if (client.state === State.Running) await client.stop(5_000);
    } catch (e) {
      this.log.warn(`stopping the server: ${e}`);
    }
    await client.dispose(2_000).catch(() => undefined);
  }

  private trusted(): boolean {
    return vscode.workspace.isTrusted;
  }

  private firstFolder(): vscode.WorkspaceFolder | undefined {
    return vscode.workspace.workspaceFolders?.[0];
  }

  /** Find (or make) the program to run; on failure, say so with a way out and return undefined. */
  private async resolveLaunch(): Promise<Launch | undefined> {
    const trusted = this.trusted();
    const folder = this.firstFolder();
    const cfg = vscode.workspace.getConfiguration(SECTION, folder?.uri);
    const launchCfg = launchSettings({ path: cfg.inspect<string>("path"), interpreter: cfg.inspect<string>("interpreter") }, { trusted, folder: folder?.uri.fsPath });
    for (const key of launchCfg.ignored) this.log.warn(`${key} from the workspace is ignored in Restricted Mode`);

    const storage = this.context.globalStorageUri.fsPath;
    const wheelhouse = vscode.Uri.joinPath(this.context.extensionUri, "client", "dist", "wheelhouse").fsPath;
    const manifest = await readManifest(wheelhouse);
    const musl = isMusl(process.platform, process.platform === "linux" ? process.report?.getReport() : undefined);
    const target = vsixTarget(process.platform, process.arch, musl);
    const bundleFits = manifest !== undefined && bundledWheelsFit(manifest, process.platform, process.arch, musl);
    if (!manifest) this.log.info(`no bundled wheelhouse (the universal extension): ztlint must come from a Python on this machine (${target})`);
    else if (!bundleFits) this.log.warn(`the bundled wheels are for ${manifest.target ?? "linux-x64"}; this is ${target}: ztlint must come from a Python on this machine`);
    const privateEnv = manifest ? await readyEnvPython(storage, manifest, process.platform) : undefined;
    // The Python extension's interpreter is often a venv inside the repository: only run it once trusted.
    const pyExt = trusted && !launchCfg.path ? await pythonExtension.activeInterpreter(folder?.uri, this.log) : undefined;

    const found = await discoverServer({
      path: launchCfg.path,
      interpreter: launchCfg.interpreter,
      pythonExtension: pyExt,
      privateEnv,
      bundledPythons: manifest?.pythons ?? [],
      bundleFits,
      platform: process.platform,
    }, nodeDiscoveryDeps);
    for (const line of found.log) this.log.info(line);

    switch (found.kind) {
      case "launch":
        return found.launch;
      case "pathMissing":
        this.fail(`ztlint.path points to "${found.path}", which is not an executable file.`, [
          { title: "Open Settings", run: () => vscode.commands.executeCommand("workbench.action.openSettings", "ztlint.path") },
          { title: "Show Output", run: () => this.log.show() },
        ]);
        return undefined;
      case "noPython":
        this.fail(`ztlint needs Python ${"3.10"} or newer to run its language server, and none was found (tried ${found.tried.join(", ")}).`, [
          { title: "Select Interpreter…", run: () => this.pickInterpreter() },
          { title: "Show Output", run: () => this.log.show() },
        ]);
        return undefined;
      case "noBundle": {
        const version = String(this.context.extension.packageJSON.version);
        this.fail(`ztlint has no bundled language server for ${target}. Install it into a Python 3.10+ (\`pip install ztlint==${version}\`), then choose that Python (Select Interpreter…) or set ztlint.path. Tried: ${found.tried.join(", ") || "nothing"}.`, [
          { title: "Select Interpreter…", run: () => this.pickInterpreter() },
          { title: "Open Settings", run: () => vscode.commands.executeCommand("workbench.action.openSettings", "ztlint.") },
          { title: "Show Output", run: () => this.log.show() },
        ]);
        return undefined;
      }
      case "createEnv": {
        if (!manifest) {
          this.fail("ztlint: the extension's bundled wheelhouse is missing (client/dist/wheelhouse/manifest.json); set ztlint.path or ztlint.interpreter to a ztlint installation.", [
            { title: "Open Settings", run: () => vscode.commands.executeCommand("workbench.action.openSettings", "ztlint.") },
            { title: "Show Output", run: () => this.log.show() },
          ]);
          return undefined;
        }
        this.status.setState("installing");
        try {
          const python = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: "ztlint: installing the bundled language server (offline, first run only)…" },
            () => createEnv({ base: found.base, wheelhouse, manifest, storage, platform: process.platform, log: (l) => this.log.info(l) }),
          );
          this.log.info(`private environment ready: ${python}`);
          return pythonLaunch("privateEnv", python, `the bundled ztlint ${manifest.ztlint} (private environment)`);
        } catch (e) {
          const err = e instanceof EnvError ? e : new EnvError(String(e), "venv", e instanceof Error ? e.stack ?? "" : "");
          this.log.block(`ztlint: ${err.message} (step: ${err.step})`, err.output);
          const hint = err.step === "venv" ? " Is the Python 'venv' module installed (Debian/Ubuntu: python3-venv)?" : "";
          this.fail(`ztlint could not install its bundled language server: ${err.message}.${hint}`, [
            { title: "Retry", run: () => this.restart() },
            { title: "Select Interpreter…", run: () => this.pickInterpreter() },
            { title: "Show Output", run: () => this.log.show() },
          ]);
          return undefined;
        }
      }
    }
  }

  private async startClient(launch: Launch): Promise<void> {
    const generation = ++this.generation;
    const trusted = this.trusted();
    const folder = this.firstFolder();
    let cwd = trusted && folder ? folder.uri.fsPath : this.context.globalStorageUri.fsPath;
    await fs.mkdir(this.context.globalStorageUri.fsPath, { recursive: true }).catch(() => undefined);
    if (!(await fs.stat(cwd).then((s) => s.isDirectory(), () => false))) cwd = this.context.globalStorageUri.fsPath;

    const serverOptions: ServerOptions = { command: launch.command, args: launch.args, options: { cwd, env: { ...process.env } } };
    let crashHandled = false;
    const onClosed = (): CloseHandlerResult => {
      if (generation === this.generation && !crashHandled) {
        crashHandled = true;
        this.onCrash(generation);
      }
      return { action: CloseAction.DoNotRestart, handled: true };
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(),
      diagnosticCollectionName: "ztlint",
      outputChannel: this.log.channel,
      traceOutputChannel: this.log.channel,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: initializationOptions(vscode.workspace.getConfiguration(SECTION) as unknown as Record<string, unknown>, trusted),
      initializationFailedHandler: (error) => {
        this.log.error("ztlint: the server failed to initialize", error);
        return false;
      },
      errorHandler: {
        error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue, handled: true }),
        closed: onClosed,
      },
      markdown: { isTrusted: false, supportHtml: false },
      middleware: {
        workspace: {
          configuration: async (params, token, next) => {
            const result = await next(params, token);
            if (result instanceof ResponseError || !Array.isArray(result)) return result;
            return params.items.map((item, i) => (item.section === SECTION ? this.serverSettings(result[i], item.scopeUri) : result[i]));
          },
        },
      },
    };
    const client = new ZtlintLanguageClient("ztlint", "ztlint", serverOptions, clientOptions);
    this.client = client;
    this.log.info(`starting the server: ${launch.command} ${launch.args.join(" ")} (${launch.detail}${trusted ? "" : "; Restricted Mode: bundled rules only"})`);
    try {
      await client.start();
      if (generation !== this.generation) return;
      const info = client.initializeResult?.serverInfo;
      this.status.setState("running", `${info ? `${info.name} ${info.version ?? ""}`.trim() : "ztlint"} via ${launch.detail}`);
      this.log.info(`server running${info ? `: ${info.name} ${info.version ?? ""}` : ""}`);
    } catch (e) {
      this.log.error("ztlint: the server did not start", e);
      if (generation === this.generation && !crashHandled) {
        crashHandled = true;
        this.onCrash(generation);
      }
    }
  }

  private serverSettings(raw: unknown, scopeUri: string | undefined): unknown {
    const folder = scopeUri ? vscode.Uri.parse(scopeUri).fsPath : undefined;
    const mapped = toServerSettings(raw as Record<string, unknown>, { trusted: this.trusted(), folder });
    for (const w of mapped.warnings) {
      if (!this.warned.has(w)) {
        this.warned.add(w);
        this.log.warn(w);
      }
    }
    return mapped.value;
  }

  private onCrash(generation: number): void {
    const decision = this.policy.onCrash();
    if (decision.restart) {
      const secs = Math.round(decision.delayMs / 1000);
      this.log.warn(`ztlint: the server stopped unexpectedly (crash ${decision.crashes}); restarting in ${secs}s`);
      this.status.setState("restarting", `in ${secs}s`);
      this.restartTimer = setTimeout(() => {
        this.restartTimer = undefined;
        void this.enqueue(async () => {
          if (generation !== this.generation) return; // stopped or restarted meanwhile
          await this.doStop("stopped");
          await this.doStart();
        });
      }, decision.delayMs);
      return;
    }
    this.log.error(`ztlint: the server crashed ${decision.crashes} times in ${this.policy.windowMinutes} minutes; it stays stopped until you restart it`);
    void this.enqueue(async () => {
      if (generation !== this.generation) return;
      await this.doStop("stopped");
      this.status.setState("failed", `crashed ${decision.crashes} times`);
    });
    this.fail(`The ztlint language server crashed ${decision.crashes} times in ${this.policy.windowMinutes} minutes and was stopped.`, [
      { title: "Restart Server", run: () => this.restart() },
      { title: "Show Output", run: () => this.log.show() },
    ]);
  }

  private fail(message: string, actions: { title: string; run: () => unknown }[]): void {
    this.log.error(message);
    this.status.setState("failed", message);
    void vscode.window.showErrorMessage(message, ...actions.map((a) => a.title)).then((chosen) => {
      const action = actions.find((a) => a.title === chosen);
      if (action) void Promise.resolve(action.run()).catch((e) => this.log.error(`ztlint: ${action.title} failed`, e));
    });
  }

  /** Let the user pick a Python (>= 3.10, with or without ztlint) and remember it in user settings. */
  private async pickInterpreter(): Promise<void> {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: "Use this Python for ztlint", title: "Select a Python 3.10+ interpreter" });
    if (!picked?.[0]) return;
    await vscode.workspace.getConfiguration(SECTION).update("interpreter", picked[0].fsPath, vscode.ConfigurationTarget.Global);
    // The configuration listener restarts the server.
  }

  dispose(): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
  }

  /** deactivate(): stop the server process and wait for it. */
  async shutdown(): Promise<void> {
    await this.enqueue(() => this.doStop("stopped"));
  }
}
