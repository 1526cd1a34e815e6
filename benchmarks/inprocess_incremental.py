"""In-process cost of full vs incremental analysis (run with ztlint's own Python).

    /work/main/.venv/bin/python benchmarks/inprocess_incremental.py FILE [--runs 20]
        [--keystrokes 200] [--profile DIR]

Full: ``ztlint.engine.analyze.analyze(source, ...)`` with the bundled rules and default config
(parse + every rule + suppressions), median of --runs after one warm-up.
Incremental: an ``IncrementalDocument`` of the same file; the same setup edit as the LSP
benchmark (a new line ``z`` before a ``return`` in the middle of the file), then --keystrokes
single-character edits, each timed as ``edit()`` + ``analyze()``.
Prints one JSON object. With --profile, cProfile's top functions for both go to DIR.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_files  # noqa: E402

from ztlint.engine import languages  # noqa: E402
from ztlint.engine.analyze import analyze  # noqa: E402
from ztlint.engine.config import Config  # noqa: E402
from ztlint.engine.incremental import IncrementalDocument  # noqa: E402
from ztlint.scan import runner  # noqa: E402


def pct(xs, p):
    xs = sorted(xs)
    k = max(0, min(len(xs) - 1, int(-(-p * len(xs) // 100)) - 1))
    return xs[k]


def top_functions(prof: cProfile.Profile, total_s: float, n: int = 25) -> list[dict]:
    st = pstats.Stats(prof)
    rows = []
    for (file, line, name), (cc, nc, tt, ct, callers) in st.stats.items():
        rows.append({"function": f"{Path(file).name}:{line}({name})", "calls": nc,
                     "tottime_s": tt, "cumtime_s": ct,
                     "tottime_pct": 100 * tt / total_s if total_s else None,
                     "cumtime_pct": 100 * ct / total_s if total_s else None})
    return rows


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", type=Path)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--keystrokes", type=int, default=200)
    ap.add_argument("--profile", type=Path)
    args = ap.parse_args()

    source = args.file.read_bytes()
    text = source.decode("utf-8")
    path = args.file.name
    language = languages.detect(path, source[:256])
    config = Config(root=args.file.parent)
    t0 = time.perf_counter()
    ruleset = runner.load_ruleset(config)
    load_s = time.perf_counter() - t0

    # -- full analysis -------------------------------------------------------------------
    t0 = time.perf_counter()
    first = analyze(source, path, ruleset, config)  # warm-up: compiles the language's queries
    first_s = time.perf_counter() - t0
    full = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        res = analyze(source, path, ruleset, config)
        full.append(time.perf_counter() - t0)
    parse_only = []
    parser = languages.parser(language)
    for _ in range(args.runs):
        t0 = time.perf_counter()
        parser.parse(source)
        parse_only.append(time.perf_counter() - t0)

    # -- incremental ----------------------------------------------------------------------
    line, indent, setup = corpus_files.typing_position(text, language)
    doc = IncrementalDocument(source, path, language, ruleset, config)
    off = doc.index.starts[line]
    doc.edit(off, off, (setup + "\n").encode())
    doc.analyze()
    pos = off + len(setup.rstrip(";").encode())  # right after the "z"
    edit_s, analyze_s, total = [], [], []
    chars = corpus_files.TYPED
    for k in range(args.keystrokes):
        ch = chars[k % len(chars)].encode()
        t0 = time.perf_counter()
        doc.edit(pos, pos, ch)
        t1 = time.perf_counter()
        doc.analyze()
        t2 = time.perf_counter()
        pos += 1
        edit_s.append(t1 - t0)
        analyze_s.append(t2 - t1)
        total.append(t2 - t0)
    # the invariant the engine promises: same findings as a fresh full analysis
    fresh = analyze(doc.source, path, ruleset, config)
    same = [(f.rule_id, f.start_byte, f.end_byte) for f in doc.findings] == \
           [(f.rule_id, f.start_byte, f.end_byte) for f in fresh.findings]

    out = {
        "file": str(args.file), "language": language, "lines": text.count("\n"), "bytes": len(source),
        "rules": len(ruleset), "ruleset_load_s": load_s, "first_analyze_s": first_s,
        "findings": len(res.findings),
        "full_analyze_ms": {"median": 1000 * statistics.median(full), "min": 1000 * min(full),
                            "p95": 1000 * pct(full, 95), "runs": args.runs},
        "parse_only_ms": {"median": 1000 * statistics.median(parse_only)},
        "typing_line": line + 1,
        "incremental_ms": {"median": 1000 * statistics.median(total), "p95": 1000 * pct(total, 95),
                           "p99": 1000 * pct(total, 99), "max": 1000 * max(total),
                           "edit_median": 1000 * statistics.median(edit_s),
                           "analyze_median": 1000 * statistics.median(analyze_s),
                           "keystrokes": args.keystrokes},
        "incremental_equals_full": same,
    }
    out["speedup"] = out["full_analyze_ms"]["median"] / out["incremental_ms"]["median"]

    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
        profiles = {}
        # full analysis
        prof = cProfile.Profile()
        t0 = time.perf_counter()
        prof.enable()
        for _ in range(5):
            analyze(source, path, ruleset, config)
        prof.disable()
        profiles["full"] = (prof, time.perf_counter() - t0)
        # incremental keystrokes
        prof = cProfile.Profile()
        t0 = time.perf_counter()
        prof.enable()
        for k in range(args.keystrokes):
            doc.edit(pos, pos, chars[k % len(chars)].encode())
            doc.analyze()
            pos += 1
        prof.disable()
        profiles["incremental"] = (prof, time.perf_counter() - t0)
        out["profile"] = {}
        for name, (prof, total_s) in profiles.items():
            buf = io.StringIO()
            stats = pstats.Stats(prof, stream=buf)
            stats.sort_stats("tottime").print_stats(30)
            stats.sort_stats("cumulative").print_stats(30)
            (args.profile / f"inprocess-{args.file.stem}-{name}.txt").write_text(buf.getvalue())
            prof.dump_stats(str(args.profile / f"inprocess-{args.file.stem}-{name}.pstats"))
            rows = top_functions(prof, total_s)
            out["profile"][name] = {
                "wall_s": total_s,
                "by_tottime": sorted(rows, key=lambda r: -r["tottime_s"])[:15],
                "by_cumtime": sorted(rows, key=lambda r: -r["cumtime_s"])[:15],
            }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
