"""Load 三访三评 results: data/evaluations/<period>.yml (schema.Evaluation)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from ..core.documents import report_at
from ..core.files import data_files, display_path
from ..core.messages import validate_document
from ..core.problems import Problems
from ..core.yamlio import load_yaml_file
from ..directory.grid import Grid
from .model import EvaluationRound, PostScore
from .schema import Evaluation


def load_evaluations(data_dir: Path, grid: Grid, problems: Problems) -> tuple[EvaluationRound, ...]:
    """Every round, oldest first."""
    out: list[EvaluationRound] = []
    for path in data_files(data_dir / "evaluations", (".yml", ".yaml"), "三访三评", problems):
        doc = load_yaml_file(path, display_path(path), problems)
        if doc is None:
            continue
        record: Evaluation | None = validate_document(Evaluation, doc, problems)
        if record is None:
            continue
        ok = True
        start, end = record.period.from_, record.period.to
        if start > end:
            ok = False
            report_at(
                problems, doc, ("period", "from"),
                f"评议期开始日期 {start.isoformat()} 在结束日期 {end.isoformat()} 之后。",
            )
        scores: dict[str, PostScore] = {}
        for i, result in enumerate(record.posts):
            post = grid.post_ids.resolve(result.post, partial(report_at, problems, doc, ("posts", i, "post")))
            if result.satisfied > result.responses:
                ok = False
                report_at(
                    problems, doc, ("posts", i, "satisfied"),
                    f"满意人数（{result.satisfied}）比参评人数（{result.responses}）还多，请核对。",
                )
            if post is None:
                ok = False
            elif post.id in scores:
                ok = False
                report_at(problems, doc, ("posts", i, "post"), f"{post.name}（{post.id}）写了两次。")
            else:
                scores[post.id] = PostScore(post.id, result.responses, result.satisfied)
        if ok:
            order = [p.id for p in grid.posts]
            out.append(EvaluationRound(
                slug=path.stem, start=start, end=end, by=record.by,
                scores=tuple(sorted(scores.values(), key=lambda s: order.index(s.post))),
            ))
    return tuple(sorted(out, key=lambda r: (r.start, r.slug)))
