"""One generated case: imports, module-level blocks and the handler body being built."""

from __future__ import annotations

import contextlib
import random
from dataclasses import dataclass, field

IDENT_CHARS = "abcdefghijklmnopqrstuvwxyz_"


class NotApplicable(Exception):
    """This shape cannot be built for this category and framework; the generator tries another."""


@dataclass
class Case:
    rng: random.Random
    category: str
    fw: object  # a frameworks.Framework
    imports: set = field(default_factory=set)
    blocks: list = field(default_factory=list)  # module-level code (constants, helpers)
    body: list = field(default_factory=list)  # handler body, indented relative to the body
    params: list = field(default_factory=list)  # extra handler parameters ("name: str = Query(...)")
    route: str = "/"
    method: str = "GET"
    is_async: bool = False
    done: bool = False  # the body already ends with a complete response
    level: int = 0
    used: set = field(default_factory=set)
    vulnerable: bool = False
    reason: str = ""
    shape: str = ""
    key: str = "value"
    app: str = "app"
    cbv: bool = False

    # -- building ---------------------------------------------------------------------------
    def imp(self, *lines: str) -> None:
        self.imports.update(lines)

    def add(self, *lines: str) -> None:
        pad = "    " * self.level
        for line in lines:
            for part in line.split("\n"):
                self.body.append(pad + part if part else "")

    def respond(self, lines: list[str]) -> None:
        """Add lines that form a complete response; at top level the handler is then finished."""
        self.add(*lines)
        if self.level == 0:
            self.done = True

    def block(self, text: str) -> None:
        if text not in self.blocks:
            self.blocks.append(text)

    @contextlib.contextmanager
    def nested(self):
        self.level += 1
        try:
            yield
        finally:
            self.level -= 1

    # -- variation --------------------------------------------------------------------------
    def pick(self, seq):
        options = list(seq)
        if not options:
            raise NotApplicable(self.category)
        return self.rng.choice(options)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def name(self, *candidates: str) -> str:
        """A fresh local/helper name, preferring the candidates in random order."""
        cands = list(candidates)
        self.rng.shuffle(cands)
        for cand in cands:
            if cand not in self.used:
                self.used.add(cand)
                return cand
        base = cands[0] if cands else "value"
        n = 2
        while f"{base}_{n}" in self.used:
            n += 1
        self.used.add(f"{base}_{n}")
        return f"{base}_{n}"

    def build(self, prefix: str, var: str, suffix: str = "", is_str: bool = True) -> str:
        """An expression for prefix + var + suffix in one of the usual string-building styles."""
        styles = ["percent", "format"] if ('"' in var or "'" in var) else ["fstring", "percent", "format"]
        if is_str:
            styles += ["plus", "plus", "join"]
        style = self.pick(styles)
        if not prefix and not suffix and is_str:
            return var
        if style == "fstring":
            return "f" + _lit(_brace(prefix) + "{" + var + "}" + _brace(suffix))
        if style == "percent":
            return _lit(prefix.replace("%", "%%") + "%s" + suffix.replace("%", "%%")) + " % " + (
                var if self.chance(0.6) else f"({var},)"
            )
        if style == "format":
            return _lit(_brace(prefix) + "{}" + _brace(suffix)) + f".format({var})"
        parts = ([_lit(prefix)] if prefix else []) + [var] + ([_lit(suffix)] if suffix else [])
        if style == "join":
            return '"".join([' + ", ".join(parts) + "])"
        return " + ".join(parts)


def _brace(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _lit(text: str) -> str:
    """A Python string literal for text, double-quoted unless text contains a double quote."""
    if '"' in text and "'" not in text:
        return "'" + text.replace("\\", "\\\\") + "'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def lit(text: str) -> str:
    return _lit(text)
