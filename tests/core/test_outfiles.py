"""The build's writer process (generator/core/outfiles.py): every file sent is on disk,
with the .gz copy precompress would make, before anything reads it back; its errors
reach the build as the same OSError."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from generator.core.outfiles import OutputFiles
from generator.core.pages import Asset, AssetWriter
from generator.core.precompress import MIN_SIZE, gzip_bytes, precompress


def test_files_and_their_gz_copies_are_what_precompress_would_write(tmp_path: Path) -> None:
    page = ("<p>村警</p>" * 400).encode("utf-8")
    small = b"<p>short</p>"
    picture = b"\x89PNG" + bytes(range(256)) * 20  # not a text type: no .gz
    out = OutputFiles(compress=True)
    out.write(str(tmp_path / "v/changan/index.html"), page)
    out.write(str(tmp_path / "v/changan/small.html"), small)
    out.write(str(tmp_path / "media/a.png"), picture)
    compressed = out.close()
    assert (tmp_path / "v/changan/index.html").read_bytes() == page
    assert (tmp_path / "v/changan/small.html").read_bytes() == small
    assert (tmp_path / "media/a.png").read_bytes() == picture
    assert (tmp_path / "v/changan/index.html.gz").read_bytes() == gzip_bytes(page)
    assert len(small) <= MIN_SIZE and not (tmp_path / "v/changan/small.html.gz").exists()
    assert not (tmp_path / "media/a.png.gz").exists()
    assert compressed == {str(tmp_path / "v/changan/index.html"): len(page)}


def test_precompress_leaves_the_writers_copies_and_makes_the_rest(tmp_path: Path) -> None:
    page = ("<p>村警</p>" * 400).encode("utf-8")
    out = OutputFiles(compress=True)
    out.write(str(tmp_path / "a/index.html"), page)
    done = out.close()
    (tmp_path / "a/index.html.gz").write_bytes(b"the writer's copy")  # to tell whether it is rewritten
    other = tmp_path / "sitemap.xml"
    other.write_bytes(b"<urlset>" + b"<url/>" * 400 + b"</urlset>")
    written = precompress(tmp_path, done)
    assert written == sorted([tmp_path / "a/index.html.gz", tmp_path / "sitemap.xml.gz"])
    assert (tmp_path / "a/index.html.gz").read_bytes() == b"the writer's copy"
    assert (tmp_path / "sitemap.xml.gz").read_bytes() == gzip_bytes(other.read_bytes())
    # A file changed after the writer compressed it gets a new copy.
    (tmp_path / "a/index.html").write_bytes(page + b"<p>more</p>")
    precompress(tmp_path, done)
    assert (tmp_path / "a/index.html.gz").read_bytes() == gzip_bytes(page + b"<p>more</p>")


def test_a_written_asset_reads_back_at_once(tmp_path: Path) -> None:
    """A copy of a file this build wrote (an old village address) is made from its bytes
    on disk: reading it waits for the writer."""
    out = OutputFiles(compress=False)
    write = AssetWriter(tmp_path, files=out)
    first = write(Asset(dest="v/changan/card.vcf", content=b"BEGIN:VCARD\r\nEND:VCARD\r\n" * 50))
    assert first.data() == b"BEGIN:VCARD\r\nEND:VCARD\r\n" * 50
    copy = write(Asset(dest="v/old-name/card.vcf", source=first.source))  # no ``ready`` of its own
    out.close()
    assert (tmp_path / "v/old-name/card.vcf").read_bytes() == first.data()
    assert copy.digest() == first.digest()


def test_the_writers_error_is_raised_as_the_same_oserror(tmp_path: Path) -> None:
    (tmp_path / "v").write_text("a file where a folder should be", encoding="utf-8")
    out = OutputFiles(compress=False)
    out.write(str(tmp_path / "v/changan/index.html"), b"<p>x</p>")
    with pytest.raises(OSError) as raised:
        out.close()
    with pytest.raises(OSError) as here:  # what writing it in the build itself raises
        os.makedirs(tmp_path / "v/changan", exist_ok=True)
    assert raised.value.errno == here.value.errno == errno.ENOTDIR
    assert (raised.value.strerror, raised.value.filename) == (here.value.strerror, str(here.value.filename))


def test_an_error_surfaces_at_the_next_write_once_the_writer_has_stopped(tmp_path: Path) -> None:
    (tmp_path / "v").write_text("", encoding="utf-8")
    out = OutputFiles(compress=False)
    out.write(str(tmp_path / "v/a/index.html"), b"x")
    with pytest.raises(OSError):
        for n in range(10_000):  # the writer has stopped: the pipe breaks, or settle says so
            out.write(str(tmp_path / f"ok/{n}.html"), b"y" * 4096)
            if n % 1000 == 999:
                out.settle()
    out.abort()
