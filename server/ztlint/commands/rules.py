"""`ztlint rules list|show|test`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..engine import rules
from ..engine.ruledocs import rule_text
from . import fixtures
from .exitcodes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK


def run(args) -> int:
    if args.rules_command == "test":
        return _test(args)
    ruleset = rules.load_rules(rules.default_rule_dirs(args.rule_dir))
    for err in ruleset.compile_all():
        print(f"ztlint: rule error: {err}", file=sys.stderr)
    if args.rules_command == "list":
        return _list(args, ruleset)
    rule = ruleset.rules.get(args.id)
    if rule is None:
        print(f"ztlint: no rule {args.id!r} (see `ztlint rules list`)", file=sys.stderr)
        return EXIT_ERROR
    print(rule_text(rule))
    return EXIT_OK


def _list(args, ruleset: rules.RuleSet) -> int:
    items = [r for r in ruleset.rules.values() if r.path != "<builtin>"
             and (not args.language or args.language in r.languages)]
    items.sort(key=lambda r: r.id)
    if args.format == "json":
        print(json.dumps([{"id": r.id, "title": r.title, "severity": r.severity,
                           "confidence": r.confidence, "languages": list(r.languages),
                           "cwe": list(r.cwe), "fix": None if r.fix is None else
                           {"safe": r.fix.safe}} for r in items], indent=2))
    else:
        for r in items:
            fix = " [fix]" if r.fix else ""
            print(f"{r.id:45} {r.severity:8} {','.join(r.cwe):10} {r.title}{fix}")
        print(f"{len(items)} rule(s)")
    return EXIT_ERROR if ruleset.errors else EXIT_OK


def _test(args) -> int:
    targets = [Path(d) for d in args.dirs] or [rules.bundled_rules_dir()]
    files: list[tuple[Path, Path | None]] = []  # (rule file, the rule directory it is in)
    bundled = rules.bundled_rules_dir().resolve()
    for t in targets:
        # a file or folder of the bundled rules still sees the definitions of rules/ itself
        root = bundled if t.resolve().is_relative_to(bundled) else None
        if t.is_file():
            files.append((t, root))
        elif t.is_dir():
            files.extend((f, root or t) for f in rules.rule_files(t))
        else:
            print(f"ztlint: {t}: no such file or directory", file=sys.stderr)
            return EXIT_ERROR
    failed = 0
    for f, root in files:
        report = fixtures.check_rule_file(f, root)
        if report.problems:
            failed += 1
            for prob in report.problems:
                print(f"FAIL {prob}")
        elif not args.quiet:
            print(f"ok   {f} ({report.hits} hit(s), {report.oks} ok line(s))")
    print(f"{len(files) - failed} passed, {failed} failed")
    return EXIT_FINDINGS if failed else EXIT_OK
