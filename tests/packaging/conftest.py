"""Fixtures for the packaging tests: `python -m build` once per session, clean venvs."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def ok(r: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert r.returncode == 0, f"{r.args}: exit {r.returncode}\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    return r


def bin_dir(env: Path) -> Path:
    return env / ("Scripts" if os.name == "nt" else "bin")


def clean_venv(path: Path) -> Path:
    """A virtual environment with pip and nothing of this checkout on its path."""
    venv.EnvBuilder(with_pip=True, clear=True).create(path)
    return bin_dir(path)


@pytest.fixture(scope="session")
def dist(tmp_path_factory) -> dict[str, Path]:
    """sdist and wheel from `python -m build` (the wheel is built from the sdist, as PyPI's users get it)."""
    out = tmp_path_factory.mktemp("dist")
    ok(run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], cwd=ROOT))
    sdists = list(out.glob("*.tar.gz"))
    wheels = list(out.glob("*.whl"))
    assert len(sdists) == 1 and len(wheels) == 1, sorted(p.name for p in out.iterdir())
    return {"dir": out, "sdist": sdists[0], "wheel": wheels[0]}
