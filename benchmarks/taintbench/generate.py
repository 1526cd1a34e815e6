"""Generate the labelled taint benchmark.

    python -m benchmarks.taintbench.generate OUT_DIR [--seed 16] [--per-category 48]

Writes ``OUT_DIR/cases/<category>/case_NNN.py`` (one small handler or script per file, one
vulnerable or safe flow each) and ``OUT_DIR/labels.json``: relative path -> category, CWE,
vulnerable, reason, shape, framework. The output depends only on the seed and the count.
"""

from __future__ import annotations

import argparse
import ast
import json
import random
import shutil
import sys
from pathlib import Path

from . import shapes, weakrandom
from .categories import CODE, COMMAND, DESERIALIZATION, PATH, SQL, XXE
from .categories_web import HEADER, LDAP, LOG, REDIRECT, SSRF, TRUST, XPATH, XSS
from .frameworks import Django, Flask
from .frameworks_other import ALL as OTHER_FRAMEWORKS
from .model import Case, NotApplicable

DEFAULT_SEED = 16
DEFAULT_PER_CATEGORY = 48
CATEGORIES = [COMMAND, CODE, SQL, PATH, REDIRECT, XSS, DESERIALIZATION, XXE, XPATH, LDAP, SSRF, TRUST, HEADER, LOG]
WEAK_RANDOM = "weak-random"
CATEGORY_NAMES = [c.name for c in CATEGORIES] + [WEAK_RANDOM]
CATEGORY_CWE = {c.name: c.cwe[0] for c in CATEGORIES} | {WEAK_RANDOM: 330}
FRAMEWORKS = [Flask(), Django()] + OTHER_FRAMEWORKS
VERBS = ["show", "get", "run", "export", "handle", "lookup", "fetch", "update", "view", "process", "load", "check"]
DOCSTRINGS = ["Views for the {} pages.", "HTTP handlers ({}).", "Small {} endpoint.", "{} tool."]


def _schedule(rng: random.Random, weighted, count: int) -> list:
    """``count`` shapes in proportion to their weights, in a seeded order."""
    total = sum(w for _, w in weighted)
    out = []
    for fn, w in weighted:
        out += [fn] * round(w * count / total)
    while len(out) < count:
        out.append(weighted[len(out) % len(weighted)][0])
    out = out[:count]
    rng.shuffle(out)
    return out


def _frameworks_for(category) -> list:
    needs = getattr(category, "needs", None)
    return [f for f in FRAMEWORKS if needs is None or needs in f.caps]


def _build(seed: int, cat_name: str, index: int, shape, vulnerable: bool) -> Case:
    category = next((c for c in CATEGORIES if c.name == cat_name), None)
    for attempt in range(25):
        rng = random.Random(f"{seed}:{cat_name}:{index}:{attempt}")
        fws = _frameworks_for(category)
        fw = rng.choices(fws, weights=[f.weight for f in fws])[0]
        case = Case(rng=rng, category=cat_name, fw=fw, vulnerable=vulnerable)
        case.key = rng.choice(category.keys) if category else "email"
        fn = shape if attempt < 15 else _fallback(shape, vulnerable, category)
        try:
            fw.setup(case, case.key)
            fn(case, category) if category else fn(case)
        except NotApplicable:
            continue
        case.shape = fn.__name__
        if not case.done:
            case.add(*fw.ok(case))
        return case
    raise RuntimeError(f"no applicable shape for {cat_name} #{index}")


def _fallback(shape, vulnerable: bool, category):
    if category is None:
        return weakrandom.v_direct if vulnerable else weakrandom.s_strong
    return shapes.v_direct if vulnerable else shapes.s_right


def render(case: Case) -> str:
    handler = f"{case.rng.choice(VERBS)}_{case.key}"
    text = case.fw.render(case, handler)
    if case.rng.random() < 0.5:
        doc = case.rng.choice(DOCSTRINGS).format(case.key.replace("_", " "))
        text = f'"""{doc[0].upper() + doc[1:]}"""\n\n' + text
    return text


def generate(seed: int = DEFAULT_SEED, per_category: int = DEFAULT_PER_CATEGORY) -> dict[str, tuple[str, dict]]:
    """Relative path -> (source text, label). Pure: no file system access."""
    out: dict[str, tuple[str, dict]] = {}
    half = per_category // 2
    for cat_name in CATEGORY_NAMES:
        category = next((c for c in CATEGORIES if c.name == cat_name), None)
        order = random.Random(f"{seed}:{cat_name}:order")
        if category is None:
            vuln, safe = weakrandom.VULNERABLE, weakrandom.SAFE
        else:
            vuln = shapes.VULNERABLE
            safe = [(s, w) for s, w in shapes.SAFE
                    if s is not shapes.s_guard or category.guards or category.name in shapes.guards.OWN_GUARDS]
        plan = [(fn, True) for fn in _schedule(order, vuln, half)]
        plan += [(fn, False) for fn in _schedule(order, safe, per_category - half)]
        order.shuffle(plan)
        for i, (fn, vulnerable) in enumerate(plan):
            case = _build(seed, cat_name, i, fn, vulnerable)
            text = render(case)
            rel = f"cases/{cat_name.replace('-', '_')}/case_{i:03d}.py"
            try:
                ast.parse(text, filename=rel)
            except SyntaxError as exc:  # a generator bug: show the file
                raise SyntaxError(f"{rel}: {exc}\n{text}") from exc
            out[rel] = (text, {"category": cat_name, "cwe": CATEGORY_CWE[cat_name], "vulnerable": vulnerable,
                               "reason": case.reason, "shape": case.shape, "framework": case.fw.name})
    return out


def write(out_dir: Path, seed: int = DEFAULT_SEED, per_category: int = DEFAULT_PER_CATEGORY) -> dict[str, dict]:
    cases = generate(seed, per_category)
    out_dir.mkdir(parents=True, exist_ok=True)
    if (out_dir / "cases").exists():
        if not (out_dir / "labels.json").exists():
            raise SystemExit(f"{out_dir}/cases exists but has no labels.json: not overwriting")
        shutil.rmtree(out_dir / "cases")
    labels = {}
    for rel, (text, label) in cases.items():
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        labels[rel] = label
    (out_dir / "labels.json").write_text(json.dumps(labels, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return labels


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--per-category", type=int, default=DEFAULT_PER_CATEGORY)
    args = ap.parse_args(argv)
    labels = write(args.out_dir, args.seed, args.per_category)
    vuln = sum(1 for lab in labels.values() if lab["vulnerable"])
    print(f"wrote {len(labels)} cases ({vuln} vulnerable, {len(labels) - vuln} safe, "
          f"{len(CATEGORY_NAMES)} categories) to {args.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
