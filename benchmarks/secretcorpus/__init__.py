"""The secrets benchmark: a seeded, labelled corpus generator and the scorer that runs ztlint and
detect-secrets on it. Entry scripts: ``benchmarks/secrets_corpus.py`` and
``benchmarks/secrets_bench.py``; see ``benchmarks/SECRETS.md``.

The token checksums (GitHub/npm base62 CRC32, Entra ID Marvin32) are the product's own routines
from ``ztlint.engine.secrets`` (pure, standard library only, and ``ztlint/__init__.py`` and
``ztlint/engine/__init__.py`` import nothing), so this checkout's ``server/`` goes first on
``sys.path``: plain ``python3`` needs no installed ztlint, and the project's venv gets this
checkout's code.
"""

import sys
from pathlib import Path

_SERVER = str(Path(__file__).resolve().parents[2] / "server")
if _SERVER not in sys.path:
    sys.path.insert(0, _SERVER)
