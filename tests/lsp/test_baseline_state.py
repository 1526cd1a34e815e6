"""The server's baseline is its folder's file, re-read when the file changes; the engine marks
the findings (the server only passes the accepted fingerprints in)."""

from __future__ import annotations

import os

from ztlint.engine import baseline
from ztlint.lsp import convert
from ztlint.lsp.state import ServerState

CODE = b"import os\nos.system(input())\n"


def _save(path, findings, stamp: int) -> None:
    baseline.save(path, findings)
    os.utime(path, ns=(stamp, stamp))  # a new mtime even within the clock's resolution


def test_baseline_changes_reach_an_open_document(tmp_path):
    (tmp_path / "ztlint.toml").write_text('baseline = "base.json"\n')
    st = ServerState(folders=[tmp_path])
    doc = st.open_document((tmp_path / "a.py").as_uri(), tmp_path / "a.py", "python", 1, CODE)
    f = next(f for f in doc.findings() if f.start[0] == 1)
    assert not f.baseline
    _save(tmp_path / "base.json", [f], 1_000_000_000)
    st.refresh_baseline(doc)
    accepted = [g for g in doc.findings() if g.fingerprint == f.fingerprint]
    assert accepted and all(g.baseline for g in accepted)
    diag = convert.diagnostic(accepted[0], doc.rule(f.rule_id), doc.version)
    assert diag.message.endswith("(accepted in baseline)") and diag.severity == 4  # Hint
    _save(tmp_path / "base.json", [], 2_000_000_000)
    st.refresh_baseline(doc)
    assert not any(g.baseline for g in doc.findings())
