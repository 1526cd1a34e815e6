"""The shape of a category: its sinks, sanitizers (right and wrong kind), constants and guards."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .model import Case, lit


@dataclass(frozen=True)
class Sink:
    """Emits the sink for a value held in variable ``v`` (``s``: is it a str, or an int?)."""

    fn: Callable[[Case, str, bool], None]
    tags: frozenset = frozenset()
    int_ok: bool = True
    needs: str | None = None  # framework capability
    helper_ok: bool = True  # may sit in a module-level helper function (no framework objects)


@dataclass(frozen=True)
class Tx:
    """A value transformation ``fmt.format(v)`` (a sanitizer, right or wrong kind)."""

    fmt: str
    imports: tuple = ()
    is_str: bool = True
    tag: str | None = None  # restrict the sink to ones with this tag
    what: str = ""


@dataclass
class Category:
    name: str
    cwe: tuple
    keys: tuple
    consts: tuple  # harmless literal values for the sink
    sinks: list
    right: list = field(default_factory=list)  # Tx that make the value safe for this sink kind
    safe_forms: list = field(default_factory=list)  # fn(case, v): the safe API for the same job
    wrong: list = field(default_factory=list)  # Tx of another kind: value stays dangerous
    guards: tuple = ()  # generic guard names valid for this sink kind (see shapes.GUARDS)
    own_guards: list = field(default_factory=list)  # fn(case, v) -> (var, tag): category-specific
    near_guards: list = field(default_factory=list)  # fn(case, v): checks that do not protect
    kind: str = "str"  # source kind: str or bytes
    needs: str | None = None  # framework capability needed by every sink
    allowed: tuple = ()  # values for an allow-list
    const_block: str = ""  # module-level definition of a DEFAULT_* constant

    def sink(self, case: Case, v: str, s: bool = True, tag: str | None = None, helper: bool = False) -> None:
        options = [k for k in self.sinks if (s or k.int_ok)
                   and (k.needs is None or k.needs in case.fw.caps) and (not helper or k.helper_ok)]
        tagged = [k for k in options if tag in k.tags]
        if tag == "full" or tagged:
            options = tagged
        elif not s:
            options = [k for k in options if not k.tags or "int" in k.tags] or options
        else:
            options = [k for k in options if "full" not in k.tags and "int" not in k.tags]
        case.pick(options).fn(case, v, s)

    def const(self, case: Case) -> str:
        value = case.pick(self.consts)
        if value.startswith("DEFAULT"):
            case.block(self.const_block)
        return value if value.startswith(("b'", 'b"', "DEFAULT")) else lit(value)

    def apply(self, case: Case, tx: Tx, v: str) -> str:
        case.imp(*tx.imports)
        w = case.name("safe_" + v.split(".")[-1].split("[")[0], "clean", "checked", "value")
        case.add(f"{w} = {tx.fmt.format(v)}")
        return w

    def usable_sinks(self, case: Case, s: bool = True, helper: bool = False) -> bool:
        return any((s or k.int_ok) and (k.needs is None or k.needs in case.fw.caps) and (not helper or k.helper_ok)
                   for k in self.sinks)
