"""Taint models and taint rules as the engine uses them (loaded from YAML by rules.compile).

Names are *qualified*: imports resolved (``sp.run`` is ``subprocess.run`` after
``import subprocess as sp``), a request parameter typed by the model
(``request.GET`` in a Django view is ``django.http.HttpRequest.GET``). A source name matches
itself and everything below it (``flask.request.args`` covers ``flask.request.args.get``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

LOCAL_CLASS = "class:"  # in a State's types: an instance of a class of the analysed file


@dataclass(frozen=True)
class Source:
    id: str
    names: tuple[str, ...]
    trust: str = "remote"  # "remote" (the network) | "local" (argv, input) | "environment"
    category: str = "untrusted"  # which rules follow it (weak-random: predictable values)


@dataclass(frozen=True)
class RequestParam:
    """A parameter that holds the request object: by name (in a view) or by annotation."""
    type: str
    names: tuple[str, ...] = ()
    annotations: tuple[str, ...] = ()
    bases: tuple[str, ...] = ()  # or: `self` in a subclass of one of these
    position: int = 0  # by name: the parameter's position (not counting self)
    callbacks_of: tuple[str, ...] = ()  # by name: only in callbacks handed to these calls


@dataclass(frozen=True)
class Handlers:
    """Functions whose parameters the framework fills from the request (route handlers)."""
    decorators: tuple[str, ...]  # the decorator's last name: route, get, post ...
    injected: tuple[str, ...] = ()  # defaults the framework fills itself (Depends ...)
    first_param: tuple[str, ...] = ()  # or: a function whose first parameter is named so (Django)
    bases: tuple[str, ...] = ()  # or: a method named in ``methods`` of a subclass of these
    methods: tuple[str, ...] = ()
    imports: tuple[str, ...] = ()  # only in files importing one of these packages
    paths: object = None  # compiled regex: only in files whose path matches (views.py)


@dataclass(frozen=True)
class Sanitizer:
    names: tuple[str, ...]
    clears: frozenset[str]  # sink kinds, or {"all"}


@dataclass(frozen=True)
class Sink:
    names: tuple[str, ...]
    args: tuple[object, ...] = ()  # positions (int) and keyword names; () = every argument
    # a list literal passed without shell=True: only its first element is the program run
    argv_list: bool = False
    receiver: bool = False  # the object the method is called on is the sink (a cursor ...)
    when_keyword: tuple[str, object] | None = None  # only with this keyword set to this literal
    stores: tuple[str, ...] = ()  # stores into these objects are sinks (session[k] = v)
    assigned_to: object = None  # compiled regex: assignments to matching names are sinks
    returned_from: object = None  # compiled regex: returns from matching functions are sinks
    unless: tuple[str, tuple[str, ...]] | None = None  # not when this keyword names one of these
    # assignments to these are sinks: a qualified name (window.location) or .property of any
    # object (el.innerHTML = v)
    sets: tuple[str, ...] = ()
    # .method sinks: only on a receiver whose name matches (cursor.execute, logger.info)
    receiver_names: object = None
    # not when one of these keywords is a literal without this text (mimetype="text/csv")
    unless_literal: tuple[tuple[str, ...], str] | None = None
    # not when the argument starts with a literal matching this (a fixed host or local path)
    safe_prefix: object = None
    # this position holds a printf-style template for the positional arguments after it
    # (logging's lazy "%s"): only they and the template count, each as its conversion formats it
    template: int | None = None


@dataclass(frozen=True)
class Propagators:
    calls: tuple[str, ...] = ()  # qualified names; a name covers everything below it
    methods: frozenset[str] = frozenset()  # .method of any object ("{}".format(x))
    constructors: bool = False  # a CapWords name builds an object that holds its arguments
    # classes whose objects open stored data by a key (SessionStore(key)): not the key
    stores: frozenset[str] = frozenset()
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def opens_store(self, qualname: str | None) -> bool:
        return qualname is not None and bool(self.stores) and (
            qualname in self.stores or qualname.rsplit(".", 1)[-1] in self.stores)

    def carry_arguments(self, qualname: str | None, method: str | None) -> bool:
        if qualname is None:
            return method in self.methods
        if not self._index:
            self._index.update(dict.fromkeys(self.calls, True))
        if _prefix_lookup(self._index, qualname):
            return True
        last = qualname.rsplit(".", 1)[-1]
        return self.constructors and last[:1].isupper() and not last.isupper()


@dataclass(frozen=True)
class Model:
    """One language's sources, sanitizers, request parameters and handlers (merged from every
    ``models:`` block for the language)."""
    sources: tuple[Source, ...] = ()
    request_params: tuple[RequestParam, ...] = ()
    handlers: tuple[Handlers, ...] = ()
    sanitizers: tuple[Sanitizer, ...] = ()
    no_return: tuple[str, ...] = ()  # calls that never return (abort, sys.exit ...)
    html_responses: tuple[str, ...] = ()  # frameworks whose handlers' returned text is HTML
    # (source ids, attributes, new source id): upload.filename is a name the client chose
    renames: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = ()
    # Calls the analysis cannot see into. None: their result carries everything passed to them.
    # Otherwise it carries what their receiver carries, and their arguments only for the calls
    # and methods named here (and constructors when ``constructors``).
    propagators: Propagators | None = None
    # values that are containers (a parsed JSON body, a query dict, dict()): formatted into
    # text whole they show their items' repr, which escapes line breaks
    containers: frozenset[str] = frozenset()
    # keys of a source mapping the server fills itself (environ["REMOTE_ADDR"]): not untrusted text
    server_keys: frozenset[str] = frozenset()
    server_maps: frozenset[str] = frozenset()  # the mappings they are keys of
    _source_index: dict = field(default_factory=dict, compare=False, repr=False)
    _sanitizer_index: dict = field(default_factory=dict, compare=False, repr=False)
    _source_memo: dict = field(default_factory=dict, compare=False, repr=False)

    def source_of(self, qualname: str) -> Source | None:
        if not self._source_index:
            self._source_index.update({n: s for s in self.sources for n in s.names})
        memo = self._source_memo
        if qualname not in memo:
            if len(memo) > 50_000:
                memo.clear()
            memo[qualname] = _prefix_lookup(self._source_index, qualname)
        return memo[qualname]

    def sanitizer_of(self, qualname: str) -> frozenset[str] | None:
        if not self._sanitizer_index:
            for s in self.sanitizers:
                for n in s.names:
                    self._sanitizer_index[n] = self._sanitizer_index.get(n, frozenset()) | s.clears
        return self._sanitizer_index.get(qualname)


@dataclass(frozen=True)
class TaintRule:
    """One rule's sink kind and sinks (its id, message and CWE are the Rule's)."""
    rule_id: str
    kind: str
    sinks: tuple[Sink, ...]
    sources: str = "untrusted"  # the source category followed
    local_sources: bool = True  # also flows from argv, input(), the environment
    fixer: str | None = None  # a built-in fix (flow.fixes)
    ignore_sources: tuple[str, ...] = ()  # source ids this rule does not follow
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def sinks_of(self, qualname: str) -> tuple[Sink, ...]:
        if not self._index:
            for s in self.sinks:
                for n in s.names:
                    self._index[n] = self._index.get(n, ()) + (s,)
                for n in s.stores:
                    self._index["<store>" + n] = self._index.get("<store>" + n, ()) + (s,)
                for n in s.sets:
                    self._index["<set>" + n] = self._index.get("<set>" + n, ()) + (s,)
        return self._index.get(qualname, ())

    @property
    def name_sinks(self) -> tuple[Sink, ...]:
        return tuple(s for s in self.sinks if s.assigned_to is not None or s.returned_from is not None)


def _prefix_lookup(index: dict, qualname: str):
    name = qualname
    while True:
        hit = index.get(name)
        if hit is not None:
            return hit
        cut = name.rfind(".")
        if cut < 0:
            return None
        name = name[:cut]


def merge(models: list[Model]) -> Model:
    return Model(tuple(s for m in models for s in m.sources),
                 tuple(r for m in models for r in m.request_params),
                 tuple(h for m in models for h in m.handlers),
                 tuple(s for m in models for s in m.sanitizers),
                 tuple(n for m in models for n in m.no_return),
                 tuple(n for m in models for n in m.html_responses),
                 tuple(r for m in models for r in m.renames),
                 _merge_propagators([m.propagators for m in models if m.propagators is not None]),
                 frozenset(n for m in models for n in m.containers),
                 frozenset(k for m in models for k in m.server_keys),
                 frozenset(n for m in models for n in m.server_maps))


def _merge_propagators(found: list[Propagators]) -> Propagators | None:
    if not found:
        return None
    return Propagators(tuple(n for p in found for n in p.calls),
                       frozenset().union(*(p.methods for p in found)),
                       any(p.constructors for p in found),
                       frozenset().union(*(p.stores for p in found)))
