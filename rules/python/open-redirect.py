from django.http import HttpResponseRedirect
from urllib.parse import unquote

from flask import redirect, request, url_for


@app.route("/login", methods=["POST"])
def login():
    # ruleid: python-open-redirect-request-data
    return redirect(request.args.get("next", "/"))


@app.route("/out")
def out():
    # ruleid: python-open-redirect-request-data
    resp = redirect(request.form["return_to"], code=302)
    # ruleid: python-open-redirect-request-data
    resp = redirect(unquote(request.args["to"]))
    # ok: python-open-redirect-request-data
    resp = redirect(url_for("profile", user=request.args["user"]))
    # ok: python-open-redirect-request-data
    resp = redirect(f"/items/{request.args['id']}")
    # ok: python-open-redirect-request-data
    resp = redirect(safe_target(request.args.get("next")) or "/")
    return resp


def django_view(request):
    # ruleid: python-open-redirect-request-data
    return HttpResponseRedirect(request.GET["next"])
