"""Planted secrets never appear in any output channel: text, JSON, SARIF, baselines, or the
language server's diagnostics, hover, code actions, command results and logs."""

from __future__ import annotations

import json
from pathlib import Path
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from ztlint import cli
from ztlint.engine.render import public_prefixes

from ..helpers import write
from ..lsp.helpers import start

# Split literals: the planted values exist only at run time, so scanning this repository
# (dogfood) does not report its own test data.
GITHUB = "ghp_" "cLq0tI1jkszp88r7fYkDc96kVncLVP41QdEW"
AWS_ID = "AKIA" "7JBD4R6CC6PKYQJR"
AWS_SECRET = "0r6EKnImrOk/" "vkjdfLCJQ4GFblOo/8Lw2DGmmPfK"
PLANTED_PW = "Zx9!kLm2" "#pQ7wR4t"
CONN_PW = "Kq8vZ2mX" "w4-orders"
PLANTED = [GITHUB, AWS_SECRET, PLANTED_PW, CONN_PW]
NO_PUBLIC_PREFIX = [AWS_SECRET, PLANTED_PW, CONN_PW]

SOURCE = f'''import os

GITHUB_TOKEN = "{GITHUB}"
db_password = "{PLANTED_PW}"
aws = {{"aws_access_key_id": "{AWS_ID}", "aws_secret_access_key": "{AWS_SECRET}"}}
DATABASE_URL = "postgres://orders:{CONN_PW}@db.internal:5432/orders"
'''


def assert_clean(text: str) -> None:
    for secret in PLANTED:
        # the value, and any long enough piece of what follows its redacted prefix
        assert secret not in text
        assert secret[4:] not in text
    for secret in NO_PUBLIC_PREFIX:  # issue 13 item 6: not even the first characters ("0r6E…")
        assert secret[:3] not in text


@pytest.fixture
def project(tmp_path):
    write(tmp_path / "proj" / "settings.py", SOURCE)
    write(tmp_path / "proj" / "ztlint.toml", "")
    return tmp_path / "proj"


def test_cli_outputs_never_contain_planted_secrets(project, capsys, monkeypatch):
    monkeypatch.chdir(project)
    outputs = []
    for fmt in ("text", "json", "sarif"):
        assert cli.main(["scan", ".", "--format", fmt, "--no-progress"]) == 1
        out, err = capsys.readouterr()
        outputs.append(out + err)
    found = {f["rule"] for f in json.loads(outputs[1])["findings"]}
    assert {"secret-github-pat-classic", "secret-aws-secret-access-key", "secret-url-credentials",
            "secret-generic-password-python"} <= found
    assert cli.main(["baseline", "create", ".", "-o", "base.json"]) == 0
    assert cli.main(["baseline", "audit", "base.json"]) == 0
    out, err = capsys.readouterr()
    outputs.append(out + err + (project / "base.json").read_text())
    for text in outputs:
        assert_clean(text)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "ztlint.cli", "lsp"]))
async def lsp(lsp_client: LanguageClient, project):
    await start(lsp_client, project)
    yield
    await lsp_client.shutdown_session()


async def test_language_server_never_sends_planted_secrets(lsp: LanguageClient, project):
    from ..lsp.helpers import open_doc, wait_for
    seen: list[str] = []
    uri = open_doc(lsp, project / "settings.py")
    diags = await wait_for(lsp, uri)
    assert {"secret-github-pat-classic", "secret-aws-secret-access-key"} <= {d.code for d in diags}
    seen.append(json.dumps([lsp.protocol._converter.unstructure(d) for d in diags]))
    for d in diags:
        hover = await lsp.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri), d.range.start))
        seen.append(hover.contents.value if hover else "")
    actions = await lsp.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri), range=diags[0].range,
        context=types.CodeActionContext(diagnostics=list(diags))))
    seen.append(json.dumps([lsp.protocol._converter.unstructure(a) for a in actions]))
    result = await lsp.workspace_execute_command_async(types.ExecuteCommandParams(
        command="ztlint.scanWorkspace", arguments=[]))
    seen.append(json.dumps(result))
    seen.append(json.dumps([lsp.protocol._converter.unstructure(d)
                            for ds in lsp.diagnostics.values() for d in ds]))
    seen.extend(m.message for m in lsp.log_messages)
    seen.extend(m.message for m in lsp.messages)
    for text in seen:
        assert_clean(text)


# -- every positive fixture line of every secret rule, through every output format -----------

_WINDOW = 8  # no piece of a secret this long may appear in any output


def _secret_fixture_findings(bundled):
    """(rule set, fixture, source, finding, secret values) for each finding of a secret rule on
    one of its `ruleid:` lines, analysed as `ztlint rules test` does (the rule file's rules
    alone). The values: the secret capture, and every other capture the rule does not declare
    plain (the user part of a URL ...)."""
    from ztlint.commands import fixtures
    from ztlint.engine import analyze, rules
    from ztlint.engine.config import Config

    files = sorted({Path(r.path) for r in bundled.rules.values() if r.is_secret})
    for rule_file in files:
        ruleset = rules.load_rules([], [rule_file])
        secret_ids = {rid for rid, r in ruleset.rules.items() if r.is_secret}
        for fixture in fixtures.fixtures_for(rule_file):
            source = fixture.read_bytes()
            expect, _ = fixtures.annotations(source.decode("utf-8", "replace"))
            result = analyze.analyze(source, str(fixture), ruleset, Config(root=fixture.parent))
            for f in result.findings:
                if f.rule_id in secret_ids and f.rule_id in expect.get(f.line, ()):
                    yield ruleset, fixture, source, f, _secret_values(ruleset.rules[f.rule_id], source, f)


def _secret_values(rule, source: bytes, f) -> list[bytes]:
    values = [source[f.start_byte:f.end_byte]]
    if rule.is_text:
        for m in rule.regex.finditer(source, max(0, f.anchor_bytes[0] - 4096), f.anchor_bytes[1] + 4096):
            if m.span(rule.secret_group if rule.secret_group in rule.regex.groupindex else 0) \
                    == (f.start_byte, f.end_byte):
                values.extend(v for k, v in m.groupdict().items()
                              if v and k not in rule.plain_captures)
    return values


def _outputs(ruleset, source: bytes, f) -> dict[str, str]:
    from lsprotocol import converters

    from ztlint.lsp import convert
    from ztlint.report import json_report, sarif, text
    from ztlint.scan.runner import ScanResult

    result = ScanResult(findings=[f], files=1)
    run = sarif.to_dict(result, ruleset)["runs"][0]
    run["tool"]["driver"].pop("rules")  # rule metadata comes from the rule file, not the scan
    diag = convert.diagnostic(f, ruleset.rules[f.rule_id], 1)
    return {
        "text": text.render(result, ruleset, verbose=True),
        "json": json_report.render(result, ruleset),
        "sarif": json.dumps(run, ensure_ascii=False),
        "lsp": json.dumps(converters.get_converter().unstructure(diag), ensure_ascii=False),
    }


def _boilerplate(rule, path: str) -> str:
    """Text an output may hold whatever was scanned: the rule's own words and the path."""
    parts = [rule.id, rule.title, rule.message, path, *rule.references]
    if rule.fix is not None:
        parts.append(rule.fix.title)
        parts.extend(t or "" for e in rule.fix.edits for t in (e.replace, e.insert_before, e.insert_after))
    return "\n".join(parts).lower()


def test_no_output_format_leaks_any_secret_fixture_line(bundled):
    checked, rules_seen = 0, set()
    for ruleset, fixture, source, f, values in _secret_fixture_findings(bundled):
        rule = ruleset.rules[f.rule_id]
        allowed = _boilerplate(rule, str(fixture))
        outputs = _outputs(ruleset, source, f)
        for value in values:
            text = value.decode("utf-8", "replace")
            # the format's public prefix (sk-proj-) may be shown; no window reaching past it
            prefixes = [p for g in (rule.regex.groupindex if rule.regex is not None else ())
                        for p in public_prefixes(rule, g)]
            public = max((p for p in prefixes if text.startswith(p)), key=len, default="")
            windows = {text[i:i + _WINDOW] for i in range(len(text) - _WINDOW + 1)
                       if i + _WINDOW > len(public)}
            for w in windows:
                if w.lower() in allowed:
                    continue
                for fmt, out in outputs.items():
                    if public:  # shown by design (also JSON-escaped)
                        out = out.replace(public + "…", "…").replace(json.dumps(public)[1:-1] + "…", "…")
                    assert w not in out, f"{fixture}:{f.line}: {f.rule_id} leaks {w[:4]}… in {fmt}"
        checked += 1
        rules_seen.add(f.rule_id)
    secret_rules = {rid for rid, r in bundled.rules.items() if r.is_secret}
    assert rules_seen == secret_rules  # every secret rule had its positive lines checked
    assert checked > 2 * len(secret_rules)
