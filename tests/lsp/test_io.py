"""stdin is read by the event loop (no thread hop per line) wherever it is a pipe."""

from __future__ import annotations

import asyncio
import os

from ztlint.lsp.framing import FrameReader, PipeReader, pipe_reader


async def test_pipe_reader_reads_frames_from_a_pipe():
    read_fd, write_fd = os.pipe()
    with os.fdopen(read_fd, "rb", buffering=0) as stdin:
        reader = await pipe_reader(stdin)
        assert isinstance(reader, PipeReader)
        big = b'{"x": "' + b"y" * (2 << 20) + b'"}'
        data = (b"Content-Length: 2\r\n\r\n{}" + b"z" * (3 << 20) + b"\r\n"
                + b"Content-Length: %d\r\n\r\n" % len(big) + big)

        def feed():  # from a thread: the pipe holds far less than the data
            with os.fdopen(write_fd, "wb") as out:
                out.write(data)
        writer = asyncio.get_running_loop().run_in_executor(None, feed)
        values = []
        await asyncio.wait_for(FrameReader(reader.read, values.append).run(), 20)
        # a "line" longer than any buffer is garbage between frames: not fatal, and the frame
        # after it still arrives
        assert values == [{}, {"x": "y" * (2 << 20)}]
        await writer


async def test_a_regular_file_falls_back_to_a_thread(tmp_path):
    path = tmp_path / "input"
    path.write_bytes(b"Content-Length: 2\r\n\r\n{}")
    with open(path, "rb") as stdin:
        assert await pipe_reader(stdin) is None
