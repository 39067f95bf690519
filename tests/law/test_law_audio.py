"""A lecture's recording must be what its name says: a WAV renamed .mp3 plays on
few phones, so it is refused with how to convert it; a WAV is refused with the same hint."""

from __future__ import annotations

import struct
from pathlib import Path

from conftest import check, edit


def wav() -> bytes:
    """A real (silent, tiny) WAV recording, as a recorder saves it."""
    samples = bytes(800)
    fmt = struct.pack("<HHIIHH", 1, 1, 8000, 8000, 1, 8)
    return (b"RIFF" + struct.pack("<I", 36 + len(samples)) + b"WAVE" + b"fmt " + struct.pack("<I", 16) + fmt
            + b"data" + struct.pack("<I", len(samples)) + samples)


def test_a_wav_renamed_mp3_is_refused(data: Path) -> None:
    (data / "audio/jindu-guangbo.mp3").write_bytes(wav())
    err = check(data)
    rows = [r for r in err.splitlines() if "jindu-guangbo.md" in r and "字段 audio" in r]
    assert len(rows) == 1, err
    assert "其实是 WAV 格式" in rows[0] and "转成 MP3" in rows[0] and "错误" in rows[0]


def test_a_wav_recording_is_refused_with_how_to_convert(data: Path) -> None:
    (data / "audio/luyin.wav").write_bytes(wav())
    edit(data, "lectures/jindu-guangbo.md", "audio/jindu-guangbo.mp3", "audio/luyin.wav")
    err = check(data)
    assert any("jindu-guangbo.md" in r and "MP3 或 M4A" in r and "Audacity" in r for r in err.splitlines()), err


def test_real_mp3_and_m4a_are_accepted(data: Path) -> None:
    # The sample's MP3 passes; an M4A is recognised by its ftyp box.
    (data / "audio/jindu-guangbo.m4a").write_bytes(struct.pack(">I", 24) + b"ftypM4A " + bytes(16))
    edit(data, "lectures/jindu-guangbo.md", "audio/jindu-guangbo.mp3", "audio/jindu-guangbo.m4a")
    check(data, 0)
