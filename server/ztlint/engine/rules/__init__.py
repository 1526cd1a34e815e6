"""Rules: the model (model.py), loading YAML rule files (load.py, definitions.py), compiling
one rule (compile.py) and compiling a language's rules together (packs.py).

Callers use ``from ztlint.engine import rules`` and the names below.
"""

from __future__ import annotations

from .load import (bundled_rules_dir, default_rule_dirs, is_rule_file, load_rule_file, load_rules,
                   rule_files, rule_schema)
from .model import (BUILTIN, FILE_KINDS, KNOWN_VULNERABLE, UNUSED_SUPPRESSION, Condition, EditSpec, FixSpec, Rule,
                    RuleError, RuleLoadError)
from .packs import GatedRule, LanguagePack, RuleSet, TextRules, fact_key, pushdown_query

__all__ = [
    "BUILTIN", "FILE_KINDS", "KNOWN_VULNERABLE", "UNUSED_SUPPRESSION", "Condition", "EditSpec", "FixSpec",
    "GatedRule", "LanguagePack", "Rule", "RuleError", "RuleLoadError", "RuleSet", "TextRules",
    "bundled_rules_dir", "default_rule_dirs", "fact_key", "is_rule_file", "load_rule_file",
    "load_rules", "pushdown_query", "rule_files", "rule_schema",
]
