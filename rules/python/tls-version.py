import socket
import ssl

from OpenSSL import SSL


def connect(host):
    # ruleid: python-ssl-legacy-protocol
    legacy = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
    # ruleid: python-ssl-legacy-protocol
    ossl = SSL.Context(SSL.SSLv3_METHOD)
    # ok: python-ssl-legacy-protocol
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    # ok: python-ssl-legacy-protocol
    ossl = SSL.Context(SSL.TLS_METHOD)
    # ok: python-ssl-legacy-protocol
    old = legacy.protocol == ssl.PROTOCOL_TLSv1
    # ok: python-ssl-legacy-protocol
    ctx.options |= ssl.OP_NO_TLSv1 | ssl.OP_NO_TLSv1_1
    # ok: python-ssl-legacy-protocol
    OPENSSL_METHODS[ssl.PROTOCOL_TLSv1] = SSL.TLSv1_METHOD
    # ok: python-ssl-legacy-protocol
    names = {ssl.PROTOCOL_SSLv3: SSL.SSLv3_METHOD}

    # ruleid: python-ssl-minimum-version-legacy
    ctx.minimum_version = ssl.TLSVersion.TLSv1
    # ok: python-ssl-minimum-version-legacy
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    # ok: python-ssl-minimum-version-legacy
    ctx.maximum_version = ssl.TLSVersion.TLSv1_3

    sock = socket.create_connection((host, 443))
    # ruleid: python-ssl-wrap-socket
    tls = ssl.wrap_socket(sock)
    # ok: python-ssl-wrap-socket
    tls = ctx.wrap_socket(sock, server_hostname=host)
    return legacy, ossl, old, tls, names
