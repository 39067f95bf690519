"""vCards (保存到通讯录) and the site_url they and the QR codes need."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import vobject
import yaml

from generator.core.vcard import MAX_OCTETS, VCard, escape_text, fold

from conftest import SAMPLE, TODAY, cunjing

SITE_URL = "https://cunjing.example.org/luxi/"


def sample_posts() -> list[dict[str, Any]]:
    return [
        yaml.safe_load(p.read_text(encoding="utf-8")) | {"id": p.stem}
        for p in sorted(SAMPLE.glob("posts/*.yml"))
    ]


def parse(path: Path) -> Any:
    raw = path.read_bytes()
    assert raw.startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n") and raw.endswith(b"END:VCARD\r\n")
    for line in raw.split(b"\r\n"):
        assert len(line) <= MAX_OCTETS, line
    assert b"\n" not in raw.replace(b"\r\n", b"")
    return vobject.readOne(raw.decode("utf-8"))


def digits(phone: str) -> str:
    return re.sub(r"\D", "", phone)


def test_every_officer_and_post_has_a_card_that_parses(site: Path) -> None:
    posts = sample_posts()
    officers = 0
    for post in posts:
        card = parse(site / f"contacts/posts/{post['id']}.vcf")
        assert card.fn.value == post["name"]
        assert [t.value for t in card.contents["tel"]] == [digits(post["phone"])]
        assert card.org.value == ["泸西县公安局", post["station"], post["name"]]
        assert card.adr.value.street == post["address"] and card.adr.value.city == post["township"]
        for village in post["villages"]:
            assert village["name"] in card.note.value
        assert card.url.value == f"{SITE_URL}posts/{post['id']}/"
        for officer in post["officers"]:
            officers += 1
            card = parse(site / f"contacts/officers/{officer['id']}.vcf")
            assert card.fn.value == officer["name"]
            assert card.n.value.family + card.n.value.given == officer["name"]
            tels = [t.value for t in card.contents["tel"]]
            assert tels == [digits(officer["phone"]), digits(post["phone"])]
            assert card.org.value == ["泸西县公安局", post["station"], post["name"]]
            assert officer["rank"] in card.title.value
            if officer.get("village_role"):
                assert officer["village_role"] in card.title.value
            served = [v["name"] for v in post["villages"] if officer["id"] in v["officers"]]
            assert "负责村（社区）：" + "、".join(served) + "。" in card.note.value
            assert officer["badge"] in card.note.value
            assert card.url.value == f"{SITE_URL}officers/{officer['id']}/"
    assert officers == 62
    assert len(list(site.glob("contacts/officers/*.vcf"))) == 62
    assert len(list(site.glob("contacts/posts/*.vcf"))) == 42


def test_compound_surname_and_uid_are_stable(site: Path) -> None:
    from generator.directory.contacts import split_name

    assert split_name("欧阳建华") == ("欧阳", "建华")
    assert split_name("李建国") == ("李", "建国")
    assert split_name("阿卜杜·热合曼") == ("", "阿卜杜·热合曼")
    uids = {parse(p).uid.value for p in site.glob("contacts/*/*.vcf")}
    assert len(uids) == 104 and all(u.startswith("urn:uuid:") for u in uids)


def test_text_is_escaped_and_long_lines_folded() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "NOTE:" + "长安社区" * 30
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= MAX_OCTETS for p in parts)
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line
    card = VCard()
    tricky = "王,五;六\\七\n八"
    card.text("FN", tricky)
    card.structured("N", ["王", "五;六", "", "", ""])
    card.text("NOTE", tricky * 20)
    parsed = vobject.readOne(card.to_bytes().decode("utf-8"))
    assert parsed.fn.value == tricky
    assert parsed.n.value.given == "五;六"
    assert parsed.note.value == tricky * 20


def test_data_with_commas_semicolons_backslashes_and_newlines(data: Path, tmp_path: Path) -> None:
    post = data / "posts/zhongshu-changan.yml"
    text = post.read_text(encoding="utf-8")
    text = text.replace("address: 中枢镇长安社区居委会一楼", 'address: "中枢镇长安社区居委会一楼,东侧;二号\\\\门"')
    text = text.replace("hours: 周一至周五 8:30—12:00，14:30—18:00", 'hours: "周一至周五\\n8:30—12:00"')
    text = text.replace("village_role: 社区党总支副书记", "village_role: 社区党总支副书记,调解员;网格员")
    post.write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    run = cunjing("build", "--data", data, "-d", out, "--today", TODAY)
    assert run.code == 0, run.text
    officer = parse(out / "contacts/officers/li-jianguo.vcf")
    assert officer.adr.value.street == "中枢镇长安社区居委会一楼,东侧;二号\\门"
    assert "社区党总支副书记,调解员;网格员" in officer.title.value
    assert "办公时间：周一至周五\n8:30—12:00" in officer.note.value
    card = parse(out / "contacts/posts/zhongshu-changan.vcf")
    assert card.adr.value.street == "中枢镇长安社区居委会一楼,东侧;二号\\门"


def test_pages_link_their_cards(site: Path) -> None:
    pages = {
        "v/changan/index.html": ["../../contacts/officers/li-jianguo.vcf"],
        "officers/li-jianguo/index.html": ["../../contacts/officers/li-jianguo.vcf"],
        "posts/zhongshu-changan/index.html": [
            "../../contacts/posts/zhongshu-changan.vcf",
            "../../contacts/officers/li-jianguo.vcf",
            "../../contacts/officers/zhang-lei.vcf",
        ],
        "v/xingzhi/index.html": ["../../contacts/officers/yang-minbo.vcf"],
    }
    for page, cards in pages.items():
        html = (site / page).read_text(encoding="utf-8")
        assert "保存到通讯录" in html
        for card in cards:
            assert f'href="{card}"' in html, (page, card)
            assert (site / page).parent.joinpath(card).resolve().is_file()


def test_missing_site_url_is_a_clear_error(data: Path) -> None:
    site = data / "site.yml"
    site.write_text(
        site.read_text(encoding="utf-8").replace("site_url: https://cunjing.example.org/luxi/\n", ""),
        encoding="utf-8",
    )
    run = cunjing("check", "--data", data)
    assert run.code == 1 and "Traceback" not in run.text
    row = next(r for r in run.err.splitlines() if "site_url" in r)
    assert "site.yml" in row and "字段 site_url" in row and "二维码" in row and "data/site.yml" in row


def test_empty_site_url_names_its_line(data: Path) -> None:
    site = data / "site.yml"
    text = site.read_text(encoding="utf-8").replace("site_url: https://cunjing.example.org/luxi/", "site_url:")
    site.write_text(text, encoding="utf-8")
    line = text.splitlines().index("site_url:") + 1
    run = cunjing("build", "--data", data, "-d", data.parent / "out", "--today", TODAY)
    assert run.code == 1 and "Traceback" not in run.text
    assert re.search(rf"site\.yml:{line}: 错误：字段 site_url：缺少网站地址", run.err), run.err


def test_missing_site_url_is_reported_with_other_site_errors(data: Path) -> None:
    site = data / "site.yml"
    text = site.read_text(encoding="utf-8").replace("site_url: https://cunjing.example.org/luxi/\n", "")
    site.write_text(text.replace('emergency: "110"', 'emergency: "911x"'), encoding="utf-8")
    err = cunjing("check", "--data", data).err
    assert "报警电话" in err and "缺少网站地址 site_url" in err


def test_saving_a_card_from_the_village_page(browser: Any, served: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, accept_downloads=True)
    try:
        page = context.new_page()
        for url, link, name in [
            ("v/changan/", "保存到通讯录：李建国", "李建国"),
            ("posts/zhongshu-changan/", "保存到通讯录：长安社区警务室", "长安社区警务室"),
            ("officers/wang-zhenlan/", "保存到通讯录：王珍兰", "王珍兰"),
        ]:
            page.goto(served + url)
            anchor = page.get_by_role("link", name=link)
            box = anchor.bounding_box()
            assert box and box["height"] >= 44  # a big tap target
            with page.expect_download() as info:
                anchor.click()
            download = info.value
            assert download.suggested_filename == f"{name}.vcf"
            assert download.url == urljoin(served + url, anchor.get_attribute("href") or "")
            card = vobject.readOne(Path(download.path()).read_text(encoding="utf-8"))
            assert card.fn.value == name and card.tel.value
    finally:
        context.close()
