"""Draw the flow findings to hand-label from the reports ``run.py`` wrote.

``.venv/bin/python benchmarks/realflows/sample.py [--seed 16] [--n 40]`` prints a JSON list
(project, version, rule, path, line, message, flow). Seeded round-robin: over projects, and within
a project over its flow rules, so every project and as many rules as possible are represented
(rare rules are over-represented compared with their share of all findings). With ``--uniform``,
a simple random sample of all flows instead: the unbiased estimate of the precision of what a
user sees (used from v5 on).
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fetch  # noqa: E402
import run  # noqa: E402


def draw(seed: int, n: int, uniform: bool = False) -> list[dict]:
    rng = random.Random(seed)
    groups: dict[tuple, list] = collections.defaultdict(list)
    for name, version in fetch.read_projects():
        report = json.loads((run.OUT / f"{name}-{version}.json").read_text(encoding="utf-8"))
        for f in report["findings"]:
            if run.is_flow(f):
                groups[(name, version, f["rule"])].append(f)
    keys = sorted(groups)
    if uniform:
        every = [(k, f) for k in keys for f in groups[k]]
        return [_row(k, f) for k, f in rng.sample(every, min(n, len(every)))]
    rng.shuffle(keys)
    for k in keys:
        rng.shuffle(groups[k])
    by_project: dict[str, list] = collections.defaultdict(list)
    for k in keys:
        by_project[k[0]].append(k)
    picked: list[tuple] = []
    while len(picked) < n and any(groups[k] for k in keys):
        for project in sorted(by_project):
            ks = by_project[project]
            while ks and not groups[ks[0]]:
                ks.pop(0)
            if not ks:
                continue
            k = ks.pop(0)
            ks.append(k)
            picked.append((k, groups[k].pop()))
            if len(picked) >= n:
                break
    return [_row(k, f) for k, f in picked]


def _row(k: tuple, f: dict) -> dict:
    return {"project": k[0], "version": k[1], "rule": k[2], "path": f["path"],
            "line": f["start"]["line"], "message": f["message"], "flow": f["flow"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--uniform", action="store_true", help="a simple random sample of all flows")
    args = ap.parse_args(argv)
    print(json.dumps(draw(args.seed, args.n, args.uniform), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
