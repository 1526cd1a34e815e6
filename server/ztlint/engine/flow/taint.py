"""Taint values: which untrusted origins a value may carry, and what has been cleaned.

A :class:`Label` is one origin (a source, or a parameter of the function being summarised)
plus the sink kinds a sanitizer or guard has made it safe for. Its ``trace`` (the steps from
the origin to here) is carried along for the finding but is not part of its identity, so a
value reached by two paths keeps one label with the first path found.
"""

from __future__ import annotations

from dataclasses import dataclass, field

UNTRUSTED = "untrusted"  # the source category sanitizers and guards are about
ALL = "all"  # in ``cleared``: safe for every sink kind (a number, an allow-listed value ...)
MAX_LABELS = 8  # per value: more origins add nothing a finding could show
MAX_STEPS = 12  # per trace: the first steps and the last ones are kept


@dataclass(frozen=True, slots=True)
class Step:
    span: tuple[int, int]
    text: str
    where: str = ""  # the function the span is in (its offsets are relative to it when cached)


@dataclass(frozen=True, slots=True)
class Label:
    origin: str  # "source:<id>", "param:<index>" or "param:<index>.<attr>..." (see sub)
    at: tuple[int, int]  # where the origin is (a source expression, a parameter) in ``home``
    home: str = ""  # the function ``at`` is in (its offsets are relative to that function)
    cleared: frozenset[str] = frozenset()
    trust: str = field(default="remote", compare=False)  # as Source.trust
    what: str = field(default="", compare=False)  # shown: "request.args", "sys.argv"
    category: str = field(default="untrusted", compare=False)  # of the source (weak-random ...)
    trace: tuple[Step, ...] = field(default=(), compare=False)

    def safe_for(self, kind: str) -> bool:
        return ALL in self.cleared or kind in self.cleared

    def with_trace(self, trace: tuple) -> "Label":
        return Label(self.origin, self.at, self.home, self.cleared, self.trust, self.what, self.category, trace)

    def clean(self, kinds: frozenset[str]) -> "Label":
        if kinds <= self.cleared:
            return self
        return Label(self.origin, self.at, self.home, self.cleared | kinds, self.trust, self.what,
                     self.category, self.trace)

    def step(self, step: Step) -> "Label":
        trace = self.trace
        if trace and trace[-1].span == step.span and trace[-1].text == step.text:
            return self
        if len(trace) >= MAX_STEPS:
            trace = trace[:3] + trace[-(MAX_STEPS - 4):]
        return Label(self.origin, self.at, self.home, self.cleared, self.trust, self.what, self.category,
                     trace + (step,))

    @property
    def param(self) -> int | None:
        if not self.origin.startswith("param:"):
            return None
        body = self.origin[6:]
        dot = body.find(".")
        return int(body if dot < 0 else body[:dot])

    @property
    def sub(self) -> tuple[str, ...]:
        """``param:2.method``: only the parameter's attribute ``.method`` was used (see
        calls.param_member); () for the parameter as a whole or for a source."""
        if not self.origin.startswith("param:"):
            return ()
        body = self.origin[6:]
        dot = body.find(".")
        return () if dot < 0 else tuple("." + a for a in body[dot + 1:].split("."))


Taint = frozenset  # of Label
CLEAN: frozenset[Label] = frozenset()


def union(*values: frozenset[Label]) -> frozenset[Label]:
    out: frozenset[Label] = CLEAN
    for v in values:
        if v and v is not out:  # (joined branches mostly hold the same sets)
            out = out | v if out else v
    if len(out) > MAX_LABELS:
        out = frozenset(sorted(out, key=lambda lb: (len(lb.trace), lb.origin, lb.at))[:MAX_LABELS])
    return out


def clean(value: frozenset[Label], kinds: frozenset[str]) -> frozenset[Label]:
    """Sanitizers clean injection, not predictability: a hashed or int()-ed random value is
    still guessable, so labels of other categories than ``untrusted`` stay."""
    if not value or not kinds:
        return value
    if ALL in kinds:
        return frozenset(lb for lb in value if lb.category != UNTRUSTED)
    return frozenset(lb.clean(kinds) if lb.category == UNTRUSTED else lb for lb in value)


def step(value: frozenset[Label], span: tuple[int, int], text: str, where: str = ""
         ) -> frozenset[Label]:
    if not value:
        return value
    s = Step(span, text, where)
    return frozenset(lb.step(s) for lb in value)
