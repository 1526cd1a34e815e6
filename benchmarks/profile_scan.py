"""Where does `ztlint scan` spend its CPU time? (run with ztlint's own Python)

    /work/main/.venv/bin/python benchmarks/profile_scan.py [CORPUS] [--cprofile]

Single process, the same files `ztlint scan` would scan (its own discovery) and default config.
1. Per language: time in parsing, tree rules (one combined query per language + conditions),
   text rules (secret regexes), finalize (suppressions), reading.
2. Per text rule: time in its keyword prefilter + regex over every file it applies to.
3. With --cprofile: cProfile over the whole scan, top functions by own time.
Writes benchmarks/work/profiles/scan-profile.json (+ .txt for cProfile) and prints a summary.
"""

from __future__ import annotations

import argparse
import cProfile
import collections
import io
import json
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from ztlint.engine import analyze as full  # noqa: E402
from ztlint.engine import languages  # noqa: E402
from ztlint.engine.config import Config, load_config  # noqa: E402
from ztlint.engine.match import run_tree_rules  # noqa: E402
from ztlint.engine.match_text import run_text_rules  # noqa: E402
from ztlint.engine.positions import LineIndex  # noqa: E402
from ztlint.engine import source  # noqa: E402
from ztlint.scan import runner  # noqa: E402
from ztlint.scan.discover import discover  # noqa: E402

try:
    from ztlint.engine.keywords import KeywordIndex  # noqa: E402
except ImportError:  # older engine without the keyword prefilter
    KeywordIndex = None


def read_source(path, max_size: int):
    """(bytes or None, why not) as the scan reads a file."""
    src = source.read_source(path, max_size)
    return src.data, src.reason


def clock() -> float:
    """CPU time of this process: the machine is shared, so wall time would count other work."""
    return time.process_time()


def files_of(corpus: Path, config: Config) -> list[Path]:
    return list(discover([corpus], config, []))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path, nargs="?",
                    default=HERE / "work" / "corpus" / "Django-5.1.4")
    ap.add_argument("--cprofile", action="store_true")
    args = ap.parse_args()
    out_dir = HERE / "work" / "profiles"
    out_dir.mkdir(parents=True, exist_ok=True)

    config = load_config(HERE / "work", explicit=HERE / "work" / "ztlint-bench.toml")
    ruleset = runner.load_ruleset(config)
    files = files_of(args.corpus, config)
    comp = collections.defaultdict(lambda: collections.Counter())
    per_rule = collections.Counter()
    per_rule_files = collections.Counter()
    rule_keywords: dict = {}  # one keyword index per rule, built once (outside the timing)
    t_all = clock()
    for p in files:
        t0 = clock()
        data, reason = read_source(p, config.max_file_size)
        t1 = clock()
        if data is None:
            continue
        path = str(p)
        lang = languages.detect(path, data[:256])
        key = lang or "(text only)"
        c = comp[key]
        c["files"] += 1
        c["bytes"] += len(data)
        c["read"] += t1 - t0
        t0 = clock()
        tree = full.parse(data, lang) if lang else None
        index = LineIndex(data)
        t1 = clock()
        c["parse+index"] += t1 - t0
        found = []
        if tree is not None:
            found += run_tree_rules(ruleset, lang, tree, path, config.enabled)
        t2 = clock()
        c["tree rules"] += t2 - t1
        text_rules = [r for r in ruleset.text_rules if r.applies_to(lang)]
        found += run_text_rules(text_rules, data, index, path, config.enabled, None,
                                getattr(ruleset, "keyword_index", None))  # as analyze.collect does
        t3 = clock()
        c["text rules"] += t3 - t2
        full.finalize(found, data, index, path, lang, ruleset, config, tree=tree)
        c["finalize"] += clock() - t3
        # per text rule (a second pass, timed one rule at a time)
        for r in text_rules:
            kw = rule_keywords.get(r.id)
            if kw is None and KeywordIndex is not None:
                kw = rule_keywords[r.id] = KeywordIndex(set(r.keywords))
            s = clock()
            run_text_rules([r], data, index, path, config.enabled, None, kw)
            per_rule[r.id] += clock() - s
            per_rule_files[r.id] += 1
    total = clock() - t_all
    phases = ("read", "parse+index", "tree rules", "text rules", "finalize")
    grand = {ph: sum(c[ph] for c in comp.values()) for ph in phases}
    engine_total = sum(grand.values())
    result = {
        "files": len(files), "rules": len(ruleset), "text_rules": len(ruleset.text_rules),
        "wall_s_including_per_rule_pass": total, "engine_s": engine_total,
        "phases_s": grand, "phases_pct": {k: 100 * v / engine_total for k, v in grand.items()},
        "by_language": {k: {**{ph: round(c[ph], 3) for ph in phases}, "files": c["files"],
                            "bytes": c["bytes"], "total_s": round(sum(c[ph] for ph in phases), 3)}
                        for k, c in sorted(comp.items(), key=lambda kv: -sum(kv[1][ph] for ph in phases))},
        "text_rules_top": [{"rule": r, "s": round(s, 3),
                            "pct_of_per_rule_sum": round(100 * s / max(1e-9, sum(per_rule.values())), 1),
                            "files": per_rule_files[r]} for r, s in per_rule.most_common(20)],
        # each rule timed alone, with its own keyword index: the sum exceeds the shared-prefilter
        # "text rules" phase, but the ranking shows which regexes cost the most
        "text_rules_sum_s": sum(per_rule.values()),
    }

    # 4. tree-rule matches per rule: how many the query yields vs how many pass the conditions
    from ztlint.engine import match as m
    yielded, kept = collections.Counter(), collections.Counter()
    import tree_sitter
    for p in files:
        if p.suffix != ".py":
            continue
        data, _ = read_source(p, config.max_file_size)
        if data is None:
            continue
        tree = full.parse(data, "python")
        pack = ruleset.pack("python")
        facts = {}
        # every query over the whole tree, gated or not: what the conditions have to sift
        queries = [(pack.query, lambda i, p=pack: p.rule_of_pattern[i])] if pack.query is not None else []
        queries += [(g.query, lambda i, r=g.rule: r) for g in pack.gated]
        for query, owner in queries:
            for index, captures in tree_sitter.QueryCursor(query).matches(tree.root_node):
                rule = owner(index)
                yielded[rule.id] += 1
                report = m._first(captures, rule.report)
                if report is not None and all(m._holds(c, captures, report, pack, tree, facts)
                                              for c in rule.conditions):
                    kept[rule.id] += 1
    pack = ruleset.pack("python")
    result["python_rules_gated"] = {"gated": len(pack.gated),
                                    "always": len({r.id for r in pack.rule_of_pattern})}
    result["python_query_matches"] = {"total": sum(yielded.values()), "passing_conditions": sum(kept.values()),
                                      "top_rules": [{"rule": r, "matches": n, "passing": kept[r]}
                                                    for r, n in yielded.most_common(15)]}

    if args.cprofile:
        prof = cProfile.Profile(time.process_time)
        t0 = clock()
        prof.enable()
        # in this process (workers would hide their time from the profiler)
        runner.scan([args.corpus], config, ruleset=ruleset, isolate=False)
        prof.disable()
        wall = clock() - t0
        buf = io.StringIO()
        st = pstats.Stats(prof, stream=buf)
        st.sort_stats("tottime").print_stats(40)
        st.sort_stats("cumulative").print_stats(40)
        (out_dir / "scan-cprofile.txt").write_text(buf.getvalue())
        prof.dump_stats(str(out_dir / "scan-cprofile.pstats"))
        rows = []
        for (file, line, name), (cc, nc, tt, ct, callers) in st.stats.items():
            rows.append({"function": f"{Path(file).name}:{line}({name})", "calls": nc,
                         "tottime_pct": round(100 * tt / wall, 1), "cumtime_pct": round(100 * ct / wall, 1)})
        result["cprofile"] = {"wall_s": wall,
                              "by_tottime": sorted(rows, key=lambda r: -r["tottime_pct"])[:20],
                              "by_cumtime": sorted(rows, key=lambda r: -r["cumtime_pct"])[:25]}

    (out_dir / "scan-profile.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
