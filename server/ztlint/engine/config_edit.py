"""Text edits to a config file that keep the user's formatting and comments."""

from __future__ import annotations

import json
import re


def disable_rule_edit(text: str, rule_id: str, pyproject: bool) -> tuple[int, int, str] | None:
    """(start, end, replacement) in characters that adds ``rule_id`` to the disabled rules;
    None when it is disabled already."""
    header = "[tool.ztlint.rules]" if pyproject else "[rules]"
    quoted = json.dumps(rule_id)
    table = re.search(r"(?m)^\s*" + re.escape(header) + r"\s*$", text)
    if table:
        # the table's extent: up to the next table header
        nxt = re.search(r"(?m)^\s*\[", text[table.end():])
        end = table.end() + (nxt.start() if nxt else len(text) - table.end())
        body = text[table.end():end]
        m = re.search(r"(?m)^\s*disable\s*=\s*\[", body)
        if m:
            close = body.find("]", m.end())
            if quoted in body[m.end():close]:
                return None
            at = table.end() + m.end()
            inner = body[m.end():close].strip()
            return at, at, quoted + (", " if inner else "")
        return table.end(), table.end(), f"\ndisable = [{quoted}]"
    prefix = "" if not text or text.endswith("\n") else "\n"
    sep = "\n" if text.strip() else ""
    return len(text), len(text), f"{prefix}{sep}{header}\ndisable = [{quoted}]\n"
