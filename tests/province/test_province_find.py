"""找民警 at a province's root, in a real browser: one lookup across every
county; villages of one name in two counties are both found, each named with
its county and linking into that county's site."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from provinces import COUNTIES, make_province

from conftest import cunjing, open_page, serve

TODAY = "2026-12-01"


@pytest.fixture(scope="module")
def province_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("province")
    data = make_province(folder / "p", COUNTIES)
    site = folder / "site"
    run = cunjing("build", "--data", data, "-d", site, "--today", TODAY)
    assert run.code == 0, run.text
    return site


@pytest.fixture(scope="module")
def root(province_site: Path) -> Iterator[str]:
    with serve(province_site) as url:
        yield url.rstrip("/")


def _export(site: Path, county: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / county / "county.json").read_text(encoding="utf-8"))
    return data


def test_a_name_in_two_counties_is_found_in_both_and_told_apart(
    browser: Any, root: str, province_site: Path
) -> None:
    alpha, beta = _export(province_site, "alpha"), _export(province_site, "beta")
    first = alpha["find"]["villages"][0]
    twin = next(v for v in beta["find"]["villages"] if v[1] == first[1])  # same seed: same names
    context, page, _ = open_page(browser, f"{root}/find/", javascript=True)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.fill("#cj-q", first[1])
        page.wait_for_function(
            "q => document.getElementById('cj-find').getAttribute('data-shown') === q", arg=first[1]
        )
        hits = page.eval_on_selector_all(
            "#cj-find-results .cj-find__hit",
            """items => items.map(i => ({
                name: i.querySelector('.cj-find__village').textContent,
                href: i.querySelector('.cj-find__village').getAttribute('href'),
                where: i.querySelector('.cj-find__where').textContent,
                officer: i.querySelector('.cj-find__officer-name').getAttribute('href')}))""",
        )
        same = [h for h in hits if h["name"] == first[1]]
        assert {h["href"] for h in same} >= {f"../alpha/v/{first[0]}/", f"../beta/v/{twin[0]}/"}, hits
        by_href = {h["href"]: h for h in same}
        assert by_href[f"../alpha/v/{first[0]}/"]["where"] == f"甲县 {first[4]} · {first[5]}"
        assert by_href[f"../beta/v/{twin[0]}/"]["where"] == f"乙县 {twin[4]} · {twin[5]}"
        assert by_href[f"../alpha/v/{first[0]}/"]["officer"] == f"../alpha/officers/{first[6][0]}/"
        for hit in same:  # every link lands on a page of that county
            assert (province_site / "find" / hit["href"] / "index.html").resolve().is_file()
            assert (province_site / "find" / hit["officer"] / "index.html").resolve().is_file()
        page.click(f'a[href="../beta/v/{twin[0]}/"]')
        page.wait_for_url(f"{root}/beta/v/{twin[0]}/")
        assert twin[1] in page.locator("h1").first.inner_text()
        assert errors == []
    finally:
        context.close()


def test_without_javascript_a_county_leads_to_its_townships(browser: Any, root: str) -> None:
    context, page, _ = open_page(browser, f"{root}/find/", javascript=False)
    try:
        counties = page.eval_on_selector_all(
            "#cj-find-list a", "links => links.map(a => [a.textContent, a.getAttribute('href')])"
        )
        assert counties == [["丙县", "../gamma/find/"], ["甲县", "../alpha/find/"], ["乙县", "../beta/find/"]]
        page.click("text=甲县")
        page.wait_for_url(f"{root}/alpha/find/")
        towns = page.eval_on_selector_all("#cj-find-list li a", "links => links.map(a => a.textContent)")
        assert towns and all(t.endswith(("乡", "镇")) for t in towns)
    finally:
        context.close()
