"""Weak randomness: a ``random`` value used as a security value (vulnerable) or not (safe).

Here the "source" is the non-cryptographic generator and the "sink" is a security value: a session
id, token, password-reset code, API key or cookie value.
"""

from __future__ import annotations

import re

from .model import Case

WEAK = [
    ('"".join(random.choice(ALPHABET) for _ in range(32))', "alphabet"),
    ("str(random.randint(100000, 999999))", ""),
    ('"%032x" % random.getrandbits(128)', ""),
    ("str(random.random())[2:]", ""),
    ('"".join(random.choices(string.ascii_letters + string.digits, k=24))', "string"),
    ("hex(random.getrandbits(64))[2:]", ""),
    ("random.randbytes(16).hex()", ""),
    ("uuid.UUID(int=random.getrandbits(128)).hex", "uuid"),
]
STRONG = [
    ("secrets.token_urlsafe(32)", "secrets"),
    ("secrets.token_hex(16)", "secrets"),
    ('"".join(secrets.choice(ALPHABET) for _ in range(32))', "secrets alphabet"),
    ("str(secrets.randbelow(900000) + 100000)", "secrets"),
    ("str(random.SystemRandom().randint(100000, 999999))", "random"),
    ("uuid.uuid4().hex", "uuid"),
    ("os.urandom(16).hex()", "os"),
]
NAMES = {"cookie": ["session_id", "sid", "remember_token"], "session": ["csrf_token", "nonce", "auth_token"],
         "json": ["reset_token", "api_key", "invite_code", "otp"], "db": ["reset_code", "otp", "verification_code"],
         "print": ["password", "temp_password", "api_key"]}


def _gen(case: Case, table) -> str:
    expr, needs = case.pick(table)
    for mod in ("random", "secrets", "string", "uuid", "os"):
        if mod in needs.split() or re.search(rf"\b{mod}\.", expr):
            case.imp(f"import {mod}")
    if "alphabet" in needs:
        case.imp("import string")
        case.block("ALPHABET = string.ascii_letters + string.digits")
    return expr


def _sink_kind(case: Case) -> str:
    caps = case.fw.caps
    kinds = ["db"]
    if "web" in caps:
        kinds += ["cookie", "cookie"]
    if "session" in caps:
        kinds.append("session")
    if "json" in caps or case.fw.name == "script":
        kinds += ["json", "json"]
    if case.fw.name == "script":
        kinds = ["print", "print", "db"]
    return case.pick(kinds)


def _use(case: Case, kind: str, var: str) -> None:
    """Use ``var`` as the security value of ``kind``."""
    if kind == "cookie":
        case.respond(case.fw.cookie(case, case.pick(NAMES["cookie"]), var))
    elif kind == "session":
        case.add(*case.fw.session_set(case, case.pick(NAMES["session"]), var))
    elif kind == "json":
        case.respond(case.fw.json(case, case.pick(NAMES["json"]), var))
    elif kind == "db":
        case.imp("import sqlite3")
        case.add('conn = sqlite3.connect("app.db")',
                 f'conn.execute("INSERT INTO password_resets (email, code) VALUES (?, ?)", (email, {var}))',
                 "conn.commit()")
    else:
        case.add(f'print(f"Your new password: {{{var}}}")')


def _start(case: Case) -> tuple[str, str]:
    kind = _sink_kind(case)
    if kind == "db":
        src = case.fw.source(case, "str", "email")
        if src != "email":
            case.add(f"email = {src}")
        case.used.add("email")
    return kind, case.name(*NAMES[kind])


# -- vulnerable ----------------------------------------------------------------------------------
def v_direct(case: Case) -> None:
    kind, var = _start(case)
    case.add(f"{var} = {_gen(case, WEAK)}")
    _use(case, kind, var)
    case.reason = f"random module value used as a security value ({kind})"


def v_helper(case: Case) -> None:
    kind, var = _start(case)
    fn = case.name("make_token", "generate_code", "new_secret")
    gen = _gen(case, WEAK)
    case.block(f"def {fn}():\n    return {gen}")
    case.add(f"{var} = {fn}()")
    _use(case, kind, var)
    case.reason = "helper built on the random module produces a security value"


def v_wrong(case: Case) -> None:
    kind, var = _start(case)
    case.imp("import hashlib", "import random")
    case.add(f"{var} = hashlib.sha256(str(random.random()).encode()).hexdigest()")
    _use(case, kind, var)
    case.reason = "hashing a random-module value adds no unpredictability"


def v_branch(case: Case) -> None:
    kind, var = _start(case)
    flag = case.fw.source(case, "str", "legacy")
    case.add(f"if {flag}:", f"    {var} = {_gen(case, WEAK)}", "else:", f"    {var} = {_gen(case, STRONG)}")
    _use(case, kind, var)
    case.reason = "the request chooses the weak generator"


def v_slot(case: Case) -> None:
    kind, var = _start(case)
    case.add(f'generators = {{"fast": {_gen(case, WEAK)}, "strong": {_gen(case, STRONG)}}}',
             f'{var} = generators["fast"]')
    _use(case, kind, var)
    case.reason = "the random-module slot of a container becomes the security value"


# -- safe -----------------------------------------------------------------------------------------
def s_strong(case: Case) -> None:
    kind, var = _start(case)
    case.add(f"{var} = {_gen(case, STRONG)}")
    _use(case, kind, var)
    case.reason = "security value from a CSPRNG"


NON_SECURITY = [
    ('tips = list(TIPS)\nrandom.shuffle(tips)', "tips[:3]", 'TIPS = ["Use shortcuts", "Try dark mode", "Star a repo"]'),
    ("greeting = random.choice(GREETINGS)", "greeting", 'GREETINGS = ["Hello", "Hi there", "Welcome back"]'),
    ("featured = random.sample(PRODUCTS, 2)", "featured", 'PRODUCTS = ["lamp", "desk", "chair", "mug"]'),
    ('bucket = random.randint(0, 99)\nbanner_color = "blue" if bucket < 50 else "green"', "banner_color", ""),
    ("delay = random.uniform(0.5, 1.5)\ntime.sleep(delay)", "delay", ""),
]


def s_nonsecurity(case: Case) -> None:
    code, out, block = case.pick(NON_SECURITY)
    case.imp("import random")
    if "time." in code:
        case.imp("import time")
    if block:
        case.block(block)
    case.add(code)
    case.respond(case.fw.json(case, "result", out))
    case.reason = "random module used for a non-security value"


def s_const_branch(case: Case) -> None:
    kind, var = _start(case)
    if case.chance(0.5):
        case.add("if False:", f"    {var} = {_gen(case, WEAK)}", "else:", f"    {var} = {_gen(case, STRONG)}")
    else:
        case.add('generator = "secrets"', 'if generator == "legacy":', f"    {var} = {_gen(case, WEAK)}", "else:",
                 f"    {var} = {_gen(case, STRONG)}")
    _use(case, kind, var)
    case.reason = "constant branch: the weak generator is dead code"


def s_slot(case: Case) -> None:
    kind, var = _start(case)
    case.add(f'generators = {{"fast": {_gen(case, WEAK)}, "strong": {_gen(case, STRONG)}}}',
             f'{var} = generators["strong"]')
    _use(case, kind, var)
    case.reason = "the CSPRNG slot of a container becomes the security value"


def s_reassign(case: Case) -> None:
    kind, var = _start(case)
    case.add(f"{var} = {_gen(case, WEAK)}", f"{var} = {_gen(case, STRONG)}")
    _use(case, kind, var)
    case.reason = "weak value overwritten by a CSPRNG value before use"


def s_helper(case: Case) -> None:
    kind, var = _start(case)
    fn = case.name("make_token", "generate_code", "new_secret")
    case.block(f"def {fn}():\n    return {_gen(case, STRONG)}")
    case.add(f"{var} = {fn}()")
    _use(case, kind, var)
    case.reason = "same-file helper uses a CSPRNG"


VULNERABLE = [(v_direct, 12), (v_helper, 5), (v_wrong, 3), (v_branch, 2), (v_slot, 2)]
SAFE = [(s_strong, 7), (s_nonsecurity, 6), (s_const_branch, 4), (s_slot, 2), (s_reassign, 3), (s_helper, 2)]
