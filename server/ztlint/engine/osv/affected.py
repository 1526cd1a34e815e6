"""Which advisories affect one version of one package, and the version that fixes them."""

from __future__ import annotations

from dataclasses import dataclass

from . import severity as sevmod
from .database import Advisory, Database
from .versions import parse

_MAX_BUMPS = 20  # a fixed version that is itself affected moves on, this many times at most


@dataclass(frozen=True)
class Vulnerability:
    """One vulnerability (advisories that are aliases of each other count once)."""
    id: str  # the advisory shown: a GHSA id when there is one
    aliases: tuple[str, ...]  # the other ids, CVE first
    severity: str
    fixed: str | None  # the first version that fixes it, after the affected one
    summary: str


def _range_hit(ecosystem: str, version, events) -> tuple[bool, str | None]:
    """(affected, first fixed version after it) for one OSV range (events in any order)."""
    parsed = []
    for kind, text in events:
        key = None if kind == "introduced" and text == "0" else parse(ecosystem, text)
        if key is None and not (kind == "introduced" and text == "0"):
            continue  # an event that does not parse cannot be ordered
        parsed.append((key is not None, key, kind != "introduced", kind, text))
    parsed.sort(key=lambda p: (p[0], p[1]) if p[0] else (False,))
    affected, fixed = False, None
    for _, key, _, kind, text in parsed:
        if kind == "introduced":
            if key is None or version >= key:
                affected, fixed = True, None
        elif kind == "fixed":
            if version >= key:
                affected = False
            elif affected and fixed is None:
                fixed = text
        elif kind == "last_affected" and version > key:
            affected = False
    return affected, (fixed if affected else None)


def _advisory_hit(ecosystem: str, adv: Advisory, version, text: str) -> tuple[bool, str | None]:
    fixes: list[str] = []
    hit = text in adv.versions
    for events in adv.ranges:
        affected, fixed = _range_hit(ecosystem, version, events)
        if affected:
            hit = True
            if fixed is not None:
                fixes.append(fixed)
    first = min(fixes, key=lambda f: parse(ecosystem, f)) if fixes else None
    return hit, first


def vulnerabilities(db: Database, ecosystem: str, name: str, text: str) -> list[Vulnerability]:
    """The vulnerabilities of ``name`` at version ``text`` (none when it does not parse)."""
    version = parse(ecosystem, text)
    if version is None:
        return []
    hits = []
    for adv in db.advisories(ecosystem, name):
        affected, fixed = _advisory_hit(ecosystem, adv, version, text.strip())
        if affected:
            hits.append((adv, fixed))
    return _merge_aliases(ecosystem, hits)


def _merge_aliases(ecosystem: str, hits: list[tuple[Advisory, str | None]]) -> list[Vulnerability]:
    groups: list[list[tuple[Advisory, str | None]]] = []
    for hit in hits:
        names = {hit[0].id, *hit[0].aliases}
        joined = [g for g in groups if any(names & {a.id, *a.aliases} for a, _ in g)]
        merged = [hit] + [h for g in joined for h in g]
        groups = [g for g in groups if g not in joined] + [merged]
    out = []
    for group in groups:
        ids = {i for a, _ in group for i in (a.id, *a.aliases)}
        shown = min((a.id for a, _ in group), key=lambda i: (not i.startswith("GHSA-"), i))
        others = tuple(sorted(ids - {shown}, key=lambda i: (not i.startswith("CVE-"), i)))
        sev = max((a.severity for a, _ in group), key=sevmod.rank)
        fixes = [f for _, f in group if f is not None]
        # aliases may disagree; the latest of their first fixes is the one all agree fixes it
        fixed = max(fixes, key=lambda f: parse(ecosystem, f)) if fixes else None
        summary = next((a.summary for a, _ in group if a.summary), "")
        out.append(Vulnerability(shown, others, sev, fixed, summary))
    out.sort(key=lambda v: (-sevmod.rank(v.severity), v.id))
    return out


def upgrade_to(db: Database, ecosystem: str, name: str, text: str,
               vulns: list[Vulnerability]) -> str | None:
    """The lowest version the database knows fixes every fixable one of ``vulns`` and is not
    affected by another advisory with a fix; None when none of them has a fix."""
    fixes = [v.fixed for v in vulns if v.fixed]
    if not fixes:
        return None
    target = max(fixes, key=lambda f: parse(ecosystem, f))
    for _ in range(_MAX_BUMPS):
        later = [v.fixed for v in vulnerabilities(db, ecosystem, name, target) if v.fixed]
        if not later:
            break
        target = max(later, key=lambda f: parse(ecosystem, f))
    return target
