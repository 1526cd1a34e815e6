"""Jupyter notebooks (``.ipynb``, nbformat 4): the texts of a notebook, each with where it is.

A notebook is JSON. Its code cells are analysed together as one document (notebook_layout.py)
so that flow rules see what earlier cells define; markdown cells, raw cells, cells of another
language and the text of outputs (streams, ``text/plain``, tracebacks ...) are analysed with
the text (secret) rules: a token printed by a cell is a leak like any other.

Every text keeps the byte range of the JSON string(s) it came from, so a finding can be placed
in the file itself (SARIF, JSON) as well as in its cell (text output, the editor). The JSON is
checked with ``json`` and walked with tree-sitter-json, which gives those positions.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import tree_sitter

from . import languages

EXTENSIONS = (".ipynb",)
# cell magics whose body is still Python (IPython's built-ins)
_PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug"})
_CELL_MAGIC = re.compile(r"\s*%%(\w*)")
# output data that is text; everything else (image/png, application/pdf ...) is binary
_TEXT_MIME = re.compile(r"^(text/.*|application/(json|javascript|x-.*)|.*\+(json|xml))$")


class NotebookError(ValueError):
    """Not a notebook this module can read (bad JSON, no cell list ...)."""


def is_notebook(path: str) -> bool:
    return path.lower().endswith(EXTENSIONS)


@dataclass(frozen=True)
class Piece:
    """One JSON string of the file: its decoded text and the byte range of the literal (with
    its quotes) in the file; ``raw`` is None for text that comes from an editor."""
    text: str
    raw: tuple[int, int] | None = None


@dataclass(frozen=True)
class Part:
    """The text of one cell (``output`` None) or of one output of a cell, as its pieces."""
    cell: int
    output: int | None
    pieces: tuple[Piece, ...]
    code: bool  # analysed as code of the notebook's language (else with the text rules)

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


@dataclass(frozen=True)
class Notebook:
    language: str | None  # ztlint language of the code cells; None: text rules only
    parts: tuple[Part, ...]
    notes: tuple[str, ...] = ()  # what was not analysed or only in part
    info: tuple[str, ...] = ()  # worth knowing, nothing lost (binary outputs skipped ...)


def language_of(name: str | None) -> str | None:
    """The ztlint language of a notebook language name (kernelspec, VS Code language id)."""
    return languages.detect("", b"", (name or "python").lower())


def is_code_cell(text: str, language: str | None) -> bool:
    """Whether a code cell's text is analysed as code: not when a cell magic makes it another
    language (``%%bash``, ``%%html`` ...; its text still gets the text rules)."""
    if language != "python":
        return language is not None
    m = _CELL_MAGIC.match(text)
    return m is None or m.group(1) in _PYTHON_CELL_MAGICS


def read(data: bytes) -> Notebook:
    """The texts of a notebook file. Raises :class:`NotebookError` for a file that is not one."""
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise NotebookError(f"not valid JSON ({_short(exc)})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("cells"), list):
        what = "nbformat 3 (worksheets)" if isinstance(doc, dict) and "worksheets" in doc else "no cell list"
        raise NotebookError(f"not a notebook this version reads: {what}")
    root = languages.parser("json").parse(data).root_node
    top = _members(root.named_children[0]) if root.named_child_count else {}
    meta = doc.get("metadata") if isinstance(doc.get("metadata"), dict) else {}
    name = _dig(meta, "kernelspec", "language") or _dig(meta, "language_info", "name") or "python"
    language = language_of(str(name))
    notes, info = [], []
    if language is None:
        info.append(f"code cells in {str(name)[:40]!r}: text rules only")
    parts: list[Part] = []
    binary: dict[str, int] = {}
    cells = top.get("cells")
    for index, cell in enumerate(cells.named_children if cells is not None else ()):
        parts.extend(_cell_parts(index, cell, language, str(name).lower(), notes, binary))
    if binary:
        kinds = ", ".join(f"{n} {mime}" for mime, n in sorted(binary.items()))
        info.append(f"binary outputs not analysed ({kinds})")
    return Notebook(language, tuple(parts), tuple(notes), tuple(info))


def _cell_parts(index: int, cell: tree_sitter.Node, language: str | None, name: str,
                notes: list[str], binary: dict[str, int]) -> list[Part]:
    fields = _members(cell) if cell.type == "object" else None
    source = fields.get("source") if fields else None
    kind = _string(fields["cell_type"]) if fields and "cell_type" in fields else None
    pieces = _pieces(source) if source is not None else None
    if pieces is None or not isinstance(kind, str):
        notes.append(f"cell {index + 1}: not a valid cell: its strings get the text rules only")
        return [Part(index, None, ps, False) for ps in _leaves(cell)]
    text = "".join(p.text for p in pieces)
    cell_lang = _dig(_value(fields.get("metadata")), "vscode", "languageId")
    code = (kind == "code" and (not isinstance(cell_lang, str) or cell_lang.lower() == name)
            and is_code_cell(text, language))
    out = [Part(index, None, pieces, code)]
    outputs = fields.get("outputs")
    if kind == "code" and outputs is not None and outputs.type == "array":
        for n, output in enumerate(outputs.named_children):
            out.extend(Part(index, n, ps, False) for ps in _output_texts(output, binary))
    return out


def _output_texts(output: tree_sitter.Node, binary: dict[str, int]) -> list[tuple[Piece, ...]]:
    if output.type != "object":
        return _leaves(output)
    fields = _members(output)
    found: list[tuple[Piece, ...]] = []
    for key in ("text", "evalue", "traceback"):  # stream; error
        if key in fields:
            found.extend(_texts(fields[key]))
    data = fields.get("data")
    if data is not None and data.type == "object":
        for mime, value in _members(data).items():
            if _TEXT_MIME.match(mime):
                found.extend(_texts(value))
            else:
                binary[mime] = binary.get(mime, 0) + 1
    return found


def _texts(node: tree_sitter.Node) -> list[tuple[Piece, ...]]:
    """A string, or a list of lines, as one text; anything else string by string."""
    pieces = _pieces(node)
    if pieces is not None and all(p.text.endswith("\n") for p in pieces[:-1]):
        return [pieces]
    return _leaves(node)


def _leaves(node: tree_sitter.Node) -> list[tuple[Piece, ...]]:
    """Every string value under ``node`` (not the keys), each on its own."""
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        if n.type == "string":
            out.append((_piece(n),))
        elif n.type == "pair":
            value = n.child_by_field_name("value")
            if value is not None:
                stack.append(value)
        else:
            stack.extend(reversed(n.named_children))
    return out


def _pieces(node: tree_sitter.Node) -> tuple[Piece, ...] | None:
    """A string or an array of strings (nbformat's multi-line strings), else None."""
    if node.type == "string":
        return (_piece(node),)
    if node.type == "array" and all(c.type == "string" for c in node.named_children):
        return tuple(_piece(c) for c in node.named_children)
    return None


def _piece(node: tree_sitter.Node) -> Piece:
    return Piece(_string(node), (node.start_byte, node.end_byte))


def _string(node: tree_sitter.Node):
    return json.loads(node.text) if node.type == "string" else None


def _members(node: tree_sitter.Node) -> dict[str, tree_sitter.Node]:
    out = {}
    for pair in node.named_children:
        key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
        if pair.type == "pair" and key is not None and value is not None:
            out[str(_string(key))] = value
    return out


def _value(node: tree_sitter.Node | None):
    """A small JSON value (cell metadata) as Python."""
    try:
        return json.loads(node.text) if node is not None else None
    except ValueError:
        return None


def _dig(obj, *keys):
    for k in keys:
        obj = obj.get(k) if isinstance(obj, dict) else None
    return obj


def _short(exc: Exception) -> str:
    return str(exc).split("\n", 1)[0][:120]


def raw_offset(literal: bytes, decoded: int) -> int:
    """The offset in a JSON string literal (with its quotes) of the character that is
    ``decoded`` UTF-8 bytes into its decoded text."""
    i, got = 1, 0
    while got < decoded and i < len(literal) - 1:
        if literal[i] != 0x5C:  # not a backslash: the byte stands for itself
            i, got = i + 1, got + 1
            continue
        if literal[i + 1:i + 2] != b"u":
            i, got = i + 2, got + 1
            continue
        cp = int(literal[i + 2:i + 6] or b"0", 16)
        if 0xD800 <= cp < 0xDC00 and literal[i + 6:i + 8] == b"\\u":
            i, got = i + 12, got + 4
        else:
            i, got = i + 6, got + len(chr(cp).encode("utf-8", "surrogatepass"))
    return i
