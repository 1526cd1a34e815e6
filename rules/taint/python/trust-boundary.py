from importlib import import_module

from django import forms
from django.conf import settings
from flask import Flask, abort, request, session

app = Flask(__name__)
ROLES = {"viewer", "editor"}


@app.route("/prefs", methods=["POST"])
def prefs():
    # ruleid: python-flow-trust-boundary
    session["role"] = request.form["role"]
    theme = request.form["theme"]
    if theme not in {"dark", "light"}:
        abort(400)
    # ok: python-flow-trust-boundary
    session["theme"] = theme
    # ok: python-flow-trust-boundary
    session["visits"] = session.get("visits", 0) + 1
    return "ok"


def django_view(request):
    # ruleid: python-flow-trust-boundary
    request.session["cart"] = request.POST["cart"]
    # ok: python-flow-trust-boundary
    request.session["seen"] = True


class LoginForm(forms.Form):
    pass


SessionStore = import_module(settings.SESSION_ENGINE).SessionStore


def child_session(request):
    # a session store opened by the key the client sent: what it loads is the server's
    stored = SessionStore(request.POST.get("session")).load()
    # ok: python-flow-trust-boundary
    request.session["parent"] = stored.get("parent")
    # ruleid: python-flow-trust-boundary
    request.session["child"] = request.POST.get("session")


def customer_login(request):
    form = LoginForm(data=request.POST)
    if form.is_valid():
        # ok: python-flow-trust-boundary
        request.session["customer_id"] = form.get_customer().pk  # the record the form found
    # ruleid: python-flow-trust-boundary
    request.session["login_name"] = form.data["name"]
