"""Reading LSP frames (``Content-Length`` header, blank line, JSON body) from stdin.

pygls's loop trusts every header: one ``Content-Length`` too long swallows the next frames (or
waits forever for bytes that never come), one too short or a header without a body leaves the
rest of the stream misaligned, and every later request goes unanswered. This reader checks each
frame against the bytes around it and resynchronises on the next header:

* a header line can only start a frame, never sit inside a JSON body (a raw line break cannot
  occur inside a JSON string, and ``Content-Length`` outside one is not JSON), so a header met
  inside a body means that body ended there (``Content-Length`` too long, or no body at all);
* a body that is not JSON is read on to the next header (``Content-Length`` too short);
* bytes between frames are decoded if they form a JSON message (a frame without a
  ``Content-Length``), otherwise dropped with a log line;
* when the stream goes quiet in the middle of a body, what has arrived is tried as a message
  (``Content-Length`` too long, and the client now waits for the answer).
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from typing import Any, Awaitable, Callable

log = logging.getLogger("ztlint.lsp")

HEADER = re.compile(rb"Content-Length:[ \t]*(\d{1,15})[ \t]*\r?\n")
OTHER_HEADER = re.compile(rb"[A-Za-z][A-Za-z0-9-]{0,63}:[^\r\n]{0,1024}\r?\n")
BLANK = re.compile(rb"[ \t]*\r?\n")
HEADER_SPAN = 64          # longer than any HEADER match
OTHER_HEADER_MAX = 1100   # longer than any OTHER_HEADER match
IDLE_S = 0.2              # a body stalled this long is tried as it stands
MAX_STRAY = 16 << 20      # bytes kept while waiting for a header
CHUNK = 1 << 16
INVALID = object()


def decode(body: bytes | bytearray) -> Any:
    """The JSON value of ``body``, or INVALID."""
    text = bytes(body).strip()
    if not text:
        return INVALID
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return INVALID


class PipeReader:
    """stdin read by the event loop itself. pygls's own reader hands every header line and
    body to a thread and back (three hops per message), which is what a burst of hundreds of
    small didChange notifications spends most of its time on."""

    def __init__(self, stream: asyncio.StreamReader):
        self.stream = stream

    def read(self) -> Awaitable[bytes]:
        return self.stream.read(CHUNK)


class ThreadReader:
    """Where the event loop cannot watch stdin (a regular file, for instance)."""

    def __init__(self, stdin, executor=None):
        self.stdin, self.executor = stdin, executor

    def read(self) -> Awaitable[bytes]:
        read = getattr(self.stdin, "read1", self.stdin.read)
        return asyncio.get_running_loop().run_in_executor(self.executor, read, CHUNK)


async def pipe_reader(stdin) -> PipeReader | None:
    """A PipeReader over ``stdin``, or None where the event loop cannot watch it."""
    loop = asyncio.get_running_loop()
    stream = asyncio.StreamReader()
    try:
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stream), stdin)
    except (ValueError, OSError):
        return None
    return PipeReader(stream)


class FrameReader:
    """Calls ``on_value`` with each JSON value read from ``read`` (an async chunk source that
    returns b"" at the end), until the end of input or ``stopped()``."""

    def __init__(self, read: Callable[[], Awaitable[bytes]], on_value: Callable[[Any], None]):
        self.read, self.on_value = read, on_value
        self.buf = bytearray()
        self.eof = False
        self._pending: asyncio.Future | None = None  # a read kept across idle timeouts
        self._tried = -1  # length of the buffer last tried as a message while idle
        # no header starts before these offsets (between frames; inside the current body)
        self._stray_scanned = self._body_scanned = 0

    async def run(self, stopped: Callable[[], bool] = lambda: False) -> None:
        while not stopped():
            m = HEADER.search(self.buf, max(0, self._stray_scanned - HEADER_SPAN))
            if m is None:
                self._stray_scanned = len(self.buf)
                if not await self._fill(IDLE_S):
                    self._try_stray(final=self.eof)
                    if self.eof:
                        return
                self._cap_stray()
                continue
            if m.start():
                self._stray(m.start())
                continue
            if not await self._frame(m):
                return

    async def _frame(self, m: re.Match) -> bool:
        """Handle the frame whose header starts the buffer. False at the end of input."""
        length, start = int(m[1]), self._body_start(m.end())
        if start is None:  # the header block is still arriving
            return await self._fill(None) or self._flush()
        if start < 0:
            log.warning("dropped a Content-Length header not followed by a blank line")
            self._consume(m.end())
            return True
        end = start + length
        nxt = HEADER.search(self.buf, max(start, self._body_scanned - HEADER_SPAN),
                            min(len(self.buf), end + HEADER_SPAN))
        self._body_scanned = min(len(self.buf), end)
        if nxt is not None and nxt.start() < end:  # the body stops where the next frame starts
            self._emit(start, nxt.start(), "a frame shorter than its Content-Length")
            return True
        if len(self.buf) >= end:
            value = decode(self.buf[start:end])
            if value is not INVALID:
                self._consume(end)
                self._deliver(value)
            else:  # too short a length, perhaps: read on to the next header
                self._consume(start)
            return True
        if await self._fill(IDLE_S):
            return True
        if self.eof:
            return self._flush()
        # quiet mid-body: a client that sent too long a length waits for its answer
        if len(self.buf) != self._tried and self.buf.rstrip().endswith(b"}"):
            self._tried = len(self.buf)
            value = decode(self.buf[start:])
            if value is not INVALID:
                self._consume(len(self.buf))
                self._deliver(value)
        return True

    def _body_start(self, pos: int) -> int | None:
        """Where the body starts after the header lines from ``pos``; None when more bytes are
        needed, -1 when what follows is not a header block."""
        buf = self.buf
        while True:
            if buf.startswith(b"\r\n", pos):
                return pos + 2
            if buf.startswith(b"\n", pos):
                return pos + 1
            if buf[pos:pos + 1] in (b"{", b"["):  # no blank line: take the body as it comes
                return pos
            m = OTHER_HEADER.match(buf, pos)
            if m is not None:
                pos = m.end()
                continue
            if len(buf) - pos < OTHER_HEADER_MAX and buf.find(b"\n", pos) == -1:
                return None
            return -1

    def _skip_headers(self, pos: int) -> int:
        """Past any header lines (and blank lines) from ``pos``: a frame whose header block
        lacks its Content-Length."""
        while (m := OTHER_HEADER.match(self.buf, pos) or BLANK.match(self.buf, pos)) and m.end() > pos:
            pos = m.end()
        return pos

    def _emit(self, start: int, end: int, what: str) -> None:
        value = decode(self.buf[self._skip_headers(start):end])
        self._consume(end)
        if value is INVALID:
            log.warning("dropped %s (%d bytes, not JSON)", what, end - start)
        else:
            self._deliver(value)

    def _stray(self, end: int) -> None:
        """Bytes before a header: a message without a Content-Length, or garbage."""
        if self.buf[:end].strip():
            self._emit(0, end, "bytes between frames")
        else:
            self._consume(end)

    def _try_stray(self, final: bool) -> None:
        if not self.buf.strip() or (len(self.buf) == self._tried and not final):
            return
        self._tried = len(self.buf)
        if final or self.buf.rstrip().endswith(b"}"):
            value = decode(self.buf[self._skip_headers(0):])
            if value is not INVALID:
                self._consume(len(self.buf))
                self._deliver(value)
            elif final:
                self._emit(0, len(self.buf), "bytes at the end of input")

    def _cap_stray(self) -> None:
        if len(self.buf) > MAX_STRAY:  # no header in sight: keep only what may start one
            log.warning("dropped %d bytes without a header", len(self.buf) - HEADER_SPAN)
            self._consume(len(self.buf) - HEADER_SPAN)

    def _consume(self, end: int) -> None:
        del self.buf[:end]
        self._tried = -1
        self._stray_scanned = self._body_scanned = 0

    def _deliver(self, value: Any) -> None:
        try:
            self.on_value(value)
        except Exception:  # noqa: BLE001 - one message must not end the loop
            log.exception("could not handle a message")

    def _flush(self) -> bool:
        """End of input: whatever is left, if it is a message."""
        self._try_stray(final=True)
        return False

    async def _fill(self, timeout: float | None) -> bool:
        """Read more into the buffer; False at the end of input or after ``timeout`` quiet
        seconds."""
        if self.eof:
            return False
        if self._pending is None:
            self._pending = asyncio.ensure_future(self.read())
        done, _ = await asyncio.wait({self._pending}, timeout=timeout)
        if not done:
            return False
        pending, self._pending = self._pending, None
        try:
            chunk = pending.result()
        except (OSError, ValueError):
            chunk = b""
        if not chunk:
            self.eof = True
            return False
        self.buf += chunk
        return True
