"""The language-neutral model the taint engine runs on.

A language adapter lowers its syntax tree onto these few shapes (assignments, calls,
attributes, subscripts, literals, string building, branches, loops, returns); the engine knows
nothing of any grammar. Every node keeps its byte span in the file, for the flow's steps.
Names are not resolved here: the adapter lists the module's imports and the engine qualifies
names with them (``sp.run`` with ``import subprocess as sp`` is ``subprocess.run``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]


class Expr:
    __slots__ = ()


@dataclass(eq=False, slots=True)
class Name(Expr):
    id: str
    span: Span


@dataclass(eq=False, slots=True)
class Const(Expr):
    value: object  # str, bytes, int, float, bool or None
    span: Span


@dataclass(eq=False, slots=True)
class Attr(Expr):
    obj: Expr
    name: str
    span: Span


@dataclass(eq=False, slots=True)
class Index(Expr):
    obj: Expr
    key: Expr | None  # None: a slice
    span: Span


@dataclass(eq=False, slots=True)
class Call(Expr):
    func: Expr
    args: list[Expr]
    kwargs: dict[str, Expr]
    span: Span
    star: list[Expr] = field(default_factory=list)  # *args / **kwargs / spread


@dataclass(eq=False, slots=True)
class Op(Expr):
    """Any operator whose value is built from its operands: ``+``, ``%``, f-strings,
    template literals ... ``op`` is the operator's text ("+", "%", "fstring" ...)."""
    op: str
    items: list[Expr]
    span: Span


@dataclass(eq=False, slots=True)
class Compare(Expr):
    op: str  # "==", "!=", "in", "not in", "is", "is not", "<" ...
    left: Expr
    right: Expr
    span: Span


@dataclass(eq=False, slots=True)
class BoolOp(Expr):
    op: str  # "and" | "or" (the value is one of the operands)
    items: list[Expr]
    span: Span


@dataclass(eq=False, slots=True)
class Not(Expr):
    expr: Expr
    span: Span


@dataclass(eq=False, slots=True)
class Cond(Expr):
    test: Expr
    body: Expr
    orelse: Expr
    span: Span


@dataclass(eq=False, slots=True)
class Seq(Expr):
    kind: str  # "list" | "tuple" | "set"
    items: list[Expr]
    span: Span


@dataclass(eq=False, slots=True)
class Dict(Expr):
    items: list[tuple[Expr | None, Expr]]  # key None: ``**other``
    span: Span


@dataclass(eq=False, slots=True)
class Comp(Expr):
    """A comprehension or generator: ``elt`` for each binding of the ``gens``."""
    elt: Expr
    gens: list[tuple[Expr, Expr]]  # (target, iterable)
    span: Span


@dataclass(eq=False, slots=True)
class Opaque(Expr):
    """Anything else (lambdas, yields ...): its value is built from its parts."""
    parts: list[Expr]
    span: Span


class Stmt:
    __slots__ = ()


@dataclass(eq=False, slots=True)
class Assign(Stmt):
    targets: list[Expr]  # Name, Attr, Index or Seq (unpacking); Op("*") for a starred target
    value: Expr
    span: Span
    augmented: bool = False  # x += v keeps what x held


@dataclass(eq=False, slots=True)
class ExprStmt(Stmt):
    expr: Expr
    span: Span


@dataclass(eq=False, slots=True)
class If(Stmt):
    test: Expr
    body: list[Stmt]
    orelse: list[Stmt]
    span: Span


@dataclass(eq=False, slots=True)
class Loop(Stmt):
    """``for target in iter`` (``iter`` set) or ``while test``."""
    target: Expr | None
    iter: Expr | None
    test: Expr | None
    body: list[Stmt]
    orelse: list[Stmt]
    span: Span


@dataclass(eq=False, slots=True)
class With(Stmt):
    items: list[tuple[Expr, Expr | None]]
    body: list[Stmt]
    span: Span


@dataclass(eq=False, slots=True)
class Try(Stmt):
    body: list[Stmt]
    handlers: list[tuple[Expr | None, list[Stmt]]]  # (bound name, body)
    orelse: list[Stmt]
    final: list[Stmt]
    span: Span
    # per handler, the last names of the exception types it catches; None: everything
    catches: list[tuple[str, ...] | None] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class Match(Stmt):
    subject: Expr
    cases: list[tuple[list[Expr] | None, Expr | None, list[Stmt]]]  # (literal alternatives or None: any, guard, body)
    span: Span


@dataclass(eq=False, slots=True)
class Return(Stmt):
    value: Expr | None
    span: Span


@dataclass(eq=False, slots=True)
class Raise(Stmt):
    value: Expr | None
    span: Span


@dataclass(eq=False, slots=True)
class Jump(Stmt):
    kind: str  # "break" | "continue"
    span: Span


@dataclass(eq=False, slots=True)
class Delete(Stmt):
    targets: list[Expr]
    span: Span


@dataclass(eq=False, slots=True)
class Located(Stmt):
    """Top-level statements whose spans are relative to their own start, ``home`` in
    ``Module.starts`` (so top-level code moved by an edit lowers and caches the same)."""
    home: str
    body: list[Stmt]
    span: Span


@dataclass(eq=False, slots=True)
class Param:
    name: str
    span: Span
    annotation: str | None = None  # the type's text
    default: Expr | None = None
    kind: str = "plain"  # "plain" | "star" | "kwstar" | "self"


@dataclass(eq=False, slots=True)
class Function:
    """One function or method (or a module's top-level code, name ``<module>``)."""
    name: str  # qualified within the file: "helper", "View.get", "outer.<locals>.inner"
    params: list[Param]
    body: list[Stmt]
    span: Span
    decorators: list[Expr] = field(default_factory=list)
    class_name: str | None = None
    nested: bool = False
    too_deep: bool = False  # not lowered: nested deeper than the adapter follows (a note says so)
    # the same key as a function analysed before: the same text, so the same analysis (an
    # adapter that lowers everything again sets it; None: compared by identity)
    key: object = None
    # a callback: the name of the call (or property) it was handed to ("get", "addEventListener",
    # "onmessage"); the framework calls it, so its parameters may hold the request
    registered_by: str | None = None
    # registered_by as lowered with the function itself (an inline callback); a function handed
    # over by name from another statement gets registered_by anew on each lowering of the file
    callback_of: str | None = None


@dataclass(eq=False, slots=True)
class Module:
    """A file's functions and what names mean at its top level."""
    functions: list[Function]
    imports: dict[str, str]  # local name -> qualified name ("sp" -> "subprocess")
    constants: dict[str, object]  # top-level names bound once to a literal
    classes: dict[str, list[str]] = field(default_factory=dict)  # class -> base names
    # where each function starts in the file: spans inside a function are relative to it
    starts: dict[str, int] = field(default_factory=dict)
    called: set[str] = field(default_factory=set)  # names called in the file (f(), x.f())
    modules: set[str] = field(default_factory=set)  # local names bound to modules (import x)
