"""Secret-engine pieces: validators, placeholders, redaction, keyword prefilter, overlaps."""

from __future__ import annotations

import binascii

import pytest

from ztlint.engine import keywords, rules, secrets
from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config

from ..helpers import write


def _github(body: str, prefix="ghp_") -> str:
    return prefix + body + secrets.base62(binascii.crc32(body.encode()))


def test_github_checksum_accepts_valid_and_rejects_tampered():
    token = _github("Xy7Qp2Lm9Rt4Vb8Nc3Kd6Fg1Hj5Ws0")
    assert secrets.validate("github-crc32", token)
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert not secrets.validate("github-crc32", tampered)
    assert not secrets.validate("github-crc32", "nounderscore")


def test_redaction_shows_only_the_public_prefix_or_the_length():
    # issue 13 item 6: it kept the first four characters, of the random part too ("0r6E…")
    assert secrets.redact("ghp_abcdef", ("ghp_",)) == "ghp_…"
    assert secrets.redact("0r6EKnImrOk/vkjd") == "…(16 chars)"
    assert secrets.redact(b"xy") == "…(2 chars)"
    assert secrets.redact("sk_live_abc", ("sk_live_", "sk_")) == "sk_live_…"


def test_public_prefixes_come_from_the_rule_regex():
    from ztlint.engine.publicprefix import public_prefixes
    assert set(public_prefixes(r"\b(?P<secret>gh[pousr]_[A-Za-z0-9]{36})", "secret")) == \
        {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}
    assert public_prefixes(r"(?P<secret>xoxb-(?<![a-z-]xoxb-)[0-9]{8,14})", "secret") == ("xoxb-",)
    assert public_prefixes(r"key=(?P<secret>[A-Za-z0-9/+]{40})", "secret") == ()


@pytest.mark.parametrize("value", ["<your-token>", "${GITHUB_TOKEN}", "{{ secrets.X }}", "%API_KEY%",
                                   "xxxxxxxxxxxx", "changeme", "********", "AKIAIOSFODNN7EXAMPLE"])
def test_placeholders(value):
    assert secrets.is_placeholder(value)


def test_real_looking_values_are_not_placeholders():
    assert not secrets.is_placeholder(_github("Xy7Qp2Lm9Rt4Vb8Nc3Kd6Fg1Hj5Ws0"))


# The pure-Python path always; the Hyperscan path where its wheel is installed (Linux x86-64).
@pytest.mark.parametrize("accelerated", [False] + ([True] if keywords.hyperscan else []))
def test_keyword_index_finds_positions_case_insensitively(monkeypatch, accelerated):
    if not accelerated:
        monkeypatch.setattr(keywords, "hyperscan", None)
    idx = keywords.KeywordIndex({b"ghp_", b"password"})
    hits = idx.find(b"x = 'GHP_abc'\nPassword: y\npassword again\n")
    assert hits == {b"ghp_": [5], b"password": [14, 26]}
    assert keywords.line_windows(b"aa\nbb ghp_\ncc\n", [6]) == [(3, 11)]


def test_checksum_failing_tokens_are_not_reported(bundled):
    good = _github("Xy7Qp2Lm9Rt4Vb8Nc3Kd6Fg1Hj5Ws0")
    bad = good[:-2] + "zz"
    found = analyze(f"a = '{good}'\nb = '{bad}'\n".encode(), "t.txt", bundled, Config()).findings
    gh = [f for f in found if f.rule_id.startswith("secret-github")]
    assert [f.line for f in gh] == [1]


def test_overlapping_secret_findings_keep_the_most_specific(tmp_path):
    for name, validate, conf in (("specific", "validate: github-crc32", "high"), ("generic", "", "medium")):
        write(tmp_path / f"{name}.yaml", f"""
            id: test-{name}
            title: {name} token
            severity: error
            confidence: {conf}
            category: secret
            cwe: [CWE-798]
            owasp: []
            languages: [generic]
            match:
              regex: '(?P<secret>ghp_[A-Za-z0-9]{{36}})'
              keywords: [ghp_]
              {validate}
            message: "token {{secret}}"
            docs: "Test rules for overlapping secret findings."
            """)
    rs = rules.load_rules([tmp_path])
    token = _github("Xy7Qp2Lm9Rt4Vb8Nc3Kd6Fg1Hj5Ws0")
    found = analyze(f"t = '{token}'\n".encode(), "t.txt", rs, Config()).findings
    assert [f.rule_id for f in found] == ["test-specific"]


def test_aws_secret_key_on_the_line_after_its_key_id(bundled):
    """SDK constructors often put the pair on two lines: the multi-line rule still pairs them."""
    key_id = "AKIA" + "2IBYYURL7B6KJ6HB"  # built here so the repository's own scan stays clean
    src = ('creds = credentials.NewStaticCredentialsProvider(\n'
           f'    "{key_id}",\n'
           '    "qsxRpvED5hJRaOvRTYZPNvS/I4k9GvvK9JkmW378",\n'
           '    "")\n').encode()
    found = {f.rule_id: f for f in analyze(src, "s3.go", bundled, Config()).findings}
    secret = found["secret-aws-secret-key-after-key-id"]
    assert secret.line == 3 and "…(40 chars)" in secret.message and "qsx" not in secret.message and "W378" not in secret.message
    spaced = src.replace(b'",\n', b'",\n\n\n')  # unrelated arguments far apart: not paired
    assert "secret-aws-secret-key-after-key-id" not in {
        f.rule_id for f in analyze(spaced, "s3.go", bundled, Config()).findings}
