"""Configuration: ``ztlint.toml`` or ``[tool.ztlint]`` in ``pyproject.toml``.

One loader for the CLI and the language server, resolved per folder: the nearest config file
at or above the folder wins. Editor settings are merged on top with :meth:`Config.merged`.
"""

from __future__ import annotations

import fnmatch
import functools
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from .severity import SEVERITIES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

DEFAULT_MAX_FILE_SIZE = 1_000_000
DEFAULT_ANALYSIS_BUDGET = 5.0
# "default": rules tagged `audit` (a dangerous call with no proven untrusted source: flow rules
# report the proven ones) are hints; "audit": they keep their own severity.
PROFILES = ("default", "audit")
AUDIT_TAG = "audit"
CONFIG_FILES = ("ztlint.toml", ".ztlint.toml", "pyproject.toml")
DEFAULT_CONFIG_FILE = CONFIG_FILES[0]  # what ztlint creates when a folder has none
PYPROJECT = CONFIG_FILES[2]  # holds ztlint's settings under [tool.ztlint]

_SEVERITY = {"enum": list(SEVERITIES)}
_STRINGS = {"type": "array", "items": {"type": "string"}}
SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "include": _STRINGS,
        "exclude": _STRINGS,
        "rule-dirs": _STRINGS,
        "max-file-size": {"type": "integer", "minimum": 1},
        "analysis-budget": {"type": "number", "exclusiveMinimum": 0},
        "fail-on": _SEVERITY,
        "baseline": {"type": "string"},
        "follow-symlinks": {"type": "boolean"},
        "scan-generated": {"type": "boolean"},
        "profile": {"enum": list(PROFILES)},
        "osv-db": {"type": "string"},
        "cache": {"type": "boolean"},
        "cache-dir": {"type": "string"},
        "rules": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"enable": _STRINGS, "disable": _STRINGS},
        },
        "severity": {"type": "object", "additionalProperties": _SEVERITY},
    },
}


class ConfigError(Exception):
    def __init__(self, path: str, field_name: str, message: str):
        super().__init__(f"{path}: {field_name}: {message}")
        self.path, self.field, self.message = path, field_name, message


@dataclass(frozen=True)
class Config:
    root: Path = field(default_factory=Path.cwd)
    source: Path | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    rule_dirs: tuple[Path, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    fail_on: str = "warning"  # notes and hints are shown but do not fail
    baseline: Path | None = None
    follow_symlinks: bool = False  # follow symlinks that leave the scanned folder
    scan_generated: bool = False  # scan build output and minified/generated files too
    enable: tuple[str, ...] = ("*",)
    disable: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    analysis_budget: float = DEFAULT_ANALYSIS_BUDGET  # seconds per file (see engine/budget.py)
    profile: str = PROFILES[0]
    # an OSV database (folder or zip) for known-vulnerable versions; None: not checked
    osv_db: Path | None = None
    cache: bool = True  # `ztlint scan` keeps finished results per file content (scan/cache.py)
    cache_dir: Path | None = None  # None: the user's cache folder

    def enabled(self, rule_id: str) -> bool:
        return _enabled(self.enable, self.disable, rule_id)

    def severity_of(self, rule_id: str, default: str, tags: tuple[str, ...] = ()) -> str:
        """The severity a finding of this rule is shown with: an override from the config,
        else ``default`` (a hint for an `audit` rule under the default profile)."""
        if self.profile == "default" and AUDIT_TAG in tags:
            default = "hint"
        for pattern, sev in self.severity:
            if fnmatch.fnmatchcase(rule_id, pattern):
                return sev
        return default

    def merged(self, settings: dict, source: str = "editor settings") -> "Config":
        """This config with the keys of ``settings`` (same names as the file) laid over it."""
        return _apply(self, settings, source, self.root)


@functools.lru_cache(maxsize=4096)
def _enabled(enable: tuple, disable: tuple, rule_id: str) -> bool:
    def hit(patterns):
        return any(fnmatch.fnmatchcase(rule_id, p) for p in patterns)
    return hit(enable) and not hit(disable)


def _apply(base: Config, data: dict, source: str, root: Path) -> Config:
    import jsonschema  # here: `ztlint version` and the language server's start-up skip it
    errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data),
                    key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        name = ".".join(map(str, err.absolute_path)) or "<root>"
        raise ConfigError(source, name, err.message)
    kw: dict = {}
    for key in ("include", "exclude"):
        if key in data:
            kw[key] = tuple(data[key])
    if "rule-dirs" in data:
        kw["rule_dirs"] = tuple((root / d).resolve() for d in data["rule-dirs"])
    if "max-file-size" in data:
        kw["max_file_size"] = data["max-file-size"]
    if "analysis-budget" in data:
        kw["analysis_budget"] = float(data["analysis-budget"])
    if "fail-on" in data:
        kw["fail_on"] = data["fail-on"]
    if "profile" in data:
        kw["profile"] = data["profile"]
    if "baseline" in data:
        kw["baseline"] = (root / data["baseline"]).resolve()
    if "follow-symlinks" in data:
        kw["follow_symlinks"] = data["follow-symlinks"]
    if "osv-db" in data:
        kw["osv_db"] = (root / Path(data["osv-db"]).expanduser()).resolve() if data["osv-db"] else None
    if "scan-generated" in data:
        kw["scan_generated"] = data["scan-generated"]
    if "cache" in data:
        kw["cache"] = data["cache"]
    if "cache-dir" in data:
        kw["cache_dir"] = (root / Path(data["cache-dir"]).expanduser()).resolve()
    rules = data.get("rules", {})
    if "enable" in rules:
        kw["enable"] = tuple(rules["enable"])
    if "disable" in rules:
        kw["disable"] = tuple(base.disable) + tuple(rules["disable"])
    if "severity" in data:
        kw["severity"] = tuple(data["severity"].items()) + base.severity
    return replace(base, **kw)


def find_config_file(start: Path) -> tuple[Path, dict] | None:
    """The nearest config at or above ``start`` and its ztlint table."""
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            path = folder / name
            if not path.is_file():
                continue
            data = _read_toml(path)
            if name == PYPROJECT:
                table = _tool_table(data, path)
                if table is None:
                    continue
                return path, table
            return path, data
    return None


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), "toml", str(exc)) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(str(path), "toml", f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise ConfigError(str(path), "toml", "nested too deeply") from None
    except OSError as exc:
        raise ConfigError(str(path), "file", exc.strerror or str(exc)) from None


def _tool_table(data: dict, path: Path) -> dict | None:
    """``[tool.ztlint]`` of a pyproject.toml, or None when absent."""
    tool = data.get("tool", {})
    table = tool.get("ztlint") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(str(path), "tool.ztlint", "must be a table")
    return table


def load_config(start: Path | str = ".", explicit: Path | str | None = None) -> Config:
    """Resolve the configuration for a folder (or use an explicit config file)."""
    if explicit is not None:
        path = Path(explicit).resolve()
        data = _read_toml(path)
        if path.name == PYPROJECT:
            data = _tool_table(data, path) or {}
        return _apply(Config(root=path.parent, source=path), data, str(path), path.parent)
    start = Path(start)
    folder = start if start.is_dir() else start.parent
    found = find_config_file(folder)
    if found is None:
        return Config(root=folder.resolve())
    path, data = found
    return _apply(Config(root=path.parent, source=path), data, str(path), path.parent)
