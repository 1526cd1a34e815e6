from __future__ import annotations

from ztlint.engine import rules
from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config



def _ids(source: str, path: str, rs, report_unused=False):
    a = analyze(source.encode(), path, rs, Config(), report_unused=report_unused)
    return [(f.line, f.rule_id) for f in a.findings]


def test_ignore_on_line_and_line_before(custom_rules):
    rs = rules.load_rules([custom_rules])
    src = ("risky(a)  # ztlint: ignore[test-eval] trusted input\n"
           "# ztlint: ignore[test-eval] reviewed\n"
           "risky(b)\n"
           "risky(c)\n"
           "risky(d)  # ztlint: ignore[other-rule]\n")
    assert _ids(src, "x.py", rs) == [(4, "test-eval"), (5, "test-eval")]


def test_ignore_anchors_to_the_statement_for_multiline_calls(custom_rules):
    rs = rules.load_rules([custom_rules])
    src = ("# ztlint: ignore[test-eval] the whole statement\n"
           "result = wrap(\n"
           "    1,\n"
           "    risky(x),\n"
           ")\n"
           "other = wrap(\n"
           "    risky(y),\n"
           ")  # ztlint: ignore[test-eval] on the closing line\n"
           "again = wrap(\n"
           "    risky(z),\n"
           ")\n")
    assert _ids(src, "x.py", rs) == [(10, "test-eval")]


def test_ignore_file_and_wildcard(custom_rules):
    rs = rules.load_rules([custom_rules])
    assert _ids("# ztlint: ignore-file[test-eval]\nrisky(a)\nrisky(b)\n", "x.py", rs) == []
    assert _ids("risky(a)  # ztlint: ignore[*]\n", "x.py", rs) == []


def test_nosec_and_secret_pragmas(custom_rules):
    rs = rules.load_rules([custom_rules])
    token = "ztk_" + "9f8e7d6c5b4a39281706f5e4"
    assert _ids("risky(a)  # nosec\n", "x.py", rs) == []
    assert _ids(f"t = '{token}'  # gitleaks:allow\n", "x.py", rs) == []
    assert _ids(f"t = '{token}'  # pragma: allowlist secret\n", "x.py", rs) == []
    assert _ids(f"t = '{token}'\n", "x.py", rs) == [(1, "test-token")]
    # nosec is a Python convention; the secret pragmas work in any file type
    assert _ids(f"token: {token}  # gitleaks:allow\n", "x.yml", rs) == []


def test_other_comment_syntaxes(tmp_path, custom_rules):
    rs = rules.load_rules([custom_rules])
    token = "ztk_" + "9f8e7d6c5b4a39281706f5e4"
    assert _ids(f"const t = '{token}'; // ztlint: ignore[test-token] fixture\n", "x.js", rs) == []
    assert _ids(f"<!-- ztlint: ignore[test-token] -->\n<a k='{token}'/>\n", "x.html", rs) == []
    # a directive in a string, not a comment, does not count
    assert _ids(f"t = 'ztlint: ignore[test-token]'; k = '{token}'\n", "x.txt", rs) == [(1, "test-token")]


def test_unused_suppressions_are_reported_on_request(custom_rules):
    rs = rules.load_rules([custom_rules])
    src = "x = 1  # ztlint: ignore[test-eval] stale\nrisky(a)  # ztlint: ignore[test-eval]\n"
    assert _ids(src, "x.py", rs) == []
    assert _ids(src, "x.py", rs, report_unused=True) == [(1, "ztlint-unused-suppression")]
