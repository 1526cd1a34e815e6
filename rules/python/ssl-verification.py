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


class SimpleAsyncHTTPClient:
    def _get_ssl_options(self, scheme):
        ssl_ctx = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=self.request.ca_certs)
        if not self.request.validate_cert:
            # ok: python-ssl-check-hostname-false
            ssl_ctx.check_hostname = False
            # ok: python-ssl-cert-none
            ssl_ctx.verify_mode = ssl.CERT_NONE
        return ssl_ctx


def ssl_options_to_context(ssl_options, context):
    if "cert_reqs" in ssl_options:
        if ssl_options["cert_reqs"] == ssl.CERT_NONE:
            # ok: python-ssl-check-hostname-false
            context.check_hostname = False
        context.verify_mode = ssl_options["cert_reqs"]


def create_urllib3_context(cert_reqs, context, IS_PYOPENSSL):
    # urllib3 matches host names itself when it cannot rely on ssl's check
    if cert_reqs == ssl.CERT_REQUIRED and not IS_PYOPENSSL:
        context.verify_mode = cert_reqs
        context.check_hostname = True
    else:
        # ok: python-ssl-check-hostname-false
        context.check_hostname = False
    return context


class PyOpenSSLContext:
    def __init__(self, protocol):
        self._ctx = SSL.Context(protocol)
        # ok: python-ssl-check-hostname-false
        self.check_hostname = False

    def disable_checks(self):
        # ruleid: python-ssl-check-hostname-false
        self.check_hostname = False


def make_client(settings):
    ctx = ssl.create_default_context()
    if settings.DEBUG:
        # ruleid: python-ssl-check-hostname-false
        ctx.check_hostname = False
        # ruleid: python-ssl-cert-none
        ctx.verify_mode = ssl.CERT_NONE
    return ctx
