import httpx
import requests


def sync(url, payload, opts):
    # ruleid: python-requests-no-timeout
    resp = requests.get(url, timeout=30)
    # ruleid: python-requests-no-timeout
    resp = requests.post(url, json=payload, headers={"X-Client": "sync"}, timeout=30)
    # ok: python-requests-no-timeout
    resp = requests.get(url, timeout=10)
    # ok: python-requests-no-timeout
    resp = requests.post(url, json=payload, timeout=(3.05, 27))
    # ok: python-requests-no-timeout
    resp = requests.get(url, **opts)
    # ok: python-requests-no-timeout
    resp = httpx.get(url)
    # ok: python-requests-no-timeout
    data = payload.get("items")
    return resp, data
