"""What a file's analysis derives from its rules and from its module's names, kept in the
editor's cache between keystrokes (the same answer, without the per-file work)."""

from __future__ import annotations

from .spec import Model, TaintRule

TABLES = "<rule tables>"  # in the cache: see rule_tables
CONTEXT = "<context>"  # in the cache: the module's names when last analysed, and their text


def rule_tables(model: Model, rules: list[TaintRule], cache: dict | None) -> tuple:
    """(model, rules, then what a FileAnalysis looks up per call and per source)."""
    tables = cache.get(TABLES) if cache is not None else None
    if tables is not None and tables[0] is model and tables[1] == rules:
        return tables
    # call name (or ".method") -> (rule, sink) of every rule: one look-up per call
    sink_index: dict[str, tuple] = {}
    for r in rules:
        for s in r.sinks:
            for n in s.names:
                sink_index[n] = sink_index.get(n, ()) + ((r, s),)
    # (sink kind, regex of a safe start): redirect and SSRF targets
    prefix_kinds = tuple({(r.kind, s.safe_prefix.pattern): (r.kind, s.safe_prefix)
                          for r in rules for s in r.sinks if s.safe_prefix is not None}.values())
    tables = (model, list(rules), {r.type for r in model.request_params},
              {r.rule_id: r.sources for r in rules},  # rule -> source category
              sink_index, {r.rule_id for r in rules if not r.local_sources}, prefix_kinds,
              {r.rule_id: r.ignore_sources for r in rules if r.ignore_sources},
              [(r, s) for r in rules for s in r.name_sinks])
    if cache is not None:
        cache[TABLES] = tables
    return tables


def module_context(module, rules: list[TaintRule], cache: dict | None) -> str:
    """The module's names (imports, constants, classes) and the rules, as text: a cached
    analysis is valid only under the same. With a cache, the same string object as last time
    when they did not change (compared by identity per function, at every keystroke)."""
    names = (module.imports, module.constants, module.classes, [r.rule_id for r in rules])
    prev = cache.get(CONTEXT) if cache is not None else None
    if prev is not None and prev[0][0] == names[0] and prev[0][2] == names[2] and \
            prev[0][3] == names[3] and _same_constants(prev[0][1], names[1]):
        return prev[1]
    context = repr((sorted(module.imports.items()), sorted(
        (k, repr(v)) for k, v in module.constants.items()), sorted(module.classes.items()),
        names[3]))
    if cache is not None:
        if prev is not None and prev[1] == context:
            context = prev[1]
        cache[CONTEXT] = ((dict(names[0]), dict(names[1]), {k: list(v) for k, v in names[2].items()},
                           names[3]), context)
    return context


def _same_constants(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(_same_value(v, b[k]) for k, v in a.items())


def _same_value(x, y) -> bool:
    """Whether repr(x) == repr(y), mostly without making either (1 == True, 0.0 == -0.0)."""
    if type(x) is not type(y):
        return False
    if type(x) is tuple:
        return len(x) == len(y) and all(map(_same_value, x, y))
    if x is None or type(x) in (str, int, bool, bytes):
        return x == y
    return repr(x) == repr(y)
