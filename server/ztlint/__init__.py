"""ztlint: a zero-trust security linter (engine, CLI and language server)."""

__version__ = "0.1.0"
