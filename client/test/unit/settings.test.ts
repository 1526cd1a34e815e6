import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { expandPath, initializationOptions, launchSettings, toServerSettings } from "../../src/settings";

const ctx = { trusted: true, folder: "/work/repo", home: "/home/u", env: { RULES: "/srv/rules" } };

describe("toServerSettings", () => {
  it("passes exactly the keys the server understands", () => {
    const { value, warnings } = toServerSettings({
      enable: true, path: "/x", interpreter: "/y", trace: { server: "off" },
      disabledRules: ["python-assert-*"], enabledRules: [], severityOverrides: { "secret-*": "warning" },
      ruleDirs: [], exclude: ["vendor/"], maxFileSize: 2048, debounceMs: 300,
    }, ctx);
    assert.deepEqual(value, {
      disabledRules: ["python-assert-*"], enabledRules: [], severityOverrides: { "secret-*": "warning" },
      ruleDirs: [], exclude: ["vendor/"], maxFileSize: 2048, debounceMs: 300,
    });
    assert.deepEqual(warnings, []);
  });

  it("resolves rule directories against the folder and expands ~ and variables", () => {
    const { value } = toServerSettings({ ruleDirs: ["team-rules", "~/rules", "${workspaceFolder}/r2", "${env:RULES}", "/abs"] }, ctx);
    assert.deepEqual(value.ruleDirs, ["/work/repo/team-rules", "/home/u/rules", "/work/repo/r2", "/srv/rules", "/abs"]);
  });

  it("drops invalid values with a warning instead of sending them", () => {
    const { value, warnings } = toServerSettings({
      severityOverrides: { a: "fatal", b: "hint" }, disabledRules: "x", exclude: ["ok", 3, ""], maxFileSize: -1, debounceMs: "fast",
    }, ctx);
    assert.deepEqual(value.severityOverrides, { b: "hint" });
    assert.deepEqual(value.disabledRules, []);
    assert.deepEqual(value.exclude, ["ok"]);
    assert.equal(value.maxFileSize, undefined);
    assert.equal(value.debounceMs, undefined);
    assert.equal(warnings.length, 6);
  });

  it("passes the OSV database path resolved like rule directories, and only a path", () => {
    assert.equal(toServerSettings({ osvDb: "osv" }, ctx).value.osvDb, "/work/repo/osv");
    assert.equal(toServerSettings({ osvDb: "~/osv/all.zip" }, ctx).value.osvDb, "/home/u/osv/all.zip");
    assert.equal(toServerSettings({ osvDb: "" }, ctx).value.osvDb, undefined);
    const bad = toServerSettings({ osvDb: 3 }, ctx);
    assert.equal(bad.value.osvDb, undefined);
    assert.match(bad.warnings.join(), /osvDb/);
  });

  it("passes the profile, and only a known one", () => {
    assert.equal(toServerSettings({ profile: "audit" }, ctx).value.profile, "audit");
    assert.equal(toServerSettings({}, ctx).value.profile, undefined);
    const bad = toServerSettings({ profile: "strict" }, ctx);
    assert.equal(bad.value.profile, undefined);
    assert.match(bad.warnings.join("\n"), /ztlint\.profile/);
  });

  it("copes with a missing section", () => {
    assert.deepEqual(toServerSettings(undefined, ctx).value, { disabledRules: [], enabledRules: [], severityOverrides: {}, ruleDirs: [], exclude: [] });
  });
});

describe("Restricted Mode", () => {
  const untrusted = { ...ctx, trusted: false };

  it("sends no rule directories, and says why", () => {
    const { value, warnings } = toServerSettings({ ruleDirs: ["evil-rules"], disabledRules: ["x"] }, untrusted);
    assert.deepEqual(value.ruleDirs, []);
    assert.deepEqual(value.disabledRules, ["x"], "harmless settings still apply");
    assert.match(warnings.join(), /Restricted Mode/);
  });

  it("tells the server it is untrusted", () => {
    assert.deepEqual(initializationOptions({ debounceMs: 80 }, false), { debounceMs: 80, trusted: false, diagnosticMode: "push" });
    assert.deepEqual(initializationOptions({}, true), { debounceMs: 150, trusted: true, diagnosticMode: "push" });
  });

  it("ignores ztlint.path and ztlint.interpreter set by the workspace", () => {
    const r = launchSettings({
      path: { defaultValue: "", workspaceValue: "./tools/ztlint" },
      interpreter: { defaultValue: "", globalValue: "/usr/bin/python3.12", workspaceFolderValue: ".venv/bin/python" },
    }, untrusted);
    assert.equal(r.path, undefined);
    assert.equal(r.interpreter, "/usr/bin/python3.12", "the user's own setting still counts");
    assert.deepEqual(r.ignored, ["ztlint.path", "ztlint.interpreter"]);
  });

  it("does not run a user-level path that points into the workspace", () => {
    const r = launchSettings({ interpreter: { globalValue: "${workspaceFolder}/.venv/bin/python" } }, untrusted);
    assert.equal(r.interpreter, undefined);
    assert.deepEqual(r.ignored, ["ztlint.interpreter"]);
  });

  it("uses workspace values once trusted, relative to the folder", () => {
    const r = launchSettings({
      path: { workspaceValue: "" },
      interpreter: { globalValue: "/usr/bin/python3", workspaceFolderValue: ".venv/bin/python" },
    }, ctx);
    assert.equal(r.path, undefined);
    assert.equal(r.interpreter, "/work/repo/.venv/bin/python");
    assert.deepEqual(r.ignored, []);
  });

  it("keeps a bare command name for a PATH lookup", () => {
    assert.equal(launchSettings({ interpreter: { globalValue: "python3.12" } }, untrusted).interpreter, "python3.12");
  });
});

describe("expandPath", () => {
  it("leaves a relative path relative without a folder", () => {
    assert.equal(expandPath("rules", { home: "/h" }), "rules");
  });
});
