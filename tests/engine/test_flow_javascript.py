"""Flow rules on JavaScript, TypeScript and TSX: the adapter's model, and findings end to end."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ztlint.engine import analyze, config, languages
from ztlint.engine.flow import ir, javascript


def lower(src: str, language: str = "javascript") -> ir.Module:
    tree = languages.parser(language).parse(textwrap.dedent(src).lstrip("\n").encode())
    return javascript.lower(tree.root_node)


def fn(module: ir.Module, name: str) -> ir.Function:
    return next(f for f in module.functions if f.name == name)


def shown(e: ir.Expr) -> str:
    """A compact text of an expression, for assertions."""
    if isinstance(e, ir.Name):
        return e.id
    if isinstance(e, ir.Const):
        return repr(e.value)
    if isinstance(e, ir.Attr):
        return f"{shown(e.obj)}.{e.name}"
    if isinstance(e, ir.Index):
        return f"{shown(e.obj)}[{shown(e.key) if e.key is not None else ''}]"
    if isinstance(e, ir.Call):
        return f"{shown(e.func)}({', '.join(shown(a) for a in e.args)})"
    if isinstance(e, ir.Op):
        return f"{e.op}({', '.join(shown(i) for i in e.items)})"
    if isinstance(e, ir.BoolOp):
        return f"{e.op}({', '.join(shown(i) for i in e.items)})"
    return type(e).__name__


def assigns(stmts) -> list[str]:
    return [f"{', '.join(shown(t) for t in s.targets)} = {shown(s.value)}"
            for s in stmts if isinstance(s, ir.Assign)]


def flows(src: str, bundled, path: str = "app.js") -> list[tuple[str, int]]:
    source = textwrap.dedent(src).lstrip("\n").encode()
    result = analyze.analyze(source, path, bundled, config.Config(root=Path(".")))
    return sorted((f.rule_id, f.line) for f in result.findings if "-flow-" in f.rule_id)


def analysed(src: str, bundled, path: str = "app.js"):
    source = textwrap.dedent(src).lstrip("\n").encode()
    return analyze.analyze(source, path, bundled, config.Config(root=Path(".")))


# -- the model ------------------------------------------------------------------------------

def test_imports_from_require_and_es_modules():
    m = lower("""
        const cp = require("node:child_process"), { exec: run, spawn } = require("child_process");
        const readFile = require("fs/promises").readFile;
        import express from "express";
        import * as path from "path";
        import { quote as q } from "shell-quote";
        import esc from "escape-html";
        import { Router } from "@koa/router";
        """)
    assert m.imports == {"cp": "child_process", "run": "child_process.exec",
                         "spawn": "child_process.spawn", "readFile": "fs.promises.readFile",
                         "express": "express", "path": "path", "q": "shell_quote.quote",
                         "esc": "escape_html", "Router": "koa.router.Router"}
    assert fn(m, "<module>").body == []  # imports bind no locals


def test_functions_methods_and_callbacks_are_functions_of_their_own():
    m = lower("""
        function helper(a) { return a; }
        const arrow = (x) => x + 1;
        const expr = function (y) { return y; };
        class Store extends Base {
          get(key) { return this.load(key); }
          static make() {}
          handle = (req) => req;
        }
        const api = { list(q) {}, remove: (id) => id };
        app.get("/x", (req, res) => { res.send(req.query.a); });
        window.addEventListener("message", function (event) {});
        window.onmessage = (e) => e.data;
        function named(req, res) { function inner() {} }
        router.post("/y", named);
        export default function (req, res) {}
        """)
    names = {f.name: f for f in m.functions}
    for name in ("helper", "arrow", "expr", "Store.get", "Store.make", "Store.handle", "api.list",
                 "api.remove", "named", "named.<locals>.inner", "default"):
        assert name in names, name
    assert m.classes["Store"] == ["Base"] and "api" in m.classes
    get = names["Store.get"]
    assert get.class_name == "Store" and [(p.name, p.kind) for p in get.params] == [
        ("this", "self"), ("key", "plain")]
    assert [p.kind for p in names["Store.make"].params] == []  # static: no receiver
    # anonymous callbacks are named by their line within their statement (so a statement moved
    # by an edit keeps its names): ordered here by where they are in the file
    callbacks = sorted((f for f in m.functions if f.name.startswith("<callback@")),
                       key=lambda f: m.starts[f.name] + f.span[0])
    assert [f.registered_by for f in callbacks] == ["get", "addEventListener", "onmessage"]
    assert [p.name for p in callbacks[0].params] == ["req", "res"]
    assert names["named"].registered_by == "post"  # handed over by name
    assert isinstance(names["arrow"].body[0], ir.Return)  # an expression body returns it


def test_expressions_lower_onto_the_model():
    m = lower("""
        function f(req) {
          const a = `cmd ${req.query.x} and ${y}`;
          const b = "ls " + req.body.dir + "/";
          const c = new URL(req.url, base);
          const d = await fetch(req?.query?.["u"]);
          const e = g(...rest, z);
          const h = obj[k];
          const i = /^[a-z]+$/i;
          const j = x ?? "default";
          const k2 = !ok;
        }
        """)
    body = fn(m, "f").body
    assert assigns(body) == [
        "a = fstring(req.query.x, y)",
        "b = +('ls ', req.body.dir, '/')",
        "c = URL(req.url, base)",
        "d = fetch(req.query.u)",
        "e = g(z)",
        "h = obj[k]",
        "i = '/^[a-z]+$/i'",
        "j = or(x, 'default')",
        "k2 = Not",
    ]
    spread = body[4].value
    assert [shown(s) for s in spread.star] == ["rest"]


def test_destructuring_is_several_assignments():
    m = lower("""
        function f(req, { body }) {
          const { a, b: renamed, c = "x", ...rest } = req.query;
          const [first, , third] = list;
          const { deep: { inner } } = load();
        }
        """)
    f = fn(m, "f")
    assert [p.name for p in f.params] == ["req", "<arg1>"]
    assert assigns(f.body) == [
        "body = <arg1>.body",
        "a = req.query.a",
        "renamed = req.query.b",
        "c = or(req.query.c, 'x')",
        "rest = req.query",
        "first = list[0]",
        "third = list[2]",
        "{ deep: { inner } } = load()",  # evaluated once, then read field by field
        "inner = { deep: { inner } }.deep.inner",
    ]


def test_object_literals_store_slot_by_slot():
    m = lower("""
        function f(x) { const o = { cmd: "ls", user: x, nested: { v: x }, [k]: 1, ...more }; }
        """)
    assert assigns(fn(m, "f").body) == [
        "o = Dict", "o.cmd = 'ls'", "o.user = x", "o.nested = Dict", "o.nested.v = x",
        "o[k] = 1", "o[] = more"]


def test_control_flow_statements():
    m = lower("""
        function f(xs, o, x) {
          if (a) { b(); } else if (c) { d(); } else { e(); }
          for (const v of xs) { g(v); }
          for (const k in o) { break; }
          for (let i = 0; i < 3; i++) { continue; }
          while (w) {}
          do { h(); } while (u);
          try { risky(); } catch (err) { log(err); } finally { done(); }
          switch (x) { case "a": case "b": one(); break; case "c": two(); default: three(); }
          switch (x) { case LIMIT: one(); break; default: two(); }
          throw new Error("x");
        }
        """)
    body = fn(m, "f").body
    kinds = [type(s).__name__ for s in body]
    assert kinds == ["If", "Loop", "Loop", "Assign", "Loop", "Loop", "Loop", "Try", "Match", "If",
                     "Raise"]
    assert isinstance(body[0].orelse[0], ir.If)  # else if nests
    assert shown(body[1].target) == "v" and shown(body[1].iter) == "xs"
    assert isinstance(body[2].body[0], ir.Jump) and body[2].body[0].kind == "break"
    assert shown(body[4].test) == "Compare"
    assert body[7].handlers[0][0].id == "err" and body[7].final
    match = body[8]
    cases = [([c.value for c in lits] if lits is not None else None, len(stmts))
             for lits, _, stmts in match.cases]
    # the break ends a case; "c" falls through into the default's statements
    assert cases == [(["a", "b"], 1), (["c"], 2), (None, 1)]
    assert isinstance(body[9].test, ir.Compare)  # a case that is not a literal: an if chain


def test_deep_nesting_gives_a_note_not_a_crash(bundled):
    deep_array = "[" * 3000 + "1" + "]" * 3000
    deep_ifs = "if (a) {\n" * 1500 + "}\n" * 1500
    src = (f"function f(req) {{ const y = {deep_array}; }}\n"
           f"function g(req) {{\n{deep_ifs} }}\n"
           "function h(req) { require('child_process').exec(req.query.x); }\n")
    result = analysed(src, bundled)
    notes = [n for n in result.notes if "flow rules not run" in n]
    assert any("function f (line 1)" in n for n in notes)
    assert any("function g (line 2)" in n for n in notes)
    assert ("js-flow-command", 3 + 2 * 1500 + 1) in [(f.rule_id, f.line) for f in result.findings]


def test_deeply_nested_callbacks_are_lowered_one_by_one(bundled):
    src = "app.get('/', (req, res) => {\n" + "f(() => {\n" * 1500 + "}\n);" * 1500 + "});\n"
    m = lower(src)
    assert len(m.functions) == 1502 and not any(f.too_deep for f in m.functions)
    assert analysed(src, bundled).notes == []


@pytest.mark.parametrize("src", [
    "function h(req) {\n  const x = req.query.\n  exec(req.query.cmd\n  if (\n}\n",
    "app.get('/', (req, res) => { res.send(`${req.query.x`); \n",
    "class { m( { } ",
    "const { a, = req.query; switch (x) { case : } for (const of) {}",
])
def test_half_typed_code_does_not_crash(src, bundled):
    for language in ("javascript", "typescript", "tsx"):
        lower(src, language)
    analysed(src, bundled, "half.ts")


def test_whole_statements_next_to_an_error_still_report(bundled):
    src = """
        const { exec } = require("child_process");
        function h(req) {
          exec(req.query.cmd);
          const x = req.
        }
        """
    assert flows(src, bundled) == [("js-flow-command", 3)]


# -- findings ------------------------------------------------------------------------------

def test_typescript_and_tsx_share_the_javascript_models(bundled):
    _, js = bundled.flow_rules("javascript")
    for language in ("typescript", "tsx"):
        rules, model = bundled.flow_rules(language)
        assert model.sources == js.sources and model.sanitizers == js.sanitizers
        assert {r.id for r in rules} >= {"js-flow-command", "js-flow-xss", "js-flow-sql"}


def test_request_parameters_by_name_position_and_annotation(bundled):
    src = """
        import { exec } from "child_process";
        export function a(req, res) { exec(req.query.x); }
        export function b(err, req, res, next) { exec(req.body.x); }
        export function c(data, request) { exec(request.query.x); }
        export function d(ctx) { exec(ctx.request.query.x); }
        export function e(request: Request) { exec(request.params.x); }
        export function f(input: Request) { exec(input.query.x); }
        export function g(input: string) { exec(input.query); }
        """
    assert flows(src, bundled, "app.ts") == [
        ("js-flow-command", 2), ("js-flow-command", 3), ("js-flow-command", 5),
        ("js-flow-command", 6), ("js-flow-command", 7)]


def test_request_by_its_long_name_only_in_route_callbacks(bundled):
    # HTTP clients call their outgoing request `request` too
    src = """
        const { exec } = require("child_process");
        async function send(request) { exec(request.url); }
        fastify.get("/", async (request, reply) => { exec(request.query.x); reply.send(request.body); });
        """
    assert flows(src, bundled) == [("js-flow-command", 3), ("js-flow-xss", 3)]


def test_message_events_only_in_message_listeners(bundled):
    src = """
        window.addEventListener("message", onMessage);
        function onMessage(e) { eval(e.data); }
        function notAListener(e) { eval(e.data); }
        self.onmessage = (msg) => { eval(msg.data); };
        button.addEventListener("click", (ev) => { eval(ev.data.code); });
        """
    # a click event has no .data: harmless, but listed; a function nobody registers is not
    assert flows(src, bundled) == [("js-flow-code", 2), ("js-flow-code", 4), ("js-flow-code", 5)]


def test_a_shell_option_in_an_options_object(bundled):
    src = """
        const { spawn } = require("child_process");
        app.get("/", (req, res) => {
          spawn("ls", [req.query.dir], { shell: true });
          spawn("ls", [req.query.dir], { shell: false });
          spawn("ls", [req.query.dir]);
          spawn(req.query.prog, []);
        });
        """
    assert flows(src, bundled) == [("js-flow-command", 3), ("js-flow-command", 6)]


@pytest.mark.parametrize("check, safe", [
    ("/^[a-z]+$/.test(v)", True),
    ("/^[a-z]+$/m.test(v)", False),  # multi-line: $ matches before a newline
    ("/^a|b$/.test(v)", False),  # only the alternatives' ends are anchored
    ("/^[a-z]+/.test(v)", False),
    ("ALLOWED.includes(v)", True),
    ("new Set(ALLOWED).has(v)", True),
    ("v.includes('x')", False),
])
def test_guards_with_early_return(check, safe, bundled):
    src = f"""
        const {{ exec }} = require("child_process");
        const ALLOWED = ["a", "b"];
        app.get("/", (req, res) => {{
          const v = req.query.v;
          if (!({check})) {{
            return res.status(400).end();
          }}
          exec(v);
        }});
        """
    assert flows(src, bundled) == ([] if safe else [("js-flow-command", 8)])


def test_switch_on_a_constant_and_loops(bundled):
    src = """
        const { exec } = require("child_process");
        const MODE = "safe";
        app.get("/", (req, res) => {
          switch (MODE) {
            case "unsafe": exec(req.query.a); break;
            default: exec("ls");
          }
          for (const item of req.body.items) { exec(item); }
          try { exec(req.query.t); } catch (e) { exec(e.message); }
        });
        """
    assert flows(src, bundled) == [("js-flow-command", 8), ("js-flow-command", 9)]


def test_class_methods_and_object_methods_carry_summaries(bundled):
    src = """
        const cp = require("child_process");
        const tools = { run(cmd) { cp.execSync(cmd); }, safe(cmd) { return 1; } };
        class Runner {
          go(req) { this.exec(req.query.c); }
          exec(line) { cp.execSync("x " + line); }
        }
        app.get("/", (req, res) => { tools.run(req.query.c); tools.safe(req.query.c); });
        """
    assert flows(src, bundled) == [("js-flow-command", 2), ("js-flow-command", 5)]


def test_closures_are_not_followed(bundled):
    # a callback does not see its enclosing function's locals (a documented limit)
    src = """
        const { exec } = require("child_process");
        app.get("/", (req, res) => {
          const cmd = req.query.cmd;
          [1].forEach(() => exec(cmd));
          exec(cmd);
        });
        """
    assert flows(src, bundled) == [("js-flow-command", 5)]


def test_incremental_js_flow_findings_equal_a_full_analysis_after_random_edits():
    import random

    from ztlint.engine import analyze, config, rules
    from ztlint.engine.incremental import IncrementalDocument
    ruleset = rules.load_rules(rules.default_rule_dirs())
    cfg = config.Config(root=Path("."))
    src = (Path(__file__).parents[2] / "rules/taint/javascript/xss.js").read_bytes()
    doc = IncrementalDocument(src, "x.js", "javascript", ruleset, cfg)
    rnd = random.Random(11)
    snippets = [b"\n", b"x", b"  res.send(req.query.q);\n", b"// c\n", b"", b"app.get('/', (req, res) => {\n"]
    key = lambda fs: sorted((f.rule_id, f.start_byte, f.end_byte, f.message,  # noqa: E731
                             tuple((s.start_byte, s.end_byte, s.message) for s in f.flow)) for f in fs)
    for _ in range(40):
        lines = doc.source.split(b"\n")
        row = rnd.randrange(len(lines))
        at = sum(len(x) + 1 for x in lines[:row])
        doc.edit(at, at + rnd.choice([0, 0, min(3, len(lines[row]))]), rnd.choice(snippets))
        got = doc.analyze()
        want = analyze.analyze(doc.source, "x.js", ruleset, cfg, language="javascript")
        assert key(got) == key(want.findings)
