import logging

from django.contrib import messages

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    # ruleid: python-flow-log
    log.info("login attempt for " + user)
    # ruleid: python-flow-log
    logging.warning("bad password for %s", user)
    # ok: python-flow-log
    log.info("login attempt from form")
    # ok: python-flow-log
    log.info("login attempt, %d characters", len(user))
    # ok: python-flow-log
    log.info(f"login attempt for {user!r}")
    return "ok"


def django_view(request):
    # ok: python-flow-log
    messages.error(request, "bad value %s" % request.GET["q"])
