"""`ztlint baseline create|audit`."""

from __future__ import annotations

import sys
from pathlib import Path

from ..engine import baseline as baselinemod
from ..engine import config as cfgmod
from ..scan import runner
from .exitcodes import EXIT_ERROR, EXIT_OK


def run(args) -> int:
    if args.baseline_command == "create":
        paths = [Path(p) for p in args.paths]
        config = cfgmod.load_config(paths[0] if paths[0].exists() else Path("."), explicit=args.config)
        result = runner.scan(paths, config)
        try:
            n = baselinemod.save(Path(args.output), result.findings)
        except OSError as exc:
            print(f"ztlint: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_ERROR
        print(f"wrote {n} finding(s) to {args.output}")
        return EXIT_OK
    try:
        accepted = baselinemod.load(Path(args.file))
    except baselinemod.BaselineError as exc:
        print(f"ztlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    by_path: dict[str, list[dict]] = {}
    for e in accepted:
        by_path.setdefault(e.get("path", "?"), []).append(e)
    config = cfgmod.load_config(Path("."))
    result = runner.scan(sorted({Path(p) for p in by_path if Path(p).exists()}), config)
    live = {f.fingerprint: f for f in result.findings}
    stale = 0
    for path, items in sorted(by_path.items()):
        print(path)
        for e in items:
            f = live.get(e.get("fingerprint"))
            if f is None:
                stale += 1
                print(f"  {e.get('rule')}: no longer found (remove it from the baseline)")
            else:
                print(f"  line {f.line}: {f.rule_id}: {f.message}")
    print(f"{len(accepted)} accepted finding(s), {stale} stale")
    return EXIT_OK
