"""A rule's documentation, rendered here once for every front-end.

Markdown for the editor's hover, the SARIF ``help`` and the pages under ``docs/rules/``; plain
text for ``ztlint rules show``. The forms differ only where their readers differ (parameters of
:func:`rule_markdown`); the docs and references always come from :func:`_body`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .templates import neutral

if TYPE_CHECKING:
    from .rules import Rule


def rule_markdown(rule: Rule, *, summary: bool = True, references: bool = True,
                  sections: bool = False) -> str:
    """The rule's docs as Markdown.

    ``summary``: a title line and a line of facts (severity, confidence, CWE, OWASP, quick fix)
    before the docs, as the hover shows them. ``references``: the reference links after the docs
    (SARIF leaves them out of ``help``: it carries the first as ``helpUri``). ``sections``:
    ``## Details`` / ``## References`` headings and ``<autolinks>``, for a page of its own.
    """
    lines = []
    if summary:
        facts = [f"Severity: `{rule.severity}`", f"Confidence: `{rule.confidence}`",
                 " · ".join(rule.cwe), *rule.owasp]
        lines += [f"**ztlint · {rule.id}** — {rule.title}", "", " · ".join(facts), ""]
        if rule.fix:
            review = "safe" if rule.fix.safe else "review: changes behaviour"
            lines += [f"Quick fix: *{fix_title(rule)}* ({review})", ""]
    lines += _body(rule, references, sections)
    return "\n".join(lines)


def rule_text(rule: Rule) -> str:
    """The rule's docs as plain text for a terminal, facts first."""
    lines = [f"{rule.id}: {rule.title}",
             f"severity {rule.severity}, confidence {rule.confidence}; {', '.join(rule.cwe)}; "
             f"{', '.join(rule.owasp)}; languages: {', '.join(rule.languages)}"]
    if rule.fix:
        lines.append(f"fix: {fix_title(rule)} ({'safe' if rule.fix.safe else 'unsafe: review'})")
    lines.append("")
    lines += _body(rule, references=True, sections=False)
    return "\n".join(lines)


def fix_title(rule: Rule) -> str:
    """The fix's title for docs: its template with each ``{capture}`` shown as ``…``."""
    return neutral(rule.fix.title) if rule.fix else ""


def _body(rule: Rule, references: bool, sections: bool) -> list[str]:
    lines = ["## Details", ""] if sections else []
    lines.append(rule.docs)
    if references and rule.references:
        if sections:
            lines += ["", "## References", "", *(f"- <{u}>" for u in rule.references)]
        else:
            lines += ["", *(f"- {u}" for u in rule.references)]
    return lines
