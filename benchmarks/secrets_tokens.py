"""Value generators for the secrets benchmark corpus: provider tokens in their published formats,
real (pure-Python, seeded) RSA / EC / Ed25519 keys in PEM and OpenSSH form, self-signed X.509
certificates, JWTs, passwords, and the non-secret look-alikes used as negatives.

Standard library only, and independent of ztlint: checksums are implemented here from the
providers' published descriptions (GitHub/npm: CRC32 of the random part, base62, 6 characters;
PyPI: a libmacaroons v2 binary macaroon; Azure AD client secrets: Marvin32-based 3-character
check, as described in Microsoft's security-utilities). Every function takes a ``random.Random``
so the whole corpus is reproducible from one seed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import random
import string
import struct
import zlib

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
def base62_fixed(n: int, width: int = 6) -> str:
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = B62[r] + out
    return out.rjust(width, "0")


def github_classic(rng: random.Random, prefix: str = "ghp") -> str:
    """ghp_/gho_/ghu_/ghs_/ghr_: 30 random base62 characters + base62(CRC32(random part))."""
    body = rchars(rng, B62, 30)
    return f"{prefix}_{body}{base62_fixed(zlib.crc32(body.encode()))}"


def github_fine_grained(rng: random.Random) -> str:
    """github_pat_ + 22-character id (starts "11", then a base32-ish account part) + _ + 59."""
    ident = "11" + rchars(rng, string.ascii_uppercase + "234567", 7) + "0" + rchars(rng, ALNUM, 12)
    secret = rchars(rng, ALNUM, 59)
    return f"github_pat_{ident}_{secret}"


def npm_token(rng: random.Random) -> str:
    body = rchars(rng, B62, 30)
    return f"npm_{body}{base62_fixed(zlib.crc32(body.encode()))}"


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


# Marvin32 (the .NET randomized string hash), used by Microsoft's identifiable-secret checksums.
_M32 = 0xFFFFFFFF


def _rotl(v: int, n: int) -> int:
    return ((v << n) | (v >> (32 - n))) & _M32


def marvin32(data: bytes, seed: int) -> int:
    lo, hi = seed & _M32, (seed >> 32) & _M32

    def mix(a: int, b: int) -> tuple[int, int]:
        b ^= a
        a = (_rotl(a, 20) + b) & _M32
        b = _rotl(b, 9) ^ a
        a = (_rotl(a, 27) + b) & _M32
        b = _rotl(b, 19)
        return a, b

    n = len(data) // 4 * 4
    for i in range(0, n, 4):
        lo = (lo + struct.unpack_from("<I", data, i)[0]) & _M32
        lo, hi = mix(lo, hi)
    rest = data[n:]
    lo = (lo + (int.from_bytes(rest, "little") | (0x80 << (8 * len(rest))))) & _M32
    lo, hi = mix(lo, hi)
    lo, hi = mix(lo, hi)
    return (hi << 32) | lo


_AAD = string.ascii_lowercase + string.ascii_uppercase + "1234567890.-_~"


def azure_ad_client_secret(rng: random.Random) -> str:
    """Entra ID client secret (2022+ format): 3 chars, "8Q~", 31 chars, 3-char Marvin32 check."""
    head = rchars(rng, _AAD, 3) + "8Q~" + rchars(rng, _AAD, 31)
    h = marvin32(head.encode("latin-1"), 0x4161645077643030)  # seed "AadPwd00"
    folded = (h >> 32) ^ (h & _M32)
    digits = ""
    while folded:
        folded, r = divmod(folded, len(_AAD))
        digits = _AAD[r] + digits
    return head + digits[:3]


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


# ---------------------------------------------------------------------------------------------
# ASN.1 DER, PEM
# ---------------------------------------------------------------------------------------------
def _der_len(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def der(tag: int, content: bytes) -> bytes:
    return bytes([tag]) + _der_len(len(content)) + content


def der_int(x: int) -> bytes:
    return der(0x02, x.to_bytes(max(1, (x.bit_length() + 8) // 8), "big"))


def der_seq(*parts: bytes) -> bytes:
    return der(0x30, b"".join(parts))


def der_oid(dotted: str) -> bytes:
    nums = [int(x) for x in dotted.split(".")]
    out = bytearray([40 * nums[0] + nums[1]])
    for n in nums[2:]:
        enc = [n & 0x7F]
        n >>= 7
        while n:
            enc.append(0x80 | (n & 0x7F))
            n >>= 7
        out += bytes(reversed(enc))
    return der(0x06, bytes(out))


DER_NULL = b"\x05\x00"


def pem(label: str, data: bytes, width: int = 64) -> str:
    body = b64(data)
    lines = [body[i:i + width] for i in range(0, len(body), width)]
    return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----"


# ---------------------------------------------------------------------------------------------
# RSA
# ---------------------------------------------------------------------------------------------
_SMALL_PRIMES = [p for p in range(3, 2000) if all(p % d for d in range(2, int(p ** 0.5) + 1))]


def _probable_prime(n: int, rng: random.Random, rounds: int = 12) -> bool:
    if any(n % p == 0 for p in _SMALL_PRIMES):
        return n in _SMALL_PRIMES
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for _ in range(rounds):
        a = rng.randrange(2, n - 2)
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def _prime(rng: random.Random, bits: int) -> int:
    while True:
        c = rng.getrandbits(bits) | (3 << (bits - 2)) | 1
        if _probable_prime(c, rng):
            return c


class RSAKey:
    def __init__(self, rng: random.Random, bits: int = 2048):
        e = 65537
        while True:
            p, q = _prime(rng, bits // 2), _prime(rng, bits // 2)
            if p == q:
                continue
            if p < q:
                p, q = q, p
            from math import gcd
            if gcd(e, p - 1) != 1 or gcd(e, q - 1) != 1:
                continue
            n = p * q
            if n.bit_length() != bits:
                continue
            lam = (p - 1) * (q - 1) // gcd(p - 1, q - 1)
            self.n, self.e, self.p, self.q = n, e, p, q
            self.d = pow(e, -1, lam)
            self.bits = bits
            return

    def pkcs1_der(self) -> bytes:
        n, e, d, p, q = self.n, self.e, self.d, self.p, self.q
        return der_seq(der_int(0), der_int(n), der_int(e), der_int(d), der_int(p), der_int(q),
                       der_int(d % (p - 1)), der_int(d % (q - 1)), der_int(pow(q, -1, p)))

    def pkcs8_der(self) -> bytes:
        alg = der_seq(der_oid("1.2.840.113549.1.1.1"), DER_NULL)
        return der_seq(der_int(0), alg, der(0x04, self.pkcs1_der()))

    def spki_der(self) -> bytes:
        alg = der_seq(der_oid("1.2.840.113549.1.1.1"), DER_NULL)
        return der_seq(alg, der(0x03, b"\x00" + der_seq(der_int(self.n), der_int(self.e))))

    def sign_sha256(self, msg: bytes) -> bytes:
        k = (self.n.bit_length() + 7) // 8
        digest_info = bytes.fromhex("3031300d060960864801650304020105000420") + hashlib.sha256(msg).digest()
        em = b"\x00\x01" + b"\xff" * (k - len(digest_info) - 3) + b"\x00" + digest_info
        return pow(int.from_bytes(em, "big"), self.d, self.n).to_bytes(k, "big")

    def openssh_blobs(self) -> tuple[bytes, bytes]:
        pub = _sshstr(b"ssh-rsa") + _mpint(self.e) + _mpint(self.n)
        priv = (_sshstr(b"ssh-rsa") + _mpint(self.n) + _mpint(self.e) + _mpint(self.d)
                + _mpint(pow(self.q, -1, self.p)) + _mpint(self.p) + _mpint(self.q))
        return pub, priv


# ---------------------------------------------------------------------------------------------
# EC P-256
# ---------------------------------------------------------------------------------------------
_P256_P = 2 ** 256 - 2 ** 224 + 2 ** 192 + 2 ** 96 - 1
_P256_N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
_P256_G = (0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
           0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5)


def _ec_add(P, Q):
    p = _P256_P
    if P is None:
        return Q
    if Q is None:
        return P
    if P[0] == Q[0] and (P[1] + Q[1]) % p == 0:
        return None
    if P == Q:
        lam = (3 * P[0] * P[0] - 3) * pow(2 * P[1], -1, p) % p
    else:
        lam = (Q[1] - P[1]) * pow(Q[0] - P[0], -1, p) % p
    x = (lam * lam - P[0] - Q[0]) % p
    return x, (lam * (P[0] - x) - P[1]) % p


def _ec_mul(k, P):
    R = None
    while k:
        if k & 1:
            R = _ec_add(R, P)
        P = _ec_add(P, P)
        k >>= 1
    return R


class ECKey:
    def __init__(self, rng: random.Random):
        self.d = rng.randrange(1, _P256_N)
        x, y = _ec_mul(self.d, _P256_G)
        self.pub = b"\x04" + x.to_bytes(32, "big") + y.to_bytes(32, "big")

    def sec1_der(self, with_params: bool = True) -> bytes:
        parts = [der_int(1), der(0x04, self.d.to_bytes(32, "big"))]
        if with_params:
            parts.append(der(0xA0, der_oid("1.2.840.10045.3.1.7")))
        parts.append(der(0xA1, der(0x03, b"\x00" + self.pub)))
        return der_seq(*parts)

    def pkcs8_der(self) -> bytes:
        alg = der_seq(der_oid("1.2.840.10045.2.1"), der_oid("1.2.840.10045.3.1.7"))
        return der_seq(der_int(0), alg, der(0x04, self.sec1_der(with_params=False)))

    def spki_der(self) -> bytes:
        alg = der_seq(der_oid("1.2.840.10045.2.1"), der_oid("1.2.840.10045.3.1.7"))
        return der_seq(alg, der(0x03, b"\x00" + self.pub))


# ---------------------------------------------------------------------------------------------
# Ed25519 (RFC 8032 reference arithmetic) and the OpenSSH key formats
# ---------------------------------------------------------------------------------------------
_ED_P = 2 ** 255 - 19
_ED_D = -121665 * pow(121666, -1, _ED_P) % _ED_P
_ED_SQRT_M1 = pow(2, (_ED_P - 1) // 4, _ED_P)


def _ed_recover_x(y, sign):
    x2 = (y * y - 1) * pow(_ED_D * y * y + 1, -1, _ED_P)
    x = pow(x2, (_ED_P + 3) // 8, _ED_P)
    if (x * x - x2) % _ED_P:
        x = x * _ED_SQRT_M1 % _ED_P
    if (x & 1) != sign:
        x = _ED_P - x
    return x


_ED_GY = 4 * pow(5, -1, _ED_P) % _ED_P
_ED_GX = _ed_recover_x(_ED_GY, 0)
_ED_G = (_ED_GX, _ED_GY, 1, _ED_GX * _ED_GY % _ED_P)


def _ed_add(P, Q):
    p = _ED_P
    A = (P[1] - P[0]) * (Q[1] - Q[0]) % p
    B = (P[1] + P[0]) * (Q[1] + Q[0]) % p
    C = 2 * P[3] * Q[3] * _ED_D % p
    D = 2 * P[2] * Q[2] % p
    E, F, G, H = B - A, D - C, D + C, B + A
    return E * F % p, G * H % p, F * G % p, E * H % p


def _ed_mul(s, P):
    Q = (0, 1, 1, 0)
    while s:
        if s & 1:
            Q = _ed_add(Q, P)
        P = _ed_add(P, P)
        s >>= 1
    return Q


def ed25519_public(seed: bytes) -> bytes:
    h = hashlib.sha512(seed).digest()
    a = int.from_bytes(h[:32], "little")
    a &= (1 << 254) - 8
    a |= 1 << 254
    X, Y, Z, _ = _ed_mul(a, _ED_G)
    zi = pow(Z, -1, _ED_P)
    x, y = X * zi % _ED_P, Y * zi % _ED_P
    return (y | ((x & 1) << 255)).to_bytes(32, "little")


def _sshstr(b: bytes) -> bytes:
    return struct.pack(">I", len(b)) + b


def _mpint(x: int) -> bytes:
    return _sshstr(x.to_bytes((x.bit_length() + 8) // 8, "big") if x else b"")


class Ed25519Key:
    def __init__(self, rng: random.Random):
        self.seed = rng.randbytes(32)
        self.pub = ed25519_public(self.seed)

    def openssh_blobs(self) -> tuple[bytes, bytes]:
        pub = _sshstr(b"ssh-ed25519") + _sshstr(self.pub)
        priv = _sshstr(b"ssh-ed25519") + _sshstr(self.pub) + _sshstr(self.seed + self.pub)
        return pub, priv


def openssh_private(key, rng: random.Random, comment: str) -> str:
    """-----BEGIN OPENSSH PRIVATE KEY----- (openssh-key-v1, unencrypted, 70-column base64)."""
    pub, priv_fields = key.openssh_blobs()
    check = rng.randbytes(4)
    priv = check + check + priv_fields + _sshstr(comment.encode())
    i = 1
    while len(priv) % 8:
        priv += bytes([i])
        i += 1
    blob = (b"openssh-key-v1\x00" + _sshstr(b"none") + _sshstr(b"none") + _sshstr(b"")
            + struct.pack(">I", 1) + _sshstr(pub) + _sshstr(priv))
    return pem("OPENSSH PRIVATE KEY", blob, width=70)


def openssh_public_line(key, comment: str) -> str:
    pub, _ = key.openssh_blobs()
    kind = pub[4:4 + struct.unpack(">I", pub[:4])[0]].decode()
    return f"{kind} {b64(pub)} {comment}"


# ---------------------------------------------------------------------------------------------
# Self-signed X.509 certificate (public: a negative)
# ---------------------------------------------------------------------------------------------
def _name(cn: str, org: str) -> bytes:
    def rdn(oid, value, tag=0x0C):
        return der(0x31, der_seq(der_oid(oid), der(tag, value.encode())))
    return der_seq(rdn("2.5.4.6", "US", 0x13), rdn("2.5.4.10", org), rdn("2.5.4.3", cn))


def self_signed_cert(key: RSAKey, rng: random.Random, cn: str, org: str = "Acme Corp") -> str:
    year = rng.randint(2021, 2025)
    nb = f"{year % 100:02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}120000Z"
    na = f"{(year + rng.choice([1, 2, 10])) % 100:02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}120000Z"
    sig_alg = der_seq(der_oid("1.2.840.113549.1.1.11"), DER_NULL)
    name = _name(cn, org)
    san = der_seq(der_oid("2.5.29.17"), der(0x04, der_seq(der(0x82, cn.encode()))))
    tbs = der_seq(der(0xA0, der_int(2)), der_int(rng.getrandbits(120) | 1 << 119), sig_alg, name,
                  der_seq(der(0x17, nb.encode()), der(0x17, na.encode())), name, key.spki_der(),
                  der(0xA3, der_seq(san)))
    cert = der_seq(tbs, sig_alg, der(0x03, b"\x00" + key.sign_sha256(tbs)))
    return pem("CERTIFICATE", cert)


# ---------------------------------------------------------------------------------------------
# JWT
# ---------------------------------------------------------------------------------------------
def jwt(rng: random.Random, rsa: RSAKey | None = None) -> str:
    now = rng.randint(1_650_000_000, 1_760_000_000)
    payload = rng.choice([
        {"sub": uuid4(rng), "iat": now, "exp": now + rng.choice([900, 3600, 86400, 31536000]),
         "iss": f"https://auth.{rng.choice(['acme.io', 'globex.dev', 'initech.net'])}/",
         "aud": rng.choice(["api", "billing-service", "mobile"]), "scope": "read write"},
        {"user_id": rng.randint(1000, 999999), "role": rng.choice(["admin", "service", "user"]),
         "iat": now, "exp": now + 3600},
        {"sub": f"svc-{rng.choice(WORDS)}", "tenant": rng.choice(WORDS), "iat": now,
         "jti": rchars(rng, HEX, 16)},
    ])
    alg = "RS256" if rsa else "HS256"
    header = {"alg": alg, "typ": "JWT"}
    if rsa and rng.random() < 0.5:
        header["kid"] = rchars(rng, HEX, 16)
    signing_input = (b64url(json.dumps(header, separators=(",", ":")).encode()) + "."
                     + b64url(json.dumps(payload, separators=(",", ":")).encode()))
    if rsa:
        sig = rsa.sign_sha256(signing_input.encode())
    else:
        sig = hmac.new(rng.randbytes(32), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + b64url(sig)


JWT_IO_SAMPLE = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0"
                 "IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")
