// Extension settings -> what the language server and the launcher get. Pure: no `vscode`.
import * as os from "node:os";
import * as path from "node:path";

export const SECTION = "ztlint";
export type Severity = "error" | "warning" | "info" | "hint";
const SEVERITIES: ReadonlySet<string> = new Set(["error", "warning", "info", "hint"]);

/** Keys whose change needs a new server process (the rest is re-pulled by the server). */
export const RESTART_KEYS = ["ztlint.path", "ztlint.interpreter"] as const;
export const DEFAULT_DEBOUNCE_MS = 150;

/** Exactly the keys the server understands (server/ztlint/lsp/state.py settings_to_config). */
export interface ServerSettings {
  disabledRules: string[];
  enabledRules: string[];
  severityOverrides: Record<string, Severity>;
  ruleDirs: string[];
  exclude: string[];
  maxFileSize?: number;
  debounceMs?: number;
  /** An OSV database (folder or zip) for known-vulnerable dependency versions. */
  osvDb?: string;
  /** "default": dangerous calls with no proven flow are hints; "audit": they keep their severity. */
  profile?: "default" | "audit";
}

export interface InitializationOptions {
  debounceMs: number;
  trusted: boolean;
  diagnosticMode: "push";
}

export interface MappingContext {
  /** Workspace trust: false in Restricted Mode. */
  trusted: boolean;
  /** Filesystem path of the workspace folder the settings are for, if any. */
  folder?: string;
  home?: string;
  env?: Record<string, string | undefined>;
}

export interface Mapped<T> {
  value: T;
  warnings: string[];
}

type Raw = Record<string, unknown> | null | undefined;

function stringList(raw: unknown, key: string, warnings: string[]): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    warnings.push(`ztlint.${key} must be a list of strings; ignored`);
    return [];
  }
  const out: string[] = [];
  for (const item of raw) {
    if (typeof item === "string" && item.trim() !== "") out.push(item.trim());
    else warnings.push(`ztlint.${key}: ignored entry ${JSON.stringify(item)}`);
  }
  return out;
}

function nonNegativeInt(raw: unknown, key: string, warnings: string[], min = 0): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === "number" && Number.isFinite(raw) && raw >= min) return Math.floor(raw);
  warnings.push(`ztlint.${key} must be a number >= ${min}; ignored ${JSON.stringify(raw)}`);
  return undefined;
}

/**
 * Expand `~`, `${userHome}`, `${workspaceFolder}` and `${env:NAME}`; make a relative path
 * absolute against the workspace folder (left relative when there is none).
 */
export function expandPath(p: string, ctx: Pick<MappingContext, "folder" | "home" | "env">): string {
  const home = ctx.home ?? os.homedir();
  const env = ctx.env ?? process.env;
  let s = p.trim();
  if (s === "~" || s.startsWith("~/") || s.startsWith("~\\")) s = home + s.slice(1);
  s = s.replace(/\$\{userHome\}/g, home);
  s = s.replace(/\$\{env:([^}]+)\}/g, (_m, name: string) => env[name] ?? "");
  if (ctx.folder) s = s.replace(/\$\{workspaceFolder\}/g, ctx.folder);
  if (!path.isAbsolute(s) && ctx.folder && !s.includes("${")) s = path.resolve(ctx.folder, s);
  return s;
}

/** The `ztlint` section as VS Code returns it -> the object answered to workspace/configuration. */
export function toServerSettings(raw: Raw, ctx: MappingContext): Mapped<ServerSettings> {
  const s = raw ?? {};
  const warnings: string[] = [];
  const severityOverrides: Record<string, Severity> = {};
  const sev = s.severityOverrides;
  if (sev !== undefined && sev !== null) {
    if (typeof sev !== "object" || Array.isArray(sev)) {
      warnings.push("ztlint.severityOverrides must be an object rule-glob -> severity; ignored");
    } else {
      for (const [rule, level] of Object.entries(sev as Record<string, unknown>)) {
        if (typeof level === "string" && SEVERITIES.has(level)) severityOverrides[rule] = level as Severity;
        else warnings.push(`ztlint.severityOverrides: ${rule} -> ${JSON.stringify(level)} is not error|warning|info|hint; ignored`);
      }
    }
  }
  let ruleDirs = stringList(s.ruleDirs, "ruleDirs", warnings);
  if (!ctx.trusted && ruleDirs.length > 0) {
    warnings.push("ztlint.ruleDirs is ignored in Restricted Mode: only the bundled rules run");
    ruleDirs = [];
  }
  const value: ServerSettings = {
    disabledRules: stringList(s.disabledRules, "disabledRules", warnings),
    enabledRules: stringList(s.enabledRules, "enabledRules", warnings),
    severityOverrides,
    ruleDirs: ruleDirs.map((d) => expandPath(d, ctx)),
    exclude: stringList(s.exclude, "exclude", warnings),
  };
  const maxFileSize = nonNegativeInt(s.maxFileSize, "maxFileSize", warnings, 1);
  if (maxFileSize !== undefined) value.maxFileSize = maxFileSize;
  const debounceMs = nonNegativeInt(s.debounceMs, "debounceMs", warnings);
  if (debounceMs !== undefined) value.debounceMs = debounceMs;
  if (typeof s.osvDb === "string" && s.osvDb.trim() !== "") value.osvDb = expandPath(s.osvDb, ctx);
  else if (s.osvDb !== undefined && s.osvDb !== null && s.osvDb !== "") warnings.push("ztlint.osvDb must be a path; ignored");
  if (s.profile === "default" || s.profile === "audit") value.profile = s.profile;
  else if (s.profile !== undefined && s.profile !== null) warnings.push(`ztlint.profile must be "default" or "audit"; ignored ${JSON.stringify(s.profile)}`);
  return { value, warnings };
}

export function initializationOptions(raw: Raw, trusted: boolean): InitializationOptions {
  const d = (raw ?? {}).debounceMs;
  const debounceMs = typeof d === "number" && Number.isFinite(d) && d >= 0 ? Math.floor(d) : DEFAULT_DEBOUNCE_MS;
  return { debounceMs, trusted, diagnosticMode: "push" };
}

/** The parts of `WorkspaceConfiguration.inspect()` the launcher looks at. */
export interface Inspected<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

export interface LaunchSettings {
  /** `ztlint.path`: a ztlint executable. */
  path?: string;
  /** `ztlint.interpreter`: a Python. */
  interpreter?: string;
  /** Workspace-set values that were not used because the workspace is not trusted. */
  ignored: string[];
}

function pick(key: string, ins: Inspected<string> | undefined, trusted: boolean, ignored: string[]): string | undefined {
  if (!ins) return undefined;
  const clean = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
  const ws = clean(ins.workspaceFolderValue) ?? clean(ins.workspaceValue);
  if (ws !== undefined) {
    if (trusted) return ws;
    ignored.push(`ztlint.${key}`);
  }
  return clean(ins.globalValue) ?? clean(ins.defaultValue);
}

function launchPath(key: string, value: string | undefined, ctx: MappingContext, ignored: string[]): string | undefined {
  if (value === undefined) return undefined;
  if (!/[\\/]/.test(value) && !value.startsWith("~") && !value.includes("${")) return value; // a command on PATH
  const folderRelative = value.includes("${workspaceFolder}") || (!path.isAbsolute(value) && !value.startsWith("~") && !value.startsWith("${"));
  if (!ctx.trusted && folderRelative) {
    ignored.push(`ztlint.${key}`); // would run a program from the untrusted workspace
    return undefined;
  }
  return expandPath(value, ctx);
}

/**
 * `ztlint.path` and `ztlint.interpreter` pick the program that runs. A workspace (the repo's
 * `.vscode/settings.json`) may only do that once trusted: in Restricted Mode its values are
 * ignored and only the user's own settings count, and even those may not point into the
 * workspace (`${workspaceFolder}/...` or a relative path).
 */
export function launchSettings(
  inspected: { path?: Inspected<string>; interpreter?: Inspected<string> },
  ctx: MappingContext,
): LaunchSettings {
  const ignored: string[] = [];
  const out: LaunchSettings = { ignored };
  const p = launchPath("path", pick("path", inspected.path, ctx.trusted, ignored), ctx, ignored);
  const i = launchPath("interpreter", pick("interpreter", inspected.interpreter, ctx.trusted, ignored), ctx, ignored);
  if (p) out.path = p;
  if (i) out.interpreter = i;
  return out;
}
