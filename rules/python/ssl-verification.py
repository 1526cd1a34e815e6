import ssl
import urllib.request

import urllib3
from OpenSSL import SSL

CORP_CA = "/etc/pki/corp-ca.pem"


def fetch(url):
    # ruleid: python-ssl-unverified-context
    ctx = ssl._create_unverified_context()
    # ruleid: python-ssl-unverified-context
    ssl._create_default_https_context = ssl._create_unverified_context
    # ok: python-ssl-unverified-context
    ctx = ssl.create_default_context(cafile=CORP_CA)

    # ruleid: python-ssl-check-hostname-false
    ctx.check_hostname = False
    # ruleid: python-ssl-cert-none
    ctx.verify_mode = ssl.CERT_NONE
    # ruleid: python-ssl-cert-none
    pool = urllib3.PoolManager(cert_reqs="CERT_NONE")
    # ok: python-ssl-cert-none
    ctx.verify_mode = ssl.CERT_REQUIRED
    # ok: python-ssl-cert-none
    insecure = ctx.verify_mode == ssl.CERT_NONE
    # ok: python-ssl-cert-none
    pool = urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs=CORP_CA)
    # ok: python-ssl-cert-none
    ctx.verify_mode = ssl.CERT_NONE if settings.INSECURE_DEV_TLS else ssl.CERT_REQUIRED
    # ok: python-ssl-cert-none
    verify_map = {ssl.CERT_NONE: SSL.VERIFY_NONE, ssl.CERT_REQUIRED: SSL.VERIFY_PEER}
    # ok: python-ssl-check-hostname-false
    ctx.check_hostname = True
    # ok: python-ssl-check-hostname-false
    options.check_hostnames = False
    return urllib.request.urlopen(url, context=ctx), pool, insecure, verify_map
