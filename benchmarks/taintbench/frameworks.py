"""Frameworks: where user input comes from, how a handler answers, and how the file is laid out.

Each framework turns a Case into a whole module. Capabilities say which sinks make sense:
``web`` (HTML body, redirect, response header, cookie), ``session`` (server-side session).
"""

from __future__ import annotations

from .model import Case

ROUTE_WORDS = ["report", "search", "files", "admin", "profile", "tools", "export", "api", "items", "hooks"]


class Framework:
    name = "?"
    caps: frozenset = frozenset()
    weight = 1

    def setup(self, case: Case, key: str) -> None:
        """Choose route, method and handler shape."""

    def source(self, case: Case, kind: str, key: str) -> str:
        raise NotImplementedError

    def render(self, case: Case, handler: str) -> str:
        raise NotImplementedError

    # responses (lists of body lines)
    def ok(self, case: Case) -> list[str]:
        raise NotImplementedError

    def fail(self, case: Case) -> list[str]:
        raise NotImplementedError

    def json(self, case: Case, key: str, expr: str) -> list[str]:
        return self.ok(case)


def _imports(case: Case) -> str:
    plain = sorted(i for i in case.imports if i.startswith("import "))
    froms: dict[str, set] = {}
    for i in case.imports:
        if i.startswith("from "):
            mod, names = i[5:].split(" import ")
            froms.setdefault(mod, set()).update(n.strip() for n in names.split(","))
    lines = plain + [f"from {m} import {', '.join(sorted(n))}" for m, n in sorted(froms.items())]
    return "\n".join(lines)


def _module(case: Case, head: str, handler: str, tail: str = "") -> str:
    parts = [_imports(case), head.strip("\n")] + [b.strip("\n") for b in case.blocks] + [handler.rstrip()]
    if tail:
        parts.append(tail.strip("\n"))
    return "\n\n\n".join(p for p in parts if p) + "\n"


def _indent(lines: list[str], pad: str) -> str:
    return "\n".join(pad + line if line else "" for line in lines)


class Flask(Framework):
    name, weight = "flask", 55
    caps = frozenset({"web", "session", "json"})

    def setup(self, case, key):
        case.imp("from flask import Flask, request")
        case.method = case.pick(["GET", "GET", "POST"])
        case.route = "/" + case.pick(ROUTE_WORDS)
        case.app = case.pick(["app", "app", "app", "bp"])

    def source(self, case, kind, key):
        if kind == "bytes":
            choice = case.pick(["get_data", "data", "files", "cookie64"])
            if choice == "files":
                return f'request.files["{key}"].read()'
            if choice == "cookie64":
                case.imp("import base64")
                return f'base64.b64decode(request.cookies.get("{key}", ""))'
            return "request.get_data()" if choice == "get_data" else "request.data"
        if kind == "json":
            return case.pick([f'request.get_json()["{key}"]', f'request.json.get("{key}")',
                              f'(request.get_json(silent=True) or {{}}).get("{key}", 0)'])
        choice = case.pick(["args_get", "args_get", "args_item", "form", "form_get", "values", "cookies",
                            "headers", "json", "route", "route", "get_data"])
        if choice == "route":
            case.route += f"/<{key}>" if case.chance(0.7) else f"/<path:{key}>"
            case.params.append(key)
            return key
        hdr = "X-" + key.replace("_", "-").title()
        return {
            "args_get": f'request.args.get("{key}", "")',
            "args_item": f'request.args["{key}"]',
            "form": f'request.form["{key}"]',
            "form_get": f'request.form.get("{key}", "")',
            "values": f'request.values.get("{key}", "")',
            "cookies": f'request.cookies.get("{key}", "")',
            "headers": f'request.headers.get("{hdr}", "")',
            "json": f'request.get_json()["{key}"]',
            "get_data": "request.get_data(as_text=True)",
        }[choice]

    def ok(self, case):
        if case.chance(0.5):
            case.imp("from flask import jsonify")
            return ['return jsonify(status="ok")']
        return [case.pick(['return "ok"', 'return "", 204', 'return {"status": "done"}'])]

    def fail(self, case):
        style = case.pick(["abort400", "abort403", "tuple", "raise"])
        if style.startswith("abort"):
            case.imp("from flask import abort")
            return [f"abort({style[5:]})"]
        if style == "raise":
            case.imp("from werkzeug.exceptions import BadRequest")
            return ['raise BadRequest("invalid parameter")']
        return ['return "invalid request", 400']

    def json(self, case, key, expr):
        case.imp("from flask import jsonify")
        return [f"return jsonify({key}={expr})"]

    def html(self, case, expr):
        style = case.pick(["plain", "plain", "make_response", "markup"])
        if style == "make_response":
            case.imp("from flask import make_response")
            r = case.name("resp", "response")
            return [f"{r} = make_response({expr})", f'{r}.headers["Content-Type"] = "text/html"', f"return {r}"]
        if style == "markup":
            case.imp("from markupsafe import Markup")
            return [f"return Markup({expr})"]
        return [f"return {expr}"]

    def redirect(self, case, expr):
        case.imp("from flask import redirect")
        return [f"return redirect({expr})" if case.chance(0.7) else f"return redirect({expr}, code=302)"]

    def header(self, case, name, expr):
        if case.chance(0.3):
            return [f'return "ok", 200, {{"{name}": {expr}}}']
        case.imp("from flask import make_response")
        r = case.name("resp", "response")
        return [f'{r} = make_response("ok")', f'{r}.headers["{name}"] = {expr}', f"return {r}"]

    def cookie(self, case, name, expr):
        case.imp("from flask import make_response")
        r = case.name("resp", "response")
        return [f'{r} = make_response("ok")', f'{r}.set_cookie("{name}", {expr}, httponly=True)', f"return {r}"]

    def session_set(self, case, key, expr):
        case.imp("from flask import session")
        return [f'session["{key}"] = {expr}']

    def send_file(self, case, expr):
        case.imp("from flask import send_file")
        return [f"return send_file({expr})"]

    def render(self, case, handler):
        params = ", ".join(case.params)
        deco = case.route
        if case.app == "bp":
            case.imp("from flask import Blueprint")
            head = 'bp = Blueprint("main", __name__)'
        else:
            head = "app = Flask(__name__)"
        verb = case.pick(["route"] if case.method == "GET" else ["route", "post"])
        if verb == "route":
            meth = ", methods=[\"POST\"]" if case.method == "POST" else ""
            dec = f'@{case.app}.route("{deco}"{meth})'
        else:
            dec = f'@{case.app}.post("{deco}")'
        body = _indent(case.body, "    ")
        return _module(case, head, f"{dec}\ndef {handler}({params}):\n{body}")


class Django(Framework):
    name, weight = "django", 18
    caps = frozenset({"web", "session", "json", "django"})

    def setup(self, case, key):
        case.cbv = case.chance(0.25)
        case.method = case.pick(["GET", "POST"])

    def source(self, case, kind, key):
        if kind == "bytes":
            return case.pick(["request.body", f'request.FILES["{key}"].read()'])
        if kind == "json":
            case.imp("import json")
            return f'json.loads(request.body)["{key}"]'
        meta = "HTTP_X_" + key.upper()
        choice = case.pick(["GET", "GET", "GET_item", "POST", "COOKIES", "META", "headers", "kwarg", "kwarg"])
        if choice == "kwarg":
            case.params.append(key)
            return key
        return {
            "GET": f'request.GET.get("{key}", "")',
            "GET_item": f'request.GET["{key}"]',
            "POST": f'request.POST.get("{key}", "")',
            "COOKIES": f'request.COOKIES.get("{key}", "")',
            "META": f'request.META.get("{meta}", "")',
            "headers": f'request.headers.get("X-{key.title()}", "")',
        }[choice]

    def ok(self, case):
        if case.chance(0.5):
            case.imp("from django.http import JsonResponse")
            return ['return JsonResponse({"status": "ok"})']
        case.imp("from django.http import HttpResponse")
        return ['return HttpResponse("ok")']

    def fail(self, case):
        style = case.pick(["bad", "forbidden", "denied", "suspicious"])
        if style == "bad":
            case.imp("from django.http import HttpResponseBadRequest")
            return ['return HttpResponseBadRequest("invalid parameter")']
        if style == "forbidden":
            case.imp("from django.http import HttpResponseForbidden")
            return ["return HttpResponseForbidden()"]
        if style == "denied":
            case.imp("from django.core.exceptions import PermissionDenied")
            return ["raise PermissionDenied"]
        case.imp("from django.core.exceptions import SuspiciousOperation")
        return ['raise SuspiciousOperation("invalid parameter")']

    def json(self, case, key, expr):
        case.imp("from django.http import JsonResponse")
        return [f'return JsonResponse({{"{key}": {expr}}})']

    def html(self, case, expr):
        case.imp("from django.http import HttpResponse")
        return [f"return HttpResponse({expr})"]

    def redirect(self, case, expr):
        if case.chance(0.5):
            case.imp("from django.shortcuts import redirect")
            return [f"return redirect({expr})"]
        case.imp("from django.http import HttpResponseRedirect")
        return [f"return HttpResponseRedirect({expr})"]

    def header(self, case, name, expr):
        case.imp("from django.http import HttpResponse")
        r = case.name("response", "resp")
        return [f'{r} = HttpResponse("ok")', f'{r}["{name}"] = {expr}', f"return {r}"]

    def cookie(self, case, name, expr):
        case.imp("from django.http import HttpResponse")
        r = case.name("response", "resp")
        return [f'{r} = HttpResponse("ok")', f'{r}.set_cookie("{name}", {expr}, httponly=True)', f"return {r}"]

    def session_set(self, case, key, expr):
        return [f'request.session["{key}"] = {expr}']

    def send_file(self, case, expr):
        case.imp("from django.http import FileResponse")
        return [f'return FileResponse(open({expr}, "rb"))']

    def render(self, case, handler):
        params = ", ".join(["request"] + case.params)
        if case.cbv:
            case.imp("from django.views import View")
            cls = "".join(p.title() for p in handler.split("_")) + "View"
            body = _indent(case.body, "        ")
            meth = case.method.lower()
            return _module(case, "", f"class {cls}(View):\n    def {meth}(self, {params}):\n{body}")
        body = _indent(case.body, "    ")
        if case.method == "POST" and case.chance(0.5):
            case.imp("from django.views.decorators.http import require_POST")
            return _module(case, "", f"@require_POST\ndef {handler}({params}):\n{body}")
        return _module(case, "", f"def {handler}({params}):\n{body}")
