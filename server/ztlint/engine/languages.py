"""Map files and LSP language ids to tree-sitter grammars.

Grammars come from the official per-language wheels (``tree-sitter-python`` ...), which ship
compiled parsers: nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import warnings
from dataclasses import dataclass

import tree_sitter


@dataclass(frozen=True)
class LanguageSpec:
    name: str
    module: str | None  # grammar wheel module; None = text only
    function: str
    extensions: tuple[str, ...] = ()
    filenames: tuple[str, ...] = ()
    interpreters: tuple[str, ...] = ()  # shebang program names
    lsp_ids: tuple[str, ...] = ()
    comment: str | None = "#"  # line comment leader, None when the format has none


_SPECS = (
    LanguageSpec("python", "tree_sitter_python", "language", (".py", ".pyi", ".pyw"), (),
                 ("python", "python3", "python2"), ("python",), "#"),
    LanguageSpec("javascript", "tree_sitter_javascript", "language",
                 (".js", ".mjs", ".cjs", ".jsx"), (), ("node", "nodejs"),
                 ("javascript", "javascriptreact"), "//"),
    LanguageSpec("typescript", "tree_sitter_typescript", "language_typescript",
                 (".ts", ".mts", ".cts"), (), ("ts-node", "deno", "tsx"), ("typescript",), "//"),
    LanguageSpec("tsx", "tree_sitter_typescript", "language_tsx", (".tsx",), (), (),
                 ("typescriptreact",), "//"),
    LanguageSpec("go", "tree_sitter_go", "language", (".go",), (), (), ("go",), "//"),
    LanguageSpec("java", "tree_sitter_java", "language", (".java",), (), (), ("java",), "//"),
    LanguageSpec("csharp", "tree_sitter_c_sharp", "language", (".cs",), (), (), ("csharp",), "//"),
    LanguageSpec("ruby", "tree_sitter_ruby", "language", (".rb", ".rake", ".gemspec"),
                 ("Rakefile", "Gemfile"), ("ruby",), ("ruby",), "#"),
    LanguageSpec("php", "tree_sitter_php", "language_php", (".php",), (), ("php",), ("php",), "//"),
    LanguageSpec("bash", "tree_sitter_bash", "language", (".sh", ".bash", ".zsh"),
                 (".bashrc", ".bash_profile", ".profile", ".zshrc"), ("sh", "bash", "zsh", "dash"),
                 ("shellscript", "bash", "sh"), "#"),
    LanguageSpec("yaml", "tree_sitter_yaml", "language", (".yaml", ".yml"), (), (),
                 ("yaml", "github-actions-workflow", "dockercompose"), "#"),
    LanguageSpec("json", "tree_sitter_json", "language", (".json", ".jsonc", ".json5"), (), (),
                 ("json", "jsonc"), None),
    LanguageSpec("hcl", "tree_sitter_hcl", "language", (".tf", ".tfvars", ".hcl"), (), (),
                 ("terraform", "hcl", "terraform-vars"), "#"),
    LanguageSpec("dockerfile", "tree_sitter_dockerfile", "language", (".dockerfile",),
                 ("Dockerfile", "Containerfile"), (), ("dockerfile",), "#"),
)

#: Languages that rules may name. ``generic`` means "any file, as text"; ``text`` means "files
#: no grammar parses" (.env, .properties, .ini, logs ...), where code-shaped rules cannot look.
GENERIC = "generic"
UNPARSED = "text"
SPECS: dict[str, LanguageSpec] = {s.name: s for s in _SPECS}
TEXT_SPEC = LanguageSpec(GENERIC, None, "", comment="#")
KNOWN_LANGUAGES = frozenset(SPECS) | {GENERIC, UNPARSED}

_BY_EXT = {ext: s.name for s in _SPECS for ext in s.extensions}
_BY_NAME = {fn: s.name for s in _SPECS for fn in s.filenames}
_BY_INTERP = {i: s.name for s in _SPECS for i in s.interpreters}
_BY_LSP = {i: s.name for s in _SPECS for i in s.lsp_ids}
#: Every LSP language id the server parses; the extension's document selector and activation
#: events list the same ids (a test cross-checks client/src/languages.ts and package.json).
LSP_IDS = tuple(_BY_LSP)
_SHEBANG = re.compile(rb"^#!\s*(?:/usr/bin/env\s+(?:-S\s+)?)?\S*?([\w.+-]+)(?:\s|$)")


_BLOCK_COMMENT_FILES = {
    ".html": ("<!--", " -->"), ".htm": ("<!--", " -->"), ".xml": ("<!--", " -->"),
    ".md": ("<!--", " -->"), ".vue": ("<!--", " -->"), ".svelte": ("<!--", " -->"),
    ".css": ("/*", " */"), ".scss": ("//", ""), ".sql": ("--", ""), ".ini": (";", ""),
    ".bat": ("REM", ""), ".cmd": ("REM", ""), ".lua": ("--", ""),
}


def comment_syntax(path: str, language: str | None) -> tuple[str, str] | None:
    """(opening, closing) of a one-line comment in this file, or None if it has none (JSON)."""
    if language in SPECS:
        leader = SPECS[language].comment
        return None if leader is None else (leader, "")
    ext = os.path.splitext(path)[1].lower()
    if ext in (".json", ".ipynb"):
        return None
    return _BLOCK_COMMENT_FILES.get(ext, ("#", ""))


def spec(name: str | None) -> LanguageSpec:
    return SPECS.get(name or "", TEXT_SPEC)


def detect(path: str, head: bytes = b"", language_id: str | None = None) -> str | None:
    """The language of a file, or None for a text-only file.

    Order: LSP language id, file name, extension, shebang line.
    """
    if language_id and language_id in _BY_LSP:
        return _BY_LSP[language_id]
    base = os.path.basename(path)
    if base in _BY_NAME:
        return _BY_NAME[base]
    if base.startswith(("Dockerfile.", "Containerfile.")) or base.endswith(".Dockerfile"):
        return "dockerfile"
    _, ext = os.path.splitext(base)
    if ext.lower() in _BY_EXT:
        return _BY_EXT[ext.lower()]
    if head.startswith(b"#!"):
        m = _SHEBANG.match(head.split(b"\n", 1)[0])
        if m:
            prog = re.sub(r"[\d.]+$", "", m.group(1).decode("ascii", "replace")) or m.group(1).decode()
            return _BY_INTERP.get(prog) or _BY_INTERP.get(m.group(1).decode("ascii", "replace"))
    return None


class GrammarMissing(RuntimeError):
    """The grammar's wheel is not installed: some grammars have no wheel for every platform
    (tree-sitter-dockerfile: Linux x86-64 and macOS arm64 only), so they are optional there."""

    def __init__(self, name: str, module: str):
        super().__init__(f"not parsed: no {name} grammar on this platform ({module} is not "
                         "installed; only text rules ran): results are partial")


@functools.cache
def grammar(name: str) -> tree_sitter.Language:
    """The tree-sitter Language for a known language name (loaded once per process); raises
    :class:`GrammarMissing` when its wheel is not installed."""
    s = SPECS[name]
    try:
        module = importlib.import_module(s.module)
    except ImportError:
        raise GrammarMissing(name, s.module) from None
    factory = getattr(module, s.function)
    with warnings.catch_warnings():
        # Some grammar wheels still hand back an int pointer; tree-sitter accepts it with a warning.
        warnings.simplefilter("ignore", DeprecationWarning)
        return tree_sitter.Language(factory())


def parser(name: str) -> tree_sitter.Parser:
    """A fresh parser: parsers hold state, so each user (thread, document) gets its own."""
    return tree_sitter.Parser(grammar(name))
