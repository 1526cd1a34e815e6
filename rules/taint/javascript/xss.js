const express = require("express");
const Koa = require("koa");
const escapeHtml = require("escape-html");
const DOMPurify = require("dompurify");
const { quote } = require("shell-quote");

const app = express();
const SHOW_DEBUG = false;

app.get("/hello", (req, res) => {
  const name = req.query.name;
  // ruleid: js-flow-xss
  res.send(`<h1>Hello ${name}</h1>`);
  // ok: js-flow-xss
  res.send(`<h1>Hello ${escapeHtml(name)}</h1>`);
  // ruleid: js-flow-xss
  res.status(200).send("<p>" + quote([name]) + "</p>");
  // ok: js-flow-xss
  res.json({ name });
  // ruleid: js-flow-xss
  res.write(name);
  if (SHOW_DEBUG) {
    // ok: js-flow-xss
    res.send(name);
  }
  const page = { title: "Home", body: name };
  // ok: js-flow-xss
  res.send(page.title);
  // ruleid: js-flow-xss
  res.send(page.body);
});

const koa = new Koa();
koa.use(async (ctx) => {
  // ruleid: js-flow-xss
  ctx.body = `<p>${ctx.query.q}</p>`;
  // ok: js-flow-xss
  ctx.body = `<p>${escapeHtml(ctx.query.q)}</p>`;
});

// browser code
function render(el) {
  const q = new URLSearchParams(document.location.search).get("q");
  // ruleid: js-flow-xss
  el.innerHTML = "<b>" + q + "</b>";
  // ok: js-flow-xss
  el.innerHTML = DOMPurify.sanitize(q);
  // ok: js-flow-xss
  el.textContent = q;
  // ruleid: js-flow-xss
  document.write(document.referrer);
  // ruleid: js-flow-xss
  el.insertAdjacentHTML("beforeend", q);
  showMessage(el, location.hash);
}

function showMessage(el, text) {
  // ruleid: js-flow-xss
  el.outerHTML = `<div>${text}</div>`;
}

window.onmessage = function (e) {
  // ruleid: js-flow-xss
  document.getElementById("out").innerHTML = e.data;
};
