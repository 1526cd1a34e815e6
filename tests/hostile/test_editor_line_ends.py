"""Issue 10 item 9 (reports and editor): a file whose lines end in a lone CR gets character
columns in reports, and a suppression inserted by the editor ends its line with CR."""

from __future__ import annotations

from ztlint.engine.config import Config
from ztlint.lsp import actions, convert
from ztlint.lsp.state import ServerState
from ztlint.report import json_report
from ztlint.scan import runner

AWS_KEY = "AKIA" + "Q3EGRTZ7" + "MNBV4XCP"  # built at run time (dogfood)
CR_ONLY = f"x = 1\r# café\rkey = 'é中'; aws_access_key_id={AWS_KEY}\r"


def test_reports_count_characters_on_cr_only_lines(bundled, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "keys.py").write_bytes(CR_ONLY.encode())
    result = runner.scan([tmp_path / "keys.py"], Config(root=tmp_path), ruleset=bundled,
                         isolate=False)
    [f] = [f for f in json_report.to_dict(result, bundled)["findings"]
           if f["rule"] == "secret-aws-access-key-id"]
    line = CR_ONLY.split("\r")[2]
    assert f["start"] == {"line": 3, "column": line.index(AWS_KEY) + 1}  # characters, not bytes


def test_a_suppression_on_a_cr_only_file_ends_with_cr(tmp_path):
    st = ServerState(folders=[tmp_path])
    source = b"import os\ros.system(input())\r"
    doc = st.open_document((tmp_path / "a.py").as_uri(), tmp_path / "a.py", "python", 1, source)
    f = next(f for f in doc.incr.findings if f.start[0] == 1)
    diag = convert.diagnostic(f, doc.rule(f.rule_id), 1)
    for build in (actions.suppress_line, actions.suppress_file):
        [edit] = build(doc, diag).edit.document_changes[0].edits
        assert edit.new_text.endswith("\r") and "\n" not in edit.new_text
