"""Hand labels of real-project flow findings: schema check and precision.

``python3 benchmarks/realflows/labels.py [labels.json]`` prints precision overall, per rule and
per project, and how often each false-positive class occurs. Standard library only.
"""
from __future__ import annotations

import collections
import json
import math
import sys
from pathlib import Path

LABELS = Path(__file__).resolve().parent / "labels.json"
VERDICTS = ("tp", "fp")
FIELDS = {"project": str, "version": str, "path": str, "line": int, "rule": str,
          "verdict": str, "fp_class": list, "reason": str}


def validate(data: dict) -> list[str]:
    """Everything wrong with a labels document (empty when it is well-formed)."""
    errors: list[str] = []
    classes = data.get("classes")
    if not isinstance(classes, dict) or not classes:
        errors.append("`classes` must map false-positive class ids to descriptions")
        classes = {}
    labels = data.get("labels")
    if not isinstance(labels, list) or not labels:
        return errors + ["`labels` must be a non-empty list"]
    seen = set()
    for i, lab in enumerate(labels):
        where = f"labels[{i}]"
        if not isinstance(lab, dict):
            errors.append(f"{where}: not an object")
            continue
        for key, typ in FIELDS.items():
            if not isinstance(lab.get(key), typ) or isinstance(lab.get(key), bool):
                errors.append(f"{where}: `{key}` must be {typ.__name__}")
        if errors and errors[-1].startswith(where):
            continue
        if lab["verdict"] not in VERDICTS:
            errors.append(f"{where}: verdict must be one of {VERDICTS}")
        if not lab["rule"].startswith("python-flow-"):
            errors.append(f"{where}: `{lab['rule']}` is not a flow rule")
        if lab["line"] < 1 or not lab["reason"].strip():
            errors.append(f"{where}: line must be ≥ 1 and reason non-empty")
        if lab["verdict"] == "fp" and not lab["fp_class"]:
            errors.append(f"{where}: a false positive names its class")
        if lab["verdict"] == "tp" and lab["fp_class"]:
            errors.append(f"{where}: a true positive has no false-positive class")
        errors.extend(f"{where}: unknown class `{c}`" for c in lab["fp_class"] if c not in classes)
        key = (lab["project"], lab["path"], lab["line"], lab["rule"])
        if key in seen:
            errors.append(f"{where}: labelled twice")
        seen.add(key)
    return errors


def precision(labels: list[dict]) -> float | None:
    """True positives / labelled findings (None for no labels)."""
    if not labels:
        return None
    return sum(lab["verdict"] == "tp" for lab in labels) / len(labels)


def wilson(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval for a proportion (95 % by default)."""
    if n <= 0:
        raise ValueError("no observations")
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def breakdown(labels: list[dict], key: str) -> dict[str, tuple[int, int]]:
    """{value of ``key``: (true positives, labelled)}."""
    out: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for lab in labels:
        out[lab[key]][0] += lab["verdict"] == "tp"
        out[lab[key]][1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def class_counts(labels: list[dict]) -> dict[str, int]:
    counts = collections.Counter(c for lab in labels for c in lab["fp_class"])
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def load(path: Path = LABELS) -> dict:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    errors = validate(data)
    if errors:
        raise ValueError("; ".join(errors))
    return data


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    data = load(Path(argv[0]) if argv else LABELS)
    labels = data["labels"]
    tp = sum(lab["verdict"] == "tp" for lab in labels)
    lo, hi = wilson(tp, len(labels))
    print(f"precision {precision(labels):.3f} ({tp} true of {len(labels)} labelled; "
          f"95% Wilson interval {lo:.2f}–{hi:.2f})")
    for key in ("rule", "project"):
        print(f"\nby {key}:")
        for k, (t, n) in breakdown(labels, key).items():
            print(f"  {k:32} {t}/{n}")
    print("\nfalse-positive classes (a finding may have several):")
    for c, n in class_counts(labels).items():
        print(f"  {c} {n:3}  {data['classes'][c]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
