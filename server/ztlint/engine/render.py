"""Text people read, made from a match's captures: messages (secrets redacted) and fixes."""

from __future__ import annotations

from . import publicprefix, secrets, templates
from .findings import Edit, Fix
from .rules import Rule


_MAX_INTERPOLATED = 60


def interpolate(template: str, values: dict[str, str]) -> str:
    return templates.render(template, values, shorten=_MAX_INTERPOLATED)


def safe_values(rule: Rule, raw: dict[str, str]) -> dict[str, str]:
    """Values fit for text people read: every capture of a secret rule is redacted except the
    ones the rule declares plain (`plain-captures`: a variable's name, a URL's host ...). A
    user name is a credential too (`https://<token>:x-oauth-basic@...`)."""
    if not rule.is_secret:
        return raw
    return {k: v if k in rule.plain_captures else secrets.redact(v, public_prefixes(rule, k))
            for k, v in raw.items()}


def public_prefixes(rule: Rule, capture: str) -> tuple[str, ...]:
    """The literal prefixes a text rule's regex gives ``capture`` (a format's public part)."""
    if rule.regex is None or capture not in rule.regex.groupindex:
        return ()
    pattern = rule.regex.pattern
    if isinstance(pattern, bytes):
        pattern = pattern.decode("utf-8", "replace")
    return publicprefix.public_prefixes(pattern, capture)


def build_fix(rule: Rule, spans: dict[str, tuple[int, int]], raw: dict[str, str]) -> Fix | None:
    """Build the rule's fix from capture spans (byte offsets) and capture texts."""
    if rule.fix is None:
        return None
    # A secret rule's fix never carries the secret: its replacement text is built from
    # redacted values (fixes travel in JSON, SARIF and LSP messages).
    values = safe_values(rule, raw)
    edits = []
    for spec in rule.fix.edits:
        span = spans.get(spec.capture)
        if span is None:
            return None
        if spec.replace is not None:
            edits.append(Edit(span[0], span[1], templates.render(spec.replace, values)))
        if spec.insert_before is not None:
            edits.append(Edit(span[0], span[0], templates.render(spec.insert_before, values)))
        if spec.insert_after is not None:
            edits.append(Edit(span[1], span[1], templates.render(spec.insert_after, values)))
    return Fix(interpolate(rule.fix.title, values), rule.fix.safe, tuple(edits))
