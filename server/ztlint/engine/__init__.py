"""The analysis engine: a pure library with no LSP, CLI or printing.

Front-ends (``ztlint.cli``, ``ztlint.lsp``) call :func:`ztlint.engine.analyze.analyze` and
convert the :class:`~ztlint.engine.findings.Finding` objects it returns.
"""
