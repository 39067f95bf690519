"""The build's output files, written by a second process while the build goes on.

Creating a file costs the kernel about a quarter of a millisecond on the
machines cunjing is measured on, and a county writes three files for every
page bare MkDocs writes (calendars, vCards, feeds, find shards, .gz copies).
A thread cannot take that work off the build: the build is Python holding the
GIL, and a writer thread would wait for it at every system call. So
``OutputFiles`` starts one small Python process that reads ``(path, bytes)``
records from a pipe and writes each file, and its .gz copy where
core.precompress would make one, on the machine's other core. The build only
copies the bytes into the pipe.

A file sent is on disk once ``settle()`` (or ``close()``) has returned: reading
back a file of this build waits for the writer first (``Asset.ready``). An
error of the writer (a full disk, a folder it may not write) is raised in the
build as the same ``OSError``, at the next call.
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
import subprocess
import sys
from pathlib import Path
from typing import IO

from .precompress import MIN_SIZE, SUFFIXES

# One record: flags, length of the path (UTF-8), length of the bytes; then both.
_HEADER = struct.Struct("<BII")
_GZIP = 1  # write a .gz copy beside the file
_SETTLE = 2  # answer one line once everything before has been written
_PIPE_SIZE = 1 << 20

# The writer process: stdin carries records; stdout one line per settle, and an
# error as JSON before it exits with 1.
_WRITER = r"""
import json, os, struct, sys
header = struct.Struct("<BII")
source, answer = sys.stdin.buffer, sys.stdout
folders = set()
try:
    import deflate
    while True:
        head = source.read(header.size)
        if not head:
            break
        flags, path_size, size = header.unpack(head)
        path = source.read(path_size).decode("utf-8")
        data = source.read(size)
        if flags & 2:
            answer.write("\n"); answer.flush()
            continue
        folder = os.path.dirname(path)
        if folder not in folders:
            os.makedirs(folder, exist_ok=True)
            folders.add(folder)
        with open(path, "wb") as out:
            out.write(data)
        if flags & 1:
            with open(path + ".gz", "wb") as out:
                out.write(deflate.gzip_compress(data, int(sys.argv[1])))
except OSError as exc:
    answer.write(json.dumps({"errno": exc.errno, "strerror": exc.strerror, "filename": exc.filename}) + "\n")
    answer.flush()
    sys.exit(1)
"""


class OutputFiles:
    """Writes files (absolute paths) in a process of its own; ``compress``: with
    the .gz copies core.precompress would write for them."""

    def __init__(self, *, compress: bool) -> None:
        from .precompress import LEVEL

        self.compress = compress
        self.compressed: dict[str, int] = {}  # absolute path -> size of the file its .gz was made from
        self._pending: set[str] = set()  # sent since the last settle
        self._proc: subprocess.Popen[bytes] | None = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(LEVEL)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )
        assert self._proc.stdin is not None
        try:  # Linux: a larger pipe lets the build run further ahead of the writer
            import fcntl

            fcntl.fcntl(self._proc.stdin.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_SIZE)
        except (ImportError, AttributeError, OSError):
            pass

    def write(self, path: str, data: bytes) -> None:
        """Write ``data`` to ``path`` (its folders made as needed)."""
        gz = self.compress and os.path.splitext(path)[1] in SUFFIXES and len(data) > MIN_SIZE
        self._send(_GZIP if gz else 0, path, data)
        self._pending.add(path)
        if gz:
            self.compressed[os.path.abspath(path)] = len(data)

    def pending(self, path: str | Path) -> bool:
        """Whether ``path`` was sent and may not be on disk yet."""
        return str(path) in self._pending

    def settle(self) -> None:
        """Return once every file sent so far is written."""
        if self._pending:
            self._send(_SETTLE, "", b"")
            self._flush()
            if not self._stdout().readline():
                self._fail()
            self._pending.clear()

    def close(self) -> dict[str, int]:
        """Wait for the writer to finish; the files it made .gz copies of (path ->
        size). Raises the writer's OSError, if it had one."""
        proc = self._proc
        if proc is None:
            return self.compressed
        assert proc.stdin is not None
        with contextlib.suppress(BrokenPipeError):
            proc.stdin.close()
        if proc.wait() != 0:
            self._fail()
        self._proc = None
        self._pending.clear()
        assert proc.stdout is not None
        proc.stdout.close()
        return self.compressed

    def abort(self) -> None:
        """Stop the writer without waiting for what it has not written (a failed build)."""
        proc, self._proc = self._proc, None
        if proc is not None:
            proc.kill()
            proc.wait()
            for stream in (proc.stdin, proc.stdout):
                if stream is not None:
                    with contextlib.suppress(BrokenPipeError):
                        stream.close()

    def _stdin(self) -> IO[bytes]:
        if self._proc is None or self._proc.stdin is None:
            raise RuntimeError("the output writer is closed")
        return self._proc.stdin

    def _stdout(self) -> IO[bytes]:
        assert self._proc is not None and self._proc.stdout is not None
        return self._proc.stdout

    def _send(self, flags: int, path: str, data: bytes) -> None:
        name = path.encode("utf-8")
        out = self._stdin()
        try:
            out.write(_HEADER.pack(flags, len(name), len(data)) + name)
            out.write(data)
        except BrokenPipeError:
            self._fail()

    def _flush(self) -> None:
        try:
            self._stdin().flush()
        except BrokenPipeError:
            self._fail()

    def _fail(self) -> None:
        """Raise the writer's error (it has stopped)."""
        proc = self._proc
        assert proc is not None and proc.stdout is not None
        line = proc.stdout.readline()
        code = proc.wait()
        self.abort()
        try:
            error = json.loads(line)
        except ValueError:
            raise OSError(f"the output writer stopped (exit code {code})") from None
        raise OSError(error["errno"], error["strerror"], error["filename"])
