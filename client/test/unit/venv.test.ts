import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, win32 } from "node:path";
import { describe, it } from "node:test";
import { bundledWheelsFit, envKey, pipInstallArgs, readManifest, readyEnvPython, WheelhouseManifest } from "../../src/venv";

const manifest: WheelhouseManifest = {
  ztlint: "0.1.0",
  pythons: ["3.10", "3.11", "3.12", "3.13"],
  platforms: ["manylinux2014_x86_64", "manylinux_2_17_x86_64"],
  pip: "pip-26.3-py3-none-any.whl",
  files: ["pip-26.3-py3-none-any.whl", "ztlint-0.1.0-py3-none-any.whl", "pyyaml-6.0.4-cp311-cp311-manylinux2014_x86_64.whl"],
};

describe("private environment", () => {
  it("installs offline, isolated from pip config and PIP_* variables, exactly the bundled version", () => {
    const args = pipInstallArgs("/ext/wheelhouse", manifest);
    for (const flag of ["--isolated", "--no-index", "--only-binary"]) assert.ok(args.includes(flag), flag);
    assert.equal(args[args.indexOf("--find-links") + 1], "/ext/wheelhouse");
    assert.equal(args[2], join("/ext/wheelhouse", manifest.pip, "pip"), "pip runs from its bundled wheel");
    assert.equal(args.at(-1), "ztlint==0.1.0");
  });

  it("gets a new environment when the wheelhouse changes", () => {
    assert.equal(envKey(manifest), envKey({ ...manifest, files: [...manifest.files].reverse() }));
    assert.notEqual(envKey(manifest), envKey({ ...manifest, files: [...manifest.files, "x-1-py3-none-any.whl"] }));
    assert.match(envKey(manifest), /^ztlint-0\.1\.0-[0-9a-f]{10}$/);
  });

  it("knows the bundled wheels only fit Linux x86_64", () => {
    assert.ok(bundledWheelsFit(manifest, "linux", "x64"));
    assert.ok(!bundledWheelsFit(manifest, "darwin", "arm64"));
    assert.ok(!bundledWheelsFit(manifest, "linux", "arm64"));
  });

  it("uses an environment only once it is complete", async () => {
    const storage = mkdtempSync(join(tmpdir(), "ztlint-unit-"));
    try {
      const wheelhouse = join(storage, "wh");
      mkdirSync(wheelhouse);
      assert.equal(await readManifest(wheelhouse), undefined);
      writeFileSync(join(wheelhouse, "manifest.json"), JSON.stringify(manifest));
      assert.deepEqual(await readManifest(wheelhouse), manifest);
      const dir = join(storage, "envs", envKey(manifest));
      mkdirSync(dir, { recursive: true });
      assert.equal(await readyEnvPython(storage, manifest, "linux"), undefined, "no stamp: half-made");
      writeFileSync(join(dir, "ztlint-env.json"), "{}");
      assert.equal(await readyEnvPython(storage, manifest, "linux"), join(dir, "bin", "python"));
      assert.equal(await readyEnvPython(storage, manifest, "win32"), win32.join(dir, "Scripts", "python.exe"));
    } finally {
      rmSync(storage, { recursive: true, force: true });
    }
  });
});
