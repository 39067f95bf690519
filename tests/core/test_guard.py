"""The personal-data guard refuses ID numbers and private mobiles, naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.guard import find_id_numbers, find_mobiles, id_check_char

from conftest import TODAY, cunjing

POST = "posts/zhongshu-changan.yml"


def resident_id(first17: str = "53252719800101123") -> str:
    return first17 + id_check_char(first17)


def test_id_numbers_are_recognised_by_check_digit_and_date() -> None:
    good = resident_id()
    assert find_id_numbers(f"住户 {good}。") == [good]
    wrong_check = good[:17] + ("0" if good[17] != "0" else "1")
    assert find_id_numbers(wrong_check) == []
    assert find_id_numbers("532527800101123") == ["532527800101123"]  # 15-digit form
    assert find_id_numbers("532527801301123") == []  # month 13: not a birth date
    assert find_id_numbers("订单号 9" + good) == []  # part of a longer number


def test_mobiles_with_spaces_or_dashes_are_found() -> None:
    assert find_mobiles("电话 139 1234 5678，或 137-0000-1111") == ["13912345678", "13700001111"]
    assert find_mobiles("0873-0610102") == []


def test_id_number_in_published_text_fails_the_build(data: Path, tmp_path: Path) -> None:
    number = resident_id()
    path = data / POST
    text = path.read_text(encoding="utf-8")
    text = text.replace("bio: 2009年参加公安工作", f"bio: 2009年参加公安工作，身份证{number}")
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if number in row)
    out = tmp_path / "site"
    run = cunjing("build", "--data", data, "-d", out, "--today", TODAY)
    assert run.code == 1
    assert f"{POST}:{line}" in run.err and "身份证" in run.err
    assert number not in run.err  # the message itself does not repeat it
    assert not out.exists()


def test_private_mobile_fails_but_published_numbers_pass(data: Path) -> None:
    path = data / POST
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("bio: 2009年", "bio: 联系群众张三 138 0000 1234。2009年"), encoding="utf-8")
    run = cunjing("check", "--data", data)
    assert run.code == 1 and "手机号码" in run.err and POST in run.err
    # Once it is a published staff number, the same mobile is fine.
    path.write_text(
        path.read_text(encoding="utf-8").replace('phone: "0873-0610113"', 'phone: "138-0000-1234"'),
        encoding="utf-8",
    )
    run = cunjing("check", "--data", data)
    assert run.code == 0, run.err


@pytest.mark.parametrize("where", ["site.yml", POST])
def test_guard_covers_every_published_file(data: Path, where: str) -> None:
    path = data / where
    path.write_text(path.read_text(encoding="utf-8") + f"# {resident_id()}\n", encoding="utf-8")
    run = cunjing("check", "--data", data)
    assert run.code == 1 and where in run.err and "身份证" in run.err
