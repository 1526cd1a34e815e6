const express = require("express");
const escapeHtml = require("escape-html");

const app = express();
const LANGS = ["en", "de"];

app.get("/lang", (req, res) => {
  const lang = req.query.lang;
  // ruleid: js-flow-header
  res.setHeader("Content-Language", lang);
  // ruleid: js-flow-header
  res.set("X-Lang", escapeHtml(lang));
  // ok: js-flow-header
  res.set("X-Lang", encodeURIComponent(lang));
  // ok: js-flow-header
  res.setHeader("X-Frame-Options", "DENY");
  if (LANGS.includes(lang)) {
    // ok: js-flow-header
    res.setHeader("Content-Language", lang);
  }
  setLang(res, req.query.lang);
  res.end();
});

function setLang(response, value) {
  // ruleid: js-flow-header
  response.setHeader("Content-Language", value);
}

app.get("/tags", (req, res) => {
  // an array in a template literal prints its items raw (no repr as in Python)
  // ruleid: js-flow-header
  res.setHeader("X-Tags", `${[req.query.tag, "default"]}`);
  res.end();
});
