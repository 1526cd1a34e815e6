from flask import make_response


def login_response(sid, token, theme, opts, settings):
    resp = make_response("ok")
    # ruleid: python-cookie-without-secure, python-cookie-without-httponly
    resp.set_cookie("session", sid)
    # ruleid: python-cookie-without-httponly
    resp.set_cookie("refresh_token", token, secure=True, samesite="Strict")
    # ruleid: python-cookie-without-secure
    resp.set_cookie("auth", token, httponly=True, max_age=3600)
    # ruleid: python-cookie-flag-disabled
    resp.set_cookie("session", sid, secure=False, httponly=True)
    # ruleid: python-cookie-flag-disabled
    resp.set_cookie("session", sid, secure=True, httponly=False)
    # ok: python-cookie-without-secure, python-cookie-without-httponly, python-cookie-flag-disabled
    resp.set_cookie("session", sid, secure=True, httponly=True, samesite="Lax")
    # ok: python-cookie-without-secure, python-cookie-without-httponly
    resp.set_cookie("session", "", max_age=0)
    # ok: python-cookie-without-secure, python-cookie-without-httponly
    resp.set_cookie("theme", theme, **opts)
    # ok: python-cookie-without-secure, python-cookie-flag-disabled
    resp.set_cookie("session", sid, secure=settings.COOKIE_SECURE, httponly=True)
    # ok: python-cookie-without-secure
    resp.delete_cookie("session")
    # ok: python-cookie-without-secure, python-cookie-without-httponly
    jar.set_cookie(cookie)
    return resp
