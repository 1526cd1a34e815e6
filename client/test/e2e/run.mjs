#!/usr/bin/env node
// End-to-end test in a real VS Code: code-server 4.99.4 (VS Code 1.99) in headless Chromium,
// driven by playwright-core. See /work/shared/notes/real-vscode-here.md for why code-server.
//
//   npm run test:e2e            (package the VSIX, then test it)
//   ZTLINT_E2E_VSIX=x.vsix ...  (test an existing VSIX)
//   ZTLINT_E2E_CACHE=dir        (where code-server is installed once; default ~/.cache/ztlint-e2e)
//
// It installs what it needs (Debian packages, npm dev dependencies, code-server), installs the
// VSIX into a fresh extensions folder and a fresh user-data folder (so the extension builds its
// private environment offline from the bundled wheelhouse), opens a temporary project and checks
// what a user would see. Screenshots: test-output/e2e/. Every process it starts is stopped.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const OUT = join(ROOT, "test-output", "e2e");
const CODE_SERVER_VERSION = "4.99.4";
const CACHE = process.env.ZTLINT_E2E_CACHE || join(homedir(), ".cache", "ztlint-e2e");
const CHROMIUM = process.env.ZTLINT_E2E_CHROMIUM || "/usr/bin/chromium";
const APT_PACKAGES = ["chromium", "ripgrep", "libkrb5-dev"];
const t0 = Date.now();
const timings = [];
let tmp; // everything of this run: workspace, user data, extensions, XDG dirs
let codeServer; // ChildProcess (own process group)
let browser;
let page;
let shot = 0;
const results = [];

function log(msg) {
  console.log(`[e2e +${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
}

async function step(name, fn) {
  const s = Date.now();
  log(`${name} ...`);
  const r = await fn();
  const secs = (Date.now() - s) / 1000;
  timings.push([name, secs]);
  log(`${name}: done in ${secs.toFixed(1)}s`);
  return r;
}

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.error ?? `exit ${r.status}`})`);
  return r;
}

// -- setup ---------------------------------------------------------------------------------
function ensureAptPackages() {
  const missing = APT_PACKAGES.filter((p) => {
    const r = spawnSync("dpkg-query", ["-W", "-f=${Status}", p], { encoding: "utf8" });
    return r.status !== 0 || !r.stdout.includes("install ok installed");
  });
  if (missing.length === 0) return log(`apt packages present: ${APT_PACKAGES.join(" ")}`);
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages ${missing.join(" ")}; run: sudo apt-get install -y ${missing.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  log(`installing missing Debian packages with apt-get: ${missing.join(" ")} (and what they depend on; nothing else is upgraded)`);
  sh("apt-get", ["update", "-qq"], { env });
  sh("apt-get", ["install", "-y", "-qq", ...missing], { env });
}

function ensureNpmDeps() {
  const need = ["playwright-core", "@vscode/vsce", "esbuild", "vscode-languageclient"].filter((p) => !existsSync(join(ROOT, "node_modules", p, "package.json")));
  if (need.length === 0) return log("npm dev dependencies present");
  sh("npm", ["ci", "--no-audit", "--no-fund"], { cwd: ROOT });
}

function packageVsix() {
  if (process.env.ZTLINT_E2E_VSIX) return process.env.ZTLINT_E2E_VSIX;
  sh(process.execPath, [join(ROOT, "client", "scripts", "package.mjs")], { cwd: ROOT });
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  return join(ROOT, "client", "dist", `${pkg.name}-${pkg.version}.vsix`);
}

/** code-server from npm, once per cache folder (about 1-2 minutes, 300 MB). */
function ensureCodeServer() {
  const dir = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
  const bin = join(dir, "node_modules", "code-server", "out", "node", "entry.js");
  const marker = join(dir, ".ztlint-e2e-ok");
  if (existsSync(marker) && existsSync(bin)) {
    log(`code-server ${CODE_SERVER_VERSION} cached in ${dir}`);
    return bin;
  }
  // @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable); it looks in this
  // cache folder first, so seed it with Debian's rg.
  const rgCache = join(process.env.TMPDIR || "/tmp", "vscode-ripgrep-cache-1.15.11");
  mkdirSync(join(rgCache, "x"), { recursive: true });
  copyFileSync("/usr/bin/rg", join(rgCache, "x", "rg"));
  sh("tar", ["czf", join(rgCache, "ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"), "-C", join(rgCache, "x"), "rg"]);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "ztlint-e2e-code-server", private: true }) + "\n");
  // code-server's postinstall runs `npm install` in lib/vscode, which builds native modules
  // (kerberos, node-pty, @parcel/watcher, ...). npm >= 11.x skips dependency install scripts
  // unless allowed, and rejects --allow-scripts for project installs (also when passed down to
  // the nested installs), so this throwaway tool folder allows them all for this one install.
  const env = {
    ...process.env,
    npm_config_yes: "true",
    npm_config_unsafe_perm: "true",
    npm_config_dangerously_allow_all_scripts: "true",
    npm_config_audit: "false",
    npm_config_fund: "false",
  };
  sh("npm", ["install", "--no-audit", "--no-fund", `code-server@${CODE_SERVER_VERSION}`], { cwd: dir, env });
  if (!existsSync(join(dir, "node_modules", "code-server", "lib", "vscode", "node_modules", "@vscode", "ripgrep", "bin", "rg"))) {
    throw new Error("code-server installed without its postinstall (no lib/vscode ripgrep); see the npm output above");
  }
  writeFileSync(marker, new Date().toISOString() + "\n");
  return bin;
}

// -- the test project ---------------------------------------------------------------------
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(s) {
  let c = 0xffffffff;
  for (const b of Buffer.from(s)) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function base62(n, width = 6) {
  let out = "";
  while (n) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(width, "0");
}
/** A GitHub classic token that passes the checksum (30 random base62 + base62(CRC32)). Fake. */
function fakeGithubToken() {
  let body = "";
  for (let i = 0; i < 30; i++) body += BASE62[Math.floor(Math.random() * 62)];
  return `ghp_${body}${base62(crc32(body))}`;
}

const OPEN_FILE = "ztlint_e2e_open.py";
const CLOSED_FILE = "ztlint_e2e_closed.py";
const FIXALL_FILE = "ztlint_e2e_fixall.py";
const NOTEBOOK_FILE = "ztlint_e2e_notebook.ipynb";

function makeWorkspace() {
  const ws = join(tmp, "demo-app");
  const demo = join(ROOT, "examples", "demo-app");
  if (existsSync(demo)) {
    cpSync(demo, ws, { recursive: true });
    log(`workspace: copy of examples/demo-app plus the test's own files`);
  } else {
    mkdirSync(ws, { recursive: true });
    log("workspace: examples/demo-app does not exist; a small generated project");
  }
  // The test's own files, so the assertions do not depend on the demo's content.
  writeFileSync(join(ws, OPEN_FILE), [
    "import yaml",
    "",
    `GITHUB_TOKEN = "${fakeGithubToken()}"`,
    "",
    "",
    "def load_config(data):",
    "    return yaml.load(data)",
    "",
  ].join("\n"));
  // request data flowing into a shell and into pickle: flow findings (errors)
  writeFileSync(join(ws, CLOSED_FILE), [
    "import pickle",
    "import subprocess",
    "",
    "from flask import Flask, request",
    "",
    "app = Flask(__name__)",
    "",
    "",
    "@app.route(\"/run\", methods=[\"POST\"])",
    "def handle():",
    "    subprocess.call(request.form[\"cmd\"], shell=True)",
    "    return str(pickle.loads(request.get_data()))",
    "",
  ].join("\n"));
  writeFileSync(join(ws, FIXALL_FILE), [
    "import yaml",
    "",
    "",
    "def read_all(a, b):",
    "    first = yaml.load(a)",
    "    rest = list(yaml.load_all(b))",
    "    return first, rest",
    "",
  ].join("\n"));
  // A Jupyter notebook (opened by VS Code's built-in ipynb serializer, no Jupyter extension):
  // input() in one cell reaches a shell in the next, a token and yaml.load in that cell too.
  const cell = (cellType, lines) => ({ cell_type: cellType, metadata: {}, source: lines,
    ...(cellType === "code" ? { execution_count: null, outputs: [] } : {}) });
  writeFileSync(join(ws, NOTEBOOK_FILE), JSON.stringify({
    nbformat: 4, nbformat_minor: 5,
    metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" }, language_info: { name: "python" } },
    cells: [
      cell("markdown", ["# ztlint in a notebook\n"]),
      cell("code", ["import subprocess\n", "import yaml\n", "!pip install pyyaml\n", "cmd = input()"]),
      cell("code", [`TOKEN = "${fakeGithubToken()}"\n`, "subprocess.run(cmd, shell=True)\n", "data = yaml.load(open('x'))"]),
    ],
  }, null, 1));
  return ws;
}

// -- code-server ----------------------------------------------------------------------------
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function codeServerEnv() {
  // Keep code-server's config and data (it writes ~/.config/code-server/config.yaml) inside tmp.
  return { ...process.env, XDG_CONFIG_HOME: join(tmp, "xdg-config"), XDG_DATA_HOME: join(tmp, "xdg-data"), XDG_CACHE_HOME: join(tmp, "xdg-cache") };
}

async function startCodeServer(bin, ws, userData, extDir, { trust = false, logName = "code-server.log", env = {}, args = [] } = {}) {
  const port = await freePort();
  const logFile = createWriteStream(join(OUT, logName));
  await new Promise((r) => logFile.on("open", r));
  codeServer = spawn(process.execPath, [bin, "--bind-addr", `127.0.0.1:${port}`, "--auth", "none", "--disable-telemetry",
    "--disable-update-check", ...(trust ? [] : ["--disable-workspace-trust"]), "--user-data-dir", userData, "--extensions-dir", extDir, ...args, ws],
  { detached: true, stdio: ["ignore", logFile, logFile], env: { ...codeServerEnv(), ...env } });
  codeServer.on("exit", (code, sig) => log(`code-server exited (${code ?? sig})`));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return url;
    } catch {
      // not up yet
    }
    if (codeServer.exitCode !== null) throw new Error("code-server exited at start; see test-output/e2e/code-server.log");
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("code-server did not answer /healthz within 90s");
}

// -- UI helpers -------------------------------------------------------------------------------
async function screenshot(name) {
  const file = join(OUT, `${String(++shot).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path: file });
  log(`screenshot ${file.slice(ROOT.length + 1)}`);
}

async function quickInput(prefixKey, text) {
  await page.keyboard.press(prefixKey);
  const input = page.locator(".quick-input-widget .quick-input-box input");
  await input.waitFor({ state: "visible", timeout: 15_000 });
  await input.fill(text);
  return input;
}

/** Enter on the quick pick once the filtered list has settled with `text` in the focused row. */
async function acceptFocused(text, timeout = 30_000) {
  const row = page.locator(".quick-input-widget .monaco-list-row.focused", { hasText: text }).first();
  await row.waitFor({ state: "visible", timeout });
  await page.keyboard.press("Enter");
}

async function runCommand(label) {
  await quickInput("F1", `>${label}`);
  await acceptFocused(label, 15_000);
}

async function openFile(name) {
  await quickInput("Control+p", name);
  await acceptFocused(name);
  await page.locator(".tabs-container .tab.active", { hasText: name }).waitFor({ timeout: 15_000 });
  await page.locator(".editor-group-container.active .monaco-editor .view-lines").first().waitFor({ timeout: 15_000 });
}

async function problemRows() {
  // aria-label has the message and position, the text the source and code: "ztlint(rule-id)".
  return page.$$eval(".markers-panel .monaco-list-row", (rows) => rows.map((r) => `${r.getAttribute("aria-label") ?? ""} | ${r.textContent ?? ""}`));
}

async function waitForProblems(pred, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let rows = [];
  while (Date.now() < deadline) {
    rows = await problemRows();
    if (pred(rows)) return rows;
    await page.waitForTimeout(500);
  }
  throw new Error(`Problems panel: ${what} not seen within ${timeoutMs / 1000}s; rows:\n  ${rows.join("\n  ")}`);
}

async function editorText() {
  const t = await page.locator(".editor-group-container.active .monaco-editor .view-lines").first().innerText();
  return t.replace(/\u00a0/g, " ");
}

function check(name, ok, detail = "") {
  results.push([name, ok]);
  log(`${ok ? "PASS" : "FAIL"}: ${name}${detail ? ` (${detail})` : ""}`);
  if (!ok) throw new Error(`check failed: ${name} ${detail}`);
}

/** Every ztlint output-channel log of this run (the extension host writes them under the user-data logs). */
function ztlintOutputFiles() {
  const found = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/ztlint/i.test(e.name)) found.push(p);
    }
  };
  for (const d of readdirSync(tmp)) if (d.startsWith("user") && existsSync(join(tmp, d, "logs"))) walk(join(tmp, d, "logs"));
  return found;
}

function ztlintOutputText() {
  return ztlintOutputFiles().map((f) => readFileSync(f, "utf8")).join("\n");
}

async function dumpExtensionOutput() {
  // The ztlint output channel, as the extension host log files have it, helps when a check fails.
  try {
    const found = ztlintOutputFiles();
    // logs/<session>/window1/exthost/output_logging_*/N-ztlint.log: one per window session.
    const names = found.map((f, i) => `output-ztlint-${f.slice(tmp.length + 1).split("/")[0]}-${i + 1}.log`);
    found.forEach((f, i) => copyFileSync(f, join(OUT, names[i])));
    if (found.length) log(`ztlint output channel saved: ${names.join(", ")}`);
  } catch (e) {
    log(`could not save the ztlint output: ${e}`);
  }
}

// -- cleanup ----------------------------------------------------------------------------------
function pidsUnder(dir) {
  // Processes whose command line names this run's temporary folder (code-server's children,
  // the extension host, the ztlint server in the private environment): only ours.
  try {
    const out = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
    return out.split("\n").filter((l) => l.includes(dir)).map((l) => Number(l.trim().split(/\s+/)[0])).filter((p) => p && p !== process.pid);
  } catch {
    return [];
  }
}

/** The ztlint language server processes of this run. */
function serverPids() {
  return pidsUnder(tmp).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").includes("ztlint.cli lsp");
    } catch {
      return false;
    }
  });
}

/** Stop code-server and its process group (file watcher, extension host, language server). */
async function stopCodeServer() {
  const cs = codeServer;
  codeServer = undefined;
  if (!cs || cs.exitCode !== null) return;
  try {
    process.kill(-cs.pid, "SIGTERM");
  } catch {
    // already gone
  }
  const deadline = Date.now() + 5_000;
  while (cs.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  try {
    process.kill(-cs.pid, "SIGKILL");
  } catch {
    // gone
  }
}

let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  try {
    if (browser) await browser.close();
  } catch (e) {
    log(`closing the browser: ${e}`);
  }
  await stopCodeServer();
  if (tmp) {
    let left = pidsUnder(tmp);
    for (const pid of left) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone
      }
    }
    await new Promise((r) => setTimeout(r, 300));
    left = pidsUnder(tmp);
    log(left.length ? `WARNING: processes still running: ${left.join(" ")}` : "all processes started by the test are stopped");
    if (!process.env.ZTLINT_E2E_KEEP) rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }
}
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    log(`${sig}: cleaning up`);
    cleanup().finally(() => process.exit(130));
  });
}

// -- the test ---------------------------------------------------------------------------------
const BASE_SETTINGS = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "security.workspace.trust.enabled": false,
  "editor.minimap.enabled": false,
  "window.commandCenter": false,
  "ztlint.trace.server": "messages",
};

async function openWorkbench(url, folder, { trustPrompt }) {
  if (page) await page.context().close();
  const context = await browser.newContext({ viewport: { width: 1500, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.locator(".monaco-workbench").waitFor({ timeout: 90_000 });
  if (trustPrompt) {
    // "Do you trust the authors of the files in this folder?" -> No: Restricted Mode.
    const no = page.locator(".monaco-dialog-box .monaco-button", { hasText: "No, I don't trust the authors" }).first();
    await no.waitFor({ timeout: 60_000 });
    await screenshot("trust-prompt");
    await no.click();
  }
  await page.locator(".explorer-folders-view, .monaco-workbench .part.sidebar").first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500);
}

/** A project whose config adds a team rule directory: only a trusted workspace may use it. */
function makeRestrictedWorkspace() {
  const ws = join(tmp, "team-service");
  mkdirSync(join(ws, "team-rules"), { recursive: true });
  writeFileSync(join(ws, "ztlint.toml"), 'rule-dirs = ["team-rules"]\n');
  writeFileSync(join(ws, "team-rules", "no-print.yaml"), [
    "id: team-no-print",
    "title: print() in service code",
    "severity: warning",
    "confidence: high",
    "cwe: [CWE-532]",
    "owasp: []",
    "languages: [python]",
    "match:",
    "  query: |",
    "    (call function: (identifier) @fn) @call",
    "  report: call",
    "  where:",
    "    - {capture: fn, equals: print}",
    'message: "team rule: use the logger instead of print()"',
    "docs: |",
    "  A team rule, used by the ztlint end-to-end test of Restricted Mode.",
    "",
  ].join("\n"));
  writeFileSync(join(ws, "service.py"), "import yaml\n\n\ndef load(data):\n    print(data)\n    return yaml.load(data)\n");
  return ws;
}

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  await step("system packages", () => ensureAptPackages());
  await step("npm dev dependencies", () => ensureNpmDeps());
  const vsix = await step("package the VSIX", () => packageVsix());
  const bin = await step(`code-server ${CODE_SERVER_VERSION}`, () => ensureCodeServer());
  const { chromium } = await import("playwright-core");

  tmp = mkdtempSync(join(tmpdir(), "ztlint-e2e-"));
  const ws = makeWorkspace();
  const userData = join(tmp, "user");
  const extDir = join(tmp, "extensions");
  mkdirSync(join(userData, "User"), { recursive: true });
  writeFileSync(join(userData, "User", "settings.json"), JSON.stringify(BASE_SETTINGS, null, 2));

  await step("install the VSIX", () => sh(process.execPath, [bin, "--install-extension", vsix, "--extensions-dir", extDir, "--user-data-dir", userData], { env: codeServerEnv() }));
  const url = await step("start code-server", () => startCodeServer(bin, ws, userData, extDir));

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  await step("open the workbench", () => openWorkbench(url, ws, { trustPrompt: false }));

  await step("open a Python file with a token and yaml.load: findings in Problems", async () => {
    await openFile(OPEN_FILE);
    await runCommand("View: Focus Problems");
    const rows = await waitForProblems(
      (r) => r.some((x) => x.includes("python-yaml-unsafe-load")) && r.some((x) => x.includes("secret-github-pat-classic")),
      "python-yaml-unsafe-load and secret-github-pat-classic", 180_000);
    await screenshot("problems-open-file");
    check("Problems shows python-yaml-unsafe-load from ztlint", rows.some((x) => x.includes("python-yaml-unsafe-load") && x.includes("ztlint")));
    check("Problems shows the hardcoded GitHub token (redacted)", rows.some((x) => x.includes("secret-github-pat-classic") && !/ghp_[A-Za-z0-9]{36}/.test(x)));
    const status = await page.locator(".statusbar-item", { hasText: "ztlint" }).first().innerText();
    check("status bar shows the server running with its finding count", /ztlint\s*\d+/.test(status), JSON.stringify(status));
  });

  await step("remote-style install: the VSIX installed into the server runs in its extension host as a workspace extension", async () => {
    // code-server is VS Code's remote architecture (the browser is the UI, the server holds the
    // files and the extension host), the same split as Codespaces and dev containers.
    const installed = readdirSync(extDir).filter((d) => d.startsWith("ztlint.ztlint-"));
    check("the extension is installed in the server's extensions folder", installed.length === 1, installed.join(","));
    const manifest = JSON.parse(readFileSync(join(extDir, installed[0], "package.json"), "utf8"));
    check("its manifest declares extensionKind [\"workspace\"]", JSON.stringify(manifest.extensionKind) === '["workspace"]');
    const text = ztlintOutputText();
    // code-server gives the window a remote authority (host:port) as Codespaces does (`codespaces`)
    check("the extension reports running as a workspace extension in a remote", /running as a workspace extension in the \S+ remote/.test(text), text.split("\n").find((l) => l.includes("running as")) ?? "no line");
  });

  await step("quick fix: yaml.load -> yaml.safe_load", async () => {
    await page.locator(".editor-group-container.active .monaco-editor .view-lines").first().click();
    await quickInput("Control+g", ":7:20");
    await page.keyboard.press("Enter");
    await page.waitForTimeout(300);
    await page.keyboard.press("Control+.");
    const item = page.locator(".action-widget .monaco-list-row", { hasText: "Use yaml.safe_load()" }).first();
    await item.waitFor({ state: "visible", timeout: 20_000 });
    await screenshot("quick-fix-menu");
    // The menu is keyboard-driven (a pointer block covers it until the mouse moves): walk to the fix.
    for (let i = 0; i < 8; i++) {
      const focused = await page.locator(".action-widget .monaco-list-row.focused").first().getAttribute("aria-label");
      if (focused?.includes("Use yaml.safe_load()")) break;
      await page.keyboard.press("ArrowDown");
    }
    await page.keyboard.press("Enter");
    const deadline = Date.now() + 15_000;
    let text = "";
    while (Date.now() < deadline && !(text = await editorText()).includes("yaml.safe_load(data)")) await page.waitForTimeout(200);
    check("the quick fix rewrote the call", text.includes("yaml.safe_load(data)") && !text.includes("yaml.load("), JSON.stringify(text.split("\n").find((l) => l.includes("yaml.")) ?? ""));
    const rows = await waitForProblems((r) => !r.some((x) => x.includes("python-yaml-unsafe-load")) && r.some((x) => x.includes("secret-github-pat-classic")),
      "the yaml finding cleared (the token finding staying)", 20_000);
    check("the fixed finding cleared, the other one stays", rows.length > 0);
    await page.keyboard.press("Control+s");
    await screenshot("after-quick-fix");
  });

  await step("Fix All (safe) on another file", async () => {
    await openFile(FIXALL_FILE);
    await waitForProblems((r) => r.filter((x) => x.includes("python-yaml-unsafe-load")).length >= 2, `two yaml findings in ${FIXALL_FILE}`, 30_000);
    await runCommand("ztlint: Fix All (safe)");
    const deadline = Date.now() + 15_000;
    let text = "";
    while (Date.now() < deadline && !(text = await editorText()).includes("yaml.safe_load_all(b)")) await page.waitForTimeout(200);
    check("Fix All rewrote both calls", text.includes("yaml.safe_load(a)") && text.includes("yaml.safe_load_all(b)"));
    await waitForProblems((r) => !r.some((x) => x.includes("python-yaml-unsafe-load")), "the yaml findings cleared", 20_000);
    await screenshot("after-fix-all");
    await page.keyboard.press("Control+s");
  });

  await step("Show Rule Docs", async () => {
    await runCommand("ztlint: Show Rule Docs");
    await page.locator(".quick-input-widget .monaco-list-row").first().waitFor({ state: "visible", timeout: 15_000 });
    await page.locator(".quick-input-widget .quick-input-box input").fill("secret-github-pat-classic");
    await acceptFocused("secret-github-pat-classic");
    const tab = page.locator(".tabs-container .tab", { hasText: "secret-github-pat-classic" }).first();
    await tab.waitFor({ timeout: 20_000 });
    await page.waitForTimeout(1500); // let the preview render for the screenshot
    await screenshot("rule-docs");
    check("the rule's docs open in a Markdown preview", (await tab.innerText()).includes("secret-github-pat-classic"));
    await runCommand("View: Close All Editors");
  });

  await step("a Jupyter notebook: findings in its cells (notebook document sync)", async () => {
    // (not openFile: a notebook editor has a text editor per cell, not one for the file)
    await quickInput("Control+p", NOTEBOOK_FILE);
    await acceptFocused(NOTEBOOK_FILE);
    await page.locator(".tabs-container .tab.active", { hasText: NOTEBOOK_FILE }).waitFor({ timeout: 15_000 });
    await page.locator(".notebook-editor .cell-editor-container .monaco-editor").nth(1).waitFor({ timeout: 30_000 });
    await runCommand("View: Focus Problems");
    const wanted = ["python-flow-command", "python-yaml-unsafe-load", "secret-github-pat-classic"];
    const rows = await waitForProblems((r) => wanted.every((id) => r.some((x) => x.includes(id) && x.includes("ztlint"))),
      `${wanted.join(", ")} in ${NOTEBOOK_FILE}`, 90_000);
    log(`notebook problems: ${rows.join(" || ")}`);
    check("the notebook's findings are in Problems under the notebook, the token redacted",
      rows.some((x) => x.includes(`3 problems in file ${NOTEBOOK_FILE}`)) && !rows.some((x) => /ghp_[A-Za-z0-9]{36}/.test(x)));
    check("the flow's steps point into the cells", rows.some((x) => x.includes("tainted by `input()`") && x.includes(NOTEBOOK_FILE)));
    // squiggles in the cell editors: none in the first (markdown) cell, some in each code cell with findings
    const cells = page.locator(".notebook-editor .cell-list-container .monaco-list-row");
    const deadline = Date.now() + 30_000;
    let squiggles = [];
    while (Date.now() < deadline) {
      squiggles = await cells.evaluateAll((rows) => rows.map((r) => r.querySelectorAll(".squiggly-error, .squiggly-warning, .squiggly-info").length));
      if (squiggles.filter((n) => n > 0).length >= 1 && squiggles[squiggles.length - 1] > 0) break;
      await page.waitForTimeout(500);
    }
    await screenshot("notebook-cells");
    check("the findings are drawn in the notebook's code cell", squiggles.length >= 3 && squiggles[squiggles.length - 1] >= 2, JSON.stringify(squiggles));
    await runCommand("View: Close All Editors");
  });

  await step("Scan Workspace: findings of files that are not open", async () => {
    const before = await problemRows();
    check("the unopened file has no findings before the scan", !before.some((x) => x.includes(CLOSED_FILE)));
    await runCommand("ztlint: Scan Workspace");
    // Narrow the (virtualised) Problems list to the file that was never opened.
    const filter = page.locator(".markers-panel-action-filter input, .viewpane-filter input").first();
    await page.locator(".notifications-toasts .notification-toast", { hasText: /ztlint: \d+ finding/ }).first().waitFor({ timeout: 120_000 });
    const toast = await page.locator(".notifications-toasts .notification-toast", { hasText: /ztlint: \d+ finding/ }).first().innerText();
    const toastLine = toast.split("\n").find((l) => /ztlint: \d+ finding/.test(l)) ?? toast;
    log(`notification: ${toastLine}`);
    if (await filter.count()) await filter.fill(CLOSED_FILE.replace(".py", ""));
    const rows = await waitForProblems((r) => r.some((x) => x.includes("python-flow-deserialization")) && r.some((x) => x.includes("python-flow-command")),
      `python-flow-deserialization and python-flow-command from ${CLOSED_FILE}`, 60_000);
    await screenshot("scan-workspace");
    check("Scan Workspace reported the unopened file's findings", rows.some((x) => x.includes(CLOSED_FILE)) || rows.some((x) => x.includes("pickle")));
    check("the scan notification counts findings", /ztlint: [1-9]\d* finding\(s\) in [1-9]\d* file\(s\)/.test(toastLine), toastLine);
    if (await filter.count()) await filter.fill("");
  });

  await step("the server crashes: it is restarted", async () => {
    const before = serverPids();
    check("one ztlint server process runs", before.length === 1, `pids ${before.join(" ")}`);
    process.kill(before[0], "SIGKILL");
    const deadline = Date.now() + 60_000;
    let after = [];
    let status = "";
    while (Date.now() < deadline) {
      after = serverPids().filter((p) => !before.includes(p));
      status = await page.locator(".statusbar-item", { hasText: "ztlint" }).first().innerText();
      if (after.length === 1 && /ztlint\s*\d+/.test(status)) break;
      await page.waitForTimeout(250);
    }
    check("a new server process runs after the crash", after.length === 1, `new pids ${after.join(" ")}`);
    check("the status bar shows it running again", /ztlint\s*\d+/.test(status), JSON.stringify(status));
    await openFile(OPEN_FILE);
    const rows = await waitForProblems((r) => r.some((x) => x.includes("secret-github-pat-classic")), "the open file's finding after the restart", 30_000);
    check("the restarted server reports the open file again", rows.length > 0);
    await screenshot("after-server-restart");
  });

  await step("a server that keeps crashing: backoff, then stop and say so", async () => {
    // Kill every new server process: the extension restarts it after 1, 2, 4, 8 s and, at the
    // 5th crash within 3 minutes, stops and says so.
    const toast = page.locator(".notifications-toasts .notification-toast", { hasText: "crashed 5 times" }).first();
    const killed = new Set();
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && !(await toast.isVisible())) {
      for (const pid of serverPids()) {
        if (killed.has(pid)) continue;
        killed.add(pid);
        log(`killing the server (pid ${pid})`);
        process.kill(pid, "SIGKILL");
      }
      await page.waitForTimeout(200);
    }
    await toast.waitFor({ timeout: 5_000 });
    const text = await toast.innerText();
    await page.waitForTimeout(1_000);
    const status = await page.locator(".statusbar-item", { hasText: "ztlint" }).first().innerText();
    await screenshot("crash-loop-stopped");
    check("after 5 crashes a notification says the server was stopped", /crashed 5 times in \d+ minutes and was stopped/.test(text), text.split("\n").find((l) => l.includes("crashed")));
    check("the notification offers Restart Server and Show Output", text.includes("Restart Server") && text.includes("Show Output"));
    const others = await page.locator(".notifications-toasts .notification-toast", { hasText: "couldn't create connection" }).count();
    check("no duplicate notification from the language client library", others === 0);
    await page.waitForTimeout(2_000);
    check("no server is restarted after giving up", serverPids().length === 0);
    check("the status bar shows the failure", !/ztlint\s*\d+/.test(status), JSON.stringify(status));
    await toast.locator("a.monaco-button, .monaco-button", { hasText: "Restart Server" }).first().click();
    const back = Date.now() + 30_000;
    while (Date.now() < back && serverPids().length === 0) await page.waitForTimeout(250);
    check("Restart Server from the notification starts it again", serverPids().length === 1);
  });

  // Phase 2: the same user data (the private environment exists now) with workspace trust on.
  await step("Restricted Mode: a new window on an untrusted folder", async () => {
    await stopCodeServer();
    const settingsFile = join(userData, "User", "settings.json");
    const settings = JSON.parse(readFileSync(settingsFile, "utf8"));
    writeFileSync(settingsFile, JSON.stringify({ ...settings, "security.workspace.trust.enabled": true }, null, 2));
    const rws = makeRestrictedWorkspace();
    const url2 = await startCodeServer(bin, rws, userData, extDir, { trust: true, logName: "code-server-restricted.log" });
    await openWorkbench(url2, rws, { trustPrompt: true });
    await openFile("service.py");
    await runCommand("View: Focus Problems");
    const rows = await waitForProblems((r) => r.some((x) => x.includes("python-yaml-unsafe-load")), "the bundled rule's finding", 120_000);
    await page.waitForTimeout(1500); // both rules' findings are published together; make sure
    const again = await problemRows();
    await screenshot("restricted-mode");
    check("Restricted Mode: bundled rules run", rows.some((x) => x.includes("python-yaml-unsafe-load")));
    check("Restricted Mode: the repository's rule directory is not used", !again.some((x) => x.includes("team-no-print")));
    const status = page.locator(".statusbar-item", { hasText: "ztlint" }).first();
    await status.hover();
    const tip = page.locator(".monaco-hover, .workbench-hover", { hasText: "Restricted Mode" }).first();
    await tip.waitFor({ timeout: 10_000 });
    check("the status bar tooltip says Restricted Mode", (await tip.innerText()).includes("only the bundled rules run"));
    await screenshot("restricted-mode-status");
    await page.mouse.move(700, 300);
  });

  await step("trusting the folder enables its rule directory", async () => {
    await runCommand("Workspaces: Manage Workspace Trust");
    const trust = page.locator(".workspace-trust-editor .monaco-button", { hasText: /^Trust$/ }).first();
    await trust.waitFor({ timeout: 20_000 });
    await trust.click();
    await runCommand("View: Close All Editors");
    await openFile("service.py");
    const rows = await waitForProblems((r) => r.some((x) => x.includes("team-no-print")) && r.some((x) => x.includes("python-yaml-unsafe-load")),
      "team-no-print after granting trust", 60_000);
    await screenshot("trusted-team-rule");
    check("after trust, the repository's team rule reports", rows.some((x) => x.includes("team-no-print")));
  });

  // Phase 3: the two set-up failures a user can meet, each in a fresh window whose PATH has no
  // Python at all (only node and sh).
  const noPythonBin = join(tmp, "no-python-bin");
  mkdirSync(noPythonBin);
  symlinkSync(process.execPath, join(noPythonBin, "node"));
  symlinkSync("/bin/sh", join(noPythonBin, "sh"));
  const plainWs = join(tmp, "plain");
  mkdirSync(plainWs);
  writeFileSync(join(plainWs, "app.py"), "import yaml\n\n\ndef load(data):\n    return yaml.load(data)\n");
  const failureWindow = async (name, userSettings) => {
    await stopCodeServer();
    const ud = join(tmp, `user-${name}`);
    mkdirSync(join(ud, "User"), { recursive: true });
    writeFileSync(join(ud, "User", "settings.json"), JSON.stringify({ ...BASE_SETTINGS, ...userSettings }, null, 2));
    const u = await startCodeServer(bin, plainWs, ud, extDir, {
      logName: `code-server-${name}.log`,
      // VSCODE_CLI=1: otherwise the extension host takes PATH from a login shell, not from its parent.
      env: { PATH: noPythonBin, VSCODE_CLI: "1" },
    });
    await openWorkbench(u, plainWs, { trustPrompt: false });
    await openFile("app.py");
  };

  await step("no Python 3.10+ anywhere: an error with a way out", async () => {
    await failureWindow("no-python", {});
    const toast = page.locator(".notifications-toasts .notification-toast", { hasText: "needs Python 3.10 or newer" }).first();
    await toast.waitFor({ timeout: 60_000 });
    const text = await toast.innerText();
    await screenshot("no-python");
    check("the notification says no Python 3.10+ was found and what was tried", /none was found \(tried python3, /.test(text), text.split("\n").find((l) => l.includes("Python")));
    check("it offers Select Interpreter… and Show Output", text.includes("Select Interpreter") && text.includes("Show Output"));
    const status = await page.locator(".statusbar-item", { hasText: "ztlint" }).first().innerText();
    check("the status bar shows the failure", !/ztlint\s*\d+/.test(status), JSON.stringify(status));
  });

  await step("the offline install fails: an error with the pip output in the log", async () => {
    // A "Python 3.11" (user setting ztlint.interpreter) whose new environment's pip fails.
    const fake = join(tmp, "fake-python3.11");
    writeFileSync(fake, [
      "#!/bin/sh",
      'case "$*" in',
      `  *"-m venv"*) for d; do :; done; /bin/mkdir -p "$d/bin"; printf '#!/bin/sh\\necho "ERROR: simulated pip failure: no space left on device" >&2\\nexit 1\\n' > "$d/bin/python"; /bin/chmod +x "$d/bin/python"; exit 0;;`,
      `  *"-c"*) echo 'ZTLINT-PROBE {"executable": "${fake}", "version": [3, 11, 7]}'; exit 0;;`,
      "esac",
      "exit 1",
      "",
    ].join("\n"), { mode: 0o755 });
    await failureWindow("install-fails", { "ztlint.interpreter": fake });
    const toast = page.locator(".notifications-toasts .notification-toast", { hasText: "could not install its bundled language server" }).first();
    await toast.waitFor({ timeout: 60_000 });
    const text = await toast.innerText();
    await screenshot("install-failed");
    check("the notification says the bundled install failed", text.includes("pip could not install ztlint from the bundled wheelhouse"), text.split("\n").find((l) => l.includes("install")));
    check("it offers Retry, Select Interpreter… and Show Output", ["Retry", "Select Interpreter", "Show Output"].every((b) => text.includes(b)));
    await toast.locator(".monaco-button", { hasText: "Show Output" }).first().click();
    const output = page.locator(".part.panel .output .view-lines, .part.panel .monaco-editor .view-lines").first();
    await output.waitFor({ timeout: 15_000 });
    let shown = "";
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !(shown = (await output.innerText()).replace(/\u00a0/g, " ")).includes("simulated pip failure")) await page.waitForTimeout(250);
    await screenshot("install-failed-output");
    check("Show Output reveals the pip error in the ztlint output", shown.includes("simulated pip failure"));
  });

  // Phase 4: the universal VSIX (no wheelhouse: every platform without its own VSIX). It is the
  // tested VSIX less its wheelhouse, installed into a fresh extensions folder.
  const universalVsix = join(tmp, "ztlint-universal.vsix");
  sh("python3", ["-c", [
    "import sys, zipfile",
    "src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)",
    "[dst.writestr(i, src.read(i)) for i in src.infolist() if '/dist/wheelhouse/' not in i.filename]",
    "dst.close()",
  ].join("\n"), vsix, universalVsix]);
  const universalExt = join(tmp, "extensions-universal");
  sh(process.execPath, [bin, "--install-extension", universalVsix, "--extensions-dir", universalExt, "--user-data-dir", join(tmp, "user-universal-install")], { env: codeServerEnv() });
  const universalWindow = async (name, pathDir) => {
    await stopCodeServer();
    const ud = join(tmp, `user-${name}`);
    mkdirSync(join(ud, "User"), { recursive: true });
    writeFileSync(join(ud, "User", "settings.json"), JSON.stringify(BASE_SETTINGS, null, 2));
    const u = await startCodeServer(bin, plainWs, ud, universalExt, { logName: `code-server-${name}.log`, env: { PATH: pathDir, VSCODE_CLI: "1" } });
    await openWorkbench(u, plainWs, { trustPrompt: false });
    await openFile("app.py");
  };

  await step("universal VSIX, a Python without ztlint: says there is no bundled server and how to get one", async () => {
    const dir = join(tmp, "bin-python-without-ztlint");
    mkdirSync(dir);
    symlinkSync(process.execPath, join(dir, "node"));
    symlinkSync("/bin/sh", join(dir, "sh"));
    symlinkSync("/usr/bin/python3", join(dir, "python3"));
    await universalWindow("universal-no-ztlint", dir);
    const toast = page.locator(".notifications-toasts .notification-toast", { hasText: "no bundled language server" }).first();
    await toast.waitFor({ timeout: 60_000 });
    const text = await toast.innerText();
    await screenshot("universal-no-ztlint");
    check("the notification names this platform and the pip command", /no bundled language server for linux-x64/.test(text) && /pip install ztlint==\d/.test(text), text.split("\n").find((l) => l.includes("bundled")));
    check("it offers Select Interpreter…, Open Settings and Show Output", ["Select Interpreter", "Open Settings", "Show Output"].every((b) => text.includes(b)));
  });

  await step("universal VSIX, a Python with ztlint on PATH: it runs that ztlint", async () => {
    // the checkout's .venv (ztlint installed) as `python3`: a wrapper, since a symlinked venv Python loses its venv
    const dir = join(tmp, "bin-python-with-ztlint");
    mkdirSync(dir);
    symlinkSync(process.execPath, join(dir, "node"));
    symlinkSync("/bin/sh", join(dir, "sh"));
    writeFileSync(join(dir, "python3"), `#!/bin/sh\nexec "${join(ROOT, ".venv", "bin", "python")}" "$@"\n`, { mode: 0o755 });
    await universalWindow("universal-path-python", dir);
    await runCommand("View: Focus Problems");
    const rows = await waitForProblems((r) => r.some((x) => x.includes("python-yaml-unsafe-load")), "python-yaml-unsafe-load from the PATH Python's ztlint", 120_000);
    await screenshot("universal-path-python");
    check("findings come from the ztlint of the Python on PATH", rows.some((x) => x.includes("python-yaml-unsafe-load") && x.includes("ztlint")));
  });
}

let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
  console.error(`[e2e] FAILED: ${e?.stack || e}`);
  if (page) await screenshot("failure").catch(() => undefined);
} finally {
  if (tmp) await dumpExtensionOutput();
  await cleanup();
}
const total = (Date.now() - t0) / 1000;
console.log("\n[e2e] timings:");
for (const [name, secs] of timings) console.log(`  ${secs.toFixed(1).padStart(6)}s  ${name}`);
console.log(`  ${total.toFixed(1).padStart(6)}s  total`);
const passed = results.filter(([, ok]) => ok).length;
console.log(`e2e: ${passed} passed, ${results.length - passed + (failed && results.every(([, ok]) => ok) ? 1 : 0)} failed`);
process.exit(failed ? 1 : 0);
