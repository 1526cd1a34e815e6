"""Load YAML while remembering the line of every key, so errors can name file, line and field."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml


@dataclass
class YamlDoc:
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)  # path of keys/indexes -> 1-based line
    block_scalar: set[tuple] = field(default_factory=set)  # paths whose value is a `|`/`>` block

    def line_of(self, path: tuple) -> int:
        """The line of the deepest known prefix of ``path`` (1 when nothing is known)."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


class YamlSyntaxError(ValueError):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it


def load(text: str) -> YamlDoc:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlSyntaxError(line, f"{exc.problem or exc.context or 'invalid YAML'}") from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1, str(exc)) from None
    finally:
        loader.dispose()
    doc = YamlDoc(data)
    if node is not None:
        _walk(node, (), doc)
    return doc


def _walk(node: yaml.Node, path: tuple, doc: YamlDoc) -> None:
    doc.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = path + (key.value,)
            doc.lines[child] = key.start_mark.line + 1
            if isinstance(value, yaml.ScalarNode) and value.style in ("|", ">"):
                doc.block_scalar.add(child)
            _walk(value, child, doc)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            doc.lines[path + (i,)] = item.start_mark.line + 1
            _walk(item, path + (i,), doc)
