"""`cunjing check` on broken lectures: one test per rule.

Each must exit 1 (or 0 with a warning) with a Chinese message naming the file,
the line and the field, and never print a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import check, check_fails, edit, has, line_of

LECTURE = "lectures/jindu-guangbo.md"


def test_unknown_speaker_id(data: Path) -> None:
    edit(data, LECTURE, "speaker: li-jianguo", "speaker: li-jiangguo")
    check_fails(data, file=LECTURE, line=line_of(data / LECTURE, "speaker:"), field="speaker", words="找不到编号为“li-jiangguo”的民警")


def test_lecture_ending_before_it_starts(data: Path) -> None:
    edit(data, LECTURE, "end: 2026-11-06 12:10", "end: 2026-11-05 12:10")
    check_fails(data, file=LECTURE, line=line_of(data / LECTURE, "end:"), field="end", words="应晚于开始时间")


def test_lecture_with_start_but_no_end(data: Path) -> None:
    edit(data, LECTURE, "end: 2026-11-06 12:10\n", "")
    check_fails(data, file=LECTURE, line=line_of(data / LECTURE, "start:"), field="start", words="写了 start 就要写 end")


def test_timed_lecture_without_venue(data: Path) -> None:
    edit(data, LECTURE, "venue: 长安社区、文笔社区村村响广播\n", "")
    check_fails(data, file=LECTURE, line=line_of(data / LECTURE, "start:"), field="start", words="要写地点 venue")


def test_unknown_lecture_kind(data: Path) -> None:
    edit(data, LECTURE, "kind: 广播讲座", "kind: 讲座")
    check_fails(data, file=LECTURE, line=line_of(data / LECTURE, "kind:"), field="kind（类别）", words="法制讲座、广播讲座、以案说法、调解员培训")


def test_missing_audio(data: Path) -> None:
    (data / "audio/jindu-guangbo.mp3").unlink()
    check_fails(data, file=LECTURE, line=line_of(data / LECTURE, "audio:"), field="audio", words="找不到文件“audio/jindu-guangbo.mp3”")


def test_missing_material(data: Path) -> None:
    (data / "materials/toukui.jpg").unlink()
    rel = "lectures/jiaotong-anquan-jinma.md"
    check_fails(data, file=rel, line=line_of(data / rel, "file: materials/toukui.jpg"), field="materials 第1项", words="找不到文件")


@pytest.mark.parametrize(("ref", "words"), [
    ("/etc/passwd.pdf", "是绝对路径"),
    ("../site.pdf", "data/ 以外"),
    ("materials/escape.pdf", "指向 data/ 以外的链接"),
])
def test_material_outside_data(data: Path, tmp_path: Path, ref: str, words: str) -> None:
    outside = tmp_path / "secret.pdf"
    outside.write_bytes(b"%PDF-1.4 secret")
    (data / "materials/escape.pdf").symlink_to(outside)
    rel = "lectures/tiaojieyuan-tudi.md"
    edit(data, rel, "file: materials/tiaojie-yaodian.pdf", f"file: {ref}")
    check_fails(data, file=rel, line=line_of(data / rel, f"file: {ref}"), field="materials 第1项", words=words)


def test_wrong_audio_type(data: Path) -> None:
    edit(data, LECTURE, "audio: audio/jindu-guangbo.mp3", "audio: materials/tiaojie-yaodian.pdf")
    check_fails(data, file=LECTURE, line=line_of(data / LECTURE, "audio:"), field="audio", words=".mp3、.m4a")


def test_big_file_is_a_warning_only(data: Path) -> None:
    big = data / "audio/jindu-guangbo.mp3"
    with big.open("r+b") as handle:  # sparse: takes no disk space
        handle.truncate(21 * 1024 * 1024)
    err = check(data, 0)
    has(err, file=LECTURE, line=line_of(data / LECTURE, "audio:"), field="audio", words="超过 20 MB", level="警告")


def test_audio_without_transcript_is_a_warning(data: Path) -> None:
    text = (data / LECTURE).read_text(encoding="utf-8")
    (data / LECTURE).write_text(text[: text.rindex("---") + 4], encoding="utf-8")
    err = check(data, 0)
    has(err, file=LECTURE, line=None, field=None, words="文字稿", level="警告")
