// The private environment: a virtualenv in the extension's global storage, filled offline
// from the wheelhouse bundled in the VSIX. No `vscode` import.
import { createHash, randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { vsixTarget, wheelhouseFits } from "./platform";
import { envPython, isInfo, nodeDiscoveryDeps, PythonInfo, runProcess } from "./python";

/** client/dist/wheelhouse/manifest.json, written by client/scripts/package.mjs. */
export interface WheelhouseManifest {
  ztlint: string;
  /** The VS Code target the wheels are for (`linux-x64` ...); absent in manifests before it existed. */
  target?: string;
  pythons: string[];
  platforms: string[];
  pip: string;
  files: string[];
}

export class EnvError extends Error {
  constructor(message: string, readonly step: "wheelhouse" | "venv" | "pip" | "verify", readonly output: string) {
    super(message);
  }
}

export async function readManifest(wheelhouse: string): Promise<WheelhouseManifest | undefined> {
  try {
    const m = JSON.parse(await fs.readFile(path.join(wheelhouse, "manifest.json"), "utf8"));
    if (typeof m.ztlint === "string" && Array.isArray(m.files) && typeof m.pip === "string") return m as WheelhouseManifest;
  } catch {
    // missing or unreadable: reported by the caller
  }
  return undefined;
}

/** One environment per wheelhouse content: a new extension version gets a fresh one. */
export function envKey(m: WheelhouseManifest): string {
  const h = createHash("sha256").update([...m.files].sort().join("\n")).digest("hex").slice(0, 10);
  return `ztlint-${m.ztlint}-${h}`;
}

const STAMP = "ztlint-env.json";

export function envsRoot(storage: string): string {
  return path.join(storage, "envs");
}

/** Python of the complete private environment for this wheelhouse, if there is one. */
export async function readyEnvPython(storage: string, m: WheelhouseManifest, platform: NodeJS.Platform): Promise<string | undefined> {
  const dir = path.join(envsRoot(storage), envKey(m));
  try {
    await fs.access(path.join(dir, STAMP));
    return envPython(dir, platform);
  } catch {
    return undefined;
  }
}

export function bundledWheelsFit(m: WheelhouseManifest, platform: NodeJS.Platform, arch: string, musl = false): boolean {
  return wheelhouseFits(m, vsixTarget(platform, arch, musl));
}

export function pipInstallArgs(wheelhouse: string, m: WheelhouseManifest): string[] {
  return [
    "-E", "-s", // like -I, but the pip wheel itself must stay importable from sys.path[0]
    path.join(wheelhouse, m.pip, "pip"),
    "install", "--isolated", "--no-index", "--find-links", wheelhouse, "--only-binary", ":all:",
    "--disable-pip-version-check", "--no-input", "--no-warn-script-location", "--progress-bar", "off", "--quiet",
    `ztlint==${m.ztlint}`,
  ];
}

/**
 * Build the environment in a temporary folder and rename it into place, so two windows
 * starting at once never see a half-made one. Throws EnvError with the tool output.
 */
export async function createEnv(opts: {
  base: PythonInfo;
  wheelhouse: string;
  manifest: WheelhouseManifest;
  storage: string;
  platform: NodeJS.Platform;
  log: (line: string) => void;
}): Promise<string> {
  const { base, wheelhouse, manifest: m, storage, platform, log } = opts;
  const root = envsRoot(storage);
  const key = envKey(m);
  const final = path.join(root, key);
  const tmp = path.join(root, `.tmp-${key}-${process.pid}-${randomBytes(3).toString("hex")}`);
  await fs.mkdir(root, { recursive: true });
  const env = { ...process.env, PIP_NO_INPUT: "1" };
  try {
    log(`$ ${base.executable} -I -m venv --without-pip ${tmp}`);
    let r = await runProcess(base.executable, ["-I", "-m", "venv", "--without-pip", tmp], { timeoutMs: 120_000, env });
    if (r.code !== 0) throw new EnvError(`could not create a virtual environment with ${base.executable}`, "venv", r.stdout + r.stderr + (r.error ? `\n${r.error.message}` : ""));
    const py = envPython(tmp, platform);
    const args = pipInstallArgs(wheelhouse, m);
    log(`$ ${py} ${args.join(" ")}`);
    r = await runProcess(py, args, { timeoutMs: 300_000, env });
    if ((r.stdout + r.stderr).trim()) log((r.stdout + r.stderr).trim());
    if (r.code !== 0) throw new EnvError("pip could not install ztlint from the bundled wheelhouse", "pip", r.stdout + r.stderr + (r.error ? `\n${r.error.message}` : ""));
    const probe = await nodeDiscoveryDeps.probe(py);
    if (!isInfo(probe) || !probe.ztlint) throw new EnvError("the new environment cannot import ztlint", "verify", isInfo(probe) ? "ztlint or pygls missing" : probe.error);
    await fs.writeFile(path.join(tmp, STAMP), JSON.stringify({ ztlint: probe.ztlint, python: probe.version, base: base.executable }, null, 1));
    try {
      await fs.rename(tmp, final);
    } catch (e) {
      // Another window finished first: use its environment.
      if (await readyEnvPython(storage, m, platform)) await fs.rm(tmp, { recursive: true, force: true });
      else throw e;
    }
    await removeStaleEnvs(root, key);
    return envPython(final, platform);
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  }
}

/** Environments of older extension versions, and leftovers of interrupted installs (> 1 h). */
async function removeStaleEnvs(root: string, keep: string): Promise<void> {
  let names: string[] = [];
  try {
    names = await fs.readdir(root);
  } catch {
    return;
  }
  for (const name of names) {
    if (name === keep) continue;
    const p = path.join(root, name);
    try {
      if (name.startsWith(".tmp-")) {
        const st = await fs.stat(p);
        if (Date.now() - st.mtimeMs < 3_600_000) continue;
      }
      await fs.rm(p, { recursive: true, force: true });
    } catch {
      // in use or gone: try again next time
    }
  }
}
