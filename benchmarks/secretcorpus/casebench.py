"""The hand-written case corpus (:mod:`secretcorpus.cases`): build it, run ztlint, score it.

    python3 benchmarks/secrets_cases.py [--seed 13] [--ztlint PATH] [--show]

Writes ``benchmarks/work/secrets-cases/`` (its own empty git repository, like the generated
corpus) and prints recall and precision of ztlint's error/warning secret findings, per category
and overall, with every miss and every false positive (``--show`` adds the redacted values).
Scoring is the generated benchmark's (:func:`secretcorpus.bench.match` and ``metrics``): a
finding on a labelled line matches that label, a finding on no label is a stray false positive.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import json
import random
import re
import string
from pathlib import Path

import benchutil as bu

from . import tokens as T
from .bench import LIVE, Ztlint, match, metrics, pct
from .cases import CASES, VALUES


WORK = bu.BENCH_DIR / "work" / "secrets-cases"
CORPUS = WORK / "corpus"
MARK = re.compile(r"[ \t]*⟦([+-])([\w-]+)(?::(\d))?⟧[ \t]*$")
SLOT = re.compile(r"«(\w+)»")
B32 = "abcdefghijklmnopqrstuvwxyz234567"
NIX32 = "0123456789abcdfghijklmnpqrsvwxyz"


def ado_pat(rng: random.Random) -> str:
    """A legacy 52-character Azure DevOps PAT: base32 of 32 bytes whose CRC32 (xor a per-kind
    constant) sits in bytes 2, 7, 8 and 22 (see ``keyformats._azure_devops_pat``)."""
    raw = bytearray(rng.randbytes(32))
    body = bytes(raw[0:2] + raw[3:7] + raw[9:22] + raw[23:32])
    crc = (binascii.crc32(body) ^ 0xE0B9692D).to_bytes(4, "little")
    raw[22], raw[8], raw[7], raw[2] = crc
    return base64.b32encode(bytes(raw)).decode().rstrip("=").lower()


def ado_pat_84(rng: random.Random) -> str:
    """The newer 84-character Azure DevOps PAT (a Microsoft common annotated key, ``AZDO``)."""
    return (T.rchars(rng, T.ALNUM, 52) + "JQQJ99" + "A" + rng.choice("ABCDEFGHIJKL") + T.rchars(rng, T.ALNUM, 3)
            + "AZDO" + T.rchars(rng, T.ALNUM, 9) + rng.choice(string.ascii_letters) + T.rchars(rng, T.ALNUM, 7))


def flip(rng: random.Random, value: str, alphabet: str, keep: int = 8) -> str:
    i = rng.randrange(keep, len(value) - 1)
    return value[:i] + rng.choice([c for c in alphabet if c != value[i]]) + value[i + 1:]


def value(kind: str, rng: random.Random) -> str:
    num = T._numid
    gen = {
        "pw": lambda: T.password(rng, min_len=10),
        "urlpw": lambda: T.password(rng, url_safe=True, min_len=10),
        "alnum30": lambda: T.rchars(rng, T.ALNUM, 30),
        "alnum32": lambda: T.rchars(rng, T.ALNUM, 32),
        "alnum40": lambda: T.rchars(rng, T.ALNUM, 40),
        "hex8": lambda: T.rchars(rng, "0123456789ABCDEF", 8),
        "hex32": lambda: T.hex_key(rng, 32),
        "hex40": lambda: T.hex_key(rng, 40),
        "b64_32": lambda: T.b64(rng.randbytes(32)),
        "b64_64": lambda: T.b64(rng.randbytes(64)),
        "sha256": lambda: T.sha256_hex(rng),
        "uuid": lambda: T.uuid4(rng),
        "aad": lambda: T.azure_ad_client_secret(rng),
        "aadbad": lambda: flip(rng, T.azure_ad_client_secret(rng), T._AAD_ALPHABET),
        "ado52": lambda: ado_pat(rng),
        "ado52bad": lambda: flip(rng, ado_pat(rng), B32, keep=0),
        "ado84": lambda: ado_pat_84(rng),
        "nix52": lambda: T.rchars(rng, NIX32, 52),
        "ghlike": lambda: T.github_classic(rng),
        "slackbot2": lambda: f"xoxb-{num(rng, 11, 12)}-{T.rchars(rng, T.ALNUM, 24)}",
        "slackbot9": lambda: f"xoxb-{num(rng, 9, 9)}-{num(rng, 11, 11)}-{T.rchars(rng, T.ALNUM, 24)}",
        "slackbot13": lambda: f"xoxb-{num(rng, 13, 13)}-{num(rng, 13, 13)}-{T.rchars(rng, T.ALNUM, 24)}",
        "slackrot": lambda: "xoxe.xoxb-1-" + T.rchars(rng, T.ALNUM + "-", 140),
    }
    assert set(gen) == set(VALUES), set(gen) ^ set(VALUES)
    return gen[kind]()


def build(seed: int) -> list[dict]:
    """Write the corpus; return its labels (the generated benchmark's label shape)."""
    rng = random.Random(seed)
    bu.git_boundary(WORK)
    labels = []
    for path, text in CASES:
        out = []
        for n, line in enumerate(text.splitlines(), 1):
            m = MARK.search(line)
            line = MARK.sub("", line)
            vals = []
            line = SLOT.sub(lambda s: vals.append(value(s.group(1), rng)) or vals[-1], line)
            out.append(line)
            if m:
                kind = "positive" if m.group(1) == "+" else "negative"
                labels.append({"id": len(labels), "file": path, "line": n, "span": [n, n + int(m.group(3) or 1) - 1], "kind": kind,
                               "category": m.group(2) if kind == "positive" else "negative",
                               "reason": "" if kind == "positive" else m.group(2),
                               "subtype": m.group(2), "format": Path(path).suffix or Path(path).name,
                               "flavor": "", "value": vals[0] if vals else line.strip()})
        target = CORPUS / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(out) + "\n")
    return labels


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--ztlint", type=Path, default=bu.DEFAULT_ZTLINT)
    ap.add_argument("--show", action="store_true", help="print redacted values of misses and false positives")
    args = ap.parse_args(argv)
    if CORPUS.exists():
        import shutil
        shutil.rmtree(CORPUS)
    labels = build(args.seed)
    cfg = WORK / "ztlint-empty.toml"
    cfg.write_text("# Empty on purpose: ztlint defaults (every bundled rule, every file).\n")
    zt = Ztlint(args.ztlint, cfg)
    outdir = WORK / "out"
    outdir.mkdir(parents=True, exist_ok=True)
    _, findings, _ = zt.run(CORPUS, outdir, "cases")
    hits, stray = match(labels, findings, lambda f: f["severity"] in LIVE)
    met = metrics(labels, hits, stray)
    o = met["overall"]
    npos = sum(lab["kind"] == "positive" for lab in labels)
    print(f"{len(CASES)} files, {npos} positives, {len(labels) - npos} negatives (seed {args.seed})")
    print(f"recall {pct(o['recall'])} ({o['tp']}/{o['tp'] + o['fn']}), precision {pct(o['precision'])} "
          f"(FP: {o['fp_on_negatives']} on negatives + {o['fp_stray']} stray)")
    for cat, m in met["per_category"].items():
        if cat != "negative":
            print(f"  {cat:15} {m['tp']}/{m['tp'] + m['fn']}")
    for lab in labels:
        rep = hits.get(lab["id"])
        if (lab["kind"] == "positive") != bool(rep):
            what = "miss" if lab["kind"] == "positive" else "FP  "
            rules = ",".join(sorted({f["rule"] for f in rep or []}))
            extra = f" `{lab['value'][:6]}…`" if args.show else ""
            print(f"  {what} {lab['file']}:{lab['line']} [{lab['subtype']}] {rules}{extra}")
    for (file, line), fs in sorted(stray.items()):
        print(f"  stray {file}:{line} {','.join(sorted({f['rule'] for f in fs}))}")
    (WORK / "results.json").write_text(json.dumps({"seed": args.seed, "metrics": met, "labels": len(labels)},
                                                  indent=1))
