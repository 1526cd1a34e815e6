"""Secret detection helpers: redaction, entropy, placeholders and offline token validators.

Text rules (``match.regex``) use these; the rule YAML names a validator by key in
:data:`VALIDATORS`. Everything here is pure and stateless.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
import re
from collections import Counter
from typing import Callable

REDACT_KEEP = 4
_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def redact(value: str | bytes) -> str:
    """First four characters and an ellipsis: enough to recognise, never enough to use."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return value[:REDACT_KEEP] + "…"


def shannon_entropy(value: bytes | str) -> float:
    if not value:
        return 0.0
    counts = Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


# Values that are obviously not real: templates, references, masks and documentation samples.
_PLACEHOLDER = re.compile(
    r"""(?ix)
    ^\s*$
    | \$\{[^}]*\}             # ${VAR}
    | \{\{[^}]*\}\}           # {{ var }}
    | \{[A-Za-z_][\w.]*\}     # {var} (str.format / f-string field)
    | %\([A-Za-z_]\w*\)[sd]   # %(var)s
    | %[A-Z_][A-Z0-9_]*%      # %VAR%
    | <[^<>\s]{1,60}>         # <your-key>
    | \*{3,} | x{5,} | X{5,} | \.{3} | … | •{3,}
    | change[-_]?me | change[-_]?it | replace[-_]?me | your[-_]?(?:api[-_]?)?(?:key|token|secret|password)
    | your[-_](?:[a-z]+[-_]){0,3}(?:key|token|secret|password|pass|pat|sid|id)\b
    | insert[-_](?:your|key|token|secret)
    | placeholder | dummy | redacted | example | sample | not[-_]?a[-_]?real | fake
    | 0123456789 | 123456789 | abcdefghij | qwertyuiop
    | ^(?:password|secret|token|none|null|test|testing|foobar|hunter2|admin|root|pass)$
    """
)

# Inside the base64 body of a PEM block only whole words of five letters or more count:
# four random base64 characters spell "fake" far too often for a 2,000-character key.
_PEM_BODY_PLACEHOLDER = re.compile(
    r"(?i)placeholder|dummy|redacted|example|sample|notareal|x{5,}|\.{3}|…|\*{3,}|<[^<>\s]{1,60}>")
_PEM_ARMOR = re.compile(r"-----(?:BEGIN|END) [A-Z0-9 ]+-----")

#: Sample keys printed in providers' documentation; never live.
KNOWN_SAMPLES = frozenset({
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "gho_16C7e42F292c6912E7710c838347Ae178B4a",
    # Stripe's public API reference test keys
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
    "pk_test_TYooMQauvdEDq54NiTphI7jx",
    # the jwt.io debugger's default token
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0"
    "IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    # the Azurite storage emulator and Cosmos DB emulator keys (published, local only)
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
    "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
})


def _pem_placeholder(value: str) -> bool:
    """A PEM block is a placeholder when its armor/header lines are, or its body is a mask."""
    text = value.replace("\\n", "\n")
    outside = _PEM_ARMOR.sub("", text)
    lines = [ln.strip() for ln in outside.splitlines() if ln.strip()]
    headers = [ln for ln in lines if ":" in ln]
    body = "".join(ln for ln in lines if ":" not in ln)
    if any(_PLACEHOLDER.search(h) for h in headers):
        return True
    return not body or bool(_PEM_BODY_PLACEHOLDER.search(body)) or len(set(body)) <= 4


def is_placeholder(value: str | bytes) -> bool:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if value in KNOWN_SAMPLES:
        return True
    if "-----BEGIN " in value and len(value) > 120:
        return _pem_placeholder(value)
    if _PLACEHOLDER.search(value):
        return True
    # a run of one repeated character, or a trivially sequential string
    return len(set(value)) <= 2 or value.lower() in "abcdefghijklmnopqrstuvwxyz0123456789"


def base62(n: int, width: int = 6) -> str:
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = _BASE62[r] + out
    return out.rjust(width, "0")


def _crc32_base62_tail(token: str, prefix_len: int) -> bool:
    """GitHub/npm-style tokens: body then base62(CRC32(body)) as the last 6 characters."""
    body, check = token[prefix_len:-6], token[-6:]
    return bool(body) and base62(binascii.crc32(body.encode())) == check


def _github(token: str) -> bool:
    return "_" in token and _crc32_base62_tail(token, token.index("_") + 1)


def _npm(token: str) -> bool:
    return _crc32_base62_tail(token, len("npm_"))


def _has_classes(part: str, *classes: str) -> bool:
    return all(re.search(c, part) for c in classes)


def _github_fine_grained(token: str) -> bool:
    """``github_pat_`` + 22 base62 (token id) + ``_`` + 59 base62 (secret)."""
    if not token.startswith("github_pat_"):
        return False
    parts = token[len("github_pat_"):].split("_")
    if len(parts) != 2 or len(parts[0]) != 22 or len(parts[1]) != 59:
        return False
    if not all(p.isascii() and p.isalnum() for p in parts):
        return False
    return _has_classes(parts[1], "[0-9]", "[a-z]", "[A-Z]")


def _b64_any(part: str) -> bytes | None:
    """Decode standard or URL-safe base64, padded or not; None if it is not base64."""
    part = part.rstrip("=")
    if re.fullmatch(r"[A-Za-z0-9+/]*", part):
        altchars = b"+/"
    elif re.fullmatch(r"[A-Za-z0-9_-]*", part):
        altchars = b"-_"
    else:
        return None
    try:
        return base64.b64decode(part + "=" * (-len(part) % 4), altchars=altchars, validate=True)
    except (ValueError, binascii.Error):
        return None


def _b64url_json(part: str) -> dict | None:
    try:
        raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        obj = json.loads(raw)
    except (ValueError, binascii.Error, RecursionError):
        return None
    return obj if isinstance(obj, dict) else None


def _b64_json(part: str) -> dict | None:
    raw = _b64_any(part)
    if raw is None:
        return None
    try:
        obj = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    return obj if isinstance(obj, dict) else None


_B64URL_CHARS = re.compile(r"^[A-Za-z0-9_-]*$")


def _jwt(token: str) -> bool:
    """Three base64url parts; the header is JSON naming an ``alg``, the payload a JSON object."""
    parts = token.split(".")
    if len(parts) != 3 or not all(_B64URL_CHARS.match(p) for p in parts):
        return False
    header = _b64url_json(parts[0])
    if not header or not isinstance(header.get("alg"), str):
        return False
    if _b64url_json(parts[1]) is None:
        return False
    # a signed token carries a signature; an unsigned one (alg "none") has an empty third part
    return bool(parts[2]) or header["alg"].lower() == "none"


def _jwt_payload(token: str) -> dict:
    parts = token.split(".")
    return (_b64url_json(parts[1]) or {}) if len(parts) == 3 else {}


def _supabase_role(payload: dict) -> str | None:
    if payload.get("iss") == "supabase" or "ref" in payload:
        role = payload.get("role")
        return role if isinstance(role, str) else None
    return None


def _jwt_service_role(token: str) -> bool:
    """A Supabase ``service_role`` key: a JWT whose payload grants that role."""
    return _jwt(token) and _supabase_role(_jwt_payload(token)) == "service_role"


def _text_signature(token: str) -> bool:
    """The signature part decodes to readable text ("signature-value", "abc123..."): a made-up
    token from documentation or tests. Real signatures are random bytes."""
    sig = token.rsplit(".", 1)[-1]
    raw = _b64_any(sig)
    return raw is not None and len(raw) >= 6 and all(32 <= b < 127 for b in raw)


def _jwt_unclassified(token: str) -> bool:
    """A JWT that no provider-specific rule claims (Supabase keys have their own rules) and
    whose signature is not readable text."""
    return _jwt(token) and _supabase_role(_jwt_payload(token)) is None and not _text_signature(token)


def _der_sequence(raw: bytes) -> bool:
    """``raw`` is exactly one DER SEQUENCE (what PKCS#1/#8, SEC1 and DSA private keys are)."""
    if len(raw) < 2 or raw[0] != 0x30:
        return False
    if raw[1] < 0x80:
        return 2 + raw[1] == len(raw)
    n = raw[1] & 0x7F
    if not 1 <= n <= 4 or len(raw) < 2 + n:
        return False
    return 2 + n + int.from_bytes(raw[2:2 + n], "big") == len(raw)


def _crc24(data: bytes) -> int:
    """OpenPGP ASCII-armor checksum (RFC 4880, section 6.1)."""
    crc = 0xB704CE
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def _openssh(raw: bytes) -> bool:
    """``openssh-key-v1``: length-prefixed fields that use up the buffer exactly; an unencrypted
    private section starts with the same 32-bit check integer twice."""
    magic = b"openssh-key-v1\0"
    if not raw.startswith(magic):
        return False
    pos = len(magic)

    def field() -> bytes:
        nonlocal pos
        n = int.from_bytes(raw[pos:pos + 4], "big")
        if pos + 4 + n > len(raw):
            raise ValueError("truncated")
        pos += 4 + n
        return raw[pos - n:pos]

    try:
        cipher, _kdf, _kdf_options = field(), field(), field()
        nkeys = int.from_bytes(raw[pos:pos + 4], "big")
        pos += 4
        if not 1 <= nkeys <= 16:
            return False
        for _ in range(nkeys):
            field()
        private = field()
    except ValueError:
        return False
    if pos != len(raw):
        return False
    return cipher != b"none" or (len(private) >= 8 and private[:4] == private[4:8])


_PEM_BEGIN = re.compile(r"-----BEGIN ([A-Z0-9 ]+)-----")
_PEM_END = re.compile(r"-----END ([A-Z0-9 ]+)-----")


def _pem(block: str) -> bool:
    """A private key block whose body is real base64 of a structure that matches its label.

    Accepts real newlines or the ``\\n`` escapes of JSON and .env files. Checks: DER framing for
    PKCS#1/#8, SEC1 and DSA keys; the ``openssh-key-v1`` framing (and, for unencrypted keys, the
    repeated check integer); a secret-key packet and the CRC-24 armor checksum for OpenPGP. Legacy encrypted PEM (``Proc-Type``) bodies
    are ciphertext, so only their base64 and block size are checked.
    """
    text = block.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\\/", "/")
    begin = _PEM_BEGIN.search(text)
    end = _PEM_END.search(text, begin.end()) if begin else None
    if begin and end:
        label = begin.group(1)
        inner = text[begin.end():end.start()]
    else:  # legacy behaviour: first and last line are the armor
        lines = text.strip().splitlines()
        label, inner = "", "\n".join(lines[1:-1])
    lines = [ln.strip() for ln in inner.splitlines()]
    headers = [ln for ln in lines if ":" in ln]
    body_lines = [ln for ln in lines if ln and ":" not in ln]
    checksum = None
    if body_lines and len(body_lines[-1]) == 5 and body_lines[-1].startswith("="):
        checksum = body_lines.pop()[1:]
    body = "".join(body_lines)
    if " " in body and len(lines) <= 1:  # a one-line block with the newlines flattened to spaces
        body = body.replace(" ", "")
    if len(body) < 64:
        return False
    try:
        raw = base64.b64decode(body, validate=True)
    except (ValueError, binascii.Error):
        return False
    if checksum is not None:
        try:
            if int.from_bytes(base64.b64decode(checksum, validate=True), "big") != _crc24(raw):
                return False
        except (ValueError, binascii.Error):
            return False
    if not label:
        return True
    if any("ENCRYPTED" in h for h in headers):  # Proc-Type: 4,ENCRYPTED + DEK-Info
        return len(raw) % 8 == 0
    if label == "OPENSSH PRIVATE KEY":
        return _openssh(raw)
    if label.startswith("PGP "):
        if not raw or not raw[0] & 0x80:
            return False
        tag = raw[0] & 0x3F if raw[0] & 0x40 else (raw[0] >> 2) & 0x0F
        return tag in (5, 7)  # secret-key / secret-subkey packet
    return _der_sequence(raw)


def _b64_text(value: str, encoding: str) -> str | None:
    """The text a base64 value decodes to, or None."""
    raw = _b64_any(value)
    if raw is None:
        return None
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def _pem_base64(value: str) -> bool:
    """Base64 of a whole PEM private key block (kubeconfig ``client-key-data`` and friends)."""
    text = _b64_text(value, "ascii")
    return text is not None and "PRIVATE KEY" in text and _pem(text)


def _pypi(token: str) -> bool:
    """PyPI API tokens are macaroons: base64 of a binary blob that names pypi.org."""
    body = token[len("pypi-"):]
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (ValueError, binascii.Error):
        return False
    # libmacaroons v2 binary format: version byte 2, then the location field (pypi.org)
    return raw[:1] == b"\x02" and b"pypi.org" in raw[:64]


def _b64_len(n: int) -> Callable[[str], bool]:
    def check(value: str) -> bool:
        raw = _b64_any(value)
        return raw is not None and len(raw) == n
    check.__doc__ = f"Base64 of exactly {n} bytes."
    return check


def _azure_storage_key(value: str) -> bool:
    """Storage / Cosmos DB account keys: 88 base64 characters ending ``==``, i.e. 64 bytes."""
    return len(value) == 88 and value.endswith("==") and _b64_len(64)(value)


_SLACK_SHAPES = {
    # prefix: (numeric ids, secret part pattern)
    "xoxb": re.compile(r"^xoxb-(\d{8,14})-(\d{8,14})-([A-Za-z0-9]{24,34})$"),
    "xoxp": re.compile(r"^xoxp-(\d{8,14})-(\d{8,14})-(\d{8,14})-([0-9a-f]{32})$"),
    "xoxa": re.compile(r"^xoxa-2-(\d{8,14})-(\d{8,14})-(\d{8,14})-([0-9a-f]{32,64})$"),
    "xoxr": re.compile(r"^xoxr-(\d{8,14})-(\d{8,14})-(\d{8,14})-([0-9a-f]{32,64})$"),
    "xoxs": re.compile(r"^xoxs-(\d{8,14})-(\d{8,14})-(\d{8,14})-([0-9a-f]{32,64})$"),
    "xoxc": re.compile(r"^xoxc-(\d{8,14})-(\d{8,14})-(\d{8,14})-([0-9a-f]{32,64})$"),
    "xapp": re.compile(r"^xapp-1-(A[A-Z0-9]{8,12})-(\d{10,16})-([0-9a-f]{64})$"),
    "xoxe.xoxp": re.compile(r"^xoxe\.xoxp-1-([A-Za-z0-9-]{100,300})$"),
    "xoxe.xoxb": re.compile(r"^xoxe\.xoxb-1-([A-Za-z0-9-]{100,300})$"),
    "xoxe": re.compile(r"^xoxe-1-([A-Za-z0-9-]{100,300})$"),
}


def _slack(token: str) -> bool:
    """Slack tokens: the shape of their type, numeric ids that do not start with 0, a random tail."""
    kind = token.split("-", 1)[0]
    shape = _SLACK_SHAPES.get(kind)
    m = shape.match(token) if shape else None
    if not m:
        return False
    *ids, secret = m.groups()
    if any(i.isdigit() and i.startswith("0") for i in ids):
        return False
    return len(set(secret)) >= 10


def _discord_bot(token: str) -> bool:
    """Discord bot tokens: base64(user id) . timestamp . HMAC; the id is a snowflake."""
    parts = token.split(".")
    if len(parts) != 3 or len(parts[1]) < 6 or len(parts[2]) < 27:
        return False
    raw = _b64_any(parts[0])
    if raw is None or not raw.isdigit() or not 17 <= len(raw) <= 20 or is_placeholder(raw.decode()):
        return False
    return int(raw) >> 22 > 0  # a snowflake carries a non-zero timestamp


def _prefixed_b64_json(token: str, sep: str, keys: tuple[str, ...]) -> bool:
    parts = token.split(sep)
    part = parts[1] if len(parts) > 1 else ""
    obj = _b64_json(part)
    return obj is not None and all(k in obj for k in keys)


def _grafana_cloud(token: str) -> bool:
    """``glc_`` + base64 of {"o": org, "n": name, "k": key, "m": {...}}."""
    return _prefixed_b64_json(token, "_", ("o", "k"))


def _grafana_api_key(token: str) -> bool:
    """Legacy Grafana API keys: base64 of {"k": key, "n": name, "id": org}."""
    obj = _b64_json(token)
    return obj is not None and "k" in obj and "n" in obj


def _grafana_sa(token: str) -> bool:
    """``glsa_`` + 32 random + ``_`` + CRC32 of everything before the last underscore, as the
    hex of its four little-endian bytes."""
    head, _, check = token.rpartition("_")
    return len(check) == 8 and binascii.crc32(head.encode()).to_bytes(4, "little").hex() == check.lower()


def _sentry_org(token: str) -> bool:
    """``sntrys_`` + base64(JSON with iat/url/org) + ``_`` + secret."""
    body = token[len("sntrys_"):]
    payload, _, secret = body.rpartition("_")
    obj = _b64_json(payload)
    return obj is not None and "iat" in obj and ("org" in obj or "url" in obj) and len(secret) >= 32


def _mapbox(token: str) -> bool:
    """``sk.``/``pk.``/``tk.`` + base64url JSON naming the user + ``.`` + 22-character secret."""
    parts = token.split(".")
    if len(parts) != 3:
        return False
    obj = _b64url_json(parts[1])
    return obj is not None and "u" in obj


def _onepassword_sa(token: str) -> bool:
    """``ops_`` + base64 JSON describing the service account (sign-in address, keys...)."""
    obj = _b64_json(token[len("ops_"):])
    return obj is not None and len(obj) >= 3


_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _bech32_polymod(values: list[int]) -> int:
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def _bech32(value: str) -> bool:
    """A BIP-173 bech32 string (age keys): single case, valid charset and checksum."""
    if value != value.lower() and value != value.upper():
        return False
    value = value.lower()
    pos = value.rfind("1")
    if pos < 1 or len(value) - pos < 7:
        return False
    hrp, data = value[:pos], value[pos + 1:]
    if any(c not in _BECH32 for c in data):
        return False
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    return _bech32_polymod(expanded + [_BECH32.index(c) for c in data]) == 1


_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def _base58check(value: str) -> bytes | None:
    n = 0
    for c in value:
        i = _BASE58.find(c)
        if i < 0:
            return None
        n = n * 58 + i
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    raw = b"\0" * (len(value) - len(value.lstrip("1"))) + raw
    payload, check = raw[:-4], raw[-4:]
    if len(raw) < 5 or hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] != check:
        return None
    return payload


def _bitcoin_wif(value: str) -> bool:
    """Wallet Import Format: base58check(0x80 + 32-byte key [+ 0x01 if compressed])."""
    payload = _base58check(value)
    if payload is None or payload[0] not in (0x80, 0xEF):
        return False
    return len(payload) == 33 or (len(payload) == 34 and payload[-1] == 1)


def _basic_auth(value: str) -> bool:
    """Base64 of ``user:password`` with a non-placeholder password (HTTP Basic, Docker auths)."""
    text = _b64_text(value, "utf-8")
    if text is None:
        return False
    user, sep, password = text.partition(":")
    # real credentials here are printable ASCII; short or non-ASCII ones are test samples
    if not sep or len(password) < 6 or not text.isascii() or not text.isprintable():
        return False
    return not is_placeholder(password)


_PKCS7_DATA_OID = bytes.fromhex("06092a864886f70d010701")


def _pkcs12(value: str) -> bool:
    """Base64 of a PKCS#12 (.p12/.pfx) file: a DER SEQUENCE, version 3, PKCS#7 data content."""
    raw = _b64_any(value)
    return raw is not None and _der_sequence(raw) and _PKCS7_DATA_OID in raw[:40] \
        and b"\x02\x01\x03" in raw[2:8]


_M32 = 0xFFFFFFFF


def _rotl32(v: int, n: int) -> int:
    return ((v << n) | (v >> (32 - n))) & _M32


def marvin32(data: bytes, seed: int) -> int:
    """The Marvin32 keyed checksum (64-bit result: high word p1, low word p0)."""
    p0, p1 = seed & _M32, (seed >> 32) & _M32

    def block(p0: int, p1: int) -> tuple[int, int]:
        p1 ^= p0
        p0 = _rotl32(p0, 20)
        p0 = (p0 + p1) & _M32
        p1 = _rotl32(p1, 9)
        p1 ^= p0
        p0 = _rotl32(p0, 27)
        p0 = (p0 + p1) & _M32
        p1 = _rotl32(p1, 19)
        return p0, p1

    full = len(data) & ~3
    for i in range(0, full, 4):
        p0 = (p0 + int.from_bytes(data[i:i + 4], "little")) & _M32
        p0, p1 = block(p0, p1)
    tail = data[full:]
    p0 = (p0 + (int.from_bytes(tail, "little") | (0x80 << (8 * len(tail))))) & _M32
    p0, p1 = block(p0, p1)
    p0, p1 = block(p0, p1)
    return (p1 << 32) | p0


def _marvin32_folded(data: bytes, seed: int) -> int:
    h = marvin32(data, seed)
    return (h >> 32) ^ (h & _M32)


# Microsoft "identifiable" keys: a 4-character provider signature just before a base64-encoded
# Marvin32 checksum (seeded per key kind) of all the bytes before it.
_AZURE_SIGNATURE_SEEDS = {
    "+ASt": (0x44656661756C7430,),  # storage account
    "ACDb": (0x4D617374524F3030, 0x4D61737452573030, 0x537973416C6C3030, 0x5265736F75723030,
             0x53797374524F3030, 0x456E637279703030, 0x5379737452573030),  # Cosmos DB
    "AzFu": (0x46756E6374693030, 0x53797374656D3030, 0x4D61737465723030),  # Functions
    "+ASb": (0x53656E6430303030, 0x4C697374656E3030, 0x4D616E6167653030,
             0x53797374656D3030, 0x556E6B6E6F776E30),  # Service Bus
    "+AEh": (0x53656E6430303030, 0x4C697374656E3030, 0x4D616E6167653030,
             0x53797374656D3030, 0x556E6B6E6F776E30),  # Event Hubs
    "+ARm": (0x53656E6430303030, 0x4C697374656E3030, 0x4D616E6167653030),  # Relay
    "AzSe": (0x5175657279303030, 0x5041646D696E3030),  # AI Search
    "+ACR": (0x41435244666C7430,),  # Container Registry
    "APIM": (0x54656E616E743030, 0x496F544875623030, 0x4761746577793030, 0x4769744B65793030),
    "AIoT": (0x496F544875623030, 0x4470734B65793030, 0x4465766963653030),  # IoT Hub / DPS / device
    "AzCa": (0x4163636573733030,),  # Cache for Redis
    "+ABa": (0x4162416363743030,),  # Batch
    "+AMC": (0x436C617373696330,),  # ML web service (classic)
}


def _azure_identifiable(key: str) -> bool:
    """The Marvin32 checksum of an Azure identifiable key matches one seed of its signature."""
    body = key.rstrip("=")
    sig = body[-10:-6]
    seeds = _AZURE_SIGNATURE_SEEDS.get(sig)
    raw = _b64_any(body)
    if not seeds or raw is None or len(raw) < 16:
        return False
    expected = int.from_bytes(raw[-4:], "little")
    return any(_marvin32_folded(raw[:-4], seed) == expected for seed in seeds)


_AAD_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890.-_~"


def _encode_alphabet(n: int, alphabet: str) -> str:
    out = ""
    while n:
        n, r = divmod(n, len(alphabet))
        out = alphabet[r] + out
    return out


def _azure_ad_secret(secret: str) -> bool:
    """Entra ID (Azure AD) client secrets: ``xxx8Q~`` + random; the last three characters are the
    start of a Marvin32 checksum of the rest. ``7Q~`` secrets predate the checksum."""
    if len(secret) < 34 or any(c not in _AAD_ALPHABET for c in secret):
        return False
    if secret[3:6] == "7Q~":
        return True
    if secret[3:6] != "8Q~":
        return False
    checksum = _marvin32_folded(secret[:-3].encode("latin-1"), 0x4161645077643030)
    return _encode_alphabet(checksum, _AAD_ALPHABET)[:3] == secret[-3:]


def _azure_devops_pat(pat: str) -> bool:
    """Legacy 52-character Azure DevOps PATs: base32 with a CRC32 (xor a per-kind constant)
    spread over bytes 2, 7, 8 and 22."""
    if len(pat) != 52:
        return False
    try:
        raw = base64.b32decode(pat.upper() + "====")
    except (ValueError, binascii.Error):
        return False
    body = raw[0:2] + raw[3:7] + raw[9:22] + raw[23:32]
    embedded = int.from_bytes(bytes((raw[22], raw[8], raw[7], raw[2])), "little")
    crc = binascii.crc32(body)
    return embedded in (crc ^ 0xE0B9692D, crc ^ 0x1019F92E)


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "github-crc32": _github,
    "npm-crc32": _npm,
    "jwt": _jwt,
    "pem": _pem,
    "pypi-macaroon": _pypi,
    "github-fine-grained": _github_fine_grained,
    "jwt-unclassified": _jwt_unclassified,
    "jwt-supabase-service-role": _jwt_service_role,
    "pem-base64": _pem_base64,
    "azure-storage-key": _azure_storage_key,
    "base64-32-bytes": _b64_len(32),
    "slack-token": _slack,
    "discord-bot-token": _discord_bot,
    "grafana-cloud-token": _grafana_cloud,
    "grafana-api-key": _grafana_api_key,
    "grafana-sa-crc32": _grafana_sa,
    "sentry-org-token": _sentry_org,
    "mapbox-token": _mapbox,
    "onepassword-service-account": _onepassword_sa,
    "bech32": _bech32,
    "bitcoin-wif": _bitcoin_wif,
    "basic-auth": _basic_auth,
    "pkcs12": _pkcs12,
    "azure-identifiable-key": _azure_identifiable,
    "azure-ad-client-secret": _azure_ad_secret,
    "azure-devops-pat": _azure_devops_pat,
}


def validate(name: str | None, value: str) -> bool:
    return True if not name else VALIDATORS[name](value)
