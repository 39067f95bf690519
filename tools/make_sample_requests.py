"""Make the sample county's request log (data/requests/2026.csv), deterministically.

A year of fictional requests (五个及时) for several posts: the dates of each
step, some still open, a few answered late. Notes name nobody. The output is
committed; running this again writes the same file.

Usage: python3 tools/make_sample_requests.py
"""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "requests" / "2026.csv"
TODAY = date(2026, 11, 28)  # the sample's build date (tests' --today)
FIRST = date(2025, 12, 1)
# post id -> (its villages, requests per month: low, high)
POSTS: dict[str, tuple[tuple[str, ...], tuple[int, int]]] = {
    "zhongshu-changan": (("changan", "wenbi"), (4, 9)),
    "zhongshu-chongyang": (("chongyang", "dayipu", "xiaoyipu"), (2, 6)),
    "jiucheng-huixian": (("huixian", "malong", "xinzhuang"), (3, 7)),
    "jinma-jinma": (("jinma", "jiubao", "haiwei"), (3, 8)),
    "wujiepu-xiangshui": (("xiangshui", "ala", "shitouzhai"), (0, 3)),
    "baishui-baishui": (("baishui", "pucaotang", "fatu"), (2, 6)),
}
NOTES = {
    "邻里纠纷": ("邻居之间因排水沟堵塞发生争执", "宅基地边界有争议", "楼上漏水引发邻里矛盾", "院坝停车占道引发口角"),
    "财产纠纷": ("家庭分家析产有分歧", "借用农机具损坏赔偿有争议", "果树归属有争议"),
    "债务纠纷": ("熟人之间借款未还", "赊购化肥欠款未结"),
    "劳务纠纷": ("务工工资未按时结算", "建房工钱结算有分歧"),
    "求助": ("老人走失请求协助寻找", "证件丢失咨询补办", "独居老人请求帮忙联系家人"),
    "其他": ("反映路口缺少警示标志", "咨询户籍迁移手续"),
}
HEADER = ["received", "post", "village", "category", "reported", "handled", "resolved", "answered", "note"]


def main() -> None:
    rng = random.Random(20261128)
    rows: list[list[str]] = []
    month = FIRST
    while month <= TODAY:
        for post, (villages, (low, high)) in POSTS.items():
            for _ in range(rng.randint(low, high)):
                received = month + timedelta(days=rng.randrange(28))
                if received > TODAY:
                    continue
                category = rng.choice(list(NOTES))
                steps: list[date | None] = []
                day = received
                for step_days in ((0, 1), (0, 2), (0, 6), (0, 3)):
                    day = day + timedelta(days=rng.randint(*step_days))
                    steps.append(day if day <= TODAY else None)
                # Some requests are not resolved yet, a few never answered in time.
                if rng.random() < 0.04:
                    steps[2] = steps[3] = None
                elif rng.random() < 0.08 and steps[3] is not None:
                    late = received + timedelta(days=rng.randint(32, 45))
                    steps[3] = late if late <= TODAY else None
                for i in range(1, len(steps)):
                    if steps[i - 1] is None:
                        steps[i] = None
                village = rng.choice(villages) if rng.random() < 0.9 else ""
                rows.append([
                    received.isoformat(), post, village, category,
                    *[d.isoformat() if d else "" for d in steps],
                    rng.choice(NOTES[category]),
                ])
        month = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} rows")


if __name__ == "__main__":
    main()
