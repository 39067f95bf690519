"""bench/weight.py counts what a phone receives: the build's gzip files, as
bench/serve.py sends them the way deploy/nginx.conf does (gzip_static)."""

from __future__ import annotations

import gzip
import http.client
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench.pagekinds import PAGE_KINDS, page_kind
from bench.serve import serve_compressed
from bench.weight import measure
from generator.kinds import KINDS


def _get(url: str, gzip_ok: bool) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.netloc, timeout=10)
    conn.request("GET", parts.path, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    resp = conn.getresponse()
    reply = resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    conn.close()
    return reply


def test_the_server_sends_the_builds_gzip_files_like_nginx(site: Path) -> None:
    with serve_compressed(site) as base:
        status, headers, body = _get(base + "v/changan/", gzip_ok=True)
        assert status == 200 and headers["content-encoding"] == "gzip"
        assert body == (site / "v/changan/index.html.gz").read_bytes()
        assert gzip.decompress(body) == (site / "v/changan/index.html").read_bytes()
        status, headers, body = _get(base + "v/changan/", gzip_ok=False)
        assert "content-encoding" not in headers and body == (site / "v/changan/index.html").read_bytes()
        status, headers, body = _get(base + "no/such/page/", gzip_ok=True)
        assert status == 404 and body == (site / "404.html").read_bytes()


def test_every_page_kind_is_in_the_build(site: Path) -> None:
    assert len({k.id for k in PAGE_KINDS}) == len(PAGE_KINDS)
    missing = [f"{k.id}: {k.file}" for k in PAGE_KINDS if not (site / k.file).is_file()]
    assert not missing, f"update bench/pagekinds.py: {missing}"


def test_every_kind_that_publishes_pages_has_a_page_kind() -> None:
    """bench/pagekinds.py follows generator/kinds.py: a kind with pages has a row, every row a kind."""
    with_pages = {kind.name for kind in KINDS if kind.pages is not None and kind.name != "feeds"}
    rows = {page.kind for page in PAGE_KINDS}
    assert with_pages - {"feedback"} <= rows, "feeds and feedback publish files, not pages"
    assert rows <= {kind.name for kind in KINDS} | {"docs"}


def test_weight_counts_the_compressed_bytes_of_every_request(browser: Any, site: Path) -> None:
    with serve_compressed(site) as base:
        weight = measure(browser, base, page_kind("village"))
    kinds = {r.type for r in weight.requests}
    assert {"document", "stylesheet"} <= kinds
    for request in weight.requests:
        assert request.status == 200, request
        rel = urlsplit(request.url).path
        path = site / (rel + "index.html" if rel.endswith("/") else rel)
        gz = path.with_name(path.name + ".gz")
        expected = gz if gz.is_file() else path
        if request.type == "fetch":
            # The service worker storing what the page loaded: the server
            # answers its revalidation with 304, no body.
            assert request.bytes in (0, expected.stat().st_size), request
        else:
            assert request.bytes == expected.stat().st_size, request
    assert weight.total == sum(r.bytes for r in weight.requests)
    assert weight.group("html") == (site / "v/changan/index.html.gz").stat().st_size
