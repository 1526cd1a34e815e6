import ast

from flask import request


def load_limits(config_value, row, plugin):
    # ruleid: python-eval-dynamic
    limits = ast.literal_eval(config_value)
    # ruleid: python-eval-dynamic
    total = ast.literal_eval(row["formula"])
    # ruleid: python-eval-dynamic
    cls = ast.literal_eval(f"models.{plugin.name}")
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
    # ok: python-exec-dynamic
    compile(path, cfile, dfile)  # py_compile.compile imported bare
    # ok: python-exec-dynamic
    exec("import readline")
    # ok: python-exec-dynamic
    pattern = re.compile(plugin.pattern)
    # ok: python-exec-dynamic
    code = compile(ast.fix_missing_locations(tree), "<generated>", "exec")
    return code, pattern


def load_plugin(plugin, path):
    # ruleid: python-exec-dynamic
    code = compile(plugin.source, path, "exec")
    # ok: python-exec-dynamic
    exec(code, {"__name__": "__plugin__"})


def from_pyfile(self, filename, d, ctx, startup):
    with open(filename, mode="rb") as config_file:
        # one finding, at the compile() call
        # ruleid: python-exec-dynamic
        exec(compile(config_file.read(), filename, "exec"), d.__dict__)
    with open(startup) as f:
        # ruleid: python-exec-dynamic
        # ok: python-eval-dynamic
        eval(compile(f.read(), startup, "exec"), ctx)
    # ruleid: python-exec-dynamic
    compiled = compile(self.source, filename, "eval")
    # ok: python-eval-dynamic
    value = eval(compiled, ctx)
    return value


def rewrite_traceback(lineno, filename, exc_value):
    # ok: python-exec-dynamic
    code = compile("\n" * (lineno - 1) + "raise __jinja_exception__", filename, "exec")
    return code


# setup.py: read the version from the package's own __init__.py
with open("mypkg/__init__.py") as f:
    ns = {}
    # ok: python-exec-dynamic
    exec(f.read(), ns)


@app.route("/calc")
def calc():
    result = eval(request.args["expr"])
    exec(request.get_json()["snippet"])
    result = ast.literal_eval(request.args["expr"])
    result = int(request.args["a"]) + int(request.args["b"])
    return str(result)
