const express = require("express");
const escapeHtml = require("escape-html");

const app = express();
const ALLOWED = ["/home", "/account"];

app.get("/login", (req, res) => {
  const next = req.query.next;
  if (req.session.user) {
    // ruleid: js-flow-redirect
    return res.redirect(next);
  }
  // ruleid: js-flow-redirect
  res.redirect(302, escapeHtml(next));
  // ok: js-flow-redirect
  res.redirect("/login?next=" + encodeURIComponent(next));
  // ok: js-flow-redirect
  res.redirect("/");
});

app.get("/go", (req, res) => {
  const target = req.query.to;
  if (!ALLOWED.includes(target)) {
    return res.redirect("/");
  }
  // ok: js-flow-redirect
  res.redirect(target);
});

// browser code
function goBack() {
  const params = new URLSearchParams(location.search);
  const dest = params.get("return");
  // ruleid: js-flow-redirect
  window.location = dest;
  // ruleid: js-flow-redirect
  location.href = dest;
  // ruleid: js-flow-redirect
  window.location.assign(location.hash.slice(1));
  // ok: js-flow-redirect
  location.href = "/home";
  if (dest.startsWith("/app/")) {
    // ok: js-flow-redirect
    location.href = dest;
  }
}

window.addEventListener("message", (event) => {
  // ruleid: js-flow-redirect
  document.location = event.data.url;
});
