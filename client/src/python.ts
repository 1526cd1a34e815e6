// Find the program that runs the language server. Pure logic over injectable probes, so
// the order and the fallbacks are unit-tested; no `vscode` import.
import { execFile } from "node:child_process";
import { constants as fsConstants, promises as fs } from "node:fs";
import { envPython, executableCandidates, outputLines } from "./platform";

export { envPython };

export const MIN_PYTHON: readonly [number, number] = [3, 10];

/** What `python -I -c PROBE_SCRIPT` reports. */
export interface PythonInfo {
  /** The command that was probed (as configured or found on PATH). */
  command: string;
  /** sys.executable */
  executable: string;
  version: [number, number, number];
  /** ztlint.__version__ when ztlint and the LSP dependency (pygls) import. */
  ztlint?: string;
}

export interface ProbeFailure {
  command: string;
  error: string;
}

export type ProbeResult = PythonInfo | ProbeFailure;

export function isInfo(r: ProbeResult): r is PythonInfo {
  return (r as PythonInfo).version !== undefined;
}

/** Runs isolated (-I): the workspace's files and PYTHON* variables cannot change what it finds. */
export const PROBE_SCRIPT = [
  "import sys, json, importlib.util as u",
  "d = {'executable': sys.executable, 'version': list(sys.version_info[:3])}",
  "try:",
  "    if u.find_spec('ztlint') and u.find_spec('pygls'):",
  "        import ztlint; d['ztlint'] = getattr(ztlint, '__version__', '0')",
  "except Exception as e:",
  "    d['error'] = repr(e)",
  "print('ZTLINT-PROBE ' + json.dumps(d))",
].join("\n");

export function parseProbeOutput(command: string, stdout: string): ProbeResult {
  const line = outputLines(stdout).find((l) => l.startsWith("ZTLINT-PROBE "));
  if (!line) return { command, error: "not a Python interpreter (no probe output)" };
  try {
    const d = JSON.parse(line.slice("ZTLINT-PROBE ".length));
    const v = d.version;
    if (!Array.isArray(v) || v.length < 2) return { command, error: "unexpected probe output" };
    const info: PythonInfo = { command, executable: String(d.executable || command), version: [v[0], v[1], v[2] ?? 0] };
    if (typeof d.ztlint === "string") info.ztlint = d.ztlint;
    return info;
  } catch (e) {
    return { command, error: `unexpected probe output: ${e}` };
  }
}

export function versionString(v: readonly number[]): string {
  return v.join(".");
}

export function atLeast(v: readonly number[], min: readonly number[]): boolean {
  for (let i = 0; i < min.length; i++) {
    if ((v[i] ?? 0) !== min[i]) return (v[i] ?? 0) > min[i];
  }
  return true;
}

/** Commands to try on PATH, most likely first. Windows: the launcher `py` is not used (-I args differ). */
export function pathCandidates(platform: NodeJS.Platform): string[] {
  if (platform === "win32") return ["python", "python3"];
  return ["python3", "python3.13", "python3.12", "python3.11", "python3.10", "python"];
}

export interface Launch {
  source: "path" | "interpreter" | "pythonExtension" | "privateEnv" | "pathPython";
  command: string;
  args: string[];
  detail: string;
}

export function pythonLaunch(source: Launch["source"], python: string, detail: string): Launch {
  return { source, command: python, args: ["-I", "-m", "ztlint.cli", "lsp"], detail };
}

export type Discovery =
  | { kind: "launch"; launch: Launch; log: string[] }
  | { kind: "createEnv"; base: PythonInfo; log: string[] }
  | { kind: "pathMissing"; path: string; log: string[] }
  | { kind: "noPython"; tried: string[]; log: string[] }
  /** No bundled wheels for this platform (the universal VSIX, or another platform's) and no Python with ztlint. */
  | { kind: "noBundle"; tried: string[]; log: string[] };

export interface DiscoveryInput {
  /** `ztlint.path` (already filtered for workspace trust). */
  path?: string;
  /** `ztlint.interpreter` (already filtered for workspace trust). */
  interpreter?: string;
  /** The Python extension's active interpreter; undefined when absent or untrusted. */
  pythonExtension?: string;
  /** Python of the private environment when it is complete for the bundled wheelhouse. */
  privateEnv?: string;
  /** Python versions ("3.11") the bundled wheelhouse has wheels for. */
  bundledPythons: string[];
  /** Whether a bundled wheelhouse exists and fits this platform (else no private environment can be made). */
  bundleFits?: boolean;
  platform: NodeJS.Platform;
}

export interface DiscoveryDeps {
  probe(command: string): Promise<ProbeResult>;
  isExecutable(file: string): Promise<boolean>;
}

/**
 * Order: `ztlint.path` -> `ztlint.interpreter` -> the Python extension's interpreter (when it
 * has ztlint) -> the private environment -> create the private environment from the best
 * Python >= 3.10 found (preferring versions the wheelhouse has wheels for).
 */
export async function discoverServer(input: DiscoveryInput, deps: DiscoveryDeps): Promise<Discovery> {
  const log: string[] = [];
  if (input.path) {
    for (const file of executableCandidates(input.path, input.platform)) {
      if (await deps.isExecutable(file)) {
        log.push(`using ztlint.path: ${file}`);
        return { kind: "launch", launch: { source: "path", command: file, args: ["lsp"], detail: `ztlint.path (${file})` }, log };
      }
    }
    log.push(`ztlint.path ${input.path} is not an executable file`);
    return { kind: "pathMissing", path: input.path, log };
  }

  const bases: PythonInfo[] = [];
  const tried: string[] = [];
  const seen = new Set<string>();
  const consider = async (command: string, label: string): Promise<PythonInfo | undefined> => {
    tried.push(command);
    const r = await deps.probe(command);
    if (!isInfo(r)) {
      log.push(`${label} ${command}: ${r.error}`);
      return undefined;
    }
    const where = `${label} ${command} (Python ${versionString(r.version)}${r.executable !== command ? `, ${r.executable}` : ""})`;
    if (!atLeast(r.version, MIN_PYTHON)) {
      log.push(`${where}: too old, ztlint needs Python ${versionString(MIN_PYTHON)}+`);
      return undefined;
    }
    if (!seen.has(r.executable)) {
      seen.add(r.executable);
      bases.push(r);
    }
    log.push(`${where}: ${r.ztlint ? `has ztlint ${r.ztlint}` : "no ztlint"}`);
    return r;
  };

  if (input.interpreter) {
    const r = await consider(input.interpreter, "ztlint.interpreter");
    if (r?.ztlint) return { kind: "launch", launch: pythonLaunch("interpreter", input.interpreter, `ztlint.interpreter (${input.interpreter}, ztlint ${r.ztlint})`), log };
  }
  if (input.pythonExtension) {
    const r = await consider(input.pythonExtension, "Python extension interpreter");
    if (r?.ztlint) return { kind: "launch", launch: pythonLaunch("pythonExtension", input.pythonExtension, `the Python extension's interpreter (${input.pythonExtension}, ztlint ${r.ztlint})`), log };
  }
  if (input.privateEnv) {
    const r = await deps.probe(input.privateEnv);
    if (isInfo(r) && r.ztlint) {
      log.push(`private environment ${input.privateEnv}: ztlint ${r.ztlint}`);
      return { kind: "launch", launch: pythonLaunch("privateEnv", input.privateEnv, `the bundled ztlint ${r.ztlint} (private environment, Python ${versionString(r.version)})`), log };
    }
    log.push(`private environment ${input.privateEnv} is broken (${isInfo(r) ? "no ztlint" : r.error}); recreating it`);
  }
  let onPath: PythonInfo | undefined;
  for (const cmd of pathCandidates(input.platform)) {
    const r = await consider(cmd, "PATH");
    if (r?.ztlint && !onPath) onPath = r;
  }
  if (input.bundleFits === false) {
    // Nothing bundled runs here: a Python on PATH that has ztlint is the way left.
    if (onPath) return { kind: "launch", launch: pythonLaunch("pathPython", onPath.command, `ztlint ${onPath.ztlint} of ${onPath.command} on PATH`), log };
    return { kind: "noBundle", tried, log };
  }
  const base = chooseBase(bases, input.bundledPythons);
  if (!base) return { kind: "noPython", tried, log };
  log.push(`creating the private environment with ${base.executable} (Python ${versionString(base.version)})`);
  return { kind: "createEnv", base, log };
}

/** First candidate whose version has bundled wheels; else the first usable one (may fail). */
export function chooseBase(candidates: PythonInfo[], bundled: string[]): PythonInfo | undefined {
  const usable = candidates.filter((c) => atLeast(c.version, MIN_PYTHON));
  return usable.find((c) => bundled.includes(`${c.version[0]}.${c.version[1]}`)) ?? usable[0];
}

// -- real implementations ---------------------------------------------------------------

export function runProcess(command: string, args: string[], opts: { timeoutMs?: number; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number | null; stdout: string; stderr: string; error?: Error }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: opts.timeoutMs ?? 20_000, cwd: opts.cwd, env: opts.env, maxBuffer: 16 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        // execFile's error.code is the exit status, or a string such as "ENOENT" when it did not run.
        const status: unknown = error ? (error as { code?: unknown }).code : 0;
        const code = typeof status === "number" ? status : null;
        resolve({ code, stdout: String(stdout), stderr: String(stderr), error: error ?? undefined });
      });
  });
}

export const nodeDiscoveryDeps: DiscoveryDeps = {
  async probe(command) {
    const r = await runProcess(command, ["-I", "-c", PROBE_SCRIPT], { timeoutMs: 20_000 });
    if (r.error && !r.stdout.includes("ZTLINT-PROBE ")) {
      const e = r.error as NodeJS.ErrnoException;
      const firstLine = r.stderr.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== "");
      return { command, error: e.code === "ENOENT" ? "not found" : (firstLine || e.message) };
    }
    return parseProbeOutput(command, r.stdout);
  },
  async isExecutable(file) {
    try {
      const st = await fs.stat(file);
      if (!st.isFile()) return false;
      if (process.platform !== "win32") await fs.access(file, fsConstants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
};
