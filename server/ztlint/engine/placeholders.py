"""Values that are obviously not real secrets: templates, references, masks, documentation
samples, and PEM blocks whose armor or body is a placeholder."""

from __future__ import annotations

import re


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
