import re
from urllib.parse import quote

from flask import Flask, make_response, request

app = Flask(__name__)


@app.route("/hdr")
def hdr():
    resp = make_response("ok")
    # ruleid: python-flow-header
    resp.headers["X-User"] = request.args["user"]
    # ok: python-flow-header
    resp.headers["X-Quoted"] = quote(request.args["user"])
    # ok: python-flow-header
    resp.headers["Cache-Control"] = "no-store"
    return resp


@app.route("/hdr2")
def hdr2():
    resp = make_response("ok")
    # ok: python-flow-header
    resp.headers["X-Clean"] = re.sub(r"[\r\n]", "", request.args["user"])
    return resp


def add_user_agent(request, **kwargs):
    # an outgoing request's own headers (a client library's hook), not a response's
    agent = request.headers.get("User-Agent", "")
    # ok: python-flow-header
    request.headers["User-Agent"] = agent + " my-client"


@app.route("/proxy")
def proxy():
    resp = make_response("ok")
    # ruleid: python-flow-header
    resp.headers["X-Agent"] = request.headers.get("User-Agent", "")
    return resp
