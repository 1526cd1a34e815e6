"""What every report format needs: 1-based character columns, printable paths
and a summary of what was not analysed."""

from __future__ import annotations

from urllib.parse import quote

from ..engine.findings import Finding
from ..scan.discover import Skipped



def char_columns(f: Finding) -> tuple[int, int]:
    """1-based start and end character columns (people and SARIF count characters), as the
    engine computed them from the text it analysed."""
    return f.columns.char[0] + 1, f.columns.char[1] + 1


def cell_label(f: Finding) -> str:
    """Where in a notebook a finding is, for people: ``cell 3, line 2`` (cells counted from
    1, as people count them); empty for other files."""
    c = f.cell
    if c is None:
        return ""
    output = f", output {c.output + 1}" if c.output is not None else ""
    return f"cell {c.index + 1}{output}, line {c.start[0] + 1}"


def cell_json(f: Finding) -> dict | None:
    """The notebook place of a finding for JSON and SARIF: ``index`` and ``output`` 0-based
    (positions in the notebook's lists), lines and columns 1-based in that cell or output."""
    c = f.cell
    if c is None:
        return None
    return {"index": c.index, "output": c.output,
            "start": {"line": c.start[0] + 1, "column": c.start[1] + 1},
            "end": {"line": c.end[0] + 1, "column": c.end[1] + 1}}


def shown_path(path: str) -> str:
    """A path for people and JSON: bytes of a name that is not UTF-8 (held as surrogates by
    Python) become ``\\xe9`` escapes."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def uri_path(path: str) -> str:
    """A path as a URI reference, its bytes percent-encoded (``%E9``): relative for a relative
    path, ``file://`` for an absolute one."""
    posix = path.replace("\\", "/")
    encoded = quote(posix.encode("utf-8", "surrogateescape"), safe="/")
    return "file://" + encoded if posix.startswith("/") else encoded


def reason_class(reason: str) -> str:
    """A skip reason without its details: ``larger than max-file-size (…)`` -> the part
    before the parenthesis or colon, to count skips by reason."""
    return reason.split(" (", 1)[0].split(":", 1)[0]


def skip_counts(skipped: list[Skipped]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for s in skipped:
        key = reason_class(s.reason)
        counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
