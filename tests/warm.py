"""`python -m generator` without paying for its imports on every run.

Each test process starts one *warm* interpreter that imports the generator and
the libraries a build uses, runs nothing, and then forks once per command: the
child takes the command's working folder, environment and arguments, sends its
output to files, runs ``generator/__main__.py`` as ``-m`` would and exits with
its code. A child is a process of its own, as a fresh ``python -m generator``
is (its own memory, its own exit), started from a state no command has touched.

What a fork shares with its warm parent is the interpreter's start: its string
hash seed, the environment the imports saw and the generator they found. So a
command runs in a fresh interpreter when its environment differs from the warm
one's (apart from the variables in IGNORED), when the folder it starts in would
give ``python -m generator`` another generator than this project's, and when it
is asked for with ``fresh=True`` (the two reproducible builds compared byte for
byte start with seeds of their own).
"""

from __future__ import annotations

import atexit
import json
import locale
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

# The modules a `cunjing build` imports before it reads any data. pypinyin comes
# in through generator.core.pinyin, which imports it with its phrase switch set.
PRELOAD = [
    "generator.cli", "generator.build", "generator.mkdocs_run", "generator.plugin",
    "mkdocs.commands.build", "mkdocs.config.defaults", "mkdocs.structure.files",
    "mkdocs.structure.pages", "mkdocs.theme", "material", "markdown", "jinja2", "yaml",
]

# The warm interpreter: import, then fork a child for each request on the socket.
SERVER = r"""
import gc, importlib, json, os, runpy, select, signal, socket, sys, time, traceback
path, preload = sys.argv[1], json.loads(sys.argv[2])
for name in preload:
    try:
        importlib.import_module(name)
    except Exception:
        pass  # the child imports it the usual way and meets the error there
gc.freeze()  # the imports' objects stay out of the children's collections (and copies)
listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
listener.bind(path)
listener.listen(16)
signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
sys.stdout.write("ready\n"); sys.stdout.flush()
while True:
    ready, _, _ = select.select([listener, sys.stdin], [], [])
    if sys.stdin in ready:  # the test process has gone: so does this one
        if not os.read(sys.stdin.fileno(), 1):
            os._exit(0)
    if listener not in ready:
        continue
    conn, _ = listener.accept()
    if os.fork():
        conn.close()
        continue
    # The child: become the command.
    listener.close()
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    request = json.loads(conn.makefile("r", encoding="utf-8").readline())
    conn.sendall(f"{os.getpid()}\n".encode())
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    time.tzset()
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    for fd, name in ((1, request["out"]), (2, request["err"])):
        target = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)
    sys.argv = ["-c" if request["code"] else "-m", *request["argv"]]
    sys.path[0] = request["cwd"]
    code = 0
    try:
        if request["code"]:  # python -c CODE ARGS...
            exec(compile(request["code"], "<string>", "exec"), {"__name__": "__main__"})
        else:  # python -m generator ARGS...
            runpy.run_module("generator", run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:  # sys.exit("message"): python prints it and exits with 1
            print(exc.code, file=sys.stderr)
            code = 1
    except BaseException:
        traceback.print_exc()
        code = 1
    try:
        sys.stdout.flush(); sys.stderr.flush()
    finally:
        conn.sendall(f"{code}\n".encode())
        os._exit(code)
"""


# Variables a command's result does not depend on: pytest's own, and the one
# Material's templates package sets in os.environ when imported (the test process
# imports it for in-process builds; every build sets it before MkDocs starts).
IGNORED = ("PYTEST_", "NO_MKDOCS_2_WARNING")


def _same(env: dict[str, str], other: dict[str, str]) -> bool:
    def ours(e: dict[str, str]) -> dict[str, str]:
        return {k: v for k, v in e.items() if not k.startswith(IGNORED)}
    return ours(env) == ours(other)


class Warm:
    """One warm interpreter for this test process, started on first use."""

    def __init__(self, root: Path, env: dict[str, str]) -> None:
        self.root = root
        self.env = env
        self.folder = tempfile.mkdtemp(prefix="cunjing-warm-")
        self.path = os.path.join(self.folder, "s")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SERVER, self.path, json.dumps(PRELOAD)],
            cwd=root, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        assert self.proc.stdout is not None
        if self.proc.stdout.readline() != "ready\n":
            raise RuntimeError("the warm interpreter did not start")
        self.installed: bool | None = None  # whether the installed generator is root's
        atexit.register(self.close)

    def usable(self, env: dict[str, str], cwd: Path) -> bool:
        """Whether a child of this interpreter runs the command as a fresh python would."""
        return self.proc.poll() is None and _same(env, self.env) and self._imports_ours(cwd)

    def _imports_ours(self, cwd: Path) -> bool:
        """Whether ``python -m generator`` started in ``cwd`` imports this project's
        generator, as the warm one did: in the project itself, or from a folder
        without a generator of its own when the installed one is this project's."""
        if cwd == self.root:
            return True
        if (cwd / "generator").exists():
            return False
        if self.installed is None:
            with tempfile.TemporaryDirectory() as elsewhere:
                found = subprocess.run(
                    [sys.executable, "-c", "import importlib.util as u; print(u.find_spec('generator').origin)"],
                    cwd=elsewhere, env=self.env, capture_output=True, text=True,
                )
            self.installed = found.returncode == 0 and Path(found.stdout.strip()) == self.root / "generator" / "__init__.py"
        return self.installed

    def run(
        self, args: list[str], env: dict[str, str], cwd: Path, timeout: float, code: str | None = None,
    ) -> tuple[int, str, str]:
        """``python -m generator ARGS`` (with ``code``: ``python -c CODE ARGS``) in a child:
        its exit code, output and error output."""
        with tempfile.TemporaryDirectory(dir=self.folder) as tmp:
            out, err = os.path.join(tmp, "out"), os.path.join(tmp, "err")
            request = {"argv": args, "code": code, "cwd": str(cwd), "env": env, "out": out, "err": err}
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
                conn.connect(self.path)
                conn.sendall((json.dumps(request) + "\n").encode())
                reply = conn.makefile("r", encoding="utf-8")
                pid = int(reply.readline())
                timer = threading.Timer(timeout, os.kill, (pid, 9))
                timer.start()
                try:
                    line = reply.readline()
                finally:
                    timer.cancel()
            code = int(line) if line else -9  # no code: the child was killed
            # Decoded as subprocess.run(text=True) decodes a fresh command's output.
            encoding = locale.getpreferredencoding(False)
            return code, Path(out).read_text(encoding=encoding), Path(err).read_text(encoding=encoding)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


_warm: list[Warm] = []
_lock = threading.Lock()


def warm(root: Path, env: dict[str, str]) -> Warm:
    with _lock:
        if not _warm:
            _warm.append(Warm(root, env))
        return _warm[0]
