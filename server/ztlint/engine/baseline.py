"""Baselines: accepted findings recorded by fingerprint (a hash, never the matched text).

Fingerprints hash rule, path and the matched text, not the line number, so entries survive
code moving around in the file.
"""

from __future__ import annotations

import json
from pathlib import Path

from .findings import Finding

BASELINE_VERSION = 1


class BaselineError(Exception):
    pass


def entries(findings: list[Finding]) -> list[dict]:
    return sorted(({"rule": f.rule_id, "path": f.path, "fingerprint": f.fingerprint}
                   for f in findings if f.fingerprint),
                  key=lambda e: (e["path"], e["rule"], e["fingerprint"]))


def save(path: Path, findings: list[Finding]) -> int:
    data = {"version": BASELINE_VERSION, "tool": "ztlint", "findings": entries(findings)}
    Path(path).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return len(data["findings"])


def load(path: Path) -> list[dict]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION \
            or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a ztlint baseline (version {BASELINE_VERSION})")
    return data["findings"]


def mark(findings: list[Finding], accepted: frozenset[str]) -> None:
    """Set each finding's baseline state: whether its fingerprint is accepted."""
    for f in findings:
        f.baseline = f.fingerprint in accepted


def fingerprints(accepted: list[dict]) -> frozenset[str]:
    """The fingerprints of a baseline's entries: what ``analyze`` marks as accepted."""
    return frozenset(e["fingerprint"] for e in accepted
                     if isinstance(e, dict) and isinstance(e.get("fingerprint"), str))
