import ftplib
import os

import vendorsdk


def connect():
    api = vendorsdk.Client()
    # ruleid: secret-sdk-positional-key
    api.authenticate("3f786850e387550fdab836ed7e6dc881de23001b")
    # ruleid: secret-sdk-login-password
    api.login("pipeline", "Kq8vZ2mXw4-orders")
    # ok: secret-sdk-login-password
    ftplib.FTP("ftp.example.com").login("anonymous", "guest@example.com")
    # ok: secret-sdk-login-password
    api.login("user", "password")
    # ok: secret-sdk-login-password
    api.login("pipeline", os.environ["PIPELINE_PASSWORD"])
    # ok: secret-sdk-positional-key
    api.initialize("production")
    # ok: secret-sdk-positional-key
    api.connect("db.internal", 5432)
