#!/usr/bin/env node
// npm run package [-- --target T]: wheelhouse + minified bundle + VSIX.
//
//   (no --target)      the wheels of this machine's target, an untargeted VSIX for local use and
//                      the e2e test: client/dist/ztlint-<version>.vsix
//   --target T         T = linux-x64, linux-arm64, alpine-x64, darwin-x64, darwin-arm64, win32-x64:
//                      `vsce package --target T` with T's wheels: client/dist/ztlint-T-<version>.vsix
//   --target universal no wheels; runs a ztlint installed in the user's Python:
//                      client/dist/ztlint-universal-<version>.vsix
//   --all              all of the above targets and the universal one
//
// The wheelhouse (client/dist/wheelhouse) lets the extension install the language server with
// no network: the ztlint wheel built from this repository, every dependency as a binary wheel
// of the target for CPython 3.10-3.13, and pip itself (run from its wheel, so the user's Python
// needs no ensurepip). scripts/wheelhouse.py fetches it (`pip download --platform ...`), the
// closure computed against the target's own markers and tags, into a per-target cache
// (client/dist/wheelhouses/T, reused: only what is missing is downloaded; --clean starts over).
// A target whose dependencies lack wheels (KNOWN_GAPS in scripts/wheelhouse_resolve.py) gets
// no wheelhouse, like the universal VSIX.
//
// Then, for this machine's own target, each Python 3.10-3.13 found here installs ztlint from
// the wheelhouse into a throwaway venv exactly as the extension does (offline), loads every
// grammar and rule.
//
// Flags: --clean (download again), --no-verify (skip the install check).
// Environment: ZTLINT_PACKAGE_PYTHON (default: .venv's Python, else python3) runs pip and
// scripts/wheelhouse.py (needs `packaging`); ZTLINT_PACKAGE_PYTHON_3_10 ... _3_13 name the
// interpreter of each version for the install check (else python3.X on PATH, else pyenv's).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const dist = join(root, "client", "dist");
const wheelhouse = join(dist, "wheelhouse");
const venvPython = join(root, ".venv", process.platform === "win32" ? "Scripts/python.exe" : "bin/python");
const python = process.env.ZTLINT_PACKAGE_PYTHON || (existsSync(venvPython) ? venvPython : "python3");
const PYTHONS = ["3.10", "3.11", "3.12", "3.13"];
const TARGETS = ["linux-x64", "linux-arm64", "alpine-x64", "darwin-x64", "darwin-arm64", "win32-x64"];
const clean = process.argv.includes("--clean");
const rawTarget = process.argv.includes("--target") ? process.argv[process.argv.indexOf("--target") + 1] : undefined;
// the target names folders and files: only one of the known names, taken from the list itself
const argTarget = [...TARGETS, "universal"].find((t) => t === rawTarget);
if (rawTarget !== undefined && argTarget === undefined) {
  console.error(`package: unknown --target ${rawTarget} (one of ${TARGETS.join(", ")}, universal)`);
  process.exit(2);
}
const t0 = Date.now();

function run(cmd, args, opts = {}) {
  console.log(`$ ${cmd} ${args.map((a) => (a.includes("\n") ? "<script>" : a)).join(" ")}`);
  // ztlint: ignore[js-flow-command] runs the Python its user names in ZTLINT_PACKAGE_PYTHON*
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...opts });
  if (r.status !== 0) {
    console.error(`package: ${cmd} failed (${r.error ?? `exit ${r.status}`})`);
    process.exit(1);
  }
}

function mib(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function dirSize(dir) {
  return readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const version = /^__version__\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, "server", "ztlint", "__init__.py"), "utf8"))?.[1];
if (version !== pkg.version) throw new Error(`package.json's version ${pkg.version} is not ztlint.__version__ ${version} (server/ztlint/__init__.py)`);
// the host's target; alpine (musl) Node has no glibc version in its report
const hostTarget = `${process.platform === "linux" && !process.report?.getReport()?.header?.glibcVersionRuntime ? "alpine" : process.platform}-${process.arch}`;

// 1. the ztlint wheel, always rebuilt from the working tree
const build = mkdtempSync(join(tmpdir(), "ztlint-wheel-"));
run(python, ["-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "--wheel-dir", build, root]);
const ztlintWheel = join(build, readdirSync(build).find((f) => f.startsWith(`ztlint-${version}-`) && f.endsWith(".whl")) ?? "missing");
if (!existsSync(ztlintWheel)) throw new Error(`no ztlint-${version} wheel in ${build}`);

/** Fill client/dist/wheelhouse for `target` (empty for the universal VSIX and known gaps). Returns whether it has wheels. */
function fillWheelhouse(target) {
  rmSync(wheelhouse, { recursive: true, force: true });
  mkdirSync(wheelhouse, { recursive: true });
  if (target === "universal") return false;
  const cache = join(dist, "wheelhouses", target);
  if (clean) rmSync(cache, { recursive: true, force: true });
  run(python, [join(root, "scripts", "wheelhouse.py"), "fetch", "--target", target, "--dest", cache, "--ztlint-wheel", ztlintWheel, "--pythons", PYTHONS.join(",")]);
  if (!existsSync(join(cache, "manifest.json"))) return false; // a known gap: see scripts/wheelhouse_resolve.py
  for (const f of readdirSync(cache)) if (f.endsWith(".whl") || f === "manifest.json") copyFileSync(join(cache, f), join(wheelhouse, f));
  const files = readdirSync(wheelhouse).filter((f) => f.endsWith(".whl"));
  console.log(`package: wheelhouse ${target}: ${files.length} wheels, ${mib(dirSize(wheelhouse))}`);
  return true;
}

/** A Python of version `pv` ("3.10"): $ZTLINT_PACKAGE_PYTHON_3_10, python3.10 on PATH, or pyenv's. */
function findPython(pv) {
  const env = process.env[`ZTLINT_PACKAGE_PYTHON_${pv.replace(".", "_")}`];
  const pyenv = join(homedir(), ".pyenv", "versions");
  const fromPyenv = existsSync(pyenv) ? readdirSync(pyenv).filter((v) => v.startsWith(`${pv}.`)).sort().reverse().map((v) => join(pyenv, v, "bin", `python${pv}`)) : [];
  for (const cand of [env, `python${pv}`, ...fromPyenv].filter(Boolean)) {
    // ztlint: ignore[js-flow-command] tries the Python its user names in ZTLINT_PACKAGE_PYTHON_*
    const r = spawnSync(cand, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim() === pv) return cand;
  }
  return undefined;
}

const VERIFY_SCRIPT = [
  "import ztlint.lsp.server",
  "from ztlint.engine import languages, rules",
  "for name, spec in languages.SPECS.items():",
  "    if spec.module: languages.grammar(name)",
  "rs = rules.load_rules(rules.default_rule_dirs(()))",
  "errors = rs.compile_all()",
  "for e in errors: print(f'package: bundled rule error on this Python: {e.path}:{e.line}: {e.field}: {e.message}')",
  "print(f'{len(rs.rules)} rules, {len(languages.SPECS)} grammars')",
  // a rule that does not load on a supported Python (a 3.11-only regex, say) fails the build
  "raise SystemExit(1 if errors else 0)",
].join("\n");

/** Prove the wheelhouse installs offline, the way the extension does it, on every Python found here. */
function verify() {
  const manifest = JSON.parse(readFileSync(join(wheelhouse, "manifest.json"), "utf8"));
  for (const pv of PYTHONS) {
    const py = findPython(pv);
    if (!py) {
      console.warn(`package: cannot verify Python ${pv}: no interpreter`);
      continue;
    }
    const env = mkdtempSync(join(tmpdir(), `ztlint-verify-${pv}-`));
    try {
      run(py, ["-I", "-m", "venv", "--without-pip", env], { stdio: "pipe" });
      const envPy = join(env, "bin", "python");
      run(envPy, ["-E", "-s", join(wheelhouse, manifest.pip, "pip"), "install", "--isolated", "--no-index", "--find-links", wheelhouse,
        "--only-binary", ":all:", "--disable-pip-version-check", "--quiet", "--no-warn-script-location", `ztlint==${version}`]);
      run(envPy, ["-I", "-c", VERIFY_SCRIPT]);
      console.log(`package: verified: the wheelhouse installs ztlint ${version} offline on Python ${pv}`);
    } finally {
      rmSync(env, { recursive: true, force: true });
    }
  }
}

/** One VSIX (vsce runs `vscode:prepublish`, the minified esbuild bundle). `target` undefined: untargeted, host wheels. */
function vsix(target) {
  const t1 = Date.now();
  const wheels = fillWheelhouse(target ?? hostTarget);
  if (!wheels) console.warn(`package: ${target ?? hostTarget}: no wheelhouse; this VSIX runs a ztlint installed in the user's Python`);
  if (wheels && (target ?? hostTarget) === hostTarget && !process.argv.includes("--no-verify")) verify();
  const out = join(dist, target ? `${pkg.name}-${target}-${pkg.version}.vsix` : `${pkg.name}-${pkg.version}.vsix`);
  const targetArgs = target && target !== "universal" ? ["--target", target] : [];
  run(process.execPath, [join(root, "node_modules", "@vscode", "vsce", "vsce"), "package", "--no-dependencies", ...targetArgs,
    "--readme-path", "client/README-extension.md", "--out", out]);
  console.log(`package: ${relative(root, out)} ${mib(statSync(out).size)} in ${((Date.now() - t1) / 1000).toFixed(0)}s`);
}

try {
  if (process.argv.includes("--all")) for (const t of [...TARGETS, "universal"]) vsix(t);
  else vsix(argTarget);
} finally {
  rmSync(build, { recursive: true, force: true });
}
console.log(`package: done in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
