#!/usr/bin/env python3
"""Secrets benchmark: ztlint vs detect-secrets on a labelled corpus, plus throughput.

    python3 benchmarks/secrets_bench.py [--runs 3] [--regen] [--seed N] [--ztlint PATH]
                                        [--skip-throughput] [--throughput-mb 24]

The code is the package ``benchmarks/secretcorpus/``; see ``benchmarks/SECRETS.md``.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from secretcorpus.bench import main  # noqa: E402

if __name__ == "__main__":
    main()
