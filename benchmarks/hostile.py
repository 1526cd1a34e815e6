"""Pathological inputs: per-file analysis time must stay linear (run with ztlint's Python).

    .venv/bin/python benchmarks/hostile.py [--only NAME] [--scale 1.0] [--soak]

Every file is generated here and analysed in-process with the bundled rules (full analysis,
default config: a 5 s budget per file). Target: every file under 5 MB analysed in <= 2 s, or
cut at the budget with a note. Prints one line per file and the worst. ``--soak`` then runs
the language-server soak (``lsp_soak.py``: 20,000 edits and 8,000 open/close cycles, RSS growth).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from ztlint.engine.analyze import analyze
from ztlint.engine.config import Config
from ztlint.engine.rules import default_rule_dirs, load_rules

_USER_RULE = """\
id: user-nested-plus
title: A user's rule with a nested quantifier
severity: warning
confidence: low
cwe: [CWE-1333]
owasp: []
languages: [generic]
message: nested plus
docs: A custom rule.
references: []
match:
  regex: '(a+)+$'
"""


def inputs(scale: float) -> list[tuple[str, str, bytes]]:
    """(name, file name, content) of every case."""
    n = lambda k: int(k * scale)  # noqa: E731
    cases = [
        # the reproductions of issue 10, item 3
        ("cli-password lookahead 64 KB", "run.sh", b"mysql -u root -p" + b"x" * n(64_000) + b"\n"),
        ("mysqladmin --password + 50k a", "run.sh", b"mysqladmin --password A" + b"a" * n(50_000) + b"\n"),
        ("server=x; pwd= x12500", "c.js", b'var c = "server=x;' + b"pwd=" * n(12_500) + b'";\n'),
        ("pass -D. x16600", "run.sh", b"pass " + b"-D." * n(16_600) + b"\n"),
        ("jdbc: 100 KB line", "app.properties", b"jdbc:" * n(20_000) + b"\n"),
        ("net use 100 KB line", "run.bat", b"net use " * n(12_500) + b"\n"),
        ("token:// 100 KB line", "notes.txt", b"token://" * n(12_500) + b"\n"),
        ("db.prepare 16k spaces", "q.js", b"db.prepare('" + b" " * n(16_000) + b"' + id);\n"),
        ("30 KB line (editor)", "a.py", b"x = '" + b"password=" * n(3_300) + b"'\n"),
        # more of the same kind
        ("curl -u 100 KB line", "run.sh", b"curl " + b"-u a:" * n(20_000) + b"\n"),
        ("echo | docker login 100 KB", "run.sh", b"echo " + b"a" * n(100_000) + b" | docker login\n"),
        ("env prefix 100 KB", "run.sh", b"PASSWORD=" * n(11_000) + b"\n"),
        ("url :// 100 KB", "a.txt", b"https://u:" * n(10_000) + b"\n"),
        ("bearer 100 KB", "a.txt", b"Bearer " * n(14_000) + b"\n"),
        ("config assignment 100 KB", ".env", b"password=" * n(11_000) + b"\n"),
        ("PEM headers 1 MB", "k.pem", b"-----BEGIN RSA PRIVATE KEY-----\n" * n(32_000)),
        ("many keywords 5 MB", "big.txt",
         b"password token secret api_key jdbc: net use bearer basic mysql -p AKIA\n" * n(70_000)),
        ("sql condition 16k", "q.py", b"cursor.execute('" + b" " * n(16_000) + b"' + x)\n"),
        # deep nesting
        ("python nesting 3000", "deep.py", b"x = " + b"[" * n(3000) + b"eval(a)" + b"]" * n(3000) + b"\n"),
        ("js nesting 3000", "deep.js", b"x = " + b"(" * n(3000) + b"eval(a)" + b")" * n(3000) + b";\n"),
        ("json nesting 3000", "deep.json", b'{"a": ' * n(3000) + b'{"password": "Zq8#kLm2pW9x"}' + b"}" * n(3000)),
        # slow parses (tree-sitter has no time limit of its own)
        ("python 3000 indent levels", "indent.py",
         b"".join(b" " * i + b"if x:\n" for i in range(n(3000))) + b" " * n(3000) + b"pass\n"),
        ("bash 20000 heredocs on one line", "heredocs.sh",
         b"cat " + b" ".join(b"<<E%d" % i for i in range(n(20_000))) + b"\n"
         + b"".join(b"x\nE%d\n" % i for i in range(n(20_000)))),
        ("bash 20000 heredocs", "heredocs2.sh", b"".join(b"cat <<EOF\nx\nEOF\n" for _ in range(n(20_000)))),
    ]
    for kw in (b"password", b"secret", b"token", b"api_key", b"AKIA", b"ghp_", b"sk_live_", b"eyJ"):
        cases.append((f"{kw.decode()} x 100 KB", "long.txt", (kw + b"=") * n(100_000 // (len(kw) + 1)) + b"\n"))
    return cases


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", help="run only cases whose name contains this")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size by this")
    ap.add_argument("--soak", action="store_true", help="then run the language-server soak")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "user.yaml").write_text(_USER_RULE)
        rules = load_rules(default_rule_dirs([tmp]))
        assert not rules.errors, rules.errors
        config = Config()
        results = []
        cases = inputs(args.scale) + [("user rule (a+)+$ on 27 a + !", "x.txt", b"a" * 27 + b"!\n")]
        for name, fname, data in cases:
            if args.only and args.only not in name:
                continue
            t0 = time.perf_counter()
            result = analyze(data, fname, rules, config)
            took = time.perf_counter() - t0
            cut = any("budget" in n for n in result.notes)
            results.append((took, name))
            status = "CUT (note)" if cut else ("partial (note)" if result.notes else "complete")
            print(f"{took:7.3f} s  {len(data) / 1e6:6.2f} MB  {len(result.findings):5d} findings  "
                  f"{status:15s} {name}")
    worst = max(results)
    print(f"worst: {worst[0]:.3f} s ({worst[1]})")
    if args.soak:
        import sys
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import lsp_soak
        sys.argv = [sys.argv[0]]
        lsp_soak.main()


if __name__ == "__main__":
    main()
