// Which platform this is, whether the bundled wheelhouse fits it, and paths that differ on
// Windows. Pure functions taking the platform as a parameter (unit-tested for every target on
// any machine); no `vscode` import.
import * as path from "node:path";

/** `vsce package --target` values that ship a wheelhouse (scripts/wheelhouse_resolve.py TARGETS). */
export const WHEELHOUSE_TARGETS = ["linux-x64", "linux-arm64", "alpine-x64", "darwin-x64", "darwin-arm64", "win32-x64"] as const;

/** The VS Code target of a machine: `linux-x64`, `alpine-x64` (musl), `darwin-arm64`, `win32-x64` ... */
export function vsixTarget(platform: NodeJS.Platform, arch: string, musl: boolean): string {
  const os = platform === "linux" && musl ? "alpine" : platform;
  return `${os}-${arch}`;
}

/**
 * musl (Alpine) or glibc: Node's diagnostic report names the glibc it runs on, and has no
 * such field on musl. `report` is `process.report.getReport()`'s result.
 */
export function isMusl(platform: NodeJS.Platform, report: unknown): boolean {
  if (platform !== "linux") return false;
  const header = (report as { header?: { glibcVersionRuntime?: unknown } } | undefined)?.header;
  return header !== undefined && header.glibcVersionRuntime === undefined;
}

/** The path module of `platform`: Windows paths are built with `\` even in tests on Linux. */
export function pathFor(platform: NodeJS.Platform): path.PlatformPath {
  return platform === "win32" ? path.win32 : path.posix;
}

/** Python inside a virtual environment: `Scripts\python.exe` on Windows, `bin/python` elsewhere. */
export function envPython(envDir: string, platform: NodeJS.Platform): string {
  const p = pathFor(platform);
  return platform === "win32" ? p.join(envDir, "Scripts", "python.exe") : p.join(envDir, "bin", "python");
}

/**
 * Files to try for a configured executable (`ztlint.path`): on Windows a path without an
 * extension also means the `.exe` launcher pip puts in `Scripts\` (`...\Scripts\ztlint` ->
 * `ztlint.exe`). `.cmd`/`.bat` are not tried: Node cannot run them without a shell.
 */
export function executableCandidates(file: string, platform: NodeJS.Platform): string[] {
  if (platform !== "win32") return [file];
  return pathFor(platform).extname(file) === "" ? [file, `${file}.exe`] : [file];
}

/** What a manifest says about its wheels (client/dist/wheelhouse/manifest.json). */
export interface WheelhouseTarget {
  /** Written since the per-platform VSIXes; older (Linux x64 only) manifests lack it. */
  target?: string;
  platforms: string[];
}

/** Whether the bundled wheels install on this machine. */
export function wheelhouseFits(m: WheelhouseTarget, target: string): boolean {
  if (m.target !== undefined) return m.target === target;
  return target === "linux-x64" && m.platforms.some((p) => p.startsWith("manylinux") && p.endsWith("x86_64"));
}

/** Lines of a child process's output, whatever its line ends (Windows Pythons print CRLF). */
export function outputLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
