"""Rule fixtures: annotated example files next to each rule, checked by pytest and `ztlint rules test`.

In a fixture, a comment ``ruleid: <id>[, <id>]`` says the next code line must have a finding of
that rule, ``ok: <id>`` says it must not. Lines without an annotation must have no finding
of the file's rules either. A rule with a fix needs ``<fixture-stem>.fixed.<ext>``: the fixture
after applying every fix found in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..engine import analyze, config, rules
from ..engine.findings import apply_fixes

_LINE_END = re.compile(r"\r\n|\r|\n")
_ANNOTATION = re.compile(
    r"(?:#|//|/\*|<!--|--|;|\bREM\b)\s*(ruleid|ok):\s*([a-z0-9][a-z0-9.,\s-]*[a-z0-9])")


@dataclass
class FixtureReport:
    rule_file: Path
    fixtures: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    hits: int = 0  # annotated ruleid lines checked
    oks: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def fixtures_for(rule_file: Path) -> list[Path]:
    stem = rule_file.name.rsplit(".", 1)[0]
    return sorted(p for p in rule_file.parent.iterdir()
                  if p.is_file() and p != rule_file and p.name.startswith(stem + ".")
                  and ".fixed." not in p.name and not rules.is_rule_file(p))


def fixed_file_for(fixture: Path) -> Path:
    stem, _, ext = fixture.name.rpartition(".")
    return fixture.with_name(f"{stem}.fixed.{ext}")


def annotations(text: str) -> tuple[dict[int, set[str]], dict[int, set[str]]]:
    """(expected findings, expected clean) as {1-based line: rule ids}."""
    expect: dict[int, set[str]] = {}
    clean: dict[int, set[str]] = {}
    pending: list[tuple[str, set[str]]] = []
    # the engine's line ends (\r\n, \r, \n), not str.splitlines' (which also splits on \f, \x1c ...)
    for lineno, line in enumerate(_LINE_END.split(text), 1):
        m = _ANNOTATION.search(line)
        if m and not line[:m.start()].strip():  # an annotation-only line
            pending.append((m.group(1), {i.strip() for i in m.group(2).split(",") if i.strip()}))
            continue
        if not line.strip() and pending:
            continue
        for kind, ids in pending:
            (expect if kind == "ruleid" else clean).setdefault(lineno, set()).update(ids)
        pending = []
    return expect, clean


def check_rule_file(rule_file: Path, root: Path | None = None) -> FixtureReport:
    """``root``: the rule directory the file belongs to (its folders' definitions apply)."""
    report = FixtureReport(rule_file)
    ruleset = rules.load_rules([], [rule_file], roots=[root] if root else [])
    for err in ruleset.compile_all():
        report.problems.append(str(err))
    own = {rid for rid, r in ruleset.rules.items() if r.path == str(rule_file)}
    if not own:
        return report
    report.fixtures = fixtures_for(rule_file)
    if not report.fixtures:
        report.problems.append(f"{rule_file}: no fixture file next to the rule")
        return report
    cfg = config.Config(root=rule_file.parent)
    seen_hit: set[str] = set()
    seen_ok: set[str] = set()
    for fixture in report.fixtures:
        _check_fixture(fixture, ruleset, own, cfg, report, seen_hit, seen_ok)
    for rid in sorted(own - seen_hit):
        report.problems.append(f"{rule_file}: rule {rid} has no `ruleid:` line in its fixtures")
    for rid in sorted(own - seen_ok):
        report.problems.append(f"{rule_file}: rule {rid} has no `ok:` line in its fixtures")
    return report


def _check_fixture(fixture: Path, ruleset, own: set[str], cfg, report: FixtureReport,
                   seen_hit: set[str], seen_ok: set[str]) -> None:
    source = fixture.read_bytes()
    text = source.decode("utf-8", "replace")
    expect, clean = annotations(text)
    result = analyze.analyze(source, str(fixture), ruleset, cfg)
    got: dict[int, set[str]] = {}
    for f in result.findings:
        if f.rule_id in own:
            got.setdefault(f.line, set()).add(f.rule_id)
    for line, ids in expect.items():
        for rid in ids & own:
            seen_hit.add(rid)
            report.hits += 1
            if rid not in got.get(line, ()):
                report.problems.append(f"{fixture}:{line}: expected {rid}, found none")
    for line, ids in clean.items():
        for rid in ids & own:
            seen_ok.add(rid)
            report.oks += 1
            if rid in got.get(line, ()):
                report.problems.append(f"{fixture}:{line}: {rid} reported on an `ok:` line")
    for line, ids in got.items():
        for rid in ids - expect.get(line, set()) - clean.get(line, set()):
            report.problems.append(f"{fixture}:{line}: unexpected {rid} (annotate the line)")
    fixes = [f.fix for f in result.findings if f.fix is not None and f.rule_id in own]
    fixable = any(ruleset.rules[r].fix is not None or (
        ruleset.rules[r].is_flow and ruleset.rules[r].taint.fixer) for r in own)
    fixed = fixed_file_for(fixture)
    if fixable and expect and not fixed.exists():
        report.problems.append(f"{fixture}: the rules have fixes but {fixed.name} is missing")
    elif fixed.exists():
        after = apply_fixes(source, fixes)
        if after != fixed.read_bytes():
            report.problems.append(f"{fixed}: differs from the fixture with all fixes applied")

