"""Bad input never breaks the site: escaping everywhere, long values, atomic output."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, TODAY, cunjing, serve

# Hostile values an editor might paste; each must land as literal text.
PAYLOADS = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "<iframe src=//evil.example></iframe>",
    "[点我](javascript:alert(1))",
    "# 标题 | 表格 |",
    "{{ config.site_name }}{% raw %}",
    "!!! warning \"x\"",
    "--8<-- \"/etc/passwd\"",
    "&amp; &lt;b&gt;",
]
DANGEROUS = re.compile(
    r"<script>alert|<img src=x|<iframe src=//evil|href=\"javascript:|onerror=alert\(1\)>", re.I
)


def poison(data: Path) -> None:
    """Put every payload into every kind of core field of one post and the site."""
    site = data / "site.yml"
    text = site.read_text(encoding="utf-8")
    site.write_text(text.replace("title: 泸西县一村一警", f'title: "{PAYLOADS[0]}村警"'), encoding="utf-8")
    post = data / "posts/zhongshu-changan.yml"
    text = post.read_text(encoding="utf-8")

    def q(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    joined = " ".join(PAYLOADS)
    text = text.replace("name: 长安社区警务室", f"name: {q(PAYLOADS[1] + '警务室')}")
    text = text.replace("address: 中枢镇长安社区居委会一楼", f"address: {q(joined)}")
    text = text.replace("hours: 周一至周五", f"hours: {q(PAYLOADS[3])}\n# 周一至周五")
    text = text.replace("    name: 长安社区\n", f"    name: {q(PAYLOADS[2] + '长安社区')}\n")
    text = text.replace("groups: [长安一组", f"groups: [{q(PAYLOADS[5])}, 长安一组")
    text = text.replace("    name: 李建国", f"    name: {q(PAYLOADS[4] + '李建国')}")
    text = text.replace("rank: 一级警司", f"rank: {q(PAYLOADS[6])}")
    text = text.replace("village_role: 社区党总支副书记", f"village_role: {q(PAYLOADS[7])}")
    text = text.replace("bio: 2009年", f"bio: {q(joined)}\n    # ")
    text = text.replace("  - name: 苏艳建", f"  - name: {q(PAYLOADS[8])}")
    post.write_text(text, encoding="utf-8")


def test_hostile_text_lands_as_literal_text_in_every_page(data: Path, tmp_path: Path) -> None:
    poison(data)
    out = tmp_path / "site"
    run = cunjing("build", "--data", data, "-d", out, "--today", TODAY)
    assert run.code == 0, run.text
    checked = 0
    for path in out.rglob("*"):
        # Markup formats (pages, feeds). Calendars, vCards and the search
        # index are data: their parsers, and find.js's textContent, keep
        # "<script>" inert (the browser test below proves it for /find/).
        if path.suffix not in (".html", ".xml"):
            continue
        text = path.read_text(encoding="utf-8")
        assert not DANGEROUS.search(text), (path, DANGEROUS.search(text))
        checked += 1
    assert checked > 200
    officer = (out / "officers/li-jianguo/index.html").read_text(encoding="utf-8")
    # Literal, visible text, not markup and not Markdown/Jinja output.
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in officer or "&lt;script&gt;alert('x')&lt;/script&gt;" in officer
    assert "{{ config.site_name }}{% raw %}" in officer
    assert "[点我](javascript:alert(1))" in officer
    assert "&amp;amp; &amp;lt;b&amp;gt;" in officer
    assert "!!! warning" in officer and "--8&lt;-- " in officer
    title = re.search(r"<title>(.*?)</title>", officer, re.S)
    assert title is not None and "<script>" not in title.group(1)


def test_hostile_text_is_inert_in_a_real_browser(data: Path, tmp_path: Path, browser: object) -> None:
    poison(data)
    out = tmp_path / "site"
    assert cunjing("build", "--data", data, "-d", out, "--today", TODAY).code == 0
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with serve(out) as base:
        for rel in ("", "posts/zhongshu-changan/", "v/changan/", "officers/li-jianguo/",
                    "posts/", "find/?q=changan", "find/?q=lijianguo", "print/v/changan/",
                    "print/officers/li-jianguo/"):
            page.goto(base + rel, wait_until="load")
            if "?q=" in rel:  # the results come from the index after the load
                page.wait_for_selector(".cj-find__hit")
            assert page.locator("iframe").count() == 0, rel
            assert page.locator("img[src='x']").count() == 0, rel
            assert page.locator("a[href^='javascript:']").count() == 0, rel
        # The search result shows the hostile name as text.
        page.goto(base + "find/?q=changan")
        page.wait_for_selector("text=<iframe src=//evil.example></iframe>长安社区")
    context.close()
    assert dialogs == []


def test_very_long_value_gets_a_clear_message(data: Path) -> None:
    post = data / "posts/zhongshu-changan.yml"
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("bio: 2009年", "bio: " + "很长" * 3000 + "2009年"), encoding="utf-8")
    run = cunjing("check", "--data", data)
    assert run.code == 1 and "内容过长" in run.err and "officers 第1项 → bio" in run.err


def test_huge_file_is_refused(data: Path) -> None:
    post = data / "posts/zhongshu-changan.yml"
    post.write_text(post.read_text(encoding="utf-8") + "#" * (3 * 1024 * 1024) + "\n", encoding="utf-8")
    run = cunjing("check", "--data", data)
    assert run.code == 1 and "文件过大" in run.err and "zhongshu-changan.yml" in run.err


def test_stale_temporary_folder_from_an_interrupted_build_is_cleaned(tmp_path: Path) -> None:
    stale = tmp_path / ".site.building-dead"
    stale.mkdir()
    (stale / "index.html").write_text("half", encoding="utf-8")
    run = cunjing("build", "-d", tmp_path / "site", "--today", TODAY)
    assert run.code == 0, run.text
    assert not stale.exists()
    assert (tmp_path / "site/index.html").read_text(encoding="utf-8") != "half"


def test_killed_build_leaves_the_previous_site_whole(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert cunjing("build", "-d", out, "--today", TODAY).code == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    env = {k: v for k, v in os.environ.items() if not k.startswith("CUNJING_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "-d", str(out), "--today", TODAY],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        # Wait until the build is writing its temporary folder, then kill it hard.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if any(p.name.startswith(".site.building-") and any(p.rglob("*.html")) for p in tmp_path.iterdir()):
                break
            time.sleep(0.01)
        if proc.poll() is not None:
            pytest.skip("the build finished before it could be interrupted")
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_markdown_bodies_keep_chinese_lines_together_and_code_as_is() -> None:
    from generator.core.markup import render_markdown

    html = str(render_markdown("请看管，\n贵重物品。\nSee\nthis\n\n```\n代码\n行\n```\n"))
    assert "请看管，贵重物品。" in html
    assert "See\nthis" in html
    assert "代码\n行" in html


def test_qr_codes_scale_without_clipping() -> None:
    from generator.core.qr import qr_svg

    svg = str(qr_svg("https://example.org/v/changan/"))
    assert 'viewBox="0 0 ' in svg and 'width="' in svg


def test_raw_html_in_markdown_bodies_is_sanitised() -> None:
    from generator.core.markup import render_markdown

    body = (
        "正文 **重点**\n\n"
        "<script>alert(1)</script><style>body{display:none}</style>\n"
        '<iframe src="https://evil.example/"></iframe>\n'
        '<p onclick="alert(2)">段落</p> <img src=x onerror="alert(3)">\n'
        '<a href="javascript:alert(4)">甲</a> <a href="data:text/html,<script>alert(5)</script>">乙</a>\n'
        '<img src="https://evil.example/track.png"> <img src="data:image/png;base64,AAAA">\n'
        "[丙](javascript:alert(6)) {{ config }} {% if x %}\n"
    )
    html = str(render_markdown(body))
    assert "<strong>重点</strong>" in html and "段落" in html
    for bad in ("<script", "<style", "<iframe", "onclick", "onerror", "javascript:", "data:", "evil.example"):
        assert bad not in html, bad
    assert "{{ config }} {% if x %}" in html
