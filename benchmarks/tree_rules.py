#!/usr/bin/env python3
"""Tree rules (tree-sitter queries) on one document, CPU time (run with ztlint's own Python):

    .venv/bin/python benchmarks/tree_rules.py benchmarks/work/lsp-files/py10k.py [--runs 5]

Prints JSON: compiling the language's pack, the first full analysis as a language server runs it
on didOpen (IncrementalDocument: queries left for first use compile here), the tree rules' part
of it, then the median of repeated analyses (the warm server) with and without flow rules, and
their tree rules' part. CPU time of this process: the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from ztlint.engine import config as cfgmod
from ztlint.engine import kinds, languages, rules
from ztlint.engine.incremental import IncrementalDocument


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    source = args.file.read_bytes()
    language = languages.detect(str(args.file), source[:256])
    cfg = cfgmod.Config(root=args.file.parent)
    ruleset = rules.load_rules(rules.default_rule_dirs(()))
    clock = time.process_time
    out = {"file": str(args.file)}
    t = clock()
    ruleset.pack(language)
    out["compile_pack_ms"] = (clock() - t) * 1000
    tree_ms: list[float] = []
    run = kinds.TREE.run

    def timed(view, span, **kw):
        t0 = clock()
        found = run(view, span, **kw)
        tree_ms.append((clock() - t0) * 1000)
        return found
    kinds.TREE.run = timed
    t = clock()
    IncrementalDocument(source, args.file.name, language, ruleset, cfg)
    out["first_analysis_ms"], out["first_tree_rules_ms"] = (clock() - t) * 1000, sum(tree_ms)
    flow_ids = [r.id for r in ruleset.flow_rules(language)[0]]
    no_flow = cfg.merged({"rules": {"disable": flow_ids}}) if flow_ids else cfg
    for name, c in (("warm_analysis", cfg), ("warm_analysis_no_flow", no_flow)):
        runs, tree_ms[:] = [], []
        for _ in range(args.runs):
            t = clock()
            IncrementalDocument(source, args.file.name, language, ruleset, c)
            runs.append((clock() - t) * 1000)
        out[name + "_ms"] = statistics.median(runs)
        out[name + "_tree_rules_ms"] = statistics.median(tree_ms)
    print(json.dumps({k: round(v, 1) if isinstance(v, float) else v for k, v in out.items()}, indent=1))


if __name__ == "__main__":
    main()
