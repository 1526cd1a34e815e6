"""Function summaries: what a function does with its parameters, seen from a call."""

from __future__ import annotations

from dataclasses import dataclass, field

from .taint import CLEAN, Label, Step


@dataclass(frozen=True)
class SinkFlow:
    """Parameter ``param`` reaches a sink of ``kind`` (unless cleaned for it)."""
    param: int
    rule_id: str
    kind: str
    span: tuple[int, int]
    where: str  # the function the sink is in
    cleared: frozenset[str]
    trace: tuple[Step, ...]
    desc: str
    path: tuple[str, ...] = ()  # only this attribute path of the parameter (".method",)


@dataclass(frozen=True)
class Summary:
    params: tuple[tuple[str, str], ...]  # (name, kind) as declared
    returns: tuple[tuple[int, frozenset[str], tuple[Step, ...]], ...] = ()  # param -> return
    sources: frozenset[Label] = CLEAN  # untrusted data it returns itself
    sinks: tuple[SinkFlow, ...] = ()
    never_returns: bool = False  # every path raises or aborts (a deny() helper)
    validates: tuple[int, ...] = ()  # parameters checked or converted wherever it returns
    digest: str = field(default="", compare=False)


EMPTY = Summary(())
