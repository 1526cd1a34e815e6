#!/usr/bin/env python3
"""Fetch, check and record the offline wheelhouse a VSIX target carries.

    python scripts/wheelhouse.py fetch --target linux-x64 --dest DIR --ztlint-wheel W [--pythons 3.11]
    python scripts/wheelhouse.py check --target linux-x64 DIR          # exit 1 if incomplete
    python scripts/wheelhouse.py check --target linux-x64 --recorded   # the list in tests/packaging/wheelhouses/
    python scripts/wheelhouse.py record --target linux-x64 DIR         # write that list
    python scripts/wheelhouse.py check-all [--dest-root DIR]           # fetch + check every target (slow, online)

`fetch` downloads binary wheels only (`pip download --no-deps --only-binary=:all: --platform
...`), requirement by requirement as the closure computed for the target asks for them, then
writes DIR/manifest.json for the extension. Run it with the Python that has `packaging`
(the project's .venv). Needs the package registry; everything else here is offline.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wheelhouse_resolve import KNOWN_GAPS, PYTHONS, TARGETS, Resolution, Target, Wheel, read_wheel, resolve  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RECORDED = ROOT / "tests" / "packaging" / "wheelhouses"


def project_requirements() -> list[str]:
    """ztlint's runtime dependencies, from pyproject.toml (the recorded lists are checked against these)."""
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    return list(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"])


def _cp(python: str) -> str:
    return "cp" + python.replace(".", "")


def wheels_in(folder: Path) -> list[Wheel]:
    return [read_wheel(p) for p in sorted(folder.glob("*.whl"))]


def _pip_download(target: Target, python: str, reqs: list[str], dest: Path) -> subprocess.CompletedProcess:
    abi = "cp" + python.replace(".", "")
    cmd = [sys.executable, "-m", "pip", "download", "--disable-pip-version-check", "--no-deps", "--only-binary=:all:",
           "--implementation", "cp", "--python-version", python, "--abi", abi, "--abi", "abi3", "--abi", "none",
           *[a for p in target.platforms for a in ("--platform", p)], "--dest", str(dest), *reqs]
    return subprocess.run(cmd, capture_output=True, text=True)


def fetch(target: Target, dest: Path, ztlint_wheel: Path, pythons: tuple[str, ...]) -> dict[str, Resolution]:
    """Download until every Python's closure resolves; returns the resolutions (missing = unavailable)."""
    dest.mkdir(parents=True, exist_ok=True)
    for old in dest.glob("ztlint-*.whl"):
        old.unlink()  # always this checkout's wheel
    local = dest / ztlint_wheel.name
    local.write_bytes(ztlint_wheel.read_bytes())
    root = [f"ztlint=={read_wheel(local).version}"]
    if not any(dest.glob("pip-*.whl")):
        r = subprocess.run([sys.executable, "-m", "pip", "download", "--disable-pip-version-check", "--no-deps",
                            "--only-binary=:all:", "--dest", str(dest), "pip"], capture_output=True, text=True)
        if r.returncode:
            raise SystemExit(f"wheelhouse: could not download pip:\n{r.stderr}")
    results: dict[str, Resolution] = {}
    for py in pythons:
        unavailable: dict[str, str] = {}
        while True:
            res = resolve(wheels_in(dest), root, target, py)
            todo = [r for r in res.missing if r not in unavailable]
            if not todo:
                break
            print(f"wheelhouse {target.name} {_cp(py)}: downloading {' '.join(todo)}", file=sys.stderr)
            if _pip_download(target, py, todo, dest).returncode:
                # one at a time, to name the one without a wheel for this platform
                for req in todo:
                    r = _pip_download(target, py, [req], dest)
                    if r.returncode:
                        unavailable[req] = res.missing[req]
                        print(f"wheelhouse {target.name} {_cp(py)}: no wheel for {req} (needed by {res.missing[req]})", file=sys.stderr)
        results[py] = res
    # a wheelhouse reused across builds keeps only what some Python picks (and pip)
    keep = {w.filename for res in results.values() for w in res.chosen.values()}
    for p in dest.glob("*.whl"):
        if p.name not in keep and not p.name.startswith(("pip-", "ztlint-")):
            p.unlink()
    return results


def _name(req: str) -> str:
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
    return canonicalize_name(Requirement(req).name)


def gaps(results: dict[str, Resolution]) -> set[str]:
    """Names of the projects some Python lacks a wheel for."""
    return {_name(r) for res in results.values() for r in res.missing}


def write_manifest(target: Target, dest: Path, pythons: tuple[str, ...]) -> dict:
    files = sorted(p.name for p in dest.glob("*.whl"))
    ztlint = next(read_wheel(dest / f) for f in files if f.startswith("ztlint-"))
    manifest = {"ztlint": str(ztlint.version), "target": target.name, "pythons": list(pythons),
                "platforms": list(target.platforms), "pip": next(f for f in files if f.startswith("pip-")), "files": files}
    (dest / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def check(target: Target, wheels: list[Wheel], roots: list[str], pythons: tuple[str, ...]) -> list[str]:
    """One line per Python whose closure is incomplete (empty: the wheelhouse resolves completely)."""
    problems = []
    for py in pythons:
        res = resolve(wheels, roots, target, py)
        for req, who in sorted(res.missing.items()):
            problems.append(f"{target.name} {_cp(py)}: no wheel for {req} (needed by {who})")
    return problems


def recorded(target: Target) -> list[Wheel]:
    data = json.loads((RECORDED / f"{target.name}.json").read_text(encoding="utf-8"))
    return [Wheel(w["file"], tuple(w["requires_dist"]), w["requires_python"]) for w in data["wheels"]]


def record(target: Target, folder: Path) -> Path:
    """The wheelhouse's wheels (ztlint's own and pip left out) and their requirements, for the offline test."""
    wheels = [w for w in wheels_in(folder) if w.name not in ("ztlint", "pip")]
    RECORDED.mkdir(parents=True, exist_ok=True)
    out = RECORDED / f"{target.name}.json"
    out.write_text(json.dumps({"target": target.name, "wheels": [
        {"file": w.filename, "requires_dist": list(w.requires_dist), "requires_python": w.requires_python} for w in wheels]},
        indent=1) + "\n", encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("fetch")
    f.add_argument("--target", choices=TARGETS, required=True)
    f.add_argument("--dest", type=Path, required=True)
    f.add_argument("--ztlint-wheel", type=Path, required=True)
    f.add_argument("--pythons", default=",".join(PYTHONS))
    c = sub.add_parser("check")
    c.add_argument("--target", choices=TARGETS, required=True)
    c.add_argument("folder", type=Path, nargs="?")
    c.add_argument("--recorded", action="store_true")
    c.add_argument("--pythons", default=",".join(PYTHONS))
    r = sub.add_parser("record")
    r.add_argument("--target", choices=TARGETS, required=True)
    r.add_argument("folder", type=Path)
    a = sub.add_parser("check-all")
    a.add_argument("--dest-root", type=Path, required=True)
    a.add_argument("--ztlint-wheel", type=Path, required=True)
    a.add_argument("--record", action="store_true", help="also rewrite the recorded lists")
    args = ap.parse_args(argv)

    if args.cmd == "fetch":
        target, pythons = TARGETS[args.target], tuple(args.pythons.split(","))
        results = fetch(target, args.dest, args.ztlint_wheel, pythons)
        problems = [f"{target.name} {_cp(py)}: no wheel for {req} (needed by {who})"
                    for py, res in results.items() for req, who in sorted(res.missing.items())]
        (args.dest / "manifest.json").unlink(missing_ok=True)
        if not problems:
            write_manifest(target, args.dest, pythons)
            print(f"wheelhouse {target.name}: complete for CPython {', '.join(pythons)}", file=sys.stderr)
            return 0
        print("\n".join(problems), file=sys.stderr)
        if gaps(results) <= KNOWN_GAPS.get(target.name, frozenset()):
            # known and documented: the VSIX goes without a wheelhouse (no manifest.json)
            print(f"wheelhouse {target.name}: no wheelhouse (known gaps: {', '.join(sorted(gaps(results)))}); "
                  "the extension will use a ztlint installed in the user's Python", file=sys.stderr)
            return 0
        return 1
    if args.cmd == "check":
        target, pythons = TARGETS[args.target], tuple(args.pythons.split(","))
        if args.recorded:
            problems = check(target, recorded(target), project_requirements(), pythons)
        else:
            wheels = wheels_in(args.folder)
            ztlint = [w for w in wheels if w.name == "ztlint"]
            problems = check(target, wheels, [f"ztlint=={ztlint[0].version}"] if ztlint else ["ztlint"], pythons)
        print("\n".join(problems) or f"wheelhouse {target.name}: complete for CPython {', '.join(pythons)}")
        return 1 if problems else 0
    if args.cmd == "record":
        print(record(TARGETS[args.target], args.folder))
        return 0
    # check-all: the one-off build-time check of every target (slow: downloads every wheelhouse)
    failed = 0
    for name, target in TARGETS.items():
        dest = args.dest_root / name
        results = fetch(target, dest, args.ztlint_wheel, PYTHONS)
        for py, res in results.items():
            for req, who in sorted(res.missing.items()):
                print(f"{name} {_cp(py)}: no wheel for {req} (needed by {who})")
                failed = 1
        if args.record:
            record(target, dest)
        print(f"{name}: {len(list(dest.glob('*.whl')))} wheels, "
              f"{sum(p.stat().st_size for p in dest.glob('*.whl')) / 2**20:.1f} MiB", flush=True)
    return failed


if __name__ == "__main__":
    sys.exit(main())
