import aiohttp
import httpx
import jwt
import requests

CORP_CA = "/etc/pki/corp-ca.pem"


def call_api(url, payload, token, key):
    # ruleid: python-http-verify-false
    r = requests.post(url, json=payload, verify=False)
    # ruleid: python-http-verify-false
    client = httpx.Client(base_url=url, verify=False)
    # ruleid: python-http-verify-false
    r = requests.request("GET", url, timeout=10, verify=False)
    # ok: python-http-verify-false
    r = requests.post(url, json=payload, verify=CORP_CA)
    # ok: python-http-verify-false
    r = requests.get(url, timeout=5)
    # ok: python-http-verify-false
    claims = jwt.decode(token, key, algorithms=["HS256"], verify=False)

    session = requests.Session()
    # ruleid: python-http-session-verify-false
    session.verify = False
    # ok: python-http-session-verify-false
    session.verify = CORP_CA
    # ok: python-http-session-verify-false
    args.verify = False
    return r, client, claims


async def poll(url):
    # ruleid: python-aiohttp-ssl-disabled
    connector = aiohttp.TCPConnector(ssl=False)
    async with aiohttp.ClientSession(connector=connector) as session:
        # ruleid: python-aiohttp-ssl-disabled
        async with session.get(url, verify_ssl=False) as resp:
            body = await resp.text()
        # ok: python-aiohttp-ssl-disabled
        async with session.get(url) as resp:
            body = await resp.text()
        # ok: python-aiohttp-ssl-disabled
        async with session.get(url, allow_redirects=False) as resp:
            body = await resp.text()
    return body
