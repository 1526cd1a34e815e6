"""Fake tokens that look real to ztlint, for testing a setup (`ztlint secrets example KIND`).

Provider tokens with a checksum (GitHub, npm) are reported only when the checksum holds, so a
made-up sample such as ``ghp_`` + 36 letters is deliberately not a finding. These examples are
random and have a valid checksum: ztlint reports them; the provider never issued them.
"""

from __future__ import annotations

import binascii
import secrets

from .validators import base62

_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# kind -> prefix; the body is 30 random base62 characters, then base62(CRC32(body))
PREFIXES = {"github-pat": "ghp_", "github-oauth": "gho_", "npm": "npm_"}


def example_token(kind: str) -> str:
    """A random token of ``kind`` (a key of :data:`PREFIXES`) with a valid checksum."""
    body = "".join(secrets.choice(_BASE62) for _ in range(30))
    return PREFIXES[kind] + body + base62(binascii.crc32(body.encode()))
