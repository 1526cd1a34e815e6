"""Version ordering per ecosystem: PEP 440 (``packaging``) for PyPI, SemVer 2.0 (``semver``)
for npm. A version that does not parse gives None: it is never reported as affected."""

from __future__ import annotations

import semver
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

PYPI = "PyPI"
NPM = "npm"
ECOSYSTEMS = (PYPI, NPM)


def parse(ecosystem: str, text: str):
    """A comparable key for ``text`` in ``ecosystem``, or None."""
    text = text.strip()
    try:
        if ecosystem == PYPI:
            return Version(text)
        if ecosystem == NPM:
            return semver.Version.parse(text[1:] if text[:1] in "v=" else text)
    except (InvalidVersion, ValueError, TypeError):
        return None
    return None


def package_key(ecosystem: str, name: str) -> str:
    """The name advisories and manifests are matched on (PEP 503 for PyPI; npm is exact)."""
    return canonicalize_name(name) if ecosystem == PYPI else name.strip()
