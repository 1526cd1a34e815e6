#!/usr/bin/env node
// npm run package: wheelhouse + minified bundle + VSIX (client/dist/ztlint-<version>.vsix).
//
// The wheelhouse (client/dist/wheelhouse) lets the extension install the language server with
// no network: the ztlint wheel built from this repository, plus every dependency as a binary
// wheel for CPython 3.10-3.13 on manylinux x86_64, plus pip itself (run from its wheel, so the
// user's Python needs no ensurepip). Dependency downloads are cached in the wheelhouse and
// redone only when pyproject.toml's dependencies change (or with --clean).
//
// Then each Python 3.10-3.13 found on this machine installs ztlint from the wheelhouse into a
// throwaway venv exactly as the extension does (offline), loads every grammar and rule.
//
// Flags: --clean (download again), --no-verify (skip the install check).
// Environment: ZTLINT_PACKAGE_PYTHON (default python3) runs pip; ZTLINT_PACKAGE_PYTHON_3_10 ...
// _3_13 name the interpreter of each version (else python3.X on PATH, else pyenv's).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const dist = join(root, "client", "dist");
const wheelhouse = join(dist, "wheelhouse");
const python = process.env.ZTLINT_PACKAGE_PYTHON || "python3";
const PYTHONS = ["3.10", "3.11", "3.12", "3.13"];
// manylinux_2_28: google-re2 ships only glibc 2.28 wheels for its recent releases (Codespaces and
// current distributions have a newer glibc)
const PLATFORMS = ["manylinux2014_x86_64", "manylinux_2_17_x86_64", "manylinux_2_28_x86_64"];
const clean = process.argv.includes("--clean");
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

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pyproject = readFileSync(join(root, "pyproject.toml"), "utf8");
const version = /^version\s*=\s*"([^"]+)"/m.exec(pyproject)?.[1];
const deps = /^dependencies\s*=\s*\[([\s\S]*?)^\]/m.exec(pyproject)?.[1];
if (!version || deps === undefined) throw new Error("pyproject.toml: no version or dependencies");
const depsKey = createHash("sha256").update(JSON.stringify({ deps, PYTHONS, PLATFORMS, v: 1 })).digest("hex");

// 1. the ztlint wheel, always rebuilt from the working tree
const stamp = join(wheelhouse, ".deps-stamp");
const reuse = !clean && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === depsKey;
if (!reuse) rmSync(wheelhouse, { recursive: true, force: true });
mkdirSync(wheelhouse, { recursive: true });
for (const f of readdirSync(wheelhouse)) if (f.startsWith("ztlint-")) rmSync(join(wheelhouse, f));
const build = mkdtempSync(join(tmpdir(), "ztlint-wheel-"));
run(python, ["-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "--wheel-dir", build, root]);
const ztlintWheel = readdirSync(build).find((f) => f.startsWith(`ztlint-${version}-`) && f.endsWith(".whl"));
if (!ztlintWheel) throw new Error(`no ztlint-${version} wheel in ${build}`);
copyFileSync(join(build, ztlintWheel), join(wheelhouse, ztlintWheel));
rmSync(build, { recursive: true, force: true });

// 2. dependencies for every supported CPython (binary wheels only), and pip.
// pip evaluates environment markers (`python_version < "3.11"`) against the interpreter that
// runs it, not against --python-version; so each version's download runs on a Python of that
// version when one is installed. Without one, the current Python does it and the known
// backports for that version are added by name.
const BACKPORTS = { "3.10": ["tomli>=2.0", "exceptiongroup>=1.1.1"] };
const platformArgs = (pv) => ["--only-binary=:all:", ...PLATFORMS.flatMap((p) => ["--platform", p]), "--python-version", pv, "--implementation", "cp"];
const interpreters = Object.fromEntries(PYTHONS.map((pv) => [pv, findPython(pv)]));
if (reuse) {
  console.log("package: dependencies unchanged since the last build; reusing the downloaded wheels");
} else {
  run(python, ["-m", "pip", "download", "--disable-pip-version-check", "--only-binary=:all:", "--no-deps", "--dest", wheelhouse, "pip"]);
  const pipWheel = readdirSync(wheelhouse).find((f) => /^pip-\d/.test(f));
  for (const pv of PYTHONS) {
    const py = interpreters[pv];
    const runner = py ? [py, ["-s", join(wheelhouse, pipWheel, "pip")]] : [python, ["-m", "pip"]];
    const extra = py ? [] : BACKPORTS[pv] ?? [];
    if (!py) console.warn(`package: no Python ${pv} found (set ZTLINT_PACKAGE_PYTHON_${pv.replace(".", "_")}); adding known backports: ${extra.join(" ") || "none"}`);
    run(runner[0], [...runner[1], "download", "--disable-pip-version-check", ...platformArgs(pv), "--dest", wheelhouse, join(wheelhouse, ztlintWheel), ...extra]);
  }
  writeFileSync(stamp, depsKey + "\n");
}
const files = readdirSync(wheelhouse).filter((f) => f.endsWith(".whl")).sort();
const pip = files.find((f) => /^pip-\d/.test(f));
if (!pip) throw new Error("no pip wheel in the wheelhouse");
writeFileSync(join(wheelhouse, "manifest.json"), JSON.stringify({ ztlint: version, pythons: PYTHONS, platforms: PLATFORMS, pip, files }, null, 2) + "\n");
console.log(`package: wheelhouse ${relative(root, wheelhouse)}: ${files.length} wheels, ${mib(dirSize(wheelhouse))}`);

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

// 3. prove the wheelhouse installs offline, the way the extension does it, on every Python found
if (!process.argv.includes("--no-verify")) {
  for (const pv of PYTHONS) {
    const py = interpreters[pv];
    if (!py) {
      console.warn(`package: cannot verify Python ${pv}: no interpreter`);
      continue;
    }
    const env = mkdtempSync(join(tmpdir(), `ztlint-verify-${pv}-`));
    try {
      run(py, ["-I", "-m", "venv", "--without-pip", env], { stdio: "pipe" });
      const envPy = join(env, "bin", "python");
      run(envPy, ["-E", "-s", join(wheelhouse, pip, "pip"), "install", "--isolated", "--no-index", "--find-links", wheelhouse,
        "--only-binary", ":all:", "--disable-pip-version-check", "--quiet", "--no-warn-script-location", `ztlint==${version}`]);
      run(envPy, ["-I", "-c", VERIFY_SCRIPT]);
      console.log(`package: verified: the wheelhouse installs ztlint ${version} offline on Python ${pv}`);
    } finally {
      rmSync(env, { recursive: true, force: true });
    }
  }
}

// 4. the VSIX (vsce runs `vscode:prepublish`, the minified esbuild bundle)
const out = join(dist, `${pkg.name}-${pkg.version}.vsix`);
run(process.execPath, [join(root, "node_modules", "@vscode", "vsce", "vsce"), "package", "--no-dependencies", "--skip-license",
  "--allow-missing-repository", "--readme-path", "client/README-extension.md", "--out", out]);
console.log(`package: ${relative(root, out)} ${mib(statSync(out).size)} in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
