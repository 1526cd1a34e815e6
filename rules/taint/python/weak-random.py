import random
import secrets
import string

from flask import Flask, session

app = Flask(__name__)
DIGITS = string.digits


def make_reset_code():
    # ruleid: python-flow-weak-random
    reset_code = "".join(random.choice(DIGITS) for _ in range(6))
    return reset_code


def make_token():
    # ok: python-flow-weak-random
    return secrets.token_urlsafe(32)


def new_session_token():
    # ruleid: python-flow-weak-random
    return "%032x" % random.getrandbits(128)


@app.route("/shuffle")
def shuffle():
    items = ["a", "b", "c"]
    # ok: python-flow-weak-random
    pick = random.choice(items)
    # ok: python-flow-weak-random
    delay = random.uniform(0.1, 0.5)
    # ruleid: python-flow-weak-random
    session["csrf"] = str(random.random())
    return pick + str(delay)
