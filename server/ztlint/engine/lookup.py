"""Look-ups: values a tree rule finds outside its match, in the same file.

A ``lookup:`` condition, or a fix's ``requires:``, is a list of steps run in order. Each step
searches a regex in a capture's text, in a value an earlier step found, or in the whole file,
or runs a query over the file's tree; the named groups (captures) of its first match become
values that later steps, the message and the fix use as ``{name}``. A step that finds nothing
makes the condition fail (no finding) or the fix absent (a finding without a fix): a SHA is
offered only when the file already pins that action somewhere else.

Templates are filled when the step runs: ``{name|re}`` escapes a value for a regex; a value put
into a query must be plain (letters, digits, ``._-/@:``), else the step fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import tree_sitter

from . import linear_regex, templates

_PLAIN = re.compile(r"^[\w.\-/@:]*$")


@dataclass(frozen=True)
class Step:
    kind: str        # "regex" or "query"
    of: str | None   # a capture's or an earlier value's name; None: the whole file
    template: str    # regex or query text with {name} placeholders


class BadStep(ValueError):
    pass


def parse(items: list[dict], known: set[str]) -> tuple[tuple[Step, ...], set[str]]:
    """Steps from a rule's YAML, and the value names they bind. ``known``: the names a step may
    read (the match's captures). Raises :class:`BadStep` with a message naming the problem."""
    steps, bound = [], set()
    for i, item in enumerate(items):
        kinds = [k for k in ("regex", "query") if k in item]
        if len(kinds) != 1:
            raise BadStep(f"step {i}: needs exactly one of regex, query")
        kind = kinds[0]
        of = item.get("of")
        if kind == "query" and of is not None:
            raise BadStep(f"step {i}: a query runs over the whole file and takes no 'of'")
        if of is not None and of not in known | bound:
            raise BadStep(f"step {i}: 'of: {of}' is neither a capture nor a value found before")
        text = item[kind]
        for name, filt in templates.names(text):
            if name not in known | bound:
                raise BadStep(f"step {i}: placeholder {{{name}}} is not a capture or a value found before")
            if filt and filt not in templates.FILTERS:
                raise BadStep(f"step {i}: unknown template filter |{filt}")
        try:
            names = _binds(Step(kind, of, text))
        except (re.error, linear_regex.NotLinear) as exc:
            raise BadStep(f"step {i}: {exc}") from None
        steps.append(Step(kind, of, text))
        bound |= names
    return tuple(steps), bound


def bound_names(steps: tuple[Step, ...]) -> set[str]:
    """The value names the steps bind (their regexes' named groups, their queries' captures)."""
    return set().union(*(_binds(s) for s in steps)) if steps else set()


def _binds(step: Step) -> set[str]:
    sample = templates.render(step.template, {n: "x" for n, _ in templates.names(step.template)})
    if step.kind == "regex":
        names = set(linear_regex.compile(sample, re.MULTILINE).groupindex)
    else:
        names = set(re.findall(r"@([A-Za-z_][\w.-]*)", sample))
    return {n for n in names if not n.startswith("_")}


def run(steps: tuple[Step, ...], values: dict[str, str], tree: tree_sitter.Tree,
        grammar: tree_sitter.Language, cache: dict) -> dict[str, str] | None:
    """The values the steps find (added to ``values``), or None when a step finds nothing.
    ``cache`` (per tree) keeps compiled regexes and queries, and the file's text."""
    found = dict(values)
    for step in steps:
        if step.kind == "query":
            if not all(_PLAIN.match(found[n]) for n, _ in templates.names(step.template)):
                return None
            got = _query(templates.render(step.template, found), tree, grammar, cache)
        else:
            text = found.get(step.of) if step.of is not None else _file_text(tree, cache)
            got = _regex(templates.render(step.template, found), text or "", cache)
        if got is None:
            return None
        found.update(got)
    return found


def _file_text(tree: tree_sitter.Tree, cache: dict) -> str:
    key = ("lookup-text",)
    if key not in cache:
        cache[key] = (tree.root_node.text or b"").decode("utf-8", "replace")
    return cache[key]


def _regex(pattern: str, text: str, cache: dict) -> dict[str, str] | None:
    key = ("lookup-regex", pattern)
    if key not in cache:
        try:
            cache[key] = linear_regex.compile(pattern, re.MULTILINE)
        except (re.error, linear_regex.NotLinear):
            cache[key] = None
    regex = cache[key]
    m = regex.search(text) if regex is not None else None
    if m is None:
        return None
    return {k: v for k, v in m.groupdict().items() if v is not None and not k.startswith("_")}


def _query(source: str, tree: tree_sitter.Tree, grammar: tree_sitter.Language,
           cache: dict) -> dict[str, str] | None:
    key = ("lookup-query", source)
    if key not in cache:
        try:
            cache[key] = tree_sitter.Query(grammar, source)
        except (tree_sitter.QueryError, ValueError):
            cache[key] = None
    query = cache[key]
    if query is None:
        return None
    for _, captures in tree_sitter.QueryCursor(query).matches(tree.root_node):
        return {name: (nodes[0].text or b"").decode("utf-8", "replace")
                for name, nodes in captures.items() if nodes and not name.startswith("_")}
    return None
