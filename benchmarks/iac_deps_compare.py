#!/usr/bin/env python3
"""Recall and precision of ztlint's dependency rules on a labelled corpus.

    python benchmarks/iac_deps_compare.py [benchmarks/iac/dependencies]

The corpus folder holds realistic manifests and a ``labels.json``:
``{file: [{"line": N, "category": "..."}]}``. Every file listed there is analysed (with the
small OSV database in ``benchmarks/iac/osv-db`` for known-vulnerable versions); a finding of a
dependency rule counts by (file, line, category). zizmor (GitHub Actions only) and checkov
(its dependency scanning needs a Prisma Cloud API key: not offline) have no offline check for
these files, so they are not run here; the output says so.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "server"))

from ztlint.engine import rules  # noqa: E402
from ztlint.engine.analyze import analyze  # noqa: E402
from ztlint.engine.config import Config  # noqa: E402

CATEGORY = {
    "deps-insecure-index-url": "insecure-index",
    "deps-registry-tls-verification-disabled": "tls-off",
    "deps-extra-index-url": "extra-index",
    "deps-unpinned-vcs-dependency": "unpinned-vcs",
    "deps-url-dependency-without-hash": "url-no-hash",
    "deps-install-script-fetches-remote-code": "install-script",
    "deps-known-vulnerable-version": "known-vulnerable",
}


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else REPO / "benchmarks" / "iac" / "dependencies"
    labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    ruleset = rules.load_rules(rules.default_rule_dirs(()))
    config = Config(root=corpus, osv_db=REPO / "benchmarks" / "iac" / "osv-db")
    expected = {(f, e["line"], e["category"]) for f, items in labels.items() for e in items}
    found, seconds = set(), []
    for name in sorted(labels):
        text = (corpus / name).read_bytes()
        t0 = time.perf_counter()
        result = analyze(text, name, ruleset, config)
        seconds.append(time.perf_counter() - t0)
        found |= {(name, f.line, CATEGORY[f.rule_id]) for f in result.findings if f.rule_id in CATEGORY}
    tp, fp, fn = Counter(), Counter(), Counter()
    for item in found & expected:
        tp[item[2]] += 1
    for item in found - expected:
        fp[item[2]] += 1
        print(f"  false positive: {item}")
    for item in expected - found:
        fn[item[2]] += 1
        print(f"  missed:         {item}")
    print(f"\n{'category':18} {'TP':>3} {'FP':>3} {'FN':>3} {'recall':>7} {'precision':>9}")
    for cat in sorted(set(CATEGORY.values())):
        print(_row(cat, tp[cat], fp[cat], fn[cat]))
    print(_row("overall", sum(tp.values()), sum(fp.values()), sum(fn.values())))
    print(f"\n{len(labels)} files, {sum(seconds) / len(seconds) * 1000:.1f} ms per file (ztlint, in process)")
    print("zizmor: n/a (GitHub Actions only); checkov: n/a (dependency scanning needs an API key)")
    return 0


def _row(cat: str, tp: int, fp: int, fn: int) -> str:
    recall = tp / (tp + fn) if tp + fn else 1.0
    precision = tp / (tp + fp) if tp + fp else 1.0
    return f"{cat:18} {tp:3} {fp:3} {fn:3} {recall:7.2f} {precision:9.2f}"


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
