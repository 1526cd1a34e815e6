"""The one entry point every front-end uses: text in, findings out."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import tree_sitter

from . import baseline as baselinemod
from . import guard, kinds, languages, suppress
from .budget import Budget
from .config import Config
from .findings import Finding
from .positions import LineIndex, parser_text
from .rules import UNUSED_SUPPRESSION, RuleSet
from .severity import Confidence, Severity


@dataclass
class Analysis:
    language: str | None
    tree: tree_sitter.Tree | None
    findings: list[Finding]
    suppressed: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class ParseTimeout(Exception):
    """Parsing took longer than the file's budget (deep nesting, thousands of heredocs ...)."""

    def __init__(self, seconds: float):
        super().__init__(f"not parsed: parse took longer than {seconds:g} s, half of the "
                         "budget (only text rules ran): results are partial")


_CHUNK = 1 << 16


def parse_seconds(budget_seconds: float | None) -> float | None:
    """The part of a file's budget its parse may take: half, so the text (secret) rules
    still run when the parse is cut short."""
    return None if budget_seconds is None else budget_seconds / 2


def parse_text(parser: tree_sitter.Parser, text: bytes, old_tree: tree_sitter.Tree | None = None,
               seconds: float | None = None) -> tree_sitter.Tree:
    """``parser`` run on ``text`` (already LineIndex.parser_source), stopped after ``seconds``
    (raises :class:`ParseTimeout`). tree-sitter checks a progress callback only when it reads
    the text through a callback, so the text is handed over in chunks."""
    if seconds is None:
        return parser.parse(text, old_tree) if old_tree is not None else parser.parse(text)
    start = time.monotonic()
    deadline = start + seconds

    def read(byte: int, _point) -> bytes:
        return text[byte:byte + _CHUNK]

    def late(*_) -> bool:
        return time.monotonic() > deadline

    try:
        if old_tree is not None:
            tree = parser.parse(read, old_tree, progress_callback=late)
        else:
            tree = parser.parse(read, progress_callback=late)
    except ValueError:  # cancelled by the callback
        parser.reset()  # or the next parse would resume this one
        raise ParseTimeout(seconds) from None
    # A tree parsed through a callback reads node text back through it: every query predicate
    # and Node.text becomes a Python call copying a chunk (0.3 s of query matching on a
    # 10,000-line file). Parsing the bytes again on top of it reuses its nodes (a few ms) and
    # gives a tree that holds its text; skipped when that could overrun the deadline.
    now = time.monotonic()
    return parser.parse(text, tree) if now - start < deadline - now else tree


def parse(source: bytes, language: str, old_tree: tree_sitter.Tree | None = None,
          seconds: float | None = None) -> tree_sitter.Tree:
    """Raises :class:`guard.TooDeep` for input the grammar would crash on, and
    :class:`ParseTimeout` when parsing takes longer than ``seconds``."""
    guard.check(source, language)
    parser = languages.parser(language)
    source = parser_text(source)  # same offsets; no lone \r, NUL or bytes that are not UTF-8
    return parse_text(parser, source, old_tree, seconds)


def collect(source: bytes, index: LineIndex, path: str, language: str | None,
            tree: tree_sitter.Tree | None, ruleset: RuleSet, config: Config,
            budget: Budget | None = None, externals=None, exports=None) -> list[Finding]:
    """Raw findings (before suppressions) of every kind of rule over the whole text (see
    ``kinds``). With a ``budget``, the work stops when it is spent and the budget says so."""
    view = kinds.View(source, index, path, language, tree, ruleset, config, budget,
                      externals=externals, exports=exports)
    return [f for kind in kinds.FULL for f in kind.run(view, None)]


def finalize(found: list[Finding], source: bytes, index: LineIndex, path: str,
             language: str | None, ruleset: RuleSet, config: Config, report_unused: bool = False,
             tree: tree_sitter.Tree | None = None, baseline: frozenset[str] = frozenset()
             ) -> tuple[list[Finding], list[Finding]]:
    """Finish the findings where the text is: severity overrides, suppressions, character and
    UTF-16 columns (those not known yet), baseline state (``baseline``: the accepted
    fingerprints). Returns (kept, suppressed), each sorted; front-ends only convert them.
    ``tree``: the file's syntax tree, whose comment nodes are where directives count."""
    sups = suppress.parse(source, index.starts, tree, path)
    kept, hidden = [], []
    for f in _one_secret_per_span(sorted(found, key=Finding.sort_key), ruleset):
        rule = ruleset.rules[f.rule_id]
        f.severity = config.severity_of(f.rule_id, f.severity, rule.tags)
        if suppress.is_suppressed(f, sups, rule.is_secret, language):
            hidden.append(f)
        else:
            kept.append(f)
    if report_unused and config.enabled(UNUSED_SUPPRESSION.id):
        for s in sups.all():
            if not s.used:
                kept.append(_unused(s, index, path))
        kept.sort(key=Finding.sort_key)
    for f in kept + hidden:
        f.complete(index)
    baselinemod.mark(kept + hidden, baseline)
    return kept, hidden


def _one_secret_per_span(found: list[Finding], ruleset: RuleSet) -> list[Finding]:
    """Where several secret rules report overlapping text (a provider's token and a generic
    bearer-header rule, say), keep the most specific: a checksum-validated rule first, then
    higher confidence, then higher severity, then the narrower match."""
    def rank(f: Finding):
        r = ruleset.rules[f.rule_id]
        return (r.validator is not None, Confidence(r.confidence).rank, Severity(r.severity).rank,
                -(f.end_byte - f.start_byte), f.rule_id)
    secrets_ = [f for f in found if ruleset.rules[f.rule_id].is_secret]
    if len(secrets_) < 2:
        return found
    dropped: set[int] = set()
    secrets_.sort(key=lambda f: f.start_byte)
    for i, a in enumerate(secrets_):
        if id(a) in dropped:
            continue
        for b in secrets_[i + 1:]:
            if b.start_byte >= a.end_byte:
                break
            if id(b) in dropped:
                continue
            loser = b if rank(a) >= rank(b) else a
            dropped.add(id(loser))
            if loser is a:
                break
    return [f for f in found if id(f) not in dropped]


def _unused(s: suppress.Suppression, index: LineIndex, path: str) -> Finding:
    line = index.line_bytes(s.row)
    start = index.starts[s.row]
    col = line.find(b"ztlint:")
    rules = ", ".join(sorted(s.rules))
    return Finding(rule_id=UNUSED_SUPPRESSION.id, severity=UNUSED_SUPPRESSION.severity,
                   message=UNUSED_SUPPRESSION.message.replace("{rules}", rules),
                   start_byte=start + col, end_byte=start + len(line), start=(s.row, col),
                   end=(s.row, len(line)), anchor=(s.row, s.row), path=path,
                   fingerprint="")


def analyze(source: bytes, path: str, ruleset: RuleSet, config: Config,
            language: str | None = None, report_unused: bool = False,
            tree: tree_sitter.Tree | None = None, parse_tree: bool = True,
            baseline: frozenset[str] = frozenset(), externals=None, exports=None) -> Analysis:
    """Full analysis of one file's bytes (of ``tree`` when given: a tree of exactly ``source``).

    The work is bounded by ``config.analysis_budget`` seconds; when cut short, when some rule
    could not check part of the file, or when the file could not be parsed, ``notes`` says so
    (the findings are partial). ``parse_tree=False`` runs the text rules only (for a file whose
    parse crashed a worker). ``baseline``: fingerprints of accepted findings (see finalize).
    ``externals``/``exports``: flow summaries of other modules to use / to fill (flow.project)."""
    if language is None:
        language = languages.detect(path, source[:256])
    ruleset.prepare(language, tree=parse_tree)
    budget = Budget(config.analysis_budget)
    notes: list[str] = []
    if tree is None and language and parse_tree:
        try:
            tree = parse(source, language, seconds=parse_seconds(budget.seconds))
        except (guard.TooDeep, ParseTimeout, languages.GrammarMissing) as exc:
            notes.append(str(exc))  # text (secret) rules still run; tree rules cannot
    index = LineIndex(source)
    found = collect(source, index, path, language, tree, ruleset, config, budget=budget,
                    externals=externals, exports=exports)
    kept, hidden = finalize(found, source, index, path, language, ruleset, config, report_unused,
                            tree, baseline)
    return Analysis(language, tree, kept, hidden, notes + list(budget.notes))
