"""Severity and confidence: their names, their order and what each front-end calls them.

Rules and findings keep plain strings (``"error"``, ``"high"``), which is what JSON, SARIF
and config files show; code that orders or translates them goes through these enums. The LSP's
own mapping lives in ``lsp/convert.py`` (keyed by :class:`Severity`): the engine does not import
``lsprotocol``.
"""

from __future__ import annotations

from enum import Enum


class _Ranked(str, Enum):
    """A str-valued enum ordered by rank, not alphabetically (a plain ``str`` mix-in would
    compare ``"error" < "hint"``), that prints as its value."""

    __str__ = str.__str__
    __format__ = str.__format__

    @property
    def rank(self) -> int:
        """0 for the lowest member, counting up; members are declared highest first."""
        members = list(type(self))
        return len(members) - 1 - members.index(self)

    def __lt__(self, other):
        return self.rank < type(self)(other).rank

    def __le__(self, other):
        return self.rank <= type(self)(other).rank

    def __gt__(self, other):
        return self.rank > type(self)(other).rank

    def __ge__(self, other):
        return self.rank >= type(self)(other).rank

    __hash__ = str.__hash__


class Severity(_Ranked):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    HINT = "hint"

    def lowered(self) -> "Severity":
        """One level less severe (hint stays hint)."""
        members = list(Severity)
        return members[min(members.index(self) + 1, len(members) - 1)]

    @property
    def sarif_level(self) -> str:
        return _SARIF_LEVEL[self]

    @property
    def security_severity(self) -> str:
        """GitHub ranks security alerts by this number: >= 7 high, >= 4 medium, else low."""
        return _SECURITY_SEVERITY[self]


class Confidence(_Ranked):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


SEVERITIES = tuple(s.value for s in Severity)  # most severe first
CONFIDENCES = tuple(c.value for c in Confidence)

_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note",
                Severity.HINT: "note"}
_SECURITY_SEVERITY = {Severity.ERROR: "8.0", Severity.WARNING: "5.5", Severity.INFO: "3.0",
                      Severity.HINT: "1.0"}


def at_or_above(severity: str, threshold: str) -> bool:
    return Severity(severity) >= Severity(threshold)
