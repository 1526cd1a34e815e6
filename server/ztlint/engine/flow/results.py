"""A file analysis's findings: each sink reached by a source once, with the flow shown (the
shortest, then the earliest, whatever the hash seed), and a route handler's returned text as its
response body."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import fold, ir
from .state import State
from .taint import CLEAN, Label

if TYPE_CHECKING:
    from .interp import Interpreter


@dataclass
class Hit:
    rule_id: str
    span: tuple[int, int]
    where: str  # the function the sink is in
    label: Label
    desc: str  # the sink, as shown: "os.system()"
    statement: tuple[int, int] | None = None  # the statement holding the sink
    parts: tuple = ()  # spans (in ``where``) of the tainted pieces of the sink's argument


class Results:
    """Mixed into analysis.FileAnalysis (``self.hits``, ``self._frames``, ``self.module``,
    ``self.rules``, ``self.is_handler`` ...)."""

    def report(self, rule_id: str, span, where: str, label: Label, desc: str, statement,
               parts: tuple = ()) -> None:
        if self._frames:
            self._frames[-1][2].append(Hit(rule_id, span, where, label, desc, statement, parts))
        key = (rule_id, span, where)
        old = self.hits.get(key)
        if old is None or self._shorter(label, old.label):
            self.hits[key] = Hit(rule_id, span, where, label, desc, statement, parts)

    def _shorter(self, new: Label, old: Label) -> bool:
        """Whether a flow to a sink is shown rather than another: the shorter one, from a remote
        source, then the one starting (and going) earlier in the file. Labels reach a sink in
        set order, which the hash seed decides: the choice must not depend on it."""
        a, b = (len(new.trace), new.trust != "remote"), (len(old.trace), old.trust != "remote")
        if a != b:
            return a < b
        return self._position(new) < self._position(old)

    def _position(self, lb: Label) -> tuple:
        starts = self.module.starts
        return (starts.get(lb.home, 0) + lb.at[0], lb.at[1], lb.origin,
                [(starts.get(s.where, 0) + s.span[0], s.span[1], s.text) for s in lb.trace],
                sorted(lb.cleared))

    def returned(self, interp: Interpreter, st: State, value: ir.Expr, taint) -> None:
        """A handler's return value is the response body."""
        if not taint or not self.is_handler(interp.fn) or not self.html_responses:
            return
        if isinstance(value, (ir.Dict, ir.Seq)):
            return  # serialised as JSON by the framework
        # only text built here is known to be the body: what a helper returns may be a response
        # object, JSON or a rendered template
        if not (fold.builds_text(value) or isinstance(value, ir.Name) and value.id in st.strings):
            return
        if isinstance(value, ir.Name) and value.id in st.taint:
            # a response object: what was stored in its headers is not its body
            taint = st.taint[value.id].get((), CLEAN)
            if not taint:
                return
        for rule in self.rules:
            if rule.sinks_of("<handler-return>"):
                interp.hit(rule, taint, value.span, "response body",
                           parts=lambda: interp.tainted_parts(st, [value], rule.kind))
