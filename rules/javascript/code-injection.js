'use strict';
const express = require('express');
const vm = require('vm');

const app = express();
app.use(express.json());

app.get('/calc', (req, res) => {
  // ruleid: js-eval-dynamic
  const total = eval(req.query.expr);
  // ruleid: js-eval-dynamic
  const sum = eval(`${req.query.a} + ${req.query.b}`);
  // ruleid: js-eval-dynamic
  const legacy = window.eval('compute(' + req.query.a + ')');
  // ok: js-eval-dynamic
  const constant = eval('1 + 2');
  // ok: js-eval-dynamic
  const tpl = eval(`typeof window`);
  // ok: js-eval-dynamic
  const evaluated = evaluator.eval(req.query.expr);
  // ok: js-eval-dynamic
  const parsed = JSON.parse(req.query.data);
  res.json({ total, sum, legacy, constant, tpl, evaluated, parsed });
});

app.post('/report', (req, res) => {
  // ruleid: js-function-constructor-dynamic
  const pick = new Function('row', `return row.${req.body.field}`);
  // ruleid: js-function-constructor-dynamic
  const fn = Function(req.body.args, 'return 1');
  // ok: js-function-constructor-dynamic
  const add = new Function('a', 'b', 'return a + b');
  // ok: js-function-constructor-dynamic
  const f2 = new FunctionWrapper(req.body.code);
  res.json({ pick, fn, add, f2 });
});

function schedule(params, name) {
  // ruleid: js-timer-string-code
  setTimeout("showMessage('" + params.get('msg') + "')", 500);
  // ruleid: js-timer-string-code
  window.setInterval(`refresh("${name}")`, 1000);
  // ok: js-timer-string-code
  setTimeout(() => showMessage(params.get('msg')), 500);
  // ok: js-timer-string-code
  setTimeout(handler || noop, 100);
  // ok: js-timer-string-code
  setTimeout(refresh, delay + 100);
}

app.post('/sandbox', (req, res) => {
  // ruleid: js-vm-dynamic-code
  const out = vm.runInNewContext(req.body.expression, { Math });
  // ruleid: js-vm-dynamic-code
  const script = new vm.Script(`(${req.body.code})()`);
  // ruleid: js-vm-dynamic-code
  vm.runInThisContext(source);
  // ok: js-vm-dynamic-code
  const version = vm.runInNewContext('process.version', {});
  // ok: js-vm-dynamic-code
  const ctx = vm.createContext({ Math });
  res.json({ out, script, version, ctx });
});

module.exports = app;
