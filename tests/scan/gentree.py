"""A small generated project in several languages, for scan tests that compare two ways of
scanning (in process / workers, cold / cached, whole / sharded): flows across modules, secrets,
suppressions, a binary, a generated bundle and files that only carry notes."""

from __future__ import annotations

from pathlib import Path

# a made-up GitHub token with a valid checksum would be reported; this one is a generic
# high-entropy assignment, which a secret rule reports (and redacts)
TOKEN = "Zt9" + "qW3rT7yU1iO5pA8sD2fG6hJ0kL4zX9cV"


def build(root: Path, packages: int = 12) -> Path:
    """Write the project under ``root`` (about 7 files per package) and return ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    (root / ".git").mkdir(exist_ok=True)
    # a loaded test machine must not cut an analysis short: runs are compared
    (root / "ztlint.toml").write_text("analysis-budget = 600\n")
    for i in range(packages):
        pkg = root / f"pkg{i}"
        pkg.mkdir(exist_ok=True)
        (pkg / "__init__.py").write_text("")
        (pkg / "utils.py").write_text("import os\n\ndef run(c):\n    os.system(c)\n")
        (pkg / "views.py").write_text(
            "from flask import request\nfrom .utils import run\n\n"
            f"def v{i}():\n    run(request.args['c'])\n    run('ls')\n"
            "    eval(request.args['e'])  # ztlint: ignore[python-flow-code]\n")
        (pkg / "app.js").write_text(
            "const cp = require('child_process');\n"
            f"function h{i}(req, res) {{ cp.exec(req.query.cmd); }}\n"
            "module.exports = { h: h" + str(i) + " };\n")
        (pkg / "settings.py").write_text(f'API_TOKEN = "{TOKEN}{i:02d}"\nDEBUG = True\n')
        (pkg / "notes.txt").write_text(f"password = \"{TOKEN}{i:02d}\"\n")
        (pkg / "data.dat").write_bytes(b"\x00\x01ZT" * 64)
    (root / "static").mkdir(exist_ok=True)
    (root / "static" / "bundle.min.js").write_text("var a=1;" * 2000 + "\n")
    (root / ".github" / "workflows").mkdir(parents=True, exist_ok=True)
    (root / ".github" / "workflows" / "ci.yml").write_text(
        "on: pull_request_target\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n        with:\n"
        "          ref: ${{ github.event.pull_request.head.sha }}\n"
        "      - run: echo \"${{ github.event.pull_request.title }}\"\n")
    (root / "Dockerfile").write_text("FROM python:latest\nUSER root\nRUN curl http://x | sh\n")
    (root / "utf16.py").write_bytes("x = 1\n".encode("utf-16"))
    return root
