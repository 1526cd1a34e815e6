#!/usr/bin/env python3
"""Build the secrets benchmark's labelled corpus (and, with ``--throughput``, its throughput corpus).

    python3 benchmarks/secrets_corpus.py [--seed 20240611] [--throughput] [--throughput-mb 24]

The code is the package ``benchmarks/secretcorpus/``; see ``benchmarks/SECRETS.md``.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from secretcorpus.corpus import main  # noqa: E402

if __name__ == "__main__":
    main()
