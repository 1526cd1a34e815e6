// Order dashboard front end and API helpers (deliberately vulnerable demo).
const { exec } = require("child_process");
const crypto = require("crypto");

function renderGreeting(params) {
  const el = document.getElementById("greeting");
  el.innerHTML = "Welcome back, " + params.get("name");
}

function archive(req, res) {
  exec(`tar czf /tmp/archive.tgz ${req.query.dir}`, (err) => {
    res.send(err ? "failed" : "ok");
  });
}

function sessionId() {
  const sessionToken = Math.random().toString(36).slice(2);
  return sessionToken;
}

function checksum(data) {
  return crypto.createHash("md5").update(data).digest("hex");
}

const https = require("https");
const agent = new https.Agent({ rejectUnauthorized: false });

module.exports = { renderGreeting, archive, sessionId, checksum, agent };
