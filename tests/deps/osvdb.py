"""A small OSV-format database made at test time (the shape of osv.dev's exports)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path


def advisory(id_, eco, name, events=None, versions=(), aliases=(), severity=None, cvss=None,
             summary="", **extra) -> dict:
    affected = {"package": {"ecosystem": eco, "name": name}}
    if events is not None:
        affected["ranges"] = [{"type": "SEMVER" if eco == "npm" else "ECOSYSTEM",
                               "events": events}]
    if versions:
        affected["versions"] = list(versions)
    rec = {"schema_version": "1.6.0", "id": id_, "modified": "2024-01-01T00:00:00Z",
           "aliases": list(aliases), "summary": summary, "affected": [affected], **extra}
    if severity:
        rec["database_specific"] = {"severity": severity}
    if cvss:
        rec["severity"] = [{"type": "CVSS_V3", "score": cvss}]
    return rec


def intro_fixed(*pairs) -> list[dict]:
    out = []
    for intro, fixed in pairs:
        out.append({"introduced": intro})
        if fixed:
            out.append({"fixed": fixed})
    return out


ADVISORIES = [
    # Django: a GHSA and its PYSEC alias (one vulnerability), and a second one in the fix
    advisory("GHSA-2222-3333-4444", "PyPI", "Django", intro_fixed(("3.2", "3.2.4"), ("4.0", "4.0.2")),
             aliases=["CVE-2023-1111", "PYSEC-2023-11"], severity="HIGH", summary="SQL injection"),
    advisory("PYSEC-2023-11", "PyPI", "django", intro_fixed(("0", "3.2.4")),
             aliases=["CVE-2023-1111", "GHSA-2222-3333-4444"]),
    advisory("GHSA-5555-6666-7777", "PyPI", "django", intro_fixed(("3.2.4", "3.2.5")),
             aliases=["CVE-2023-2222"], cvss="CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N"),
    # last_affected and no fix
    advisory("GHSA-8888-9999-aaaa", "PyPI", "pyyaml", [{"introduced": "5.1"}, {"last_affected": "5.3"}],
             severity="CRITICAL"),
    # an explicit version list only
    advisory("PYSEC-2020-99", "PyPI", "Flask_Cors", versions=["3.0.8"], severity="MODERATE"),
    advisory("GHSA-wdrn-wdrn-wdrn", "PyPI", "requests", intro_fixed(("0", "2.31.0")),
             severity="MODERATE", withdrawn="2024-02-01T00:00:00Z"),
    # npm
    advisory("GHSA-35jh-r3h4-6jhm", "npm", "lodash", intro_fixed(("0", "4.17.21")),
             aliases=["CVE-2021-23337"], severity="HIGH"),
    advisory("GHSA-npm0-scop-ed00", "npm", "@scope/pkg", intro_fixed(("1.0.0", "1.2.0")),
             severity="LOW"),
    advisory("GHSA-pre0-pre0-pre0", "npm", "semverpre", intro_fixed(("2.0.0-beta.1", "2.0.0"))),
]


def write_folder(root: Path, records=ADVISORIES) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for rec in records:
        eco = rec["affected"][0]["package"]["ecosystem"]
        (root / eco).mkdir(exist_ok=True)
        (root / eco / f"{rec['id']}.json").write_text(json.dumps(rec), encoding="utf-8")
    return root


def write_zip(path: Path, records=ADVISORIES) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as zf:
        for rec in records:
            zf.writestr(f"{rec['id']}.json", json.dumps(rec))
    return path


def write_exports(root: Path, records=ADVISORIES) -> Path:
    """A folder as the user downloads it: ``PyPI/all.zip``, ``npm/all.zip``."""
    for eco in ("PyPI", "npm"):
        write_zip(root / eco / "all.zip",
                  [r for r in records if r["affected"][0]["package"]["ecosystem"] == eco])
    return root
