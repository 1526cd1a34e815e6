from urllib.parse import urlparse
from urllib.request import urlopen

import requests
from flask import Flask, abort, request

app = Flask(__name__)
ALLOWED_HOSTS = {"api.example.com"}


@app.route("/fetch")
def fetch():
    url = request.args["url"]
    # ruleid: python-flow-ssrf
    body = requests.get(url, timeout=5).text
    # ruleid: python-flow-ssrf
    body += urlopen("http://" + request.args["host"] + "/status").read().decode()
    # ok: python-flow-ssrf
    body += requests.get("https://api.example.com/status", timeout=5).text
    return body


@app.route("/fetch2")
def fetch2():
    url = request.args["url"]
    if urlparse(url).hostname not in ALLOWED_HOSTS:
        abort(400)
    # ok: python-flow-ssrf
    return requests.get(url, timeout=5).text
