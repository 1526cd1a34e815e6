"""Pinned and locked versions in each manifest format, with the exact range of the version."""

from __future__ import annotations

import pytest

from ztlint.engine.osv import manifests


def found(name: str, text: str) -> list[tuple[str, str, str]]:
    src = text.encode()
    pins = manifests.pins(name, src)
    for p in pins:
        assert src[p.start:p.end].decode().lstrip("=v") == p.version  # the range is the version
    return [(p.ecosystem, p.name, p.version) for p in pins]


def test_requirements_only_exact_pins():
    text = ("Django==3.2.1  # web\nrequests>=2.0\nflask == 2.0.1 ; python_version > '3'\n"
            "numpy==1.*\n-e git+https://x/y.git#egg=z\nurllib3[socks]===1.26.0 \\\n"
            "    --hash=sha256:abc\n# pyyaml==5.1\n")
    assert found("requirements-dev.txt", text) == [
        ("PyPI", "Django", "3.2.1"), ("PyPI", "flask", "2.0.1"), ("PyPI", "urllib3", "1.26.0")]
    assert found("requirements/base.txt", "a==1.0\n") == [("PyPI", "a", "1.0")]
    assert found("notes.txt", "a==1.0\n") == []


def test_pyproject_pep621_and_poetry():
    text = '''[project]
dependencies = ["django==3.2.1", "requests>=2", 'pyyaml[c]==5.1 ; sys_platform == "linux"']
[project.optional-dependencies]
dev = ["pytest==7.0.0"]
[tool.poetry.dependencies]
python = "^3.10"
flask = "2.0.1"
jinja2 = "^3.0"
lxml = { version = "==4.6.2", extras = ["html"] }
[tool.poetry.group.dev.dependencies]
black = "==22.1.0"
[tool.other]
version = "1.0"
'''
    assert found("pyproject.toml", text) == [
        ("PyPI", "django", "3.2.1"), ("PyPI", "pyyaml", "5.1"), ("PyPI", "pytest", "7.0.0"),
        ("PyPI", "flask", "2.0.1"), ("PyPI", "lxml", "4.6.2"), ("PyPI", "black", "22.1.0")]


def test_poetry_and_uv_locks_skip_local_and_vcs_packages():
    poetry = '''[[package]]
name = "django"
version = "3.2.1"
description = "x"

[package.dependencies]
asgiref = ">=3.3.2"

[[package]]
name = "mylib"
version = "0.1.0"

[package.source]
type = "git"
url = "https://example.com/mylib.git"
'''
    assert found("poetry.lock", poetry) == [("PyPI", "django", "3.2.1")]
    uv = '''version = 1
[[package]]
name = "app"
version = "0.1.0"
source = { editable = "." }

[[package]]
name = "pyyaml"
version = "5.3"
source = { registry = "https://pypi.org/simple" }
sdist = { url = "https://files/pyyaml-5.3.tar.gz", hash = "sha256:00" }
'''
    assert found("uv.lock", uv) == [("PyPI", "pyyaml", "5.3")]


def test_package_json_exact_pins_only():
    text = '''{
  "name": "app", "version": "1.0.0",
  "dependencies": {"lodash": "4.17.20", "express": "^4.0.0", "@scope/pkg": "=1.1.0"},
  "devDependencies": {"jest": "29.0.0", "x": "github:a/b", "y": "1.x"},
  "peerDependencies": {"react": "18.0.0"},
  "scripts": {"lodash": "4.17.20"}
}'''
    assert found("package.json", text) == [
        ("npm", "lodash", "4.17.20"), ("npm", "@scope/pkg", "1.1.0"), ("npm", "jest", "29.0.0")]


def test_package_lock_v3_nested_and_aliased():
    text = '''{
  "name": "app", "lockfileVersion": 3,
  "packages": {
    "": {"name": "app", "version": "1.0.0", "dependencies": {"lodash": "^4"}},
    "node_modules/lodash": {"version": "4.17.20", "resolved": "https://r/lodash.tgz"},
    "node_modules/a/node_modules/@scope/pkg": {"version": "1.1.0"},
    "node_modules/old": {"name": "lodash", "version": "4.17.19"},
    "packages/local": {"name": "local", "version": "0.0.1"}
  }
}'''
    assert found("package-lock.json", text) == [
        ("npm", "lodash", "4.17.20"), ("npm", "@scope/pkg", "1.1.0"), ("npm", "lodash", "4.17.19")]


def test_package_lock_v1():
    text = '''{"lockfileVersion": 1, "dependencies": {
  "lodash": {"version": "4.17.20", "requires": {"x": "1.0.0"}},
  "a": {"version": "1.0.0", "dependencies": {"@scope/pkg": {"version": "1.1.0"}}}}}'''
    assert found("package-lock.json", text) == [
        ("npm", "lodash", "4.17.20"), ("npm", "a", "1.0.0"), ("npm", "@scope/pkg", "1.1.0")]


@pytest.mark.parametrize("name, text", [
    ("package.json", "{" * 10000), ("package-lock.json", '{"packages": {"node_modules/a": {"version": "1'),
    ("requirements.txt", "\x00" * 100 + "==" * 5000), ("poetry.lock", "[[package]]\n" * 3000),
    ("pyproject.toml", '["' + "a" * 20000)])
def test_hostile_manifests_give_nothing_quickly(name, text):
    assert found(name, text) == []
