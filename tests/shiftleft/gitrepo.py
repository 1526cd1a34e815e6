"""Temporary git repositories and secret-looking tokens for the shift-left tests.

Tokens are built at run time (prefix and body apart) so that scanning this repository does not
flag its own tests."""

from __future__ import annotations

import binascii
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from ztlint.engine import secrets

GH_PREFIX = "gh" + "p_"
ENV = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0",
       "HOME": os.environ.get("HOME", "/tmp")}
ZTLINT = [sys.executable, "-m", "ztlint.cli"]


def token(seed: str) -> str:
    """A GitHub token with a valid checksum (so the validated rule reports it)."""
    digest = hashlib.sha256(seed.encode()).hexdigest()
    body = "".join(c.upper() if i % 3 == 0 and c.isalpha() else c for i, c in enumerate(digest))[:30]
    return GH_PREFIX + body + secrets.base62(binascii.crc32(body.encode()))


def git(repo: Path, *args: str, check: bool = True, input: str | None = None):
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=ENV,
                          input=input)
    if check and proc.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {proc.stderr}")
    return proc


def init(repo: Path, bare: bool = False) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main", *(["--bare"] if bare else []))
    git(repo, "config", "user.name", "Test")
    git(repo, "config", "user.email", "test@example.com")
    git(repo, "config", "commit.gpgsign", "false")
    return repo


def write(repo: Path, rel: str, text: str) -> Path:
    path = repo / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def commit(repo: Path, message: str, **files: str) -> str:
    for rel, text in files.items():
        write(repo, rel.replace("__", "/"), text)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)
    return git(repo, "rev-parse", "HEAD").stdout.strip()


def ztlint(repo: Path, *args: str, input: str | None = None, env: dict | None = None):
    """The real command in ``repo`` (a process of its own, as git and pre-commit run it)."""
    return subprocess.run([*ZTLINT, *args], cwd=repo, capture_output=True, text=True,
                          input=input, env={**ENV, **(env or {})})


def findings(proc) -> list[dict]:
    return json.loads(proc.stdout)["findings"]
