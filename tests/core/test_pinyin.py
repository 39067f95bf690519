"""Readings without pypinyin's phrase dictionary in memory are pypinyin's own:
the same words, the same default readings (长安 cháng'ān, 重阳 chóng yáng) and
every reading of each character, as pypinyin gives with its whole dictionary
(run in a separate process, as it comes)."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from bench.synthetic import GIVEN, GROUPS, PLACE, SURNAMES
from generator.core.pinyin import Style, lazy_pinyin, pinyin, slugs, sort_key

from conftest import SAMPLE

# Run by a plain pypinyin, phrase dictionary and all: stdin a JSON request, stdout the answer.
REFERENCE = """
import json, random, sys
request = json.load(sys.stdin)
if request["what"] == "phrases":
    from pypinyin.phrases_dict import phrases_dict
    words = sorted(phrases_dict)
    json.dump(random.Random(request["seed"]).sample(words, request["n"]), sys.stdout)
else:
    from pypinyin import Style, lazy_pinyin, pinyin
    out = [
        [lazy_pinyin(t), lazy_pinyin(t, style=Style.TONE3),
         pinyin(t, style=Style.NORMAL, heteronym=True), pinyin(t, heteronym=True)]
        for t in request["texts"]
    ]
    json.dump(out, sys.stdout, ensure_ascii=False)
"""


def reference(request: dict[str, object]) -> list[object]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYPINYIN_")}
    proc = subprocess.run(
        [sys.executable, "-c", REFERENCE], input=json.dumps(request, ensure_ascii=False),
        capture_output=True, text=True, env=env, check=True,
    )
    found: list[object] = json.loads(proc.stdout)
    return found


def ours(text: str) -> list[object]:
    return [
        lazy_pinyin(text), lazy_pinyin(text, style=Style.TONE3),
        pinyin(text, style=Style.NORMAL, heteronym=True), pinyin(text, heteronym=True),
    ]


def sample_texts() -> set[str]:
    """Every run of Chinese text in the sample data (names, titles, sentences)."""
    found: set[str] = set()
    for path in SAMPLE.rglob("*"):
        if path.suffix in {".yml", ".md"}:
            found.update(re.findall(r"[\u3400-\u9fff\uf900-\ufaff]+", path.read_text(encoding="utf-8")))
    return found


def test_readings_are_pypinyins_own() -> None:
    rng = random.Random(21)
    texts = sample_texts()
    # Names as the synthetic counties make them, polyphonic characters included.
    alphabet = PLACE + SURNAMES + GIVEN
    texts.update("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in range(3000))
    texts.update(f"{g}{rng.choice('村组')}" for g in GROUPS)
    # Phrases run together and cut: where one word ends and the next starts.
    phrases = reference({"what": "phrases", "seed": 21, "n": 1500})
    assert len(phrases) == 1500
    for a, b in zip(phrases[::2], phrases[1::2], strict=True):
        assert isinstance(a, str) and isinstance(b, str)
        texts.update({a + b, a[1:] + b, a + b[:-1], a[:-1] + b[1:], b + "村" + a})
    texts.update(["长安", "长安社区", "重阳村", "行知", "朝阳", "单家寨", "曾家", "解放", "仇家", "长 安", "a区长"])
    order = sorted(texts)
    expected = reference({"what": "readings", "texts": order})
    differ = [(t, e, ours(t)) for t, e in zip(order, expected, strict=True) if e != ours(t)]
    assert not differ, differ[:5]


def test_addresses_and_order_read_names_as_words() -> None:
    # 长 alone reads zhǎng first; in 长安 it is cháng. 重 alone is zhòng; 重阳 is chóng.
    assert pinyin("长", style=Style.NORMAL, heteronym=True) == [["zhang", "chang"]]
    assert slugs(["重阳村", "长安社区"]) == {"重阳村": "chongyangcun", "长安社区": "changanshequ"}
    assert sort_key("长安村") == ("chang2 an1 cun1", "长安村")


def test_the_phrase_store_is_made_once_in_the_cache_folder(tmp_path: Path) -> None:
    """On a machine without it, the first process to read a name makes the store
    in $XDG_CACHE_HOME/cunjing/, and reads 重阳 as a word, not 重 alone (zhòng)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYPINYIN_")}
    env["XDG_CACHE_HOME"] = str(tmp_path)
    code = "from generator.core.pinyin import slugs; print(slugs(['重阳村'])['重阳村'])"
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
            for _ in range(2)]
    assert [r.stdout.strip() for r in runs] == ["chongyangcun", "chongyangcun"]
    assert [p.name for p in (tmp_path / "cunjing").iterdir()] == [f"pinyin-phrases-{version('pypinyin')}.sqlite3"]
