"""The secrets benchmark: a seeded, labelled corpus generator and the scorer that runs ztlint and
detect-secrets on it. Entry scripts: ``benchmarks/secrets_corpus.py`` and
``benchmarks/secrets_bench.py``; see ``benchmarks/SECRETS.md``."""
