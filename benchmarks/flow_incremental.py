"""Keystroke cost of the analysis with and without flow rules, in process.

    .venv/bin/python benchmarks/flow_incremental.py benchmarks/work/lsp-files/py10k.py
    .venv/bin/python benchmarks/flow_incremental.py benchmarks/work/lsp-files/js5k.js

Types 60 characters (a newline every tenth) in the middle of the file and at the start of a
function body, analysing after each, and prints p50/p95 of IncrementalDocument.analyze() with
the flow rules on and off, and checks the result equals a full analysis. Times are CPU time
of this process (the machine may be shared); --rounds N repeats and reports the median.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from ztlint.engine import analyze, config, kinds, languages, rules
from ztlint.engine.incremental import IncrementalDocument


def typing_positions(src: bytes, language: str) -> dict[str, int]:
    """Where to type: the middle of the file, and the first line of a function body after it."""
    mid = src.index(b"\n", len(src) // 2) + 1
    marker = b"    def " if language == "python" else b"function"
    fn = src.index(b"\n", src.index(marker, mid)) + 1
    return {"middle of the file": mid, "inside a function": fn}


def run(path: str, where: str) -> tuple[float, float, bool]:
    rs = rules.load_rules(rules.default_rule_dirs())
    cfg = config.Config(root=Path("."))
    src = Path(path).read_bytes()
    language = languages.detect(path, src[:256])
    doc = IncrementalDocument(src, path, language, rs, cfg)
    pos = typing_positions(src, language)[where]
    times = []
    for i in range(60):
        doc.edit(pos + i, pos + i, b"x" if i % 10 else b"\n")
        t = time.process_time()
        doc.analyze()
        times.append(time.process_time() - t)
    times.sort()
    full = analyze.analyze(doc.source, path, rs, cfg, language=language)
    same = sorted((f.rule_id, f.start_byte) for f in full.findings) == \
        sorted((f.rule_id, f.start_byte) for f in doc.findings)
    return times[len(times) // 2] * 1000, times[int(len(times) * 0.95)] * 1000, same


def median(runs: list[tuple[float, float, bool]]) -> tuple[float, float, bool]:
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
            all(r[2] for r in runs))


if __name__ == "__main__":
    target = sys.argv[1]
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 1
    flow = kinds.FLOW.analyse
    for where in ("middle of the file", "inside a function"):
        ons, offs = [], []
        for _ in range(rounds):  # alternately, so both see the same load
            kinds.FLOW.analyse = flow
            ons.append(run(target, where))
            kinds.FLOW.analyse = lambda view: ([], [])  # flow rules off
            offs.append(run(target, where))
        on, off = median(ons), median(offs)
        print(f"{where}: flow on p50 {on[0]:.1f} ms, p95 {on[1]:.1f} ms (equal to a full "
              f"analysis: {on[2]}); flow off p50 {off[0]:.1f} ms, p95 {off[1]:.1f} ms", flush=True)
