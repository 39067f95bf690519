"""`cunjing check` on feedback settings in site.yml and post files."""

from __future__ import annotations

from pathlib import Path

from conftest import check_fails, edit, line_of

SITE = "site.yml"
POST = "posts/zhongshu-changan.yml"


def test_survey_url_must_be_https(data: Path) -> None:
    path = edit(data, SITE, "survey_url: https://", "survey_url: http://")
    check_fails(data, file=SITE, line=line_of(path, "survey_url"), field="feedback → survey_url（问卷网址）", words="必须是以 https:// 开头")


def test_wechat_qr_must_be_an_image_in_data(data: Path) -> None:
    path = edit(data, POST, "wechat_qr: feedback/wechat-changan.png", "wechat_qr: feedback/wechat.png")
    check_fails(data, file=POST, line=line_of(path, "wechat_qr"), field="feedback → wechat_qr", words="找不到文件“feedback/wechat.png”")
    path = edit(data, SITE, "wechat_qr: feedback/wechat-luxi.png", "wechat_qr: ../wechat.png")
    check_fails(data, file=SITE, line=line_of(path, "wechat_qr"), field="feedback → wechat_qr", words="指向 data/ 以外")


def test_sms_must_be_a_phone_number(data: Path) -> None:
    path = edit(data, POST, 'sms: "0873-0610109"', "sms: 短信")
    check_fails(data, file=POST, line=line_of(path, "sms:"), field="feedback → sms（短信号码）", words="格式不正确")


def test_unknown_feedback_field(data: Path) -> None:
    path = edit(data, POST, "  mailbox:", "  mail_box:")
    check_fails(data, file=POST, line=line_of(path, "mail_box"), field="feedback → mail_box", words="是否想写“mailbox”")
