"""What `cunjing build` adds for serving: .gz siblings (reproducible), every
per-village URL under the old ids, and the Chinese 404 page."""

from __future__ import annotations

import gzip
import posixpath
import re
from pathlib import Path

import pytest

from generator.core.precompress import MIN_SIZE, SUFFIXES, gzip_bytes

RENAMED = {"zhongyang": "chongyang", "lushui": "lvshui", "jinma-shequ": "jinma"}


def files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


# -- gzip siblings -------------------------------------------------------------

def test_every_text_file_over_one_kb_has_a_gzip_sibling(site: Path) -> None:
    seen = set()
    for path in site.rglob("*"):
        if not path.is_file() or path.suffix == ".gz":
            continue
        sibling = path.with_name(path.name + ".gz")
        if path.suffix in SUFFIXES and path.stat().st_size > MIN_SIZE:
            seen.add(path.suffix)
            assert sibling.is_file(), path
            assert gzip.decompress(sibling.read_bytes()) == path.read_bytes(), path
        else:
            assert not sibling.exists(), path
    # the sample has big enough files of most kinds
    assert seen >= {".html", ".css", ".js", ".xml", ".json", ".ics"}
    assert not (site / "media/photos").exists() or not list((site / "media").rglob("*.gz"))


def test_gzip_headers_carry_no_name_and_no_time(site: Path) -> None:
    gz = sorted(site.rglob("*.gz"))
    assert len(gz) > 500
    for path in gz:
        head = path.read_bytes()[:10]
        assert head[:3] == b"\x1f\x8b\x08", path
        assert head[3] & 0x08 == 0, f"{path}: file name in header"
        assert head[4:8] == b"\0\0\0\0", f"{path}: time in header"
    # sitemap.xml.gz from MkDocs is rewritten the same way
    assert (site / "sitemap.xml.gz").read_bytes() == gzip_bytes((site / "sitemap.xml").read_bytes())


def test_two_builds_are_byte_identical_including_gzip(site: Path, site_again: Path) -> None:
    first, second = files(site), files(site_again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


# -- renamed villages ----------------------------------------------------------

@pytest.mark.parametrize(("old", "new"), sorted(RENAMED.items()))
def test_every_file_of_a_renamed_village_exists_under_its_old_id(site: Path, old: str, new: str) -> None:
    pattern = re.compile(rf"(^|/)v/{re.escape(new)}(?=/|\.)")
    per_village = [
        str(p.relative_to(site)) for p in site.rglob("*")
        if p.is_file() and p.suffix != ".gz" and pattern.search(str(p.relative_to(site)))
    ]
    assert {"v/" + new + "/index.html", f"print/v/{new}/index.html", f"calendar/v/{new}.ics"} <= set(per_village)
    for rel in per_village:
        old_rel = pattern.sub(rf"\1v/{old}", rel, count=1)
        old_file, new_file = site / old_rel, site / rel
        assert old_file.is_file(), old_rel
        if rel.endswith(".html"):
            page = old_file.read_text(encoding="utf-8")
            target = posixpath.relpath(posixpath.dirname(rel), posixpath.dirname(old_rel)) + "/"
            assert f'http-equiv="refresh" content="0; url={target}"' in page, old_rel
            assert f'<a href="{target}">' in page and "网址已更换" in page
        else:  # calendar clients do not follow an HTML refresh: the file itself
            assert old_file.read_bytes() == new_file.read_bytes(), old_rel


def test_printable_board_redirect_names_the_board(site: Path) -> None:
    page = (site / "print/v/zhongyang/index.html").read_text(encoding="utf-8")
    assert "<title>重阳村社区警务公示牌" in page
    assert 'url=../chongyang/"' in page


# -- 404 -----------------------------------------------------------------------

def test_404_is_chinese_light_and_absolute_from_site_url(site: Path) -> None:
    page = (site / "404.html").read_text(encoding="utf-8")
    assert "找不到这个页面" in page and "Not found" not in page
    assert "示例数据" in page
    hrefs = re.findall(r'(?:href|action|src)="([^"]*)"', page)
    assert "/luxi/" in hrefs and "/luxi/find/" in hrefs
    for href in hrefs:  # nothing relative: served at any depth (the footer's mail and filing links have a scheme)
        assert href.startswith(("/luxi/", "tel:", "mailto:", "https://")) or href == "data:,", href
    # Loads nothing else; its icon is empty inline data, so the browser does
    # not ask the host root for /favicon.ico either.
    assert '<link rel="icon" href="data:,">' in page
    assert "<link" not in page.replace('<link rel="icon" href="data:,">', "") and "<img" not in page
    # Small: under 8 KB besides the shell's own inline stylesheet, which it carries
    # for the shell's look (tests/site/test_not_found_page.py).
    shell_css = re.findall(r"<style>(.*?)</style>", page, re.S)[0]
    assert len(page.encode("utf-8")) - len(shell_css.encode("utf-8")) < 8_000


def test_precompress_command_for_a_site_another_engine_built(tmp_path: Path) -> None:
    import subprocess
    import sys

    site = tmp_path / "site"
    (site / "v").mkdir(parents=True)
    (site / "v/index.html").write_text("<p>长安社区</p>\n" * 200, encoding="utf-8")
    (site / "small.css").write_text("p{}", encoding="utf-8")
    (site / "photo.png").write_bytes(b"\x89PNG" + bytes(4000))
    proc = subprocess.run(
        [sys.executable, "-m", "generator.core.precompress", str(site)], capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in site.rglob("*.gz")) == ["index.html.gz"]
    assert gzip.decompress((site / "v/index.html.gz").read_bytes()) == (site / "v/index.html").read_bytes()
