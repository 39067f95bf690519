"""Rules that span records: ids, the grid, files and the county's own standards.

Errors stop the build; warnings (the county's staffing standards) are shown
but do not. A post that failed validation is checked too, from what
validated in it (``core.messages.salvage``): a value that failed is None
and the rules that need it are skipped, so every other problem is still
reported in the same run.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Collection, Iterable
from functools import partial
from pathlib import Path

from ..core.files import IMAGE_TYPES, resolve_data_file
from ..core.messages import field_name
from ..core.problems import Problems, Severity
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
    problems.add(doc.display, doc.line_of(path), field_name(Post, path), message, severity)


def did_you_mean(ref: str, known: Iterable[str]) -> str:
    """“是否想写…？” for the closest known id, or nothing."""
    guess = difflib.get_close_matches(ref, list(known), n=1)
    return f"是否想写“{guess[0]}”？" if guess else ""


def check_posts(
    posts: list[tuple[Post, Document]], data_dir: Path, problems: Problems,
    unchecked: Collection[str] = frozenset(),
) -> None:
    """The rules across posts; ``posts`` may hold posts salvaged from failed ones.

    ``unchecked``: ids written where they failed to load (already reported).
    """
    village_seen: dict[str, tuple[Post, Document, int | None]] = {}
    officer_seen: dict[str, tuple[Post, Document, int | None]] = {}
    officer_post: dict[str, Post] = {}
    for post, _ in posts:
        for officer in post.officers or ():
            if officer.id is not None:
                officer_post.setdefault(officer.id, post)

    for post, doc in posts:
        add = partial(_report, problems, doc)
        officers = post.officers or []
        villages = post.villages or []
        own_officers = {o.id for o in officers}
        own_villages = {v.id for v in villages}
        if post.officers is None:
            pass
        elif not post.officers:
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

        every_village_known = all(v.officers is not None for v in villages)
        for i, officer in enumerate(officers):
            if officer.id is None:
                continue
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
            if every_village_known and not any(officer.id in v.officers for v in villages):
                add(
                    ("officers", i, "id"),
                    f"民警“{officer.name or officer.id}”没有负责任何村（社区）。", "warning",
                )

        for i, village in enumerate(villages):
            first = village_seen.get(village.id) if village.id is not None else None
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
            elif village.id is not None:
                village_seen[village.id] = (post, doc, doc.line_of(("villages", i, "id")))
            if village.officers is None:
                continue
            if not village.officers:
                add(
                    ("villages", i, "officers"),
                    f"“{village.name or village.id}”没有责任民警。每个村（社区）都必须有一名负责的民警。",
                )
            for j, officer_id in enumerate(village.officers):
                if officer_id in own_officers:
                    continue
                other = officer_post.get(officer_id)
                if other is None and officer_id in unchecked:
                    continue  # written as an officer's id where it failed to load: reported there
                if other is None:
                    message = (
                        f"找不到编号为“{officer_id}”的民警。"
                        + (did_you_mean(officer_id, own_officers - {None})
                           or did_you_mean(officer_id, officer_post))
                    )
                else:
                    message = (
                        f"民警“{officer_id}”属于{other.name}（{other.id}），"
                        "不是本警务室的民警，不能负责本警务室的村（社区）。"
                    )
                add(("villages", i, "officers", j), message)

        for i, member in enumerate(post.staff or ()):
            if member.villages is None or None in own_villages:
                continue
            for j, village_id in enumerate(member.villages):
                if village_id not in own_villages:
                    add(
                        ("staff", i, "villages", j),
                        f"“{village_id}”不是本警务室负责的村（社区）。"
                        + did_you_mean(village_id, own_villages),
                    )

        populations = [v.population for v in villages]
        residents = sum(p for p in populations if p is not None)
        if officers and None not in populations and residents > RESIDENTS_PER_OFFICER * FAR_MORE * len(officers):
            add(
                ("villages",),
                f"这个警务室服务 {residents} 人、{len(officers)} 名民警，"
                f"每名民警约 {residents // len(officers)} 人，远超每 {RESIDENTS_PER_OFFICER} 人"
                "一名民警的标准。",
                "warning",
            )

    # Aliases keep old /v/<id>/ addresses alive; they must not hide a live id.
    alias_seen: dict[str, str] = {}
    for post, doc in posts:
        for i, village in enumerate(post.villages or ()):
            for j, alias in enumerate(village.aliases or ()):
                path = ("villages", i, "aliases", j)
                if alias in village_seen:
                    _report(problems, doc, path, f"曾用编号“{alias}”正被另一个村（社区）使用，不能再作为曾用编号。")
                elif alias in alias_seen and alias_seen[alias] != village.id:
                    _report(
                        problems, doc, path,
                        f"曾用编号“{alias}”同时写在“{alias_seen[alias]}”和“{village.id}”两处。",
                    )
                else:
                    alias_seen[alias] = village.id

    # Two villages of one township with one name: reported at the second, naming the first.
    names: dict[tuple[str, str], list[tuple[Post, Document, int]]] = defaultdict(list)
    for post, doc in posts:
        for i, village in enumerate(post.villages or ()):
            if post.township is not None and village.name is not None:
                names[(post.township, village.name)].append((post, doc, i))
    for (township, name), same in sorted(names.items(), key=lambda item: item[0]):
        ids = list(dict.fromkeys(str(p.villages[k].id) for p, _, k in same))
        if len(ids) > 1:  # one village written twice is reported as such, not here
            _, last_doc, last = same[-1]
            _, first_doc, first_index = same[0]
            _report(
                problems, last_doc, ("villages", last, "name"),
                f"{township}有 {len(ids)} 个同名的“{name}”（{'、'.join(ids)}），群众查找时可能混淆"
                f"（另见 {first_doc.display} 第 {first_doc.line_of(('villages', first_index, 'name'))} 行）。",
                "warning",
            )
