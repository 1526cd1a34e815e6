"""Test documents for the language-server benchmark, built from real code in the Django sdist.

* ``py2k.py`` / ``py10k.py``: whole Django modules (ORM, core, http, utils, forms, templates,
  auth, views), concatenated in path order, each file taken whole or not at all, until the
  exact line count is reached. Each module is preceded by a one-line ``# ---- path`` marker.
* ``js5k.js``: every non-vendored JavaScript file of Django (admin, GIS, JS tests), whole,
  then whole statements from the head of the bundled jQuery 3.7.1, taken in order while they
  fit, closed again (``} )(); return jQuery; } );``) so the file stays valid; blank lines pad
  the last few lines (if any) up to 5,000.

Also: where to type (:func:`typing_position`). Standard library only, any Python 3.10+.
"""

from __future__ import annotations

from pathlib import Path

PY_ROOTS = ("django/db/models", "django/core", "django/http", "django/utils", "django/forms",
            "django/template", "django/contrib/auth", "django/views")
JS_ROOTS = ("django/contrib/admin/static/admin/js", "django/contrib/gis/static", "js_tests")
SPECS = {"py2k": ("python", 2000), "py10k": ("python", 10000), "js5k": ("javascript", 5000)}


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _py_candidates(django: Path) -> list[Path]:
    out = []
    for root in PY_ROOTS:
        for p in sorted((django / root).rglob("*.py")):
            rel = p.relative_to(django).as_posix()
            if "/migrations/" in rel or "/locale/" in rel:
                continue
            out.append(p)
    return out


def build_python(django: Path, n_lines: int) -> str:
    out: list[str] = []
    for p in _py_candidates(django):
        body = _lines(p)
        chunk = [f"# ---- {p.relative_to(django).as_posix()}"] + body
        if len(out) + len(chunk) <= n_lines:
            out.extend(chunk)
        if len(out) == n_lines:
            break
    if len(out) != n_lines:
        raise RuntimeError(f"could not fill {n_lines} lines exactly ({len(out)})")
    return "\n".join(out) + "\n"


def build_javascript(django: Path, n_lines: int) -> str:
    out: list[str] = []
    for root in JS_ROOTS:
        for p in sorted((django / root).rglob("*.js")):
            rel = p.relative_to(django).as_posix()
            if "/vendor/" in rel or rel.endswith(".min.js"):
                continue
            chunk = [f"// ---- {rel}"] + _lines(p)
            if len(out) + len(chunk) <= n_lines:
                out.extend(chunk)
    jq_path = django / "django/contrib/admin/static/admin/js/vendor/jquery/jquery.js"
    jq = _lines(jq_path)
    # jQuery's factory body is not indented, and neither is the body of the selector engine's
    # `( function() {` ... `} )();` block inside it. Split the text up to the end of that block
    # into whole statements (cut after a column-0 line that ends one, when the next line is
    # blank or starts another), take them greedily in order while they fit, then close what
    # is open: `} )();` (if the block was entered), `return jQuery;`, `} );`.
    opener = next(i for i, line in enumerate(jq, 1) if i > 11 and line.startswith("( function() {"))
    block_end = next(i for i, line in enumerate(jq, 1) if i > opener and line.startswith("} )();"))
    cuts = [0]
    for k in range(1, block_end - 1):
        line, nxt = jq[k - 1], jq[k]
        if k == opener - 1 or k == opener:
            cuts.append(k)
            continue
        if not line or line[0].isspace() or not line.rstrip().endswith((";", "}")):
            continue
        if nxt.strip() and (nxt[0].isspace() or nxt.lstrip().startswith(
                (".", ")", "?", ":", "+", "|", "&", ",", "else", "catch", "finally"))):
            continue
        cuts.append(k)
    budget = n_lines - len(out) - 1 - 3
    taken: list[str] = []
    ranges: list[tuple[int, int]] = []
    entered = False
    for a, b in zip(cuts, cuts[1:]):
        if a >= opener and not entered:
            break  # never take the block's statements without its opening line
        if len(taken) + (b - a) <= budget:
            taken.extend(jq[a:b])
            if ranges and ranges[-1][1] == a:
                ranges[-1] = (ranges[-1][0], b)
            else:
                ranges.append((a + 1, b))
            entered = entered or b == opener
        if len(taken) == budget:
            break
    spans = ", ".join(f"{a}-{b}" for a, b in ranges)
    out.append(f"// ---- {jq_path.relative_to(django).as_posix()} (whole statements, lines {spans}, closed)")
    out.extend(taken)
    out.extend((["} )();"] if entered else []) + ["return jQuery;", "} );"])
    out.extend([""] * (n_lines - len(out)))
    if len(out) != n_lines:
        raise RuntimeError(f"JS file has {len(out)} lines, wanted {n_lines}")
    return "\n".join(out) + "\n"


def build_all(django: Path, out_dir: Path) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, (lang, n) in SPECS.items():
        text = build_python(django, n) if lang == "python" else build_javascript(django, n)
        path = out_dir / (name + (".py" if lang == "python" else ".js"))
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths[name] = path
    # tiny files: the first open of each language in a fresh server (rule compilation)
    (out_dir / "tiny.py").write_text("import os\n\n\ndef f(x):\n    return os.path.join(x, 'a')\n")
    (out_dir / "tiny.js").write_text("function f(x) {\n  return x + 1;\n}\n")
    # keep the repository's own config out of the measurement: defaults for ztlint, and Ruff's
    # default rules plus its S (flake8-bandit) security rules
    (out_dir / "ztlint.toml").write_text("# Empty on purpose: ztlint defaults.\n")
    (out_dir / "ruff.toml").write_text('[lint]\nextend-select = ["S"]\n')
    return paths


def typing_position(text: str, language: str) -> tuple[int, str, str]:
    """Where to type: (line, indent, setup_line).

    The first ``return`` statement at or after the middle of the file that is inside a function
    body (indented). The benchmark first inserts ``setup_line`` (``<indent>z`` for Python,
    ``<indent>z;`` for JS) before it, then types identifier characters right after the ``z``:
    every intermediate text is valid code.
    """
    lines = text.split("\n")
    for i in range(len(lines) // 2, len(lines)):
        s = lines[i]
        stripped = s.lstrip(" \t")
        indent = s[: len(s) - len(stripped)]
        if len(indent.expandtabs(4)) < 4 or not stripped.startswith("return"):
            continue
        prev = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
        if prev.rstrip().endswith(("\\", ",", "(", "[", "{", "+")):
            continue
        if language == "python":
            if stripped in ("return", "return None") or stripped.startswith("return "):
                return i, indent, indent + "z"
        else:
            if stripped.endswith(";"):
                return i, indent, indent + "z;"
    raise RuntimeError("no typing position found")


TYPED = "abcdefghijklmnopqrstuvwxyz"
