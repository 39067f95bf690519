"""Work computed beside the build: a forked child process runs a function of
what the build already holds, while the build goes on, and hands back its
result (pickled through an unnamed temporary file).

The child inherits the parent's memory, so nothing is sent to it. It never
writes to the parent's files or pipes and leaves with ``os._exit``. When the
child fails, or a process cannot be forked, the function runs again in the
calling process, so that its error (or its result) is the build's own.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import tempfile
from collections.abc import Callable
from typing import IO, Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Whether forking helps: the platform forks and more than one core is ours."""
    if not hasattr(os, "fork"):
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1
    except AttributeError:  # no sched_getaffinity (macOS)
        return (os.cpu_count() or 1) > 1


class Ahead(Generic[T]):
    """``make()`` computed in a child process from the moment this is made;
    ``result()`` waits for it. With ``beside=False`` (or where forking does
    not help) ``result()`` simply calls ``make()``."""

    def __init__(self, make: Callable[[], T], *, beside: bool = True) -> None:
        self._make = make
        self._pid: int | None = None
        self._status: int | None = None
        self._file: IO[bytes] | None = None
        if beside and can_fork():
            self._start()

    def _start(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by result or cancel)
        pid = os.fork()
        if pid == 0:  # the child
            code = 1
            try:
                gc.freeze()  # the collector leaves the parent's objects (and their pages) alone
                pickle.dump(self._make(), self._file, protocol=pickle.HIGHEST_PROTOCOL)
                self._file.flush()
                code = 0
            finally:
                os._exit(code)
        self._pid = pid

    def _wait(self, options: int) -> None:
        """The child's exit status, once it has one; a child reaped elsewhere
        counts as failed (its work is then done here)."""
        assert self._pid is not None
        try:
            pid, status = os.waitpid(self._pid, options)
        except ChildProcessError:
            pid, status = self._pid, 1 << 8
        if pid != 0:
            self._status = status

    def ready(self) -> bool:
        """Whether ``result()`` would not wait for the child."""
        if self._pid is not None and self._status is None:
            self._wait(os.WNOHANG)
        return self._pid is None or self._status is not None

    def result(self) -> T:
        """What ``make()`` returned (asked once)."""
        file, self._file = self._file, None
        if self._pid is not None and file is not None:
            with file:
                if self._status is None:
                    self._wait(0)
                assert self._status is not None
                if os.waitstatus_to_exitcode(self._status) == 0:
                    file.seek(0)
                    return pickle.load(file)  # type: ignore[no-any-return]
        return self._make()

    def cancel(self) -> None:
        """Stop a child whose result is no longer wanted (the build failed)."""
        file, self._file = self._file, None
        if file is not None:
            file.close()
        if self._pid is not None and self._status is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            self._wait(0)
