"""Work the first document would otherwise wait for, done right after `initialized`: importing
the engine, loading each folder's rules, compiling the rule packs of the languages the workspace
holds most of (a tiny analysis per language also loads its grammar, text and flow rules), then
the queries those packs leave for first use, one query per step.

Each step runs as its own event-loop callback, and only once documents have been left alone for
QUIET_S, so an edit waits for one step at most (a pack compiles in a few hundred milliseconds),
and only when it comes after a pause. Everything is cached where the
documents look for it (ServerState.ruleset_for, RuleSet.pack), so a document opened before a
step simply does that step itself and the step then finds it done.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections import Counter
from pathlib import Path

log = logging.getLogger("ztlint.lsp")

MAX_FILES = 2000      # files looked at per folder to guess its languages
MAX_LANGUAGES = 3     # compiled packs cost memory: the main languages only
QUIET_S = 0.3         # a step waits until documents have been left alone this long
_SKIP_DIRS = {"node_modules", "__pycache__", "venv", "site-packages", "dist", "build", "target"}


def workspace_languages(folders: list[Path], limit: int = MAX_FILES) -> list[str]:
    """The languages of the files in ``folders`` (by name only), most frequent first."""
    from ..engine import languages
    counts: Counter = Counter()
    for folder in folders:
        seen = 0
        for root, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS]
            for name in files:
                lang = languages.detect(os.path.join(root, name))
                if lang is not None and lang in languages.SPECS:
                    counts[lang] += 1
                seen += 1
            if seen >= limit:
                break
    return [lang for lang, _ in counts.most_common()]


def work(ls):
    """The warm-up, one step per ``next()``: cheapest and most needed first."""
    st = ls.state
    from . import actions, convert, publish  # noqa: F401 - loaded now, not on the first request
    from ..engine import incremental  # noqa: F401
    yield
    folders = st.folders or [None]
    for folder in folders:
        st.ruleset_for(st.config_for(folder))
        yield
    langs = workspace_languages(st.folders)[:MAX_LANGUAGES] if st.folders else []
    yield
    for lang in langs:
        _analyse_nothing(st, folders[0], lang)
        yield
    for lang in langs:  # the queries a pack leaves for first use, one per step
        pack = st.ruleset_for(st.config_for(folders[0])).pack(lang)
        yield from pack.compile_steps() if pack is not None else ()
    if st.error_count() != st.errors_published:
        publish.publish_rule_errors(ls)  # broken rule files show up without opening a file


def _analyse_nothing(st, folder, language: str) -> None:
    """A tiny analysis in ``language``: compiles its pack, loads its grammar and models."""
    from ..engine.incremental import IncrementalDocument
    cfg = st.config_for(folder)
    ruleset = st.ruleset_for(cfg)
    if ruleset.pack(language) is not None:
        IncrementalDocument(b"\n", "warmup", language, ruleset, cfg)


def start(ls) -> None:
    """Schedule the warm-up on the running loop, one step per callback."""
    loop = asyncio.get_running_loop()
    steps = work(ls)

    def run_next() -> None:
        idle = loop.time() - ls.state.last_activity
        if idle < QUIET_S:  # the user is opening or editing documents: they come first
            loop.call_later(QUIET_S - idle, run_next)
            return
        try:
            next(steps)
        except StopIteration:
            return
        except Exception:  # noqa: BLE001 - a warm-up failure costs only the warm-up
            log.exception("warm-up step failed")
            return
        loop.call_soon(run_next)
    loop.call_soon(run_next)
