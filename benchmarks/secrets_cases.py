#!/usr/bin/env python3
"""Score ztlint on the hand-written secret cases (configuration formats, call arguments).

    python3 benchmarks/secrets_cases.py [--seed 13] [--ztlint PATH] [--show]

The code is ``benchmarks/secretcorpus/cases.py`` (the labelled cases) and ``casebench.py``;
see ``benchmarks/SECRETS.md``.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from secretcorpus.casebench import main  # noqa: E402

if __name__ == "__main__":
    main()
