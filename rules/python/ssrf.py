import urllib.request

import httpx
import requests
from flask import request

API = "https://api.partner.example/v1"


@app.route("/preview")
def preview():
    resp = requests.get(request.args["url"], timeout=5)
    data = urllib.request.urlopen(request.form.get("feed")).read()
    r = httpx.post(url=request.get_json()["webhook"], json={"ok": True})
    r = requests.get(f"{request.args['host']}/status", timeout=5)
    r = requests.get(f"https://api.partner.example/v1/items/{request.args['id']}", timeout=5)
    r = requests.get(API + "/search", params=request.args, timeout=5)
    value = request.args.get("url")
    return resp, data, r, value


def refresh(feed_url, item):
    # ruleid: python-urlopen-dynamic-url
    body = urllib.request.urlopen(feed_url).read()
    # ruleid: python-urlopen-dynamic-url
    urllib.request.urlretrieve(item.download_link, "/srv/cache/item.bin")
    # ok: python-urlopen-dynamic-url
    body = urllib.request.urlopen("https://example.org/feed.xml").read()
    # ok: python-urlopen-dynamic-url
    body = urllib.request.urlopen(f"https://example.org/items/{item.id}").read()
    # ok: python-urlopen-dynamic-url
    body = urllib.request.urlopen(FEED_URL).read()
    return body
