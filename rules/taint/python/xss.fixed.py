import html

from flask import Flask, Response, jsonify, make_response, render_template, render_template_string, request
from markupsafe import Markup, escape

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: python-flow-xss
    return f"<h1>Hello {html.escape(name)}</h1>"


@app.route("/hello2")
def hello2():
    name = request.args.get("name", "")
    # ok: python-flow-xss
    return f"<h1>Hello {escape(name)}</h1>"


@app.route("/hello3")
def hello3():
    name = request.args.get("name", "")
    # ok: python-flow-xss
    return render_template("hello.html", name=name)


@app.route("/api")
def api():
    # ok: python-flow-xss
    return jsonify(name=request.args["name"])


@app.route("/api2")
def api2():
    # ok: python-flow-xss
    return {"name": request.args["name"]}


@app.route("/page")
def page():
    title = request.args["title"]
    # ruleid: python-flow-xss
    resp = make_response("<title>" + html.escape(title) + "</title>")
    # ruleid: python-flow-xss
    render_template_string("<p>" + title + "</p>")
    # ruleid: python-flow-xss
    Markup("<b>%s</b>" % html.escape(title))
    # ok: python-flow-xss
    Markup("<b>%s</b>") % html.escape(title)
    return resp


@app.route("/raw")
def raw():
    # ok: python-flow-xss
    return Response(request.args["q"], mimetype="application/json")
