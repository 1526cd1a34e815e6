import ast
import importlib

from flask import Flask, request

app = Flask(__name__)
PLUGINS = {"csv", "json"}


@app.route("/calc")
def calc():
    expr = request.args["expr"]
    # ruleid: python-flow-code
    result = eval(expr)
    # ok: python-flow-code
    safe = ast.literal_eval(expr)
    # ok: python-flow-code
    fixed = eval("1 + 2")
    return str(result + safe + fixed)


@app.route("/run", methods=["POST"])
def run():
    source = request.get_data(as_text=True)
    code = "def handler():\n" + source
    # ruleid: python-flow-code
    exec(code)
    name = request.args["plugin"]
    if name not in PLUGINS:
        return "unknown", 404
    # ok: python-flow-code
    importlib.import_module("plugins." + name)
    # ruleid: python-flow-code
    importlib.import_module(request.args["other"])
    return "ok"


def evaluate(text):
    # ruleid: python-flow-code
    return eval(text, {"__builtins__": {}})


@app.route("/indirect")
def indirect():
    return str(evaluate(request.form["formula"]))


def config_value(text):
    # ok: python-flow-code
    return eval(text)


def startup():
    return config_value("{'debug': False}")
