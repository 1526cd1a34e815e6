"""An advisory's severity as one word: the GitHub label when the advisory has one, else the
CVSS v3 base score's band (computed from the vector: no scores are stored in OSV records)."""

from __future__ import annotations

import math

LABELS = ("low", "moderate", "high", "critical")  # ascending; "" when unknown
_SYNONYMS = {"medium": "moderate", "moderate": "moderate", "low": "low", "high": "high",
             "critical": "critical", "important": "high"}

_AV = {"N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2}
_AC = {"L": 0.77, "H": 0.44}
_UI = {"N": 0.85, "R": 0.62}
_CIA = {"H": 0.56, "L": 0.22, "N": 0.0}
_PR = {("N", "U"): 0.85, ("L", "U"): 0.62, ("H", "U"): 0.27,
       ("N", "C"): 0.85, ("L", "C"): 0.68, ("H", "C"): 0.5}


def rank(label: str) -> int:
    return LABELS.index(label) + 1 if label in LABELS else 0


def of_record(record: dict, affected: dict) -> str:
    """The label of an OSV record (``affected``: the entry for the package at hand)."""
    for holder in (record.get("database_specific"), affected.get("ecosystem_specific"),
                   affected.get("database_specific")):
        if isinstance(holder, dict) and isinstance(holder.get("severity"), str):
            word = _SYNONYMS.get(holder["severity"].strip().lower())
            if word:
                return word
    best = ""
    for sev in record.get("severity") or ():
        if isinstance(sev, dict) and str(sev.get("type", "")).startswith("CVSS_V3"):
            score = cvss3_score(str(sev.get("score", "")))
            if score is not None and rank(band(score)) > rank(best):
                best = band(score)
    return best


def band(score: float) -> str:
    if score >= 9.0:
        return "critical"
    if score >= 7.0:
        return "high"
    if score >= 4.0:
        return "moderate"
    return "low" if score > 0 else ""


def cvss3_score(vector: str) -> float | None:
    """The CVSS 3.x base score of a vector (``CVSS:3.1/AV:N/AC:L/...``), or None."""
    try:
        m = dict(part.split(":", 1) for part in vector.split("/")[1:])
        scope = m["S"]
        iss = 1 - (1 - _CIA[m["C"]]) * (1 - _CIA[m["I"]]) * (1 - _CIA[m["A"]])
        expl = 8.22 * _AV[m["AV"]] * _AC[m["AC"]] * _PR[(m["PR"], scope)] * _UI[m["UI"]]
    except (KeyError, ValueError):
        return None
    if scope == "U":
        impact = 6.42 * iss
    else:
        impact = 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15
    if impact <= 0:
        return 0.0
    total = impact + expl if scope == "U" else 1.08 * (impact + expl)
    return math.ceil(min(total, 10.0) * 10 - 1e-9) / 10
