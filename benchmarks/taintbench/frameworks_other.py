"""FastAPI, ``http.server``, WSGI and command-line scripts (see frameworks.py for the interface)."""

from __future__ import annotations

from .frameworks import ROUTE_WORDS, Framework, _indent, _module
from .model import Case


def _param(case: Case, decl: str) -> None:
    if decl not in case.params:
        case.params.append(decl)


class FastAPI(Framework):
    name, weight = "fastapi", 15
    caps = frozenset({"web", "session", "json"})

    def setup(self, case, key):
        case.imp("from fastapi import FastAPI")
        case.method = case.pick(["GET", "POST"])
        case.route = "/" + case.pick(ROUTE_WORDS)
        case.is_async = case.chance(0.5)

    def request(self, case):
        case.imp("from fastapi import Request")
        _param(case, "request: Request")
        return "request"

    def source(self, case, kind, key):
        if kind == "bytes":
            choice = case.pick(["body", "file", "upload"])
            if choice == "body":
                case.is_async = True
                return f"await {self.request(case)}.body()"
            case.imp("from fastapi import File")
            if choice == "file":
                _param(case, f"{key}: bytes = File(...)")
                return key
            case.imp("from fastapi import UploadFile")
            case.is_async = True
            _param(case, f"{key}: UploadFile = File(...)")
            return f"await {key}.read()"
        if kind == "json":
            case.imp("from fastapi import Body")
            _param(case, "payload: dict = Body(...)")
            return f'payload["{key}"]'
        choice = case.pick(["plain", "query", "query", "path", "form", "header", "cookie", "request", "model"])
        if choice == "path":
            case.route += "/{" + key + "}"
            _param(case, f"{key}: str")
            return key
        if choice == "request":
            return case.pick([f'{self.request(case)}.query_params.get("{key}", "")',
                              f'{self.request(case)}.headers.get("x-{key}", "")',
                              f'{self.request(case)}.cookies.get("{key}", "")'])
        if choice == "model":
            case.imp("from pydantic import BaseModel")
            model = "".join(w.title() for w in key.split("_")) + "In"
            case.block(f"class {model}(BaseModel):\n    {key}: str")
            case.method = "POST"
            _param(case, f"body: {model}")
            return f"body.{key}"
        decl = {
            "plain": f"{key}: str",
            "query": f'{key}: str = Query(default="")',
            "form": f"{key}: str = Form(...)",
            "header": f'{key}: str = Header(default="")',
            "cookie": f'{key}: str = Cookie(default="")',
        }[choice]
        for dep in ("Query", "Form", "Header", "Cookie"):
            if f"{dep}(" in decl:
                case.imp(f"from fastapi import {dep}")
        if choice == "form":
            case.method = "POST"
        _param(case, decl)
        return key

    def ok(self, case):
        return [case.pick(['return {"status": "ok"}', 'return {"ok": True}'])]

    def fail(self, case):
        case.imp("from fastapi import HTTPException")
        code = case.pick(["400", "403", "422"])
        return [f'raise HTTPException(status_code={code}, detail="invalid parameter")']

    def json(self, case, key, expr):
        return [f'return {{"{key}": {expr}}}']

    def html(self, case, expr):
        case.imp("from fastapi.responses import HTMLResponse")
        return [case.pick([f"return HTMLResponse(content={expr})", f"return HTMLResponse({expr})"])]

    def redirect(self, case, expr):
        case.imp("from fastapi.responses import RedirectResponse")
        return [case.pick([f"return RedirectResponse(url={expr})", f"return RedirectResponse({expr})"])]

    def _response(self, case):
        case.imp("from fastapi import Response")
        _param(case, "response: Response")
        return "response"

    def header(self, case, name, expr):
        return [f'{self._response(case)}.headers["{name}"] = {expr}', 'return {"status": "ok"}']

    def cookie(self, case, name, expr):
        return [f'{self._response(case)}.set_cookie(key="{name}", value={expr}, httponly=True)',
                'return {"status": "ok"}']

    def session_set(self, case, key, expr):
        return [f'{self.request(case)}.session["{key}"] = {expr}']

    def send_file(self, case, expr):
        case.imp("from fastapi.responses import FileResponse")
        return [f"return FileResponse({expr})"]

    def render(self, case, handler):
        params = sorted(case.params, key=lambda p: "=" in p)  # non-defaults first
        verb = case.method.lower()
        kw = "async def" if case.is_async else "def"
        body = _indent(case.body, "    ")
        return _module(case, "app = FastAPI()",
                       f'@app.{verb}("{case.route}")\n{kw} {handler}({", ".join(params)}):\n{body}')


class HttpServer(Framework):
    name, weight = "http.server", 5
    caps = frozenset({"web", "json"})

    def setup(self, case, key):
        case.imp("from http.server import BaseHTTPRequestHandler, HTTPServer")
        case.method = case.pick(["GET", "POST"])

    def source(self, case, kind, key):
        length = 'int(self.headers.get("Content-Length", 0))'
        if kind == "bytes":
            return f"self.rfile.read({length})"
        if kind == "json":
            case.imp("import json")
            return f'json.loads(self.rfile.read({length}))["{key}"]'
        if case.chance(0.7):
            case.imp("from urllib.parse import parse_qs, urlparse")
            return f'parse_qs(urlparse(self.path).query).get("{key}", [""])[0]'
        return f'self.headers.get("X-{key.title()}", "")'

    def ok(self, case):
        return ["self.send_response(200)", "self.end_headers()", 'self.wfile.write(b"ok")']

    def fail(self, case):
        return ["self.send_error(400, \"invalid parameter\")", "return"]

    def json(self, case, key, expr):
        case.imp("import json")
        return ["self.send_response(200)", 'self.send_header("Content-Type", "application/json")',
                "self.end_headers()", f'self.wfile.write(json.dumps({{"{key}": {expr}}}).encode())']

    def html(self, case, expr):
        return ["self.send_response(200)", 'self.send_header("Content-Type", "text/html; charset=utf-8")',
                "self.end_headers()", f"self.wfile.write(({expr}).encode())"]

    def redirect(self, case, expr):
        return ["self.send_response(302)", f'self.send_header("Location", {expr})', "self.end_headers()"]

    def header(self, case, name, expr):
        return ["self.send_response(200)", f'self.send_header("{name}", {expr})', "self.end_headers()"]

    def cookie(self, case, name, expr):
        return ["self.send_response(200)", f'self.send_header("Set-Cookie", "{name}=" + {expr} + "; HttpOnly")',
                "self.end_headers()"]

    def send_file(self, case, expr):
        return [f'with open({expr}, "rb") as fh:', "    payload = fh.read()", "self.send_response(200)",
                "self.end_headers()", "self.wfile.write(payload)"]

    def render(self, case, handler):
        cls = case.pick(["Handler", "AppHandler", "RequestHandler", "ApiHandler"])
        body = _indent(case.body, "        ")
        tail = f'if __name__ == "__main__":\n    HTTPServer(("127.0.0.1", 8080), {cls}).serve_forever()'
        return _module(case, "", f"class {cls}(BaseHTTPRequestHandler):\n    def do_{case.method}(self):\n{body}",
                       tail)


class Wsgi(Framework):
    name, weight = "wsgi", 2
    caps = frozenset({"web"})

    def source(self, case, kind, key):
        if kind == "bytes":
            return 'environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))'
        if kind == "json":
            case.imp("import json")
            return f'json.loads(environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0)))["{key}"]'
        if case.chance(0.7):
            case.imp("from urllib.parse import parse_qs")
            return f'parse_qs(environ.get("QUERY_STRING", "")).get("{key}", [""])[0]'
        return f'environ.get("HTTP_X_{key.upper()}", "")'

    def ok(self, case):
        return ['start_response("200 OK", [("Content-Type", "text/plain")])', 'return [b"ok"]']

    def fail(self, case):
        return ['start_response("400 Bad Request", [("Content-Type", "text/plain")])', 'return [b"invalid"]']

    def html(self, case, expr):
        return ['start_response("200 OK", [("Content-Type", "text/html")])', f"return [({expr}).encode()]"]

    def redirect(self, case, expr):
        return [f'start_response("302 Found", [("Location", {expr})])', 'return [b""]']

    def header(self, case, name, expr):
        return [f'start_response("200 OK", [("Content-Type", "text/plain"), ("{name}", {expr})])',
                'return [b"ok"]']

    def cookie(self, case, name, expr):
        return [f'start_response("200 OK", [("Set-Cookie", "{name}=" + {expr})])', 'return [b"ok"]']

    def send_file(self, case, expr):
        return [f'with open({expr}, "rb") as fh:', "    payload = fh.read()",
                'start_response("200 OK", [("Content-Type", "application/octet-stream")])', "return [payload]"]

    def render(self, case, handler):
        body = _indent(case.body, "    ")
        return _module(case, "", f"def application(environ, start_response):\n{body}")


class Script(Framework):
    name, weight = "script", 5
    caps = frozenset()

    def setup(self, case, key):
        case.imp("import sys")

    def source(self, case, kind, key):
        if kind == "bytes":
            case.imp("import base64")
            return case.pick(["sys.stdin.buffer.read()", "base64.b64decode(sys.argv[1])"])
        if kind == "json":
            case.imp("import json")
            return f'json.loads(sys.argv[1])["{key}"]'
        choice = case.pick(["argv", "argv", "input", "input", "argparse"])
        if choice == "argv":
            return case.pick(["sys.argv[1]", 'sys.argv[2] if len(sys.argv) > 2 else ""'])
        if choice == "input":
            return case.pick([f'input("{key}: ")', f'input("Enter {key}: ").strip()'])
        case.imp("import argparse")
        case.block(f'parser = argparse.ArgumentParser(description="{key} tool")\nparser.add_argument("{key}")')
        return f"parser.parse_args().{key}"

    def ok(self, case):
        return [case.pick(['print("done")', 'print("ok")']), "return 0"]

    def fail(self, case):
        return case.pick([['print("invalid input", file=sys.stderr)', "return 2"], ['sys.exit("invalid input")'],
                          ["raise SystemExit(2)"]])

    def json(self, case, key, expr):
        return [f"print({expr})", "return 0"]

    def render(self, case, handler):
        body = _indent(case.body, "    ")
        tail = 'if __name__ == "__main__":\n    sys.exit(main())'
        return _module(case, "", f"def main():\n{body}", tail)


ALL = [FastAPI(), HttpServer(), Wsgi(), Script()]
