"""Labelled corpus for the secrets benchmark (seeded, deterministic).

    python3 benchmarks/secrets_corpus.py [--seed 20240611] [--throughput] [--throughput-mb 24]

Writes ``benchmarks/work/secrets/corpus/`` (about 370 files of 20 types: Python, JS/TS, Go, Java,
C#, Ruby, PHP, shell, YAML (GitHub workflows, Kubernetes, Compose, app config), JSON, Terraform,
Dockerfiles, .env, .properties, .ini, Markdown, text, plus .npmrc/.pypirc/.netrc/credentials/
key files) and ``benchmarks/work/secrets/labels.json`` listing every planted value: file, line
(and span), category, positive/negative, subtype and, for negatives, the reason.

Positives are values in their providers' real formats (checksummed where the provider
checksums: GitHub, npm, PyPI macaroons, Entra ID client secrets; real RSA/EC/Ed25519 keys),
put where people really put them. Negatives are what a secret scanner should stay quiet about:
wrong-checksum tokens, placeholders, documentation samples, environment lookups, public-by-design
keys, public keys and certificates, UUIDs, git SHAs, hashes, base64 data, lorem ipsum, and
password-named things that are not passwords.

``--throughput`` also builds ``benchmarks/work/secrets/throughput/`` (text files copied from the
Python standard library and the benchmark venv's site-packages, >= --throughput-mb MB) for the
speed comparison. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sysconfig
from pathlib import Path

import benchutil as bu

from . import tokens as T
from .place import _section_counter, build_json_file, build_text_file
from .plan import assign_items, plan_files
from .render import Ln
from .special import special_files
from .specs import Item, Keys, build_specs


BENCH_DIR = bu.BENCH_DIR
WORK = BENCH_DIR / "work" / "secrets"
CORPUS = WORK / "corpus"
THROUGHPUT = WORK / "throughput"
LABELS = WORK / "labels.json"
DEFAULT_SEED = 20240611


CLEAN_STDLIB = ["argparse.py", "typing.py", "inspect.py", "subprocess.py", "tarfile.py", "smtplib.py", "imaplib.py"]


def copy_clean_files(dest: Path) -> list[str]:
    """A few large real-world files with no secrets (Python standard library modules)."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    out = []
    for name in CLEAN_STDLIB:
        src = stdlib / name
        if src.is_file():
            rel = f"libcopy/stdlib_{name}"
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest / rel)
            out.append(rel)
    return out


# ---------------------------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------------------------
def generate(seed: int) -> dict:
    rng = random.Random(f"{seed}:plan")
    keys = Keys(seed)
    _section_counter[0] = 0
    files = plan_files(rng)
    specs = build_specs(keys)
    vrng = random.Random(f"{seed}:values")
    items = assign_items(specs, files, vrng)
    # AWS pairs: the key id item gets a twin (the secret) in the same block
    extra_items = []
    nid = max(i.id for i in items) + 1
    for it in items:
        if it.shape == "aws_pair":
            it.subtype, it.value, it.words = "aws-access-key-id", T.aws_key_id(vrng, "AKIA" if vrng.random() < 0.85 else "ASIA"), ["aws", "access", "key", "id"]
            twin = Item(nid, "aws", "positive", "aws-secret-access-key", "aws_pair_twin", None, value=T.aws_secret(vrng),
                        words=["aws", "secret", "access", "key"], file=it.file, fmt=it.fmt, flavor=it.flavor)
            nid += 1
            it.extra["twin"] = twin
            extra_items.append(twin)
            if it.value.startswith("ASIA"):  # temporary credentials come with their session token
                st = Item(nid, "aws", "positive", "aws-session-token", "aws_pair_twin", None, value=T.aws_session_token(vrng),
                          words=["aws", "session", "token"], file=it.file, fmt=it.fmt, flavor=it.flavor)
                nid += 1
                it.extra["session"] = st
                extra_items.append(st)
    items += extra_items
    srng = random.Random(f"{seed}:special")
    specials, sitems = special_files(srng, keys, nid)
    items += sitems

    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    CORPUS.mkdir(parents=True)
    by_id = {it.id: it for it in items}
    brng = random.Random(f"{seed}:build")
    written = []
    for f in files:
        if f.fmt == "json":
            lines = build_json_file(f, brng)
        else:
            lines = build_text_file(f, brng, keys)
        written.append((f.path, lines))
    written += specials
    total = 0
    used_paths: set[str] = set()
    for path, lines in written:
        base, k = path, 2
        while path in used_paths:
            first, _, rest = base.partition("/")  # keep the file name (.npmrc, credentials ...)
            path = f"{first}-{k}/{rest}"
            k += 1
        used_paths.add(path)
        spans: dict[int, list[int]] = {}
        text_lines = []
        for n, ln in enumerate(lines, start=1):
            if isinstance(ln, Ln):
                text_lines.append(ln.text)
                spans.setdefault(ln.item, []).append(n)
                if ln.primary:
                    it = by_id[ln.item]
                    assert it.line == 0, (path, it)
                    it.line = n
            else:
                text_lines.append(ln)
        for iid, ns in spans.items():
            it = by_id[iid]
            it.span = (min(ns), max(ns))
            it.file = path
        p = CORPUS / path
        p.parent.mkdir(parents=True, exist_ok=True)
        data = "\n".join(text_lines) + "\n"
        p.write_text(data, encoding="utf-8")
        total += len(data.encode())
    clean = copy_clean_files(CORPUS)
    missing = [it for it in items if it.line == 0]
    assert not missing, f"{len(missing)} items never rendered, e.g. {missing[0]}"
    # no two labels may share a line
    seen: dict[tuple[str, int], int] = {}
    for it in items:
        for ln in range(it.span[0], it.span[1] + 1):
            key = (it.file, ln)
            assert key not in seen, f"labels {seen[key]} and {it.id} overlap at {key}"
            seen[key] = it.id
    labels = []
    for it in sorted(items, key=lambda x: (x.file, x.line)):
        labels.append({
            "id": it.id, "file": it.file, "line": it.line, "span": list(it.span), "category": it.category,
            "kind": it.kind, "subtype": it.subtype, "reason": it.reason, "format": it.fmt, "flavor": it.flavor,
            "value": it.value,
        })
    n_files = len(written) + len(clean)
    clean_bytes = sum((CORPUS / c).stat().st_size for c in clean)
    meta = {
        "seed": seed, "generator": "benchmarks/secrets_corpus.py", "corpus": str(CORPUS),
        "files": n_files, "bytes": total + clean_bytes, "generated_files": len(written),
        "clean_files": clean, "clean_bytes": clean_bytes,
        "positives": sum(1 for x in labels if x["kind"] == "positive"),
        "negatives": sum(1 for x in labels if x["kind"] == "negative"),
        "labels": labels,
    }
    LABELS.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return meta


# ---------------------------------------------------------------------------------------------
# throughput corpus
# ---------------------------------------------------------------------------------------------
TEXT_EXTS = {".py", ".txt", ".json", ".cfg", ".toml", ".md", ".rst", ".ini", ".yaml", ".yml", ".sh", ".js",
             ".html", ".css", ".xml", ".pyi"}
SKIP_NAMES = {"site-packages", "vendor", "venv", ".venv", "node_modules", "third_party", "__pycache__", ".git",
              ".tox", "bower_components"}


def build_throughput(target_mb: float) -> dict:
    """Copy text files (< 1 MB each) from the standard library and the benchmark venv's
    site-packages, sorted by path, until ``target_mb``; rename folders that a scanner skips by
    name (site-packages, vendor ...) so both tools read the same files."""
    if THROUGHPUT.exists():
        shutil.rmtree(THROUGHPUT)
    THROUGHPUT.mkdir(parents=True)
    roots = [("stdlib", Path(sysconfig.get_paths()["stdlib"]))]
    venv_sp = sorted((BENCH_DIR / "work" / "venv" / "lib").glob("python3*/site-packages"))
    if venv_sp:
        roots.append(("pkgs", venv_sp[0]))
    total = n = 0
    for k, (label, root) in enumerate(roots):
        # 60% standard library, the rest third-party packages (or all stdlib without the venv)
        budget = int(target_mb * 1_000_000 * (0.6 if k == 0 and len(roots) > 1 else 1.0))
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d not in ("__pycache__", ".git"))
            rel_dir = Path(dirpath).relative_to(root)
            safe = Path(*[("x_" + p if p in SKIP_NAMES or p.startswith(".") else p) for p in rel_dir.parts]) if rel_dir.parts else Path()
            for fn in sorted(filenames):
                src = Path(dirpath) / fn
                if src.suffix not in TEXT_EXTS or src.is_symlink() or fn.startswith("."):
                    continue
                size = src.stat().st_size
                if size == 0 or size >= 1_000_000:
                    continue
                try:
                    src.read_bytes().decode("utf-8")
                except UnicodeDecodeError:
                    continue
                dst = THROUGHPUT / label / safe / fn
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dst)
                total += size
                n += 1
                if total >= budget:
                    break
            if total >= budget:
                break
    info = {"dir": str(THROUGHPUT), "files": n, "bytes": total, "roots": [str(r) for _, r in roots]}
    (WORK / "throughput.json").write_text(json.dumps(info, indent=1) + "\n")
    return info


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--throughput", action="store_true", help="also build the throughput corpus")
    ap.add_argument("--throughput-mb", type=float, default=24.0)
    args = ap.parse_args(argv)
    bu.git_boundary(WORK)
    meta = generate(args.seed)
    cats: dict[str, list[int]] = {}
    for lab in meta["labels"]:
        c = cats.setdefault(lab["category"], [0, 0])
        c[0 if lab["kind"] == "positive" else 1] += 1
    print(f"corpus: {meta['files']} files, {meta['bytes'] / 1e6:.2f} MB in {CORPUS}")
    print(f"labels: {meta['positives']} positives, {meta['negatives']} negatives -> {LABELS}")
    for c, (p, n) in sorted(cats.items()):
        print(f"  {c:18s} {p:5d} positive {n:5d} negative")
    if args.throughput:
        info = build_throughput(args.throughput_mb)
        print(f"throughput corpus: {info['files']} files, {info['bytes'] / 1e6:.1f} MB in {THROUGHPUT}")


if __name__ == "__main__":
    main()
