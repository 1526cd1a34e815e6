import base64
import json
import marshal
import pickle
import shelve

import dill
import joblib
import jsonpickle
import pandas as pd
from flask import request


def load_cache(path, blob, message):
    with open(path, "rb") as fh:
        # ruleid: python-pickle-load
        state = pickle.load(fh)
    # ruleid: python-pickle-load
    obj = dill.loads(blob)
    # ruleid: python-pickle-load
    model = joblib.load(path)
    # ruleid: python-pickle-load
    frame = pd.read_pickle(path)
    # ok: python-pickle-load
    blob = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
    # ok: python-pickle-load
    joblib.dump(model, path)
    # ok: python-pickle-load
    data = json.loads(blob)

    # ruleid: python-marshal-load
    code = marshal.loads(blob)
    # ok: python-marshal-load
    blob = marshal.dumps(code)

    # ruleid: python-shelve-open
    db = shelve.open(path)
    # ok: python-shelve-open
    fh = open(path)

    # ruleid: python-jsonpickle-decode
    order = jsonpickle.decode(message.body)
    # ok: python-jsonpickle-decode
    text = jsonpickle.encode(order)
    return state, obj, model, frame, data, code, db, fh, text


@app.route("/cart")
def cart():
    items = pickle.loads(base64.b64decode(request.cookies["cart"]))
    prefs = jsonpickle.decode(request.get_data())
    code = marshal.loads(request.data)
    items = json.loads(request.cookies["cart"])
    blob = pickle.dumps(request.args.to_dict())
    return items, prefs, blob, code
