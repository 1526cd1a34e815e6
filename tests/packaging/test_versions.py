"""One version (server/ztlint/__init__.py) and one repository address (pyproject's Source URL),
and every place that repeats them agrees: the wheel, package.json, the README's examples."""

from __future__ import annotations

import json
import re
try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

import ztlint

from .conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
README = (ROOT / "README.md").read_text(encoding="utf-8")


def repository() -> str:
    """owner/name on GitHub, from pyproject's [project.urls] Source."""
    m = re.fullmatch(r"https://github\.com/([\w.-]+/[\w.-]+)", PYPROJECT["project"]["urls"]["Source"])
    assert m, PYPROJECT["project"]["urls"]
    return m.group(1)


def test_the_version_has_one_source():
    assert PYPROJECT["project"]["dynamic"] == ["version"]
    assert "version" not in PYPROJECT["project"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "server/ztlint/__init__.py"
    assert re.fullmatch(r"\d+\.\d+\.\d+", ztlint.__version__)


def test_the_extension_has_the_same_version_and_repository():
    pkg = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    assert pkg["version"] == ztlint.__version__, "package.json's version must equal ztlint.__version__"
    assert pkg["repository"]["url"] == f"https://github.com/{repository()}"


def test_readme_examples_name_this_version_and_repository():
    v = ztlint.__version__
    # the published package, the action, the pre-commit hooks and the VSIX of this version
    assert f"pip install ztlint=={v}" in README
    assert f"uses: {repository()}@v{v}" in README
    assert f"repo: https://github.com/{repository()}\n" in README or f"repo: https://github.com/{repository()} " in README
    for mention in re.findall(r"ztlint==(\d+\.\d+\.\d+)|@v(\d+\.\d+\.\d+)|rev: v(\d+\.\d+\.\d+)|ztlint-(?:[a-z0-9-]+-)?(\d+\.\d+\.\d+)\.vsix", README):
        assert v in mention, f"README mentions version {mention}, not {v}"
    # nothing still says the package cannot be installed
    assert "not on PyPI" not in README
