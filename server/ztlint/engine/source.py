"""Which bytes get analysed: one decision for every front-end (CLI scan, language server).

``read_source`` reads a file without ever blocking (regular files only, ``O_NONBLOCK``);
``admit`` decides about bytes already in hand (an editor buffer). Both decode UTF-16/UTF-32
with a byte-order mark to UTF-8: findings are then positioned in the decoded text (same lines,
same characters; byte offsets are those of the UTF-8 text). NUL bytes alone do not make a file
binary when its type is known to be text or it is mostly printable.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from typing import Iterator

from . import languages

SNIFF = 8192
# Bytes with a NUL in them are still text when NULs are rare and nearly every character is
# printable (valid UTF-8, whitespace included).
_MAX_NUL_SHARE = 0.01
_PRINTABLE_SHARE = 0.95
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32LE"), (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32BE"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16LE"), (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16BE"),
)
# Text files no grammar parses, where secrets live (a grammar's own files are text too).
TEXT_EXTENSIONS = frozenset(
    ".env .properties .ini .cfg .conf .config .toml .txt .md .rst .xml .html .htm .sql .csv "
    ".pem .key .crt .cer .pub .npmrc .pypirc .netrc .gitconfig .tfstate .log .j2 .tpl .gradle "
    ".kt .kts .scala .swift .rs .c .h .cpp .hpp .m .pl .lua .r .ps1 .bat .cmd .vue .svelte".split())
TEXT_NAMES = frozenset({".env", ".npmrc", ".pypirc", ".netrc", ".gitconfig", "credentials",
                        "config", "Makefile", "Jenkinsfile", "Vagrantfile"})


@dataclass(frozen=True)
class Source:
    data: bytes | None  # what to analyse (UTF-8 when decoded); None when skipped
    reason: str | None = None  # why skipped
    kind: str = "ok"  # "ok", or the skip's kind: "policy", "limit" or "error"
    note: str | None = None  # how the bytes were taken (decoded from UTF-16 ...)
    size: int = 0  # bytes on disk


def known_text(path: str) -> bool:
    base = os.path.basename(path)
    ext = os.path.splitext(base)[1].lower()
    return (languages.detect(path) is not None or ext in TEXT_EXTENSIONS or base in TEXT_NAMES
            or base.startswith(".env"))


def _mostly_printable(head: bytes) -> bool:
    if head.count(0) > _MAX_NUL_SHARE * len(head):
        return False
    text = head.decode("utf-8", errors="replace")
    return len(_CONTROL.findall(text)) <= (1 - _PRINTABLE_SHARE) * len(text)


def too_large(size: int, max_size: int) -> str:
    return f"larger than max-file-size ({size:,} > {max_size:,} bytes)"


def admit(data: bytes, max_size: int, path: str = "") -> Source:
    """Whether these bytes are analysed, and as what."""
    size = len(data)
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(codec, errors="replace").encode("utf-8")
            if len(text) > max_size:
                return Source(None, too_large(len(text), max_size), "limit", size=size)
            return Source(text, note=f"decoded from {name}: positions are in the decoded text",
                          size=size)
    if size > max_size:
        return Source(None, too_large(size, max_size), "limit", size=size)
    if is_binary(data, path):
        return Source(None, "binary content", "policy", size=size)
    return Source(data, size=size)


_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
          | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


def _open_regular(path) -> int | Source:
    """A descriptor of a regular file opened for non-blocking reads, or why not."""
    try:
        st = os.stat(path)  # follows a symlink: its target decides
    except OSError as exc:
        return Source(None, f"cannot stat: {exc.strerror or exc}", "error")
    if not stat.S_ISREG(st.st_mode):  # never open a device: opening alone can act on it
        return Source(None, f"not a regular file ({file_type(st.st_mode)})", "policy")
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        return Source(None, f"cannot read: {exc.strerror or exc}", "error")
    st = os.fstat(fd)  # what was opened, not what was looked at (a swapped file)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        return Source(None, f"not a regular file ({file_type(st.st_mode)})", "policy")
    return fd


def read_source(path: str | os.PathLike, max_size: int) -> Source:
    """Read and admit one file: regular files only, never blocking, at most ``max_size`` bytes
    (and a little more for a byte-order-marked file, which shrinks when decoded)."""
    opened = _open_regular(path)
    if isinstance(opened, Source):
        return opened
    fd = opened
    # a UTF-32 file decodes to at most a quarter of its size, UTF-16 to at most 3/2
    limit = 4 * max_size + 4
    try:
        size = os.fstat(fd).st_size
        if size > max_size:
            if not has_bom(os.read(fd, 4)):
                return Source(None, too_large(size, max_size), "limit", size=size)
            os.lseek(fd, 0, os.SEEK_SET)
        chunks, got = [], 0
        while got <= limit:  # /proc files claim size 0: read to the end, within the limit
            chunk = os.read(fd, min(1 << 20, limit + 1 - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except BlockingIOError:
        return Source(None, "cannot read: it would block", "error")
    except OSError as exc:
        return Source(None, f"cannot read: {exc.strerror or exc}", "error")
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        return Source(None, too_large(len(data), max_size), "limit", size=len(data))
    return admit(data, max_size, os.fsdecode(path))


def read_chunks(path: str | os.PathLike, size: int, limit: int) -> Iterator[bytes]:
    """A regular file's bytes, ``size`` at a time, never blocking, at most ``limit`` bytes.

    Raises :class:`Unreadable` when it cannot be read."""
    opened = _open_regular(path)
    if isinstance(opened, Source):
        raise Unreadable(opened.reason, opened.kind)
    try:
        got = 0
        while got < limit:
            try:
                chunk = os.read(opened, min(size, limit - got))
            except BlockingIOError:
                raise Unreadable("cannot read: it would block", "error") from None
            except OSError as exc:
                raise Unreadable(f"cannot read: {exc.strerror or exc}", "error") from None
            if not chunk:
                return
            got += len(chunk)
            yield chunk
    finally:
        os.close(opened)


class Unreadable(Exception):
    def __init__(self, reason: str, kind: str):
        super().__init__(reason)
        self.reason, self.kind = reason, kind


def has_bom(head: bytes) -> bool:
    """Whether the bytes start with a UTF-16/UTF-32 byte-order mark."""
    return any(head.startswith(b) for b, _, _ in _BOMS)


def is_binary(head: bytes, path: str) -> bool:
    """Whether the first bytes of a file say it is not text (see ``admit``)."""
    head = head[:SNIFF]
    return b"\0" in head and not known_text(path) and not _mostly_printable(head)


def file_type(mode: int) -> str:
    """A name for what a non-regular file is."""
    for test, name in ((stat.S_ISFIFO, "named pipe"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket"),
                       (stat.S_ISDIR, "directory")):
        if test(mode):
            return name
    return "special file"
