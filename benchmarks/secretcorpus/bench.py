"""Secrets benchmark: ztlint vs detect-secrets on a labelled corpus, plus throughput.

    python3 benchmarks/secrets_bench.py [--runs 3] [--regen] [--seed N] [--ztlint PATH]
                                        [--skip-throughput] [--throughput-mb 24]

1. Builds the labelled corpus (``secrets_corpus.py``) and the throughput corpus if missing.
2. Creates ``benchmarks/work/venv`` with detect-secrets if missing (or pip-installs
   detect-secrets into it when another script already created it).
3. Accuracy: runs ``ztlint scan . --format json`` (every rule; only findings of secret rules,
   i.e. rule id ``secret-*`` or category ``secret``, are counted) and
   ``detect-secrets scan --all-files .`` on the corpus. A finding matches a label when it is in
   the same file and its line is inside the label's span (the span of a PEM block runs from its
   BEGIN line, the label line, to its END line; a Kubernetes env entry's span includes the
   ``- name:`` line). Several findings on one label count once. A finding on no label is a
   stray false positive (counted once per file:line). Reports TP/FP/FN, recall, precision and
   F1 per category and overall, the share of wrong-checksum tokens rejected, and how many
   placeholders were reported. ztlint's primary numbers count findings of severity error or
   warning (a claim of a live secret); its ``info`` findings (public-by-design keys such as
   Stripe ``pk_live_`` and Firebase web ``apiKey``) are shown separately, and a strict
   variant counts every finding.
4. Throughput: each tool scans the throughput corpus once to warm up and then ``--runs`` times;
   medians of wall time, CPU time, MB/s and files/s. Both tools use all cores (their defaults).

Writes ``benchmarks/work/secrets/results.json`` and ``report.md``, and prints the report.
Standard library only (``python3``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import benchutil as bu

from . import corpus as SC


WORK = SC.WORK
RESULTS = WORK / "results.json"
REPORT = WORK / "report.md"
DETECT_SECRETS_PIN = "detect-secrets==1.5.0"  # same pin as benchmarks/requirements.txt
LIVE = ("error", "warning")


def log(msg):
    print(f"[secrets-bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# tools
# ---------------------------------------------------------------------------------------------
def ensure_detect_secrets() -> Path:
    venv = bu.VENV_DIR
    py = venv / "bin" / "python"
    if not py.exists():
        log(f"creating {venv}")
        venv.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    exe = venv / "bin" / "detect-secrets"
    if not exe.exists():
        log(f"installing {DETECT_SECRETS_PIN} into {venv}")
        subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", DETECT_SECRETS_PIN],
                       check=True)
    return exe


def tool_version(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


class Ztlint:
    name = "ztlint"

    def __init__(self, exe: Path, config: Path):
        self.exe, self.config = exe, config

    def cmd(self, out: Path) -> list[str]:
        return [str(self.exe), "scan", ".", "--config", str(self.config), "--format", "json", "-o", str(out),
                "--no-progress", "--no-color"]

    def run(self, target: Path, outdir: Path, tag: str) -> tuple[dict, list[dict], dict]:
        out = outdir / f"ztlint-{tag}.json"
        m = bu.run_measured(self.cmd(out), target, None, outdir / f"ztlint-{tag}.stderr")
        if m["returncode"] not in (0, 1):
            raise SystemExit(f"ztlint failed ({m['returncode']}): see {outdir / f'ztlint-{tag}.stderr'}")
        data = json.loads(out.read_text())
        findings, self.other = [], []
        for f in data["findings"]:
            rec = {"file": f["path"].removeprefix("./"), "line": f["start"]["line"], "rule": f["rule"],
                   "severity": f["severity"]}
            if f["rule"].startswith("secret-") or f.get("category") == "secret":
                findings.append(rec)
            else:
                self.other.append(rec)  # not counted: rules outside the secret category
        return m, findings, data.get("summary", {})


class DetectSecrets:
    name = "detect-secrets"

    def __init__(self, exe: Path):
        self.exe = exe

    def cmd(self) -> list[str]:
        return [str(self.exe), "scan", "--all-files", "."]

    def run(self, target: Path, outdir: Path, tag: str) -> tuple[dict, list[dict], dict]:
        out = outdir / f"detect-secrets-{tag}.json"
        m = bu.run_measured(self.cmd(), target, out, outdir / f"detect-secrets-{tag}.stderr")
        if m["returncode"] != 0:
            raise SystemExit(f"detect-secrets failed ({m['returncode']})")
        data = json.loads(out.read_text())
        findings = []
        for fname, hits in data.get("results", {}).items():
            for h in hits:
                findings.append({"file": fname.removeprefix("./"), "line": h["line_number"], "rule": h["type"],
                                 "severity": "error"})
        return m, findings, {}

    def files_scanned(self, target: Path) -> tuple[int, int]:
        """The files detect-secrets reads (its own walk and filters), outside timed runs."""
        code = ("import json, os, sys\n"
                "from detect_secrets.core.scan import get_files_to_scan\n"
                "from detect_secrets.settings import default_settings\n"
                "with default_settings():\n"
                "    fs = list(get_files_to_scan('.', should_scan_all_files=True))\n"
                "print(json.dumps([len(fs), sum(os.path.getsize(f) for f in fs)]))\n")
        py = self.exe.parent / "python"
        r = subprocess.run([str(py), "-c", code], cwd=target, capture_output=True, text=True)
        try:
            n, b = json.loads(r.stdout)
            return n, b
        except ValueError:
            return 0, 0


# ---------------------------------------------------------------------------------------------
# matching and metrics
# ---------------------------------------------------------------------------------------------
def match(labels: list[dict], findings: list[dict], keep=lambda f: True) -> tuple[dict, dict]:
    """label id -> findings on it; stray (file, line) -> findings."""
    at: dict[tuple[str, int], int] = {}
    for lab in labels:
        for ln in range(lab["span"][0], lab["span"][1] + 1):
            at[(lab["file"], ln)] = lab["id"]
    hits: dict[int, list] = defaultdict(list)
    stray: dict[tuple[str, int], list] = defaultdict(list)
    for f in findings:
        if not keep(f):
            continue
        lid = at.get((f["file"], f["line"]))
        if lid is None:
            stray[(f["file"], f["line"])].append(f)
        else:
            hits[lid].append(f)
    return hits, stray


def prf(tp, fp, fn):
    r = tp / (tp + fn) if tp + fn else None
    p = tp / (tp + fp) if tp + fp else None
    f1 = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return {"tp": tp, "fp": fp, "fn": fn, "recall": r, "precision": p, "f1": f1}


def metrics(labels: list[dict], hits: dict, stray: dict) -> dict:
    by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp fp fn
    for lab in labels:
        rep = bool(hits.get(lab["id"]))
        c = by_cat[lab["category"]]
        if lab["kind"] == "positive":
            c[0 if rep else 2] += 1
        elif rep:
            c[1] += 1
    per_cat = {cat: prf(*v) for cat, v in sorted(by_cat.items())}
    tp = sum(v[0] for v in by_cat.values())
    fp_lab = sum(v[1] for v in by_cat.values())
    fn = sum(v[2] for v in by_cat.values())
    overall = prf(tp, fp_lab + len(stray), fn)
    overall["fp_on_negatives"] = fp_lab
    overall["fp_stray"] = len(stray)
    overall_labelled = prf(tp, fp_lab, fn)
    negs = [lab for lab in labels if lab["kind"] == "negative"]
    by_reason = defaultdict(lambda: [0, 0])
    for lab in negs:
        by_reason[lab["reason"]][1] += 1
        if hits.get(lab["id"]):
            by_reason[lab["reason"]][0] += 1
    wc = by_reason.get("wrong-checksum", [0, 0])
    ph = [lab for lab in negs if lab["reason"] in ("placeholder", "doc-sample")]
    return {
        "overall": overall, "overall_labelled_only": overall_labelled, "per_category": per_cat,
        "negatives_reported_by_reason": {k: {"reported": v[0], "total": v[1]} for k, v in sorted(by_reason.items())},
        "wrong_checksum_rejected": {"rejected": wc[1] - wc[0], "total": wc[1],
                                    "share": (wc[1] - wc[0]) / wc[1] if wc[1] else None},
        "placeholders_reported": {"reported": sum(1 for lab in ph if hits.get(lab["id"])), "total": len(ph)},
    }


def recall_by_format(labels, hits) -> dict:
    out = defaultdict(lambda: [0, 0])
    for lab in labels:
        if lab["kind"] != "positive":
            continue
        key = lab["format"] if lab["format"] not in ("yml", "txt", "json") else f"{lab['format']}/{lab['flavor']}"
        out[key][1] += 1
        if hits.get(lab["id"]):
            out[key][0] += 1
    return {k: {"tp": v[0], "positives": v[1]} for k, v in sorted(out.items())}


def outcome_classes(labels, hits, stray, keep_examples=1):
    """False negatives and false positives grouped by (category, subtype, format), with examples."""
    fn, fp = defaultdict(list), defaultdict(list)
    for lab in labels:
        rep = hits.get(lab["id"])
        sub = lab["subtype"].split(":")[0]
        key = (lab["category"], sub, lab["format"] + (f"/{lab['flavor']}" if lab["flavor"] else ""))
        if lab["kind"] == "positive" and not rep:
            fn[key].append(lab)
        elif lab["kind"] == "negative" and rep:
            fp[key].append((lab, sorted({f["rule"] for f in rep})))
    strays = defaultdict(list)
    for (file, line), fs in stray.items():
        for rule in sorted({f["rule"] for f in fs}):
            strays[rule].append(f"{file}:{line}")
    return fn, fp, strays


# ---------------------------------------------------------------------------------------------
# report
# ---------------------------------------------------------------------------------------------
def pct(x):
    return "n/a" if x is None else f"{x:.3f}"


def redact(v: str) -> str:
    v = v.replace("\n", "\\n")
    return v if len(v) <= 12 else v[:8] + "…"


def render_report(res: dict) -> str:
    L = []
    add = L.append
    meta = res["corpus"]
    add("## Corpus\n")
    add(f"{meta['files']} files ({meta['generated_files']} generated + {len(meta['clean_files'])} copied standard-library "
        f"modules with no secrets), {meta['bytes'] / 1e6:.2f} MB, seed {meta['seed']}: {meta['positives']} positives, "
        f"{meta['negatives']} negatives.\n")
    add("## Accuracy\n")
    tools = list(res["accuracy"].keys())
    rows = []
    for t in tools:
        o = res["accuracy"][t]["metrics"]["overall"]
        rows.append([t, o["tp"], o["fp"], f"{o['fp_on_negatives']} + {o['fp_stray']}", o["fn"], pct(o["recall"]),
                     pct(o["precision"]), pct(o["f1"])])
    add(bu.md_table(["tool", "TP", "FP", "FP (negatives + stray)", "FN", "recall", "precision", "F1"], rows))
    add("")
    add("`ztlint` counts findings of severity error/warning; `ztlint (strict)` counts every secret finding, "
        "including `info` notes on public-by-design keys.\n")
    cats = sorted({c for t in tools for c in res["accuracy"][t]["metrics"]["per_category"]})
    rows = []
    for c in cats:
        row = [c]
        for t in tools:
            m = res["accuracy"][t]["metrics"]["per_category"].get(c)
            row += [f"{m['tp']}/{m['tp'] + m['fn']}", m["fp"], pct(m["recall"]), pct(m["precision"])] if m else ["", "", "", ""]
        rows.append(row)
    hdr = ["category"]
    for t in tools:
        hdr += [f"{t} TP/pos", f"{t} FP", f"{t} R", f"{t} P"]
    add("### Per category\n")
    add("FP here counts labelled negatives of the category that were reported (stray findings are in the overall row only).\n")
    add(bu.md_table(hdr, rows))
    add("")
    add("### Recall by file type\n")
    fmts = sorted({k for t in tools for k in res["accuracy"][t]["metrics"]["recall_by_format"]})
    rows = []
    for k in fmts:
        row = [k]
        for t in tools:
            v = res["accuracy"][t]["metrics"]["recall_by_format"].get(k)
            row.append(f"{v['tp']}/{v['positives']} ({v['tp'] / v['positives']:.2f})" if v else "")
        rows.append(row)
    add(bu.md_table(["file type"] + tools, rows))
    add("")
    add("### Negatives reported, by reason\n")
    reasons = sorted({r for t in tools for r in res["accuracy"][t]["metrics"]["negatives_reported_by_reason"]})
    rows = []
    for r in reasons:
        row = [r]
        for t in tools:
            v = res["accuracy"][t]["metrics"]["negatives_reported_by_reason"].get(r, {"reported": 0, "total": 0})
            row.append(f"{v['reported']}/{v['total']}")
        rows.append(row)
    add(bu.md_table(["reason"] + tools, rows))
    add("")
    add("### Targets\n")
    z = res["accuracy"]["ztlint"]["metrics"]
    rows = [["recall ≥ 0.95", pct(z["overall"]["recall"]), "met" if (z["overall"]["recall"] or 0) >= 0.95 else "NOT met"],
            ["precision ≥ 0.95", pct(z["overall"]["precision"]), "met" if (z["overall"]["precision"] or 0) >= 0.95 else "NOT met"],
            ["100% wrong-checksum tokens rejected",
             f"{z['wrong_checksum_rejected']['rejected']}/{z['wrong_checksum_rejected']['total']}",
             "met" if z["wrong_checksum_rejected"]["rejected"] == z["wrong_checksum_rejected"]["total"] else "NOT met"],
            ["no placeholder reported", f"{z['placeholders_reported']['reported']}/{z['placeholders_reported']['total']} reported",
             "met" if z["placeholders_reported"]["reported"] == 0 else "NOT met"]]
    tp = res.get("throughput", {}).get("summary", {})
    if tp.get("ztlint") and tp.get("detect-secrets"):
        ratio = tp["ztlint"]["mb_per_s"] / tp["detect-secrets"]["mb_per_s"]
        cpu_ratio = tp["detect-secrets"]["cpu_s"] / tp["ztlint"]["cpu_s"]
        rows.append(["≥ 10× detect-secrets throughput (wall time, all rules)", f"{ratio:.2f}× (CPU time: {cpu_ratio:.2f}×)",
                     "met" if ratio >= 10 else "NOT met"])
        if tp.get("ztlint (secret rules only)"):
            r2 = tp["ztlint (secret rules only)"]["mb_per_s"] / tp["detect-secrets"]["mb_per_s"]
            c2 = tp["detect-secrets"]["cpu_s"] / tp["ztlint (secret rules only)"]["cpu_s"]
            rows.append(["(same, secret rules only)", f"{r2:.2f}× (CPU time: {c2:.2f}×)", "met" if r2 >= 10 else "NOT met"])
    add(bu.md_table(["target (ztlint)", "measured", "verdict"], rows))
    add("")
    for t in tools:
        wc, ph = res["accuracy"][t]["metrics"]["wrong_checksum_rejected"], res["accuracy"][t]["metrics"]["placeholders_reported"]
        add(f"- {t}: wrong-checksum tokens rejected {wc['rejected']}/{wc['total']}; placeholders/doc samples reported "
            f"{ph['reported']}/{ph['total']}.")
    add("")
    if "throughput" in res:
        th = res["throughput"]
        add("## Throughput\n")
        add(f"Corpus: {th['corpus']['files']} files, {th['corpus']['bytes'] / 1e6:.1f} MB (standard library and "
            f"site-packages text files). Median of {th['runs']} runs after one warm-up.\n")
        rows = []
        for t, s in th["summary"].items():
            rows.append([t, f"{s['wall_s']:.2f}", f"{s['cpu_s']:.2f}", s["files"], f"{s['bytes'] / 1e6:.1f}",
                         f"{s['mb_per_s']:.2f}", f"{s['files_per_s']:.1f}", s["findings"]])
        add(bu.md_table(["tool", "wall s", "CPU s", "files", "MB", "MB/s", "files/s", "secret findings"], rows))
        add("")
        for t, s in th["summary"].items():
            add(f"- {t}: wall times {', '.join(f'{w:.1f}' for w in s['walls'])} s; MB per CPU-second {s['mb_per_cpu_s']:.2f}")
        for a in th.get("anomalies", []):
            add(f"- repeated: {a['tool']} run {a['run']} read only {a['files']} files ({a['wall_s']:.1f} s)")
        add("")
    if res.get("ztlint_non_secret_rules_on_labels"):
        add("## ztlint rules outside the secret category on labelled lines (not counted above)\n")
        for rule, v in sorted(res["ztlint_non_secret_rules_on_labels"].items()):
            add(f"- {rule}: {v['positive']} positives ({v['positive_missed_by_secret_rules']} of them missed by the "
                f"secret rules), {v['negative']} negatives")
        add("")
    add("## ztlint false negatives (by category, subtype, format)\n")
    for (cat, sub, fmt), labs in sorted(res["ztlint_classes"]["fn"].items(), key=lambda kv: (-len(kv[1]), kv[0])):
        ex = labs[0]
        add(f"- {cat} / {sub} / {fmt}: {len(labs)} — e.g. `{ex['file']}:{ex['line']}` (`{redact(ex['value'])}`)")
    add("\n## ztlint false positives on labelled negatives\n")
    for key, labs in sorted(res["ztlint_classes"]["fp"].items(), key=lambda kv: (-len(kv[1]), kv[0])):
        cat, sub, fmt = key
        ex, rules = labs[0]
        add(f"- {cat} / {sub} ({ex['reason']}) / {fmt}: {len(labs)} — e.g. `{ex['file']}:{ex['line']}` "
            f"(`{redact(ex['value'])}`) by {', '.join(rules)}")
    add("\n## ztlint stray findings (on no label)\n")
    for rule, locs in sorted(res["ztlint_classes"]["stray"].items(), key=lambda kv: -len(kv[1])):
        add(f"- {rule}: {len(locs)} — e.g. `{locs[0]}`")
    return "\n".join(L) + "\n"


# ---------------------------------------------------------------------------------------------
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=SC.DEFAULT_SEED)
    ap.add_argument("--regen", action="store_true", help="rebuild the labelled corpus even if present")
    ap.add_argument("--ztlint", type=Path, default=bu.DEFAULT_ZTLINT)
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--throughput-mb", type=float, default=24.0)
    args = ap.parse_args(argv)

    bu.git_boundary(WORK)
    if args.regen or not SC.LABELS.exists() or json.loads(SC.LABELS.read_text()).get("seed") != args.seed:
        log("generating the labelled corpus")
        SC.generate(args.seed)
    meta = json.loads(SC.LABELS.read_text())
    labels = meta["labels"]
    ds_exe = ensure_detect_secrets()
    if not args.ztlint.exists():
        raise SystemExit(f"no ztlint at {args.ztlint}")
    cfg = WORK / "ztlint-empty.toml"
    cfg.write_text("# Empty on purpose: ztlint defaults (every bundled rule, every file).\n")
    cfg_secrets = WORK / "ztlint-secrets-only.toml"
    cfg_secrets.write_text('[rules]\nenable = ["secret-*"]\n')
    outdir = WORK / "out"
    outdir.mkdir(parents=True, exist_ok=True)
    info = bu.machine_info()
    res = {"machine": info, "ztlint": bu.ztlint_state(args.ztlint),
           "detect_secrets_version": tool_version([str(ds_exe), "--version"]),
           "corpus": {k: v for k, v in meta.items() if k != "labels"}, "accuracy": {}}

    zt, ds = Ztlint(args.ztlint, cfg), DetectSecrets(ds_exe)
    log("ztlint on the labelled corpus")
    zm, zf, zsum = zt.run(SC.CORPUS, outdir, "corpus")
    log(f"  {len(zf)} secret findings in {zm['wall_s']:.1f}s")
    log("detect-secrets on the labelled corpus")
    dm, df, _ = ds.run(SC.CORPUS, outdir, "corpus")
    log(f"  {len(df)} findings in {dm['wall_s']:.1f}s")

    variants = {
        "ztlint": (zf, lambda f: f["severity"] in LIVE, zm),
        "ztlint (strict)": (zf, lambda f: True, zm),
        "detect-secrets": (df, lambda f: True, dm),
    }
    per_label = {lab["id"]: {} for lab in labels}
    for name, (fs, keep, m) in variants.items():
        hits, stray = match(labels, fs, keep)
        met = metrics(labels, hits, stray)
        met["recall_by_format"] = recall_by_format(labels, hits)
        res["accuracy"][name] = {"metrics": met, "timing": m, "findings": sum(1 for f in fs if keep(f)),
                                 "stray": [{"file": k[0], "line": k[1], "rules": sorted({f["rule"] for f in v})}
                                           for k, v in sorted(stray.items())]}
        for lid, fs_ in hits.items():
            per_label[lid][name] = sorted({f["rule"] for f in fs_})
        if name == "ztlint":
            fn, fp, strays = outcome_classes(labels, hits, stray)
            res["ztlint_classes"] = {"fn": fn, "fp": fp, "stray": strays}
    # findings of ztlint rules outside the secret category that land on labels (not counted)
    ohits, _ = match(labels, zt.other)
    lab_by_id = {lab["id"]: lab for lab in labels}
    other = defaultdict(lambda: {"positive": 0, "negative": 0, "positive_missed_by_secret_rules": 0})
    zhits_live, _ = match(labels, zf, lambda f: f["severity"] in LIVE)
    for lid, fs_ in ohits.items():
        for rule in {f["rule"] for f in fs_}:
            other[rule][lab_by_id[lid]["kind"]] += 1
            if lab_by_id[lid]["kind"] == "positive" and not zhits_live.get(lid):
                other[rule]["positive_missed_by_secret_rules"] += 1
    res["ztlint_non_secret_rules_on_labels"] = dict(other)
    # ztlint's info-level notes on labelled negatives (public-by-design keys)
    info_hits, _ = match(labels, zf, lambda f: f["severity"] not in LIVE)
    res["ztlint_info_notes"] = Counter(
        next(lab for lab in labels if lab["id"] == lid)["subtype"] for lid in info_hits)
    res["labels"] = [{"id": lab["id"], "file": lab["file"], "line": lab["line"], "category": lab["category"],
                      "kind": lab["kind"], "subtype": lab["subtype"], "reason": lab["reason"],
                      "reported": per_label[lab["id"]]} for lab in labels]

    if not args.skip_throughput:
        if not SC.THROUGHPUT.exists() or not (WORK / "throughput.json").exists():
            log(f"building the throughput corpus ({args.throughput_mb} MB)")
            SC.build_throughput(args.throughput_mb)
        tinfo = json.loads((WORK / "throughput.json").read_text())
        th = {"corpus": tinfo, "runs": args.runs, "raw": defaultdict(list), "summary": {}}
        ds_files, ds_bytes = ds.files_scanned(SC.THROUGHPUT)
        tools = [("ztlint", zt), ("ztlint (secret rules only)", Ztlint(args.ztlint, cfg_secrets)), ("detect-secrets", ds)]
        th["anomalies"] = []
        for i in range(args.runs + 1):
            for name, tool in tools:
                for attempt in range(3):
                    log(f"throughput {name} run {i}{' (warm-up)' if i == 0 else ''}{f' retry {attempt}' if attempt else ''}")
                    tag = f"throughput-{name.split()[0]}{'-secrets' if 'only' in name else ''}-{i}"
                    m, fs, summ = tool.run(SC.THROUGHPUT, outdir, tag)
                    m["findings"] = len(fs)
                    if isinstance(tool, Ztlint):
                        m["files"], m["bytes"] = summ.get("files", 0), summ.get("bytes", 0)
                    else:
                        m["files"], m["bytes"] = ds_files, ds_bytes
                    log(f"  {m['wall_s']:.1f}s wall, {m['cpu_s']:.1f}s CPU, {m['files']} files")
                    # the working tree is shared with other workers: a run that did not read the whole
                    # corpus (e.g. while the engine was being edited) is recorded and repeated
                    if m["files"] == tinfo["files"]:
                        break
                    th["anomalies"].append({"tool": name, "run": i, "files": m["files"], "wall_s": m["wall_s"]})
                if i:
                    th["raw"][name].append(m)
        for name, runs in th["raw"].items():
            wall = statistics.median(r["wall_s"] for r in runs)
            cpu = statistics.median(r["cpu_s"] for r in runs)
            files, nbytes = runs[0]["files"], runs[0]["bytes"]
            th["summary"][name] = {"wall_s": wall, "cpu_s": cpu, "files": files, "bytes": nbytes,
                                   "mb_per_s": nbytes / 1e6 / wall, "files_per_s": files / wall,
                                   "mb_per_cpu_s": nbytes / 1e6 / cpu, "findings": runs[0]["findings"],
                                   "walls": [r["wall_s"] for r in runs]}
        res["throughput"] = th
    info["loadavg_end"] = list(os.getloadavg())

    def keyed(d):
        return {" | ".join(k) if isinstance(k, tuple) else k: v for k, v in d.items()}
    out = dict(res)
    out["ztlint_classes"] = {
        "fn": {" | ".join(k): [f"{x['file']}:{x['line']}" for x in v] for k, v in res["ztlint_classes"]["fn"].items()},
        "fp": {" | ".join(k): [{"at": f"{x['file']}:{x['line']}", "rules": r} for x, r in v]
               for k, v in res["ztlint_classes"]["fp"].items()},
        "stray": res["ztlint_classes"]["stray"]}
    report = render_report(res)
    out["report_markdown"] = report
    RESULTS.write_text(json.dumps(out, indent=1, default=list) + "\n")
    REPORT.write_text(report)
    print(report)
    print(bu.machine_note(info))
    print(bu.ztlint_note(res["ztlint"]))
    log(f"wrote {RESULTS} and {REPORT}")


if __name__ == "__main__":
    main()
