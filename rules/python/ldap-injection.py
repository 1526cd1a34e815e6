import ldap
from ldap.filter import escape_filter_chars, filter_format

BASE_DN = "ou=people,dc=example,dc=com"


def find(conn, username, group, query):
    # ruleid: python-ldap-injection
    res = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, f"(uid={username})")
    # ruleid: python-ldap-injection
    res = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(&(objectClass=person)(memberOf=%s))" % group)
    # ruleid: python-ldap-injection
    conn.search(search_base=BASE_DN, search_filter="(mail=" + query.email + ")")
    # ok: python-ldap-injection
    res = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, f"(uid={escape_filter_chars(username)})")
    # ok: python-ldap-injection
    res = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, filter_format("(uid=%s)", [username]))
    # ok: python-ldap-injection
    res = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(objectClass=person)")
    # ok: python-ldap-injection
    hits = index.search(f"name:{username}")
    return res, hits
