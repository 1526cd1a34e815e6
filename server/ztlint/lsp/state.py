"""All mutable state of the language server lives here, in one ServerState object.

Per document: a Document (lsp/document.py: the engine's IncrementalDocument, the LSP version
and a pending debounce timer). Per workspace folder: the merged Config (repo file + editor settings).
Rule sets are cached by their rule directories and dropped when rules or config change.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the engine is imported when the first document needs it (start-up time)
    from ..engine import config as cfgmod
    from ..engine import rules
    from ..engine.flow.project import Project
    from .document import Document

log = logging.getLogger("ztlint.lsp")

DEFAULT_DEBOUNCE_MS = 150  # an upper bound: see lsp/debounce.py


def settings_to_config(settings: dict) -> dict:
    """Editor settings (VS Code names) -> config-file keys understood by Config.merged()."""
    out: dict = {}
    s = settings or {}
    rules_ = {}
    if s.get("disabledRules"):
        rules_["disable"] = list(s["disabledRules"])
    if s.get("enabledRules"):
        rules_["enable"] = list(s["enabledRules"])
    if rules_:
        out["rules"] = rules_
    if s.get("severityOverrides"):
        out["severity"] = dict(s["severityOverrides"])
    if s.get("ruleDirs"):
        out["rule-dirs"] = list(s["ruleDirs"])
    if s.get("exclude"):
        out["exclude"] = list(s["exclude"])
    if s.get("maxFileSize"):
        out["max-file-size"] = int(s["maxFileSize"])
    if s.get("profile"):
        out["profile"] = s["profile"]
    if isinstance(s.get("osvDb"), str) and s["osvDb"].strip():
        out["osv-db"] = s["osvDb"].strip()
    return out


@dataclass
class ServerState:
    folders: list[Path] = field(default_factory=list)
    settings: dict[str, dict] = field(default_factory=dict)  # folder path ("" = global) -> raw settings
    init_options: dict = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    configs: dict[Path | None, cfgmod.Config] = field(default_factory=dict)
    rulesets: dict[tuple, rules.RuleSet] = field(default_factory=dict)
    config_errors: dict[str, str] = field(default_factory=dict)  # config path -> message
    rule_error_files: set[str] = field(default_factory=set)
    baselines: dict[Path, tuple[int, frozenset[str]]] = field(default_factory=dict)
    errors_published: int = 0
    scanned_uris: set[str] = field(default_factory=set)
    # flow summaries of each folder's modules (open documents and what they import)
    projects: dict = field(default_factory=dict)
    pull_mode: bool = False
    notebooks: dict = field(default_factory=dict)  # notebook URI -> lsp.notebooks.OpenNotebook
    last_activity: float = 0.0  # loop time of the last didOpen/didChange (warmup.py waits for a pause)

    # -- settings ----------------------------------------------------------------------
    def setting(self, key: str, folder: Path | None = None, default=None):
        for scope in ((str(folder) if folder else None), ""):
            if scope is not None and key in self.settings.get(scope, {}):
                return self.settings[scope][key]
        return self.init_options.get(key, default)

    def config_settings(self) -> dict:
        """The settings that change configs (rules, severities ...), per scope."""
        return {scope: c for scope, v in self.settings.items() if (c := settings_to_config(v))}

    @property
    def debounce_ms(self) -> int:
        value = self.setting("debounceMs", default=DEFAULT_DEBOUNCE_MS)
        try:
            return max(0, int(value))
        except (TypeError, ValueError):
            return DEFAULT_DEBOUNCE_MS

    @property
    def trusted(self) -> bool:
        # In an untrusted (Restricted Mode) workspace only the bundled rules run: the repo's
        # config may not point the server at rule files of its choosing.
        return bool(self.init_options.get("trusted", True))

    # -- folders and config ------------------------------------------------------------
    def folder_for(self, path: Path) -> Path | None:
        best = None
        for f in self.folders:
            if path == f or f in path.parents:
                if best is None or len(str(f)) > len(str(best)):
                    best = f
        return best

    def config_for(self, folder: Path | None, start: Path | None = None) -> cfgmod.Config:
        from ..engine import config as cfgmod
        if folder in self.configs:
            return self.configs[folder]
        base_dir = folder or (start.parent if start else Path.cwd())
        try:
            cfg = cfgmod.load_config(base_dir)
            if cfg.source:
                self.config_errors.pop(str(cfg.source), None)
        except cfgmod.ConfigError as exc:
            log.warning("configuration error: %s", exc)
            self.config_errors[exc.path] = str(exc)
            cfg = cfgmod.Config(root=base_dir)
        if not self.trusted:
            cfg = replace(cfg, rule_dirs=())
        # initializationOptions are the lowest layer: clients without workspace/configuration
        # pass settings that way only
        overrides = settings_to_config({**self.init_options, **self.settings.get("", {}),
                                        **self.settings.get(str(folder), {})})
        if not self.trusted:
            overrides.pop("rule-dirs", None)
        try:
            cfg = cfg.merged(overrides) if overrides else cfg
        except cfgmod.ConfigError as exc:
            log.warning("settings error: %s", exc)
            self.config_errors["editor settings"] = str(exc)
        self.configs[folder] = cfg
        return cfg

    def ruleset_for(self, cfg: cfgmod.Config) -> rules.RuleSet:
        from ..engine import cachedir, rules
        key = tuple(cfg.rule_dirs)
        if key not in self.rulesets:
            self.rulesets[key] = rules.load_rules(rules.default_rule_dirs(cfg.rule_dirs),
                                                  cache=cachedir.for_config(cfg))
        return self.rulesets[key]

    def baseline_for(self, cfg: cfgmod.Config) -> frozenset[str]:
        """Fingerprints accepted in the config's baseline file (re-read when the file changes)."""
        from ..engine import baseline as baselinemod
        path = cfg.baseline
        if path is None:
            return frozenset()
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            return frozenset()
        cached = self.baselines.get(path)
        if cached is None or cached[0] != stamp:
            try:
                cached = (stamp, baselinemod.fingerprints(baselinemod.load(path)))
            except baselinemod.BaselineError as exc:
                log.warning("%s", exc)
                cached = (stamp, frozenset())
            self.baselines[path] = cached
        return cached[1]

    def refresh_baseline(self, doc: Document) -> None:
        """Give the document the current baseline of its folder (the engine marks findings)."""
        doc.set_baseline(self.baseline_for(self.config_for(doc.folder, Path(doc.path))))

    def error_count(self) -> int:
        return sum(len(rs.errors) for rs in self.rulesets.values()) + len(self.config_errors)

    def invalidate(self) -> None:
        """Rules or config changed: forget compiled rules and merged configs."""
        self.configs.clear()
        self.rulesets.clear()

    # -- documents ---------------------------------------------------------------------
    def open_document(self, uri: str, path: Path, language_id: str | None, version: int | None,
                      source: bytes) -> Document:
        from ..engine import languages
        from .document import Document
        folder = self.folder_for(path)
        language = languages.detect(str(path), source[:256], language_id)
        doc = Document(uri, str(path), folder, language, version)
        self.documents[uri] = doc
        self._attach(doc, source)
        return doc

    def recheck(self, doc: Document) -> bool:
        """After edits, apply the limits didOpen applies: a document that grew past
        max-file-size (or became binary) is skipped, one back within them is analysed again.
        True when the document changed between skipped and analysed."""
        from ..engine.source import admit
        was_skipped = doc.skipped is not None
        cfg = self.config_for(doc.folder, Path(doc.path))
        if (admit(doc.source, cfg.max_file_size, doc.path).reason is not None) == was_skipped:
            return False
        self._attach(doc, doc.source)
        return was_skipped != (doc.skipped is not None)

    def _attach(self, doc: Document, source: bytes) -> None:
        """Analyse ``source`` for ``doc``, or record why it is skipped."""
        from ..engine.incremental import IncrementalDocument
        from ..engine.source import admit
        cfg = self.config_for(doc.folder, Path(doc.path))
        # the CLI's admission: size limit, and NUL bytes only make unknown types binary
        admitted = admit(source, cfg.max_file_size, doc.path)
        doc.incr, doc.text, doc.skipped = None, source, admitted.reason
        if doc.skipped is not None:  # (an editor's text is UTF-8: admit never decodes it)
            return
        display = _display(Path(doc.path), doc.folder)
        try:
            ruleset = self.ruleset_for(cfg)
            doc.incr = IncrementalDocument(source, display, doc.language, ruleset, cfg,
                                           self.baseline_for(cfg),
                                           project=self.project_for(doc.folder, ruleset, cfg))
        except Exception as exc:  # noqa: BLE001 - an engine bug costs this document only
            log.exception("analysis of %s failed", doc.path)
            doc.skipped = f"analysis failed: {type(exc).__name__}"
        else:
            doc.text = b""

    def project_for(self, folder: Path | None, ruleset, cfg) -> Project | None:
        """The folder's flow summaries (a new set when the rules or config change)."""
        from ..engine.flow import run as flow_run
        from ..engine.flow.project import Project
        if folder is None:
            return None
        key = (folder, id(ruleset), cfg)
        project = self.projects.get(key)
        if project is None:
            for old in [k for k in self.projects if k[0] == folder]:
                del self.projects[old]
            project = self.projects[key] = Project(
                folder, lambda rel, data: flow_run.exports_of(data, rel, ruleset, cfg))
        return project

    def fail(self, doc: Document, exc: Exception) -> None:
        """Analysis of ``doc`` raised: skip it (its next edit tries again)."""
        if doc.incr is not None:
            doc.text, doc.incr = doc.incr.source, None
        doc.skipped = f"analysis failed: {type(exc).__name__}"

    def reanalyze(self, doc: Document) -> None:
        """Full re-analysis with the current rules and config (after a reload)."""
        if self.recheck(doc) or doc.incr is None:
            return
        cfg = self.config_for(doc.folder, Path(doc.path))
        ruleset = self.ruleset_for(cfg)
        doc.incr.project = self.project_for(doc.folder, ruleset, cfg)
        doc.incr.reconfigure(ruleset, cfg)


def _display(path: Path, folder: Path | None) -> str:
    if folder is not None:
        try:
            return path.relative_to(folder).as_posix()
        except ValueError:
            pass
    return path.as_posix()
