"""Load, validate and compile rule YAML files.

A :class:`RuleSet` is built once per process (or per workspace folder in the language server).
Regexes compile on load; tree-sitter queries compile per language on first use (compiling a
query costs milliseconds, and a Python-only project never needs the C# ones). A broken rule file becomes a
:class:`RuleError` naming file, line and field; the other rules keep working.
"""

from __future__ import annotations

import bisect
import functools
import json
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import jsonschema
import tree_sitter

from . import languages, linear_regex, prefilter, querytext, secrets, templates, yamlsource
from .keywords import KeywordIndex, indexes_hit, keyword_map


@dataclass(frozen=True)
class RuleError:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class RuleLoadError(Exception):
    def __init__(self, error: RuleError):
        super().__init__(str(error))
        self.error = error


@dataclass(frozen=True)
class Condition:
    capture: str | None
    kind: str  # regex, not-regex, equals, not-equals, any-of, not-any-of, inside, not-inside, has, not-has
    value: object  # compiled regex, string or frozenset; None for tree conditions (see LanguagePack)
    source: str | None = None  # the query text of tree conditions
    line: int = 0  # where the query text starts in the rule file


@dataclass(frozen=True)
class EditSpec:
    capture: str
    replace: str | None = None
    insert_before: str | None = None
    insert_after: str | None = None


@dataclass(frozen=True)
class FixSpec:
    title: str
    safe: bool
    edits: tuple[EditSpec, ...]


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    severity: str
    confidence: str
    category: str
    cwe: tuple[str, ...]
    owasp: tuple[str, ...]
    languages: tuple[str, ...]
    message: str
    docs: str
    references: tuple[str, ...]
    path: str
    line: int
    fix: FixSpec | None = None
    tags: tuple[str, ...] = ()
    # secret rules: the captures shown as they are (names, hosts); every other is redacted
    plain_captures: frozenset[str] = frozenset()
    # tree rules
    query: str | None = None
    report: str | None = None
    statement: str | None = None
    conditions: tuple[Condition, ...] = ()
    tree_languages: tuple[str, ...] = ()
    query_line: int = 0  # where the query text starts in the rule file
    # text rules
    regex: linear_regex.LinearRegex | None = None
    keywords: tuple[bytes, ...] = ()
    secret_group: str = "secret"
    min_entropy: float = 0.0
    validator: str | None = None
    multiline: bool = False  # a text rule whose matches may span lines (PEM blocks ...)
    # (end markers, min gap, max gap): the match runs on to the first marker that starts between
    # min and max characters after the regex's match (a PEM block's END line), found by plain
    # string search: a lazy `[\s\S]{64,16000}?` in the regex would be slow on any engine
    until: tuple | None = None

    @property
    def is_text(self) -> bool:
        return self.regex is not None

    @property
    def is_secret(self) -> bool:
        return self.category == "secret"

    def applies_to(self, language: str | None) -> bool:
        if self.is_text:
            return (languages.GENERIC in self.languages or language in self.languages
                    or (language is None and languages.UNPARSED in self.languages))
        return language in self.tree_languages


@dataclass(frozen=True)
class GatedRule:
    """A tree rule that needs some literal text to match (see prefilter.py): its query runs
    only where those strings occur, inside the largest node of a type it can start at."""

    rule: Rule
    query: tree_sitter.Query
    groups: tuple[tuple[bytes, ...], ...]  # the matched text holds a string of every group
    roots: frozenset[str]  # node types its patterns start at


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

    def gated_candidates(self, hits) -> list[GatedRule]:
        """The gated rules whose every literal group has a string among ``hits``, in order."""
        keys = hits.keys()
        return [g for g in (self.gated[i] for i in indexes_hit(self.gate_by_keyword, hits))
                if all(not keys.isdisjoint(group) for group in g.groups)]

    def facts(self, root: tree_sitter.Node) -> dict:
        """Every file fact of this tree, keyed as match._holds looks them up."""
        return {fact_key(c): self.fact(c, root) for c in self.fact_conditions}

    def fact_statements(self, cond: "Condition", root: tree_sitter.Node) -> set[tuple[int, int]]:
        """[start, end) of the top-level statements a split fact's pattern matches."""
        cursor = tree_sitter.QueryCursor(self.cond_queries[id(cond)])
        cursor.set_max_start_depth(1)
        spans = set()
        for _, captures in cursor.matches(root):
            node = next(iter(captures.values()))[0]  # the statement holding a capture
            if node != root:
                node = root.child_with_descendant(node)
            spans.add((node.start_byte, node.end_byte))
        return spans

    def fact_matches_at(self, cond: "Condition", statement: tree_sitter.Node) -> bool:
        cursor = tree_sitter.QueryCursor(self.cond_queries[id(cond)])
        cursor.set_max_start_depth(0)
        return bool(cursor.matches(statement))

    def fact(self, cond: "Condition", root: tree_sitter.Node) -> bool:
        cursor = tree_sitter.QueryCursor(self.cond_queries[id(cond)])
        if cond.kind in FILE_KINDS:
            cursor.set_max_start_depth(1)  # the root or a top-level statement
            found = bool(cursor.matches(root))
            return found if cond.kind == "file-has" else not found
        cursor.set_max_start_depth(0)  # inside: does the root itself match?
        return bool(cursor.matches(root))


def fact_key(cond: "Condition") -> int:
    return id(cond)


UNUSED_SUPPRESSION = Rule(
    id="ztlint-unused-suppression", title="Suppression comment that suppresses nothing",
    severity="info", confidence="high", category="security", cwe=("CWE-1164",), owasp=(),
    languages=(languages.GENERIC,),
    message="unused suppression: no {rules} finding here", path="<builtin>", line=0,
    docs="A `ztlint: ignore[...]` comment that no longer matches a finding hides nothing today "
         "but would silently hide a future finding. Remove it. Reported with "
         "`--report-unused-suppressions`.", references=(),
)


class RuleSet:
    """The compiled rules of one configuration. Immutable after construction."""

    def __init__(self, rules: list[Rule], errors: list[RuleError]):
        self.rules: dict[str, Rule] = {r.id: r for r in rules}
        self.rules.setdefault(UNUSED_SUPPRESSION.id, UNUSED_SUPPRESSION)
        self.errors = errors
        self.text_rules = [r for r in rules if r.is_text]
        self._packs: dict[str, LanguagePack | None] = {}
        self._text_by_language: dict[str | None, list[Rule]] = {}
        self.keyword_index = KeywordIndex({k for r in self.text_rules for k in r.keywords})

    def pack(self, language: str) -> LanguagePack | None:
        if language not in self._packs:
            rules = [r for r in self.rules.values() if language in r.tree_languages]
            pack, errors = _build_pack(language, rules)
            self._packs[language] = pack
            self.errors.extend(errors)
        return self._packs[language]

    def text_rules_for(self, language: str | None) -> "TextRules":
        """Text rules that apply to files of ``language`` (cached: asked once per file)."""
        if language not in self._text_by_language:
            self._text_by_language[language] = TextRules(r for r in self.text_rules if r.applies_to(language))
        return self._text_by_language[language]

    def compile_all(self) -> list[RuleError]:
        """Compile every language's queries now (rule tests, `rules list`); returns all errors."""
        for lang in sorted({lang for r in self.rules.values() for lang in r.tree_languages}):
            self.pack(lang)
        return self.errors

    def __len__(self) -> int:
        return len(self.rules) - (UNUSED_SUPPRESSION.id in self.rules)


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


def _build_pack(language: str, rules: list[Rule]) -> tuple[LanguagePack | None, list[RuleError]]:
    """The language's rules compiled: a rule whose query does not compile is reported (file,
    line, field) and left out; the others keep working."""
    grammar = languages.grammar(language)
    errors: list[RuleError] = []
    cond_queries: dict[int, tree_sitter.Query] = {}
    usable = []
    for rule in rules:
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
    texts = {id(r): pushdown_query(r) for r in usable}
    gated: list[GatedRule] = []
    always: list[Rule] = []
    for rule in usable:
        groups = prefilter.literal_groups(rule.conditions, rule.query)
        roots = querytext.pattern_roots(rule.query)
        if not groups or not roots or root in roots or not querytext.single_node_patterns(rule.query):
            always.append(rule)
            continue
        query = _compile_rule_query(grammar, rule, texts, language, errors)
        if query is not None:
            gated.append(GatedRule(rule, query, groups, roots))
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
    fact_types: frozenset | None = frozenset({"ERROR"})
    for c in facts:
        if c in split:
            continue
        t = querytext.mentioned_types(c.source, root)
        fact_types = None if t is None or fact_types is None else fact_types | t
    gate_index = KeywordIndex({kw for g in gated for group in g.groups for kw in group}) if gated else None
    by_keyword = keyword_map({kw for group in g.groups for kw in group} for g in gated)
    return LanguagePack(query, owners, tuple(gated), gate_index, sensitive, cond_queries, cond_types,
                        facts, fact_types, by_keyword, split), errors


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


class _Bad(Exception):
    def __init__(self, error: RuleError):
        self.error = error


def bundled_rules_dir() -> Path:
    """Rules shipped in the wheel (``ztlint/rules``), or the repo's ``rules/`` when run from source."""
    packaged = resources.files("ztlint") / "rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "rules"


@functools.cache
def _schema_validator() -> jsonschema.Draft202012Validator:
    text = (resources.files("ztlint.engine") / "rule-schema.json").read_text(encoding="utf-8")
    return jsonschema.Draft202012Validator(json.loads(text))


def rule_schema() -> dict:
    return _schema_validator().schema


def is_rule_file(path: Path) -> bool:
    name = path.name
    return name.endswith((".yaml", ".yml")) and ".fixture." not in name and ".fixed." not in name \
        and not name.startswith(".")


def rule_files(directory: Path) -> list[Path]:
    return sorted(p for p in Path(directory).rglob("*") if p.is_file() and is_rule_file(p))


def load_rules(dirs: list[Path | str], files: list[Path | str] = ()) -> RuleSet:
    """Load every rule file under ``dirs`` (and the given files). Errors are collected, not raised."""
    rules: list[Rule] = []
    errors: list[RuleError] = []
    paths: list[Path] = []
    for d in dirs:
        d = Path(d)
        if not d.is_dir():
            errors.append(RuleError(str(d), 0, "rule-dirs", "not a directory"))
            continue
        paths.extend(rule_files(d))
    paths.extend(Path(f) for f in files)
    seen: dict[str, str] = {}
    for path in paths:
        file_rules, file_errors = load_rule_file(path)
        errors.extend(file_errors)
        for rule in file_rules:
            if rule.id in seen:
                errors.append(RuleError(str(path), rule.line, "id",
                                        f"duplicate rule id {rule.id!r} (first in {seen[rule.id]})"))
                continue
            seen[rule.id] = str(path)
            rules.append(rule)
    return RuleSet(rules, errors)


def load_rule_file(path: Path) -> tuple[list[Rule], list[RuleError]]:
    spath = str(path)
    try:
        size = Path(path).stat().st_size
        if size > yamlsource.MAX_BYTES:  # refused before reading it
            return [], [RuleError(spath, 1, "yaml", yamlsource.too_large(size))]
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [RuleError(spath, 0, "file", f"cannot read: {exc}")]
    try:
        doc = yamlsource.load(text)
    except yamlsource.YamlSyntaxError as exc:
        return [], [RuleError(spath, exc.line, "yaml", exc.message)]
    errors = sorted(_schema_validator().iter_errors(doc.data), key=lambda e: list(e.absolute_path))
    if errors:
        return [], [_schema_error(spath, doc, errors)]
    trusted = _is_bundled(Path(path))
    items = doc.data["rules"] if "rules" in doc.data else [doc.data]
    prefix = ("rules",) if "rules" in doc.data else ()
    rules, errs = [], []
    for i, item in enumerate(items):
        base = prefix + ((i,) if prefix else ())
        try:
            rules.append(_compile(item, spath, doc, base, trusted))
        except RuleLoadError as exc:
            errs.append(exc.error)
    return rules, errs


def _schema_error(path: str, doc: yamlsource.YamlDoc, errors: list) -> RuleError:
    # oneOf failures hide the useful message one level down: pick the deepest leaf error.
    err = errors[0]
    while err.context:
        err = max(err.context, key=lambda e: len(e.absolute_path))
    where = tuple(err.absolute_path)
    field_name = ".".join(str(p) for p in where) or "<root>"
    if err.validator == "required":
        missing = re.findall(r"'([^']+)' is a required property", err.message)
        if missing:
            field_name = ".".join([*map(str, where), missing[0]])
    return RuleError(path, doc.line_of(where), field_name, err.message)


def _is_bundled(path: Path) -> bool:
    """Bundled rules may keep regexes that need backtracking (run with a length cap, see
    match.py); a user's rule must be linear-time (or provably bounded) to load."""
    try:
        return path.resolve().is_relative_to(bundled_rules_dir().resolve())
    except OSError:
        return False


def _compile(item: dict, path: str, doc: yamlsource.YamlDoc, base: tuple, trusted: bool = False) -> Rule:
    def fail(fieldpath: tuple, message: str, extra_lines: int = 0) -> RuleLoadError:
        full = base + fieldpath
        return RuleLoadError(RuleError(path, doc.line_of(full) + extra_lines,
                                       ".".join(map(str, full)), message))

    for lang in item["languages"]:
        if lang not in languages.KNOWN_LANGUAGES:
            known = ", ".join(sorted(languages.KNOWN_LANGUAGES))
            raise fail(("languages",), f"unknown language {lang!r} (known: {known})")
    match = item["match"]
    common = dict(
        id=item["id"], title=item["title"], severity=item["severity"],
        confidence=item["confidence"], category=item.get("category", "security"),
        cwe=tuple(item["cwe"]), owasp=tuple(item.get("owasp", ())),
        languages=tuple(item["languages"]), message=item["message"], docs=item["docs"].strip(),
        references=tuple(item.get("references", ())), path=path, line=doc.line_of(base),
        tags=tuple(item.get("tags", ())),
    )
    if "query" in match:
        rule = _compile_tree(item, match, common, fail, doc, base, trusted)
    else:
        rule = _compile_text(match, common, fail, trusted)
    names = _capture_names(rule)
    def check_template(text: str, where: tuple) -> None:
        for name, filt in templates.names(text):
            if name not in names:
                raise fail(where, f"placeholder {{{name}}} is not a capture of the match")
            if filt and filt not in templates.FILTERS:
                raise fail(where, f"unknown template filter |{filt} (known: {', '.join(sorted(templates.FILTERS))})")

    check_template(rule.message, ("message",))
    plain = item.get("plain-captures", [])
    for i, name in enumerate(plain):
        if not rule.is_secret:
            raise fail(("plain-captures",), "only `category: secret` rules redact captures")
        if name not in names:
            raise fail(("plain-captures", i), f"unknown capture {name!r}")
        if name in (rule.secret_group, "match"):
            raise fail(("plain-captures", i), f"capture {name!r} holds the secret: it is always redacted")
    rule = _replace(rule, plain_captures=frozenset(plain))
    if "fix" in item:
        fix = item["fix"]
        check_template(fix["title"], ("fix", "title"))
        for i, e in enumerate(fix["edits"]):
            if e["capture"] not in names:
                raise fail(("fix", "edits", i, "capture"), f"unknown capture {e['capture']!r}")
            for key in ("replace", "insert-before", "insert-after"):
                if key in e:
                    check_template(e[key], ("fix", "edits", i, key))
        rule = _replace(rule, fix=FixSpec(fix["title"], fix["safe"], tuple(
            EditSpec(e["capture"], e.get("replace"), e.get("insert-before"), e.get("insert-after"))
            for e in fix["edits"])))
    return rule


def _replace(rule: Rule, **kw) -> Rule:
    from dataclasses import replace
    return replace(rule, **kw)


_CAPTURE = re.compile(r"@([A-Za-z_][\w.-]*)")


def _capture_names(rule: Rule) -> set[str]:
    if rule.is_text:
        return set(rule.regex.groupindex) | {"match"}
    return set(_CAPTURE.findall(rule.query))


def _text_line(doc, path: tuple) -> int:
    """The line where a scalar's text starts (a `|` block starts on the next line)."""
    return doc.line_of(path) + (1 if path in doc.block_scalar else 0)


def _compile_tree(item, match, common, fail, doc, base, trusted=False) -> Rule:
    tree_langs = [lang for lang in item["languages"] if lang not in (languages.GENERIC, languages.UNPARSED)]
    if not tree_langs:
        raise fail(("languages",), "a query rule needs at least one parsed language")
    names = set(_CAPTURE.findall(match["query"]))
    if match["report"] not in names:
        raise fail(("match", "report"), f"capture @{match['report']} is not in the query")
    if match.get("statement") and match["statement"] not in names:
        raise fail(("match", "statement"), f"capture @{match['statement']} is not in the query")
    conditions = []
    for i, cond in enumerate(match.get("where", ())):
        conditions.append(_compile_condition(cond, names, tree_langs, fail, doc, base, i, trusted))
    return Rule(**common, query=match["query"], report=match["report"],
                statement=match.get("statement"), conditions=tuple(conditions),
                tree_languages=tuple(tree_langs), query_line=_text_line(doc, base + ("match", "query")))


_CAPTURE_KINDS = ("regex", "not-regex", "equals", "not-equals", "any-of", "not-any-of")
# text rules only: a look-ahead from the capture's start (on the rest of its line); the
# capture's text equal to (different from) another group's
_AHEAD_KINDS = ("ahead", "not-ahead", "behind", "not-behind", "same-as", "not-same-as")
_TREE_KINDS = ("inside", "not-inside", "has", "not-has", "file-has", "file-not-has")
FILE_KINDS = ("file-has", "file-not-has")


def _compile_condition(cond, names, langs, fail, doc, base, i, trusted=False) -> Condition:
    kinds = [k for k in (*_CAPTURE_KINDS, *_TREE_KINDS) if k in cond]
    where = ("match", "where", i)
    if len(kinds) != 1:
        raise fail(where, "a condition needs exactly one of " + ", ".join(_CAPTURE_KINDS + _TREE_KINDS))
    kind = kinds[0]
    capture = cond.get("capture")
    if capture is not None and capture not in names:
        raise fail(where + ("capture",), f"capture @{capture} is not in the query")
    if kind in _CAPTURE_KINDS and capture is None:
        raise fail(where, f"'{kind}' needs a 'capture'")
    if kind in FILE_KINDS and capture is not None:
        raise fail(where + ("capture",), f"'{kind}' looks at the whole file and takes no 'capture'")
    if kind in ("regex", "not-regex"):
        try:
            value = linear_regex.compile(cond[kind], trusted=trusted, boolean=True, lazy=trusted)
        except re.error as exc:
            raise fail(where + (kind,), f"invalid regex: {exc}") from None
        except linear_regex.NotLinear as exc:
            raise fail(where + (kind,), str(exc)) from None
    elif kind in ("any-of", "not-any-of"):
        value = frozenset(cond[kind])
    elif kind in _TREE_KINDS:
        return Condition(capture, kind, None, cond[kind], _text_line(doc, base + where + (kind,)))
    else:
        value = cond[kind]
    return Condition(capture, kind, value)


def _compile_text(match, common, fail, trusted=False) -> Rule:
    flags = re.MULTILINE | (re.DOTALL if match.get("multiline") else 0)
    pattern = match["regex"].encode("utf-8")
    try:
        regex = linear_regex.compile(pattern, flags, trusted=trusted, lazy=trusted)
        names = set(regex.groupindex)  # a lazy one is parsed here, compiled on first use
    except re.error as exc:
        raise fail(("match", "regex"), f"invalid regex: {exc}") from None
    except linear_regex.NotLinear as exc:
        raise fail(("match", "regex"), str(exc)) from None
    conditions = tuple(_compile_text_condition(cond, names, fail, i, trusted)
                       for i, cond in enumerate(match.get("where", ())))
    group = match.get("secret-group", "secret")
    if group not in regex.groupindex and group != "secret":
        raise fail(("match", "secret-group"), f"the regex has no group named {group!r}")
    validator = match.get("validate")
    if validator and validator not in secrets.VALIDATORS:
        raise fail(("match", "validate"),
                   f"unknown validator {validator!r} (known: {', '.join(sorted(secrets.VALIDATORS))})")
    keywords = tuple(k.lower().encode("utf-8") for k in match.get("keywords", ()))
    until = None
    if "until" in match:
        u = match["until"]
        if u["min-gap"] > u["max-gap"]:
            raise fail(("match", "until", "min-gap"), "min-gap is larger than max-gap")
        until = (tuple(t.encode("utf-8") for t in u["any-of"]), u["min-gap"], u["max-gap"])
    return Rule(**common, regex=regex, keywords=keywords, secret_group=group, conditions=conditions,
                min_entropy=float(match.get("min-entropy", 0.0)), validator=validator,
                multiline=bool(match.get("multiline")), until=until)


def _compile_text_condition(cond, names, fail, i, trusted=False) -> Condition:
    """A check on one group of a text rule's match (on its bytes, as the regex sees them): a
    match that fails it is dropped and the search goes on from the next position, as a
    look-ahead in the regex would. It keeps value filters out of the regex itself, where they
    would need backtracking."""
    where = ("match", "where", i)
    kinds = [k for k in _CAPTURE_KINDS + _AHEAD_KINDS if k in cond]
    if len(kinds) != 1 or any(k in cond for k in _TREE_KINDS):
        raise fail(where, "a text rule's condition needs exactly one of "
                   + ", ".join(_CAPTURE_KINDS + _AHEAD_KINDS))
    kind = kinds[0]
    capture = cond.get("capture")
    if capture is None:
        raise fail(where, f"'{kind}' needs a 'capture'")
    if capture not in names:
        raise fail(where + ("capture",), f"capture {capture!r} is not a group of the regex")
    if kind in ("same-as", "not-same-as"):
        if cond[kind] not in names:
            raise fail(where + (kind,), f"{cond[kind]!r} is not a group of the regex")
        value = cond[kind]
    elif kind in ("regex", "not-regex", "ahead", "not-ahead", "behind", "not-behind"):
        pattern = cond[kind].encode("utf-8")
        if kind in ("ahead", "not-ahead"):  # matched at the capture's start: a look-ahead
            flags = re.match(rb"\(\?[aiLmsux]+\)", pattern)  # global flags stay first
            cut = flags.end() if flags else 0
            end = b"\n)" if flags and b"x" in flags.group() else b")"  # after a comment
            pattern = pattern[:cut] + rb"\A(?:" + pattern[cut:] + end
        elif kind in ("behind", "not-behind"):  # ending at the capture's start: a look-behind
            flags = re.match(rb"\(\?[aiLmsux]+\)", pattern)
            cut = flags.end() if flags else 0
            end = b"\n)\\Z" if flags and b"x" in flags.group() else b")\\Z"
            pattern = pattern[:cut] + b"(?:" + pattern[cut:] + end
        try:
            value = linear_regex.compile(pattern, trusted=trusted, boolean=True, lazy=trusted)
        except re.error as exc:
            raise fail(where + (kind,), f"invalid regex: {exc}") from None
        except linear_regex.NotLinear as exc:
            raise fail(where + (kind,), str(exc)) from None
    elif kind in ("any-of", "not-any-of"):
        value = frozenset(v.encode("utf-8") for v in cond[kind])
    else:
        value = cond[kind].encode("utf-8")
    return Condition(capture, kind, value)


def default_rule_dirs(extra: list[str | os.PathLike] = ()) -> list[Path]:
    return [bundled_rules_dir(), *map(Path, extra)]
