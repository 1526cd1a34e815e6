"""What the flow rules add to a scan, per file, in process (parse once, time each kind).

    .venv/bin/python benchmarks/flow_cost.py benchmarks/work/corpus/Django-5.1.4

Prints the total and per-file cost of the tree rules, the flow rules and the text rules over
every Python file under the folder, and the slowest files for the flow rules.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from ztlint.engine import analyze, config, kinds, rules
from ztlint.engine.positions import LineIndex


def main(folder: str) -> None:
    rs = rules.load_rules(rules.default_rule_dirs())
    cfg = config.Config(root=Path(folder))
    cost: dict[str, list[float]] = {"tree": [], "flow": [], "text": []}
    slow = []
    files = sorted(Path(folder).rglob("*.py"))
    for p in files:
        src = p.read_bytes()
        try:
            tree = analyze.parse(src, "python")
        except Exception:  # noqa: BLE001 - a file the grammar refuses is not timed
            continue
        view = kinds.View(src, LineIndex(src), str(p), "python", tree, rs, cfg)
        for name, kind in (("tree", kinds.TREE), ("flow", kinds.FLOW), ("text", kinds.TEXT)):
            t = time.perf_counter()
            kind.run(view, None)
            cost[name].append(time.perf_counter() - t)
        slow.append((cost["flow"][-1], p, src.count(b"\n")))
    print(f"{len(cost['flow'])} Python files, {sum(p.stat().st_size for p in files) / 1e6:.1f} MB")
    for name, xs in cost.items():
        print(f"{name:5} total {sum(xs):6.2f} s, per file median {statistics.median(xs) * 1000:.1f} ms, "
              f"p95 {sorted(xs)[int(len(xs) * 0.95)] * 1000:.1f} ms")
    for secs, p, lines in sorted(slow, reverse=True)[:5]:
        print(f"  flow {secs * 1000:7.1f} ms  {p} ({lines} lines)")


if __name__ == "__main__":
    main(sys.argv[1])
