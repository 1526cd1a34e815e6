"""Git plumbing for the diff-aware and history scans: run git, read blobs, parse unified diffs.

Only git's own commands are used (no library): ``git log -p`` and ``git diff`` streams, one
``git cat-file --batch`` process for blobs. Paths from git are relative to the repository root.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

ZERO = "0" * 40
# git prints these as options, never as file contents: --no-ext-diff and --no-textconv keep a
# repository's own configuration from running programs or rewriting what is scanned
_DIFF_OPTS = ("--no-color", "--no-ext-diff", "--no-textconv", "--unified=0", "-M")
_HUNK = re.compile(rb"^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_UNQUOTE = {b"a": 7, b"b": 8, b"t": 9, b"n": 10, b"v": 11, b"f": 12, b"r": 13, b'"': 34, b"\\": 92}


class GitError(Exception):
    """git failed or is not there; the message is for people (no secret can be in it)."""


def run(args: list[str], cwd: str | os.PathLike | None = None, input: bytes | None = None) -> bytes:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, input=input, capture_output=True)
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror or exc}") from None
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(msg[-1] if msg else f"git {args[0]} failed (exit {proc.returncode})")
    return proc.stdout


def toplevel(cwd: str | os.PathLike = ".") -> Path:
    try:
        out = run(["rev-parse", "--show-toplevel"], cwd=cwd)
    except GitError:
        raise GitError(f"{os.path.abspath(cwd)} is not in a git repository") from None
    return Path(os.fsdecode(out.strip()))


def resolve(rev: str, cwd: str | os.PathLike) -> str | None:
    """The commit ``rev`` names, or None when this clone does not have it."""
    if rev.startswith("-"):
        return None  # never an option
    try:
        return run(["rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"],
                   cwd=cwd).decode().strip() or None
    except GitError:
        return None


def merge_base(a: str, b: str, cwd: str | os.PathLike) -> str | None:
    """None where there is none in this clone (a shallow clone often has none)."""
    try:
        return run(["merge-base", a, b], cwd=cwd).decode().strip() or None
    except GitError:
        return None


def unquote(name: bytes) -> bytes:
    """A path as git prints it in a diff header: C-quoted when it has unusual bytes."""
    if not (name.startswith(b'"') and name.endswith(b'"') and len(name) >= 2):
        return name
    out, i, body = bytearray(), 0, name[1:-1]
    while i < len(body):
        c = body[i:i + 1]
        if c == b"\\" and i + 1 < len(body):
            nxt = body[i + 1:i + 2]
            if nxt in _UNQUOTE:
                out.append(_UNQUOTE[nxt])
                i += 2
                continue
            if body[i + 1:i + 4].isdigit():
                out.append(int(body[i + 1:i + 4], 8))
                i += 4
                continue
        out += c
        i += 1
    return bytes(out)


def path_text(name: bytes) -> str:
    return os.fsdecode(name) if os.name != "nt" else name.decode("utf-8", "replace")


@dataclass
class FileDiff:
    """The lines one change added to one file (1-based line numbers in the new file)."""
    path: str
    added: dict[int, bytes] = field(default_factory=dict)


@dataclass
class Commit:
    sha: str
    date: str  # author date, ISO 8601
    files: list[FileDiff] = field(default_factory=list)


def parse_diff(lines: Iterable[bytes]) -> Iterator[FileDiff]:
    """The files of a ``--unified=0`` diff with their added lines. Hunk lengths decide what is
    content, so an added line that reads like a header (``+++ b/x``) stays content."""
    current: FileDiff | None = None
    old = new = 0
    row = 0
    for line in lines:
        if old > 0 or new > 0:  # inside a hunk
            tag = line[:1]
            if tag == b"+":
                current.added[row] = line[1:]
                row += 1
                new -= 1
            elif tag == b"-":
                old -= 1
            elif tag == b" ":
                row += 1
                old, new = old - 1, new - 1
            continue  # "\ No newline at end of file"
        if line.startswith(b"diff --git "):
            if current is not None and current.added:
                yield current
            current = None
        elif line.startswith(b"+++ "):
            target = line[4:]
            current = None if target == b"/dev/null" else FileDiff(path_text(unquote(target)[2:]))
        elif current is not None and (m := _HUNK.match(line)):
            old = int(m.group(1)) if m.group(1) is not None else 1
            row = int(m.group(2))
            new = int(m.group(3)) if m.group(3) is not None else 1
    if current is not None and current.added:
        yield current


def diff_lines(base: str, pathspecs: list[str], cwd: str | os.PathLike) -> dict[str, FileDiff]:
    """Lines added since ``base`` in the working tree's tracked files, by root-relative path."""
    out = run(["diff", *_DIFF_OPTS, base, "--", *pathspecs], cwd=cwd)
    return {fd.path: fd for fd in parse_diff(out.split(b"\n"))}


_MARK = b"\x01ztlint-commit\x01"


def log_commits(revs: list[str], pathspecs: list[str], cwd: str | os.PathLike) -> Iterator[Commit]:
    """Each commit of ``git log revs`` with the lines it added, read as one stream.
    Merge commits show no diff (their lines come from their parents), as in ``git log -p``."""
    cmd = ["git", "log", "-p", *_DIFF_OPTS, "--format=" + _MARK.decode() + "%H %aI",
           *revs, "--", *pathspecs]
    try:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror or exc}") from None
    commit: Commit | None = None
    pending: list[bytes] = []
    try:
        for raw in proc.stdout:
            line = raw.rstrip(b"\n")
            if line.startswith(_MARK):  # diff content lines start with +, -, space or a backslash
                if commit is not None:
                    commit.files = list(parse_diff(pending))
                    yield commit
                sha, _, date = line[len(_MARK):].decode().partition(" ")
                commit, pending = Commit(sha, date), []
            else:
                pending.append(line)
        if commit is not None:
            commit.files = list(parse_diff(pending))
            yield commit
    finally:
        proc.stdout.close()
        err = proc.stderr.read()
        proc.stderr.close()
        code = proc.wait()
    if code != 0:
        msg = err.decode("utf-8", "replace").strip().splitlines()
        raise GitError(msg[-1] if msg else f"git log failed (exit {code})")


class BlobReader:
    """``git cat-file --batch``: one process for all the blobs a scan reads."""

    def __init__(self, cwd: str | os.PathLike):
        try:
            self.proc = subprocess.Popen(["git", "cat-file", "--batch"], cwd=cwd,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.DEVNULL)
        except OSError as exc:
            raise GitError(f"cannot run git: {exc.strerror or exc}") from None

    def read(self, spec: str) -> bytes | None:
        """The blob ``spec`` names (a blob id or ``commit:path``), None when there is none."""
        if "\n" in spec:
            return None
        self.proc.stdin.write(spec.encode("utf-8", "surrogateescape") + b"\n")
        self.proc.stdin.flush()
        header = self.proc.stdout.readline().split()
        if len(header) != 3:
            return None  # "<spec> missing" or "ambiguous"
        size = int(header[2])
        data = self.proc.stdout.read(size)
        self.proc.stdout.read(1)  # the newline after the contents
        return data if header[1] == b"blob" else None

    def close(self) -> None:
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        self.proc.stdout.close()
        self.proc.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


@dataclass(frozen=True)
class IndexEntry:
    mode: str
    sha: str
    path: str  # root-relative


def index_entries(pathspecs: list[str], cwd: str | os.PathLike) -> list[IndexEntry]:
    """Files in the index (merged entries only) under ``pathspecs`` (relative to ``cwd``)."""
    out = run(["ls-files", "-s", "-z", "--full-name", "--", *pathspecs], cwd=cwd)
    entries = []
    for item in out.split(b"\0"):
        if not item:
            continue
        meta, _, name = item.partition(b"\t")
        mode, sha, stage = meta.decode().split()
        if stage == "0":
            entries.append(IndexEntry(mode, sha, path_text(name)))
    return entries


def staged_paths(cwd: str | os.PathLike) -> set[str]:
    """Root-relative paths whose index copy differs from HEAD (all of them before a first commit)."""
    out = run(["diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=d"], cwd=cwd)
    return {path_text(p) for p in out.split(b"\0") if p}
