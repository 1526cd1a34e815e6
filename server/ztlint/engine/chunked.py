"""Text (secret) rules over a file too large to analyse whole (a 30 MB ``.env``, a dump).

The file is cut into pieces at line ends and each piece analysed with text rules only (no
tree: grammars and tree rules are what max-file-size protects); findings are moved to their
place in the whole file. A match that spans a cut (a PEM block across it) can be missed.
"""

from __future__ import annotations

from typing import Iterable

from .analyze import analyze
from .config import Config
from .findings import Finding
from .positions import LineIndex
from .rules import RuleSet

# Beyond this, not even text rules: the file is skipped (and said so).
TEXT_ONLY_LIMIT = 64 * 1024 * 1024


def analyze_chunks(chunks: Iterable[bytes], path: str, ruleset: RuleSet,
                   config: Config, baseline: frozenset[str] = frozenset()) -> list[Finding]:
    """Findings of the text rules over the concatenation of ``chunks`` (``baseline``: accepted
    fingerprints, see analyze.finalize)."""
    found: list[Finding] = []
    carry, offset, row = b"", 0, 0
    for data in (*chunks, None):
        buf = carry + data if data is not None else carry
        if data is not None:
            cut = _cut(buf)
            if cut == 0:
                carry = buf
                continue
            buf, carry = buf[:cut], buf[cut:]
        if not buf:
            break
        for f in analyze(buf, path, ruleset, config, parse_tree=False, baseline=baseline).findings:
            found.append(f.shifted(offset, rows=row))  # pieces end at line ends: columns stay
        offset += len(buf)
        row += len(LineIndex(buf).starts) - 1
    return found


def _cut(buf: bytes) -> int:
    """Where to end a piece: after its last line end (a line longer than a piece is cut)."""
    nl = buf.rfind(b"\n")
    if nl >= 0:
        return nl + 1
    return len(buf)
