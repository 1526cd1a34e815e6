"""The user cache folder that ztlint's caches share (scan results, checked rule files)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def default_dir() -> Path:
    """``$ZTLINT_CACHE_DIR``, else the platform's user cache folder (XDG on Linux)."""
    env = os.environ.get("ZTLINT_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / "ztlint" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "ztlint"
    return Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / "ztlint"


def for_config(config) -> Path | None:
    """The folder a run with ``config`` caches in, or None when the config (``cache = false``)
    or ``$ZTLINT_NO_CACHE`` turns caching off."""
    if not config.cache or os.environ.get("ZTLINT_NO_CACHE"):
        return None
    return config.cache_dir or default_dir()


def private_folder(folder: Path) -> str | None:
    """Why ``folder`` cannot hold a cache (None: it can). What is read back from a cache is
    trusted as ztlint's own output: only a folder of this user's that nobody else may write."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        st = folder.stat()
    except OSError as exc:
        return f"cannot create {folder}: {exc.strerror or exc}"
    if hasattr(os, "getuid"):
        if st.st_uid != os.getuid():
            return f"{folder} belongs to another user"
        if st.st_mode & 0o022:
            return f"{folder} may be written by other users"
    return None
