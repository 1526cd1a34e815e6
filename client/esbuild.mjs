// Bundles the extension (client/out/extension.js) or, with --tests, the unit tests
// (client/out/test/*.test.js). `vscode` is provided by the editor at run time.
import * as esbuild from "esbuild";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const production = args.has("--production");

const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node18",
  logLevel: "warning",
};

if (args.has("--tests")) {
  const dir = join(here, "test", "unit");
  const entryPoints = readdirSync(dir).filter((f) => f.endsWith(".test.ts")).map((f) => join(dir, f));
  await esbuild.build({
    ...common,
    entryPoints,
    outdir: join(here, "out", "test"),
    sourcemap: "inline",
    // Unit tests cover only modules that never import `vscode`; fail loudly if one does.
    plugins: [{
      name: "no-vscode",
      setup(build) {
        build.onResolve({ filter: /^vscode$/ }, (a) => ({
          errors: [{ text: `unit-tested module ${a.importer} imports "vscode"` }],
        }));
      },
    }],
  });
} else {
  const options = {
    ...common,
    entryPoints: [join(here, "src", "extension.ts")],
    outfile: join(here, "out", "extension.js"),
    external: ["vscode"],
    minify: production,
    sourcemap: production ? false : "linked",
    metafile: true,
  };
  if (args.has("--watch")) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
    console.log("esbuild: watching client/src ...");
  } else {
    const result = await esbuild.build(options);
    const out = Object.entries(result.metafile.outputs).find(([f]) => f.endsWith("extension.js"));
    console.log(`esbuild: ${out[0]} ${(out[1].bytes / 1024).toFixed(0)} KiB${production ? " (minified)" : ""}`);
  }
}
