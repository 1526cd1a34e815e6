"""`ztlint secrets example KIND`: print a fake token that ztlint reports (see engine/examples)."""

from __future__ import annotations

from ..engine.examples import example_token
from .exitcodes import EXIT_OK


def run(args) -> int:
    print(example_token(args.kind))
    return EXIT_OK
