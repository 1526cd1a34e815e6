"""Load YAML while remembering the line of every key, so errors can name file, line and field."""

from __future__ import annotations

from dataclasses import dataclass, field


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


_Loader = None  # the loader class; None: libyaml's when the wheel has it (yaml is imported late)

# Rule files come from repositories (`rule-dirs`), so they are hostile input. An alias is a
# reference: a few lines of nested aliases expand to billions of nodes for anything that walks
# the data (this module, the schema check, the rule compiler). Past these limits a file is refused.
MAX_BYTES = 2_000_000
MAX_ALIAS_NODES = 10_000  # nodes reached again through aliases, counted as expanded
MAX_DEPTH = 100  # rule files are a few levels deep; recursion elsewhere must stay safe


def too_large(size: int) -> str:
    return f"file too large ({size:,} bytes; the limit is {MAX_BYTES:,})"


def load(text: str) -> YamlDoc:
    import yaml  # imported when first needed: cached rule files are not parsed again
    if len(text) > MAX_BYTES:  # at least as many bytes as characters
        raise YamlSyntaxError(1, too_large(len(text.encode("utf-8", "surrogatepass"))))
    loader = (_Loader or getattr(yaml, "CSafeLoader", yaml.SafeLoader))(text)
    try:
        node = loader.get_single_node()
        doc = YamlDoc(None)
        if node is not None:
            _walk(node, (), doc, _Budget(yaml))  # before constructing: refuse bombs first
            doc.data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlSyntaxError(line, f"{exc.problem or exc.context or 'invalid YAML'}") from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1, str(exc)) from None
    except RecursionError:  # the pure-Python composer recurses per nesting level
        raise YamlSyntaxError(1, f"nesting deeper than {MAX_DEPTH} levels") from None
    finally:
        loader.dispose()
    return doc


class _Budget:
    def __init__(self, yaml):
        self.seen: set[int] = set()
        self.expanded = 0
        self.yaml = yaml  # the module: node classes


def _walk(node, path: tuple, doc: YamlDoc, budget: _Budget, alias_line: int = 0) -> None:
    """Record lines; ``alias_line`` is where the alias being expanded is used (0: none). (An
    alias node carries its anchor's position, so that line comes from the nearest real key.)"""
    line = doc.lines.setdefault(path, node.start_mark.line + 1)
    if id(node) in budget.seen:  # the same node again: an alias being expanded
        alias_line = alias_line or line
        budget.expanded += 1
        if budget.expanded > MAX_ALIAS_NODES:
            raise YamlSyntaxError(alias_line, f"alias expansion exceeds {MAX_ALIAS_NODES:,} nodes")
    budget.seen.add(id(node))
    if len(path) > MAX_DEPTH:
        raise YamlSyntaxError(alias_line or line, f"nesting deeper than {MAX_DEPTH} levels")
    yaml = budget.yaml
    if isinstance(node, yaml.MappingNode):
        first: dict[str, int] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                raise YamlSyntaxError(key.start_mark.line + 1, "a key must be a plain value")
            if key.value in first and key.tag != "tag:yaml.org,2002:merge":
                # YAML keeps the last one silently: half a rule would be lost without a word
                where = ".".join(str(p) for p in path + (key.value,))
                raise YamlSyntaxError(key.start_mark.line + 1,
                                      f"duplicate key `{where}` (first on line {first[key.value]})")
            first.setdefault(key.value, key.start_mark.line + 1)
            child = path + (key.value,)
            doc.lines[child] = alias_line or key.start_mark.line + 1
            if isinstance(value, yaml.ScalarNode) and value.style in ("|", ">"):
                doc.block_scalar.add(child)
            _walk(value, child, doc, budget, alias_line)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            doc.lines[path + (i,)] = alias_line or (
                line if id(item) in budget.seen else item.start_mark.line + 1)
            _walk(item, path + (i,), doc, budget, alias_line)
