"""Loading rule files: YAML, schema validation, definitions, then compile.py per rule. A broken
rule file becomes a :class:`RuleError` naming file, line and field; the other rules keep
working."""

from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path

from .. import yamlsource
from . import definitions
from .compile import compile_rule
from .model import Rule, RuleError, RuleLoadError
from .packs import RuleSet
from .taint import compile_models

# A folder's taint models (sources, sanitizers ...): they apply to every flow rule loaded with
# a rule directory above them.
MODELS_FILE = "_models.yaml"


def bundled_rules_dir() -> Path:
    """Rules shipped in the wheel (``ztlint/rules``), or the repo's ``rules/`` when run from source."""
    packaged = Path(__file__).parents[2] / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[4] / "rules"


@functools.cache
def _schema_validator():
    import jsonschema  # only when a rule file is not in the cache (load time matters)
    text = (Path(__file__).parents[1] / "rule-schema.json").read_text(encoding="utf-8")
    return jsonschema.Draft202012Validator(json.loads(text))


def rule_schema() -> dict:
    return _schema_validator().schema


def is_rule_file(path: Path) -> bool:
    name = path.name
    return name.endswith((".yaml", ".yml")) and ".fixture." not in name and ".fixed." not in name \
        and not name.startswith(".") and name not in (definitions.FILE_NAME, MODELS_FILE)


def is_rule_source(path: Path) -> bool:
    """A file that loading a rule folder reads: a rule file, definitions or taint models."""
    return is_rule_file(path) or path.name in (definitions.FILE_NAME, MODELS_FILE)


def rule_files(directory: Path) -> list[Path]:
    return sorted(p for p in Path(directory).rglob("*") if p.is_file() and is_rule_file(p))


def load_rules(dirs: list[Path | str], files: list[Path | str] = (),
               roots: list[Path | str] = (), cache: Path | None = None) -> RuleSet:
    """Load every rule file under ``dirs`` (and the given files). Errors are collected, not raised.
    ``roots``: more rule directories whose ``_definitions.yaml`` files apply to ``files`` (a
    file checked alone still sees the definitions of the folders above it). ``cache``: a
    folder that keeps the checked rule files across runs (see datacache.py)."""
    docs = None
    if cache is not None:
        from .datacache import DocCache
        docs = DocCache(cache, repr([[str(Path(p).resolve()) for p in ps] for ps in (dirs, files, roots)]))
    try:
        return _load_rules(dirs, files, roots, _Reader(docs))
    finally:
        if docs is not None:
            docs.close()


def _load_rules(dirs, files, roots, read: "_Reader") -> RuleSet:
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
    models: list = []  # (language, flow.spec.Model) of every `models:` file
    roots = [Path(d) for d in [*dirs, *roots]]
    shared: dict[Path, dict] = {}  # _definitions.yaml files, read once
    resolved = [r.resolve() for r in roots]
    for mpath in sorted({m for d in roots if d.is_dir() for m in d.rglob(MODELS_FILE) if m.is_file()}):
        file_rules, file_models, file_errors = _load_file(mpath, read=read)
        models.extend(file_models)
        errors.extend(file_errors)
        if file_rules:
            errors.append(RuleError(str(mpath), 1, "models", f"{MODELS_FILE} holds only `models:`"))
    for path in paths:
        layers = []
        for dpath in definitions.folder_files(path, resolved):
            if dpath not in shared:
                shared[dpath], errs = _definitions_file(dpath, read)
                errors.extend(errs)
            layers.append(shared[dpath])
        file_rules, file_models, file_errors = _load_file(path, layers, read)
        errors.extend(file_errors)
        models.extend(file_models)
        for rule in file_rules:
            if rule.id in seen:
                errors.append(RuleError(str(path), rule.line, "id",
                                        f"duplicate rule id {rule.id!r} (first in {seen[rule.id]})"))
                continue
            seen[rule.id] = str(path)
            rules.append(rule)
    return RuleSet(rules, errors, models)


class _Reader:
    """Reads rule files for one load: the checked YAML of each (from ``docs`` when it holds the
    same bytes), and the bundled rule folder resolved once."""

    def __init__(self, docs=None):
        self.docs = docs
        try:
            self.bundled = bundled_rules_dir().resolve()
        except OSError:
            self.bundled = None

    def is_bundled(self, path: Path) -> bool:
        """Bundled rules may keep regexes that need backtracking (run with a length cap, see
        match.py); a user's rule must be linear-time (or provably bounded) to load."""
        try:
            return self.bundled is not None and path.resolve().is_relative_to(self.bundled)
        except OSError:
            return False

    def __call__(self, path: Path) -> tuple[yamlsource.YamlDoc | None, RuleError | None]:
        """The schema-checked YAML of a rule or definitions file, or why not."""
        spath = str(path)
        try:
            size = Path(path).stat().st_size
            if size > yamlsource.MAX_BYTES:  # refused before reading it
                return None, RuleError(spath, 1, "yaml", yamlsource.too_large(size))
            data = Path(path).read_bytes()
            # as read_text would: universal newlines
            text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        except (OSError, UnicodeDecodeError) as exc:
            return None, RuleError(spath, 0, "file", f"cannot read: {exc}")
        key = self.docs.key(spath, data) if self.docs is not None else None
        doc = self.docs.get(key) if key is not None else None
        if doc is not None:
            return doc, None
        try:
            doc = yamlsource.load(text)
        except yamlsource.YamlSyntaxError as exc:
            return None, RuleError(spath, exc.line, "yaml", exc.message)
        errors = sorted(_schema_validator().iter_errors(doc.data), key=lambda e: list(e.absolute_path))
        if errors:
            return None, _schema_error(spath, doc, errors)
        if key is not None:
            self.docs.put(key, doc)  # only a file that passed: errors are found again
        return doc, None


def _definitions_file(path: Path, read: _Reader) -> tuple[dict, list[RuleError]]:
    doc, error = read(path)
    if error is not None:
        return {}, [error]
    if "definitions" not in doc.data or set(doc.data) != {"definitions"}:
        return {}, [RuleError(str(path), 1, "<root>", f"{definitions.FILE_NAME} holds only `definitions:`")]
    return definitions.from_doc(doc, str(path)), []


def load_rule_file(path: Path, shared: list[dict] = ()) -> tuple[list[Rule], list[RuleError]]:
    """The rules of one file; ``shared``: the definitions of its folders (outermost first)."""
    found, _models, errors = _load_file(path, shared)
    return found, errors


def _load_file(path: Path, shared: list[dict] = (), read: _Reader | None = None
               ) -> tuple[list[Rule], list, list[RuleError]]:
    """(rules, taint models, errors) of one file."""
    spath = str(path)
    read = read or _Reader()
    doc, error = read(Path(path))
    if error is not None:
        return [], [], [error]
    if "models" in doc.data:
        found, errs = compile_models(doc.data["models"], spath, doc)
        return [], found, errs
    if "rules" not in doc.data and "id" not in doc.data:
        return [], [], [RuleError(spath, 1, "rules", "a rule file needs `rules:` (or one rule)")]
    scope = definitions.Scope([*shared, definitions.from_doc(doc, spath)])
    trusted = read.is_bundled(Path(path))
    items = doc.data["rules"] if "rules" in doc.data else [doc.data]
    prefix = ("rules",) if "rules" in doc.data else ()
    rules, errs = [], []
    for i, item in enumerate(items):
        base = prefix + ((i,) if prefix else ())
        try:
            if "(?&" in repr(item["match"]):
                item = {**item, "match": scope.expand(item["match"], doc, spath, base + ("match",))}
            rules.append(compile_rule(item, spath, doc, base, trusted))
        except (RuleLoadError, definitions.DefinitionError) as exc:
            errs.append(exc.error)
    return rules, [], errs


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


def default_rule_dirs(extra: list[str | os.PathLike] = ()) -> list[Path]:
    return [bundled_rules_dir(), *map(Path, extra)]
