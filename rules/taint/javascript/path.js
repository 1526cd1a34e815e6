const fs = require("fs");
const path = require("path");
const { readFile } = require("fs/promises");
const express = require("express");
const escapeHtml = require("escape-html");

const app = express();
const ROOT = "/srv/files";
const ARCHIVE = false;

app.get("/files/:name", (req, res) => {
  const name = req.params.name;
  const full = path.join(ROOT, name);
  // ruleid: js-flow-path
  fs.readFile(full, (err, data) => res.end());
  // ruleid: js-flow-path
  res.sendFile(full);
  // ok: js-flow-path
  fs.createReadStream(path.join(ROOT, path.basename(name)));
  // ruleid: js-flow-path
  fs.writeFileSync(path.join(ROOT, escapeHtml(name)), "x");
  if (ARCHIVE) {
    // ok: js-flow-path
    fs.unlinkSync(full);
  }
  const resolved = path.resolve(ROOT, name);
  if (!resolved.startsWith(ROOT + path.sep)) {
    return res.status(403).end();
  }
  // ok: js-flow-path
  fs.readFileSync(resolved);
});

app.get("/docs", async (req, res) => {
  const files = { wanted: req.query.file, index: "index.html" };
  // ok: js-flow-path
  await readFile(path.join(ROOT, files.index));
  // ruleid: js-flow-path
  await readFile(path.join(ROOT, files.wanted));
  let target = req.query.file;
  target = "README.md";
  // ok: js-flow-path
  fs.readFileSync(target);
  const page = Number(req.query.page);
  // ok: js-flow-path
  fs.readFileSync(`${ROOT}/page-${page}.html`);
  res.send(load(req.query.file));
});

function load(file) {
  // ruleid: js-flow-path
  return fs.readFileSync(path.join(ROOT, file), "utf8");
}
