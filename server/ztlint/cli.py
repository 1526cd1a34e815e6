"""The `ztlint` command: argument parsing and dispatch to ``commands/`` (scan, rules, baseline)
and the language server.

Exit codes are in ``commands/exitcodes.py``. Never a traceback (unless -v): CI reads 1 as
"findings".
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback

from . import __version__
from .commands.exitcodes import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK
from .engine import config as cfgmod
from .engine.examples import PREFIXES
from .engine.severity import SEVERITIES


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ztlint", description="Zero-trust security linter: "
                                "insecure code and leaked credentials, in the editor and in CI.")
    p.add_argument("--version", action="version", version=f"ztlint {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("scan", help="scan files and folders")
    s.add_argument("paths", nargs="*", default=[], help="files or folders (default: .); with --git, "
                   "path limits for the history")
    mode = s.add_mutually_exclusive_group()
    mode.add_argument("--staged", action="store_true",
                      help="scan the index (what the next commit holds), not the working tree: "
                           "the staged files, or every indexed file under PATHS")
    mode.add_argument("--diff", metavar="BASE",
                      help="report only findings on lines changed since BASE (a branch or commit; "
                           "from where HEAD left BASE)")
    mode.add_argument("--git", nargs="?", const="", metavar="RANGE",
                      help="scan the lines each commit in RANGE added (default: all history), "
                           "secret rules only unless --all-rules")
    s.add_argument("--all-rules", action="store_true", help="with --git: every rule, not only secrets")
    s.add_argument("--secrets-only", action="store_true", help="only the secret rules (fast)")
    s.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    s.add_argument("-o", "--output", help="write the report to this file instead of stdout")
    s.add_argument("--fail-on", choices=SEVERITIES,
                   help="lowest severity that makes the exit code 1 (default: warning, or the "
                        "config's fail-on); info notes and hints are shown but do not fail "
                        "unless --fail-on info/hint")
    s.add_argument("--config", help="use this config file instead of the nearest ztlint.toml/pyproject.toml")
    s.add_argument("--rule-dir", action="append", default=[], help="extra rule directory (repeatable)")
    s.add_argument("-j", "--jobs", type=int, default=0, help="worker processes (default: all cores)")
    s.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    s.add_argument("--no-color", action="store_true", help="plain text output")
    s.add_argument("--report-unused-suppressions", action="store_true",
                   help="report `ztlint: ignore[...]` comments that suppress nothing")
    s.add_argument("--baseline", help="baseline file: findings in it are shown but never fail")
    s.add_argument("--follow-symlinks", action="store_true",
                   help="follow symlinks that leave the scanned folders (default: note and skip them)")
    s.add_argument("--scan-generated", action="store_true",
                   help="also scan build output folders (dist/, .next/ ...) and minified or "
                        "generated files (default: skipped unless named; config: scan-generated)")
    s.add_argument("--osv-db", metavar="PATH",
                   help="OSV database (a folder or zip of osv.dev exports, read offline): report "
                        "pinned and locked dependency versions with known vulnerabilities "
                        "(config: osv-db)")
    s.add_argument("--cache-dir", metavar="DIR",
                   help="keep finished results per file content here (default: the user's cache "
                        "folder, e.g. ~/.cache/ztlint; config: cache-dir)")
    s.add_argument("--no-cache", action="store_true",
                   help="analyse every file, read and write no result cache (config: cache = "
                        "false; environment: ZTLINT_NO_CACHE=1)")
    s.add_argument("--shard", metavar="K/N", type=_shard,
                   help="scan only shard K of N (1-based): files are split by a hash of their "
                        "folder's path, the same on every machine (a CI matrix; see README)")
    s.add_argument("-v", "--verbose", action="store_true",
                   help="list every skipped file and folder (ignored, excluded, generated ...); "
                        "show a traceback on an internal error")

    sub.add_parser("lsp", help="run the language server over stdio")

    r = sub.add_parser("rules", help="list, show and test rules")
    rsub = r.add_subparsers(dest="rules_command", required=True)
    rl = rsub.add_parser("list", help="list the rules")
    rl.add_argument("--language", help="only rules for this language")
    rl.add_argument("--format", choices=("text", "json"), default="text")
    rl.add_argument("--rule-dir", action="append", default=[])
    rs = rsub.add_parser("show", help="show one rule's docs")
    rs.add_argument("id")
    rs.add_argument("--rule-dir", action="append", default=[])
    rt = rsub.add_parser("test", help="check rules against their fixtures")
    rt.add_argument("dirs", nargs="*", help="rule folders or files (default: the bundled rules)")
    rt.add_argument("-q", "--quiet", action="store_true")

    b = sub.add_parser("baseline", help="record or review accepted findings")
    bsub = b.add_subparsers(dest="baseline_command", required=True)
    bc = bsub.add_parser("create", help="write a baseline of the current findings")
    bc.add_argument("paths", nargs="*", default=["."])
    bc.add_argument("-o", "--output", default=".ztlint-baseline.json")
    bc.add_argument("--config")
    ba = bsub.add_parser("audit", help="walk through the findings a baseline accepts")
    ba.add_argument("file", nargs="?", default=".ztlint-baseline.json")

    h = sub.add_parser("hook", help="git hooks: reject pushes that add secrets")
    h.add_argument("hook", choices=("pre-push", "pre-receive"),
                   help="pre-push: the commits being pushed (pre-commit's pre-push stage or "
                        ".git/hooks/pre-push); pre-receive: a server hook, reads the ref updates "
                        "on stdin and scans only the pushed commits")
    h.add_argument("remote", nargs="?", help="pre-push: the remote's name (git passes it)")
    h.add_argument("url", nargs="?", help=argparse.SUPPRESS)
    h.add_argument("--all-rules", action="store_true", help="every rule, not only secrets")
    h.add_argument("--baseline", help="accepted findings (pre-receive default: the pushed "
                   ".ztlint-baseline.json)")
    h.add_argument("--config")
    h.add_argument("--rule-dir", action="append", default=[])
    h.add_argument("--fail-on", choices=SEVERITIES)
    sc = sub.add_parser("secrets", help="help with secret rules")
    scsub = sc.add_subparsers(dest="secrets_command", required=True)
    se = scsub.add_parser("example", help="print a fake token with a valid checksum (for testing: "
                                          "made-up tokens with a wrong checksum are not reported)")
    se.add_argument("kind", choices=sorted(PREFIXES))

    sa = sub.add_parser("sarif", help="work with SARIF reports")
    sasub = sa.add_subparsers(dest="sarif_command", required=True)
    sm = sasub.add_parser("merge", help="combine the SARIF reports of several shards (--shard "
                                        "K/N) into one: rules once, every result kept")
    sm.add_argument("files", nargs="+", help="SARIF files")
    sm.add_argument("-o", "--output", help="write here (default: stdout)")

    sub.add_parser("version", help="print the version")
    return p


def _shard(text: str) -> tuple[int, int]:
    k, sep, n = text.partition("/")
    if not sep or not k.isdigit() or not n.isdigit() or not 1 <= int(k) <= int(n):
        raise argparse.ArgumentTypeError(f"expected K/N with 1 <= K <= N, got {text!r}")
    return int(k), int(n)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "scan":
            from .commands.scan import run
            return run(args)
        if args.command == "lsp":
            from .lsp.server import main as lsp_main
            lsp_main()
            return EXIT_OK
        if args.command == "rules":
            from .commands.rules import run as rules_run
            return rules_run(args)
        if args.command == "baseline":
            from .commands.baseline import run as baseline_run
            return baseline_run(args)
        if args.command == "hook":
            from .commands.history import run_hook
            return run_hook(args)
        if args.command == "secrets":
            from .commands.secrets import run as secrets_run
            return secrets_run(args)
        if args.command == "sarif":
            from .commands.sarif import run as sarif_run
            return sarif_run(args)
        if args.command == "version":
            print(f"ztlint {__version__}")
            return EXIT_OK
    except cfgmod.ConfigError as exc:
        print(f"ztlint: configuration error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - the last resort: one line and exit 2
        return internal_error(exc, getattr(args, "verbose", False))
    return EXIT_ERROR


def internal_error(exc: BaseException, verbose: bool) -> int:
    if verbose:
        traceback.print_exception(exc)
    message = str(exc).splitlines()[0][:300] if str(exc) else ""
    print(f"ztlint: internal error: {type(exc).__name__}" + (f": {message}" if message else ""),
          file=sys.stderr)
    return EXIT_ERROR


def entry() -> None:
    try:
        code = main()
    except Exception as exc:  # noqa: BLE001 - e.g. while parsing arguments
        code = internal_error(exc, "-v" in sys.argv or "--verbose" in sys.argv)
    sys.exit(code)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    entry()
