import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { chooseBase, Discovery, DiscoveryDeps, DiscoveryInput, discoverServer, parseProbeOutput, ProbeResult, PythonInfo } from "../../src/python";

type Fake = Record<string, { version: [number, number, number]; ztlint?: string; executable?: string } | "missing">;

function deps(fake: Fake, executables: string[] = []): DiscoveryDeps & { probed: string[] } {
  const probed: string[] = [];
  return {
    probed,
    async probe(command): Promise<ProbeResult> {
      probed.push(command);
      const f = fake[command];
      if (!f || f === "missing") return { command, error: "not found" };
      const info: PythonInfo = { command, executable: f.executable ?? `/usr/bin/${command.split("/").pop()}`, version: f.version };
      if (f.ztlint) info.ztlint = f.ztlint;
      return info;
    },
    async isExecutable(file) {
      return executables.includes(file);
    },
  };
}

const base: DiscoveryInput = { bundledPythons: ["3.10", "3.11", "3.12", "3.13"], platform: "linux" };

function launchOf(d: Discovery) {
  assert.equal(d.kind, "launch", JSON.stringify(d));
  return (d as Extract<Discovery, { kind: "launch" }>).launch;
}

describe("discoverServer", () => {
  it("uses ztlint.path first, without probing any Python", async () => {
    const dd = deps({ python3: { version: [3, 11, 7], ztlint: "0.1.0" } }, ["/opt/ztlint/bin/ztlint"]);
    const l = launchOf(await discoverServer({ ...base, path: "/opt/ztlint/bin/ztlint", interpreter: "python3" }, dd));
    assert.deepEqual([l.source, l.command, l.args], ["path", "/opt/ztlint/bin/ztlint", ["lsp"]]);
    assert.deepEqual(dd.probed, []);
  });

  it("reports a ztlint.path that does not exist instead of silently falling back", async () => {
    const d = await discoverServer({ ...base, path: "/nope/ztlint" }, deps({ python3: { version: [3, 11, 7], ztlint: "0.1.0" } }));
    assert.equal(d.kind, "pathMissing");
  });

  it("runs ztlint.interpreter isolated when it has ztlint", async () => {
    const l = launchOf(await discoverServer({ ...base, interpreter: "/venv/bin/python", pythonExtension: "/other/python" },
      deps({ "/venv/bin/python": { version: [3, 12, 1], ztlint: "0.1.0" }, "/other/python": { version: [3, 12, 1], ztlint: "0.1.0" } })));
    assert.equal(l.source, "interpreter");
    assert.deepEqual(l.args, ["-I", "-m", "ztlint.cli", "lsp"]);
  });

  it("falls through to the Python extension's interpreter when ztlint.interpreter lacks ztlint", async () => {
    const l = launchOf(await discoverServer({ ...base, interpreter: "/a/python", pythonExtension: "/b/python" },
      deps({ "/a/python": { version: [3, 12, 1] }, "/b/python": { version: [3, 11, 2], ztlint: "0.1.0" } })));
    assert.equal(l.source, "pythonExtension");
    assert.equal(l.command, "/b/python");
  });

  it("uses a complete private environment before creating one", async () => {
    const dd = deps({ "/s/envs/k/bin/python": { version: [3, 11, 7], ztlint: "0.1.0" }, python3: { version: [3, 11, 7] } });
    const l = launchOf(await discoverServer({ ...base, privateEnv: "/s/envs/k/bin/python", pythonExtension: "/b/python" }, dd));
    assert.equal(l.source, "privateEnv");
    assert.ok(!dd.probed.includes("python3"), "PATH is not searched when the private environment works");
  });

  it("recreates a broken private environment from a Python on PATH", async () => {
    const d = await discoverServer({ ...base, privateEnv: "/s/envs/k/bin/python" },
      deps({ "/s/envs/k/bin/python": "missing", python3: { version: [3, 11, 7] } }));
    assert.equal(d.kind, "createEnv");
    assert.equal((d as Extract<Discovery, { kind: "createEnv" }>).base.command, "python3");
  });

  it("prefers the configured interpreter as the base of the private environment", async () => {
    const d = await discoverServer({ ...base, interpreter: "/a/python" },
      deps({ "/a/python": { version: [3, 12, 0], executable: "/a/python" }, python3: { version: [3, 11, 7] } }));
    assert.equal(d.kind, "createEnv");
    assert.equal((d as Extract<Discovery, { kind: "createEnv" }>).base.executable, "/a/python");
  });

  it("skips Pythons older than 3.10 and prefers versions the wheelhouse has wheels for", async () => {
    const d = await discoverServer({ ...base }, deps({
      python3: { version: [3, 9, 18], executable: "/usr/bin/python3.9" },
      "python3.13": "missing",
      "python3.12": "missing",
      "python3.11": "missing",
      "python3.10": { version: [3, 10, 14] },
      python: { version: [3, 14, 0], executable: "/usr/local/bin/python3.14" },
    }));
    assert.equal(d.kind, "createEnv");
    assert.deepEqual((d as Extract<Discovery, { kind: "createEnv" }>).base.version, [3, 10, 14]);
  });

  it("says which commands it tried when no Python >= 3.10 exists", async () => {
    const d = await discoverServer({ ...base, interpreter: "/old/python" }, deps({ "/old/python": { version: [3, 8, 10] }, python3: { version: [3, 9, 2] } }));
    assert.equal(d.kind, "noPython");
    const tried = (d as Extract<Discovery, { kind: "noPython" }>).tried;
    assert.equal(tried[0], "/old/python");
    assert.ok(tried.includes("python3") && tried.includes("python"));
    assert.ok(d.log.some((l) => l.includes("too old")));
  });

  it("deduplicates the same interpreter reached by several names", async () => {
    const same = { version: [3, 11, 7] as [number, number, number], executable: "/usr/bin/python3.11" };
    const d = await discoverServer({ ...base }, deps({ python3: same, "python3.11": same, python: same }));
    assert.equal(d.kind, "createEnv");
    assert.equal(d.log.filter((l) => l.includes("no ztlint")).length, 3);
  });
});

describe("chooseBase", () => {
  const py = (v: [number, number, number]): PythonInfo => ({ command: `p${v.join("")}`, executable: `/p${v.join("")}`, version: v });
  it("falls back to an unbundled version rather than nothing", () => {
    assert.deepEqual(chooseBase([py([3, 14, 0])], ["3.11"])?.version, [3, 14, 0]);
  });
  it("returns undefined without candidates", () => {
    assert.equal(chooseBase([], ["3.11"]), undefined);
  });
});

describe("parseProbeOutput", () => {
  it("reads the probe line among other output", () => {
    const r = parseProbeOutput("python3", 'warning: x\nZTLINT-PROBE {"executable": "/usr/bin/python3", "version": [3, 11, 7], "ztlint": "0.1.0"}\n');
    assert.deepEqual(r, { command: "python3", executable: "/usr/bin/python3", version: [3, 11, 7], ztlint: "0.1.0" });
  });
  it("rejects output that is not from the probe", () => {
    assert.ok("error" in parseProbeOutput("node", "v20.0.0\n"));
  });
});
