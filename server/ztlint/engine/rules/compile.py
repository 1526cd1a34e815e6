"""One rule's YAML (schema-checked, definitions expanded) -> :class:`Rule`: its regexes,
conditions, templates and fix checked, with file, line and field on every error."""

from __future__ import annotations

import re

from .. import languages, linear_regex, lookup, secrets, templates, yamlsource
from .taint import compile_taint
from .model import (_AHEAD_KINDS, _CAPTURE_KINDS, _TREE_KINDS, FILE_KINDS, Condition, EditSpec,
                    FixSpec, Rule, RuleError, RuleLoadError)

def compile_rule(item: dict, path: str, doc: yamlsource.YamlDoc, base: tuple, trusted: bool = False) -> Rule:
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
    elif "taint" in match:
        rule = Rule(**common, taint=compile_taint(match, item["id"], fail))
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
        requires = ()
        if "requires" in fix:
            if rule.query is None:
                raise fail(("fix", "requires"), "look-ups need a tree rule (a query)")
            try:
                requires, extra = lookup.parse(fix["requires"], names)
            except lookup.BadStep as exc:
                raise fail(("fix", "requires"), str(exc)) from None
            names = names | extra
        check_template(fix["title"], ("fix", "title"))
        for i, e in enumerate(fix["edits"]):
            if e["capture"] not in names:
                raise fail(("fix", "edits", i, "capture"), f"unknown capture {e['capture']!r}")
            for key in ("replace", "insert-before", "insert-after"):
                if key in e:
                    check_template(e[key], ("fix", "edits", i, key))
        rule = _replace(rule, fix=FixSpec(fix["title"], fix["safe"], tuple(
            EditSpec(e["capture"], e.get("replace"), e.get("insert-before"), e.get("insert-after"))
            for e in fix["edits"]), requires))
    return rule


def _replace(rule: Rule, **kw) -> Rule:
    from dataclasses import replace
    return replace(rule, **kw)


_CAPTURE = re.compile(r"@([A-Za-z_][\w.-]*)")


def _capture_names(rule: Rule) -> set[str]:
    if rule.is_flow:
        return {"source", "sink"}
    if rule.is_text:
        return set(rule.regex.groupindex) | {"match"}
    found = set().union(*(lookup.bound_names(c.value) for c in rule.conditions if c.kind == "lookup"))
    return set(_CAPTURE.findall(rule.query)) | found


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
        if "lookup" in cond:  # values found elsewhere in the file, usable by later look-ups
            if len(cond) != 1:
                raise fail(("match", "where", i), "'lookup' takes no other key")
            try:
                steps, bound = lookup.parse(cond["lookup"], names)
            except lookup.BadStep as exc:
                raise fail(("match", "where", i, "lookup"), str(exc)) from None
            conditions.append(Condition(None, "lookup", steps))
            names = names | bound
            continue
        conditions.append(_compile_condition(cond, names, tree_langs, fail, doc, base, i, trusted))
    return Rule(**common, query=match["query"], report=match["report"],
                statement=match.get("statement"), conditions=tuple(conditions),
                tree_languages=tuple(tree_langs), query_line=_text_line(doc, base + ("match", "query")))


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
