"""Secret detection helpers: redaction and entropy here; placeholders (placeholders.py) and
the offline token validators (validators.py, keyformats.py) re-exported.

Text rules (``match.regex``) use these; the rule YAML names a validator by key in
:data:`VALIDATORS`. Everything here is pure and stateless.
"""

from __future__ import annotations

import math
from collections import Counter

from .keyformats import marvin32  # noqa: F401 (re-exported)
from .placeholders import KNOWN_SAMPLES, is_placeholder  # noqa: F401 (re-exported)
from .validators import VALIDATORS, base62, validate  # noqa: F401 (re-exported)


def redact(value: str | bytes, public: tuple[str, ...] = ()) -> str:
    """Only what is public about a secret: its format's prefix (``ghp_…``, ``AKIA…``), one of
    ``public`` (longest first); with none, its length (``…(40 chars)``). Nothing of the random
    part, which is what an attacker would have to guess. JSON/SARIF carry the fingerprint."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    for prefix in public:
        if value.startswith(prefix) and len(value) > len(prefix):
            return prefix + "…"
    return f"…({len(value)} chars)"


def shannon_entropy(value: bytes | str) -> float:
    if not value:
        return 0.0
    counts = Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())
