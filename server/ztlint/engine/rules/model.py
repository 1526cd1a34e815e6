"""The rule model: what a loaded rule is (no loading or compiling here)."""

from __future__ import annotations

from dataclasses import dataclass

from .. import languages, linear_regex


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
    kind: str  # regex, not-regex, equals, not-equals, any-of, not-any-of, inside, not-inside, has, not-has, lookup
    value: object  # compiled regex, string, frozenset or look-up steps; None for tree conditions (see LanguagePack)
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
    requires: tuple = ()  # look-up steps (lookup.Step): no fix unless they all find something


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
    # flow rules: the sink kind and sinks (flow.spec.TaintRule); sources come from the models
    taint: object | None = None

    @property
    def has_lookups(self) -> bool:
        """Its finding or fix depends on text outside the match (see lookup.py)."""
        return any(c.kind == "lookup" for c in self.conditions) or bool(self.fix and self.fix.requires)

    @property
    def is_flow(self) -> bool:
        return self.taint is not None

    @property
    def is_text(self) -> bool:
        return self.regex is not None

    @property
    def is_secret(self) -> bool:
        return self.category == "secret"

    def applies_to(self, language: str | None) -> bool:
        if self.is_flow:
            return language in self.languages
        if self.is_text:
            return (languages.GENERIC in self.languages or language in self.languages
                    or (language is None and languages.UNPARSED in self.languages))
        return language in self.tree_languages


UNUSED_SUPPRESSION = Rule(
    id="ztlint-unused-suppression", title="Suppression comment that suppresses nothing",
    severity="info", confidence="high", category="security", cwe=("CWE-1164",), owasp=(),
    languages=(languages.GENERIC,),
    message="unused suppression: no {rules} finding here", path="<builtin>", line=0,
    docs="A `ztlint: ignore[...]` comment that no longer matches a finding hides nothing today "
         "but would silently hide a future finding. Remove it. Reported with "
         "`--report-unused-suppressions`.", references=(),
)


KNOWN_VULNERABLE = Rule(
    id="deps-known-vulnerable-version", title="Pinned or locked dependency version with a known vulnerability",
    severity="warning", confidence="high", category="security", cwe=("CWE-1395",),
    owasp=("A06:2021-Vulnerable and Outdated Components",), languages=(languages.GENERIC,),
    message="{package} {version} has a known vulnerability: {advisory}", path="<builtin>", line=0,
    docs="A version pinned in `requirements*.txt`, `pyproject.toml` or `package.json`, or locked "
         "in `poetry.lock`, `uv.lock` or `package-lock.json`, that an advisory in the OSV "
         "database lists as affected. Reported only when an OSV database is configured "
         "(`--osv-db PATH`, config `osv-db`, editor setting `ztlint.osvDb`): download the "
         "ecosystems you use from osv.dev (`https://osv-vulnerabilities.storage.googleapis.com/"
         "PyPI/all.zip`, `.../npm/all.zip`) into a folder; ztlint reads it offline and never "
         "downloads anything. The message names each advisory with its severity and the first "
         "version that fixes it; the fix bumps the pin to the lowest version that fixes them "
         "all. Critical and high advisories are errors, the others warnings.\n\n"
         "Bad (`requirements.txt`):\n\n```\ndjango==3.2.0\n```\n\n"
         "Good:\n\n```\ndjango==3.2.25\n```",
    references=("https://ossf.github.io/osv-schema/", "https://google.github.io/osv.dev/data/"),
)

#: Rules the engine itself provides (no rule file).
BUILTIN = (UNUSED_SUPPRESSION, KNOWN_VULNERABLE)


_CAPTURE_KINDS = ("regex", "not-regex", "equals", "not-equals", "any-of", "not-any-of")


# text rules only: a look-ahead from the capture's start (on the rest of its line); the
# capture's text equal to (different from) another group's
_AHEAD_KINDS = ("ahead", "not-ahead", "behind", "not-behind", "same-as", "not-same-as")


_TREE_KINDS = ("inside", "not-inside", "has", "not-has", "file-has", "file-not-has")


FILE_KINDS = ("file-has", "file-not-has")
