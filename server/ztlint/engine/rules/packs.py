"""Per-language compilation of the tree rules (pushdown, gating by literals, one combined
query, file facts) and the compiled :class:`RuleSet`. Queries compile per language on first use
(compiling a query costs milliseconds, and a Python-only project never needs the C# ones)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

import tree_sitter

from .. import languages, linear_regex, prefilter, querytext
from ..flow.spec import merge
from ..keywords import KeywordIndex, indexes_hit, keyword_map
from .model import BUILTIN, FILE_KINDS, Condition, Rule, RuleError

class LazyQuery:
    """A query compiled on first use: a gated rule's query is needed only once a file holds
    its literals (compiling costs milliseconds a rule; a file holds the literals of few)."""

    def __init__(self, compile_it=None, query: tree_sitter.Query | None = None):
        self._compile, self._query = compile_it, query

    @property
    def done(self) -> bool:
        return self._compile is None

    def get(self) -> tree_sitter.Query | None:
        """The query (None: it does not compile; the rule set's errors say why)."""
        compile_it = self._compile
        if compile_it is not None:  # two threads may both compile it: the same query
            self._query = compile_it()
            self._compile = None
        return self._query


class QueryTable(dict):
    """id(Condition) -> its compiled query; deferred ones (bundled rules, whose queries the
    rule tests compile) are compiled when first looked up."""

    def __init__(self, grammar):
        super().__init__()
        self._grammar = grammar
        self._later: dict[int, str] = {}

    def defer(self, key: int, source: str) -> None:
        self._later[key] = source

    def __missing__(self, key: int) -> tree_sitter.Query:
        query = self[key] = tree_sitter.Query(self._grammar, self._later[key])
        return query

    def compile_steps(self):
        for key, source in self._later.items():
            if key not in self:
                self[key] = tree_sitter.Query(self._grammar, source)
                yield


@dataclass(frozen=True)
class GatedRule:
    """A tree rule that needs some literal text to match (see prefilter.py): its query runs
    only where those strings occur, inside the largest node of a type it can start at."""

    rule: Rule
    compiled: LazyQuery
    groups: tuple[tuple[bytes, ...], ...]  # the matched text holds a string of every group
    roots: frozenset[str]  # node types its patterns start at

    @property
    def query(self) -> tree_sitter.Query | None:
        return self.compiled.get()


@dataclass(frozen=True)
class LanguagePack:
    """The tree rules of one language: the ones without literals to look for in a single
    query, so each tree is walked once; the others each run only where their literals occur."""

    query: tree_sitter.Query | None  # the rules that always run (None: there are none)
    rule_of_pattern: list[Rule]
    gated: tuple[GatedRule, ...] = ()
    gate_index: KeywordIndex | None = None  # every literal of the gated rules
    # True when some pattern or condition may be rooted at the file's root node: then a change
    # anywhere can change a finding anywhere, and incremental analysis re-checks the whole tree.
    root_sensitive: bool = False
    cond_queries: dict = field(default_factory=dict)  # id(Condition) -> compiled Query
    # Node types each tree condition's query mentions (None: a wildcard, any type). An
    # ancestor of another type cannot be the root of a match, so it is not queried.
    cond_types: dict = field(default_factory=dict)
    # File facts: file-has/file-not-has conditions, and inside/not-inside conditions whose
    # pattern may be rooted at the file's root node. Each is one boolean per tree.
    fact_conditions: tuple = ()
    fact_types: frozenset | None = frozenset()  # node types whose change can flip a fact
    gate_by_keyword: dict = field(default_factory=dict)  # literal -> indexes into gated
    # File facts that are "some top-level statement matches" (file-has/file-not-has patterns
    # that never start at the root): incremental analysis keeps the matching statements and
    # re-checks only the touched ones. fact_types above covers the other facts only.
    split_facts: tuple = ()
    # Rules with look-ups (lookup.py): they read the whole file, so incremental analysis
    # re-runs these few over the whole tree after every edit (the others keep their regions).
    lookup_rules: frozenset = frozenset()

    def compile_steps(self):
        """Compile the queries left for first use, one per step (a generator: the language
        server's warm-up runs the steps between requests)."""
        for gated in self.gated:
            if not gated.compiled.done:
                gated.compiled.get()
                yield
        yield from self.cond_queries.compile_steps()

    def gated_candidates(self, hits) -> list[GatedRule]:
        """The gated rules whose every literal group has a string among ``hits``, in order."""
        keys = hits.keys()
        return [g for g in (self.gated[i] for i in indexes_hit(self.gate_by_keyword, hits))
                if all(not keys.isdisjoint(group) for group in g.groups)]


def fact_key(cond: "Condition") -> int:
    return id(cond)


class RuleSet:
    """The compiled rules of one configuration. Immutable after construction."""

    def __init__(self, rules: list[Rule], errors: list[RuleError], models: list = ()):
        self.rules: dict[str, Rule] = {r.id: r for r in rules}
        self.models = list(models)  # (language, flow.spec.Model) from `models:` files
        self._flow: dict[str, tuple] = {}
        for builtin in BUILTIN:
            self.rules.setdefault(builtin.id, builtin)
        self.errors = errors
        self.text_rules = [r for r in rules if r.is_text]
        self._packs: dict[str, LanguagePack | None] = {}
        self._text_by_language: dict[str | None, list[Rule]] = {}
        self.keyword_index = KeywordIndex({k for r in self.text_rules for k in r.keywords})

    def pack(self, language: str) -> LanguagePack | None:
        if language not in self._packs:
            rules = [r for r in self.rules.values() if language in r.tree_languages]
            try:
                pack, errors = _build_pack(language, rules, self.errors)
            except languages.GrammarMissing:
                pack, errors = None, []  # files of it are noted as not parsed (analyze)
            self._packs[language] = pack
            self.errors.extend(errors)
        return self._packs[language]

    def text_rules_for(self, language: str | None) -> "TextRules":
        """Text rules that apply to files of ``language`` (cached: asked once per file)."""
        if language not in self._text_by_language:
            self._text_by_language[language] = TextRules(r for r in self.text_rules if r.applies_to(language))
        return self._text_by_language[language]

    def flow_rules(self, language: str | None) -> tuple[list[Rule], object]:
        """The flow rules for ``language`` and its merged taint model (cached)."""
        if language not in self._flow:
            found = [r for r in self.rules.values() if r.is_flow and language in r.languages]
            self._flow[language] = (found, merge([m for lang, m in self.models if lang == language]))
        return self._flow[language]

    def prepare(self, language: str | None, tree: bool = True) -> None:
        """Compile what files of ``language`` need (once per rule set): done before a file's
        analysis budget starts, so the first file of a language is not cut short by it."""
        if language and tree:
            self.pack(language)
            self.flow_rules(language)
        self.text_rules_for(language)

    def compile_all(self) -> list[RuleError]:
        """Compile every language's queries now (rule tests, `rules list`); returns all errors."""
        for lang in sorted({lang for r in self.rules.values() for lang in r.tree_languages}):
            pack = self.pack(lang)
            for _ in pack.compile_steps() if pack is not None else ():
                pass
        return self.errors

    def __len__(self) -> int:
        return len(self.rules) - sum(self.rules.get(b.id) is b for b in BUILTIN)


class TextRules(list):
    """Text rules in a fixed order, indexed by keyword: a file's keyword hits pick the few
    rules worth running without looking at each of the hundreds."""

    def __init__(self, rules=()):
        super().__init__(rules)
        self._unkeyed = [i for i, r in enumerate(self) if not r.keywords]
        self._by_keyword = keyword_map(r.keywords for r in self)
        self._parts: dict[bool, TextRules] = {}

    def candidates(self, hits) -> list[Rule]:
        """The rules without keywords and those with a keyword in ``hits``, in order."""
        return [self[i] for i in indexes_hit(self._by_keyword, hits, self._unkeyed)]

    def part(self, multiline: bool) -> "TextRules":
        """The multi-line (or single-line) rules alone."""
        if multiline not in self._parts:
            self._parts[multiline] = TextRules(r for r in self if r.multiline == multiline)
        return self._parts[multiline]


def _query_error(rule: Rule, lang: str, exc: Exception, line: int, field_name: str) -> RuleError:
    m = re.search(r"row (\d+)", str(exc))
    return RuleError(rule.path, line + (int(m.group(1)) if m else 0), field_name,
                     f"invalid tree-sitter query for {lang}: {exc}")


# The `any-` forms hold when some node of the capture passes: never stricter than our check of
# the capture's first node, so pushing them down can only drop matches Python would drop too.
_PUSHDOWN = {"equals": "any-eq?", "not-equals": "any-not-eq?", "any-of": "any-match?",
             "regex": "any-match?", "not-regex": "any-not-match?"}


def _ts_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def pushdown_query(rule: Rule) -> str:
    """The rule's query with its simple capture conditions also written as tree-sitter
    predicates, so the query cursor drops failing matches before Python sees them.

    Only a prefilter: the conditions are still checked in Python afterwards (a predicate on a
    capture a match lacks passes, where our positive condition fails)."""
    # tree-sitter runs #match? with Python's backtracking re: only patterns whose work per
    # position is bounded go down (the rest are checked on RE2 in Python afterwards)
    conds = [c for c in rule.conditions if c.kind in _PUSHDOWN and c.capture and (
        c.kind not in ("regex", "not-regex") or linear_regex.bounded_work_problem(c.value.pattern) is None)]
    if not conds:
        return rule.query
    out, pos = [], 0
    for start, end in querytext.top_level_patterns(rule.query):
        text = rule.query[start:end]
        preds = []
        for c in conds:
            if not re.search(r"@" + re.escape(c.capture) + r"(?![\w.-])", text):
                continue  # a predicate may only name captures of its own pattern
            if c.kind in ("regex", "not-regex"):
                args = _ts_string(c.value.pattern)
            elif c.kind == "any-of":
                args = _ts_string("^(?:" + "|".join(re.escape(v) for v in sorted(c.value)) + ")$")
            else:
                args = _ts_string(c.value)
            preds.append(f"(#{_PUSHDOWN[c.kind]} @{c.capture} {args})")
        out.append(rule.query[pos:start])
        out.append(f"({text} {' '.join(preds)})" if preds else text)
        pos = end
    out.append(rule.query[pos:])
    return "".join(out)


def _build_pack(language: str, rules: list[Rule], late_errors: list[RuleError]
                ) -> tuple[LanguagePack | None, list[RuleError]]:
    """The language's rules compiled: a rule whose query does not compile is reported (file,
    line, field) and left out; the others keep working. The queries of bundled gated rules and
    of bundled rules' conditions compile on first use (``late_errors`` gets their errors)."""
    from .load import bundled_rules_dir  # (load builds rule sets: imported when first needed)
    grammar = languages.grammar(language)
    errors: list[RuleError] = []
    cond_queries = QueryTable(grammar)
    bundled_dir = bundled_rules_dir().resolve()
    usable, bundled = [], set()
    for rule in rules:
        if Path(rule.path).resolve().is_relative_to(bundled_dir):
            bundled.add(id(rule))
            for c in rule.conditions:
                if c.source is not None:
                    cond_queries.defer(id(c), c.source)
            usable.append(rule)
            continue
        try:
            for c in rule.conditions:
                if c.source is not None:
                    try:
                        cond_queries[id(c)] = tree_sitter.Query(grammar, c.source)
                    except tree_sitter.QueryError as exc:
                        raise _Bad(_query_error(rule, language, exc, c.line, f"match.where.{c.kind}"))
        except _Bad as bad:
            errors.append(bad.error)
            continue
        usable.append(rule)
    root = languages.parser(language).parse(b"").root_node.type
    texts = _Texts(usable)
    gated: list[GatedRule] = []
    always: list[Rule] = []
    for rule in usable:
        groups = prefilter.literal_groups(rule.conditions, rule.query)
        roots = querytext.pattern_roots(rule.query)
        if not groups or not roots or root in roots or not querytext.single_node_patterns(rule.query):
            always.append(rule)
            continue
        if id(rule) in bundled:
            compiled = LazyQuery(lambda r=rule: _compile_rule_query(grammar, r, texts, language, late_errors))
        else:
            compiled = LazyQuery(query=_compile_rule_query(grammar, rule, texts, language, errors))
            if compiled.get() is None:
                continue
        gated.append(GatedRule(rule, compiled, groups, roots))
    query, always = _combined_query(grammar, always, texts, language, errors)
    usable = always + [g.rule for g in gated]
    if not usable:
        return None, errors
    # Which rule owns each pattern: by where the pattern starts in the joined source.
    starts, pos = [], 0
    for rule in always:
        starts.append(pos)
        pos += len(texts[id(rule)].encode("utf-8")) + 1
    owners = [always[bisect.bisect_right(starts, query.start_byte_for_pattern(i)) - 1]
              for i in range(query.pattern_count)] if query is not None else []

    def may_root(roots) -> bool:
        return roots is None or root in roots
    sensitive = any(may_root(querytext.pattern_roots(r.query)) for r in usable)
    conds = [c for r in usable for c in r.conditions if c.source is not None]
    cond_types = {id(c): querytext.pattern_roots(c.source) for c in conds}
    facts = tuple(c for c in conds if c.kind in FILE_KINDS or (
        c.kind in ("inside", "not-inside") and may_root(cond_types[id(c)])))
    split = tuple(c for c in facts if _is_split_fact(c, cond_types[id(c)], root))
    for c in facts:  # asked of every tree the language server analyses: compiled now
        cond_queries[id(c)]
    fact_types: frozenset | None = frozenset({"ERROR"})
    for c in facts:
        if c in split:
            continue
        t = querytext.mentioned_types(c.source, root)
        fact_types = None if t is None or fact_types is None else fact_types | t
    gate_index = KeywordIndex({kw for g in gated for group in g.groups for kw in group}) if gated else None
    by_keyword = keyword_map({kw for group in g.groups for kw in group} for g in gated)
    lookups = frozenset(r.id for r in usable if r.has_lookups)
    return LanguagePack(query, owners, tuple(gated), gate_index, sensitive, cond_queries, cond_types,
                        facts, fact_types, by_keyword, split, lookups), errors


def _is_split_fact(cond: Condition, roots: frozenset | None, root: str) -> bool:
    """A file-has/file-not-has fact that is "some top-level statement matches": its patterns
    never start at the root, and each has a capture to climb from to its statement."""
    if cond.kind not in FILE_KINDS or roots is None or root in roots:
        return False
    masked = querytext.mask(cond.source)
    return all("@" in masked[s:e] for s, e in querytext.top_level_patterns(cond.source))


def _compile_rule_query(grammar, rule: Rule, texts: dict, language: str,
                        errors: list[RuleError]) -> tree_sitter.Query | None:
    """The rule's own query (with its conditions pushed down when that compiles)."""
    for candidate in dict.fromkeys((texts[id(rule)], rule.query)):
        try:
            query = tree_sitter.Query(grammar, candidate)
            texts[id(rule)] = candidate
            return query
        except tree_sitter.QueryError as exc:
            error = exc
    errors.append(_query_error(rule, language, error, rule.query_line, "match.query"))
    return None


def _combined_query(grammar, rules: list[Rule], texts: dict, language: str,
                    errors: list[RuleError]) -> tuple[tree_sitter.Query | None, list[Rule]]:
    """One query holding every rule's patterns, and the rules it holds."""
    if not rules:
        return None, []
    try:
        return tree_sitter.Query(grammar, "\n".join(texts[id(r)] for r in rules)), rules
    except tree_sitter.QueryError:
        # find the culprits one by one (rare: only when some rule is broken)
        good = [r for r in rules if _compile_rule_query(grammar, r, texts, language, errors) is not None]
        if not good:
            return None, []
        return tree_sitter.Query(grammar, "\n".join(texts[id(r)] for r in good)), good


class _Texts(dict):
    """id(rule) -> the query text to compile (conditions pushed down), worked out when first
    asked: a lazily compiled rule needs it only then."""

    def __init__(self, rules: list[Rule]):
        super().__init__()
        self._rules = {id(r): r for r in rules}

    def __missing__(self, key: int) -> str:
        text = self[key] = pushdown_query(self._rules[key])
        return text


class _Bad(Exception):
    def __init__(self, error: RuleError):
        self.error = error
