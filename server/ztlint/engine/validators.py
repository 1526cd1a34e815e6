"""Offline token validators: the rule YAML names one by key in :data:`VALIDATORS`. Each checks
what a real token of its kind must satisfy (a checksum, an embedded structure), so made-up
samples in docs and tests are not reported. Pure and stateless."""

from __future__ import annotations

import base64
import binascii
import re
from typing import Callable

from .keyformats import (_azure_ad_secret, _azure_devops_pat, _azure_identifiable, _b64_any, _b64_json,
                         _b64_text, _b64url_json, _B64URL_CHARS, _bech32, _bitcoin_wif, _pem,
                         _pem_base64, _pkcs12)
from .placeholders import is_placeholder


_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


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
    "xoxb": re.compile(r"^xoxb-(\d{8,14})-(?:(\d{8,14})-)?([A-Za-z0-9]{24,34})$"),  # legacy: no bot id
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
    if any(i and i.isdigit() and i.startswith("0") for i in ids):
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
