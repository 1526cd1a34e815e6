"""Download the pinned real projects of ``projects.txt`` and unpack their Python files.

Run with any Python that has pip (``.venv/bin/python benchmarks/realflows/fetch.py``). For each
``name==version`` line: ``pip download --no-deps --only-binary :all:`` (the wheel from PyPI, no
build step), then unpack only its ``*.py`` files into ``benchmarks/work/realflows/<name>-<version>/``
(git-ignored). Front-end bundles, templates and data are left out: the study is about Python flow
rules. Each project folder gets its own empty ``.git`` so that ztlint's discovery does not apply
this repository's ``.gitignore`` (which ignores ``benchmarks/work/``).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE.parent / "work" / "realflows"
DOWNLOADS = HERE.parent / "work" / "downloads" / "realflows"


def read_projects(path: Path = HERE / "projects.txt") -> list[tuple[str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        spec = line.split("#", 1)[0].strip()
        if spec:
            name, _, version = spec.partition("==")
            out.append((name.strip(), version.strip()))
    return out


def project_dir(name: str, version: str) -> Path:
    return WORK / f"{name}-{version}"


def download(name: str, version: str) -> Path:
    DOWNLOADS.mkdir(parents=True, exist_ok=True)
    norm = name.replace("-", "_").lower()
    for whl in DOWNLOADS.glob("*.whl"):
        if whl.name.lower().startswith(f"{norm}-{version}-"):
            return whl
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
                    "-q", "-d", str(DOWNLOADS), f"{name}=={version}"], check=True)
    return download(name, version)


def unpack(whl: Path, dest: Path) -> tuple[int, int]:
    """Extract the ``.py`` members of ``whl``; return (files, bytes)."""
    files = size = 0
    dest.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(whl) as zf:
        for info in zf.infolist():
            name = info.filename
            if not name.endswith(".py") or ".dist-info/" in name or ".." in Path(name).parts \
                    or name.startswith("/"):
                continue
            zf.extract(info, dest)
            files += 1
            size += info.file_size
    (dest / ".git").mkdir(exist_ok=True)
    return files, size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", action="append", default=[], help="project name (repeatable)")
    args = ap.parse_args(argv)
    for name, version in read_projects():
        if args.only and name not in args.only:
            continue
        dest = project_dir(name, version)
        try:
            whl = download(name, version)
        except subprocess.CalledProcessError as exc:
            print(f"{name}=={version}: download failed ({exc})", file=sys.stderr)
            continue
        files, size = unpack(whl, dest) if not dest.exists() else _count(dest)
        print(f"{name}=={version}: wheel {whl.stat().st_size / 1e6:.1f} MB, "
              f"{files} .py files, {size / 1e6:.1f} MB -> {dest.relative_to(HERE.parent.parent)}")
    return 0


def _count(dest: Path) -> tuple[int, int]:
    paths = [p for p in dest.rglob("*.py") if p.is_file()]
    return len(paths), sum(p.stat().st_size for p in paths)


if __name__ == "__main__":
    sys.exit(main())
