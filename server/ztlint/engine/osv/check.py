"""Findings for the pinned versions of a manifest that the configured OSV database lists as
vulnerable (rule ``deps-known-vulnerable-version``)."""

from __future__ import annotations

import os

from ..findings import Edit, Finding, Fix, fingerprint
from ..positions import LineIndex
from ..rules.model import KNOWN_VULNERABLE as RULE
from . import database, manifests
from . import severity as sevmod
from .affected import Vulnerability, upgrade_to, vulnerabilities

_SHOWN = 5  # advisories named in one message; the rest are counted

# A lock file records hashes and URLs next to each version: changing only the version would
# leave it inconsistent, so lock files get the advice, not the edit.
_FIXABLE = ("requirements", "pyproject", "package-json")


def analyse(source: bytes, index: LineIndex, path: str, config) -> tuple[list[Finding], list[str]]:
    """(findings, notes). Nothing at all unless ``config.osv_db`` is set and ``path`` is a
    manifest; a database that cannot be read is a note, not an exception."""
    if config.osv_db is None or not config.enabled(RULE.id):
        return [], []
    kind = manifests.kind(path)
    if kind is None:
        return [], []
    try:
        db = database.load(config.osv_db)
    except database.DatabaseError as exc:
        return [], [f"{exc}: known-vulnerable versions not checked"]
    out = []
    for pin in manifests.pins(path, source):
        vulns = vulnerabilities(db, pin.ecosystem, pin.name, pin.version)
        if vulns:
            target = upgrade_to(db, pin.ecosystem, pin.name, pin.version, vulns)
            out.append(_finding(pin, vulns, target, kind in _FIXABLE, source, index, path))
    return out, []


def describe(v: Vulnerability) -> str:
    ids = v.id + (f" ({v.aliases[0]})" if v.aliases and v.aliases[0].startswith("CVE-") else "")
    sev = v.severity or "severity unknown"
    fixed = f"fixed in {v.fixed}" if v.fixed else "no fixed version"
    return f"{ids}, {sev}, {fixed}"


def _finding(pin: manifests.Pin, vulns: list[Vulnerability], target: str | None, fixable: bool,
             source: bytes, index: LineIndex, path: str) -> Finding:
    shown = "; ".join(describe(v) for v in vulns[:_SHOWN])
    more = f"; and {len(vulns) - _SHOWN} more" if len(vulns) > _SHOWN else ""
    count = "a known vulnerability" if len(vulns) == 1 else f"{len(vulns)} known vulnerabilities"
    advice = f" Upgrade to {target}." if target else " No fixed version is known."
    if target and all(v.fixed != target for v in vulns):
        advice = f" Upgrade to {target} (the earlier fixes have advisories of their own)."
    message = f"{pin.name} {pin.version} has {count}: {shown}{more}.{advice}"
    worst = max((v.severity for v in vulns), key=sevmod.rank)
    severity = "error" if sevmod.rank(worst) >= sevmod.rank("high") else RULE.severity
    fix = None
    if fixable and target:
        fix = Fix(f"Upgrade {pin.name} to {target}", False, (Edit(pin.start, pin.end, target),))
    start, end = index.point(pin.start), index.point(pin.end)
    stmt = (index.row_of(pin.stmt_start), index.row_of(pin.stmt_end))
    # the fingerprint names the package and version: a baseline accepts this pin, not the next
    key = f"{pin.ecosystem}:{pin.name}@{pin.version}:{os.path.basename(path)}".encode()
    return Finding(rule_id=RULE.id, severity=severity, confidence=RULE.confidence, message=message,
                   start_byte=pin.start, end_byte=pin.end, start=start, end=end, anchor=stmt,
                   anchor_bytes=(pin.stmt_start, pin.stmt_end),
                   fingerprint=fingerprint(RULE.id, path, key), path=path, fix=fix)
