"""stdin is read by the event loop (no thread hop per line) wherever it is a pipe."""

from __future__ import annotations

import asyncio
import os

from ztlint.lsp.server import PipeReader, pipe_reader


async def test_pipe_reader_reads_headers_and_bodies_from_a_pipe():
    read_fd, write_fd = os.pipe()
    with os.fdopen(read_fd, "rb", buffering=0) as stdin:
        reader = await pipe_reader(stdin)
        assert isinstance(reader, PipeReader)
        data = b"Content-Length: 2\r\n\r\n{}" + b"y" * (2 << 20) + b"\r\nnext\r\n"

        def feed():  # from a thread: the pipe holds far less than the data
            with os.fdopen(write_fd, "wb") as out:
                out.write(data)
        writer = asyncio.get_running_loop().run_in_executor(None, feed)
        assert await reader.readline() == b"Content-Length: 2\r\n"
        assert await reader.readline() == b"\r\n"
        assert await reader.readexactly(2) == b"{}"
        # an over-long line is garbage to the message loop (no header): not fatal, and the
        # lines after it still arrive
        lines = [await asyncio.wait_for(reader.readline(), 5)]
        while lines[-1] != b"next\r\n" and len(lines) < 5:
            lines.append(await asyncio.wait_for(reader.readline(), 5))
        assert lines[0] == b"?\r\n" and lines[-1] == b"next\r\n"
        await writer


async def test_a_regular_file_falls_back_to_pyglss_reader(tmp_path):
    path = tmp_path / "input"
    path.write_bytes(b"Content-Length: 2\r\n\r\n{}")
    with open(path, "rb") as stdin:
        assert await pipe_reader(stdin) is None
