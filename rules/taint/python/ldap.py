import re

import ldap
from flask import Flask, request
from ldap.filter import escape_filter_chars

app = Flask(__name__)
conn = ldap.initialize("ldap://directory")
BASE = "ou=people,dc=example,dc=com"


@app.route("/find")
def find():
    user = request.args["user"]
    # ruleid: python-flow-ldap
    found = conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(uid=" + user + ")")
    # ok: python-flow-ldap
    safe = conn.search_s(BASE, ldap.SCOPE_SUBTREE, "(uid=%s)" % escape_filter_chars(user))
    return str(found) + str(safe)


@app.route("/directory")
def directory():
    user = request.args["user"]
    ldap_conn = make_connection()
    # ruleid: python-flow-ldap
    ldap_conn.search(BASE, "(uid=" + user + ")")
    # ruleid: python-flow-ldap
    conn.search(BASE, search_filter="(cn=%s)" % user)
    # ok: python-flow-ldap
    return str(translation_service.search(BASE, user))


@app.route("/agent")
def agent():
    # ok: python-flow-ldap
    return str(re.search(r"Mac|iPhone", request.headers.get("User-Agent", "")))
