"""Rule docs are rendered once (engine/ruledocs.py) for the hover, `ztlint rules show`, the SARIF
help and the generated reference (docs/rules/), which is up to date."""

from __future__ import annotations

import subprocess
import sys

from ztlint import cli
from ztlint.commands import rules as rules_command
from ztlint.engine import rules as rulesmod
from ztlint.engine.ruledocs import rule_markdown, rule_text
from ztlint.lsp import convert
from ztlint.report import sarif

from ..helpers import REPO, write

GEN = REPO / "scripts" / "gen_rule_docs.py"

RULE = """
rules:
  - id: test-weak-thing
    title: Weak | thing used
    severity: warning
    confidence: medium
    cwe: [CWE-328, CWE-327]
    owasp: ["A02:2021-Cryptographic Failures"]
    languages: [python]
    tags: [hash]
    match:
      query: |
        (call function: (attribute object: (identifier) @mod attribute: (identifier) @fn)) @call
      report: call
      where:
        - {capture: mod, equals: weaklib}
        - {capture: fn, equals: md5}
    message: "weaklib.{fn}() is weak"
    fix:
      title: "Use weaklib.sha256()"
      safe: true
      edits:
        - capture: fn
          replace: sha256
    docs: |
      **Why:** weak things are weak.

      Bad:
      ```python
      weaklib.md5(data)
      ```
    references:
      - https://example.com/weak-thing
  - id: test-no-fix
    title: Something without a fix
    severity: error
    confidence: high
    cwe: [CWE-95]
    owasp: []
    languages: [python, javascript]
    match:
      query: |
        (call function: (identifier) @fn) @call
      report: call
      where:
        - {capture: fn, equals: risky}
    message: "risky"
    docs: "Do not call risky(); it runs arbitrary code. Call safe() instead."
"""

FIXTURE = """
# ruleid: test-weak-thing
weaklib.md5(b"x")
# ok: test-weak-thing
weaklib.sha256(b"x")
# ruleid: test-no-fix
risky()
# ok: test-no-fix
safe()
"""


def run_gen(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(GEN), *args], capture_output=True, text=True,
                          cwd=REPO, timeout=300)


def test_committed_rule_docs_are_up_to_date():
    proc = run_gen("--check")
    assert proc.returncode == 0, (
        "docs/rules/ is out of date; run `python scripts/gen_rule_docs.py`:\n"
        + proc.stdout + proc.stderr)


def test_builtin_rule_documented_once():
    assert (REPO / "docs" / "rules" / "ztlint-unused-suppression.md").is_file()
    index = (REPO / "docs" / "rules" / "README.md").read_text(encoding="utf-8")
    assert index.count("[`ztlint-unused-suppression`](ztlint-unused-suppression.md)") == 2  # language + CWE


def test_custom_rule_dir(tmp_path):
    rules_dir = tmp_path / "myrules"
    write(rules_dir / "python" / "weak.yaml", RULE)
    write(rules_dir / "python" / "weak.py", FIXTURE)
    write(rules_dir / "python" / "weak.fixed.py", FIXTURE.replace("md5", "sha256"))
    out = tmp_path / "out"

    proc = run_gen("--rules", str(rules_dir), "--out", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "test-no-fix.md", "test-weak-thing.md"]

    page = (out / "test-weak-thing.md").read_text(encoding="utf-8")
    assert page.splitlines()[2] == "# test-weak-thing"
    assert "**Weak | thing used**" in page
    assert "| Severity | warning |" in page
    assert "| Confidence | medium |" in page
    assert ("| CWE | [CWE-328](https://cwe.mitre.org/data/definitions/328.html), "
            "[CWE-327](https://cwe.mitre.org/data/definitions/327.html) |") in page
    assert "[A02:2021-Cryptographic Failures](https://owasp.org/Top10/A02_2021-Cryptographic_Failures/)" in page
    assert "| Fix | yes, safe to apply automatically: Use weaklib.sha256() |" in page
    assert "**Why:** weak things are weak." in page
    assert "- <https://example.com/weak-thing>" in page
    assert "- Rule file: [`myrules/python/weak.yaml`](../myrules/python/weak.yaml) (line 2)" in page
    assert "[`myrules/python/weak.py`](../myrules/python/weak.py)" in page
    assert "[`myrules/python/weak.fixed.py`](../myrules/python/weak.fixed.py)" in page

    other = (out / "test-no-fix.md").read_text(encoding="utf-8")
    assert "| Fix | no automatic fix |" in other
    assert "| OWASP Top 10 | — |" in other
    assert "| Languages | python, javascript |" in other

    index = (out / "README.md").read_text(encoding="utf-8")
    assert "### Python" in index and "### JavaScript" in index
    # the title's pipe is escaped inside the table
    assert ("| [`test-weak-thing`](test-weak-thing.md) | Weak \\| thing used | warning | "
            "[CWE-328](https://cwe.mitre.org/data/definitions/328.html), "
            "[CWE-327](https://cwe.mitre.org/data/definitions/327.html) | yes (safe) |") in index
    assert "| [CWE-95](https://cwe.mitre.org/data/definitions/95.html) | [`test-no-fix`](test-no-fix.md) |" in index
    assert "ztlint-unused-suppression" not in index

    # fresh output passes --check; an edit, a deletion and a stray file are each reported
    assert run_gen("--rules", str(rules_dir), "--out", str(out), "--check").returncode == 0
    (out / "test-weak-thing.md").write_text(page + "edited\n", encoding="utf-8")
    (out / "test-no-fix.md").unlink()
    (out / "stray.md").write_text("x\n", encoding="utf-8")
    proc = run_gen("--rules", str(rules_dir), "--out", str(out), "--check")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert any(l.startswith("stale: ") and l.endswith("/test-weak-thing.md") for l in lines)
    assert any(l.startswith("missing: ") and l.endswith("/test-no-fix.md") for l in lines)
    assert any(l.startswith("extra: ") and l.endswith("/stray.md") for l in lines)

    # the page's details and references are the shared Markdown, in its sectioned form
    weak = rulesmod.load_rules([], [rules_dir / "python" / "weak.yaml"]).rules["test-weak-thing"]
    assert "\n\n" + rule_markdown(weak, summary=False, sections=True) + "\n\n## Source\n" in page

    # regenerating repairs all three, and is byte-for-byte deterministic
    assert run_gen("--rules", str(rules_dir), "--out", str(out)).returncode == 0
    assert (out / "test-weak-thing.md").read_text(encoding="utf-8") == page
    assert not (out / "stray.md").exists()
    assert run_gen("--rules", str(rules_dir), "--out", str(out), "--check").returncode == 0


# The bytes each front-end showed before the renderings were merged into engine/ruledocs.py.
WEAK_DOCS = "**Why:** weak things are weak.\n\nBad:\n```python\nweaklib.md5(data)\n```"
WEAK_HOVER = ("**ztlint · test-weak-thing** — Weak | thing used\n\n"
              "Severity: `warning` · Confidence: `medium` · CWE-328 · CWE-327 · A02:2021-Cryptographic Failures\n\n"
              "Quick fix: *Use weaklib.sha256()* (safe)\n\n" + WEAK_DOCS + "\n\n- https://example.com/weak-thing")
WEAK_SHOW = ("test-weak-thing: Weak | thing used\n"
             "severity warning, confidence medium; CWE-328, CWE-327; A02:2021-Cryptographic Failures; "
             "languages: python\nfix: Use weaklib.sha256() (safe)\n\n" + WEAK_DOCS
             + "\n\n- https://example.com/weak-thing\n")
NOFIX_DOCS = "Do not call risky(); it runs arbitrary code. Call safe() instead."
NOFIX_HOVER = ("**ztlint · test-no-fix** — Something without a fix\n\n"
               "Severity: `error` · Confidence: `high` · CWE-95\n\n" + NOFIX_DOCS)
NOFIX_SHOW = ("test-no-fix: Something without a fix\n"
              "severity error, confidence high; CWE-95; ; languages: python, javascript\n\n" + NOFIX_DOCS + "\n")


def test_hover_show_and_sarif_help_share_one_rendering(tmp_path, capsys, monkeypatch):
    rule_file = write(tmp_path / "weak.yaml", RULE)
    ruleset = rulesmod.load_rules([], [rule_file])
    monkeypatch.setattr(rules_command.rules, "load_rules", lambda *a, **k: ruleset)
    for rid, hover, show, docs in (("test-weak-thing", WEAK_HOVER, WEAK_SHOW, WEAK_DOCS),
                                   ("test-no-fix", NOFIX_HOVER, NOFIX_SHOW, NOFIX_DOCS)):
        rule = ruleset.rules[rid]
        assert convert.hover_markdown(rule) == rule_markdown(rule) == hover
        assert rule_text(rule) + "\n" == show
        assert sarif._rule(rule)["help"] == {"text": docs, "markdown": docs}
        assert rule_markdown(rule, summary=False, references=False) == docs
        capsys.readouterr()
        assert rules_command.run(cli._parser().parse_args(["rules", "show", rid])) == 0
        assert capsys.readouterr().out == show

