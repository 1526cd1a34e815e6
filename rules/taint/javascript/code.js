const vm = require("vm");
const express = require("express");
const escapeHtml = require("escape-html");

const app = express();
const DEBUG = false;
const OPS = ["add", "sub"];

app.get("/calc", (req, res) => {
  const expr = req.query.expr;
  // ruleid: js-flow-code
  res.json({ result: eval(expr) });
  // ruleid: js-flow-code
  const fn = new Function("x", "return " + expr);
  // ruleid: js-flow-code
  vm.runInNewContext(`(${expr})`, {});
  // ruleid: js-flow-code
  setTimeout("update(" + expr + ")", 100);
  // ok: js-flow-code
  setTimeout(() => res.end(), 100);
  // ok: js-flow-code
  eval(String(parseInt(expr, 10)));
  // ruleid: js-flow-code
  eval(escapeHtml(expr));
  if (DEBUG) {
    // ok: js-flow-code
    eval(expr);
  }
});

app.post("/op", (req, res) => {
  const op = req.body.op;
  if (!OPS.includes(op)) {
    return res.status(400).end();
  }
  // ok: js-flow-code
  eval(`ops.${op}(1, 2)`);
  const table = { code: req.body.code, fixed: "1 + 1" };
  // ok: js-flow-code
  eval(table.fixed);
  // ruleid: js-flow-code
  eval(table.code);
  let src = req.body.src;
  src = "2 * 3";
  // ok: js-flow-code
  eval(src);
  compile(req.body.src);
  res.end();
});

function compile(text) {
  // ruleid: js-flow-code
  return new vm.Script(text);
}
