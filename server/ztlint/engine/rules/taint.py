"""Flow rules and taint models from YAML (schema-checked) -> the flow engine's spec."""

from __future__ import annotations

import re

from ..flow import spec
from .. import languages
from .model import RuleError


def compile_taint(match: dict, rule_id: str, fail) -> spec.TaintRule:
    t = match["taint"]
    sinks = []
    for i, s in enumerate(t["sinks"]):
        when = s.get("when")
        for name in s.get("calls", ()):
            if name != "<handler-return>" and not _qualified(name):
                raise fail(("match", "taint", "sinks", i, "calls"),
                           f"{name!r} is not a dotted name (or .method, or <handler-return>)")
        for key in ("stores", "sets"):
            for name in s.get(key, ()):
                if not _qualified(name):
                    raise fail(("match", "taint", "sinks", i, key), f"{name!r} is not a dotted name")
        regexes = {}
        for key in ("assigned-to", "returned-from", "receiver-names", "safe-prefix"):
            if key in s:
                try:
                    regexes[key] = re.compile(s[key])
                except re.error as exc:
                    raise fail(("match", "taint", "sinks", i, key), f"invalid regex: {exc}") from None
        sinks.append(spec.Sink(tuple(s.get("calls", ())), tuple(s.get("args", ())),
                               bool(s.get("argv-list", False)), bool(s.get("receiver", False)),
                               (when["keyword"], when["equals"]) if when else None,
                               tuple(s.get("stores", ())), regexes.get("assigned-to"),
                               regexes.get("returned-from"),
                               (s["unless"]["keyword"], tuple(s["unless"]["names"])) if "unless" in s else None,
                               sets=tuple(s.get("sets", ())),
                               receiver_names=regexes.get("receiver-names"),
                               safe_prefix=regexes.get("safe-prefix"),
                               unless_literal=(tuple(s["unless-literal"]["keywords"]),
                                               s["unless-literal"]["lacks"])
                               if "unless-literal" in s else None,
                               template=s.get("template")))
    return spec.TaintRule(rule_id, t["kind"], tuple(sinks), t.get("sources", "untrusted"),
                          t.get("local-sources", True), t.get("fix"),
                          tuple(t.get("ignore-sources", ())))


def compile_models(data: list, path: str, doc) -> tuple[list[tuple[str, spec.Model]], list[RuleError]]:
    out, errors = [], []
    for i, m in enumerate(data):
        langs = [m["language"]] if isinstance(m["language"], str) else m["language"]
        unknown = [lang for lang in langs if lang not in languages.KNOWN_LANGUAGES]
        if unknown:
            errors.append(RuleError(path, doc.line_of(("models", i, "language")),
                                    f"models.{i}.language", f"unknown language {unknown[0]!r}"))
            continue
        model = spec.Model(
            sources=tuple(spec.Source(s["id"], tuple(s["names"]), s.get("trust", "remote"),
                                      s.get("category", "untrusted"))
                          for s in m.get("sources", ())),
            request_params=tuple(spec.RequestParam(r["type"], tuple(r.get("names", ())),
                                                   tuple(r.get("annotations", ())),
                                                   tuple(r.get("bases", ())),
                                                   position=r.get("position", 0),
                                                   callbacks_of=tuple(r.get("callbacks-of", ())))
                                 for r in m.get("request-parameters", ())),
            handlers=tuple(spec.Handlers(tuple(h.get("decorators", ())), tuple(h.get("injected", ())),
                                         tuple(h.get("first-parameter", ())),
                                         tuple(h.get("bases", ())), tuple(h.get("methods", ())),
                                         tuple(h.get("imports", ())),
                                         re.compile(h["paths"]) if "paths" in h else None)
                           for h in m.get("handlers", ())),
            sanitizers=tuple(spec.Sanitizer(tuple(s["names"]), frozenset(s["clears"]))
                             for s in m.get("sanitizers", ())),
            no_return=tuple(m.get("no-return", ())),
            html_responses=tuple(m.get("html-responses", ())),
            renames=tuple((tuple(r["sources"]), tuple(r["attributes"]), r["becomes"])
                          for r in m.get("renames", ())),
            propagators=spec.Propagators(tuple(m["propagators"].get("calls", ())),
                                         frozenset(m["propagators"].get("methods", ())),
                                         m["propagators"].get("constructors", False),
                                         frozenset(m["propagators"].get("stores", ())))
            if "propagators" in m else None,
            containers=frozenset(m.get("containers", ())),
            server_keys=frozenset(m.get("server-values", {}).get("keys", ())),
            server_maps=frozenset(m.get("server-values", {}).get("in", ())))
        out.extend((lang, model) for lang in langs)
    return out, errors


def _qualified(name: str) -> bool:
    body = name[1:] if name.startswith(".") else name
    return bool(body) and all(p.replace("_", "a").replace("$", "a").isalnum() for p in body.split("."))
