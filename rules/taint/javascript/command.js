const cp = require("child_process");
const { exec, execFile, spawn } = require("node:child_process");
const { quote } = require("shell-quote");
const escapeHtml = require("escape-html");
const express = require("express");

const app = express();
const HOSTS = ["alpha", "beta"];
const MODE = "safe";

app.get("/ping", (req, res) => {
  const host = req.query.host;
  // ruleid: js-flow-command
  cp.exec("ping -c 1 " + host);
  const cmd = `nslookup ${host}`;
  // ruleid: js-flow-command
  exec(cmd, (err, out) => res.send("done"));
  // ok: js-flow-command
  execFile("ping", ["-c", "1", host]);
  // ruleid: js-flow-command
  spawn("ping", ["-c", "1", host], { shell: true });
  // ok: js-flow-command
  spawn("ping", ["-c", "1", host], { shell: false });
  // ok: js-flow-command
  exec("ping -c 1 " + quote([host]));
  // ruleid: js-flow-command
  exec("ping -c 1 " + escapeHtml(host));
  res.send("ok");
});

app.post("/guarded", (req, res) => {
  const { host, name } = req.body;
  if (!HOSTS.includes(host)) {
    return res.status(400).send("bad host");
  }
  // ok: js-flow-command
  exec("ping " + host);
  if (!/^[a-z]+$/.test(name)) {
    return res.status(400).end();
  }
  // ok: js-flow-command
  exec("id " + name);
  const partial = req.body.partial;
  if (!/^[a-z]+/.test(partial)) {
    return res.status(400).end();
  }
  // ruleid: js-flow-command
  exec("id " + partial);
  res.end();
});

app.get("/dead", (req, res) => {
  let arg = req.query.arg;
  if (MODE === "unsafe") {
    // ok: js-flow-command
    exec("run " + arg);
  }
  const opts = { user: arg, cmd: "uptime" };
  // ok: js-flow-command
  exec(opts.cmd);
  // ruleid: js-flow-command
  exec(opts.user);
  // ruleid: js-flow-command
  exec(opts["user"]);
  arg = "ls";
  // ok: js-flow-command
  exec(arg);
  const count = parseInt(req.query.n, 10);
  // ok: js-flow-command
  exec(`seq ${count}`);
  res.end();
});

function runTool(name) {
  // ruleid: js-flow-command
  return cp.execSync("tool --name " + name);
}

function quotedTool(name) {
  // ok: js-flow-command
  return cp.execSync("tool --name " + quote([name]));
}

app.get("/tool/:name", (req, res) => {
  quotedTool(req.params.name);
  res.send(runTool(req.params.name));
});

// a command-line tool: argv is local input (a warning, not an error)
// ruleid: js-flow-command
cp.execSync(`git log ${process.argv[2]}`);
