"""Keys and signed tokens for the secrets corpus, in pure Python from the seed: ASN.1 DER and
PEM, RSA, EC P-256, Ed25519 and the OpenSSH formats, self-signed X.509 certificates, and JWTs.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import struct

from .tokens import HEX, WORDS, b64, b64url, rchars, uuid4


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


def _scalar_mul(k, P, add, identity):
    """k·P by double-and-add, for any group given its addition and identity element."""
    R = identity
    while k:
        if k & 1:
            R = add(R, P)
        P = add(P, P)
        k >>= 1
    return R


def _ec_mul(k, P):
    return _scalar_mul(k, P, _ec_add, None)


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
    return _scalar_mul(s, P, _ed_add, (0, 1, 1, 0))


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
