"""The engine is a pure library (docs/design.md, "Map of the engine"): no module of it imports a
front-end, and a front-end never reaches into another front-end's logic."""

from __future__ import annotations

import ast

from ..helpers import REPO

PACKAGE = REPO / "server" / "ztlint"
FRONT_ENDS = {"lsp", "scan", "report", "commands", "cli"}


def _imported(path, rel: tuple[str, ...] | None = None) -> set[str]:
    """First component under ztlint of every ztlint module the file imports (``rel``: the
    module's place in the package, e.g. ("engine", "rules", "load"))."""
    rel = rel or path.relative_to(PACKAGE).with_suffix("").parts
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the file's package
                base = list(rel[:-1])[:len(rel) - node.level]
                parts = base + (node.module.split(".") if node.module else [])
                names = [parts + [a.name] for a in node.names] if not node.module else [parts]
            elif node.module and node.module.startswith("ztlint."):
                names = [node.module.split(".")[1:]]
            else:
                continue
            out.update(n[0] for n in names if n)
        elif isinstance(node, ast.Import):
            out.update(a.name.split(".")[1] for a in node.names if a.name.startswith("ztlint."))
    return out


def test_the_engine_imports_no_front_end():
    offenders = {str(p.relative_to(PACKAGE)): sorted(_imported(p) & FRONT_ENDS)
                 for p in (PACKAGE / "engine").rglob("*.py") if _imported(p) & FRONT_ENDS}
    assert offenders == {}


def test_the_checker_sees_front_end_imports(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("from ..lsp import convert\nfrom ..report.sarif import render\n"
                     "from ztlint.cli import main\nfrom . import kinds\nfrom .rules import load\n",
                     encoding="utf-8")
    assert _imported(probe, ("engine", "probe")) == {"lsp", "report", "cli", "engine"}
