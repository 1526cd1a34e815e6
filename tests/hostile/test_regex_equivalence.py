"""Every bundled regex that runs on RE2 finds exactly what Python's engine finds: the same
spans and group values for text rules, the same yes/no for conditions."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ztlint.engine import rules

_BUNDLED = rules.load_rules([rules.bundled_rules_dir()])
_TEXT = sorted({r.regex.pattern: r.regex for r in _BUNDLED.rules.values()
                if r.regex is not None and r.regex.engine == "re2"}.items())
_COND = sorted({c.value.pattern: c.value for r in _BUNDLED.rules.values() for c in r.conditions
                if c.kind in ("regex", "not-regex") and not r.is_text and c.value.engine != "python"}.items())
# text rules' checks on groups run on bytes (ahead/behind ones are wrapped in \A ... or ... \Z)
_TEXT_COND = sorted({c.value.pattern: c.value for r in _BUNDLED.rules.values() if r.is_text
                     for c in r.conditions if hasattr(c.value, "engine")}.items())
_FIXTURES = [p.read_bytes() for p in sorted(rules.bundled_rules_dir().rglob("*"))
             if p.is_file() and not p.name.endswith((".yaml", ".md")) or ".fixture." in p.name]


def _found(pattern, text: bytes):
    return [(m.span(), {k: m.span(k) for k in m.groupdict()}) for m in pattern.finditer(text)]


def _alphabet(pattern) -> list:
    chars = set(re.sub(rb"\\.", b"", pattern.pattern if isinstance(pattern.pattern, bytes)
                       else pattern.pattern.encode()))
    return sorted(chars | set(b" \n\t\"'=:_-./aA0Z9\xe9"))


def test_most_bundled_regexes_run_on_the_linear_engine():
    assert len(_TEXT) > 200 and len(_COND) > 100


@pytest.mark.parametrize("pattern", [p for _, p in _TEXT], ids=[k[:40].decode("latin-1") for k, _ in _TEXT])
def test_text_rule_regex_matches_python_on_fixtures_and_noise(pattern):
    py = re.compile(pattern.pattern, pattern.flags)
    rng = random.Random(pattern.pattern)
    alphabet = _alphabet(pattern)
    samples = list(_FIXTURES)
    for _ in range(40):
        fixture = rng.choice(_FIXTURES)
        cut = rng.randrange(len(fixture) + 1)
        noise = bytes(rng.choice(alphabet) for _ in range(rng.randrange(60)))
        samples.append(fixture[cut:cut + 200] + noise + fixture[:rng.randrange(80)])
    for text in samples:
        assert _found(pattern, text) == _found(py, text), text[:200]
        start, end = sorted(rng.randrange(len(text) + 1) for _ in range(2))
        assert [m.span() for m in pattern.finditer(text, start, end)] == \
            [m.span() for m in py.finditer(text, start, end)]


@pytest.mark.parametrize("pattern", [p for _, p in _COND], ids=[k[:40] for k, _ in _COND])
def test_condition_regex_agrees_with_python(pattern):
    py = re.compile(pattern.pattern, pattern.flags)
    rng = random.Random(pattern.pattern)
    alphabet = [chr(c) for c in _alphabet(pattern)]
    lines = [line for f in _FIXTURES for line in f.decode("utf-8", "replace").splitlines()]
    samples = rng.sample(lines, 300)
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(30))) for _ in range(200)]
    for text in samples:
        assert (pattern.search(text) is not None) == (py.search(text) is not None), text


@pytest.mark.parametrize("pattern", [p for _, p in _TEXT_COND], ids=[k[:40].decode("latin-1") for k, _ in _TEXT_COND])
def test_text_condition_regex_agrees_with_python(pattern):
    assert pattern.engine != "python"
    py = re.compile(pattern.pattern, pattern.flags)
    rng = random.Random(pattern.pattern)
    alphabet = _alphabet(pattern)
    lines = [line for f in _FIXTURES for line in f.splitlines()]
    samples = rng.sample(lines, 300)
    for line in rng.sample(lines, 200):  # the tails of lines, as ahead: sees them
        samples.append(line[rng.randrange(len(line) + 1):])
    samples += [bytes(rng.choice(alphabet) for _ in range(rng.randrange(30))) for _ in range(200)]
    for text in samples:
        assert (pattern.search(text) is not None) == (py.search(text) is not None), text


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_random_text_against_random_bundled_regex(data):
    _, pattern = data.draw(st.sampled_from(_TEXT))
    text = data.draw(st.binary(max_size=80) | st.text(alphabet="".join(map(chr, _alphabet(pattern))),
                                                        max_size=80).map(lambda s: s.encode("latin-1")))
    assert _found(pattern, text) == _found(re.compile(pattern.pattern, pattern.flags), text)
