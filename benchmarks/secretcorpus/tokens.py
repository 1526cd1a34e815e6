"""Value generators for the secrets benchmark corpus: provider tokens in their published formats,
passwords, and the non-secret look-alikes used as negatives (keys, certificates and JWTs are in
:mod:`secretcorpus.keys`).

Standard library only. Formats follow the providers' published descriptions (GitHub/npm: CRC32
of the random part, base62, 6 characters; PyPI: a libmacaroons v2 binary macaroon; Azure AD
client secrets: Marvin32-based 3-character check, as described in Microsoft's
security-utilities); the base62 and Marvin32 routines are ztlint's own
(``ztlint.engine.secrets``), not copies. Every function takes a ``random.Random`` so the whole
corpus is reproducible from one seed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import string
import struct
import zlib

from ztlint.engine.keyformats import _AAD_ALPHABET, _encode_alphabet, _marvin32_folded
from ztlint.engine.validators import base62


B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
B64 = string.ascii_letters + string.digits + "+/"
B64URL = string.ascii_letters + string.digits + "-_"
B32 = string.ascii_uppercase + "234567"


def rchars(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


# ---------------------------------------------------------------------------------------------
# Checksummed token formats
# ---------------------------------------------------------------------------------------------
def github_classic(rng: random.Random, prefix: str = "ghp") -> str:
    """ghp_/gho_/ghu_/ghs_/ghr_: 30 random base62 characters + base62(CRC32(random part))."""
    body = rchars(rng, B62, 30)
    return f"{prefix}_{body}{base62(zlib.crc32(body.encode()))}"


def github_fine_grained(rng: random.Random) -> str:
    """github_pat_ + 22-character id (starts "11", then a base32-ish account part) + _ + 59."""
    ident = "11" + rchars(rng, string.ascii_uppercase + "234567", 7) + "0" + rchars(rng, ALNUM, 12)
    secret = rchars(rng, ALNUM, 59)
    return f"github_pat_{ident}_{secret}"


def npm_token(rng: random.Random) -> str:
    body = rchars(rng, B62, 30)
    return f"npm_{body}{base62(zlib.crc32(body.encode()))}"


def break_checksum(rng: random.Random, token: str, keep_prefix: int) -> str:
    """Change one character of the random part (a typo or a hand-edited sample); the CRC32
    no longer matches (a one-character change always changes a CRC32)."""
    while True:
        i = rng.randrange(keep_prefix, len(token) - 6)
        c = rng.choice(B62)
        if c != token[i]:
            return token[:i] + c + token[i + 1:]


def random_tail(rng: random.Random, prefix: str, n: int = 36) -> str:
    """A made-up token: right prefix and length, random base62 all the way (no checksum)."""
    return prefix + rchars(rng, B62, n)


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def pypi_token(rng: random.Random) -> str:
    """A PyPI API token: "pypi-" + base64url(libmacaroons v2 binary macaroon).

    v2 layout: version byte 2; packets (field type, varint length, data): location (1) =
    "pypi.org", identifier (2) = a UUID; end-of-section 0; one section per caveat (identifier
    field, end-of-section); end 0; signature (6) = 32 bytes.
    """
    def pkt(t: int, data: bytes) -> bytes:
        return bytes([t]) + _varint(len(data)) + data

    ident = uuid4(rng).encode()
    caveats = [json.dumps({"version": 1, "permissions": "user"}, separators=(",", ":")).encode()]
    if rng.random() < 0.5:
        proj = rng.choice(["acme-utils", "fastgrid", "tinyhttp", "pyledger", "orbitdb", "quickcsv"])
        caveats = [json.dumps({"version": 1, "permissions": {"projects": [proj]}},
                              separators=(",", ":")).encode()]
    if rng.random() < 0.5:
        caveats.append(json.dumps([0, uuid4(rng)], separators=(",", ":")).encode())
    raw = b"\x02" + pkt(1, b"pypi.org") + pkt(2, ident) + b"\x00"
    for c in caveats:
        raw += pkt(2, c) + b"\x00"
    raw += b"\x00" + pkt(6, rng.randbytes(32))
    return "pypi-" + b64url(raw)


def azure_ad_client_secret(rng: random.Random) -> str:
    """Entra ID client secret (2022+ format): 3 chars, "8Q~", 31 chars, 3-char Marvin32 check."""
    head = rchars(rng, _AAD_ALPHABET, 3) + "8Q~" + rchars(rng, _AAD_ALPHABET, 31)
    folded = _marvin32_folded(head.encode("latin-1"), 0x4161645077643030)  # seed "AadPwd00"
    return head + _encode_alphabet(folded, _AAD_ALPHABET)[:3]


# ---------------------------------------------------------------------------------------------
# Plain provider formats
# ---------------------------------------------------------------------------------------------
def uuid4(rng: random.Random) -> str:
    h = rchars(rng, HEX, 32)
    h = h[:12] + "4" + h[13:16] + rng.choice("89ab") + h[17:]
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def gitlab_pat(rng):
    return "glpat-" + rchars(rng, ALNUM + "-_", 20)


def gitlab_other(rng):
    kind = rng.choice(["glptt", "gldt", "GR1348941", "glrt"])
    if kind == "glptt":
        return "glptt-" + rchars(rng, HEX, 40)
    if kind == "gldt":
        return "gldt-" + rchars(rng, ALNUM + "-_", 20)
    if kind == "glrt":
        return "glrt-" + rchars(rng, ALNUM + "-_", 20)
    return "GR1348941" + rchars(rng, ALNUM + "-_", 20)


def aws_key_id(rng, prefix="AKIA"):
    return prefix + rchars(rng, B32, 16)


def aws_secret(rng):
    return rchars(rng, B64, 40)


def aws_session_token(rng):
    """STS session token: base64 of a binary blob that starts with "!\\n\\torigin_ec" (IQoJb3JpZ2luX2Vj...)."""
    return b64(b"!\n\torigin_ec\x10" + rng.randbytes(rng.choice([420, 480, 560])))


def azure_storage_key(rng):
    return b64(rng.randbytes(64))


def azure_sas_sig(rng):
    # URL-encoded base64 of an HMAC-SHA256
    return b64(rng.randbytes(32)).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")


def azure_sb_key(rng):
    return b64(rng.randbytes(32))


def google_api_key(rng):
    return "AIzaSy" + rchars(rng, ALNUM + "-_", 33)


def google_oauth_secret(rng):
    return "GOCSPX-" + rchars(rng, ALNUM + "-_", 28)


def openai_key(rng):
    kind = rng.random()
    if kind < 0.3:
        return "sk-" + rchars(rng, ALNUM, 20) + "T3BlbkFJ" + rchars(rng, ALNUM, 20)
    if kind < 0.6:
        return "sk-proj-" + rchars(rng, ALNUM, 20) + "T3BlbkFJ" + rchars(rng, ALNUM, 20)
    if kind < 0.9:
        return "sk-proj-" + rchars(rng, ALNUM + "-_", 74) + "T3BlbkFJ" + rchars(rng, ALNUM + "-_", 74)
    return "sk-svcacct-" + rchars(rng, ALNUM + "-_", 74) + "T3BlbkFJ" + rchars(rng, ALNUM + "-_", 74)


def anthropic_key(rng):
    return "sk-ant-api03-" + rchars(rng, ALNUM + "-_", 93) + "AA"


def hf_token(rng):
    return "hf_" + rchars(rng, string.ascii_letters, 34)


def _numid(rng, lo=10, hi=13):
    n = rng.randint(lo, hi)
    return str(rng.randint(1, 9)) + rchars(rng, string.digits, n - 1)


def slack_token(rng):
    k = rng.random()
    if k < 0.55:
        return f"xoxb-{_numid(rng)}-{_numid(rng, 12, 13)}-{rchars(rng, ALNUM, 24)}"
    if k < 0.85:
        return f"xoxp-{_numid(rng)}-{_numid(rng)}-{_numid(rng, 12, 13)}-{rchars(rng, HEX, 32)}"
    return f"xapp-1-A0{rchars(rng, string.ascii_uppercase + string.digits, 9)}-{_numid(rng, 13, 13)}-{rchars(rng, HEX, 64)}"


def slack_webhook(rng):
    up = string.ascii_uppercase + string.digits
    return (f"https://hooks.slack.com/services/T0{rchars(rng, up, rng.choice([7, 8, 9]))}/"
            f"B0{rchars(rng, up, rng.choice([7, 8, 9]))}/{rchars(rng, ALNUM, 24)}")


def stripe_key(rng, prefix="sk_live_"):
    if rng.random() < 0.4:
        return prefix + rchars(rng, ALNUM, 24)
    return prefix + "51" + rchars(rng, ALNUM, 97)


def twilio_sid(rng, prefix="AC"):
    return prefix + rchars(rng, HEX, 32)


def sendgrid_key(rng):
    return "SG." + rchars(rng, ALNUM + "-_", 22) + "." + rchars(rng, ALNUM + "-_", 43)


def mailgun_key(rng):
    if rng.random() < 0.5:
        return "key-" + rchars(rng, HEX, 32)
    return rchars(rng, HEX, 32) + "-" + rchars(rng, HEX, 8) + "-" + rchars(rng, HEX, 8)


def hex_key(rng, n=32):
    return rchars(rng, HEX, n)


def django_secret_key(rng):
    return "django-insecure-" + rchars(rng, string.ascii_lowercase + string.digits + "!@#%^&*(-_=+)", 50) \
        if rng.random() < 0.3 else rchars(rng, string.ascii_lowercase + string.digits + "!@%^&*-_=+", 50)


# ---------------------------------------------------------------------------------------------
# Passwords: what people actually hardcode
# ---------------------------------------------------------------------------------------------
WORDS = ("amber anchor apple arrow aspen atlas autumn badger banjo beacon birch bison blaze bonsai "
         "breeze bronze cactus canyon cedar cobalt comet copper coral cosmos coyote crimson dahlia "
         "delta ember falcon fern fjord forest galaxy garnet glacier granite harbor hazel heron "
         "indigo island jasper juniper kestrel lagoon lantern lemon lotus lunar maple marble meadow "
         "mercury mosaic nebula nectar oasis olive onyx orbit orchid otter pepper pine planet polar "
         "quartz raven reef river saffron sierra silver sparrow spruce summit tango thunder tiger "
         "topaz tundra velvet violet walnut willow winter zephyr").split()
SAFE_SYMBOLS = "!@%^&*-_+=.?~"
URL_SAFE_SYMBOLS = "!*-_.~"


def password(rng: random.Random, url_safe: bool = False, min_len: int = 8) -> str:
    sym = URL_SAFE_SYMBOLS if url_safe else SAFE_SYMBOLS
    style = rng.random()
    if style < 0.35:  # generated
        n = rng.randint(max(min_len, 12), 28)
        while True:
            pw = rchars(rng, ALNUM + sym, n)
            if any(c.isdigit() for c in pw) and any(c in sym for c in pw) and pw[0].isalnum():
                return pw
    if style < 0.6:  # Word + year + symbol, the human favourite
        w = rng.choice(WORDS).capitalize()
        if rng.random() < 0.5:
            return w + str(rng.randint(1990, 2026)) + rng.choice(sym)
        return w + rng.choice(sym) + str(rng.randint(10, 999)) + rng.choice(["", rng.choice(sym)])
    if style < 0.8:  # passphrase
        ws = [rng.choice(WORDS) for _ in range(rng.randint(3, 4))]
        return rng.choice("-_.") .join(w.capitalize() if rng.random() < 0.5 else w for w in ws) + str(rng.randint(1, 99))
    if style < 0.9:  # leetspeak
        w = rng.choice(WORDS) + rng.choice(WORDS)
        tr = str.maketrans({"a": "@" if not url_safe else "4", "e": "3", "o": "0", "i": "1", "s": "5"})
        w = w.translate(tr)
        return w[0].upper() + w[1:] + str(rng.randint(1, 99))
    # alphanumeric generated, no symbols
    while True:
        pw = rchars(rng, ALNUM, rng.randint(max(min_len, 10), 24))
        if any(c.isdigit() for c in pw) and any(c.isupper() for c in pw):
            return pw


# ---------------------------------------------------------------------------------------------
# Non-secret look-alikes
# ---------------------------------------------------------------------------------------------
def git_sha(rng, n=40):
    return rchars(rng, HEX, n)


def sha256_hex(rng):
    return hashlib.sha256(rng.randbytes(32)).hexdigest()


def md5_hex(rng):
    return hashlib.md5(rng.randbytes(16), usedforsecurity=False).hexdigest()  # test data, not security


def sri_hash(rng):
    return "sha512-" + b64(hashlib.sha512(rng.randbytes(40)).digest())


def png_data_uri(rng, w=None, h=None) -> str:
    """A real PNG (random pixels), base64 data URI."""
    w = w or rng.choice([8, 12, 16, 24])
    h = h or w
    rows = b"".join(b"\x00" + rng.randbytes(w * 3) for _ in range(h))

    def chunk(t, data):
        return struct.pack(">I", len(data)) + t + data + struct.pack(">I", zlib.crc32(t + data))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))
    return "data:image/png;base64," + b64(png)


def font_data_b64(rng, n=180) -> str:
    """A base64 blob of binary data (embedded font / protobuf descriptor) -- not a credential."""
    header = b"wOF2\x00\x01\x00\x00" if rng.random() < 0.5 else b"\x0a\x0bservice.proto\x12\x07acme.v1"
    return b64(header + rng.randbytes(n))


LOREM = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut "
         "labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris "
         "nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate velit esse "
         "cillum fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui "
         "officia deserunt mollit anim id est laborum").split()


def lorem(rng, words=12) -> str:
    ws = [rng.choice(LOREM) for _ in range(words)]
    ws[0] = ws[0].capitalize()
    return " ".join(ws) + "."


def lorem_token(rng) -> str:
    """A long CamelCase/underscored identifier-like string: looks random-ish, is not."""
    ws = [rng.choice(LOREM).capitalize() for _ in range(rng.randint(4, 7))]
    return "".join(ws) + str(rng.randint(10, 99))
