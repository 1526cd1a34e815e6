"""Issue 13 item 7: no rendered doc or hover shows an unfilled `{placeholder}` (fix titles are
templates filled from a finding; docs show them in a neutral form)."""

from __future__ import annotations

import importlib.util
import re

from ztlint.engine.ruledocs import rule_markdown, rule_text
from ztlint.engine.templates import PLACEHOLDER
from ztlint.lsp import convert

from ..helpers import REPO


def _prose(markdown: str) -> str:
    """Text a reader sees as prose: code blocks and code spans hold real code (`{name}` in an
    f-string is not a placeholder)."""
    text = re.sub(r"```.*?```", "", markdown, flags=re.S)
    return re.sub(r"`[^`\n]*`", "", text)


def _unfilled(text: str) -> list[str]:
    return [m.group(0) for m in PLACEHOLDER.finditer(_prose(text))]


def _gen_rule_docs():
    spec = importlib.util.spec_from_file_location("gen_rule_docs", REPO / "scripts" / "gen_rule_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rule_docs_and_hovers_fill_or_neutralise_every_placeholder(bundled):
    templated = [r for r in bundled.rules.values() if r.fix and PLACEHOLDER.search(r.fix.title)]
    assert len(templated) > 20  # the case exists (was 35 pages with "Use yaml.safe_{fn}()")
    for rule in bundled.rules.values():
        for shown in (rule_text(rule), convert.hover_markdown(rule),
                      rule_markdown(rule, summary=False, sections=True)):
            assert _unfilled(shown) == [], (rule.id, shown)
    yaml_rule = bundled.rules["python-yaml-unsafe-load"]
    assert "fix: Use yaml.safe_…() (safe)" in rule_text(yaml_rule)
    assert "Quick fix: *Use yaml.safe_…()*" in convert.hover_markdown(yaml_rule)


def test_generated_rule_pages_have_no_unfilled_placeholder(tmp_path):
    gen = _gen_rule_docs()
    files, errors = gen.generate([REPO / "rules"], tmp_path, include_builtin=True)
    assert errors == [] and len(files) > 100
    bad = {name: _unfilled(text) for name, text in files.items() if _unfilled(text)}
    assert bad == {}
    assert "Use yaml.safe_…()" in files["python-yaml-unsafe-load.md"]
