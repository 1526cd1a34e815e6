import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { documentSelector, LANGUAGE_IDS, NOTEBOOK_TYPE } from "../../src/languages";
import { RESTART_KEYS } from "../../src/settings";

// The manifest is read from the repository root (tests run from client/out/test).
const manifest = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "package.json"), "utf8"));

describe("manifest", () => {
  it("activates on every selected language, and selects every language the brief lists", () => {
    for (const id of LANGUAGE_IDS) assert.ok(manifest.activationEvents.includes(`onLanguage:${id}`), id);
    const required = ["python", "javascript", "typescript", "javascriptreact", "typescriptreact", "go", "java", "csharp", "ruby",
      "php", "shellscript", "yaml", "json", "terraform", "dockerfile"];
    for (const id of required) {
      assert.ok((LANGUAGE_IDS as readonly string[]).includes(id), id);
    }
  });

  it("selects the Python cells of Jupyter notebooks and activates on them", () => {
    assert.ok(documentSelector().some((f) => f.notebook?.notebookType === NOTEBOOK_TYPE && f.language === "python"));
    assert.ok(manifest.activationEvents.includes(`onNotebook:${NOTEBOOK_TYPE}`));
  });

  it("selects the dependency manifests checked against an OSV database", () => {
    const patterns = documentSelector().map((f) => f.pattern).filter(Boolean);
    for (const p of ["**/*requirements*.txt", "**/{poetry.lock,uv.lock,pdm.lock}"]) assert.ok(patterns.includes(p), p);
  });

  it("only selects documents on disk", () => {
    assert.ok(documentSelector().every((f) => (f.scheme ?? f.notebook?.scheme) === "file"));
  });

  it("declares limited Restricted Mode support covering the launch settings and rule dirs", () => {
    const u = manifest.capabilities.untrustedWorkspaces;
    assert.equal(u.supported, "limited");
    for (const k of [...RESTART_KEYS, "ztlint.ruleDirs"]) assert.ok(u.restrictedConfigurations.includes(k), k);
    assert.equal(manifest.capabilities.virtualWorkspaces, false);
    assert.deepEqual(manifest.extensionKind, ["workspace"]);
  });

  it("contributes every setting the extension reads", () => {
    const props = Object.keys(manifest.contributes.configuration.properties);
    for (const k of ["enable", "severityOverrides", "disabledRules", "enabledRules", "ruleDirs", "exclude", "debounceMs",
      "maxFileSize", "trace.server", "path", "interpreter", "osvDb"]) assert.ok(props.includes(`ztlint.${k}`), k);
  });

  it("palette commands do not reuse the server's command ids", () => {
    const ids: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
    for (const serverId of ["ztlint.scanWorkspace", "ztlint.showRuleDocs", "ztlint.fixAll"]) assert.ok(!ids.includes(serverId));
    assert.ok(ids.every((id) => id.startsWith("ztlint.client.")));
  });
});
