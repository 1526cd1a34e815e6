"""Rule families shared by ztlint and Bandit, so the two tools' findings can be compared.

Bandit findings are mapped by test id (B101 ... B704), ztlint findings by keywords in the rule
id (first match wins, so the more specific keywords come first). Anything unmapped is "other".
"""

from __future__ import annotations

import re

FAMILIES = (
    "injection/subprocess",  # shell/process execution, eval/exec, LDAP/XPath injection
    "sql",
    "deserialization",  # pickle, marshal, yaml.load, shelve, torch.load ...
    "xml",  # XXE / entity expansion
    "crypto/hash",  # weak hashes, ciphers, key sizes, JWT verification
    "random",  # non-cryptographic randomness for secrets
    "tls",  # certificate/hostname checks, protocol versions, cleartext protocols, host keys
    "tempfile/files",  # temp files, permissions, archive extraction, path traversal
    "web-framework",  # Flask/Django/Jinja2/Mako: debug, XSS, CSRF, cookies, redirects
    "secrets/passwords",  # hardcoded passwords and tokens
    "other",  # asserts, try/except/pass, bind 0.0.0.0, timeouts, SSRF/urlopen ...
)

BANDIT = {
    "B101": "other",  # assert_used
    "B102": "injection/subprocess",  # exec_used
    "B103": "tempfile/files",  # set_bad_file_permissions
    "B104": "other",  # hardcoded_bind_all_interfaces
    "B105": "secrets/passwords",  # hardcoded_password_string
    "B106": "secrets/passwords",  # hardcoded_password_funcarg
    "B107": "secrets/passwords",  # hardcoded_password_default
    "B108": "tempfile/files",  # hardcoded_tmp_directory
    "B109": "secrets/passwords",  # password_config_option_not_marked_secret
    "B110": "other",  # try_except_pass
    "B111": "other",  # execute_with_run_as_root_equals_true
    "B112": "other",  # try_except_continue
    "B113": "other",  # request_without_timeout
    "B201": "web-framework",  # flask_debug_true
    "B202": "tempfile/files",  # tarfile_unsafe_members
    "B301": "deserialization",  # pickle
    "B302": "deserialization",  # marshal
    "B303": "crypto/hash",  # md5 / sha1 (older Bandit)
    "B304": "crypto/hash",  # ciphers
    "B305": "crypto/hash",  # cipher_modes
    "B306": "tempfile/files",  # mktemp_q
    "B307": "injection/subprocess",  # eval
    "B308": "web-framework",  # mark_safe
    "B309": "tls",  # httpsconnection (removed)
    "B310": "other",  # urllib_urlopen (file:/custom schemes)
    "B311": "random",  # random
    "B312": "tls",  # telnetlib (cleartext)
    "B313": "xml", "B314": "xml", "B315": "xml", "B316": "xml", "B317": "xml", "B318": "xml",
    "B319": "xml", "B320": "xml",
    "B321": "tls",  # ftplib (cleartext)
    "B322": "injection/subprocess",  # input (py2)
    "B323": "tls",  # unverified_context
    "B324": "crypto/hash",  # hashlib weak hash
    "B325": "tempfile/files",  # tempnam
    "B401": "tls",  # import_telnetlib
    "B402": "tls",  # import_ftplib
    "B403": "deserialization",  # import_pickle
    "B404": "injection/subprocess",  # import_subprocess
    "B405": "xml", "B406": "xml", "B407": "xml", "B408": "xml", "B409": "xml", "B410": "xml",
    "B411": "xml",  # import xml.* / lxml / xmlrpc
    "B412": "web-framework",  # import_httpoxy
    "B413": "crypto/hash",  # import_pycrypto
    "B414": "crypto/hash",  # import_pycryptodome (removed)
    "B415": "crypto/hash",  # import_pyghmi (IPMI)
    "B501": "tls",  # request_with_no_cert_validation
    "B502": "tls",  # ssl_with_bad_version
    "B503": "tls",  # ssl_with_bad_defaults
    "B504": "tls",  # ssl_with_no_version
    "B505": "crypto/hash",  # weak_cryptographic_key
    "B506": "deserialization",  # yaml_load
    "B507": "tls",  # ssh_no_host_key_verification
    "B508": "crypto/hash",  # snmp_insecure_version
    "B509": "crypto/hash",  # snmp_weak_cryptography
    "B601": "injection/subprocess",  # paramiko_calls
    "B602": "injection/subprocess",  # subprocess_popen_with_shell_equals_true
    "B603": "injection/subprocess",  # subprocess_without_shell_equals_true
    "B604": "injection/subprocess",  # any_other_function_with_shell_equals_true
    "B605": "injection/subprocess",  # start_process_with_a_shell
    "B606": "injection/subprocess",  # start_process_with_no_shell
    "B607": "injection/subprocess",  # start_process_with_partial_path
    "B608": "sql",  # hardcoded_sql_expressions
    "B609": "injection/subprocess",  # linux_commands_wildcard_injection
    "B610": "sql",  # django_extra_used
    "B611": "sql",  # django_rawsql_used
    "B612": "injection/subprocess",  # logging_config_insecure_listen
    "B613": "other",  # trojansource
    "B614": "deserialization",  # pytorch_load
    "B615": "deserialization",  # huggingface_unsafe_download
    "B701": "web-framework",  # jinja2_autoescape_false
    "B702": "web-framework",  # use_of_mako_templates
    "B703": "web-framework",  # django_mark_safe
    "B704": "web-framework",  # markupsafe_markup_xss
}

# (regex on the rule id, family); first match wins.
ZTLINT = (
    (r"^secret-", "secrets/passwords"),
    (r"password-fast-hash", "crypto/hash"),
    (r"hardcoded-password|password", "secrets/passwords"),
    (r"sql|rawsql|django-extra", "sql"),
    (r"pickle|marshal|yaml|jsonpickle|shelve|torch-load|numpy-load|deserializ|model-load", "deserialization"),
    (r"xpath", "injection/subprocess"),
    (r"xml|lxml|xxe", "xml"),
    (r"random|uuid1", "random"),
    (r"hash|cipher|crypto|weak-ec|key-size|\brsa\b|\bdsa\b|jwt", "crypto/hash"),
    (r"ssl|tls|verify|cert|cleartext|host-key|aiohttp-ssl", "tls"),
    (r"tmp|tempfile|mktemp|chmod|tarfile|zipfile|path-traversal", "tempfile/files"),
    (r"django|flask|jinja2|mako|markup|mark-safe|cookie|csrf|open-redirect|template-injection", "web-framework"),
    (r"subprocess|os-system|shell|command|exec|eval|code-request|ldap|logging-config-listen", "injection/subprocess"),
)
_ZTLINT = tuple((re.compile(p), fam) for p, fam in ZTLINT)


def bandit_family(rule: str) -> str:
    """``B602:subprocess_popen_with_shell_equals_true`` or ``B602`` -> family."""
    return BANDIT.get(rule.split(":", 1)[0], "other")


def ztlint_family(rule: str) -> str:
    rule = rule.removeprefix("python-")
    for pattern, fam in _ZTLINT:
        if pattern.search(rule):
            return fam
    return "other"
