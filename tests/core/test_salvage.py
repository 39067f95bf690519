"""salvage() keeps what validates in a failed record for the rules across
records; a mapping written where a list of records belongs is left out, not
taken as one record (iterating a record gives its fields as tuples)."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.core.messages import salvage
from generator.directory.schema import Officer, Post

from conftest import SAMPLE, check


def test_a_mapping_where_a_list_of_records_belongs_is_left_out() -> None:
    data = yaml.safe_load((SAMPLE / "posts" / "zhongshu-changan.yml").read_text(encoding="utf-8"))
    post = salvage(Post, {"id": "zhongshu-changan", **data, "officers": {}, "staff": {"name": "x"}})
    assert post is not None
    assert post.officers is None and post.staff is None
    assert post.villages and all(v.id for v in post.villages)  # the rest is kept
    # One record where one record belongs is still salvaged.
    assert isinstance(salvage(Post, {**data, "officers": [{"id": "a", "phone": "bad"}]}).officers[0], Officer)


def test_officers_written_as_a_mapping_is_a_clean_problem(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    post = data / "posts" / "zhongshu-changan.yml"
    tree = yaml.safe_load(post.read_text(encoding="utf-8"))
    tree["officers"] = {}
    post.write_text(yaml.safe_dump(tree, allow_unicode=True), encoding="utf-8")
    err = check(data)
    assert "posts/zhongshu-changan.yml" in err and "officers" in err
    assert "程序内部出错" not in err
