"""Open -> first diagnostics: the server prepares the workspace's languages right after
`initialized` (lsp/warmup.py), so the first document does not pay for it."""

from __future__ import annotations

import asyncio

from lsprotocol import types
from pytest_lsp import LanguageClient

from ztlint.lsp.warmup import workspace_languages

from ..helpers import write
from .helpers import open_doc, start, wait_for

BROKEN_QUERY_RULE = """id: test-broken-query
title: a query that does not compile
severity: warning
confidence: high
cwe: [CWE-95]
owasp: []
languages: [python]
match:
  query: |
    (call function: (no_such_node_type) @fn) @call
  report: call
message: "never"
docs: "A rule whose query does not compile for Python."
"""


async def test_packs_compile_after_initialized_without_a_document(raw_client: LanguageClient, workspace):
    """A query error of a workspace language shows on its rule file before any file is opened
    (the pack was compiled in the background); before, only the first Python document did it."""
    rule = workspace / "rules" / "broken.yaml"
    write(rule, BROKEN_QUERY_RULE)
    await start(raw_client, workspace)
    diags = await wait_for(raw_client, rule.as_uri(), timeout=20)
    assert diags and diags[0].severity == types.DiagnosticSeverity.Error
    assert not any(p.uri.endswith(".py") for p in raw_client.published)  # nothing was opened
    # documents work as before, and the other rules still run
    uri = open_doc(raw_client, workspace / "app.py")
    assert "python-yaml-unsafe-load" in {d.code for d in await wait_for(raw_client, uri, 1)}


async def test_a_document_opened_during_the_warm_up_gets_its_diagnostics(raw_client: LanguageClient,
                                                                         workspace):
    await start(raw_client, workspace)
    uri = open_doc(raw_client, workspace / "app.py")  # right away: the warm-up has just begun
    diags = await wait_for(raw_client, uri, 1)
    assert {d.code for d in diags} == {"python-yaml-unsafe-load", "test-token"}
    await asyncio.sleep(0.2)
    assert [p.version for p in raw_client.published if p.uri == uri] == [1]


def test_workspace_languages_most_frequent_first_and_bounded(tmp_path):
    for i in range(5):
        write(tmp_path / "src" / f"m{i}.py", "x = 1\n")
    for i in range(2):
        write(tmp_path / "web" / f"a{i}.js", "let x = 1;\n")
    write(tmp_path / "node_modules" / "dep" / "index.ts", "export {};\n")  # not the workspace's own
    write(tmp_path / ".git" / "hook.rb", "puts 1\n")
    assert workspace_languages([tmp_path]) == ["python", "javascript"]
    assert len(workspace_languages([tmp_path], limit=1)) <= 2
