"""A built site served compressed on loopback, as deploy/nginx.conf serves it.

`cunjing build` writes ``x.gz`` beside every text file over 1 KB and nginx's
``gzip_static`` sends it to clients that accept gzip; this server does the
same (Content-Encoding: gzip, Vary: Accept-Encoding), and answers a missing
address with the site's 404.html and status 404. Used by bench/weight.py and
bench/lighthouse.py, so the bytes measured are the bytes a phone receives.
"""

from __future__ import annotations

import contextlib
import email.utils
import http.server
import os
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Theme files whose names carry a hash: cached for a year, as deploy/nginx.conf says.
HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)$")


class _GzipStatic(http.server.SimpleHTTPRequestHandler):
    """Serves the ``.gz`` sibling of a file when the client accepts gzip."""

    protocol_version = "HTTP/1.1"  # keep-alive, as a real server
    # Serves another body for some files (a test standing in for a new build); None: the file.
    rewrite: Callable[[Path, bytes], bytes | None] | None = None

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _target(self) -> Path | None:
        root = Path(self.directory)
        rel = os.path.normpath(unquote(urlsplit(self.path).path).lstrip("/"))
        if rel.startswith(".."):
            return None
        # Not resolved: a symlinked folder serves a site under a sub-path.
        path = root / rel
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return None  # the base class answers with a redirect
            path = path / "index.html"
        return path if path.is_file() else None

    def send_head(self):  # type: ignore[no-untyped-def]
        path = self._target()
        if path is None:
            root = Path(self.directory)
            rel = unquote(urlsplit(self.path).path).lstrip("/")
            if (root / rel).is_dir():
                return super().send_head()
            missing = root / "404.html"
            body = missing.read_bytes() if missing.is_file() else b"not found"
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return _Bytes(body)
        ctype = self.guess_type(str(path))
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json", "image/svg+xml"):
            ctype += "; charset=utf-8"
        other = None if self.rewrite is None else self.rewrite(path, path.read_bytes())
        if other is not None:
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(other)))
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            return _Bytes(other)
        gz = path.with_name(path.name + ".gz")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        source = gz if accepts and gz.is_file() else path
        # Conditional requests as nginx answers them (a service worker's
        # revalidation of a file this visit already has costs only a 304).
        modified = email.utils.formatdate(int(path.stat().st_mtime), usegmt=True)
        since = self.headers.get("If-Modified-Since")
        if since is not None and since == modified:
            self.send_response(304)
            self.send_header("Last-Modified", modified)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        f = source.open("rb")
        self.send_response(200)
        self.send_header("Last-Modified", modified)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
        self.send_header("Vary", "Accept-Encoding")
        lifetime = "public, max-age=31536000, immutable" if HASHED.search(path.name) else "public, max-age=600"
        self.send_header("Cache-Control", lifetime)
        if source is gz:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        return f


class _Bytes:
    """A file-like body for send_head's callers (copyfile, close)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.done = False

    def read(self, size: int = -1) -> bytes:
        if self.done:
            return b""
        self.done = True
        return self.data

    def close(self) -> None:
        pass


class _Quiet(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@contextlib.contextmanager
def serve_compressed(
    site: Path, rewrite: Callable[[Path, bytes], bytes | None] | None = None,
) -> Iterator[str]:
    """The built site on a loopback port; yields its base URL (ending in /).

    ``rewrite(path, content)`` may answer a file with other bytes (uncompressed).
    """

    class Handler(_GzipStatic):
        def __init__(self, *args: object, **kwargs: object) -> None:
            self.rewrite = rewrite  # before the base class answers the request
            super().__init__(*args, directory=str(site), **kwargs)  # type: ignore[arg-type]

    server = _Quiet(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
