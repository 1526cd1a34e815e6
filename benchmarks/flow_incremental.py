"""Keystroke cost of the analysis with and without flow rules, in process.

    .venv/bin/python benchmarks/flow_incremental.py benchmarks/work/lsp-files/py10k.py

Types 60 characters in the middle of the file (a newline every tenth), analysing after each,
and prints p50/p95 of IncrementalDocument.analyze() with the flow rules on and off, and checks
the result equals a full analysis.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from ztlint.engine import analyze, config, kinds, rules
from ztlint.engine.incremental import IncrementalDocument


def run(path: str) -> tuple[float, float, bool]:
    rs = rules.load_rules(rules.default_rule_dirs())
    cfg = config.Config(root=Path("."))
    src = Path(path).read_bytes()
    doc = IncrementalDocument(src, path, "python", rs, cfg)
    pos = src.index(b"\n", len(src) // 2) + 1
    times = []
    for i in range(60):
        doc.edit(pos + i, pos + i, b"x" if i % 10 else b"\n")
        t = time.perf_counter()
        doc.analyze()
        times.append(time.perf_counter() - t)
    times.sort()
    full = analyze.analyze(doc.source, path, rs, cfg, language="python")
    same = sorted((f.rule_id, f.start_byte) for f in full.findings) == \
        sorted((f.rule_id, f.start_byte) for f in doc.findings)
    return times[len(times) // 2] * 1000, times[int(len(times) * 0.95)] * 1000, same


if __name__ == "__main__":
    target = sys.argv[1]
    on = run(target)
    kinds.FLOW.analyse = lambda view: ([], [])  # flow rules off
    off = run(target)
    print(f"flow on:  p50 {on[0]:.1f} ms, p95 {on[1]:.1f} ms (equal to a full analysis: {on[2]})")
    print(f"flow off: p50 {off[0]:.1f} ms, p95 {off[1]:.1f} ms")
