"""deploy/nginx.conf, for real: Debian's nginx serving a build of the sample
from a sub-path on a loopback port, checked over HTTP.

Compression, content types, cache lifetimes, the Chinese 404 page from a deep
URL (and, in a real browser, under a sub-path other than site_url's), and
village URLs under old ids.
"""

from __future__ import annotations

import contextlib
import gzip
import http.client
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import ROOT, open_page, require, watch_requests
from helpers import SPEECH

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CONF = ROOT / "deploy" / "nginx.conf"
SUB = "/luxi/"  # the path of site_url in data/site.yml
DEEP = "a/b/c/"  # three folders deep, none of them the site's


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def text(self) -> str:
        data = gzip.decompress(self.body) if self.headers.get("content-encoding") == "gzip" else self.body
        return data.decode("utf-8")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def server_block(port: int, www: Path, sub: str = SUB) -> str:
    """deploy/nginx.conf with only the address, the root and the sub-path changed."""
    text = CONF.read_text(encoding="utf-8")
    for old, new in (
        ("    listen 80;\n", f"    listen 127.0.0.1:{port};\n"),
        ("    listen [::]:80;\n", ""),
        ("root /srv/cunjing/www;", f"root {www};"),
    ):
        assert old in text, old
        text = text.replace(old, new)
    assert text.count(SUB) == 4
    return text.replace(SUB, sub)


@contextlib.contextmanager
def nginx(site: Path, tmp: Path, sub: str = SUB) -> Iterator[str]:
    """Run nginx in the foreground with deploy/nginx.conf; yields http://127.0.0.1:PORT."""
    require(None if Path(NGINX).exists() else "需要 Debian 的 nginx（apt-get install nginx）")
    www = tmp / "www"
    link = www / sub.strip("/")
    link.parent.mkdir(parents=True)
    link.symlink_to(site, target_is_directory=True)
    port = _free_port()
    (tmp / "cunjing.conf").write_text(server_block(port, www, sub), encoding="utf-8")
    temp = "\n".join(f"    {kind}_temp_path {tmp}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (tmp / "nginx.conf").write_text(
        f"daemon off;\nmaster_process off;\npid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
        f"    access_log off;\n{temp}\n    include {tmp}/cunjing.conf;\n}}\n",
        encoding="utf-8",
    )
    proc = subprocess.Popen(
        [NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
            if proc.poll() is not None or time.monotonic() > deadline:
                err = proc.stderr.read().decode() if proc.stderr else ""
                log = (tmp / "error.log").read_text() if (tmp / "error.log").exists() else ""
                pytest.fail(f"nginx did not start: {err}\n{log}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def base(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with nginx(site, tmp_path_factory.mktemp("nginx")) as url:
        yield url


def get(url: str, *, gzip_ok: bool = True) -> Reply:
    """One GET with a real HTTP client; redirects are not followed."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.netloc, timeout=10)
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers)
    resp = conn.getresponse()
    reply = Reply(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())
    conn.close()
    return reply


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.refresh: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("a", "link") and a.get("href"):
            self.links.append(a["href"] or "")
        if tag == "form" and a.get("action"):
            self.links.append(a["action"] or "")
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            self.refresh = (a.get("content") or "").split("url=", 1)[1]


def links(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    return parser


# -- compression, types, caching -----------------------------------------------

def test_pages_come_gzipped_to_clients_that_ask(base: str, site: Path) -> None:
    for path in ("", "find/", "v/changan/", "posts/zhongshu-changan/"):
        reply = get(f"{base}{SUB}{path}")
        assert reply.status == 200, path
        assert reply.headers.get("content-encoding") == "gzip", path
        assert reply.headers["content-type"] == "text/html; charset=utf-8"
        assert "Accept-Encoding" in reply.headers.get("vary", "")
        assert gzip.decompress(reply.body) == (site / path / "index.html").read_bytes()


def test_clients_without_gzip_get_the_plain_file(base: str, site: Path) -> None:
    reply = get(f"{base}{SUB}v/changan/", gzip_ok=False)
    assert reply.status == 200 and "content-encoding" not in reply.headers
    assert reply.body == (site / "v/changan/index.html").read_bytes()


@pytest.mark.parametrize(("path", "kind"), [
    ("calendar/v/changan.ics", "text/calendar; charset=utf-8"),
    ("calendar/all.ics", "text/calendar; charset=utf-8"),
    ("contacts/officers/li-jianguo.vcf", "text/vcard; charset=utf-8"),
    ("contacts/posts/zhongshu-changan.vcf", "text/vcard; charset=utf-8"),
    ("assets/cunjing/cunjing.css", "text/css; charset=utf-8"),
    ("feeds/all.atom.xml", "text/xml; charset=utf-8"),
    ("404.html", "text/html; charset=utf-8"),
])
def test_types(base: str, site: Path, path: str, kind: str) -> None:
    reply = get(f"{base}{SUB}{path}")
    assert reply.status == 200, path
    assert reply.headers["content-type"] == kind
    expected = (site / path).read_bytes()
    assert reply.text().encode("utf-8") == expected
    if len(expected) > 1024:
        assert reply.headers.get("content-encoding") == "gzip", path


def test_hashed_assets_are_cached_long_and_pages_briefly(base: str, site: Path) -> None:
    hashed = sorted(site.glob("assets/stylesheets/main.*.min.css")) + sorted(site.glob("assets/javascripts/bundle.*.min.js"))
    assert len(hashed) == 2
    for path in hashed:
        reply = get(f"{base}{SUB}{path.relative_to(site)}")
        assert reply.status == 200
        assert reply.headers["cache-control"] == "public, max-age=31536000, immutable"
    for path in ("", "v/changan/", "calendar/v/changan.ics", "assets/cunjing/cunjing.css", "find/i/l_00.json"):
        if not (site / path).exists() and not (site / path / "index.html").exists():
            continue
        reply = get(f"{base}{SUB}{path}")
        assert reply.status == 200, path
        assert reply.headers["cache-control"] == "public, max-age=600", path


def test_folder_without_slash_redirects_on_the_same_host(base: str) -> None:
    reply = get(f"{base}{SUB}find")
    assert reply.status == 301
    assert reply.headers["location"] in (f"{SUB}find/", f"{base}{SUB}find/")


# -- the 404 page --------------------------------------------------------------

def test_404_is_chinese_and_its_links_work_three_folders_deep(base: str) -> None:
    url = f"{base}{SUB}{DEEP}"
    reply = get(url)
    assert reply.status == 404
    page = reply.text()
    assert "找不到这个页面" in page and 'href="tel:110"' in page
    # The site's own links (the footer's filing numbers link to the public registers).
    found = [link for link in links(page).links if not link.startswith(("tel:", "data:", "mailto:", "https://beian."))]
    assert len(found) >= 5
    for link in found:
        target = urljoin(url, link)
        assert get(target).status == 200, (link, target)


def test_404_under_another_sub_path_in_a_browser(
    site: Path, tmp_path: Path, browser: Any,
) -> None:
    """Served at /jingwu/x/ while site_url says /luxi/: the page finds its root."""
    with nginx(site, tmp_path, "/jingwu/x/") as other:
        for deep in (f"v/{DEEP}", DEEP, "print/v/gone/"):
            url = f"{other}/jingwu/x/{deep}"
            assert get(url).status == 404
            context, page, requests = open_page(browser, url, javascript=True)
            try:
                hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
                action = page.eval_on_selector("form", "f => f.action")
            finally:
                context.close()
            assert all(urlsplit(r).netloc == urlsplit(other).netloc for r in requests)
            targets = [h for h in hrefs if h.startswith("http") and not h.startswith("https://beian.")] + [action]
            assert len(targets) >= 5
            for target in targets:
                assert target.startswith(f"{other}/jingwu/x/"), (deep, target)
                assert get(target).status == 200, (deep, target)


# -- renamed villages ----------------------------------------------------------

@pytest.mark.parametrize(("old", "new"), [("zhongyang", "chongyang"), ("lushui", "lvshui")])
@pytest.mark.parametrize("pattern", ["v/{}/", "print/v/{}/"])
def test_old_village_pages_redirect_to_the_renamed_village(base: str, old: str, new: str, pattern: str) -> None:
    url = f"{base}{SUB}{pattern.format(old)}"
    reply = get(url)
    assert reply.status == 200
    found = links(reply.text())
    assert found.refresh is not None
    target = urljoin(url, found.refresh)
    assert target == f"{base}{SUB}{pattern.format(new)}"
    landed = get(target)
    assert landed.status == 200 and "http-equiv=\"refresh\"" not in landed.text()


def test_old_village_calendar_is_the_renamed_villages_calendar(base: str) -> None:
    old = get(f"{base}{SUB}calendar/v/zhongyang.ics")
    new = get(f"{base}{SUB}calendar/v/chongyang.ics")
    assert old.status == new.status == 200
    assert old.headers["content-type"] == "text/calendar; charset=utf-8"
    assert old.text() == new.text()
    assert re.search(r"^BEGIN:VCALENDAR", old.text(), re.M)


# -- security headers: Content-Security-Policy from the build ---------------------

def conf_csp() -> str:
    found = re.findall(r'^\s*set \$cunjing_csp "([^"]+)";$', CONF.read_text(encoding="utf-8"), re.M)
    assert len(found) == 1
    return found[0]


def directives(policy: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in policy.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


def sha256(text: str) -> str:
    import base64
    import hashlib

    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def inline_hashes(site: Path) -> tuple[set[str], set[str]]:
    """The hashes of every inline <script> and <style> the built site holds."""
    scripts: set[str] = set()
    styles: set[str] = set()
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        scripts |= {sha256(m) for m in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S)}
        styles |= {sha256(m) for m in re.findall(r"<style[^>]*>(.*?)</style>", html, re.S)}
        # Hashes cover elements only: no style="" or on…="" attributes, no javascript: links.
        assert not re.search(r'\s(style|on[a-z]+)="', html), path
        assert 'href="javascript:' not in html, path
    return scripts, styles


def test_the_csp_allows_exactly_the_built_inline_scripts_and_styles(site: Path) -> None:
    scripts, styles = inline_hashes(site)
    policy = directives(conf_csp())
    wanted = (
        f"script-src 'self' {' '.join(sorted(scripts))}; style-src 'self' {' '.join(sorted(styles))}"
    )
    assert set(policy["script-src"]) == {"'self'"} | scripts, f"deploy/nginx.conf needs: {wanted}"
    assert set(policy["style-src"]) == {"'self'"} | styles, f"deploy/nginx.conf needs: {wanted}"
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert "'unsafe-inline'" not in conf_csp() and "'unsafe-eval'" not in conf_csp()
    assert "http" not in conf_csp()  # no other host, ever


def test_inline_scripts_and_styles_do_not_depend_on_the_data(site: Path, data: Path, tmp_path: Path) -> None:
    """Another county (other title, site_url, authority) needs the same hashes."""
    from conftest import edit
    from helpers import build

    edit(data, "site.yml", "title: 泸西县一村一警", "title: 弥勒市一村一警")
    edit(data, "site.yml", "site_url: https://cunjing.example.org/luxi/", "site_url: https://cunjing.example.org/mile/jw/")
    edit(data, "site.yml", "authority: 泸西县公安局", "authority: 弥勒市公安局")
    assert inline_hashes(build(data, tmp_path / "other")) == inline_hashes(site)


@pytest.mark.parametrize("path", ["", "v/changan/", "print/v/changan/", "404.html", DEEP, "calendar/all.ics", "assets/cunjing/cunjing.css"])
def test_security_headers_on_every_reply(base: str, path: str) -> None:
    reply = get(f"{base}{SUB}{path}")
    assert reply.status in (200, 404), path
    assert reply.headers["content-security-policy"] == conf_csp(), path
    assert reply.headers["referrer-policy"] == "same-origin", path
    assert reply.headers["x-content-type-options"] == "nosniff", path


WATCH = """(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', e =>
    window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));
})();"""


def test_every_page_kind_loads_under_the_csp_without_a_violation(base: str, browser: Any) -> None:
    from bench.pagekinds import PAGE_KINDS

    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    context.add_init_script(WATCH)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    violations: list[str] = []
    settled = watch_requests(page)
    try:
        for kind in PAGE_KINDS:
            if not kind.browser:
                continue
            page.goto(f"{base}{SUB}{kind.address}")
            settled()
            violations += [f"{kind.id}: {v}" for v in page.evaluate("window.__csp")]
            if kind.printable:
                page.emulate_media(media="print")
                violations += [f"{kind.id} (print): {v}" for v in page.evaluate("window.__csp")]
                page.emulate_media(media="screen")
        # The inline style really applies (a blocked one would leave the header unstyled).
        page.goto(f"{base}{SUB}")
        assert page.eval_on_selector(".cj-header", "e => getComputedStyle(e).position") != "static" or \
            page.eval_on_selector(".cj-header", "e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    finally:
        context.close()
    # The 404 page answers 404: Chromium logs that status as a console error; nothing else may.
    errors = [e for e in errors if "status of 404" not in e]
    assert violations == [] and errors == [], (violations, errors)


def test_shell_features_work_under_the_csp(base: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    context.add_init_script(WATCH)
    context.add_init_script(SPEECH)
    page = context.new_page()
    try:
        # 大字: the button, then the inline script applies it before first paint on the next page.
        page.goto(f"{base}{SUB}v/changan/")
        page.locator("#cj-big").click()
        assert page.evaluate("document.documentElement.classList.contains('cj-big')")
        page.goto(f"{base}{SUB}posts/zhongshu-changan/")
        assert page.evaluate("document.documentElement.classList.contains('cj-big')")
        # The service worker registers and takes the site.
        scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
        assert scope == f"{base}{SUB}"
        # 找民警: find.js fetches its index from the site.
        page.goto(f"{base}{SUB}find/?q=" + "长安")
        page.locator("#cj-find-results .cj-find__hit").first.wait_for(state="visible")
        assert "长安社区" in page.locator("#cj-find-results").inner_text()
        # 听一听 on a notice.
        page.goto(f"{base}{SUB}notices/2026-11-anti-fraud/")
        page.evaluate("window.__voices([{lang: 'zh-CN', name: 'zh'}])")
        page.locator("#cj-listen button").click()
        assert page.evaluate("window.__spoken.length") == 1
        # The 404 page's inline script re-roots its links (here under the site's own path).
        page.goto(f"{base}{SUB}{DEEP}")
        assert page.locator("h1").inner_text() == "找不到这个页面"
        home = page.locator("main a[data-to='']").get_attribute("href")
        assert home == SUB
        assert page.evaluate("window.__csp") == []
    finally:
        context.close()
