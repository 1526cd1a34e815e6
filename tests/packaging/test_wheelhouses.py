"""Every VSIX target's wheelhouse resolves completely, offline: against the lists that
`scripts/wheelhouse.py check-all --record` wrote from the real downloads (wheel names and their
Requires-Dist), with today's pyproject dependencies, for every supported CPython. A target with
a documented gap (KNOWN_GAPS) must lack exactly those projects, so a new dependency without a
wheel, a fixed gap or a stale list all fail here."""

from __future__ import annotations

import sys

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import wheelhouse  # noqa: E402
from wheelhouse_resolve import KNOWN_GAPS, PYTHONS, TARGETS, Wheel, resolve  # noqa: E402


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_recorded_wheelhouse_resolves(name):
    target = TARGETS[name]
    wheels, roots = wheelhouse.recorded(target), wheelhouse.project_requirements()
    results = {py: resolve(wheels, roots, target, py) for py in PYTHONS}
    problems = wheelhouse.check(target, wheels, roots, PYTHONS)
    assert wheelhouse.gaps(results) == set(KNOWN_GAPS.get(name, ())), "\n".join(problems) or "complete: remove it from KNOWN_GAPS"
    if name not in KNOWN_GAPS:
        assert problems == []


def W(filename: str, *requires: str, requires_python: str = "") -> Wheel:
    return Wheel(filename, requires, requires_python)


INDEX = [
    W("app-1.0-py3-none-any.whl", "fast>=1", "tomli>=2; python_version < '3.11'",
      "accel>=0.7; platform_system == 'Linux' and platform_machine == 'x86_64'", "colorama; sys_platform == 'win32'"),
    W("fast-1.2-cp310-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"),
    W("fast-1.2-cp310-abi3-win_amd64.whl"),
    W("fast-1.2-cp310-abi3-macosx_11_0_arm64.whl"),
    W("fast-1.3-cp313-cp313-manylinux_2_28_x86_64.whl"),
    W("accel-0.9-cp311-cp311-manylinux2014_x86_64.whl"),
    W("tomli-2.0-py3-none-any.whl"),
    W("colorama-0.4-py2.py3-none-any.whl"),
]


def test_markers_are_evaluated_for_the_target_not_this_machine():
    linux = resolve(INDEX, ["app"], TARGETS["linux-x64"], "3.11")
    assert set(linux.chosen) == {"app", "fast", "accel"} and linux.complete
    win = resolve(INDEX, ["app"], TARGETS["win32-x64"], "3.11")
    assert set(win.chosen) == {"app", "fast", "colorama"} and win.complete
    mac = resolve(INDEX, ["app"], TARGETS["darwin-arm64"], "3.10")
    assert set(mac.chosen) == {"app", "fast", "tomli"}, "tomli only below 3.11"


def test_tags_decide_which_wheel_fits():
    # cp313 manylinux_2_28 is newer than the abi3 one: chosen on 3.13, not on 3.11
    assert str(resolve(INDEX, ["app"], TARGETS["linux-x64"], "3.13").chosen["fast"].version) == "1.3"
    assert str(resolve(INDEX, ["app"], TARGETS["linux-x64"], "3.11").chosen["fast"].version) == "1.2"
    # a glibc wheel does not install on Alpine, nor an x86_64 one on arm64
    alpine = resolve(INDEX, ["app"], TARGETS["alpine-x64"], "3.12")
    assert set(alpine.missing) == {"fast>=1", "accel>=0.7"}
    arm = resolve(INDEX, ["app"], TARGETS["linux-arm64"], "3.12")
    assert set(arm.missing) == {"fast>=1"} and arm.missing["fast>=1"] == "app 1.0"


def test_every_requirement_on_a_project_is_honoured():
    index = [W("a-1-py3-none-any.whl", "c>=2"), W("b-1-py3-none-any.whl", "c<3"),
             W("c-3.1-py3-none-any.whl"), W("c-2.5-py3-none-any.whl")]
    assert str(resolve(index, ["a", "b"], TARGETS["win32-x64"], "3.12").chosen["c"].version) == "2.5"
    assert set(resolve(index[:3], ["a", "b"], TARGETS["win32-x64"], "3.12").missing) == {"c<3,>=2"}


def test_requires_python_and_extras():
    index = [W("a-2-py3-none-any.whl", requires_python=">=3.12"), W("a-1-py3-none-any.whl"),
             W("b-1-py3-none-any.whl", "x; extra == 'fast'"), W("x-1-py3-none-any.whl")]
    assert str(resolve(index, ["a"], TARGETS["linux-x64"], "3.10").chosen["a"].version) == "1"
    assert str(resolve(index, ["a"], TARGETS["linux-x64"], "3.12").chosen["a"].version) == "2"
    assert "x" not in resolve(index, ["b"], TARGETS["linux-x64"], "3.12").chosen
    assert "x" in resolve(index, ["b[fast]"], TARGETS["linux-x64"], "3.12").chosen
