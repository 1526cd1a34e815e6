import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { envPython, executableCandidates, isMusl, outputLines, pathFor, vsixTarget, WHEELHOUSE_TARGETS, wheelhouseFits } from "../../src/platform";
import { DiscoveryDeps, DiscoveryInput, discoverServer, parseProbeOutput, ProbeResult, PythonInfo } from "../../src/python";
import { bundledWheelsFit, pipInstallArgs, WheelhouseManifest } from "../../src/venv";

// Every desktop target, as Node reports it there (process.platform, process.arch, musl).
const MACHINES: [NodeJS.Platform, string, boolean, string][] = [
  ["linux", "x64", false, "linux-x64"],
  ["linux", "arm64", false, "linux-arm64"],
  ["linux", "x64", true, "alpine-x64"],
  ["darwin", "x64", false, "darwin-x64"],
  ["darwin", "arm64", false, "darwin-arm64"],
  ["win32", "x64", false, "win32-x64"],
];

function manifestFor(target: string | undefined, platforms = ["manylinux_2_28_x86_64"]): WheelhouseManifest {
  return { ztlint: "0.1.0", target, pythons: ["3.10", "3.11", "3.12", "3.13"], platforms, pip: "pip-26.3-py3-none-any.whl", files: [] };
}

describe("platform: targets", () => {
  it("names each desktop machine's VSIX target, and only those carry wheelhouses", () => {
    for (const [platform, arch, musl, target] of MACHINES) {
      assert.equal(vsixTarget(platform, arch, musl), target);
      assert.ok((WHEELHOUSE_TARGETS as readonly string[]).includes(target), target);
    }
    assert.equal(vsixTarget("win32", "arm64", false), "win32-arm64"); // no wheelhouse: universal behaviour
  });

  it("lists the same targets as the wheelhouse builder (scripts/wheelhouse_resolve.py)", () => {
    const py = readFileSync(join(__dirname, "..", "..", "..", "scripts", "wheelhouse_resolve.py"), "utf8");
    const names = [...py.matchAll(/Target\("([a-z0-9-]+)"/g)].map((m) => m[1]);
    assert.deepEqual([...names].sort(), [...WHEELHOUSE_TARGETS].sort());
  });

  it("tells musl from glibc by Node's diagnostic report", () => {
    assert.equal(isMusl("linux", { header: { glibcVersionRuntime: "2.36" } }), false);
    assert.equal(isMusl("linux", { header: {} }), true);
    assert.equal(isMusl("linux", undefined), false, "no report: assume glibc");
    assert.equal(isMusl("darwin", { header: {} }), false);
  });

  it("uses the bundled wheels only on the target they were fetched for", () => {
    for (const [platform, arch, musl, target] of MACHINES) {
      for (const [, , , other] of MACHINES) {
        assert.equal(wheelhouseFits(manifestFor(other), target), other === target, `${other} wheels on ${target}`);
        assert.equal(bundledWheelsFit(manifestFor(other), platform, arch, musl), other === target);
      }
    }
    // manifests written before targets existed held Linux x86_64 (glibc) wheels only
    assert.ok(wheelhouseFits(manifestFor(undefined), "linux-x64"));
    assert.ok(!wheelhouseFits(manifestFor(undefined), "alpine-x64"));
    assert.ok(!wheelhouseFits(manifestFor(undefined), "linux-arm64"));
  });
});

describe("platform: paths", () => {
  it("finds the environment's Python under Scripts\\python.exe on Windows and bin/python elsewhere", () => {
    assert.equal(envPython("C:\\Users\\Ann Lee\\AppData\\Roaming\\Code\\envs\\k", "win32"), "C:\\Users\\Ann Lee\\AppData\\Roaming\\Code\\envs\\k\\Scripts\\python.exe");
    assert.equal(envPython("/home/ann/.config/Code/envs/k", "linux"), "/home/ann/.config/Code/envs/k/bin/python");
    assert.equal(envPython("/Users/ann/Library/Application Support/Code/envs/k", "darwin"), "/Users/ann/Library/Application Support/Code/envs/k/bin/python");
  });

  it("joins with the platform's separator", () => {
    assert.equal(pathFor("win32").join("C:\\s", "envs"), "C:\\s\\envs");
    assert.equal(pathFor("darwin").join("/s", "envs"), "/s/envs");
  });

  it("tries the .exe launcher for a Windows ztlint.path without an extension", () => {
    assert.deepEqual(executableCandidates("C:\\venv\\Scripts\\ztlint", "win32"), ["C:\\venv\\Scripts\\ztlint", "C:\\venv\\Scripts\\ztlint.exe"]);
    assert.deepEqual(executableCandidates("C:\\venv\\Scripts\\ztlint.exe", "win32"), ["C:\\venv\\Scripts\\ztlint.exe"]);
    assert.deepEqual(executableCandidates("/venv/bin/ztlint", "linux"), ["/venv/bin/ztlint"]);
    assert.deepEqual(executableCandidates("/venv/bin/ztlint", "darwin"), ["/venv/bin/ztlint"]);
  });

  it("reads a Windows Python's CRLF output", () => {
    assert.deepEqual(outputLines("a\r\nb\nc\r"), ["a", "b", "c", ""]);
    const out = 'Python warning\r\nZTLINT-PROBE {"executable": "C:\\\\Program Files\\\\Python312\\\\python.exe", "version": [3, 12, 4], "ztlint": "0.1.0"}\r\n';
    assert.deepEqual(parseProbeOutput("python", out), { command: "python", executable: "C:\\Program Files\\Python312\\python.exe", version: [3, 12, 4], ztlint: "0.1.0" });
  });

  it("runs pip from the bundled wheel inside the wheelhouse folder", () => {
    const args = pipInstallArgs("/ext/client/dist/wheelhouse", manifestFor("linux-x64"));
    assert.equal(args[2], "/ext/client/dist/wheelhouse/pip-26.3-py3-none-any.whl/pip");
  });
});

type Fake = Record<string, { version: [number, number, number]; ztlint?: string }>;

function fakeDeps(fake: Fake, executables: string[] = []): DiscoveryDeps {
  return {
    async probe(command): Promise<ProbeResult> {
      const f = fake[command];
      if (!f) return { command, error: "not found" };
      const info: PythonInfo = { command, executable: command, version: f.version };
      if (f.ztlint) info.ztlint = f.ztlint;
      return info;
    },
    async isExecutable(file) {
      return executables.includes(file);
    },
  };
}

const input: DiscoveryInput = { bundledPythons: ["3.10", "3.11", "3.12", "3.13"], platform: "win32" };

describe("platform: discovery without a fitting wheelhouse (universal VSIX)", () => {
  it("launches ztlint.path's .exe on Windows when the setting leaves the extension out", async () => {
    const d = await discoverServer({ ...input, path: "C:\\venv\\Scripts\\ztlint" }, fakeDeps({}, ["C:\\venv\\Scripts\\ztlint.exe"]));
    assert.equal(d.kind, "launch");
    if (d.kind === "launch") assert.deepEqual([d.launch.command, d.launch.args], ["C:\\venv\\Scripts\\ztlint.exe", ["lsp"]]);
  });

  it("uses a Python on PATH that has ztlint", async () => {
    const d = await discoverServer({ ...input, bundleFits: false }, fakeDeps({ python: { version: [3, 12, 4], ztlint: "0.1.0" } }));
    assert.equal(d.kind, "launch");
    if (d.kind === "launch") assert.deepEqual([d.launch.source, d.launch.command, d.launch.args], ["pathPython", "python", ["-I", "-m", "ztlint.cli", "lsp"]]);
  });

  it("says that nothing fits instead of making an environment it cannot fill", async () => {
    const d = await discoverServer({ ...input, platform: "darwin", bundleFits: false }, fakeDeps({ python3: { version: [3, 12, 4] } }));
    assert.equal(d.kind, "noBundle");
    if (d.kind === "noBundle") assert.ok(d.tried.includes("python3"));
  });

  it("still makes the private environment when the wheels fit", async () => {
    const d = await discoverServer({ ...input, platform: "darwin", bundleFits: true }, fakeDeps({ python3: { version: [3, 12, 4] } }));
    assert.equal(d.kind, "createEnv");
  });
});
