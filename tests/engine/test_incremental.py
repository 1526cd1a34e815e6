"""Incremental analysis must equal a fresh full analysis after any sequence of edits."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ztlint.engine import facts, languages, rules
from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config
from ztlint.engine.incremental import IncrementalDocument

from ..helpers import TOKEN_RULE, write

RULES_DIR = rules.bundled_rules_dir()
SAMPLES = sorted(p for p in RULES_DIR.rglob("*")
                 if p.is_file() and not rules.is_rule_file(p) and ".fixed." not in p.name
                 and languages.detect(p.name) is not None)
SNIPPETS = ["\n", " ", "(", ")", "'", '"', "eval(x)", "yaml.load(s)", "# ztlint: ignore[*]\n",
            "ztk_9f8e7d6c5b4a39281706f5e4", "password = 'Zq8#kLm2pX9w'\n", "é", "中", "😀",
            "def f():\n    ", "subprocess.run(cmd, shell=True)\n", "\r\n", "-----BEGIN", "}", "{",
            # only comments suppress: a directive typed into a string must not (issue 10)
            '"# ztlint: ignore[*]"', "' #nosec'", '"-- ztlint: ignore-file[*] --"', "\r", "#"]


@functools.cache
def _ruleset():
    d = Path(tempfile.mkdtemp(prefix="ztlint-incr-"))
    write(d / "token.yaml", TOKEN_RULE)
    return rules.load_rules([RULES_DIR, d])


def _key(findings):
    # columns and the edits' UTF-16 positions included: incremental placement must match
    return [(f.rule_id, f.start_byte, f.end_byte, f.start, f.end, f.columns, f.severity, f.message,
             None if f.fix is None else (f.fix.safe, f.fix.edits, [e.utf16 for e in f.fix.edits]))
            for f in findings]


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


SPLIT_FACT_RULES = """
rules:
  - id: test-eval-with-marker
    title: eval in a file with a Marker class
    severity: warning
    confidence: high
    cwe: [CWE-95]
    owasp: []
    languages: [python]
    match:
      query: '(call function: (identifier) @fn (#eq? @fn "eval")) @call'
      report: call
      where:
        - file-has: '(class_definition name: (identifier) @n (#eq? @n "Marker")) @c'
    message: "eval with a marker"
    docs: "A test rule with a fact about some top-level statement."
  - id: test-eval-without-guard
    title: eval in a file without a guard assignment
    severity: warning
    confidence: high
    cwe: [CWE-95]
    owasp: []
    languages: [python]
    match:
      query: '(call function: (identifier) @fn (#eq? @fn "eval")) @call'
      report: call
      where:
        - file-not-has: '(expression_statement (assignment left: (identifier) @v (#eq? @v "GUARD")))'
    message: "eval without a guard"
    docs: "A test rule with a negative fact about some top-level statement."
"""
FACT_SOURCE = "class Other:\n    def m(self):\n        return 1\n\nGUARDED = 1\nx = eval(y)\n"
FACT_SNIPPETS = ["Marker", "Other", "GUARD", "GUARD = 1\n", "class Marker:\n    pass\n", "\n", " ", "x",
                 "eval(z)\n", ":", "(", "    ", "# c\n", "="]


@functools.cache
def _fact_ruleset():
    d = Path(tempfile.mkdtemp(prefix="ztlint-facts-"))
    write(d / "facts.yaml", SPLIT_FACT_RULES)
    return rules.load_rules([d])


def test_statement_facts_are_split_and_kept_incrementally():
    pack = _fact_ruleset().pack("python")
    assert len(pack.split_facts) == 2 and pack.fact_types == frozenset({"ERROR"})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_edits_keep_statement_facts_exact(data):
    """Renaming classes, adding and removing the guard, typing inside methods: the facts kept
    per statement must always equal a recomputation over the whole tree."""
    ruleset, cfg = _fact_ruleset(), Config()
    text = FACT_SOURCE
    doc = IncrementalDocument(text.encode(), "m.py", "python", ruleset, cfg)
    for _ in range(data.draw(st.integers(1, 10), label="edits")):
        pos = data.draw(st.integers(0, len(text)))
        length = data.draw(st.integers(0, min(12, len(text) - pos)))
        insert = data.draw(st.sampled_from(FACT_SNIPPETS))
        doc.edit(pos, pos + length, insert.encode())
        text = text[:pos] + insert + text[pos + length:]
        if data.draw(st.booleans(), label="analyse now"):
            doc.analyze()
    incremental = doc.analyze()
    same_tree = analyze(doc.source, "m.py", ruleset, cfg, language="python", tree=doc.tree)
    assert _key(incremental) == _key(same_tree.findings)
    assert doc.facts == facts.all_facts(ruleset.pack("python"), doc.tree.root_node)


def test_renaming_a_class_flips_a_statement_fact():
    ruleset = _fact_ruleset()
    doc = IncrementalDocument(FACT_SOURCE.encode(), "m.py", "python", ruleset, Config())
    assert [f.rule_id for f in doc.findings] == ["test-eval-without-guard"]
    pos = FACT_SOURCE.index("Other")
    doc.edit(pos, pos + len("Other"), b"Marker")
    assert sorted(f.rule_id for f in doc.analyze()) == ["test-eval-with-marker", "test-eval-without-guard"]
    pos = FACT_SOURCE.index("GUARDED")
    doc.edit(pos + 6, pos + 7, b"")  # GUARDED -> GUARDE
    doc.edit(pos + 5, pos + 6, b"")  # GUARDE -> GUARD: the guard now exists
    assert [f.rule_id for f in doc.analyze()] == ["test-eval-with-marker"]


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


def test_ancestry_is_the_parent_chain():
    from ztlint.engine.match import ancestry, statement_of
    src = b"class A:\n    def f(self):\n        return [[eval(x)]]\n\nx = 1\n"
    tree = languages.parser("python").parse(src)
    node = tree.root_node.descendant_for_byte_range(src.index(b"eval"), src.index(b"eval") + 4)
    chain = [node]
    while chain[-1].parent is not None:
        chain.append(chain[-1].parent)
    assert ancestry(tree.root_node, node) == chain[::-1]
    assert statement_of(node, tree.root_node).type == "return_statement"
    top = tree.root_node.children[-1]
    assert statement_of(top, tree.root_node) == top
