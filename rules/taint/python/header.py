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
