const axios = require("axios");
const http = require("http");
const express = require("express");
const escapeHtml = require("escape-html");

const app = express();
const HOSTS = ["https://api.example.com", "https://cdn.example.com"];
const OFFLINE = false;

app.get("/proxy", async (req, res) => {
  const url = req.query.url;
  // ruleid: js-flow-ssrf
  const r = await fetch(url);
  // ruleid: js-flow-ssrf
  await axios.get(url);
  // ruleid: js-flow-ssrf
  http.get(escapeHtml(url), (resp) => resp.pipe(res));
  // ok: js-flow-ssrf
  await axios.get("https://api.example.com/search?q=" + encodeURIComponent(url));
  if (OFFLINE) {
    // ok: js-flow-ssrf
    await fetch(url);
  }
  if (!HOSTS.includes(url)) {
    return res.status(400).end();
  }
  // ok: js-flow-ssrf
  await fetch(url);
  res.send(await r.text());
});

app.post("/hook", async (req, res) => {
  const cfg = { target: req.body.target, base: "https://hooks.example.com" };
  // ok: js-flow-ssrf
  await axios.post(cfg.base, {});
  // ruleid: js-flow-ssrf
  await axios({ url: cfg.target, method: "post" });
  await notify(req.body.callback);
  res.end();
});

async function notify(address) {
  // ruleid: js-flow-ssrf
  return fetch(address, { method: "POST" });
}
