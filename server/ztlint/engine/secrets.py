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


REDACT_KEEP = 4


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
