"""Offline checks of key and checksum formats: base64 and JSON helpers, DER, OpenSSH, OpenPGP
and PEM blocks, PKCS#12, bech32, base58check (Bitcoin WIF), and Microsoft's Marvin32-checksummed
keys (Azure, Entra ID, Azure DevOps)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re


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


def _b64_text(value: str, encoding: str) -> str | None:
    """The text a base64 value decodes to, or None."""
    raw = _b64_any(value)
    if raw is None:
        return None
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


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


def _pem_base64(value: str) -> bool:
    """Base64 of a whole PEM private key block (kubeconfig ``client-key-data`` and friends)."""
    text = _b64_text(value, "ascii")
    return text is not None and "PRIVATE KEY" in text and _pem(text)


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
