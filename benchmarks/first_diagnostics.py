#!/usr/bin/env python3
"""Where open -> first diagnostics goes, in one fresh process (run with ztlint's own Python):

    .venv/bin/python benchmarks/first_diagnostics.py benchmarks/work/lsp-files/py10k.py [--runs 3]

Steps, each timed once in a fresh process as a language server meets them: importing the
engine, loading the bundled rules (YAML + schema, or the checked files from the user cache
folder as the server does), compiling the file language's pack (tree-sitter
queries), then the first full analysis of the file (IncrementalDocument, as on didOpen) and
repeated ones (the warm server), with flow rules on and off.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path


def ms(t0: float) -> float:
    return round((time.perf_counter() - t0) * 1000, 1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    out: dict = {"file": str(args.file)}
    t = time.perf_counter()
    from ztlint.engine import cachedir, languages, rules
    from ztlint.engine import config as cfgmod
    from ztlint.engine.incremental import IncrementalDocument
    out["import_engine_ms"] = ms(t)
    source = args.file.read_bytes()
    language = languages.detect(str(args.file), source[:256])
    cfg = cfgmod.Config(root=args.file.parent)
    t = time.perf_counter()
    # as the language server does: checked rule files from the user cache folder (the first
    # run ever fills it; ZTLINT_NO_CACHE=1 measures without it)
    ruleset = rules.load_rules(rules.default_rule_dirs(()), cache=cachedir.for_config(cfg))
    out["load_rules_ms"] = ms(t)
    t = time.perf_counter()
    ruleset.pack(language)
    out["compile_pack_ms"] = ms(t)
    t = time.perf_counter()
    IncrementalDocument(source, args.file.name, language, ruleset, cfg)
    out["first_analysis_ms"] = ms(t)
    flow_ids = [r.id for r in ruleset.flow_rules(language)[0]]
    no_flow = cfg.merged({"rules": {"disable": flow_ids}}) if flow_ids else cfg
    for name, c in (("warm_analysis_ms", cfg), ("warm_analysis_no_flow_ms", no_flow)):
        runs = []
        for _ in range(args.runs):
            t = time.perf_counter()
            IncrementalDocument(source, args.file.name, language, ruleset, c)
            runs.append(ms(t))
        out[name] = statistics.median(runs)
    out["fresh_total_ms"] = round(out["import_engine_ms"] + out["load_rules_ms"] + out["compile_pack_ms"]
                                  + out["first_analysis_ms"], 1)
    json.dump(out, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
