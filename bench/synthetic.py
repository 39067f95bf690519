"""A synthetic county of any size, shaped like the sample (and like Luxi).

Names are drawn from the characters real Yunnan place and family names use,
polyphonic ones (长 重 行 朝 单 曾 解 仇 …) included; groups repeat across
villages (大寨, 箐口 …) or are numbered (长安一组) as in the sample. The same
seed always gives the same county.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from generator.directory.grid import Grid
from generator.directory.schema import Post

PLACE = (
    "长安重阳行知朝阳单家寨曾解仇乐会藏和平大小新老上下中东西南北白黑红黄青石山水河海"
    "龙凤马牛羊鸡花果松柏竹林田坝营哨铺堡屯庄街口沟箐冲坡岩洞井塘湾桥板房寨村"
    "金银铜铁宝兴隆丰盛福寿康宁永安太和顺利德明光华文武春秋云雾风雨雪"
)
GROUPS = (
    "大寨", "箐口", "上村", "下村", "中村", "背阴", "龙潭", "沙沟", "田心", "坝心", "麦地",
    "岩脚", "羊街", "板房", "新村", "老村", "坡头", "坡脚", "松林", "果园", "水井", "冲头",
)
COMMUNITY_GROUPS = ("建安小区", "丽景花园", "滨河小区", "阳光小区", "园丁小区", "金秋小区", "福泽园")
SURNAMES = "李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文普仇单解"
GIVEN = "建国华明伟芳娟敏静丽强磊军洋勇艳杰涛超秀英平刚桂玉兰云凤霞林忠荣鹏波辉志红春燕德文"
NUMBERS = "一二三四五六"
RANKS = ("一级警司", "二级警司", "三级警司", "一级警督", "二级警督", "警员")


def _name(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(PLACE) for _ in range(length))


def synthetic_grid(villages: int, seed: int = 14000) -> Grid:
    """The grid of a county with about ``villages`` villages (3 per post, 1-2 officers per post)."""
    rng = random.Random(seed)
    townships = [f"{_name(rng, 2)}{rng.choice('镇乡')}" for _ in range(max(1, villages // 90))]
    posts: list[Post] = []
    made = 0
    officer_no = 0
    while made < villages:
        township = townships[len(posts) % len(townships)]
        n_villages = min(villages - made, rng.choice((2, 3, 3, 4)))
        n_officers = rng.choice((1, 1, 2))
        officers = []
        for _ in range(n_officers):
            officer_no += 1
            officers.append({
                "id": f"o{officer_no}",
                "name": rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2)))),
                "rank": rng.choice(RANKS),
                "badge": f"{100000 + officer_no}",
                "phone": f"139{officer_no:08d}",
            })
        items = []
        for i in range(n_villages):
            made += 1
            community = rng.random() < 0.15
            core = _name(rng, rng.choice((2, 2, 3)))
            if community:
                groups = rng.sample(COMMUNITY_GROUPS, rng.randint(0, 4))
            elif rng.random() < 0.4:
                groups = [f"{core}{NUMBERS[g]}组" for g in range(rng.randint(2, 6))]
            else:
                groups = rng.sample(GROUPS, rng.randint(0, 6))
            items.append({
                "id": f"v{made}",
                "name": core + ("社区" if community else "村"),
                "kind": "社区" if community else "行政村",
                "population": rng.randint(800, 5000),
                "groups": groups,
                "officers": [officers[i % n_officers]["id"]],
            })
        first = items[0]["name"]
        posts.append(Post.model_validate({
            "id": f"p{len(posts) + 1}",
            "name": f"{first}警务室",
            "township": township,
            "station": township[:-1] + "派出所",
            "address": f"{township}{first}村委会",
            "phone": f"0873-{len(posts) + 1000000:07d}",
            "hours": "周一至周五 8:30—18:00",
            "villages": items,
            "officers": officers,
        }))
    return Grid(posts=tuple(posts))


SITE_YML = """\
# 合成县（基准测试用，虚构数据）
title: 合成县一村一警
county: 合成县
authority: 合成县公安局
site_url: https://example.org/synthetic/
emergency: "110"
sample: true
"""


SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def write_data(grid: Grid, data_dir: Path) -> None:
    """Write ``grid`` as a county's data folder: site.yml and one posts/<id>.yml per post.

    The files are what an editor would write (the post id is the file name), so a
    build of ``data_dir`` goes through the real loader.
    """
    posts = data_dir / "posts"
    posts.mkdir(parents=True, exist_ok=True)
    (data_dir / "site.yml").write_text(SITE_YML, encoding="utf-8")
    for post in grid.posts:
        record = post.model_dump(mode="json", exclude_defaults=True, exclude_none=True)
        del record["id"]
        # libyaml's emitter when PyYAML has it: the same text as safe_dump, about 4x faster.
        text = yaml.dump(record, Dumper=SAFE_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)
        (posts / f"{post.id}.yml").write_text(text, encoding="utf-8")


PROVINCE_YML = """\
# 合成省（基准测试用，虚构数据）
title: 合成省一村一警
authority: 合成省公安厅
site_url: https://example.org/province/
emergency: "110"
sample: true
"""


def write_county(data: Path, name: str, villages: int, seed: int) -> None:
    """A county of a province: a synthetic county's data folder, with its own site.yml."""
    write_data(synthetic_grid(villages, seed=seed), data)
    (data / "site.yml").write_text(
        f"title: {name}一村一警\ncounty: {name}\nauthority: {name}公安局\nemergency: \"110\"\nsample: true\n",
        encoding="utf-8",
    )


def write_province(
    folder: Path, counties: int | dict[str, tuple[str, int, int]], villages: int = 115, site_yml: str = PROVINCE_YML,
) -> None:
    """A province folder: site.yml and counties/<id>/, each a synthetic county.

    ``counties``: how many (c1, c2 … of about ``villages`` villages, each its own
    seed; names repeat across counties as real ones do), or id -> (county name,
    villages, seed)."""
    if isinstance(counties, int):
        counties = {f"c{n}": (f"合成{n}县", villages, 1000 + n) for n in range(1, counties + 1)}
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "site.yml").write_text(site_yml, encoding="utf-8")
    for county_id, (name, size, seed) in counties.items():
        write_county(folder / "counties" / county_id, name, size, seed)
