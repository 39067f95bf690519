"""The lookup index behind /find/: keys, ranking and the shards a phone downloads."""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

import pytest
from pypinyin import Style, lazy_pinyin

from generator.directory.photos import photo_url
from generator.find.index import CONTAINS, EXACT, LIMIT, PREFIX, Index, build_index, search
from generator.find.keys import FULL, INNER, normalise, normalise_query, term_keys
from generator.find.shards import Shards, file_name, gzip_size, shard_for, split_index, tokens_of

from conftest import ROOT
from helpers import found, sample, sample_index

sys.path.insert(0, str(ROOT))
from bench.synthetic import synthetic_grid


def spellings_of(name: str) -> tuple[str, str]:
    """Full pinyin and initials as pypinyin spells a name by default."""
    syllables = lazy_pinyin(name, style=Style.NORMAL)
    return "".join(syllables), "".join(s[0] for s in syllables)


# -- keys ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "spellings"),
    [
        ("长安社区", ["changanshequ", "zhangan", "casq", "zasq"]),
        ("重阳村", ["chongyangcun", "zhongyang", "cyc", "zyc"]),
        ("行知村", ["xingzhi", "hangzhi", "xzc", "hzc"]),
        ("朝阳社区", ["chaoyang", "zhaoyang", "cysq", "zysq"]),
        ("单家寨村", ["shanjiazhai", "danjiazhai", "sjzc", "djzc"]),
        ("曾玉兰", ["zengyulan", "cengyulan", "zyl"]),
        ("解永福", ["xieyongfu", "jieyongfu", "xyf"]),
        ("仇海涛", ["qiuhaitao", "chouhaitao", "qht"]),
        ("吕家营村", ["lvjiaying", "ljyc"]),
        ("女儿山村", ["nvershan", "nesc"]),
    ],
)
def test_every_reading_of_a_polyphonic_name_is_a_key(name: str, spellings: list[str]) -> None:
    keys = term_keys(name)
    for spelling in spellings:
        assert keys.get(spelling) == FULL, (name, spelling)


def test_short_form_and_contains_keys() -> None:
    keys = term_keys("长安社区警务室")
    assert keys["长安"] == FULL and keys["changan"] == FULL  # without the generic ending
    assert keys["安社区警务室"] == INNER and keys["anshequjingwushi"] == INNER
    assert "大" not in term_keys("大村")  # never shortened to one character


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Cháng Ān", "changan"), ("chang2 an1", "changan"), ("CHANG-AN", "changan"),
        ("ＣＡ", "ca"), ("nü", "nv"), ("lu:jiaying", "lvjiaying"), ("lǘ", "lv"),
        ("长 安·社区", "长安社区"), ("「长安」", "长安"), ("", ""),
    ],
)
def test_what_residents_type_is_normalised(typed: str, key: str) -> None:
    assert normalise_query(typed) == key


def test_names_with_latin_letters_and_digits() -> None:
    keys = term_keys("A区3组")
    assert normalise("A区3组") == "a区3组"
    assert keys["a区3组"] == FULL and keys["aqu3zu"] == FULL and keys["aq3z"] == FULL


# -- ranking on the sample ---------------------------------------------------------

def test_every_sample_village_is_found_by_characters_pinyin_and_initials() -> None:
    index = sample_index()
    for village in sample().villages:
        full, initials = spellings_of(village.name)
        for typed in (village.name, full, initials, " ".join(lazy_pinyin(village.name))):
            assert village.id in found(index, typed), (village.name, typed)
        # The whole name in characters or full pinyin is an exact hit on the village itself.
        first = search(index, normalise_query(village.name))[0]
        assert (first.rank, index.villages[first.village].id) == (EXACT, village.id)


def test_polyphonic_readings_all_find_the_village() -> None:
    index = sample_index()
    for typed, village in [
        ("changan", "changan"), ("zhangan", "changan"), ("chongyang", "chongyang"),
        ("zhongyang", "chongyang"), ("xingzhi", "xingzhi"), ("hangzhi", "xingzhi"),
        ("chaoyang", "chaoyang"), ("zhaoyang", "chaoyang"), ("shanjiazhai", "shanjiazhai"),
        ("danjiazhai", "shanjiazhai"), ("lvjiaying", "lvjiaying"), ("nvershan", "nvershan"),
    ]:
        assert found(index, typed)[0] == village, typed


def test_officer_group_post_and_township_names_find_villages() -> None:
    index = sample_index()
    grid = sample()

    def served_by(officer_id: str) -> set[str]:
        return {v.id for v in grid.villages_of(grid.officer_by_id[officer_id])}

    # 仇海涛 (qiú), 曾玉兰 (zēng), 解永福 (xiè): pypinyin's defaults are chóu, céng, jiě.
    assert set(found(index, "qiuhaitao")) == served_by("qiu-haitao") == {"mulong", "shanjiao"}
    assert set(found(index, "zengyulan")) == served_by("zeng-yulan")
    assert set(found(index, "xieyongfu")) == set(found(index, "解永福")) == served_by("xie-yongfu")
    assert found(index, "李建国") == ["changan"]
    assert found(index, "jianguo")[0] == "changan"  # contains: the given name
    assert found(index, "长安三组") == ["changan"]  # a 村民小组/小区
    assert found(index, "丽景花园")[0] in {"baishui", "chaoyang", "wuyi"}
    township = {v.id for v in sample().villages_in("中枢镇")}
    assert set(found(index, "zhongshu")) == township
    assert set(found(index, "zsz")) >= township


def test_exact_before_prefix_before_contains() -> None:
    index = sample_index()
    hits = search(index, normalise_query("changan"))
    assert [index.villages[h.village].id for h in hits] == ["changan", "wenbi"]
    assert hits[0].rank == EXACT and index.terms[hits[0].term].kind == "v"
    assert index.terms[hits[1].term].kind == "p"  # via 长安社区警务室
    ranks = [h.rank for h in search(index, "shan")]
    assert ranks == sorted(ranks) and {PREFIX, CONTAINS} <= set(ranks)
    shan = search(index, "shan")
    assert index.villages[shan[0].village].name in {"山宗村", "山脚村", "单家寨村"}  # prefix first
    assert any(index.villages[h.village].name == "女儿山村" and h.rank == CONTAINS for h in shan)


# -- shards ----------------------------------------------------------------------

def lookup(shards: Shards, index: Index, query: str) -> list[str]:
    """What find.js shows: the shard shard_for picks, searched like index.search."""
    content = shard_for(shards, query)
    if content is None:
        return []
    shard = json.loads(content)
    best: dict[int, tuple[int, int]] = {}
    for key, postings in shard["k"]:
        if not key.startswith(query):
            continue
        for number, kind in postings:
            rank = (EXACT if key == query else PREFIX) if kind == FULL else CONTAINS
            term = shard["t"][number]
            order = "vgqopt".index(term[0])
            for village in term[2]:
                if village not in best or (rank, order) < best[village]:
                    best[village] = (rank, order)
    ranked = sorted(best, key=lambda v: (*best[v], shard["v"][v][0]))
    return [shard["v"][v][1] for v in ranked[:LIMIT]]


def queries_for(index: Index) -> list[str]:
    """Every prefix of every key up to four tokens, plus whole keys."""
    out = set()
    for key in index.keys:
        out.add(key)
        for n in range(1, min(len(key), 4) + 1):
            out.add(key[:n])
    return sorted(out)


@pytest.mark.parametrize("budget", [20_000, 1_500])
def test_shards_answer_like_the_whole_index(budget: int) -> None:
    index = sample_index()
    shards = split_index(index, budget=budget)
    if budget < 2_000:
        assert any(name.startswith("t") for name in shards.files)  # top shards in use
    for query in [*queries_for(index), "i", "zzz", "长x", "𠮷"]:
        expected = [index.villages[h.village].id for h in search(index, query)[:LIMIT]]
        assert lookup(shards, index, query) == expected, query


def test_file_names_follow_node_paths() -> None:
    assert tokens_of("zh") == ["z", "h"]
    path = tokens_of("长安1组")
    assert path[0] == f"#{ord('长') % 256:02x}" and path[1:] == ["长", "安", "1", "组"]
    assert file_name(path) == f"l_{ord('长') % 256:02x}-00957f-005b891-007ec4.json"
    assert file_name(["z", "h"], top=True) == "tzh.json" and file_name([]) == "l.json"


def largest_gzip(contents: list[bytes]) -> int:
    """The largest gzip size among ``contents``: the largest first, stopping where even
    an incompressible file (zlib's bound, plus the gzip wrapper) could not be larger."""
    best = 0
    for content in sorted(contents, key=len, reverse=True):
        if len(content) + len(content) // 1000 + 64 <= best:
            break
        best = max(best, gzip_size(content))
    return best


def test_largest_gzip_is_the_largest() -> None:
    contents = [bytes(range(256)) * 40, b"a" * 50_000, b"{}", bytes((n * 7919) % 251 for n in range(9_000))]
    assert largest_gzip(contents) == max(gzip_size(c) for c in contents)


def test_a_first_result_needs_at_most_30_kb_at_14000_villages() -> None:
    """The first result needs little index data, on a synthetic county (bench/find_index.py reports the same)."""
    grid = synthetic_grid(14_000)
    index = build_index(grid, lambda o: None)
    shards = split_index(index)
    manifest = gzip_size(shards.manifest_json().encode("utf-8"))
    largest = largest_gzip(list(shards.files.values()))
    assert manifest + largest <= 30 * 1024, (manifest, largest)
    # Splitting is what keeps it small: the whole index is far bigger.
    assert sum(len(c) for c in shards.files.values()) > 100 * 30 * 1024
    # Spot checks that the shards still find villages of the big county.
    for village in grid.villages[::997]:
        query = normalise_query(village.name)
        assert village.id in lookup(shards, index, query), village.name


def test_sample_index_is_published_with_the_site(site: Path) -> None:
    page = (site / "find/index.html").read_text(encoding="utf-8")
    found = re.search(r'data-index="([^"]*)"', page)
    assert found
    manifest = json.loads(html.unescape(found.group(1)))
    # .gz siblings are the web server's copies (generator/precompress.py)
    files = {f.name: f.read_bytes() for f in (site / "find/i").iterdir() if f.suffix != ".gz"}
    assert files and all(name.endswith(".json") for name in files)
    assert max(gzip_size(content) for content in files.values()) <= 20_000
    published = Shards(manifest=manifest, files=files)
    with_photos = build_index(sample(), lambda o: photo_url(o) if o.photo else None)
    assert published.manifest == split_index(with_photos).manifest
    content = shard_for(published, "changan")
    assert content is not None
    shard = json.loads(content)
    officers = {o[1]: o for o in shard["o"]}
    assert officers["李建国"][3] == "tel:08730610102"
    assert officers["李建国"][4] == "media/photos/li-jianguo.png"
