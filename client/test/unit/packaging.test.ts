import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { WHEELHOUSE_TARGETS } from "../../src/platform";

const root = join(__dirname, "..", "..", "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

describe("packaging: the manifest and the VSIX contents", () => {
  it("runs where the files are: a workspace extension only (Codespaces, dev containers, SSH, code-server)", () => {
    // "ui" would put it in the local extension host, away from the workspace's files and Python
    assert.deepEqual(manifest.extensionKind, ["workspace"]);
    assert.equal(manifest.capabilities.virtualWorkspaces, false, "no files on disk: nothing to analyse");
    assert.equal(manifest.browser, undefined, "no web extension: it needs a Python process");
  });

  it("packs the bundle, the wheelhouse and the license, nothing else", () => {
    const ignore = readFileSync(join(root, ".vscodeignore"), "utf8").split(/\r?\n/).filter((l) => l && !l.startsWith("#"));
    assert.equal(ignore[0], "**");
    assert.deepEqual(ignore.slice(1).sort(), [
      "!LICENSE", "!client/README-extension.md", "!client/dist/wheelhouse/*.whl", "!client/dist/wheelhouse/manifest.json",
      "!client/out/extension.js", "!package.json"].sort());
    assert.equal(manifest.main, "./client/out/extension.js");
  });

  it("builds a VSIX for every target the client knows wheels for", () => {
    const script = readFileSync(join(root, "client", "scripts", "package.mjs"), "utf8");
    const targets = JSON.parse(/^const TARGETS = (\[.*\]);$/m.exec(script)?.[1] ?? "[]");
    assert.deepEqual([...targets].sort(), [...WHEELHOUSE_TARGETS].sort());
  });
});
