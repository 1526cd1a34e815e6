"""`ztlint sarif merge`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..report.sarif_merge import MergeError, load, merge
from .exitcodes import EXIT_ERROR, EXIT_OK


def run(args) -> int:
    try:
        merged = merge([load(Path(p)) for p in args.files])
    except MergeError as exc:
        print(f"ztlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    text = json.dumps(merged, indent=2, ensure_ascii=False) + "\n"
    if args.output in (None, "-"):
        sys.stdout.write(text)
        return EXIT_OK
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"ztlint: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK
