"""Phone numbers typed with a Chinese input method are refused, never published."""

from __future__ import annotations

import re
from pathlib import Path

import vobject

from generator.core import phones

from conftest import check_fails, edit, html_pages, line_of

POST = "posts/baishui-baishui.yml"


def test_fullwidth_digit_in_a_phone_is_refused_at_its_line(data: Path) -> None:
    path = edit(data, POST, '    phone: "0873-0650102"\n', '    phone: "0873-065010２"\n')
    check_fails(
        data, file=POST, line=line_of(path, "065010２"), field="officers 第1项 → phone",
        words="全角字符（“２”）",
    )


def test_fullwidth_dash_and_space_are_refused_with_the_number_to_type(data: Path) -> None:
    path = edit(data, POST, 'phone: "0873-0650101"\n', 'phone: "0873－0650101"\n')
    err = check_fails(data, file=POST, line=line_of(path, "0873－0650101"), field="phone", words="“－”")
    assert "改成“0873-0650101”" in err
    assert phones.fullwidth("139　1234 5678") == ["\u3000"]


def test_tel_href_holds_only_plus_and_ascii_digits() -> None:
    assert phones.tel_href("0873-0650101") == "tel:08730650101"
    assert phones.tel_href("139 1234 5678") == "tel:13912345678"
    assert phones.normalise("1398765000１") is None


def test_every_tel_link_and_vcard_tel_is_ascii_digits(site: Path) -> None:
    hrefs = {h for page in html_pages(site) for h in re.findall(r'href="(tel:[^"]*)"', page.read_text("utf-8"))}
    assert hrefs
    assert all(re.fullmatch(r"tel:\+?[0-9]+", h) for h in hrefs), hrefs
    cards = sorted(site.rglob("*.vcf"))
    assert cards
    for path in cards:
        for card in vobject.readComponents(path.read_text("utf-8")):
            for tel in card.contents.get("tel", []):
                assert re.fullmatch(r"(tel:)?\+?[0-9]+", tel.value), (path, tel.value)
