import base64
import json
import pickle

import yaml
from flask import Flask, request

app = Flask(__name__)


@app.route("/load", methods=["POST"])
def load():
    blob = base64.b64decode(request.form["state"])
    # ruleid: python-flow-deserialization
    state = pickle.loads(blob)
    # ok: python-flow-deserialization
    data = json.loads(request.get_data())
    return str(state) + str(data)


@app.route("/config", methods=["POST"])
def config():
    text = request.get_data(as_text=True)
    # ruleid: python-flow-deserialization
    unsafe = yaml.safe_load(text)
    # ok: python-flow-deserialization
    safe = yaml.load(text, Loader=yaml.SafeLoader)
    # ok: python-flow-deserialization
    also = yaml.safe_load(text)
    return str(unsafe) + str(safe) + str(also)


def cached():
    with open("/var/cache/app/state.pkl", "rb") as fh:
        # ok: python-flow-deserialization
        return pickle.load(fh)
