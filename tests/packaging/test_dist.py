"""The published package: `python -m build` gives an sdist and a wheel that carry the rules,
install into a clean virtual environment (offline, from the real Linux x64 wheelhouse the
VSIX carries) and run; the README's CI example works as written against them."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
import yaml

import ztlint

from .conftest import ROOT, clean_venv, ok, run

sys.path.insert(0, str(ROOT / "scripts"))
import wheelhouse  # noqa: E402
from wheelhouse_resolve import TARGETS, host_target  # noqa: E402

pytestmark = pytest.mark.packaging
HOST_PY = f"{sys.version_info[0]}.{sys.version_info[1]}"


def tracked(prefix: str) -> set[str]:
    out = subprocess.run(["git", "ls-files", prefix], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return {line for line in out.splitlines() if line}


@pytest.fixture(scope="session")
def linux_wheelhouse(dist, tmp_path_factory) -> Path:
    """The linux-x64 wheelhouse, fetched for real (this Python only, to keep it quick)."""
    if host_target() != "linux-x64":
        pytest.fail(f"this test fetches the linux-x64 wheelhouse and installs from it; this is {host_target()}")
    dest = tmp_path_factory.mktemp("wheelhouse")
    assert wheelhouse.main(["fetch", "--target", "linux-x64", "--dest", str(dest), "--ztlint-wheel", str(dist["wheel"]),
                            "--pythons", HOST_PY]) == 0
    return dest


@pytest.fixture(scope="session")
def installed(linux_wheelhouse, tmp_path_factory) -> dict[str, Path]:
    """A clean venv where the README's CI steps ran in a copy of the demo project (pip offline, from the wheelhouse)."""
    base = tmp_path_factory.mktemp("ci")
    bindir = clean_venv(base / "venv")
    project = base / "demo-app"
    shutil.copytree(ROOT / "examples" / "demo-app", project)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON", "VIRTUAL_ENV"))}
    env.update(PATH=f"{bindir}{os.pathsep}{env.get('PATH', '')}", PIP_NO_INDEX="1", PIP_FIND_LINKS=str(linux_wheelhouse),
               PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1")
    steps = readme_ci_steps()
    results = [subprocess.run(shlex.split(cmd, comments=True), cwd=project, env=env, capture_output=True, text=True) for cmd in steps]
    return {"bin": bindir, "project": project, "env": env, "steps": steps, "results": results}


def readme_ci_steps() -> list[str]:
    """The `run:` steps of the README's `.github/workflows/ztlint.yml` example."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(# \.github/workflows/ztlint\.yml\n.*?)```", readme, re.S)
    assert block, "README: no .github/workflows/ztlint.yml example"
    wf = yaml.safe_load(block.group(1))
    steps = [s["run"] for job in wf["jobs"].values() for s in job["steps"] if "run" in s]
    assert steps and any(s.startswith("pip install ") for s in steps), steps
    return steps


def test_sdist_has_the_sources_rules_and_license(dist):
    with tarfile.open(dist["sdist"]) as t:
        names = {n.split("/", 1)[1] for n in t.getnames() if "/" in n}
    prefix = f"ztlint-{ztlint.__version__}"
    assert dist["sdist"].name == f"{prefix}.tar.gz"
    for must in ("pyproject.toml", "README.md", "LICENSE", "server/ztlint/__init__.py", "server/ztlint/engine/rule-schema.json"):
        assert must in names, must
    assert tracked("rules") <= names, sorted(tracked("rules") - names)[:5]
    # anchored include patterns: nothing from benchmarks/, client/ or node_modules/
    assert not [n for n in names if n.startswith(("benchmarks/", "client/", "node_modules/", ".venv/"))]


def test_wheel_has_every_rule_the_schema_and_metadata(dist):
    with zipfile.ZipFile(dist["wheel"]) as z:
        names = set(z.namelist())
        meta = Parser().parsestr(z.read(f"ztlint-{ztlint.__version__}.dist-info/METADATA").decode())
        entry = z.read(f"ztlint-{ztlint.__version__}.dist-info/entry_points.txt").decode()
    rules = {f"ztlint/{p}" for p in tracked("rules")}
    assert rules <= names, sorted(rules - names)[:5]
    assert "ztlint/engine/rule-schema.json" in names
    assert meta["Name"] == "ztlint" and meta["Version"] == ztlint.__version__
    assert meta["License-Expression"] == "MIT" and meta["Requires-Python"] == ">=3.10"
    assert "Source, https://github.com/ztlint/ztlint" in meta.get_all("Project-URL")
    assert "ztlint = ztlint.cli:entry" in entry


def test_the_wheelhouse_resolves_completely(linux_wheelhouse):
    wheels = wheelhouse.wheels_in(linux_wheelhouse)
    assert wheelhouse.check(TARGETS["linux-x64"], wheels, [f"ztlint=={ztlint.__version__}"], (HOST_PY,)) == []
    manifest = json.loads((linux_wheelhouse / "manifest.json").read_text())
    assert manifest["target"] == "linux-x64" and manifest["ztlint"] == ztlint.__version__
    assert sorted(manifest["files"]) == sorted(p.name for p in linux_wheelhouse.glob("*.whl"))


def test_readme_ci_example_installs_and_scans(installed):
    for cmd, r in zip(installed["steps"], installed["results"]):
        if cmd.startswith("ztlint scan"):
            assert r.returncode == 1, f"{cmd}: the demo has findings\n{r.stderr[-2000:]}"  # findings fail the step, as intended
        else:
            ok(r)
    sarif = json.loads((installed["project"] / "ztlint.sarif").read_text())
    assert sarif["runs"][0]["tool"]["driver"]["version"] == ztlint.__version__
    rule_ids = {res["ruleId"] for res in sarif["runs"][0]["results"]}
    assert len(rule_ids) > 5 and any(r.startswith("secret-") for r in rule_ids), rule_ids
    # it ran the installed package, not this checkout
    where = ok(run([str(installed["bin"] / "python"), "-I", "-c", "import ztlint; print(ztlint.__file__)"], env=installed["env"])).stdout
    assert "site-packages" in where and str(ROOT) not in where


def test_installed_wheel_runs_version_and_its_rule_fixtures(installed):
    ztl = str(installed["bin"] / "ztlint")
    assert ok(run([ztl, "version"], env=installed["env"])).stdout.strip() == f"ztlint {ztlint.__version__}"
    ok(run([ztl, "rules", "test", "--quiet"], env=installed["env"]))


def test_sdist_installs_and_runs(dist, installed):
    """The sdist builds (its backend, hatchling, from the registry as for any user) and runs."""
    env = {**installed["env"]}
    py = str(installed["bin"] / "python")
    del env["PIP_NO_INDEX"], env["PIP_CONFIG_FILE"]
    ok(run([py, "-m", "pip", "install", "--force-reinstall", "--no-deps", str(dist["sdist"])], env=env))
    assert ok(run([str(installed["bin"] / "ztlint"), "version"], env=env)).stdout.strip() == f"ztlint {ztlint.__version__}"
    r = run([str(installed["bin"] / "ztlint"), "scan", "--no-progress", "--format", "json", "."], cwd=installed["project"], env=env)
    assert r.returncode == 1, r.stderr
    assert json.loads(r.stdout)["findings"]
