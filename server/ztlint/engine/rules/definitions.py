"""Named definitions in rule files: a regex, a query fragment or a name list written once and
used by many rules.

A rule file may carry ``definitions:`` (name -> text or list of texts); a folder may carry
``_definitions.yaml`` whose definitions every rule file in it and below can use (the nearest
one wins, then the file's own). A rule uses one with ``(?&name)`` anywhere in its ``match``
texts (query, regex, where values): the text is put in its place. In a list (``any-of``), an
item that is just ``(?&name)`` of a list definition is replaced by the list's items.
``(?&...)`` is an error in Python's regex syntax and in tree-sitter's queries, so it can never
be meant literally. Definitions may use other definitions; a cycle or an unknown name is an
error naming file, line and field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .. import yamlsource
from .model import RuleError

FILE_NAME = "_definitions.yaml"
REFERENCE = re.compile(r"\(\?&([A-Za-z][\w-]*)\)")


@dataclass(frozen=True)
class Definition:
    value: str | tuple[str, ...]
    path: str
    line: int
    field: str


class DefinitionError(Exception):
    def __init__(self, error: RuleError):
        super().__init__(str(error))
        self.error = error


def from_doc(doc: yamlsource.YamlDoc, path: str) -> dict[str, Definition]:
    """The ``definitions:`` of one (schema-checked) YAML document."""
    data = doc.data if isinstance(doc.data, dict) else {}
    out = {}
    for name, value in (data.get("definitions") or {}).items():
        where = ("definitions", name)
        out[name] = Definition(tuple(value) if isinstance(value, list) else value, path,
                               doc.line_of(where), ".".join(where))
    return out


class Scope:
    """The definitions one rule file sees, resolved on first use (cycles reported)."""

    def __init__(self, layers: list[dict[str, Definition]]):
        self._defs: dict[str, Definition] = {}
        for layer in layers:  # outermost first: nearer ones win
            self._defs.update(layer)
        self._done: dict[str, str | tuple[str, ...]] = {}

    def value(self, name: str, path: str, line: int, field: str, _stack: tuple = ()):
        if name in self._done:
            return self._done[name]
        d = self._defs.get(name)
        if d is None:
            raise DefinitionError(RuleError(path, line, field, f"unknown definition (?&{name})"))
        if name in _stack:
            cycle = " -> ".join((*_stack[_stack.index(name):], name))
            raise DefinitionError(RuleError(d.path, d.line, d.field, f"cyclic definitions: {cycle}"))
        stack = (*_stack, name)
        if isinstance(d.value, tuple):
            value = tuple(v for item in d.value
                          for v in self._items(item, d.path, d.line, d.field, stack))
        else:
            value = self._text(d.value, d.path, d.line, d.field, stack)
        self._done[name] = value
        return value

    def _text(self, text: str, path: str, line: int, field: str, stack: tuple = ()) -> str:
        def one(m: re.Match) -> str:
            value = self.value(m.group(1), path, line, field, stack)
            if isinstance(value, tuple):
                raise DefinitionError(RuleError(path, line, field,
                                                f"(?&{m.group(1)}) is a list: use it as a whole list item"))
            return value
        return REFERENCE.sub(one, text)

    def _items(self, item: str, path: str, line: int, field: str, stack: tuple = ()) -> list[str]:
        m = REFERENCE.fullmatch(item)
        if m:
            value = self.value(m.group(1), path, line, field, stack)
            if isinstance(value, tuple):
                return list(value)
        return [self._text(item, path, line, field, stack)]

    def expand(self, node, doc: yamlsource.YamlDoc, path: str, where: tuple):
        """``node`` (part of a rule) with every reference replaced."""
        if isinstance(node, str):
            if "(?&" not in node:
                return node
            return self._text(node, path, doc.line_of(where), ".".join(map(str, where)))
        if isinstance(node, list):
            out = []
            for i, item in enumerate(node):
                if isinstance(item, str):
                    out.extend(self._items(item, path, doc.line_of(where + (i,)),
                                           ".".join(map(str, where + (i,)))))
                else:
                    out.append(self.expand(item, doc, path, where + (i,)))
            return out
        if isinstance(node, dict):
            return {k: self.expand(v, doc, path, where + (k,)) for k, v in node.items()}
        return node


def folder_files(rule_file: Path, roots: list[Path]) -> list[Path]:
    """The ``_definitions.yaml`` files that apply to ``rule_file``: in its folder and the
    folders above it, up to the rule directory it was found in (outermost first). ``roots``:
    resolved paths."""
    folder = rule_file.resolve().parent
    stop = next((r for r in roots if folder.is_relative_to(r)), folder)
    out = []
    while True:
        candidate = folder / FILE_NAME
        if candidate.is_file():
            out.append(candidate)
        if folder == stop or folder.parent == folder:
            break
        folder = folder.parent
    return out[::-1]
