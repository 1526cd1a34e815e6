"""Per-file scoring: a tool detects a case when it reports, on that file, a CWE of the case's category.

TPR = detected vulnerable / vulnerable, FPR = detected safe / safe, per category; the headline is
TPR - FPR averaged over categories (every category weighs the same, whatever its size).
"""

from __future__ import annotations

import re
from collections import defaultdict

# CWEs that count for each category: the primary one ztlint reports first, then close relatives.
CATEGORY_CWES = {
    "command": {78, 77, 88},
    "code": {94, 95},
    "sql": {89, 564},
    "path": {22, 23, 36, 73},
    "redirect": {601},
    "xss": {79, 80},
    "deserialization": {502},
    "xxe": {611, 776, 827},
    "xpath": {643},
    "ldap": {90},
    "ssrf": {918},
    "trust-boundary": {501},
    "header": {113, 93},
    "log": {117, 93},
    "weak-random": {330, 338},
}

# Bandit labels some tests with a CWE other than the attack they look for: eval/exec as CWE-78,
# XML parsing and yaml.load as CWE-20 (improper input validation). We count those tests as their
# documented attack, which only helps Bandit.
BANDIT_CWE_OVERRIDES = {
    "B102": 95, "B307": 95, "B506": 502,
    **{f"B{n}": 611 for n in range(313, 321)}, **{f"B{n}": 611 for n in range(405, 412)},
}

# Ruff's flake8-bandit rules carry no CWE; this is the CWE of the matching Bandit test (with the
# overrides above), or of the attack the rule's documentation names.
RUFF_CWE = {
    "S102": 95, "S103": 732, "S104": 605, "S105": 259, "S106": 259, "S107": 259, "S108": 377, "S110": 703,
    "S112": 703, "S113": 400, "S201": 489, "S202": 22, "S301": 502, "S302": 502, "S303": 327, "S304": 327,
    "S305": 327, "S306": 377, "S307": 95, "S308": 80, "S310": 22, "S311": 330, "S312": 319,
    **{f"S{n}": 611 for n in range(313, 321)}, "S321": 319, "S323": 295, "S324": 327,
    "S401": 319, "S402": 319, "S403": 502, "S404": 78, **{f"S{n}": 611 for n in range(405, 412)},
    "S412": 284, "S413": 327, "S415": 319, "S501": 295, "S502": 326, "S503": 326, "S504": 295, "S505": 326,
    "S506": 502, "S507": 295, "S508": 319, "S509": 319, "S601": 78, "S602": 78, "S603": 78, "S604": 78,
    "S605": 78, "S606": 78, "S607": 78, "S608": 89, "S609": 78, "S610": 89, "S611": 89, "S612": 94,
    "S701": 79, "S702": 79, "S704": 79,
}

_CWE_RE = re.compile(r"CWE-(\d+)", re.IGNORECASE)


def parse_cwes(value) -> set[int]:
    """CWE numbers from 78, "CWE-78", "CWE-78: OS Command Injection", {"id": 78} or a list of those."""
    if value is None:
        return set()
    if isinstance(value, bool):
        return set()
    if isinstance(value, int):
        return {value}
    if isinstance(value, str):
        found = {int(m) for m in _CWE_RE.findall(value)}
        return found or ({int(value)} if value.strip().isdigit() else set())
    if isinstance(value, dict):
        return parse_cwes(value.get("id"))
    out: set[int] = set()
    for item in value:
        out |= parse_cwes(item)
    return out


def detected(category: str, cwes: set[int]) -> bool:
    return bool(CATEGORY_CWES[category] & cwes)


def score(labels: dict[str, dict], findings: dict[str, set[int]]) -> dict:
    """labels: file -> {category, vulnerable}; findings: file -> CWEs the tool reported on it."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fn": 0, "fp": 0, "tn": 0})
    for path, label in labels.items():
        hit = detected(label["category"], findings.get(path, set()))
        c = counts[label["category"]]
        if label["vulnerable"]:
            c["tp" if hit else "fn"] += 1
        else:
            c["fp" if hit else "tn"] += 1
    per = {}
    for cat in sorted(counts, key=lambda c: list(CATEGORY_CWES).index(c)):
        c = counts[cat]
        pos, neg = c["tp"] + c["fn"], c["fp"] + c["tn"]
        tpr = c["tp"] / pos if pos else 0.0
        fpr = c["fp"] / neg if neg else 0.0
        per[cat] = {**c, "tpr": tpr, "fpr": fpr, "score": tpr - fpr}
    n = len(per) or 1
    avg = {k: sum(p[k] for p in per.values()) / n for k in ("tpr", "fpr", "score")}
    avg["worst"] = min((p["score"] for p in per.values()), default=0.0)
    return {"categories": per, "average": avg}
