"""Parse-only time: what tree-sitter alone costs on the files `ztlint scan` analyses.

    .venv/bin/python benchmarks/parse_only.py CORPUS [--config FILE]

The same discovery, reading and language detection as a scan, then one parse per file on one
core; prints JSON {files, parsed, bytes, cpu_s} (CPU time of this process: the machine may be
shared). benchmarks/scan.py runs it next to the scans.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from ztlint.engine import analyze, languages, source
from ztlint.engine.config import load_config
from ztlint.scan.discover import discover


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--config", type=Path)
    args = ap.parse_args()
    config = load_config(args.corpus, explicit=args.config)
    datas = []
    for p in discover([args.corpus], config, []):
        src = source.read_source(p, config.max_file_size)
        if src.data is not None:
            datas.append((str(p), src.data, languages.detect(str(p), src.data[:256])))
    for lang in {lang for _, _, lang in datas if lang}:
        languages.parser(lang)  # grammar loading is not parsing
    start, parsed, size = time.process_time(), 0, 0
    for path, data, lang in datas:
        if lang:
            try:
                analyze.parse(data, lang)
            except Exception:  # noqa: BLE001 - too deep for the grammar: not parsed by a scan either
                continue
            parsed += 1
            size += len(data)
    print(json.dumps({"files": len(datas), "parsed": parsed, "bytes": size,
                      "cpu_s": round(time.process_time() - start, 3)}))


if __name__ == "__main__":
    main()
