import jinja2
from flask import Flask, render_template_string, request

app = Flask(__name__)
env = jinja2.Environment(autoescape=True)


@app.route("/hello")
def hello():
    name = request.args.get("name", "world")
    # ruleid: python-template-injection
    page = render_template_string(f"<h1>Hello {name}</h1>")
    # ruleid: python-template-injection
    page = render_template_string("<p>%s</p>" % request.args["msg"])
    # ruleid: python-template-injection
    tpl = env.from_string("Dear " + name + ",\n{{ body }}")
    # ruleid: python-template-injection
    tpl = jinja2.Template(request.form["template"])
    # ok: python-template-injection
    page = render_template_string("<h1>Hello {{ name }}</h1>", name=name)
    # ok: python-template-injection
    tpl = env.from_string(TEMPLATES["welcome"])
    # ok: python-template-injection
    tpl = env.get_template(f"{name}.html")
    # ok: python-template-injection
    page = render_template_string(f"<h1>static</h1>")
    return page, tpl

