"""Rules that span records: ids, the grid, files and the county's own standards.

Errors stop the build; warnings (the county's staffing standards) are shown
but do not.
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from pathlib import Path

from ..core.files import IMAGE_TYPES, resolve_data_file
from ..core.problems import Problems, Severity, field_path
from ..core.yamlio import Document
from .schema import Post

MAX_OFFICERS_PER_POST = 2
RESIDENTS_PER_OFFICER = 5000
FAR_MORE = 1.5


def _report(
    problems: Problems,
    doc: Document,
    path: tuple[str | int, ...],
    message: str,
    severity: Severity = "error",
) -> None:
    problems.add(doc.display, doc.line_of(path), field_path(path) or None, message, severity)


def check_posts(posts: list[tuple[Post, Document]], data_dir: Path, problems: Problems) -> None:
    village_seen: dict[str, tuple[Post, Document, int | None]] = {}
    officer_seen: dict[str, tuple[Post, Document, int | None]] = {}
    officer_post: dict[str, Post] = {}
    for post, _ in posts:
        for officer in post.officers:
            officer_post.setdefault(officer.id, post)

    for post, doc in posts:
        add = partial(_report, problems, doc)

        own_officers = {o.id for o in post.officers}
        own_villages = {v.id for v in post.villages}
        if not post.officers:
            add(("officers",), "这个警务室没有民警。每个警务室至少要有一名社区（驻村）民警。")
        elif len(post.officers) > MAX_OFFICERS_PER_POST:
            add(
                ("officers",),
                f"这个警务室有 {len(post.officers)} 名民警，按规定每个警务室配备 1—2 名。",
                "warning",
            )

        if post.feedback is not None and post.feedback.wechat_qr is not None:
            found_qr = resolve_data_file(data_dir, post.feedback.wechat_qr, IMAGE_TYPES)
            if isinstance(found_qr, str):
                add(("feedback", "wechat_qr"), found_qr)

        for i, officer in enumerate(post.officers):
            first = officer_seen.get(officer.id)
            if first:
                add(
                    ("officers", i, "id"),
                    f"民警编号“{officer.id}”重复：{first[1].display} 第 {first[2]} 行已经用过。",
                )
            else:
                officer_seen[officer.id] = (post, doc, doc.line_of(("officers", i, "id")))
            if officer.photo is not None:
                found = resolve_data_file(data_dir, officer.photo, IMAGE_TYPES)
                if isinstance(found, str):
                    add(("officers", i, "photo"), found)
            if not any(officer.id in v.officers for v in post.villages):
                add(("officers", i, "id"), f"民警“{officer.name}”没有负责任何村（社区）。", "warning")

        for i, village in enumerate(post.villages):
            first = village_seen.get(village.id)
            if first and first[0].id != post.id:
                add(
                    ("villages", i, "id"),
                    f"村（社区）“{village.id}”同时列在两个警务室：{first[1].display} 第 {first[2]} 行"
                    "也有它。一个村（社区）只能属于一个警务室。",
                )
            elif first:
                add(
                    ("villages", i, "id"),
                    f"村（社区）编号“{village.id}”重复：第 {first[2]} 行已经用过。",
                )
            else:
                village_seen[village.id] = (post, doc, doc.line_of(("villages", i, "id")))
            if not village.officers:
                add(
                    ("villages", i, "officers"),
                    f"“{village.name}”没有责任民警。每个村（社区）都必须有一名负责的民警。",
                )
            for j, officer_id in enumerate(village.officers):
                if officer_id in own_officers:
                    continue
                other = officer_post.get(officer_id)
                if other is None:
                    message = f"找不到编号为“{officer_id}”的民警。"
                else:
                    message = (
                        f"民警“{officer_id}”属于{other.name}（{other.id}），"
                        "不是本警务室的民警，不能负责本警务室的村（社区）。"
                    )
                add(("villages", i, "officers", j), message)

        for i, member in enumerate(post.staff):
            for j, village_id in enumerate(member.villages):
                if village_id not in own_villages:
                    add(
                        ("staff", i, "villages", j),
                        f"“{village_id}”不是本警务室负责的村（社区）。",
                    )

        residents = sum(v.population for v in post.villages)
        if post.officers and residents > RESIDENTS_PER_OFFICER * FAR_MORE * len(post.officers):
            add(
                ("villages",),
                f"这个警务室服务 {residents} 人、{len(post.officers)} 名民警，"
                f"每名民警约 {residents // len(post.officers)} 人，远超每 {RESIDENTS_PER_OFFICER} 人"
                "一名民警的标准。",
                "warning",
            )

    # Aliases keep old /v/<id>/ addresses alive; they must not hide a live id.
    alias_seen: dict[str, str] = {}
    for post, doc in posts:
        for i, village in enumerate(post.villages):
            for j, alias in enumerate(village.aliases):
                path = ("villages", i, "aliases", j)
                if alias in village_seen:
                    problems.add(
                        doc.display, doc.line_of(path), f"villages[{i}].aliases[{j}]",
                        f"曾用编号“{alias}”正被另一个村（社区）使用，不能再作为曾用编号。",
                    )
                elif alias in alias_seen and alias_seen[alias] != village.id:
                    problems.add(
                        doc.display, doc.line_of(path), f"villages[{i}].aliases[{j}]",
                        f"曾用编号“{alias}”同时写在“{alias_seen[alias]}”和“{village.id}”两处。",
                    )
                else:
                    alias_seen[alias] = village.id

    names: dict[tuple[str, str], list[str]] = defaultdict(list)
    for post, _ in posts:
        for village in post.villages:
            names[(post.township, village.name)].append(village.id)
    for (township, name), ids in sorted(names.items()):
        if len(ids) > 1:
            problems.add(
                "data/posts", None, None,
                f"{township}有 {len(ids)} 个同名的“{name}”（{'、'.join(ids)}），群众查找时可能混淆。",
                "warning",
            )
