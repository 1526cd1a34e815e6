"""Labelled taint benchmark: generated small web handlers, each one vulnerable flow or one safe look-alike.

``python -m benchmarks.taintbench.generate OUT_DIR`` writes the cases and ``labels.json``;
``benchmarks/taint_compare.py`` scores ztlint, Bandit, Ruff (S rules) and Semgrep on them.
"""
