import ast

from flask import request


def load_limits(config_value, row, plugin):
    # ruleid: python-eval-dynamic
    limits = eval(config_value)
    # ruleid: python-eval-dynamic
    total = eval(row["formula"])
    # ruleid: python-eval-dynamic
    cls = eval(f"models.{plugin.name}")
    # ok: python-eval-dynamic
    limits = ast.literal_eval(config_value)
    # ok: python-eval-dynamic
    two = eval("1 + 1")
    # ok: python-eval-dynamic
    model.eval()
    # ok: python-eval-dynamic
    df.eval(config_value)
    # ok: python-eval-dynamic
    default = eval(DEFAULT_LIMITS)
    return limits, total, cls, two, default


def run_plugin(source, path, plugin):
    # ruleid: python-exec-dynamic
    exec(source, {"__builtins__": {}})
    # ruleid: python-exec-dynamic
    exec(open(path).read())
    # ruleid: python-exec-dynamic
    code = compile(plugin.source, path, "exec")
    # ok: python-exec-dynamic
    exec(code, {"__name__": "__plugin__"})
    # ok: python-exec-dynamic
    compile(path, cfile, dfile)  # py_compile.compile imported bare
    # ok: python-exec-dynamic
    exec("import readline")
    # ok: python-exec-dynamic
    pattern = re.compile(plugin.pattern)
    # ok: python-exec-dynamic
    code = compile(ast.fix_missing_locations(tree), "<generated>", "exec")
    return code, pattern


@app.route("/calc")
def calc():
    # ruleid: python-code-request-data
    result = eval(request.args["expr"])
    # ruleid: python-code-request-data
    exec(request.get_json()["snippet"])
    # ok: python-code-request-data
    result = ast.literal_eval(request.args["expr"])
    # ok: python-code-request-data
    result = int(request.args["a"]) + int(request.args["b"])
    return str(result)
