"""The abstract state at one point of a function: the taint of each access path of each
local variable, the locals whose value is a known constant, and typed locals (a request)."""

from __future__ import annotations

from .taint import CLEAN, MAX_LABELS, Label, union

Path = tuple[str, ...]  # segments below a variable: (".attr", "[key]", "[*]")
ANY = "[*]"


# in State.consts: a signature check of the request's data has passed (not a variable name)
SIGNED = "<signed>"


class State:
    __slots__ = ("taint", "consts", "types", "parsed", "sizes", "pending", "strings", "containers")

    def __init__(self) -> None:
        self.taint: dict[str, dict[Path, frozenset[Label]]] = {}
        self.consts: dict[str, object] = {}
        self.types: dict[str, str] = {}
        self.parsed: dict[str, str] = {}  # u -> x for u = urlparse(x): a check on u is on x
        self.sizes: dict[tuple, int] = {}  # (var, path) -> length of a list built here
        # var -> name-sink hits waiting for the value to be used (reset_token = weak, then read)
        self.pending: dict[str, tuple] = {}
        self.strings: set[str] = set()  # locals holding text built here (a response body?)
        self.containers: set[str] = set()  # locals holding a dict/list/set/tuple (see text.py)

    def copy(self) -> "State":
        s = State()
        s.taint = {k: dict(v) for k, v in self.taint.items()}
        s.consts = dict(self.consts)
        s.types = dict(self.types)
        s.parsed = dict(self.parsed)
        s.sizes = dict(self.sizes)
        s.pending = dict(self.pending)
        s.strings = set(self.strings)
        s.containers = set(self.containers)
        return s

    def bound(self, var: str) -> bool:
        return var in self.taint or var in self.consts or var in self.types

    def kill(self, var: str) -> None:
        self.taint.pop(var, None)
        self.consts.pop(var, None)
        self.types.pop(var, None)
        self.parsed.pop(var, None)
        self.pending.pop(var, None)
        self.strings.discard(var)
        self.containers.discard(var)
        for k in [k for k in self.sizes if k[0] == var]:
            del self.sizes[k]

    def set(self, var: str, path: Path, value: frozenset[Label], strong: bool = True) -> None:
        """Only tainted slots are kept (a clean one is simply absent), so an object with many
        clean properties costs nothing to update or read."""
        slots = self.taint.setdefault(var, {})
        if not path:
            if strong:
                slots.clear()
            self.consts.pop(var, None)
        elif strong and slots:
            n = len(path)
            for k in [k for k in slots if len(k) > n and k[:n] == path]:
                del slots[k]
        if strong:
            if value:
                slots[path] = value
            else:
                slots.pop(path, None)
        elif value:
            slots[path] = union(slots.get(path, CLEAN), value)

    def delete(self, var: str, path: Path) -> None:
        slots = self.taint.get(var)
        if slots is None:
            return
        for k in [k for k in slots if k[:len(path)] == path]:
            del slots[k]

    def read(self, var: str, path: Path = ()) -> frozenset[Label]:
        """What ``var`` followed by ``path`` may hold: the slot itself, what is stored below
        it, and what a container above it holds as a whole or at an unknown key."""
        slots = self.taint.get(var)
        if not slots:
            return CLEAN
        out = CLEAN
        for k, v in slots.items():
            if v and _related(k, path):
                out = union(out, v)
        return out


def _related(key: Path, path: Path) -> bool:
    n = min(len(key), len(path))
    for a, b in zip(key[:n], path[:n]):
        if a != b and a != ANY and b != ANY:
            return False
    return True


def join(a: State | None, b: State | None) -> State | None:
    if a is None:
        return b
    if b is None:
        return a
    out = State()
    empty: dict = {}
    for var in a.taint.keys() | b.taint.keys():
        sa, sb = a.taint.get(var, empty), b.taint.get(var, empty)
        if sa == sb or not sa or not sb:
            # the usual case (the same sets, compared by identity first, or one side only):
            # what union() of each slot would give, without calling it
            one = sa or sb
            out.taint[var] = dict(one) if max(map(len, one.values()), default=0) <= MAX_LABELS \
                else {k: union(v) for k, v in one.items()}
            continue
        out.taint[var] = {k: union(sa.get(k, CLEAN), sb.get(k, CLEAN)) for k in sa.keys() | sb.keys()}
        # a slot written on one side only: the other side's whole value still applies there
        for k in sa.keys() ^ sb.keys():
            other = sb if k in sa else sa
            if () in other:
                out.taint[var][k] = union(out.taint[var][k], other[()])
    out.consts = {k: v for k, v in a.consts.items()
                  if k in b.consts and type(b.consts[k]) is type(v) and b.consts[k] == v}
    out.types = {k: v for k, v in a.types.items() if b.types.get(k) == v}
    out.parsed = {k: v for k, v in a.parsed.items() if b.parsed.get(k) == v}
    out.sizes = {k: v for k, v in a.sizes.items() if b.sizes.get(k) == v}
    out.strings = a.strings & b.strings
    out.containers = a.containers & b.containers
    out.pending = {k: tuple(dict.fromkeys(a.pending.get(k, ()) + b.pending.get(k, ())))
                   for k in a.pending.keys() | b.pending.keys()}
    return out


def same(a: State | None, b: State | None) -> bool:
    """Whether the two states are the same to everything that reads them, the flows' steps
    included (a label's identity leaves its trace out)."""
    if a is None or b is None:
        return a is b
    if not (a.consts == b.consts and a.types == b.types and a.sizes == b.sizes
            and a.containers == b.containers and a.strings == b.strings and a.parsed == b.parsed
            and a.taint.keys() == b.taint.keys() and a.pending.keys() == b.pending.keys()):
        return False
    if any(type(v) is not type(b.consts[k]) for k, v in a.consts.items()):
        return False  # (1 == True)
    for var, sa in a.taint.items():
        sb = b.taint[var]
        if sa.keys() != sb.keys() or any(v is not sb[k] and _traced(v) != _traced(sb[k])
                                          for k, v in sa.items()):
            return False
    for var, hits in a.pending.items():
        other = b.pending[var]
        if len(hits) != len(other) or any(
                (r1.rule_id, s1, w1) != (r2.rule_id, s2, w2) or _traced(t1) != _traced(t2)
                for (r1, t1, s1, w1), (r2, t2, s2, w2) in zip(hits, other)):
            return False
    return True


def _traced(value: frozenset[Label]) -> set:
    return {(lb, lb.trace) for lb in value}
