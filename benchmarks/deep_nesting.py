"""Deeply nested code: analysis time must not grow with depth squared (run with ztlint's Python).

    /work/main/.venv/bin/python benchmarks/deep_nesting.py [--depth 3000]

A Python list and a JSON object nested --depth levels deep, with findings at the bottom:
full analysis, and one incremental edit at the bottom of the Python file.
"""

from __future__ import annotations

import argparse
import time

from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config
from ztlint.engine.incremental import IncrementalDocument
from ztlint.engine.rules import default_rule_dirs, load_rules


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--depth", type=int, default=3000)
    n = ap.parse_args().depth
    rules = load_rules(default_rule_dirs())
    rules.compile_all()
    py = b"x = " + b"[" * n + b"eval(password_input), pickle.loads(d), " * 3 + b"]" * n + b"\nrisky(z)\n"
    js = b'{"a": ' * n + b'{"password": "Zq8#kLm2pW9x"}' + b"}" * n

    def timed(fn) -> float:
        t0 = time.perf_counter()
        fn()
        return time.perf_counter() - t0

    print(f"depth {n}")
    print(f"python, full analysis: {timed(lambda: analyze(py, 'deep.py', rules, Config())):.3f} s")
    print(f"json, full analysis:   {timed(lambda: analyze(js, 'deep.json', rules, Config())):.3f} s")
    doc = IncrementalDocument(py, "deep.py", "python", rules, Config())
    at = py.index(b"eval")

    def edit():
        doc.edit(at, at, b"y")
        doc.analyze()
    print(f"python, one edit:      {timed(edit):.3f} s")


if __name__ == "__main__":
    main()
