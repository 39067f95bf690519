"""A rebuild takes a part from the build before only when none of its scope
keys changed, and writes no file whose bytes are the same."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from generator.core.pages import Asset, AssetWriter, Page, PageSpool, Part, SiteOutput
from generator.core.reuse import Reuse


def county(names: dict[str, str], made: list[str]) -> SiteOutput:
    """One page and one file per post, each post's pair a part of its scope."""

    def make(post: str) -> Iterator[Page | Asset]:
        made.append(post)
        yield Page(f"posts/{post}.md", names[post], f"<p>{names[post]}</p>")
        yield Asset(f"print/{post}/index.html", names[post].encode("utf-8"))

    return SiteOutput(coming=[(Part(f"post:{p}", frozenset((f"p:{p}",)), lambda p=p: make(p)) for p in names)])


def build(root: Path, names: dict[str, str], reuse: Reuse, changed: frozenset[str] | None,
          before: dict[str, bytes], spool: PageSpool) -> tuple[SiteOutput, list[str], AssetWriter]:
    made: list[str] = []
    reuse.start(changed)
    writer = AssetWriter(root, before=before)
    return county(names, made).made(writer, spool, reuse), made, writer


def test_only_the_parts_whose_data_changed_are_made_again(tmp_path: Path) -> None:
    reuse, spool = Reuse(), PageSpool()
    names = {"a": "甲警务室", "b": "乙警务室", "c": "丙警务室"}
    out, made, writer = build(tmp_path, names, reuse, None, {}, spool)
    assert made == ["a", "b", "c"]
    stamp = (tmp_path / "print/b/index.html").stat().st_mtime_ns

    names["a"] = "甲社区警务室"
    out, made, writer = build(tmp_path, names, reuse, frozenset({"p:a"}), writer.digests, spool)
    assert made == ["a"]
    assert [p.src for p in out.pages] == ["posts/a.md", "posts/b.md", "posts/c.md"]  # the order stays
    assert [p.body() for p in out.pages] == ["<p>甲社区警务室</p>", "<p>乙警务室</p>", "<p>丙警务室</p>"]
    assert (tmp_path / "print/a/index.html").read_text(encoding="utf-8") == "甲社区警务室"
    assert (tmp_path / "print/b/index.html").stat().st_mtime_ns == stamp  # taken: not written again
    assert set(writer.digests) == {"print/a/index.html", "print/b/index.html", "print/c/index.html"}
    assert {getattr(i, "src", None) for i in reuse.taken} >= {"posts/b.md", "posts/c.md"}

    # Anything may have changed: every part is made again; same bytes are not written again.
    out, made, writer = build(tmp_path, names, reuse, None, writer.digests, spool)
    assert made == ["a", "b", "c"] and reuse.taken == []
    assert (tmp_path / "print/b/index.html").stat().st_mtime_ns == stamp
    spool.close()


def test_a_part_the_build_before_did_not_have_is_made(tmp_path: Path) -> None:
    reuse, spool = Reuse(), PageSpool()
    _, made, writer = build(tmp_path, {"a": "甲"}, reuse, None, {}, spool)
    _, made, writer = build(tmp_path, {"a": "甲", "d": "丁"}, reuse, frozenset(), writer.digests, spool)
    assert made == ["d"]
    reuse.forget()
    _, made, writer = build(tmp_path, {"a": "甲", "d": "丁"}, reuse, frozenset(), writer.digests, spool)
    assert made == ["a", "d"]
    spool.close()
