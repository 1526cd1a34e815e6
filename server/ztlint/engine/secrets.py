"""Secret detection helpers: redaction, entropy, placeholders and offline token validators.

Text rules (``match.regex``) use these; the rule YAML names a validator by key in
:data:`VALIDATORS`. Everything here is pure and stateless.
"""

from __future__ import annotations

import base64
import binascii
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
    | %[A-Z_][A-Z0-9_]*%      # %VAR%
    | <[^<>\s]{1,60}>         # <your-key>
    | \*{3,} | x{5,} | X{5,} | \.{3} | …
    | change[-_]?me | replace[-_]?me | your[-_]?(?:api[-_]?)?(?:key|token|secret|password)
    | placeholder | dummy | redacted | example | sample | not[-_]?a[-_]?real | fake
    | ^(?:password|secret|token|none|null|test|testing|foobar|hunter2|admin|root|pass)$
    """
)

#: Sample keys printed in providers' documentation; never live.
KNOWN_SAMPLES = frozenset({
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "gho_16C7e42F292c6912E7710c838347Ae178B4a",
})


def is_placeholder(value: str | bytes) -> bool:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if value in KNOWN_SAMPLES:
        return True
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
    return _crc32_base62_tail(token, token.index("_") + 1)


def _npm(token: str) -> bool:
    return _crc32_base62_tail(token, len("npm_"))


def _b64url_json(part: str) -> dict | None:
    try:
        raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        obj = json.loads(raw)
    except (ValueError, binascii.Error):
        return None
    return obj if isinstance(obj, dict) else None


def _jwt(token: str) -> bool:
    parts = token.split(".")
    if len(parts) != 3:
        return False
    header = _b64url_json(parts[0])
    return bool(header) and "alg" in header and _b64url_json(parts[1]) is not None


def _pem(block: str) -> bool:
    """A private key block whose body is real base64 of plausible length."""
    lines = [ln.strip() for ln in block.strip().splitlines()]
    body = "".join(ln for ln in lines[1:-1] if ln and ":" not in ln)
    if len(body) < 64:
        return False
    try:
        base64.b64decode(body, validate=True)
    except (ValueError, binascii.Error):
        return False
    return True


def _pypi(token: str) -> bool:
    """PyPI API tokens are macaroons: base64 of a binary blob that names pypi.org."""
    body = token[len("pypi-"):]
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (ValueError, binascii.Error):
        return False
    return b"pypi.org" in raw


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "github-crc32": _github,
    "npm-crc32": _npm,
    "jwt": _jwt,
    "pem": _pem,
    "pypi-macaroon": _pypi,
}


def validate(name: str | None, value: str) -> bool:
    return True if not name else VALIDATORS[name](value)
