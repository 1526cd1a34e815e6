"""Incremental analysis must equal a fresh full analysis after any sequence of edits."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ztlint.engine import languages, rules
from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config
from ztlint.engine.incremental import IncrementalDocument

from .conftest import TOKEN_RULE, write

RULES_DIR = rules.bundled_rules_dir()
SAMPLES = sorted(p for p in RULES_DIR.rglob("*")
                 if p.is_file() and not rules.is_rule_file(p) and ".fixed." not in p.name
                 and languages.detect(p.name) is not None)
SNIPPETS = ["\n", " ", "(", ")", "'", '"', "eval(x)", "yaml.load(s)", "# ztlint: ignore[*]\n",
            "ztk_9f8e7d6c5b4a39281706f5e4", "password = 'Zq8#kLm2pX9w'\n", "é", "中", "😀",
            "def f():\n    ", "subprocess.run(cmd, shell=True)\n", "\r\n", "-----BEGIN", "}", "{"]


@functools.cache
def _ruleset():
    d = Path(tempfile.mkdtemp(prefix="ztlint-incr-"))
    write(d / "token.yaml", TOKEN_RULE)
    return rules.load_rules([RULES_DIR, d])


def _key(findings):
    return [(f.rule_id, f.start_byte, f.end_byte, f.start, f.end, f.severity, f.message,
             None if f.fix is None else (f.fix.safe, f.fix.edits)) for f in findings]


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_edit_sequences_match_full_analysis(data):
    ruleset = _ruleset()
    cfg = Config()
    sample = data.draw(st.sampled_from(SAMPLES), label="file")
    text = sample.read_text(encoding="utf-8")
    lang = languages.detect(sample.name)
    doc = IncrementalDocument(text.encode(), sample.name, lang, ruleset, cfg)
    for _ in range(data.draw(st.integers(1, 12), label="edits")):
        pos = data.draw(st.integers(0, len(text)))
        length = data.draw(st.integers(0, min(30, len(text) - pos)))
        insert = data.draw(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=6)))
        start_b = len(text[:pos].encode())
        end_b = start_b + len(text[pos:pos + length].encode())
        doc.edit(start_b, end_b, insert.encode("utf-8", "surrogatepass"))
        text = text[:pos] + insert + text[pos + length:]
        if data.draw(st.booleans(), label="analyse now"):  # debounce: sometimes several edits at once
            doc.analyze()
    incremental = doc.analyze()
    assert doc.source == text.encode("utf-8", "surrogatepass")
    # Exactly what a full analysis of the same syntax tree gives ...
    same_tree = analyze(doc.source, sample.name, ruleset, cfg, language=lang, tree=doc.tree)
    assert _key(incremental) == _key(same_tree.findings)
    # ... and, when the text parses cleanly, what a fresh parse and analysis gives. (With syntax
    # errors, tree-sitter's incremental error recovery may legitimately build another tree
    # than a fresh parse of the same text.)
    fresh = analyze(doc.source, sample.name, ruleset, cfg, language=lang)
    if lang is None or not fresh.tree.root_node.has_error:
        assert _key(incremental) == _key(fresh.findings)


def test_bundled_rules_allow_incremental_analysis():
    ruleset = _ruleset()
    sensitive = [lang for lang in languages.SPECS if (p := ruleset.pack(lang)) and p.root_sensitive]
    assert sensitive == []  # a pattern rooted at the file's root forces full re-analysis per edit


def test_file_level_condition_flip_rechecks_the_whole_file(tmp_path):
    write(tmp_path / "r.yaml", """
        id: test-file-has
        title: loads only in files importing danger
        severity: warning
        confidence: high
        cwe: [CWE-95]
        owasp: []
        languages: [python]
        match:
          query: '(call function: (identifier) @fn (#eq? @fn "load")) @call'
          report: call
          where:
            - file-has: '(import_statement name: (dotted_name) @m (#eq? @m "danger"))'
        message: "load in a danger file"
        docs: "A test rule with a file-level condition."
        """)
    ruleset = rules.load_rules([tmp_path])
    assert not ruleset.pack("python").root_sensitive
    src = "def f():\n    load(x)\n\n\ndef g():\n    pass\n"
    doc = IncrementalDocument(src.encode(), "m.py", "python", ruleset, Config())
    assert doc.findings == []
    doc.edit(len(src), len(src), b"import danger\n")
    assert [f.line for f in doc.analyze()] == [2]


def test_editing_one_function_reuses_findings_elsewhere(tmp_path):
    ruleset = rules.load_rules([], [RULES_DIR / "python" / "yaml-load.yaml"])
    src = "import yaml\n\ndef a():\n    return yaml.load(x)\n\ndef b():\n    return 1\n"
    doc = IncrementalDocument(src.encode(), "m.py", "python", ruleset, Config())
    before = doc.tree_findings[0]
    pos = src.index("return 1")
    doc.edit(pos, pos, b"yaml.load(y)\n    ")
    after = doc.analyze()
    assert [f.line for f in after] == [4, 7]
    assert doc.tree_findings[0] is before  # untouched region: the same object, not recomputed


def test_multiline_edit_of_a_pem_block_is_seen(tmp_path):
    write(tmp_path / "pem.yaml", """
        id: test-pem
        title: private key block
        severity: error
        confidence: high
        category: secret
        cwe: [CWE-321]
        owasp: []
        languages: [generic]
        match:
          regex: '-----BEGIN PRIVATE KEY-----\\n(?P<secret>[A-Za-z0-9+/=\\n]{40,}?)\\n-----END PRIVATE KEY-----'
          keywords: ["-----begin private key"]
          multiline: true
        message: "private key {secret}"
        docs: "A test rule for multi-line secrets."
        """)
    ruleset = rules.load_rules([tmp_path])
    body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7"
    src = f"x = 1\nKEY = '''-----BEGIN PRIVATE KEY-----\n{body}\n-----END PRIVATE KEY--'''\n"
    doc = IncrementalDocument(src.encode(), "k.py", "python", ruleset, Config())
    assert doc.findings == []
    pos = src.index("KEY--'''") + 3
    doc.edit(pos, pos, b"---")  # completing the END line, three lines below the BEGIN keyword
    assert [f.rule_id for f in doc.analyze()] == ["test-pem"]
    assert body not in doc.findings[0].message


def test_regression_broken_hcl_tree_keeps_findings_outside_the_edit():
    """Edits that leave an HCL file with syntax errors must not lose untouched findings."""
    ruleset = _ruleset()
    sample = RULES_DIR / "terraform" / "iam-policy-admin-wildcard.tf"
    text = sample.read_text(encoding="utf-8")
    doc = IncrementalDocument(text.encode(), sample.name, "hcl", ruleset, Config())
    for pos, length, insert in [(747, 25, '"'), (594, 18, " "), (424, 13, "USER app\n")]:
        start = len(text[:pos].encode())
        doc.edit(start, start + len(text[pos:pos + length].encode()), insert.encode())
        text = text[:pos] + insert + text[pos + length:]
        doc.analyze()
    fresh = analyze(doc.source, sample.name, ruleset, Config(), language="hcl")
    assert _key(doc.analyze()) == _key(fresh.findings)
