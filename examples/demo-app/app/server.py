"""A small order-tracking web service (deliberately vulnerable demo)."""

import hashlib
import pickle
import random
import sqlite3
import subprocess

import requests
import yaml
from flask import Flask, redirect, request

app = Flask(__name__)

GITHUB_TOKEN = "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"
DB_PASSWORD = "Tr0ub4dor&3-prod"


def db():
    return sqlite3.connect("orders.db")


@app.route("/orders")
def orders():
    customer = request.args.get("customer", "")
    cur = db().cursor()
    cur.execute(f"SELECT id, total FROM orders WHERE customer = '{customer}'")
    return {"orders": cur.fetchall()}


@app.route("/report")
def report():
    name = request.args["name"]
    out = subprocess.check_output(f"generate-report --name {name}", shell=True)
    return out


@app.route("/import", methods=["POST"])
def import_orders():
    orders = yaml.load(request.data)
    return {"imported": len(orders)}


@app.route("/restore", methods=["POST"])
def restore():
    state = pickle.loads(request.data)
    return {"restored": bool(state)}


@app.route("/next")
def next_page():
    return redirect(request.args.get("url"))


def password_reset_token():
    return "".join(random.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(32))


def fingerprint(password):
    return hashlib.md5(password.encode()).hexdigest()


def fetch_rates():
    return requests.get("https://rates.internal.example/api", verify=False, timeout=10).json()


if __name__ == "__main__":
    app.run(host="0.0.0.0", debug=True)
